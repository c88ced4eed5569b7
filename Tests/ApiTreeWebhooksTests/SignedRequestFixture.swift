import Foundation
import WebhookCore

/// One whole signed request of `Fixtures/<vendor>/requests/`, in the format every vendor shares.
struct SignedRequestFixture: Codable, Equatable {
    /// What the file expects from the verifier.
    struct Expectation: Codable, Equatable {
        /// `verified` or `rejected`.
        var result: String
        /// The event name of a verified request.
        var event: String?
        /// The error code of a rejected request.
        var code: String?
    }

    var description: String
    var method: String
    var url: String
    var headers: [[String]]
    var body: String
    var now: Double
    var eventName: String?
    var expect: Expectation

    init(description: String, request: WebhookRequest, now: Double, expect: Expectation) {
        self.description = description
        self.method = request.method
        self.url = request.target
        self.headers = request.headers.map { [$0.name, $0.value] }
        self.body = String(decoding: request.body, as: UTF8.self)
        self.now = now
        self.eventName = nil
        self.expect = expect
    }

    /// The request the file describes; the body is the UTF-8 of `body`.
    var request: WebhookRequest {
        WebhookRequest(
            method: method,
            target: url,
            headers: WebhookHeaders(headers.map { ($0.first ?? "", $0.dropFirst().first ?? "") }),
            body: Array(body.utf8)
        )
    }

    /// The file's bytes: sorted keys, two-space indentation, a final newline.
    func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self)) + [UInt8(ascii: "\n")]
    }

    static func verified(_ description: String, _ request: WebhookRequest, now: Double, event: String) -> Self {
        Self(
            description: description,
            request: request,
            now: now,
            expect: Expectation(result: "verified", event: event)
        )
    }

    static func rejected(_ description: String, _ request: WebhookRequest, now: Double, code: WebhookError.Code) -> Self
    {
        Self(
            description: description,
            request: request,
            now: now,
            expect: Expectation(result: "rejected", code: code.rawValue)
        )
    }
}

/// The sample requests of one vendor: reading them, and writing them when `WEBHOOKKIT_WRITE_FIXTURES=1`.
enum SignedRequestFiles {
    /// Whether the generator tests should (re)write the files instead of only comparing them.
    static var shouldWrite: Bool {
        ProcessInfo.processInfo.environment["WEBHOOKKIT_WRITE_FIXTURES"] == "1"
    }

    /// The request file names under `requests/` (every `.json` but `config.json`), sorted.
    static func names() -> [String] {
        Fixtures.names(in: "requests").filter { $0 != "config.json" }
    }

    static func read(_ name: String) throws -> SignedRequestFixture {
        try JSONDecoder().decode(SignedRequestFixture.self, from: Data(try Fixtures.bytes("requests", name)))
    }

    /// Compares the generated fixtures with the files, after writing them when asked to.
    static func sync(_ generated: [String: SignedRequestFixture]) throws -> [String] {
        let directory = Fixtures.root.appending(path: "requests")
        var differences: [String] = []
        for (name, fixture) in generated.sorted(by: { $0.key < $1.key }) {
            let bytes = try fixture.encoded()
            if shouldWrite {
                try Data(bytes).write(to: directory.appending(path: name))
            }
            if (try? Fixtures.bytes("requests", name)) != bytes {
                differences.append(name)
            }
        }
        return differences
    }
}
