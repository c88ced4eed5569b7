/// The error ``WebhookRequestFile`` throws for a file it cannot read, or a request it cannot write.
///
/// `code` is stable and meant for programs; `reason` is for people and names the member at fault. Equality
/// compares codes only.
public struct WebhookRequestFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable error code. An open set: new codes are not an API break.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String

        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        public var description: String { rawValue }

        /// The bytes are not JSON (empty, a syntax error, text that is not UTF-8 or an escape that is no
        /// character), or not a JSON object.
        public static let malformedJSON = Code(rawValue: "malformed_json")
        /// A required member (`url`, `body`, `expect.result`) is absent or `null`.
        public static let missingMember = Code(rawValue: "missing_member")
        /// A member of the wrong JSON type, a header that is not a `[name, value]` pair, an `expect.result`
        /// other than `verified` or `rejected`, or a `now` that is not a finite number.
        public static let invalidMember = Code(rawValue: "invalid_member")
        /// The body is not text: a `body` member that is not a JSON string when reading, body bytes that are not
        /// UTF-8 when writing (the format holds text bodies only).
        public static let invalidBody = Code(rawValue: "invalid_body")
    }

    /// The stable code.
    public let code: Code
    /// A human-readable reason, naming the member at fault.
    public let reason: String

    /// Creates an error.
    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String {
        "\(code.rawValue): \(reason)"
    }

    public static func == (lhs: WebhookRequestFileError, rhs: WebhookRequestFileError) -> Bool {
        lhs.code == rhs.code
    }
}
