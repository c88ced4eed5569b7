public import WebhookCore
public import WebhookCrypto
public import WebhookRegistry

/// Verifies Confluence webhook deliveries, then decodes their event.
///
/// Confluence authenticates webhooks in one of two ways, and a verifier checks exactly one of them:
///
/// - ``hmac(secrets:limits:replayStore:eventName:clock:)``: admin and REST webhooks registered with a secret
///   (Data Center, Jira-style Cloud admin webhooks). `X-Hub-Signature: sha256=<hex>` (or bare hex) is the
///   HMAC-SHA256 of the raw body with the secret.
/// - ``connect(sharedSecrets:baseURL:leeway:limits:replayStore:eventName:clock:)-(ConfluenceSignatureVerifier.SharedSecretLookup,_,_,_,_,_,_)``:
///   webhooks of a Connect app.
///   `Authorization: JWT <token>` (or a `jwt` query parameter) carries an HS256 JWT signed with the tenant's
///   `sharedSecret`, found by the token's `iss` (the tenant's `clientKey`); `exp` is required and `qsh` must match
///   the request's method, path and query (``ConfluenceQueryStringHash``).
///
/// Unsigned deliveries are always rejected with `missingSignature`, including the `connect_addon_disabled`
/// webhook that Atlassian documents as sometimes sent without a JWT after the app was uninstalled (AC-2561): a
/// receiver that wants to act on it must do so outside the verifier, treating it as unauthenticated.
///
/// When a `ReplayStore` is given, a delivery whose `X-Atlassian-Webhook-Identifier` was seen in the last hour is
/// rejected with `replayed`. The identifier is not covered by either signature: this removes honest retries
/// (Atlassian may repeat a delivery up to 30 minutes late), it does not stop an attacker who replays a captured
/// delivery with another identifier. In Connect mode `exp` bounds how long a captured delivery can be replayed.
///
/// The value is `Sendable` and may be used from many tasks at once.
public struct ConfluenceSignatureVerifier: WebhookVerifier {
    public typealias Event = ConfluenceEvent

    /// Looks up the `sharedSecret`s of a Connect installation by its `clientKey` (the token's unverified `iss`).
    ///
    /// Return every secret that is valid now (several during a rotation); return `[]` or throw for an unknown
    /// `clientKey`, which rejects the request with `unknownIssuer`. The `clientKey` comes from an unverified token:
    /// treat it as untrusted input (at most 256 bytes, any characters).
    public typealias SharedSecretLookup = @Sendable (_ clientKey: String) async throws -> [HMACKey]

    /// Tells the event name of a request from outside its body, typically from the path the receiver registered
    /// for that event. Returns `nil` when it cannot tell.
    public typealias EventNameResolver = @Sendable (WebhookRequest) -> String?

    /// The longest `clientKey` (`iss`) passed to the lookup, in UTF-8 bytes.
    public static let maximumClientKeyLength = 256

    /// How long a delivery identifier is remembered: one hour (Atlassian may repeat a delivery up to 30 minutes late).
    public static let deliveryIdentifierLifetime: Double = 3600

    /// The delivery identifier header, a de-duplication key "unique within the site and unchanged across retries".
    public static let deliveryIdentifierHeader = "X-Atlassian-Webhook-Identifier"

    /// The HMAC signature header.
    public static let signatureHeader = "X-Hub-Signature"

    struct ConnectConfiguration: Sendable {
        var sharedSecrets: SharedSecretLookup
        var baseURL: String?
        var leeway: Double
        /// HS256 keys prepared once, per `clientKey`, when the secrets were given as a dictionary; a `clientKey`
        /// not here goes through `sharedSecrets` and has its keys prepared per request.
        var preparedKeys: [String: JWTKeySet] = [:]
    }

    enum Mode: Sendable {
        case hmac([HMACAuthenticator])
        case connect(ConnectConfiguration)
        case misconfigured(String)
    }

