public import WebhookCore
public import WebhookCrypto
import WebhookRegistry

/// A verified Forge Remote delivery: the token's claims and the decoded event.
public struct ConfluenceForgeDelivery: Sendable, Equatable {
    /// The verified claims of the Forge Invocation Token (the tenant: `installationID`, `apiBaseURL`).
    public var invocation: ForgeInvocationContext
    /// The decoded event.
    public var event: ConfluenceForgeEvent

    /// Creates a delivery.
    public init(invocation: ForgeInvocationContext, event: ConfluenceForgeEvent) {
        self.invocation = invocation
        self.event = event
    }
}

/// Verifies requests that a Forge app sends to its remote backend (Forge Remote) with a Forge Invocation Token
/// (FIT) in `Authorization: Bearer <token>`, then decodes the Confluence or lifecycle event in the body.
///
/// Checks, in order, each failing with the code named (all of category authentication, answered 401, except where
/// said):
/// 1. the body size limit (`bodyTooLarge`);
/// 2. exactly one `Authorization` header (none: `missingSignature`; several: `malformedToken`) of the scheme
///    `Bearer`, in any letter case (another scheme: `missingSignature`); the token size limit and its structure
///    (`tokenTooLarge`, `malformedToken`);
/// 3. the unverified header: `alg` must be `RS256` (`none` or an unknown name: `unsupportedAlgorithm`; another known
///    algorithm such as HS256 or ES256: `algorithmNotAllowed`), `kid` a non-empty string of at most 256 bytes
///    (`unknownKeyID`): all before any key is fetched;
/// 4. the key source, from the unverified claims: with `icLabel`, the label must match `^[a-z0-9_-]{1,50}$`
///    (`invalidClaim`) and an Isolated Cloud JWKS URL template must be configured (`unknownIssuer`); else, when
///    `app.apiBaseUrl` starts with `https://api.stg.atlassian.com/`, staging must be enabled (`unknownIssuer`);
///    else the production JWKS;
/// 5. the key with the token's `kid`, from the key provider, refetched at most once when the set lacks it
///    (`unknownKeyID`); a failure to get the production or staging key set is `keyFetchFailed`, category
///    unavailable (503), because the configuration chose that URL; a failure for an Isolated Cloud URL, which the
///    token's `icLabel` chose, is `issuerKeysUnavailable` (401);
/// 6. the RS256 signature over the exact token bytes (`signatureMismatch`);
/// 7. `exp` required, `nbf` and `iat` when present, with the leeway (`missingClaim`, `expired`, `notYetValid`,
///    `issuedInFuture`); `iss` exactly `forge/invocation-token` (`issuerMismatch`); `aud` the configured app id,
///    as a string or in an array (`audienceMismatch`);
/// 8. `app.id`, `app.installationId`, `app.apiBaseUrl` present strings (`missingClaim`, `invalidClaim`) and
///    `app.id` byte-equal to the configured app id (`audienceMismatch`);
/// 9. the body, with ``ConfluenceForgeEvent/decode(from:eventName:)`` (category decoding); an event name given
///    outside the body must equal the body's `eventType` when it has one (`eventNameMismatch`).
///
/// **Why 503 for a JWKS outage.** Forge reserves `401` for token failures and retries a `401` with the reason
/// `INVALID_FORGE_INVOCATION_TOKEN`. A JWKS that cannot be fetched says nothing about the token, and the URL was
/// chosen by this configuration, not by the sender, so the receiver answers 503 like any other outage of a
/// configured key source (the R-Service rule for a pinned issuer); Forge retries either way.
///
/// **Delivery key.** Forge sends no delivery id, and `jti` is not stable across retries (tokens live 25 s, retries
/// come 60 s apart), so `VerifiedWebhook/deliveryKey` is a composite of the verified `app.installationId`, the
/// event name, the entity id (`content.id`, else the attachment's, task's or space's id, or a lifecycle event's
/// `id`), `content.version.number` (or the lifecycle event's app version) when present, and `eventCreatedDate`,
/// written `confluence:forge-sha256:<hex>` (installation ids are ARIs, which hold `:`, so the parts are always
/// hashed). It is `nil` when the event has neither an entity id nor `eventCreatedDate`: such a delivery is processed
/// every time it arrives, rather than risk merging two different events.
///
/// The value is `Sendable` and may be used from many tasks at once.
public struct ForgeInvocationVerifier: WebhookVerifier {
    public typealias Event = ConfluenceForgeDelivery

