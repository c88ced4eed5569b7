public import WebhookCore
public import WebhookCrypto
import WebhookRegistry

/// Verifies Confluence webhook deliveries, then decodes their event.
///
/// Confluence authenticates webhooks in one of two ways, and a verifier checks exactly one of them:
///
/// - ``init(secrets:limits:eventName:clock:)``: admin and REST webhooks registered with a secret
///   (Data Center, Jira-style Cloud admin webhooks). `X-Hub-Signature: sha256=<hex>` (or bare hex) is the
///   HMAC-SHA256 of the raw body with the secret.
/// - ``init(sharedSecrets:baseURL:leeway:limits:eventName:clock:)-(ConfluenceSignatureVerifier.SharedSecretLookup,_,_,_,_,_)``:
///   webhooks of a Connect app.
///   `Authorization: JWT <token>` (or a `jwt` query parameter) carries an HS256 JWT signed with the tenant's
///   `sharedSecret`, found by the token's `iss` (the tenant's `clientKey`); `exp` is required and `qsh` must match
///   the request's method, path and query (``ConfluenceQueryStringHash``). The token, `alg`, `iss` and secret steps
///   are the Atlassian JWT flow HipChat shares, with the same codes for the same failures (`none` or an unknown
///   `alg` → `unsupportedAlgorithm`, another known `alg` → `algorithmNotAllowed`, an unknown `clientKey` →
///   `unknownIssuer`, a lookup that throws → `keyFetchFailed`, an empty secret from the lookup → `invalidKey`).
///
/// Every initialiser throws for a configuration that cannot work, so no request ever fails for it.
///
/// Unsigned deliveries are always rejected with `missingSignature`, including the `connect_addon_disabled`
/// webhook that Atlassian documents as sometimes sent without a JWT after the app was uninstalled (AC-2561): a
/// receiver that wants to act on it must do so outside the verifier, treating it as unauthenticated.
///
/// **Event name.** The body's own name (`event`, else `eventType`) is used when it has one; an event name given
/// outside the body (the `eventName` argument of ``verify(_:eventName:)`` or the `eventName` resolver, e.g. an
/// `?event=` query parameter) must then be byte-for-byte the same, or the request is rejected with
/// `eventNameMismatch` (category authentication): an outside name never relabels a signed body. A body that names
/// no event (Cloud) takes the outside name, and that name is **not authenticated** in HMAC mode (the signature
/// covers the body only); in Connect mode it is covered by `qsh` only when it comes from the request's path or
/// query.
///
/// **Delivery key.** The verifier records nothing; `VerifiedWebhook/deliveryKey`, which the middleware's delivery
/// ledger uses to process a delivery once, is, first match wins:
/// - the `X-Atlassian-Webhook-Identifier` header ("unique within the site and unchanged across retries"):
///   `confluence:id:<identifier>` in HMAC mode, `confluence:id:<clientKey>:<identifier>` in Connect mode (the
///   verified `iss`, since identifiers are unique only within a site). A value that is empty, over 256 bytes or
///   not printable ASCII is ignored. The header is not signed: it tells Atlassian's retries apart (they may come up
///   to 30 minutes late), it does not stop a sender who re-sends a captured delivery with another identifier;
/// - in Connect mode, the verified token's `jti`: `confluence:jti:<clientKey>:<jti>`;
/// - otherwise `confluence:sha256:<hex>`, a SHA-256 over the verified signature (the decoded `X-Hub-Signature`
///   MAC, or the Connect token's exact bytes) and the body: two copies of one delivery share it, a different body
///   does not.
///
/// A part that is not short visible ASCII without `:` is replaced by a SHA-256 (`confluence:id-sha256:<hex>`).
///
/// ``minimumDeliveryRetention`` is `.zero` in both modes: HMAC signatures carry no time, and Connect tokens are
/// bounded only by their own `exp`, whose distance from `iat` the verifier does not limit.
///
/// The value is `Sendable` and may be used from many tasks at once.
public struct ConfluenceSignatureVerifier: WebhookVerifier {
    public typealias Event = ConfluenceEvent