    private(set) var mode: Mode
    /// The size limits applied before parsing.
    public let limits: WebhookLimits
    let replayStore: (any ReplayStore)?
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
    ///   - secrets: The webhook secrets, as `HMACKey(utf8:)` of the text entered in Confluence; a delivery signed
    ///     with any of them is accepted (rotation). An empty list or an empty secret makes every `verify` fail
    ///     with `invalidConfiguration`.
    ///   - limits: The body size limit, applied before anything else.
    ///   - replayStore: Where delivery identifiers are remembered; `nil` for no de-duplication.
    ///   - eventName: Tells the event name from the request when the caller passes none to `verify`.
    ///   - clock: UNIX seconds now, for the replay store's expiry.
    /// - Returns: The verifier; each secret's HMAC state is prepared once, here.
    public static func hmac(
        secrets: [HMACKey],
        limits: WebhookLimits = .default,
        replayStore: (any ReplayStore)? = nil,
        eventName: EventNameResolver? = nil,
        clock: @escaping @Sendable () -> Double = { WebhookClock.now() }
    ) -> ConfluenceSignatureVerifier {
        let mode: Mode
        if secrets.isEmpty {
            mode = .misconfigured("no HMAC secret is configured")
        } else if secrets.contains(where: { $0.count == 0 }) {
            mode = .misconfigured("an HMAC secret is empty")
        } else {
            mode = .hmac(secrets.map { HMACAuthenticator(key: $0, algorithm: .sha256) })
        }
        return ConfluenceSignatureVerifier(
            mode: mode,
            limits: limits,
            replayStore: replayStore,
            eventNameResolver: eventName,
            clock: clock
        )
    }

    /// A verifier for the webhooks of a Connect app (`Authorization: JWT <token>`, HS256 with the `sharedSecret`).
    ///
    /// - Parameters:
    ///   - sharedSecrets: Finds the `sharedSecret`s of an installation by `clientKey`.
    ///   - baseURL: The app's `baseUrl` from its descriptor. Its path is removed from the request path before the
    ///     `qsh` is recomputed, as Atlassian signs the module URL relative to it; `nil` when the app is served at `/`.
    ///   - leeway: Seconds of clock skew allowed for `exp`, `nbf` and `iat` (Atlassian publishes none; default 60).
    ///   - limits: The body and token size limits, applied before parsing.
    ///   - replayStore: Where delivery identifiers are remembered; `nil` for no de-duplication.
    ///   - eventName: Tells the event name from the request when the caller passes none to `verify`.
    ///   - clock: UNIX seconds now, for the time claims and the replay store's expiry.
    /// - Returns: The verifier.
    public static func connect(
        sharedSecrets: @escaping SharedSecretLookup,
        baseURL: String? = nil,
        leeway: Double = 60,
        limits: WebhookLimits = .default,
        replayStore: (any ReplayStore)? = nil,
        eventName: EventNameResolver? = nil,
        clock: @escaping @Sendable () -> Double = { WebhookClock.now() }
    ) -> ConfluenceSignatureVerifier {
        let configuration = ConnectConfiguration(
            sharedSecrets: sharedSecrets,
            baseURL: baseURL,
            leeway: leeway.isFinite ? max(0, leeway) : 60
        )
        return ConfluenceSignatureVerifier(
            mode: .connect(configuration),
            limits: limits,
            replayStore: replayStore,
            eventNameResolver: eventName,
            clock: clock
        )
    }

    /// A Connect verifier with a fixed table of installations.
    ///
    /// Each installation's HS256 keys are prepared here, once, so a request costs no key preparation (the lookup
    /// form prepares the keys its closure returns on every request). An installation with no secret or an empty
    /// one is still reported per request, as `unknownIssuer` or `invalidConfiguration`.
    ///
    /// - Parameters:
    ///   - sharedSecrets: The `sharedSecret`s of each `clientKey`.
    ///   - baseURL: The app's `baseUrl`, whose path is removed from the request path before `qsh` is recomputed.
    ///   - leeway: Seconds of clock skew allowed (default 60).
    ///   - limits: The size limits.
    ///   - replayStore: Where delivery identifiers are remembered; `nil` for no de-duplication.
    ///   - eventName: Tells the event name from the request when the caller passes none.
    ///   - clock: UNIX seconds now.
    /// - Returns: The verifier.
    public static func connect(
        sharedSecrets: [String: [HMACKey]],
        baseURL: String? = nil,
        leeway: Double = 60,
        limits: WebhookLimits = .default,
        replayStore: (any ReplayStore)? = nil,
        eventName: EventNameResolver? = nil,
        clock: @escaping @Sendable () -> Double = { WebhookClock.now() }
    ) -> ConfluenceSignatureVerifier {
        let table = sharedSecrets
        var verifier = connect(
            sharedSecrets: { clientKey in table[clientKey] ?? [] },
            baseURL: baseURL,
            leeway: leeway,
            limits: limits,
            replayStore: replayStore,
            eventName: eventName,
            clock: clock
        )
        // Each client's HMAC states are prepared here once rather than on every request. A client whose secrets
        // cannot be prepared (none, or an empty one) is left to the lookup, which reports it per request as before.
        if case .connect(var configuration) = verifier.mode {
            for (clientKey, secrets) in sharedSecrets {
                if let keys = try? prepareKeys(secrets) {
                    configuration.preparedKeys[clientKey] = keys
                }
            }
            verifier.mode = .connect(configuration)
        }
        return verifier
    }