    /// GETs a URL and returns the body of a `200` response; throws otherwise. It must not follow redirects to
    /// other hosts.
    public typealias Fetch = @Sendable (_ url: String) async throws -> [UInt8]

    /// Forge's production JWKS.
    public static let productionJWKSURL = "https://forge.cdn.prod.atlassian-dev.net/.well-known/jwks.json"
    /// Forge's staging JWKS (used by Atlassian-internal staging sites only; known from third-party code).
    public static let stagingJWKSURL = "https://forge.cdn.stg.atlassian-dev.net/.well-known/jwks.json"
    /// The `app.apiBaseUrl` prefix of staging installations.
    public static let stagingAPIBaseURLPrefix = "https://api.stg.atlassian.com/"
    /// The placeholder of the Isolated Cloud JWKS URL template (`isolatedCloudJWKSURLTemplate`).
    public static let isolatedCloudLabelPlaceholder = "{icLabel}"
    /// The `iss` of every Forge Invocation Token.
    public static let issuer = "forge/invocation-token"
    /// The largest JWKS accepted by the initialiser that takes a `fetch` function, in bytes.
    public static let maximumKeySetSize = 512 << 10
    /// The longest `kid` accepted, in bytes.
    public static let maximumKeyIDLength = 256

    public var vendor: WebhookVendor { .confluence }
    /// The body and token size limits.
    public let limits: WebhookLimits

    let appID: String
    let keys: any WebhookKeyProvider
    let acceptsStaging: Bool
    /// The Isolated Cloud template, split around its placeholder.
    let isolatedCloudTemplate: (prefix: String, suffix: String)?
    let leeway: Double
    let clock: @Sendable () -> Double

    /// Creates a verifier with your key provider (for example a `CachingKeyProvider` whose load function fetches
    /// a JWKS URL and parses it with `JWTKeySet(jwks:)`). The provider is asked for the key set of a JWKS URL: the
    /// ``productionJWKSURL``, the ``stagingJWKSURL`` or an Isolated Cloud URL made from the template.
    ///
    /// - Parameters:
    ///   - appID: The app's id as in the manifest, `ari:cloud:ecosystem::app/<uuid>`: `aud` and `app.id` must equal
    ///     it.
    ///   - keys: Supplies the key set of a JWKS URL.
    ///   - acceptsStaging: Whether tokens of Atlassian's staging environment (`app.apiBaseUrl` starting with
    ///     `https://api.stg.atlassian.com/`) are accepted, with keys from ``stagingJWKSURL``. Default `false`:
    ///     they are rejected.
    ///   - isolatedCloudJWKSURLTemplate: The JWKS URL of Isolated Cloud requests given at onboarding, an `https`
    ///     URL holding `{icLabel}` once, which is replaced by the token's validated `icLabel`. `nil` (the default)
    ///     rejects tokens with `icLabel`.
    ///   - leeway: The clock skew allowed for `exp`, `nbf` and `iat` (default 5 s; tokens live 25 s).
    ///   - limits: The body and token size limits.
    ///   - clock: UNIX seconds now.
    /// - Throws: `invalidConfiguration` for an empty app id, a negative or non-finite leeway, or a template that is
    ///   not an `https` URL of visible ASCII holding `{icLabel}` exactly once.
    public init(
        appID: String,
        keys: any WebhookKeyProvider,
        acceptsStaging: Bool = false,
        isolatedCloudJWKSURLTemplate: String? = nil,
        leeway: Duration = .seconds(5),
        limits: WebhookLimits = .default,
        clock: @escaping @Sendable () -> Double = { WebhookClock.now() }
    ) throws(WebhookError) {
        guard !appID.isEmpty else { throw Self.configurationError("the app id must not be empty") }
        let seconds = leeway.webhookSeconds
        guard seconds.isFinite, seconds >= 0 else {
            throw Self.configurationError("the leeway must be a finite, non-negative duration")
        }
        let template = try isolatedCloudJWKSURLTemplate.map { template throws(WebhookError) in
            try Self.splitTemplate(template)
        }
        self.appID = appID
        self.keys = keys
        self.acceptsStaging = acceptsStaging
        self.isolatedCloudTemplate = template
        self.leeway = seconds
        self.limits = limits
        self.clock = clock
    }

