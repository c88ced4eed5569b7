public import Foundation
public import WebhookCore
import WebhookCrypto

/// One whole webhook request saved as a JSON file, with what a verifier must make of it: the signed-request format
/// of `Fixtures/<vendor>/requests/`, of `webhookkit sign`'s output and of `webhookkit verify --request`.
///
/// ```json
/// {
///   "description": "what this request shows",
///   "mode": "hmac",
///   "method": "POST",
///   "url": "https://receiver.example.com/webhooks/confluence",
///   "headers": [
///     ["Content-Type", "application/json"],
///     ["X-Hub-Signature", "sha256=…"]
///   ],
///   "body": "<the exact body text; the request's bytes are its UTF-8>",
///   "now": 1750000000,
///   "eventName": "page_updated",
///   "expect": {"result": "verified", "event": "page_updated"}
/// }
/// ```
///
/// Only `url` and `body` are required; `method` defaults to `POST` and `headers` to none. Members the format does
/// not define are ignored. Reading never re-encodes the body: the request's bytes are the UTF-8 of the `body`
/// string, exactly.
///
/// ```swift
/// let file = try WebhookRequestFile(bytes: Data(contentsOf: url))
/// let verifier = try HipChatSignatureVerifier(secrets: secrets, clock: { file.now ?? 0 })
/// let verified = try await verifier.verify(file.request, eventName: file.eventName)
/// #expect(file.expectation == .verified(event: verified.eventName))
/// ```
public struct WebhookRequestFile: Sendable, Hashable {
    /// What a verifier must make of the request: the file's `expect` member.
    public enum Expectation: Sendable, Hashable {
        /// `{"result": "verified", "event": …}`: authentic and decodable, to the event name when one is given.
        case verified(event: String?)
        /// `{"result": "rejected", "code": …}`: rejected, with this error code when one is given.
        case rejected(code: WebhookError.Code?)
    }

    /// What the request shows, for people (`description`).
    public var description: String?
    /// The request: `method`, `url` (the target), `headers` in their order, and the UTF-8 of `body`.
    public var request: WebhookRequest
    /// The UNIX time in seconds to verify at (`now`).
    public var now: Double?
    /// The event name known from outside the body, for a vendor whose bodies name none (`eventName`, Confluence
    /// Cloud): pass it to `verify(_:eventName:)`.
    public var eventName: String?
    /// The verifier mode the request is for, when the vendor has several (`mode`; Confluence: `hmac` or
    /// `connect`).
    public var mode: String?
    /// What a verifier must make of the request (`expect`).
    public var expectation: Expectation?

    /// Creates a request file.
    /// - Parameters:
    ///   - description: What the request shows.
    ///   - request: The request.
    ///   - now: The UNIX time to verify at.
    ///   - eventName: The event name known from outside the body.
    ///   - mode: The verifier mode the request is for.
    ///   - expectation: What a verifier must make of the request.
    public init(
        description: String? = nil,
        request: WebhookRequest,
        now: Double? = nil,
        eventName: String? = nil,
        mode: String? = nil,
        expectation: Expectation? = nil
    ) {
        self.description = description
        self.request = request
        self.now = now
        self.eventName = eventName
        self.mode = mode
        self.expectation = expectation
    }