    private init(
        mode: Mode,
        limits: WebhookLimits,
        replayStore: (any ReplayStore)?,
        eventNameResolver: EventNameResolver?,
        clock: @escaping @Sendable () -> Double
    ) {
        self.mode = mode
        self.limits = limits
        self.replayStore = replayStore
        self.eventNameResolver = eventNameResolver
        self.clock = clock
    }

    /// Verifies a delivery and decodes its event.
    ///
    /// Order: body size limit; the signature or token (missing: `missingSignature`); the HMAC or the JWT (signature,
    /// `alg` HS256 only, `exp` and `iss` required, time claims with the leeway, then `qsh`); the delivery identifier
    /// against the replay store; the event name (the `eventName` argument, then the resolver, then the body's
    /// `event` or `eventType`); decoding.
    /// - Parameters:
    ///   - request: The request as received, with its exact body bytes.
    ///   - eventName: The event name the receiving URL was registered for; wins over the resolver and the body.
    /// - Returns: The verified delivery; `jwt` is the verified token in Connect mode, `deliveryID` the
    ///   `X-Atlassian-Webhook-Identifier` when present.
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
        switch mode {
        case .misconfigured(let reason):
            throw WebhookError(.invalidConfiguration, reason)
        case .hmac(let authenticators):
            try Self.verifyHMAC(request, authenticators: authenticators)
        case .connect(let configuration):
            jwt = try await verifyConnect(request, configuration: configuration)
        }
        let deliveryID = Self.deliveryIdentifier(of: request)
        if let replayStore, let deliveryID {
            let key = Self.replayKey(forDeliveryIdentifier: deliveryID)
            let fresh = await replayStore.insertIfAbsent(key, expiresAt: clock() + Self.deliveryIdentifierLifetime)
            guard fresh else {
                throw WebhookError(.replayed, "X-Atlassian-Webhook-Identifier was seen within the last hour")
            }
        }
        let name = Self.nonEmpty(eventName) ?? Self.nonEmpty(eventNameResolver?(request))
        let event = try ConfluenceEvent.decode(from: request.body, eventName: name)
        return VerifiedWebhook(
            vendor: .confluence,
            eventName: event.eventName,
            event: event,
            body: request.body,
            deliveryID: deliveryID,
            jwt: jwt
        )
    }

    // MARK: HMAC mode

    /// The most characters accepted in an `X-Hub-Signature` value before decoding (`sha256=` and 64 hex digits, with
    /// room for surrounding spaces).
    static let maximumSignatureLength = 128

    static func verifyHMAC(_ request: WebhookRequest, authenticators: [HMACAuthenticator]) throws(WebhookError) {
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
            return
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

    private func verifyConnect(
        _ request: WebhookRequest,
        configuration: ConnectConfiguration
    ) async throws(WebhookError) -> VerifiedJWT {
        let token = try Self.connectToken(in: request)
        try limits.checkToken(token.utf8.count)
        let unverified: UnverifiedJWT
        do {
            unverified = try UnverifiedJWT(token, maximumSize: limits.maximumTokenSize)
        } catch {
            throw WebhookError(error)
        }
        try Self.checkAlgorithm(unverified.header.algorithm)
        guard let clientKey = unverified.claims.issuer else {
            throw WebhookError(.missingClaim, "required claim iss (the clientKey) is missing")
        }
        guard !clientKey.isEmpty, clientKey.utf8.count <= Self.maximumClientKeyLength else {
            throw WebhookError(.invalidClaim, "iss is empty or longer than \(Self.maximumClientKeyLength) bytes")
        }
        let keys = try await connectKeys(for: clientKey, configuration: configuration)
        let options = JWTValidationOptions(
            leeway: configuration.leeway,
            requiredClaims: [.exp, .iss],
            issuers: [clientKey],
            maximumTokenSize: limits.maximumTokenSize,
            clock: clock
        )
        let verified: VerifiedJWT
        do {
            verified = try JWTVerifier(keys: keys, options: options).verify(unverified)
        } catch {
            throw WebhookError(error)
        }
        try Self.checkQueryStringHash(verified, request: request, baseURL: configuration.baseURL)
        return verified
    }

    /// The HS256 keys of a `clientKey`: prepared at configuration, or looked up and prepared now.
    private func connectKeys(
        for clientKey: String,
        configuration: ConnectConfiguration
    ) async throws(WebhookError) -> JWTKeySet {
        if let prepared = configuration.preparedKeys[clientKey] {
            return prepared
        }
        let secrets: [HMACKey]
        do {
            secrets = try await configuration.sharedSecrets(clientKey)
        } catch {
            throw WebhookError(.unknownIssuer, "the shared-secret lookup failed for the token's clientKey")
        }
        return try Self.prepareKeys(secrets)
    }

    /// One HS256 key per secret; the errors a lookup's answer can cause.
    static func prepareKeys(_ secrets: [HMACKey]) throws(WebhookError) -> JWTKeySet {
        guard !secrets.isEmpty else {
            throw WebhookError(.unknownIssuer, "no shared secret is known for the token's clientKey")
        }
        var keys: [JWTVerificationKey] = []
        keys.reserveCapacity(secrets.count)
        for secret in secrets {
            guard secret.count > 0 else {
                throw WebhookError(.invalidConfiguration, "the shared-secret lookup returned an empty secret")
            }
            do {
                keys.append(try JWTVerificationKey.hmac(secret, algorithms: [.hs256]))
            } catch {
                throw WebhookError(.invalidConfiguration, "a shared secret cannot be used for HS256")
            }
        }
        return JWTKeySet(keys)
    }

    /// The token from `Authorization: JWT <token>` or the `jwt` query parameter; exactly one place, once.
    static func connectToken(in request: WebhookRequest) throws(WebhookError) -> String {
        let headerToken: Substring?
        switch request.headers.occurrence(of: "Authorization") {
        case .absent: headerToken = nil
        case .repeated: throw WebhookError(.malformedToken, "several Authorization headers")
        case .once(let authorization): headerToken = JWTLocation.authorizationToken(authorization)
        }
        let queryTokens = QueryString.parse(request.rawQuery)
            .filter { $0.name == "jwt" }
        guard queryTokens.count <= 1 else {
            throw WebhookError(.malformedToken, "several jwt query parameters")
        }
        switch (headerToken, queryTokens.first) {
        case (let header?, nil):
            return String(header)
        case (nil, let query?):
            guard !query.value.isEmpty else {
                throw WebhookError(.malformedToken, "the jwt query parameter is empty")
            }
            return query.value
        case (.some, .some):
            throw WebhookError(.malformedToken, "a token in both the Authorization header and the jwt query parameter")
        case (nil, nil):
            throw WebhookError(
                .missingSignature,
                "no Connect JWT (neither Authorization: JWT nor a jwt query parameter)"
            )
        }
    }

    /// Connect webhooks are HS256 only: rejects anything else before the secret lookup.
    static func checkAlgorithm(_ name: String) throws(WebhookError) {
        if name == JWSAlgorithm.hs256.rawValue { return }
        let algorithm = JWSAlgorithm(rawValue: name)
        if name.lowercased() == "none" || !JWSAlgorithm.supported.contains(algorithm) {
            throw WebhookError(.unsupportedAlgorithm, "alg \(name.prefix(16)) is never accepted")
        }
        throw WebhookError(.algorithmNotAllowed, "Confluence Connect webhooks are signed with HS256 only")
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

    /// The replay-store key of a delivery identifier: `confluence:id:<value>`, or, for values over 128 bytes,
    /// `confluence:id-sha256:<hex>` so that keys stay small.
    public static func replayKey(forDeliveryIdentifier identifier: String) -> String {
        if identifier.utf8.count <= 128 {
            return "confluence:id:" + identifier
        }
        return "confluence:id-sha256:" + Hex.encode(Digest.hash(Array(identifier.utf8), using: .sha256))
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
