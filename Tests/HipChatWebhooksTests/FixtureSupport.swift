import Foundation

/// Reads the files under `Fixtures/hipchat/`.
enum Fixtures {
    /// The package root: three levels up from this file (`Tests/HipChatWebhooksTests/FixtureSupport.swift`).
    static let root = URL(filePath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appending(path: "Fixtures/hipchat")

    /// The file names in a fixture directory, sorted.
    static func names(in directory: String) -> [String] {
        let url = root.appending(path: directory)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path(percentEncoded: false))) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }

    /// The bytes of a fixture file.
    static func bytes(_ directory: String, _ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appending(path: directory).appending(path: name)))
    }

    /// The event name a fixture file stands for: its name up to `--` or `.json`.
    static func eventName(ofFile name: String) -> String {
        let stem = String(name.dropLast(".json".count))
        if let range = stem.range(of: "--") {
            return String(stem[..<range.lowerBound])
        }
        return stem
    }
}
