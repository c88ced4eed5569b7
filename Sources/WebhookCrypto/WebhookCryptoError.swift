/// The one error type of the crypto layer: a stable ``Code`` and a human-readable reason.
///
/// Two errors are equal when their codes are equal; the reason is for people and logs and may change.
/// A reason never contains a secret, a key or a whole token.
public struct WebhookCryptoError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable, machine-readable error code. New codes may be added without breaking the API.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's stable string form, such as `"signature_mismatch"`.
        public let rawValue: String

        /// Creates a code from its string form.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// The token is not a well-formed compact JWS (segments, Base64URL, JSON objects, header members).
        public static let malformedToken = Code(rawValue: "malformed_token")
        /// The `alg` is unknown, or is `none`.
        public static let unsupportedAlgorithm = Code(rawValue: "unsupported_algorithm")
        /// The algorithm is known but the key (or every candidate key) does not allow it.
        public static let algorithmNotAllowed = Code(rawValue: "algorithm_not_allowed")
        /// No candidate key produced a valid signature.
        public static let signatureMismatch = Code(rawValue: "signature_mismatch")
        /// `exp` has passed (beyond the leeway).
        public static let expired = Code(rawValue: "expired")
        /// `nbf` is still in the future (beyond the leeway).
        public static let notYetValid = Code(rawValue: "not_yet_valid")
        /// `iat` is in the future (beyond the leeway).
        public static let issuedInFuture = Code(rawValue: "issued_in_future")
        /// A required claim is absent.
        public static let missingClaim = Code(rawValue: "missing_claim")
        /// A claim has the wrong JSON type or an impossible value.
        public static let invalidClaim = Code(rawValue: "invalid_claim")
        /// `iss` is not one of the accepted issuers.
        public static let issuerMismatch = Code(rawValue: "issuer_mismatch")
        /// `aud` contains none of the accepted audiences.
        public static let audienceMismatch = Code(rawValue: "audience_mismatch")
        /// The token names a `kid` that no configured key has.
        public static let unknownKeyID = Code(rawValue: "unknown_key_id")
        /// Key material could not be read, or is too weak or of an unsupported kind.
        public static let invalidKey = Code(rawValue: "invalid_key")
        /// Hex, Base64 or Base64URL text is not valid.
        public static let invalidEncoding = Code(rawValue: "invalid_encoding")
        /// The input is larger than the configured limit.
        public static let tooLarge = Code(rawValue: "too_large")
        /// The header's `crit` lists an extension this library does not understand.
        public static let unknownCriticalHeader = Code(rawValue: "unknown_critical_header")
        /// The verifier's own configuration cannot work, for example a leeway that is negative or not finite, or a
        /// clock that returns a non-finite time. Never caused by the token.
        public static let invalidConfiguration = Code(rawValue: "invalid_configuration")
        /// OpenSSL failed unexpectedly (for example, out of memory).
        public static let internalError = Code(rawValue: "internal_error")

        public var description: String { rawValue }
    }

    /// What failed, as a stable code.
    public let code: Code
    /// A human-readable explanation. It never contains a secret or a whole token.
    public let reason: String

    /// Creates an error.
    /// - Parameters:
    ///   - code: The stable code.
    ///   - reason: A human-readable explanation; never put a secret or a whole token in it.
    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String { "WebhookCryptoError(\(code.rawValue)): \(reason)" }

    public static func == (lhs: WebhookCryptoError, rhs: WebhookCryptoError) -> Bool {
        lhs.code == rhs.code
    }
}
