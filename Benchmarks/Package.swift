// swift-tools-version:6.2
import PackageDescription

// WebhookKit's benchmarks, with the peers a Swift server would otherwise use (swift-crypto's HMAC,
// jwt-kit's JWTKeyCollection, Foundation's JSONDecoder), measured side by side in one run.
//
// A separate package so that the main package gains no dependency: run `swift package benchmark`
// from this directory, or `./run.sh` for the report in ../Docs/Performance.md.

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let benchmarkPlugin: Target.PluginUsage = .plugin(name: "BenchmarkPlugin", package: "benchmark")

let package = Package(
    name: "WebhookKitBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "WebhookKit", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/vapor/jwt-kit", exact: "5.8.0"),
    ],
    targets: [
        .target(
            name: "BenchmarkFixtures",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "JWTKit", package: "jwt-kit"),
            ],
            path: "Benchmarks/BenchmarkFixtures",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BenchmarkSupport",
            dependencies: [.product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/BenchmarkSupport",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "HMAC",
            dependencies: [
                "BenchmarkFixtures",
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "WebhookKit", package: "WebhookKit"),
            ],
            path: "Benchmarks/HMAC",
            swiftSettings: swiftSettings,
            plugins: [benchmarkPlugin]
        ),
        .executableTarget(
            name: "JWT",
            dependencies: [
                "BenchmarkFixtures",
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "WebhookKit", package: "WebhookKit"),
            ],
            path: "Benchmarks/JWT",
            swiftSettings: swiftSettings,
            plugins: [benchmarkPlugin]
        ),
        .executableTarget(
            name: "Events",
            dependencies: [
                "BenchmarkFixtures",
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "WebhookKit", package: "WebhookKit"),
            ],
            path: "Benchmarks/Events",
            swiftSettings: swiftSettings,
            plugins: [benchmarkPlugin]
        ),
        .executableTarget(
            name: "Vendors",
            dependencies: [
                "BenchmarkFixtures",
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "WebhookKit", package: "WebhookKit"),
                .product(name: "WebhookTesting", package: "WebhookKit"),
            ],
            path: "Benchmarks/Vendors",
            swiftSettings: swiftSettings,
            plugins: [benchmarkPlugin]
        ),
        .executableTarget(
            name: "JSONShapes",
            dependencies: [
                "BenchmarkFixtures",
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "WebhookKit", package: "WebhookKit"),
            ],
            path: "Benchmarks/JSONShapes",
            swiftSettings: swiftSettings,
            plugins: [benchmarkPlugin]
        ),
        // Not a benchmark (the plugin runs only executables in Benchmarks/Benchmarks/): one case in a plain loop,
        // for valgrind --tool=callgrind and for checking the harness's figures with a bare clock.
        .executableTarget(
            name: "Profile",
            dependencies: [
                "BenchmarkFixtures",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "WebhookKit", package: "WebhookKit"),
                .product(name: "WebhookTesting", package: "WebhookKit"),
            ],
            path: "Tools/Profile",
            swiftSettings: swiftSettings
        ),
    ]
)