    /// Creates a verifier that fetches JWKS documents with your HTTP client, through a `CachingKeyProvider`: key
    /// sets are cached per URL, concurrent requests share one fetch, failures are remembered, an unknown `kid`
    /// refetches at most once per `minimumRefreshInterval`, and all URLs share one fetch budget.
    ///
    /// - Parameters:
    ///   - appID: The app's id, `ari:cloud:ecosystem::app/<uuid>`.
    ///   - fetch: The HTTP GET to use (tests pass a stub). The library has no HTTP client of its own.
    ///   - cacheSettings: Cache durations and fetch limits.
    ///   - acceptsStaging: Whether staging tokens are accepted (default `false`).
    ///   - isolatedCloudJWKSURLTemplate: The Isolated Cloud JWKS URL template, or `nil`.
    ///   - leeway: The clock skew allowed (default 5 s).
    ///   - limits: The body and token size limits.
    ///   - clock: UNIX seconds now, for the claims and the cache.
    /// - Throws: `invalidConfiguration` as the other initialiser, or for unusable cache settings.
    public init(
        appID: String,
        fetch: @escaping Fetch,
        cacheSettings: CachingKeyProvider.Settings = .init(),
        acceptsStaging: Bool = false,
        isolatedCloudJWKSURLTemplate: String? = nil,
        leeway: Duration = .seconds(5),
        limits: WebhookLimits = .default,
        clock: @escaping @Sendable () -> Double = { WebhookClock.now() }
    ) throws(WebhookError) {
        let provider: CachingKeyProvider
        do {
            provider = try CachingKeyProvider(settings: cacheSettings, clock: clock) { url in
                try await Self.fetchKeySet(url: url, fetch: fetch)
            }
        } catch {
            throw error.attributed(to: .confluence)
        }
        try self.init(
            appID: appID,
            keys: provider,
            acceptsStaging: acceptsStaging,
            isolatedCloudJWKSURLTemplate: isolatedCloudJWKSURLTemplate,
            leeway: leeway,
            limits: limits,
            clock: clock
        )
    }

    /// How long a completed delivery key must be kept: 10 minutes, which covers Forge's documented retries (up to 4,
    /// 60 s apart, each with a 5 s timeout) with room to spare. The delivery key does not depend on the token, so it
    /// is Forge's retry window, not the token's lifetime, that matters.
    public var minimumDeliveryRetention: Duration { .seconds(600) }

    /// Verifies a Forge Remote request and decodes its event.
    /// - Parameters:
    ///   - request: The request as received.
    ///   - eventName: The event name known from outside the body, if any; used when the body has no `eventType`,
    ///     and otherwise must equal it.
    /// - Returns: The verified delivery; `jwt` is the verified token, `deliveryKey` the composite key the type's
    ///   discussion describes.
    /// - Throws: `WebhookError` attributed to Confluence; see the type's discussion for the order of checks.
    public func verify(
        _ request: WebhookRequest,
        eventName: String?
    ) async throws(WebhookError) -> VerifiedWebhook<ConfluenceForgeDelivery> {
        do {
            return try await verifyUnattributed(request, eventName: eventName)
        } catch {
            throw error.attributed(to: .confluence)
        }
    }

    private func verifyUnattributed(
        _ request: WebhookRequest,
        eventName: String?
    ) async throws(WebhookError) -> VerifiedWebhook<ConfluenceForgeDelivery> {
        try limits.checkBody(request.body.count)
        let token = try Self.bearerToken(in: request)
        try limits.checkToken(token.utf8.count)
        let unverified = try UnverifiedJWT(Array(token.utf8), maximumSize: limits.maximumTokenSize)
        try Self.checkAlgorithm(unverified.header.algorithm)
        guard let keyID = unverified.header.keyID, !keyID.isEmpty else {
            throw WebhookError(.unknownKeyID, "the token names no kid; Forge keys are selected by kid")
        }
        guard keyID.utf8.count <= Self.maximumKeyIDLength else {
            throw WebhookError(.unknownKeyID, "the token's kid is longer than \(Self.maximumKeyIDLength) bytes")
        }
        let unverifiedClaims = try Self.claimsJSON(unverified.payload)
        let source = try keySource(for: unverifiedClaims)
        let keySet = try await keys.keySet(withKeyID: keyID, forIssuer: source.url) { failure in
            guard source.isChosenByToken else { return failure }
            return WebhookError(
                .issuerKeysUnavailable,
                "the Isolated Cloud key set named by the token's icLabel could not be fetched (\(failure.reason))"
            )
        }
        let options = JWTValidationOptions(
            leeway: leeway,
            requiredClaims: [.exp, .iss, .aud],
            issuers: [Self.issuer],
            audiences: [appID],
            maximumTokenSize: limits.maximumTokenSize,
            clock: clock
        )
        let verified = try JWTVerifier(keys: keySet, options: options).verify(unverified)
        let invocation = try ForgeInvocationContext.read(claims: unverifiedClaims)
        guard invocation.appID.hasSameBytes(as: appID) else {
            throw WebhookError(.audienceMismatch, "app.id is not the configured app id")
        }

        let outsideName = eventName.flatMap { $0.isEmpty ? nil : $0 }
        let event = try ConfluenceForgeEvent.decode(from: request.body, eventName: outsideName)
        if let outsideName, !event.name.rawValue.hasSameBytes(as: outsideName) {
            throw WebhookError(
                .eventNameMismatch,
                "the event name given outside the body differs from the signed body's own eventType"
            )
        }
        return VerifiedWebhook(
            vendor: .confluence,
            eventName: event.eventName,
            event: ConfluenceForgeDelivery(invocation: invocation, event: event),
            body: request.body,
            jwt: verified,
            deliveryKey: Self.deliveryKey(installationID: invocation.installationID, event: event)
        )
    }

