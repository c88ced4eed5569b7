import Foundation
import WebhookCore

/// Reads `Fixtures/confluence/` from the package root (three levels above this file).
enum ConfluenceFixtures {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/confluence")

    /// The bytes of a fixture, by path relative to `Fixtures/confluence/`.
    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(path)))
    }

    /// The file names in a fixture folder, sorted.
    static func files(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path))
        return (names ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }

    /// The event name a fixture file stands for: the file name without `.json` and without a `--variant`.
    static func eventName(ofFile file: String) -> String {
        let stem = String(file.dropLast(".json".count))
        if let range = stem.range(of: "--") {
            return String(stem[..<range.lowerBound])
        }
        return stem
    }

    /// A fixture parsed as plain JSON, for comparing with re-encoded models.
    static func json(_ path: String) throws -> JSONValue {
        try WebhookJSON.value(from: try bytes(path))
    }
}
