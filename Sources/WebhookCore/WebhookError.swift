/// The error every verifier and decoder in this package throws.
///
/// `code` is stable and meant for programs; `reason` is for people and never contains a secret or a whole token.
/// Equality compares codes only. ``category`` tells a middleware how to answer: ``Category/authentication`` is
/// "not authentic" (401), ``Category/decoding`` is "authentic but not decodable" (400, or 202 and log).
public struct WebhookError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable error code. Only this package mints codes (the initialiser is not public), so a `switch` over
    /// the codes a program cares about stays meaningful; adding a code is not an API break.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code's stable text, such as `signature_mismatch`.
        public let rawValue: String

        package init(rawValue: String) {
            self.rawValue = rawValue
        }

        public var description: String { rawValue }

        // MARK: Not authentic

        /// No signature or token where the vendor puts it.
        public static let missingSignature = Code(rawValue: "missing_signature")
        /// A signature header or value that cannot be decoded (bad hex or Base64, wrong prefix, wrong length).
        public static let malformedSignature = Code(rawValue: "malformed_signature")
        /// The signature does not match the body (or the token's signature does not match its content).
        public static let signatureMismatch = Code(rawValue: "signature_mismatch")
        /// A token that is not a well-formed compact JWS.
        public static let malformedToken = Code(rawValue: "malformed_token")
        /// An algorithm this package never accepts (`none`) or does not know.
        public static let unsupportedAlgorithm = Code(rawValue: "unsupported_algorithm")
        /// An algorithm the configured key does not allow.
        public static let algorithmNotAllowed = Code(rawValue: "algorithm_not_allowed")
        /// A `crit` header entry this package does not understand.
        public static let unknownCriticalHeader = Code(rawValue: "unknown_critical_header")
        /// `exp` lies in the past by more than the leeway.
        public static let expired = Code(rawValue: "expired")
        /// `nbf` lies in the future by more than the leeway.
        public static let notYetValid = Code(rawValue: "not_yet_valid")
        /// `iat` lies in the future by more than the leeway.
        public static let issuedInFuture = Code(rawValue: "issued_in_future")
        /// A claim the vendor's rules require is absent.
        public static let missingClaim = Code(rawValue: "missing_claim")
        /// A claim of the wrong JSON type or value.
        public static let invalidClaim = Code(rawValue: "invalid_claim")
        /// `iss` is not an expected issuer.
        public static let issuerMismatch = Code(rawValue: "issuer_mismatch")
        /// `aud` does not contain an expected audience.
        public static let audienceMismatch = Code(rawValue: "audience_mismatch")
        /// `sub` does not match the sender named in the body.
        public static let subjectMismatch = Code(rawValue: "subject_mismatch")
        /// The token's `kid` names no configured key.
        public static let unknownKeyID = Code(rawValue: "unknown_key_id")
        /// No secret is configured for the token's issuer (installation, tenant).
        public static let unknownIssuer = Code(rawValue: "unknown_issuer")
        /// Hex, Base64 or Base64URL text that is not in its one strict form (the crypto layer's decoders; a
        /// verifier reports a signature or token that does not decode as ``malformedSignature`` or
        /// ``malformedToken``).
        public static let invalidEncoding = Code(rawValue: "invalid_encoding")
        /// The Connect `qsh` claim does not match the request.
        public static let queryHashMismatch = Code(rawValue: "query_hash_mismatch")
        /// An unsigned delivery where the verifier requires a signature.
        public static let unsignedDelivery = Code(rawValue: "unsigned_delivery")
        /// An event name given outside the signed body (the caller's argument, a URL) that differs from the event
        /// name the signed body itself carries: the signed name wins, so the request is not trusted.
        public static let eventNameMismatch = Code(rawValue: "event_name_mismatch")
        /// The keys of an issuer that only the unverified token names could not be fetched (the fetch failed, a
        /// failure is remembered, or the fetch budget is spent). Anyone can name an issuer, so this is an
        /// authentication failure (401), never an outage: pin the issuer to make fetch failures `keyFetchFailed`.
        public static let issuerKeysUnavailable = Code(rawValue: "issuer_keys_unavailable")

        // MARK: Limits

        /// A body over the configured limit; rejected before any parsing.
        public static let bodyTooLarge = Code(rawValue: "body_too_large")
        /// A token over the configured limit; rejected before any parsing.
        public static let tokenTooLarge = Code(rawValue: "token_too_large")

        // MARK: Authentic but not decodable

        /// A body that is not the JSON the vendor sends (not JSON, not an object, empty).
        public static let malformedBody = Code(rawValue: "malformed_body")
        /// A JSON body whose field has the wrong type; the reason names the field's path.
        public static let invalidPayload = Code(rawValue: "invalid_payload")
        /// The event name cannot be told from the body, the token or the caller.
        public static let missingEventName = Code(rawValue: "missing_event_name")

        // MARK: Configuration

        /// The verifier's configuration cannot work (no keys, a key unusable for the vendor).
        public static let invalidConfiguration = Code(rawValue: "invalid_configuration")
        /// A key that cannot be read or is too weak.
        public static let invalidKey = Code(rawValue: "invalid_key")
        /// A failure inside the crypto library.
        public static let internalError = Code(rawValue: "internal_error")

        // MARK: Unavailable

        /// The configured key source failed for now: an application's secret lookup threw, or the keys of a
        /// configured (pinned) issuer could not be fetched. Answered 503 with `Retry-After`, so that the vendor
        /// retries; nothing about the request was found forged.
        public static let keyFetchFailed = Code(rawValue: "key_fetch_failed")

        /// The delivery ledger could not be reached or failed; the delivery was not processed.
        public static let ledgerUnavailable = Code(rawValue: "ledger_unavailable")
    }

    /// The kind of failure, for choosing an HTTP status.
    public struct Category: Hashable, Sendable, CustomStringConvertible {
        /// The category's stable text, such as `authentication`.
        public let rawValue: String

        package init(rawValue: String) {
            self.rawValue = rawValue
        }

        public var description: String { rawValue }

        /// Not authentic: answer 401.
        public static let authentication = Category(rawValue: "authentication")
        /// Over a size limit: answer 413.
        public static let limit = Category(rawValue: "limit")
        /// Authentic, but the body cannot be decoded: answer 400, or 202 and log.
        public static let decoding = Category(rawValue: "decoding")
        /// The receiver is misconfigured: answer 500.
        public static let configuration = Category(rawValue: "configuration")
        /// A store the receiver depends on (the delivery ledger) is unavailable: answer 503 with `Retry-After`.
        public static let unavailable = Category(rawValue: "unavailable")
    }

    /// The stable code.
    public let code: Code
    /// A human-readable reason. Never contains a secret or a whole token.
    public let reason: String
    /// The vendor whose request failed, when known.
    public let vendor: WebhookVendor?

    /// Creates an error.
    ///
    /// Control characters in `reason` (CR, LF, ESC, ... and the Unicode line separators) are escaped as
    /// `\u{..}`, so that text taken from a request can never forge a log line or a terminal sequence.
    public init(_ code: Code, _ reason: String, vendor: WebhookVendor? = nil) {
        self.code = code
        self.reason = Self.escapingControlCharacters(reason)
        self.vendor = vendor
    }

    /// `text` with every control character escaped as `\u{..}`.
    package static func escapingControlCharacters(_ text: String) -> String {
        func isControl(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
        }
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The category of the code.
    public var category: Category {
        switch code {
        case .missingSignature, .malformedSignature, .signatureMismatch, .malformedToken, .unsupportedAlgorithm,
            .algorithmNotAllowed, .unknownCriticalHeader, .expired, .notYetValid, .issuedInFuture, .missingClaim,
            .invalidClaim, .issuerMismatch, .audienceMismatch, .subjectMismatch, .unknownKeyID, .unknownIssuer,
            .invalidEncoding, .queryHashMismatch, .unsignedDelivery, .eventNameMismatch, .issuerKeysUnavailable:
            return .authentication
        case .bodyTooLarge, .tokenTooLarge:
            return .limit
        case .malformedBody, .invalidPayload, .missingEventName:
            return .decoding
        case .invalidConfiguration, .invalidKey, .internalError:
            return .configuration
        case .ledgerUnavailable, .keyFetchFailed:
            return .unavailable
        default:
            // Only this package mints codes and every one is listed above; a code added without a category
            // stops debug builds and tests here. A release build fails closed: not authentic.
            assertionFailure("WebhookError code \(code) has no category")
            return .authentication
        }
    }

    /// True when the request was found not authentic (category ``Category/authentication``): a missing, malformed
    /// or wrong signature or token, or claims that do not hold. False for every other category (limit, decoding,
    /// configuration, unavailable): those requests were not found forged.
    public var isAuthenticationFailure: Bool {
        category == .authentication
    }

    /// The same error, attributed to a vendor.
    public func attributed(to vendor: WebhookVendor) -> WebhookError {
        WebhookError(code, reason, vendor: vendor)
    }

    public var description: String {
        "\(code.rawValue): \(reason)"
    }

    public static func == (lhs: WebhookError, rhs: WebhookError) -> Bool {
        lhs.code == rhs.code
    }
}
