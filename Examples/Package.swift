// swift-tools-version:6.2
import PackageDescription

// The examples that Docs/Middleware.md and Docs/Testing.md quote. A separate package, so that WebhookKit itself
// never depends on a server framework: it depends on WebhookKit by path, with both middleware traits on.
//
//     swift run --package-path Examples WebhookExampleServer              # Hummingbird, 127.0.0.1:8080
//     swift run --package-path Examples WebhookExampleServer --self-test  # start, send one request per vendor, exit
//     swift run --package-path Examples WebhookExampleVapor --self-test   # the same with Vapor
//     Scripts/load-test.sh 10                                             # the Hummingbird server under wrk

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "WebhookKitExamples",
    dependencies: [
        .package(name: "WebhookKit", path: "..", traits: ["Hummingbird", "Vapor"]),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.16.0"),
        .package(url: "https://github.com/vapor/vapor", from: "4.115.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.25.0"),
    ],
    targets: [
        .target(
            name: "WebhookExampleSupport",
            dependencies: [
                .product(name: "WebhookKit", package: "WebhookKit"),
                .product(name: "WebhookTesting", package: "WebhookKit"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "WebhookExampleServer",
            dependencies: [
                "WebhookExampleSupport",
                .product(name: "WebhookKit", package: "WebhookKit"),
                .product(name: "WebhookKitHummingbird", package: "WebhookKit"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "WebhookExampleVapor",
            dependencies: [
                "WebhookExampleSupport",
                .product(name: "WebhookKit", package: "WebhookKit"),
                .product(name: "WebhookKitVapor", package: "WebhookKit"),
                .product(name: "Vapor", package: "vapor"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WebhookExampleTests",
            dependencies: [
                "WebhookExampleServer",
                "WebhookExampleVapor",
                .product(name: "WebhookTesting", package: "WebhookKit"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "VaporTesting", package: "vapor"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
