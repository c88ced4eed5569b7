public import WebhookCore
public import WebhookCrypto
import WebhookRegistry

/// Verifies ApiTree webhooks: the `X-ApiTree-Signature` header is an HMAC of the webhook URL the caller registered
/// followed directly by the raw body, keyed with the webhook's secret.
///
/// The default ``Scheme`` is Base64(HMAC-SHA1(secret as UTF-8, URL bytes ‖ body bytes)), inferred from ApiTree's
/// published example (a Base64 value of 20 bytes) and its wording; algorithm, encoding and message layout can be
/// configured. The algorithm is fixed by the configuration and never inferred from the signature's length, and the
/// URL is the configured one, never rebuilt from the request's `Host` header.
///
/// Checks, in order: body size; the signature header (missing, or undecodable in the configured encoding, or of
/// the wrong length); the HMAC over the exact raw bytes, in constant time, against each configured secret
/// (rotation); decoding of the event.
///
/// ApiTree sends no timestamp and no delivery id, so a captured delivery stays valid forever: no time check can
/// reject a replay, and ``minimumDeliveryRetention`` is `.zero`. The verifier records nothing;
/// `VerifiedWebhook/deliveryKey`, which the middleware's delivery ledger uses to process a delivery once, is
/// `apitree:sha256:<hex>`, a SHA-256 over the verified MAC and the body: every copy of one delivery has it (for
/// as long as the ledger keeps it, a re-sent copy is recognised), and a different body has another key.
public struct ApiTreeSignatureVerifier: WebhookVerifier {
    public typealias Event = ApiTreeEvent

    /// How the signature is computed and encoded.
    public struct Scheme: Sendable, Hashable {
        /// How the MAC is written in the header.
        public enum Encoding: Sendable, Hashable {
            /// Standard, padded Base64 (RFC 4648 section 4): ApiTree's published example.
            case base64
            /// Hexadecimal, upper or lower case.
            case hex
        }

        /// Which bytes the MAC covers.
        public enum Layout: Sendable, Hashable {
            /// The configured webhook URL's UTF-8 bytes, followed directly by the raw body (no separator).
            case urlThenBody
            /// The raw body alone.
            case bodyOnly
        }

        /// The hash function of the HMAC: SHA-1 (default) or SHA-256 (SHA-384 and SHA-512 work too).
        public var algorithm: HashAlgorithm
        /// The encoding of the MAC in the header.
        public var encoding: Encoding
        /// The signed message.
        public var layout: Layout

        /// Creates a scheme.
        /// - Parameters:
        ///   - algorithm: The hash function (default SHA-1).
        ///   - encoding: The header encoding (default Base64).
        ///   - layout: The signed message (default URL then body).
        public init(algorithm: HashAlgorithm = .sha1, encoding: Encoding = .base64, layout: Layout = .urlThenBody) {
            self.algorithm = algorithm
            self.encoding = encoding
            self.layout = layout
        }

        /// Base64(HMAC-SHA1(secret, URL ‖ body)): the library's default, inferred from ApiTree's example.
        public static let `default` = Scheme()

        /// The length of the encoded MAC in characters: 28 for Base64 SHA-1, 44 for Base64 SHA-256, twice the MAC
        /// size for hex.
        public var encodedLength: Int {
            let size = algorithm.digestSize
            switch encoding {
            case .base64: return (size + 2) / 3 * 4
            case .hex: return size * 2
            }
        }

        /// Encodes a MAC for the header.
        package func encode(_ mac: [UInt8]) -> String {
            switch encoding {
            case .base64: Base64.encode(mac)
            case .hex: Hex.encode(mac)
            }
        }

        /// Decodes a presented signature strictly; `nil` when it is not exactly one MAC of the configured size.
        func decode(_ text: Substring) -> [UInt8]? {
            guard text.utf8.count == encodedLength else { return nil }
            let bytes: [UInt8]
            do {
                switch encoding {
                case .base64: bytes = try Base64.decode(text)
                case .hex: bytes = try Hex.decode(text)
                }
            } catch {
                return nil
            }
            return bytes.count == algorithm.digestSize ? bytes : nil
        }
    }

    /// The header that carries the signature.
    public static let signatureHeader = "X-ApiTree-Signature"

    /// `WebhookVendor.apiTree`.
    public var vendor: WebhookVendor { .apiTree }

    /// The scheme every signature is checked with.
    public let scheme: Scheme
    /// The webhook URL as registered with ApiTree, whose UTF-8 bytes start the signed message.
    public let webhookURL: String
    /// The size limits.
    public let limits: WebhookLimits

