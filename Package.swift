// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "WebhookKit",
    products: [
        .library(name: "WebhookKit", targets: ["WebhookKit"]),
        .library(name: "WebhookRegistry", targets: ["WebhookRegistry"]),
        .library(name: "HipChatWebhooks", targets: ["HipChatWebhooks"]),
        .library(name: "ConfluenceWebhooks", targets: ["ConfluenceWebhooks"]),
        .library(name: "RServiceWebhooks", targets: ["RServiceWebhooks"]),
        .library(name: "ApiTreeWebhooks", targets: ["ApiTreeWebhooks"]),
        .library(name: "WebhookTesting", targets: ["WebhookTesting"]),
        .library(name: "WebhookKitHummingbird", targets: ["WebhookKitHummingbird"]),
        .library(name: "WebhookKitVapor", targets: ["WebhookKitVapor"]),
        .library(name: "WebhookKitPostgres", targets: ["WebhookKitPostgres"]),
        .executable(name: "webhookkit", targets: ["webhookkit"]),
    ],
    traits: [
        .trait(
            name: "Hummingbird",
            description: "Builds WebhookKitHummingbird, the middleware for Hummingbird 2."
        ),
        .trait(
            name: "Vapor",
            description: "Builds WebhookKitVapor, the middleware for Vapor 4."
        ),
        .trait(
            name: "PostgreSQL",
            description: "Builds WebhookKitPostgres, the delivery ledger in PostgreSQL that server instances share."
        ),
        .default(enabledTraits: []),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.16.0"),
        .package(url: "https://github.com/vapor/vapor", from: "4.115.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        // Test-only: the property-based tests of WebhookKitTests (Tests/WebhookKitTests/PropertyTests.swift).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // MARK: Crypto
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"]), .brew(["openssl@3"])]
        ),
        .target(
            name: "CWebhookCryptoShims",
            dependencies: ["COpenSSL"]
        ),
        .target(
            name: "WebhookCrypto",
            dependencies: [
                "COpenSSL", "CWebhookCryptoShims", "WebhookCore",
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Core (the vocabulary, depending on nothing of ours) and registry
        .target(
            name: "WebhookCore",
            // swift-log and swift-metrics' CoreMetrics: API packages without a backend. The middleware core writes to
            // the logger the application's framework hands it, and counts through the metrics factory the
            // application bootstraps (nothing is recorded without one).
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        // The lenient Codable value types of the vendors' payload models (ids, Booleans, timestamps).
        .target(
            name: "WebhookValues",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "WebhookRegistry",
            dependencies: ["WebhookCore"],
            swiftSettings: swiftSettings
        ),

        // MARK: Vendors
        .target(
            name: "HipChatWebhooks",
            dependencies: ["WebhookCore", "WebhookCrypto", "WebhookRegistry", "WebhookValues"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ConfluenceWebhooks",
            dependencies: ["WebhookCore", "WebhookCrypto", "WebhookRegistry", "WebhookValues"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RServiceWebhooks",
            dependencies: ["WebhookCore", "WebhookCrypto", "WebhookRegistry", "WebhookValues"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ApiTreeWebhooks",
            dependencies: ["WebhookCore", "WebhookCrypto", "WebhookRegistry", "WebhookValues"],
            swiftSettings: swiftSettings
        ),

        // MARK: Umbrella, testing support, tool
        .target(
            name: "WebhookKit",
            dependencies: [
                "WebhookCore", "WebhookCrypto", "WebhookRegistry", "WebhookValues",
                "HipChatWebhooks", "ConfluenceWebhooks", "RServiceWebhooks", "ApiTreeWebhooks",
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "WebhookTesting",
            dependencies: ["WebhookKit", "WebhookCore", "WebhookCrypto", "WebhookRegistry", "WebhookValues"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "webhookkit",
            dependencies: [
                "WebhookKit",
                "WebhookTesting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Middleware, behind package traits
        .target(
            name: "WebhookKitHummingbird",
            dependencies: [
                "WebhookCore",
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Hummingbird"])),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "WebhookKitVapor",
            dependencies: [
                "WebhookCore",
                .product(name: "Vapor", package: "vapor", condition: .when(traits: ["Vapor"])),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "WebhookKitPostgres",
            dependencies: [
                "WebhookCore", "WebhookCrypto", "ConfluenceWebhooks",
                .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["PostgreSQL"])),
                .product(name: "Logging", package: "swift-log", condition: .when(traits: ["PostgreSQL"])),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Tests
        // Reads `Fixtures/<vendor>/` for the vendor test targets; not a product.
        .target(
            name: "WebhookFixtureSupport",
            dependencies: ["WebhookCore", "WebhookRegistry", "WebhookTesting"],
            path: "Tests/WebhookFixtureSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WebhookCryptoTests",
            dependencies: ["WebhookCrypto", "WebhookCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WebhookCoreTests",
            dependencies: [
                "WebhookCore", "WebhookRegistry", "WebhookCrypto", "WebhookValues",
                .product(name: "MetricsTestKit", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WebhookRegistryTests",
            dependencies: ["WebhookRegistry", "WebhookCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HipChatWebhooksTests",
            dependencies: ["WebhookValues",
                "HipChatWebhooks", "WebhookCore", "WebhookCrypto", "WebhookFixtureSupport", "WebhookTesting",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ConfluenceWebhooksTests",
            dependencies: ["ConfluenceWebhooks", "WebhookCore", "WebhookCrypto", "WebhookTesting", "WebhookValues"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RServiceWebhooksTests",
            dependencies: ["WebhookValues", "RServiceWebhooks", "WebhookCore", "WebhookCrypto", "WebhookTesting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ApiTreeWebhooksTests",
            dependencies: ["WebhookValues",
                "ApiTreeWebhooks", "WebhookCore", "WebhookCrypto", "WebhookFixtureSupport", "WebhookTesting",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WebhookKitHummingbirdTests",
            dependencies: [
                "WebhookKitHummingbird", "WebhookTesting", "WebhookFixtureSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird", condition: .when(traits: ["Hummingbird"])),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WebhookKitVaporTests",
            dependencies: [
                "WebhookKitVapor", "WebhookTesting", "WebhookFixtureSupport",
                .product(name: "VaporTesting", package: "vapor", condition: .when(traits: ["Vapor"])),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WebhookKitPostgresTests",
            dependencies: [
                "WebhookKitPostgres", "WebhookCore", "WebhookRegistry", "ConfluenceWebhooks", "WebhookTesting",
                .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["PostgreSQL"])),
                .product(name: "Logging", package: "swift-log", condition: .when(traits: ["PostgreSQL"])),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["PostgreSQL"])),
                .product(name: "NIOPosix", package: "swift-nio", condition: .when(traits: ["PostgreSQL"])),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WebhookKitTests",
            dependencies: [
                "WebhookKit", "WebhookTesting",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)

// The documentation check (`.ci/docs`) adds swift-docc-plugin; the package itself does not depend on it.
if Context.environment["WEBHOOKKIT_DOCS"] == "1" {
    package.dependencies.append(.package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"))
}