    /// Reads a request file.
    /// - Parameter bytes: The file's bytes.
    /// - Throws: ``WebhookRequestFileError`` with ``WebhookRequestFileError/Code/malformedJSON`` for bytes that are
    ///   not a JSON object, ``WebhookRequestFileError/Code/missingMember`` without `url`, `body` or
    ///   `expect.result`,
    ///   ``WebhookRequestFileError/Code/invalidBody`` for a `body` that is not a string, and
    ///   ``WebhookRequestFileError/Code/invalidMember`` for any other member of the wrong shape.
    public init(bytes: some DataProtocol) throws(WebhookRequestFileError) {
        let members = try Members(object: Self.object(in: Data(bytes)), path: "")
        let body: String
        switch members.values["body"] {
        case .string(let text)?:
            body = text
        case nil, .null?:
            throw WebhookRequestFileError(.missingMember, "no \"body\" member")
        case let other?:
            throw WebhookRequestFileError(
                .invalidBody,
                "\"body\" must be the exact body text as a JSON string, not \(Members.kind(of: other))"
            )
        }
        var headers = WebhookHeaders()
        for (index, entry) in try members.array("headers").enumerated() {
            guard case .array(let pair) = entry, pair.count == 2, case .string(let name) = pair[0],
                case .string(let value) = pair[1]
            else {
                let found =
                    switch entry {
                    case .array(let items) where items.count == 2: "a pair holding a value that is not a string"
                    case .array(let items): "an array of \(items.count)"
                    default: Members.kind(of: entry)
                    }
                throw WebhookRequestFileError(
                    .invalidMember,
                    "headers[\(index)] must be a pair of strings [\"Name\", \"value\"], not \(found)"
                )
            }
            headers.add(name: name, value: value)
        }
        request = WebhookRequest(
            method: try members.string("method") ?? "POST",
            target: try members.requiredString("url"),
            headers: headers,
            body: Array(body.utf8)
        )
        description = try members.string("description")
        now = try members.number("now")
        eventName = try members.string("eventName")
        mode = try members.string("mode")
        expectation = try members.object("expect").map { expect throws(WebhookRequestFileError) in
            switch try expect.requiredString("result") {
            case "verified": return .verified(event: try expect.string("event"))
            case "rejected": return .rejected(code: try expect.string("code").map(WebhookError.Code.init(rawValue:)))
            case let other:
                throw WebhookRequestFileError(
                    .invalidMember,
                    "expect.result must be \"verified\" or \"rejected\", not \"\(other)\""
                )
            }
        }
    }

    /// The file's bytes: one member a line in the order of the example above (each header on a line of its own),
    /// two-space indentation, a final newline; members without a value are left out.
    /// - Throws: ``WebhookRequestFileError`` with ``WebhookRequestFileError/Code/invalidBody`` when the body is
    ///   not UTF-8, and ``WebhookRequestFileError/Code/invalidMember`` when `now` is not finite.
    public func encoded() throws(WebhookRequestFileError) -> [UInt8] {
        let lines = try members().map { "  \(JSONText.quoted($0.key)): \($0.spaced)" }
        return Array(("{\n" + lines.joined(separator: ",\n") + "\n}\n").utf8)
    }

    /// The same members as one line of JSON with sorted keys and no final newline: what `webhookkit sign`
    /// prints.
    /// - Throws: As ``encoded()``.
    public func encodedLine() throws(WebhookRequestFileError) -> [UInt8] {
        let members = try members().sorted { $0.key < $1.key }.map { "\(JSONText.quoted($0.key)):\($0.compact)" }
        return Array(("{" + members.joined(separator: ",") + "}").utf8)
    }

    // MARK: Writing

    /// One member's JSON text, laid out for ``encoded()`` and for ``encodedLine()``.
    private struct Member {
        var key: String
        var spaced: String
        var compact: String

        init(_ key: String, _ value: String) {
            self.init(key, spaced: value, compact: value)
        }

        init(_ key: String, spaced: String, compact: String) {
            self.key = key
            self.spaced = spaced
            self.compact = compact
        }
    }