    /// Looks up the `sharedSecret`s of a Connect installation by its `clientKey` (the token's unverified `iss`).
    ///
    /// Return every secret that is valid now (several during a rotation); return `[]` for an unknown `clientKey`,
    /// which rejects the request with `unknownIssuer`. Throw only when the lookup itself fails (a database error):
    /// the request is then rejected with `keyFetchFailed`, of category `unavailable` (503 with `Retry-After`), so that Atlassian
    /// retries. The `clientKey` comes from an unverified token: treat it as untrusted input (at most 256 bytes, any
    /// characters).
    public typealias SharedSecretLookup = @Sendable (_ clientKey: String) async throws -> [WebhookSecret]

    /// Tells the event name of a request from outside its body, typically from the path the receiver registered
    /// for that event. Returns `nil` when it cannot tell.
    public typealias EventNameResolver = @Sendable (WebhookRequest) -> String?

    /// The longest `clientKey` (`iss`) passed to the lookup, in UTF-8 bytes.
    public static let maximumClientKeyLength = AtlassianJWTVerifier.maximumIssuerLength

    /// The longest `X-Atlassian-Webhook-Identifier` value used for the delivery key, in bytes.
    public static let maximumDeliveryIdentifierLength = 256

    /// The delivery identifier header, a de-duplication key "unique within the site and unchanged across retries".
    public static let deliveryIdentifierHeader = "X-Atlassian-Webhook-Identifier"

    /// The HMAC signature header.
    public static let signatureHeader = "X-Hub-Signature"

    /// Where Connect puts the token: `Authorization: JWT <token>` or the `jwt` query parameter, exactly once.
    static let tokenLocation = AtlassianJWTVerifier.TokenLocation(queryParameter: "jwt", copies: .rejected)

    struct ConnectConfiguration: Sendable {
        /// The Atlassian JWT steps: token, `alg`, `iss`, shared secrets, signature and time claims.
        var token: AtlassianJWTVerifier
        var baseURL: String?
    }

    enum Mode: Sendable {
        case hmac([HMACAuthenticator])
        case connect(ConnectConfiguration)
    }

    let mode: Mode
    /// The size limits applied before parsing.
    public let limits: WebhookLimits
    let eventNameResolver: EventNameResolver?
    let clock: @Sendable () -> Double

    public var vendor: WebhookVendor { .confluence }

    /// Whether this verifier checks Connect JWTs (`true`) or `X-Hub-Signature` HMACs (`false`).
    public var isConnect: Bool {
        if case .connect = mode { return true }
        return false
    }

    /// A verifier for webhooks signed with `X-Hub-Signature` (HMAC-SHA256 of the raw body).
    ///
    /// - Parameters:
    ///   - secrets: The webhook secrets, as `WebhookSecret(utf8:)` of the text entered in Confluence; a delivery signed
    ///     with any of them is accepted (rotation). Each secret's HMAC state is prepared once, here.
    ///   - limits: The body size limit, applied before anything else.
    ///   - eventName: Tells the event name from the request when the caller passes none to `verify`. When the
    ///     body names its event, the resolved name must equal it (`eventNameMismatch`); when the body names none,
    ///     the resolved name is used, unauthenticated.
    ///   - clock: UNIX seconds now (unused by HMAC verification; kept for symmetry with the Connect initialisers).
    /// - Throws: `invalidConfiguration` for an empty list, `invalidKey` for an empty secret.
    public init(
        secrets: [WebhookSecret],
        limits: WebhookLimits = .default,
        eventName: EventNameResolver? = nil,
        clock: @escaping @Sendable () -> Double = { WebhookClock.now() }
    ) throws(WebhookError) {
        guard !secrets.isEmpty else {
            throw WebhookError(.invalidConfiguration, "no HMAC secret is configured", vendor: .confluence)
        }
        guard !secrets.contains(where: { $0.count == 0 }) else {
            throw WebhookError(.invalidKey, "an HMAC secret is empty", vendor: .confluence)
        }
        self.mode = .hmac(secrets.map { HMACAuthenticator(key: $0, algorithm: .sha256) })
        self.limits = limits
        self.eventNameResolver = eventName
        self.clock = clock
    }

