// swift-tools-version:5.4
// libFuzzer targets for WebhookKit. A package of its own: with tools 5.5 or later SwiftPM renames executables'
// entry points and a `-sanitize=fuzzer` executable no longer links. Build and run with `Scripts/fuzz.sh`.
import PackageDescription

/// One executable per entry point; `Scripts/fuzz.sh --list` prints these names.
let fuzzTargets = [
    "FuzzJWT",
    "FuzzJSON",
    "FuzzDecodeHipChat",
    "FuzzDecodeConfluence",
    "FuzzDecodeRService",
    "FuzzDecodeApiTree",
    "FuzzRequestTarget",
    "FuzzQueryStringHash",
    "FuzzKeyPEM",
    "FuzzKeyDER",
    "FuzzKeyJWK",
    "FuzzHeaderConfluenceHMAC",
    "FuzzHeaderHipChat",
    "FuzzHeaderConnect",
    "FuzzHeaderApiTree",
    "FuzzBodyRService",
]

let package = Package(
    name: "WebhookKitFuzz",
    dependencies: [
        .package(name: "WebhookKit", path: "..")
    ],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: [
                .product(name: "WebhookKit", package: "WebhookKit"),
                .product(name: "WebhookTesting", package: "WebhookKit"),
            ]
        )
    ]
        + fuzzTargets.map { name in
            .executableTarget(
                name: name,
                dependencies: [
                    "FuzzSupport",
                    .product(name: "WebhookKit", package: "WebhookKit"),
                ]
            )
        }
)