    // MARK: Steps

    /// The token of the one `Authorization: Bearer <token>` header.
    static func bearerToken(in request: WebhookRequest) throws(WebhookError) -> Substring {
        let value: String
        switch request.headers.occurrence(of: "Authorization") {
        case .absent: throw WebhookError(.missingSignature, "no Authorization header (Forge sends Bearer <FIT>)")
        case .repeated: throw WebhookError(.malformedToken, "several Authorization headers")
        case .once(let only): value = only
        }
        var rest = Substring(value).drop { $0 == " " || $0 == "\t" }
        let scheme = rest.prefix { $0 != " " && $0 != "\t" }
        guard scheme.utf8.count == 6, scheme.lowercased() == "bearer" else {
            throw WebhookError(.missingSignature, "the Authorization header is not of the Bearer scheme")
        }
        rest = rest.dropFirst(6).drop { $0 == " " || $0 == "\t" }
        while let last = rest.last, last == " " || last == "\t" {
            rest = rest.dropLast()
        }
        guard !rest.isEmpty else {
            throw WebhookError(.missingSignature, "the Authorization: Bearer header carries no token")
        }
        return rest
    }

    /// RS256 only, before any key is fetched.
    static func checkAlgorithm(_ name: String) throws(WebhookError) {
        if name == JWSAlgorithm.rs256.rawValue { return }
        if name.lowercased() == "none" || !JWSAlgorithm.supported.contains(JWSAlgorithm(rawValue: name)) {
            throw WebhookError(.unsupportedAlgorithm, "alg \(name.prefix(16)) is never accepted")
        }
        throw WebhookError(.algorithmNotAllowed, "Forge Invocation Tokens are signed with RS256 only")
    }

    /// The claims as JSON (the structure was checked when the token was parsed).
    static func claimsJSON(_ payload: [UInt8]) throws(WebhookError) -> JSONValue {
        guard let json = try? JSONReader.parse(payload, limits: VerifiedJWT.jsonLimits), case .object = json else {
            throw WebhookError(.malformedToken, "the token's claims are not a JSON object")
        }
        return json
    }

    /// A JWKS URL, and whether the unverified token chose it (Isolated Cloud) rather than the configuration.
    struct KeySource: Equatable {
        var url: String
        var isChosenByToken: Bool
    }

    /// The JWKS URL for a token, from its unverified `icLabel` and `app.apiBaseUrl`.
    func keySource(for claims: JSONValue) throws(WebhookError) -> KeySource {
        if let label = claims["icLabel"], !label.isNull {
            guard case .string(let text) = label, Self.isValidIsolatedCloudLabel(text) else {
                throw WebhookError(.invalidClaim, "icLabel does not match ^[a-z0-9_-]{1,50}$")
            }
            guard let template = isolatedCloudTemplate else {
                throw WebhookError(
                    .unknownIssuer,
                    "the token comes from an Isolated Cloud and no Isolated Cloud JWKS URL template is configured"
                )
            }
            return KeySource(url: template.prefix + text + template.suffix, isChosenByToken: true)
        }
        if let baseURL = claims["app"]?["apiBaseUrl"]?.stringValue,
            baseURL.utf8.starts(with: Self.stagingAPIBaseURLPrefix.utf8)
        {
            guard acceptsStaging else {
                throw WebhookError(
                    .unknownIssuer,
                    "the token is for Atlassian's staging environment, which this verifier does not accept"
                )
            }
            return KeySource(url: Self.stagingJWKSURL, isChosenByToken: false)
        }
        return KeySource(url: Self.productionJWKSURL, isChosenByToken: false)
    }