    /// A verifier for the webhooks of a Connect app (`Authorization: JWT <token>`, HS256 with the `sharedSecret`).
    ///
    /// - Parameters:
    ///   - sharedSecrets: Finds the `sharedSecret`s of an installation by `clientKey`.
    ///   - baseURL: The app's `baseUrl` from its descriptor, an `https` URL. Its path is removed from the request
    ///     path before the `qsh` is recomputed, as Atlassian signs the module URL relative to it; `nil` when the
    ///     app is served at `/`.
    ///   - leeway: The clock skew allowed for `exp`, `nbf` and `iat` (Atlassian publishes none; default 60 s).
    ///   - limits: The body and token size limits, applied before parsing.
    ///   - eventName: Tells the event name from the request when the caller passes none to `verify`; it must
    ///     equal the body's own name when the body has one (`eventNameMismatch`).
    ///   - clock: UNIX seconds now, for the time claims.
    /// - Throws: `invalidConfiguration` for a negative leeway, or a `baseURL` that is not
    ///   an `https` URL with a host.
    public init(
        sharedSecrets: @escaping SharedSecretLookup,
        baseURL: String? = nil,
        leeway: Duration = .seconds(60),
        limits: WebhookLimits = .default,
        eventName: EventNameResolver? = nil,
        clock: @escaping @Sendable () -> Double = { WebhookClock.now() }
    ) throws(WebhookError) {
        do {
            try Self.checkBaseURL(baseURL)
            let token = try AtlassianJWTVerifier(
                secrets: sharedSecrets,
                location: Self.tokenLocation,
                issuerName: "the clientKey",
                leeway: leeway.webhookSeconds,
                limits: limits,
                clock: clock
            )
            self.mode = .connect(ConnectConfiguration(token: token, baseURL: baseURL))
        } catch {
            throw error.attributed(to: .confluence)
        }
        self.limits = limits
        self.eventNameResolver = eventName
        self.clock = clock
    }

    /// A Connect verifier with a fixed table of installations.
    ///
    /// Each installation's HS256 keys are prepared here, once, so a request costs no key preparation (the lookup
    /// form prepares the keys its closure returns on every request). A `clientKey` not in the table is
    /// `unknownIssuer`.
    ///
    /// - Parameters:
    ///   - sharedSecrets: The `sharedSecret`s of each `clientKey`.
    ///   - baseURL: The app's `baseUrl`, an `https` URL whose path is removed from the request path before `qsh` is
    ///     recomputed.
    ///   - leeway: The clock skew allowed (default 60 s).
    ///   - limits: The size limits.
    ///   - eventName: Tells the event name from the request when the caller passes none.
    ///   - clock: UNIX seconds now.
    /// - Throws: `invalidConfiguration` for an empty table, a `clientKey` without a secret, a negative
    ///   leeway, or a `baseURL` that is not an `https` URL with a host; `invalidKey` for an empty
    ///   secret.
    public init(
        sharedSecrets: [String: [WebhookSecret]],
        baseURL: String? = nil,
        leeway: Duration = .seconds(60),
        limits: WebhookLimits = .default,
        eventName: EventNameResolver? = nil,
        clock: @escaping @Sendable () -> Double = { WebhookClock.now() }
    ) throws(WebhookError) {
        do {
            try Self.checkBaseURL(baseURL)
            let token = try AtlassianJWTVerifier(
                secrets: sharedSecrets,
                location: Self.tokenLocation,
                issuerName: "the clientKey",
                leeway: leeway.webhookSeconds,
                limits: limits,
                clock: clock
            )
            self.mode = .connect(ConnectConfiguration(token: token, baseURL: baseURL))
        } catch {
            throw error.attributed(to: .confluence)
        }
        self.limits = limits
        self.eventNameResolver = eventName
        self.clock = clock
    }