    private let authenticators: [HMACAuthenticator]
    private let urlBytes: [UInt8]

    /// Creates a verifier.
    /// - Parameters:
    ///   - secrets: The webhook's secret, as `WebhookSecret(utf8:)`; several during a rotation. Each is prepared once here.
    ///   - webhookURL: The URL exactly as registered with ApiTree (scheme, host, path and any query).
    ///   - scheme: The signature scheme (default ``Scheme/default``).
    ///   - limits: Size limits, checked before anything else.
    /// - Throws: `WebhookError.Code.invalidConfiguration` for no secret or an empty URL with the URL-then-body
    ///   layout; `WebhookError.Code.invalidKey` for an empty secret.
    public init(
        secrets: [WebhookSecret],
        webhookURL: String,
        scheme: Scheme = .default,
        limits: WebhookLimits = .default
    ) throws(WebhookError) {
        guard !secrets.isEmpty else {
            throw WebhookError(.invalidConfiguration, "no ApiTree webhook secret is configured", vendor: .apiTree)
        }
        guard !secrets.contains(where: { $0.count == 0 }) else {
            throw WebhookError(.invalidKey, "an ApiTree webhook secret is empty", vendor: .apiTree)
        }
        guard scheme.layout != .urlThenBody || !webhookURL.isEmpty else {
            throw WebhookError(
                .invalidConfiguration,
                "the URL-then-body scheme needs the webhook URL registered with ApiTree",
                vendor: .apiTree
            )
        }
        self.scheme = scheme
        self.webhookURL = webhookURL
        self.limits = limits
        self.urlBytes = Array(webhookURL.utf8)
        self.authenticators = secrets.map { HMACAuthenticator(key: $0, algorithm: scheme.algorithm) }
    }

    /// Verifies an ApiTree delivery and decodes its event.
    /// - Parameters:
    ///   - request: The request as received; only its `X-ApiTree-Signature` header and raw body are read (the
    ///     request's own URL and `Host` are ignored: the configured URL is signed).
    ///   - eventName: The event name to use when the body has no `name` field.
    /// - Returns: The verified body and its event.
    /// - Throws: `WebhookError` attributed to ApiTree: `body_too_large`,
    ///   `missing_signature`, `malformed_signature`, `signature_mismatch`, then the decoding codes
    ///   (`malformed_body`, `invalid_payload`, `missing_event_name`).
    public func verify(
        _ request: WebhookRequest,
        eventName: String?
    ) async throws(WebhookError) -> VerifiedWebhook<ApiTreeEvent> {
        do throws(WebhookError) {
            let mac = try authenticate(request)
            let event = try ApiTreeEvent.decode(from: request.body, eventName: eventName)
            return VerifiedWebhook(
                vendor: .apiTree,
                eventName: event.eventName,
                event: event,
                body: request.body,
                deliveryKey: WebhookDeliveryKey.digest(vendor: "apitree", signature: mac, body: request.body)
            )
        } catch {
            throw error.attributed(to: .apiTree)
        }
    }

    /// Checks the limits and the signature; returns the verified MAC.
    func authenticate(_ request: WebhookRequest) throws(WebhookError) -> [UInt8] {
        try limits.checkBody(request.body.count)
        let value: String
        switch request.headers.occurrence(of: Self.signatureHeader) {
        case .absent:
            throw WebhookError(.missingSignature, "no \(Self.signatureHeader) header")
        case .repeated:
            throw WebhookError(.malformedSignature, "more than one \(Self.signatureHeader) header")
        case .once(let only):
            value = only
        }
        let text = Self.trimmed(value)
        guard !text.isEmpty else {
            throw WebhookError(.missingSignature, "the \(Self.signatureHeader) header is empty")
        }
        guard let mac = scheme.decode(text) else {
            let expected = scheme.encoding == .base64 ? "padded Base64" : "hex"
            throw WebhookError(
                .malformedSignature,
                "\(Self.signatureHeader) is not \(scheme.encodedLength) characters of \(expected) "
                    + "(an HMAC-\(scheme.algorithm) of \(scheme.algorithm.digestSize) bytes)"
            )
        }
        let parts = scheme.layout == .urlThenBody ? [urlBytes, request.body] : [request.body]
        for authenticator in authenticators where authenticator.isValidAuthenticationCode(mac, forParts: parts) {
            return mac
        }
        throw WebhookError(
            .signatureMismatch,
            "\(Self.signatureHeader) does not match the body with any configured secret"
        )
    }

    private static func trimmed(_ value: String) -> Substring {
        var text = Substring(value)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }
}
