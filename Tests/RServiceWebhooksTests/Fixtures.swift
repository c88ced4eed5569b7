import Foundation
import RServiceWebhooks
import WebhookCore

/// Reads `Fixtures/rservice/` from the package root (three levels above this file).
enum Fixtures {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/rservice")

    /// The file names in a fixture folder, sorted.
    static func files(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path))
        return (names ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }

    /// The bytes of a fixture, e.g. `events/webhook.verify.json`.
    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(path)))
    }

    /// The event name a fixture file stands for: the file name without `.json` and without a `--variant`.
    static func eventName(ofFile file: String) -> String {
        let base = String(file.dropLast(".json".count))
        if let range = base.range(of: "--") {
            return String(base[..<range.lowerBound])
        }
        return base
    }

    /// Decodes an event fixture.
    static func event(_ path: String) throws -> RServiceEvent {
        try RServiceEvent.decode(from: bytes(path), eventName: nil)
    }

    /// The decoding error of a body, or `nil` when it decodes.
    static func decodingError(_ bytes: [UInt8]) -> WebhookError? {
        do {
            _ = try RServiceEvent.decode(from: bytes, eventName: nil)
            return nil
        } catch {
            return error
        }
    }
}