    /// A Connect `baseUrl` must be `https://` followed by a host: it is where Atlassian sends the app's requests.
    static func checkBaseURL(_ baseURL: String?) throws(WebhookError) {
        guard let baseURL else { return }
        let bytes = Array(baseURL.utf8)
        let scheme = Array("https://".utf8)
        let lowercasedPrefix = bytes.prefix(scheme.count).map {
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 | 0x20 : $0
        }
        let rest = bytes.dropFirst(scheme.count)
        guard lowercasedPrefix == scheme, let first = rest.first, first != UInt8(ascii: "/"),
            first != UInt8(ascii: ":"), bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else {
            throw WebhookError(.invalidConfiguration, "the Connect baseURL must be an https URL with a host")
        }
    }

    /// Verifies a delivery and decodes its event.
    ///
    /// Order: body size limit; the signature or token (missing: `missingSignature`); the HMAC or the JWT (signature,
    /// `alg` HS256 only, `exp` and `iss` required, time claims with the leeway, then `qsh`); the event name (the
    /// body's `event` or `eventType`; an outside name, the `eventName` argument or else the resolver's, must equal
    /// it, `eventNameMismatch` otherwise, and is used only when the body names none); decoding.
    /// - Parameters:
    ///   - request: The request as received, with its exact body bytes.
    ///   - eventName: The event name the receiving URL was registered for; wins over the resolver. It must equal
    ///     the body's own name when the body has one; it is not authenticated when the body has none.
    /// - Returns: The verified delivery; `jwt` is the verified token in Connect mode, `deliveryID` the
    ///   `X-Atlassian-Webhook-Identifier` when present, `deliveryKey` as the type's discussion describes.
    /// - Throws: `WebhookError` attributed to Confluence. Decoding failures (`malformedBody`, `invalidPayload`,
    ///   `missingEventName`) have the category `decoding`; every other failure means the request is not trusted.
    public func verify(
        _ request: WebhookRequest,
        eventName: String?
    ) async throws(WebhookError) -> VerifiedWebhook<ConfluenceEvent> {
        do {
            return try await verifyUnattributed(request, eventName: eventName)
        } catch {
            throw error.attributed(to: .confluence)
        }
    }

    private func verifyUnattributed(
        _ request: WebhookRequest,
        eventName: String?
    ) async throws(WebhookError) -> VerifiedWebhook<ConfluenceEvent> {
        try limits.checkBody(request.body.count)
        var jwt: VerifiedJWT?
        let signature: [UInt8]
        switch mode {
        case .hmac(let authenticators):
            signature = try Self.verifyHMAC(request, authenticators: authenticators)
        case .connect(let configuration):
            let (verified, token) = try await verifyConnect(request, configuration: configuration)
            jwt = verified
            signature = Array(token.utf8)
        }
        let deliveryID = Self.deliveryIdentifier(of: request)
        let outsideName = Self.nonEmpty(eventName) ?? Self.nonEmpty(eventNameResolver?(request))
        let event: ConfluenceEvent
        do {
            event = try ConfluenceEvent.decode(from: request.body, eventName: outsideName)
        } catch {
            // A body decoded under a name that is not its own may fail to decode: the mismatch is the finding.
            if let outsideName {
                try Self.checkEventName(outsideName, bodyName: Self.bodyEventName(in: request.body))
            }
            throw error
        }
        if let outsideName {
            try Self.checkEventName(outsideName, bodyName: Self.bodyEventName(of: event, body: request.body))
        }
        return VerifiedWebhook(
            vendor: .confluence,
            eventName: event.eventName,
            event: event,
            body: request.body,
            deliveryID: deliveryID,
            jwt: jwt,
            deliveryKey: Self.deliveryKey(
                identifier: Self.keyIdentifier(of: request),
                clientKey: jwt?.claims.issuer,
                jwtID: jwt?.claims.jwtID,
                signature: signature,
                body: request.body
            )
        )
    }