    private func members() throws(WebhookRequestFileError) -> [Member] {
        guard let body = String(validating: request.body, as: UTF8.self) else {
            throw WebhookRequestFileError(
                .invalidBody,
                "the body is not UTF-8 text, which the request format cannot hold"
            )
        }
        var members: [Member] = []
        if let description { members.append(Member("description", JSONText.quoted(description))) }
        if let mode { members.append(Member("mode", JSONText.quoted(mode))) }
        members.append(Member("method", JSONText.quoted(request.method)))
        members.append(Member("url", JSONText.quoted(request.target)))
        let pairs = request.headers.map { (JSONText.quoted($0.name), JSONText.quoted($0.value)) }
        members.append(
            Member(
                "headers",
                spaced: pairs.isEmpty
                    ? "[]" : "[\n" + pairs.map { "    [\($0), \($1)]" }.joined(separator: ",\n") + "\n  ]",
                compact: "[" + pairs.map { "[\($0),\($1)]" }.joined(separator: ",") + "]"
            )
        )
        members.append(Member("body", JSONText.quoted(body)))
        if let now {
            guard now.isFinite else {
                throw WebhookRequestFileError(.invalidMember, "now must be a finite number, not \(now)")
            }
            members.append(Member("now", Int64(exactly: now).map(String.init) ?? String(now)))
        }
        if let eventName { members.append(Member("eventName", JSONText.quoted(eventName))) }
        if let expectation {
            let fields: [(String, String)] =
                switch expectation {
                case .verified(let event): [("result", "verified")] + (event.map { [("event", $0)] } ?? [])
                case .rejected(let code): [("result", "rejected")] + (code.map { [("code", $0.rawValue)] } ?? [])
                }
            let spaced = fields.map { "\(JSONText.quoted($0)): \(JSONText.quoted($1))" }
            let compact = fields.sorted { $0.0 < $1.0 }.map { "\(JSONText.quoted($0)):\(JSONText.quoted($1))" }
            members.append(
                Member(
                    "expect",
                    spaced: "{" + spaced.joined(separator: ", ") + "}",
                    compact: "{" + compact.joined(separator: ",") + "}"
                )
            )
        }
        return members
    }

    // MARK: Reading

    /// The top-level object of a file.
    private static func object(in data: Data) throws(WebhookRequestFileError) -> [String: JSONValue] {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw WebhookRequestFileError(.malformedJSON, "not JSON: \(syntaxProblem(in: data))")
        }
        guard case .object(let object) = value else {
            throw WebhookRequestFileError(.malformedJSON, "not a JSON object but \(Members.kind(of: value))")
        }
        return object
    }

    /// What the JSON parser says is wrong with bytes `JSONDecoder` rejected.
    private static func syntaxProblem(in data: Data) -> String {
        if data.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
            return "the file is empty"
        }
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            if let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String {
                return detail
            }
        }
        return "a syntax error"
    }

    /// The members of one JSON object of the file, read with errors that name their path.
    private struct Members {
        var values: [String: JSONValue]
        /// The object's path with a final dot (`expect.`), or empty for the top level.
        var path: String

        init(object: [String: JSONValue], path: String) {
            self.values = object
            self.path = path
        }

        /// A member's value, or `nil` when it is absent or `null`.
        private func value(_ key: String) -> JSONValue? {
            guard let value = values[key], !value.isNull else { return nil }
            return value
        }

        private func wrongType(_ key: String, _ expected: String, _ value: JSONValue) -> WebhookRequestFileError {
            WebhookRequestFileError(.invalidMember, "\(path)\(key) must be \(expected), not \(Self.kind(of: value))")
        }

        func string(_ key: String) throws(WebhookRequestFileError) -> String? {
            guard let value = value(key) else { return nil }
            guard case .string(let text) = value else { throw wrongType(key, "a string", value) }
            return text
        }

        func requiredString(_ key: String) throws(WebhookRequestFileError) -> String {
            guard let text = try string(key) else {
                throw WebhookRequestFileError(.missingMember, "no \"\(path)\(key)\" member")
            }
            return text
        }

        func number(_ key: String) throws(WebhookRequestFileError) -> Double? {
            guard let value = value(key) else { return nil }
            guard let number = value.doubleValue else { throw wrongType(key, "a number", value) }
            return number
        }

        func array(_ key: String) throws(WebhookRequestFileError) -> [JSONValue] {
            guard let value = value(key) else { return [] }
            guard case .array(let elements) = value else { throw wrongType(key, "an array", value) }
            return elements
        }

        func object(_ key: String) throws(WebhookRequestFileError) -> Members? {
            guard let value = value(key) else { return nil }
            guard case .object(let object) = value else { throw wrongType(key, "an object", value) }
            return Members(object: object, path: path + key + ".")
        }

        /// A JSON value's kind, for a reason: "a number", "an array", ...
        static func kind(of value: JSONValue) -> String {
            switch value {
            case .null: "null"
            case .bool: "a Boolean"
            case .integer, .number: "a number"
            case .string: "a string"
            case .array: "an array"
            case .object: "an object"
            }
        }
    }
}
