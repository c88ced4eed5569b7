package import Foundation
package import WebhookCore
package import WebhookTesting

/// One vendor's folder under `Fixtures/` (`Fixtures/hipchat/`), for the package's own tests.
package struct FixtureFolder: Sendable {
    /// The folder: `Fixtures/<vendor>/` of the package, found from this file
    /// (`Tests/WebhookFixtureSupport/FixtureFolder.swift`).
    package let root: URL

    /// The folder of one vendor.
    /// - Parameter vendor: The folder's name under `Fixtures/` (`hipchat`, `apitree`).
    package init(vendor: String) {
        root = URL(filePath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appending(path: "Fixtures/\(vendor)")
    }

    /// The `.json` file names in a directory of the folder, sorted; empty when there is no such directory.
    package func names(in directory: String) -> [String] {
        let url = root.appending(path: directory)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path(percentEncoded: false))) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }

    /// The bytes of a file, by its path in the folder (`bytes("requests", "config.json")`).
    package func bytes(_ components: String...) throws -> [UInt8] {
        Array(try Data(contentsOf: components.reduce(root) { $0.appending(path: $1) }))
    }

    /// The event name a fixture file stands for: its name up to `--` or `.json`.
    package func eventName(ofFile name: String) -> String {
        let stem = String(name.dropLast(".json".count))
        if let range = stem.range(of: "--") {
            return String(stem[..<range.lowerBound])
        }
        return stem
    }

    // MARK: Signed requests

    /// Whether the generator tests should (re)write the request files instead of only comparing them
    /// (`WEBHOOKKIT_WRITE_FIXTURES=1`).
    package static var shouldWrite: Bool {
        ProcessInfo.processInfo.environment["WEBHOOKKIT_WRITE_FIXTURES"] == "1"
    }

    /// The request file names in a directory (every `.json` but `config.json`), sorted.
    package func requestFileNames(in directory: String = "requests") -> [String] {
        names(in: directory).filter { $0 != "config.json" }
    }

    /// Reads a request file, by its path in the folder.
    package func requestFile(_ components: String...) throws -> WebhookRequestFile {
        try WebhookRequestFile(bytes: Data(contentsOf: components.reduce(root) { $0.appending(path: $1) }))
    }

    /// Compares generated request files with the files of a directory, after writing them when
    /// ``shouldWrite``.
    /// - Returns: The names of the files that differ from what was generated.
    package func sync(_ generated: [String: WebhookRequestFile], in directory: String = "requests") throws -> [String] {
        var differences: [String] = []
        for (name, file) in generated.sorted(by: { $0.key < $1.key }) {
            let bytes = try file.encoded()
            if Self.shouldWrite {
                try Data(bytes).write(to: root.appending(path: directory).appending(path: name))
            }
            if (try? self.bytes(directory, name)) != bytes {
                differences.append(name)
            }
        }
        return differences
    }
}

extension WebhookRequestFile {
    /// A request file that expects the request to verify, to an event.
    package static func verified(_ description: String, _ request: WebhookRequest, now: Double, event: String) -> Self {
        Self(description: description, request: request, now: now, expectation: .verified(event: event))
    }

    /// A request file that expects the request to be rejected, with an error code.
    package static func rejected(
        _ description: String,
        _ request: WebhookRequest,
        now: Double,
        code: WebhookError.Code
    ) -> Self {
        Self(description: description, request: request, now: now, expectation: .rejected(code: code))
    }
}