    // MARK: HMAC mode

    /// The most characters accepted in an `X-Hub-Signature` value before decoding (`sha256=` and 64 hex digits, with
    /// room for surrounding spaces).
    static let maximumSignatureLength = 128

    /// Checks `X-Hub-Signature`; returns the verified MAC.
    static func verifyHMAC(
        _ request: WebhookRequest,
        authenticators: [HMACAuthenticator]
    ) throws(WebhookError) -> [UInt8] {
        let value: String
        switch request.headers.occurrence(of: signatureHeader) {
        case .absent:
            throw WebhookError(.missingSignature, "no X-Hub-Signature header")
        case .repeated:
            throw WebhookError(.malformedSignature, "several X-Hub-Signature headers")
        case .once(let only):
            value = only
        }
        let mac = try decodeSignature(value)
        for authenticator in authenticators where authenticator.isValidAuthenticationCode(mac, for: request.body) {
            return mac
        }
        throw WebhookError(.signatureMismatch, "X-Hub-Signature does not match the body with any configured secret")
    }

    /// Decodes `sha256=<hex>` or bare `<hex>` into the 32 MAC bytes.
    static func decodeSignature(_ value: String) throws(WebhookError) -> [UInt8] {
        guard value.utf8.count <= maximumSignatureLength else {
            throw WebhookError(.malformedSignature, "X-Hub-Signature is too long")
        }
        // Byte-wise (every character that matters is ASCII): trim spaces and tabs, then an optional `sha256=`.
        var text = Substring(value).utf8
        while let first = text.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
            text = text.dropFirst()
        }
        while let last = text.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
            text = text.dropLast()
        }
        if let equals = text.firstIndex(of: UInt8(ascii: "=")) {
            let prefix = text[..<equals]
            let lowercased = prefix.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 | 0x20 : $0 }
            guard lowercased.elementsEqual("sha256".utf8) else {
                throw WebhookError(
                    .malformedSignature,
                    "X-Hub-Signature has an unsupported prefix (only sha256= or bare hex is accepted)"
                )
            }
            text = text[text.index(after: equals)...]
        }
        let mac: [UInt8]
        do {
            mac = try Hex.decode(utf8: text)
        } catch {
            throw WebhookError(.malformedSignature, "X-Hub-Signature is not hexadecimal")
        }
        guard mac.count == HashAlgorithm.sha256.digestSize else {
            throw WebhookError(
                .malformedSignature,
                "X-Hub-Signature has \(mac.count) bytes; an HMAC-SHA256 has \(HashAlgorithm.sha256.digestSize)"
            )
        }
        return mac
    }

    // MARK: Connect mode

    /// Checks the Connect token (the Atlassian JWT steps, then `qsh`); returns it verified, with its exact text.
    private func verifyConnect(
        _ request: WebhookRequest,
        configuration: ConnectConfiguration
    ) async throws(WebhookError) -> (VerifiedJWT, String) {
        let verified = try await configuration.token.verify(request)
        try Self.checkQueryStringHash(verified.jwt, request: request, baseURL: configuration.baseURL)
        return (verified.jwt, verified.token)
    }

    /// `qsh` must be a string equal to the hash recomputed from the request (compared in constant time).
    static func checkQueryStringHash(
        _ jwt: VerifiedJWT,
        request: WebhookRequest,
        baseURL: String?
    ) throws(WebhookError) {
        let claim: String?
        do {
            claim = try jwt.stringClaim("qsh")
        } catch {
            if error.code == .invalidClaim {
                throw WebhookError(.invalidClaim, "claim qsh is not a string")
            }
            throw WebhookError(.malformedToken, "the token's claims cannot be read")
        }
        guard let presented = claim else {
            throw WebhookError(.missingClaim, "required claim qsh is missing")
        }
        let expected = ConfluenceQueryStringHash.hash(method: request.method, target: request.target, baseURL: baseURL)
        guard ConstantTime.equals(Array(presented.utf8), Array(expected.utf8)) else {
            throw WebhookError(
                .queryHashMismatch,
                "qsh does not match the request's method, path and query"
            )
        }
    }

    // MARK: Delivery identifier

    /// The first non-empty `X-Atlassian-Webhook-Identifier`, without surrounding spaces.
    static func deliveryIdentifier(of request: WebhookRequest) -> String? {
        guard let value = request.headers[deliveryIdentifierHeader] else { return nil }
        let trimmed = value.trimmingSpacesAndTabs()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The `X-Atlassian-Webhook-Identifier` usable in a delivery key: trimmed, 1 to
    /// ``maximumDeliveryIdentifierLength`` bytes of printable ASCII; `nil` otherwise.
    static func keyIdentifier(of request: WebhookRequest) -> String? {
        WebhookDeliveryKey.headerID(
            request.headers[deliveryIdentifierHeader],
            maximumLength: maximumDeliveryIdentifierLength
        )
    }

    /// The delivery key: the identifier (per `clientKey` in Connect mode), else the Connect token's `jti`, else a
    /// digest of the verified signature and the body.
    static func deliveryKey(
        identifier: String?,
        clientKey: String?,
        jwtID: String?,
        signature: [UInt8],
        body: [UInt8]
    ) -> String {
        let tenant = clientKey.map { [$0] } ?? []
        if let identifier {
            return WebhookDeliveryKey.make(vendor: "confluence", kind: "id", parts: tenant + [identifier])
        }
        if let clientKey, let jwtID, !jwtID.isEmpty {
            return WebhookDeliveryKey.make(vendor: "confluence", kind: "jti", parts: [clientKey, jwtID])
        }
        return WebhookDeliveryKey.digest(vendor: "confluence", signature: signature, body: body)
    }

    /// An outside event name must be byte for byte the body's own, when the body has one.
    static func checkEventName(_ outsideName: String, bodyName: String?) throws(WebhookError) {
        guard let bodyName, Array(outsideName.utf8) != Array(bodyName.utf8) else { return }
        throw WebhookError(
            .eventNameMismatch,
            "the event name given outside the body differs from the signed body's own event name"
        )
    }

    /// The body's own event name, read from the decoded event (its envelope, or the JSON kept for an unknown
    /// event) so that the body is parsed once; from the body bytes only for a payload without an envelope.
    static func bodyEventName(of event: ConfluenceEvent, body: [UInt8]) -> String? {
        if case .unknown(_, let json) = event {
            return ConfluenceEvent.bodyEventName(json)
        }
        if let envelope = event.envelope {
            return nonEmpty(envelope.event) ?? nonEmpty(envelope.eventType)
        }
        return bodyEventName(in: body)
    }

    /// The event name the body itself carries (`event`, else `eventType`, as ``ConfluenceEvent/decode(from:eventName:)``
    /// reads it), or `nil` when it names none or is not a JSON object (decoding then reports it).
    static func bodyEventName(in body: [UInt8]) -> String? {
        guard let names = try? WebhookJSON.decode(BodyEventNames.self, from: body, vendor: .confluence) else {
            return nil
        }
        return nonEmpty(names.event) ?? nonEmpty(names.eventType)
    }

    /// The body's name members, each kept only when it is a string.
    private struct BodyEventNames: Decodable {
        var event: String?
        var eventType: String?

        enum CodingKeys: String, CodingKey {
            case event, eventType
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            event = try? container.decodeIfPresent(String.self, forKey: .event)
            eventType = try? container.decodeIfPresent(String.self, forKey: .eventType)
        }
    }

    static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}

extension String {
    func trimmingSpacesAndTabs() -> String {
        var text = Substring(self).drop { $0 == " " || $0 == "\t" }
        while let last = text.last, last == " " || last == "\t" {
            text = text.dropLast()
        }
        return String(text)
    }
}