    /// Whether `label` matches `^[a-z0-9_-]{1,50}$`, byte by byte.
    static func isValidIsolatedCloudLabel(_ label: String) -> Bool {
        let bytes = label.utf8
        guard (1...50).contains(bytes.count) else { return false }
        return bytes.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }

    /// A template must be `https://…` of visible ASCII, holding the placeholder exactly once; returns the text
    /// before and after the placeholder.
    static func splitTemplate(_ template: String) throws(WebhookError) -> (prefix: String, suffix: String) {
        let bytes = Array(template.utf8)
        let placeholder = Array(isolatedCloudLabelPlaceholder.utf8)
        let lowercasedScheme = bytes.prefix(8).map {
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 | 0x20 : $0
        }
        var positions: [Int] = []
        if bytes.count >= placeholder.count {
            for start in 0...(bytes.count - placeholder.count)
            where bytes[start..<(start + placeholder.count)].elementsEqual(placeholder) {
                positions.append(start)
            }
        }
        guard lowercasedScheme.elementsEqual("https://".utf8), bytes.count > 8,
            bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }), positions.count == 1, let position = positions.first
        else {
            throw configurationError(
                "the Isolated Cloud JWKS URL template must be an https URL holding {icLabel} exactly once"
            )
        }
        return (
            String(decoding: bytes[..<position], as: UTF8.self),
            String(decoding: bytes[(position + placeholder.count)...], as: UTF8.self)
        )
    }

    /// The convenience initialiser's load function: GET, size limit, parse, at least one key.
    static func fetchKeySet(url: String, fetch: Fetch) async throws(WebhookError) -> JWTKeySet {
        let bytes: [UInt8]
        do {
            bytes = try await fetch(url)
        } catch {
            throw WebhookError(.keyFetchFailed, "fetching the Forge JWKS failed", vendor: .confluence)
        }
        guard bytes.count <= maximumKeySetSize else {
            throw WebhookError(
                .keyFetchFailed,
                "the Forge JWKS of \(bytes.count) bytes is over the limit of \(maximumKeySetSize)",
                vendor: .confluence
            )
        }
        let keys: JWTKeySet
        do {
            keys = try JWTKeySet(jwks: bytes)
        } catch {
            throw WebhookError(.keyFetchFailed, "the Forge JWKS is not a JSON object with a keys array")
        }
        guard !keys.keys.isEmpty else {
            throw WebhookError(.keyFetchFailed, "the Forge JWKS holds no usable signing key", vendor: .confluence)
        }
        return keys
    }

    static func configurationError(_ reason: String) -> WebhookError {
        WebhookError(.invalidConfiguration, reason, vendor: .confluence)
    }

    // MARK: Delivery key

    /// The composite delivery key (see the type's discussion), or `nil` when the event has neither an entity id
    /// nor a creation date.
    static func deliveryKey(installationID: String, event: ConfluenceForgeEvent) -> String? {
        var entityID: String?
        var version: String?
        var created: String?
        switch event.payload {
        case .product(let product):
            entityID = product.entityID?.stringValue
            version = (product.content?.version?.number ?? product.attachment?.version?.number).map(String.init)
            created = product.eventCreatedDate
        case .lifecycle(let lifecycle):
            entityID = lifecycle.id
            version = lifecycle.app?.version
        case .unknown(let json):
            entityID = (json["content"]?["id"] ?? json["attachment"]?["id"] ?? json["id"]).flatMap(Self.idText)
            created = json["eventCreatedDate"]?.stringValue
        }
        guard entityID != nil || created != nil else { return nil }
        return WebhookDeliveryKey.make(
            vendor: "confluence",
            kind: "forge",
            parts: [installationID, event.name.rawValue, entityID ?? "", version ?? "", created ?? ""]
        )
    }

    private static func idText(_ value: JSONValue) -> String? {
        if let text = value.stringValue { return text }
        return value.integerValue.map { String($0) }
    }
}
