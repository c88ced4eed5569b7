public import WebhookCore
public import WebhookCrypto
import WebhookRegistry

/// Verifies R-Service (4me, now Xurrent) webhook deliveries and decodes their message.
///
/// A webhook with a webhook policy posts `{"jwt":"<compact JWS>"}`; the message is the token's `data` claim.
/// The verifier, in this order:
/// 1. rejects a body over `WebhookLimits/maximumBodySize` before reading it;
/// 2. reads the wrapper strictly (one JSON object with one string `jwt`; other members are ignored) and rejects a
///    token over `WebhookLimits/maximumTokenSize` before parsing it. A plain message (it has `event` or
///    `webhook_id` but no `jwt`) is rejected with `WebhookError/Code/unsignedDelivery`;
/// 3. checks the signature over the token's exact bytes with the configured keys, which alone decide the
///    algorithms (``KeySource``); `none` is never accepted, and an RSA or EC key is never used as an HMAC secret;
/// 4. checks the claims: `iss` (required; the configured account URL or its 4me/Xurrent twin), `aud` (when
///    configured), `exp`, `nbf` and `iat` (when present, with `leeway`), a maximum token age when there is no
///    `exp`, and `jti` (required);
/// 5. decodes the exact bytes of the `data` claim with ``RServiceEvent/decode(from:eventName:)``.
///
/// Failures of 1–4 are authentication, limit or configuration errors; failures of 5 keep the category
/// `WebhookError/Category/decoding`. The returned `VerifiedWebhook/body` is the message (the `data` claim's
/// bytes exactly as signed), `VerifiedWebhook/jwt` the verified token and `VerifiedWebhook/deliveryID` the
/// `X-4me-Delivery` or `x-xurrent-delivery` header (unsigned: for logs and de-duplication only).
///
/// The verifier records nothing: replays are rejected by the time checks of step 4, and the middleware's delivery
/// ledger recognises a second copy of a delivery by `VerifiedWebhook/deliveryKey`, which is, first match wins:
/// - `rservice:delivery:<id>` with the id of `x-xurrent-delivery-origin` (sent on re-deliveries: the original
///   delivery's id, so a re-delivery has the key of the original), else of `x-xurrent-delivery`, else of
///   `X-4me-Delivery`. Header names are compared case-insensitively; a value that is empty, longer than
///   `RServiceDelivery/maximumDeliveryIDLength` bytes or not printable ASCII is ignored;
/// - `rservice:jti:<jti>`, the verified token's id, when no header gives one (signed deliveries only);
/// - `nil` for an unsigned delivery without a usable header: it is processed every time it arrives.
///
/// A part that is not short visible ASCII without `:` is replaced by a SHA-256 (`rservice:delivery-sha256:<hex>`).
/// The delivery headers are not signed: they tell R-Service's own retries apart, but whoever holds a captured
/// token can re-send it with another delivery id while the token is still accepted (``minimumDeliveryRetention``).
///
/// With `onVerificationRequest` set, a signed `webhook.verify` delivery whose callback URL is on the configured
/// account is answered by the verifier (``answerBeforeHandler(_:)``), without calling the handler.
///
/// ``KeySource/unsigned`` is the explicit mode for webhooks without a policy: it accepts plain messages only, checks
/// nothing, and rejects signed bodies with `WebhookError/Code/algorithmNotAllowed` (an outside sender can send
/// one, so it is an authentication failure, not a configuration error).
public struct RServiceSignatureVerifier: WebhookVerifier {
    public typealias Event = RServiceEvent

    /// Where the verification keys come from; they decide which algorithms are accepted.
    public struct KeySource: Sendable {
        enum Storage: Sendable {
            case keys(JWTKeySet)
            case discovery(any WebhookKeyProvider)
            case unsigned
        }

        let storage: Storage

        /// The algorithms R-Service signs with when a policy names an RSA or EC algorithm (`jwt_alg`), and the
        /// only ones accepted with keys from OpenID Connect discovery. (PS* is never sent by R-Service.)
        public static let asymmetricAlgorithms: Set<JWSAlgorithm> = [.rs256, .rs384, .rs512, .es256, .es384, .es512]

        /// The webhook policy's public keys (several for rotation), as PEM-read `WebhookPublicKey` values.
        ///
        /// An RSA key accepts RS256, RS384 and RS512; an EC key accepts the ES* of its curve only (raw R‖S
        /// signatures). With `algorithm` (the policy's `jwt_alg`), every key accepts exactly that algorithm.
        /// - Parameters:
        ///   - keys: The public keys; at least one.
        ///   - algorithm: The policy's algorithm, or `nil` to accept what each key allows.
        /// - Throws: `WebhookError/Code/invalidConfiguration` for no keys, or an algorithm that is not an RS* or
        ///   ES* algorithm fitting every key (`none` is configured with ``unsigned``, HS* with ``sharedSecrets(_:algorithms:)``).
        public static func publicKeys(_ keys: [WebhookPublicKey], algorithm: JWSAlgorithm? = nil) throws(WebhookError)
            -> KeySource
        {
            guard !keys.isEmpty else { throw configurationError("no public keys configured") }
            if let algorithm, !asymmetricAlgorithms.contains(algorithm) {
                let hint =
                    algorithm.rawValue.lowercased() == "none"
                    ? "; a none policy sends unsigned deliveries: use KeySource.unsigned"
                    : algorithm.rawValue.hasPrefix("HS") ? "; HS* needs KeySource.sharedSecrets" : ""
                throw configurationError(
                    "algorithm \(algorithm.rawValue.prefix(16)) is not an R-Service RSA or EC algorithm\(hint)"
                )
            }
            var verificationKeys: [JWTVerificationKey] = []
            for key in keys {
                let allowed: Set<JWSAlgorithm>
                if let algorithm {
                    allowed = [algorithm]
                } else {
                    switch key.type {
                    case .rsa: allowed = [.rs256, .rs384, .rs512]
                    case .ec(let curve): allowed = [jwsAlgorithm(of: curve)]
                    }
                }
                do {
                    verificationKeys.append(try JWTVerificationKey.publicKey(key, algorithms: allowed))
                } catch {
                    throw configurationError(error.reason)
                }
            }
            return KeySource(storage: .keys(JWTKeySet(verificationKeys)))
        }

        /// Shared HMAC secrets (several for rotation), for policies with `jwt_alg` HS256, HS384 or HS512.
        /// - Parameters:
        ///   - secrets: The secrets; at least one, none empty.
        ///   - algorithms: The accepted HS* algorithms (default all three; pass the policy's one).
        /// - Throws: `WebhookError/Code/invalidConfiguration` for no secrets or a non-HS algorithm;
        ///   `WebhookError/Code/invalidKey` for an empty secret.
        public static func sharedSecrets(
            _ secrets: [WebhookSecret],
            algorithms: Set<JWSAlgorithm> = [.hs256, .hs384, .hs512]
        ) throws(WebhookError) -> KeySource {
            guard !secrets.isEmpty else { throw configurationError("no shared secrets configured") }
            guard !algorithms.isEmpty, algorithms.isSubset(of: [.hs256, .hs384, .hs512]) else {
                throw configurationError("shared secrets allow only HS256, HS384 and HS512")
            }
            var keys: [JWTVerificationKey] = []
            for secret in secrets {
                do {
                    keys.append(try JWTVerificationKey.hmac(secret, algorithms: algorithms))
                } catch {
                    throw error.attributed(to: .rService)
                }
            }
            return KeySource(storage: .keys(JWTKeySet(keys)))
        }

        /// Keys found by OpenID Connect discovery (``RServiceOpenIDDiscovery``), selected by the token's `kid`.
        ///
        /// Tokens must name a `kid` and use RS256/384/512 or ES256/384/512; `iss` must be a webhook policy of the
        /// configured account (`https://<account host>/webhook_policies/<name>`), checked before any key is fetched.
        public static func discovery(_ provider: any WebhookKeyProvider) -> KeySource {
            KeySource(storage: .discovery(provider))
        }

        /// No signature: for webhooks without a policy (or a policy with `jwt_alg` `none`). Accepts plain-JSON
        /// messages only and authenticates nothing; a `{"jwt":…}` body is rejected with
        /// `WebhookError/Code/algorithmNotAllowed`, of category authentication (configure the policy's key to
        /// accept signed deliveries).
        public static let unsigned = KeySource(storage: .unsigned)

        /// The ES* algorithm of a curve.
        static func jwsAlgorithm(of curve: ECCurve) -> JWSAlgorithm {
            switch curve {
            case .p384: .es384
            case .p521: .es512
            default: .es256
            }
        }

        static func configurationError(_ reason: String) -> WebhookError {
            WebhookError(.invalidConfiguration, reason, vendor: .rService)
        }
    }

    /// Called with the callback URL of a signed `webhook.verify` delivery on the configured account, to activate
    /// the webhook (GET the URL).
    public typealias VerificationRequestHook = @Sendable (_ callbackURL: String) async throws -> Void

    /// The longest `jti` accepted, in bytes (R-Service sends 64 hex characters).
    public static let maximumJWTIDLength = 256

    public var vendor: WebhookVendor { .rService }

    let keys: KeySource
    let issuerRule: RServiceIssuerRule
    let audience: String?
    let leeway: Double
    let maximumTokenAge: Double?
    /// The body and token size limits.
    public let limits: WebhookLimits
    let onVerificationRequest: VerificationRequestHook?
    let clock: @Sendable () -> Double
    /// The claim rules and limits handed to `JWTVerifier`, fixed at creation.
    let validationOptions: JWTValidationOptions
    /// With configured keys, the token verifier, made once rather than per request.
    let configuredVerifier: JWTVerifier?

    /// Creates a verifier.
    /// - Parameters:
    ///   - keys: The keys (they decide the algorithms), or ``KeySource/unsigned``.
    ///   - issuer: The account URL, e.g. `https://wdc.xurrent.com` (its 4me/Xurrent twin is accepted too); or one
    ///     policy's URL `https://<host>/webhook_policies/<name>` to accept only that policy's tokens.
    ///   - audience: The policy's `jwt_audience`; when given, `aud` must contain it.
    ///   - leeway: The clock skew allowed for `exp`, `nbf`, `iat` and the maximum age (default 60 s).
    ///   - maximumTokenAge: For tokens without `exp`: the longest time since `iat` (then required) for which a token
    ///     is accepted (default 300 s), which bounds how long a captured token can be replayed. `nil` accepts such
    ///     tokens at any age.
    ///   - limits: Body and token size limits.
    ///   - onVerificationRequest: When given, answers the `webhook.verify` handshake: it is called with the
    ///     callback URL of a signed `webhook.verify` delivery whose URL is `https`, without user info, on the
    ///     configured account's host or its 4me/Xurrent twin and port (see ``answerBeforeHandler(_:)``).
    ///   - clock: UNIX seconds now.
    /// - Throws: `WebhookError/Code/invalidConfiguration` for a negative leeway or maximum token age, an empty
    ///   issuer with signed deliveries, or, with ``KeySource/discovery(_:)``, an issuer that is not
    ///   an `https` URL.
    public init(
        keys: KeySource,
        issuer: String,
        audience: String? = nil,
        leeway: Duration = .seconds(60),
        maximumTokenAge: Duration? = .seconds(300),
        limits: WebhookLimits = .default,
        onVerificationRequest: VerificationRequestHook? = nil,
        clock: @escaping @Sendable () -> Double = { WebhookClock.now() }
    ) throws(WebhookError) {
        guard leeway >= .zero else {
            throw KeySource.configurationError("the leeway must not be negative")
        }
        guard maximumTokenAge.map({ $0 >= .zero }) ?? true else {
            throw KeySource.configurationError("the maximum token age must not be negative")
        }
        let leeway = leeway.webhookSeconds
        let maximumTokenAge = maximumTokenAge?.webhookSeconds
        let issuerRule = RServiceIssuerRule(issuer)
        switch keys.storage {
        case .unsigned:
            break
        case .keys:
            guard !issuer.isEmpty else {
                throw KeySource.configurationError("signed deliveries need the account URL as the issuer")
            }
        case .discovery:
            guard issuerRule.url?.scheme == "https" else {
                throw KeySource.configurationError("discovery needs an https account URL as the issuer")
            }
        }
        self.keys = keys
        self.issuerRule = issuerRule
        self.audience = audience
        self.leeway = leeway
        self.maximumTokenAge = maximumTokenAge
        self.limits = limits
        self.onVerificationRequest = onVerificationRequest
        self.clock = clock
        self.validationOptions = JWTValidationOptions(
            leeway: leeway,
            requiredClaims: [.iss, .jti],
            issuers: nil,
            audiences: audience.map { [$0] },
            maximumTokenSize: limits.maximumTokenSize,
            clock: clock
        )
        if case .keys(let configured) = keys.storage {
            self.configuredVerifier = JWTVerifier(keys: configured, options: validationOptions)
        } else {
            self.configuredVerifier = nil
        }
    }

    /// Verifies a delivery and decodes its message.
    /// - Parameters:
    ///   - request: The request as received.
    ///   - eventName: Ignored: an R-Service message names its event in `event`.
    /// - Returns: The verified webhook; its `body` is the message (the `data` claim's bytes exactly as signed, or
    ///   the plain body in unsigned mode).
    /// - Throws: `WebhookError` attributed to R-Service; see the type's discussion for the order of checks.
    public func verify(
        _ request: WebhookRequest,
        eventName: String?
    ) async throws(WebhookError) -> VerifiedWebhook<RServiceEvent> {
        do {
            return try await verifyUnattributed(request)
        } catch {
            throw error.attributed(to: .rService)
        }
    }

    private func verifyUnattributed(_ request: WebhookRequest) async throws(WebhookError) -> VerifiedWebhook<
        RServiceEvent
    > {
        try limits.checkBody(request.body.count)
        let deliveryID = RServiceDelivery.deliveryID(in: request.headers)
        let headerKeyID = RServiceDelivery.deliveryKeyID(in: request.headers)
        let wrapper = RServiceJSON.members(of: request.body)
        let jwtMember = wrapper.map { RServiceJSON.first(named: "jwt", in: $0) } ?? (member: nil, count: 0)

        if case .unsigned = keys.storage {
            guard jwtMember.count == 0 else {
                throw WebhookError(
                    .algorithmNotAllowed,
                    "signed delivery ({\"jwt\":…}) received by a verifier configured for unsigned deliveries"
                        + " (configure the webhook policy's key to accept it)"
                )
            }
            let event = try RServiceEvent.decode(from: request.body, eventName: nil)
            return VerifiedWebhook(
                vendor: .rService,
                eventName: event.eventName,
                event: event,
                body: request.body,
                deliveryID: deliveryID,
                deliveryKey: headerKeyID.map(Self.deliveryKey(forDeliveryID:))
            )
        }

        let token = try Self.token(in: request.body, wrapper: wrapper, jwtMember: jwtMember)
        try limits.checkToken(token.count)
        let unverified = try UnverifiedJWT(token, maximumSize: limits.maximumTokenSize)
        if unverified.header.algorithm.lowercased() == "none" {
            throw WebhookError(.unsupportedAlgorithm, "alg none is never accepted")
        }

        let tokenVerifier: JWTVerifier
        switch keys.storage {
        case .keys:
            guard let configuredVerifier else { throw WebhookError(.internalError, "unreachable") }
            tokenVerifier = configuredVerifier
        case .discovery(let provider):
            let keySet = try await discoveredKeys(for: unverified, provider: provider)
            tokenVerifier = JWTVerifier(keys: keySet, options: validationOptions)
        case .unsigned:
            throw WebhookError(.internalError, "unreachable")
        }

        let verified = try tokenVerifier.verify(unverified)
        let jwtID = try checkClaims(verified.claims)

        let message = try Self.message(in: verified.payload)
        let event = try RServiceEvent.decode(from: message, eventName: nil)
        return VerifiedWebhook(
            vendor: .rService,
            eventName: event.eventName,
            event: event,
            body: message,
            deliveryID: deliveryID,
            jwt: verified,
            deliveryKey: headerKeyID.map(Self.deliveryKey(forDeliveryID:)) ?? Self.deliveryKey(forTokenID: jwtID)
        )
    }

    /// The token of a `{"jwt":"…"}` body.
    static func token(
        in body: [UInt8],
        wrapper: [RServiceJSON.Member]?,
        jwtMember: (member: RServiceJSON.Member?, count: Int)
    ) throws(WebhookError) -> ArraySlice<UInt8> {
        guard let wrapper else {
            throw WebhookError(.malformedToken, "body is not a JSON object (expected {\"jwt\":\"<token>\"})")
        }
        guard let member = jwtMember.member else {
            if RServiceJSON.first(named: "event", in: wrapper).count > 0
                || RServiceJSON.first(named: "webhook_id", in: wrapper).count > 0
            {
                throw WebhookError(
                    .unsignedDelivery,
                    "unsigned message where a signed {\"jwt\":…} delivery is required (is the webhook policy set?)"
                )
            }
            throw WebhookError(.missingSignature, "body has no jwt member")
        }
        guard jwtMember.count == 1 else {
            throw WebhookError(.malformedToken, "body has more than one jwt member")
        }
        guard let string = RServiceJSON.string(member, in: body) else {
            throw WebhookError(.malformedToken, "jwt member is not a string")
        }
        guard !string.hasEscapes else {
            throw WebhookError(.malformedToken, "jwt member contains escapes (a compact JWS never needs any)")
        }
        let token = string.text
        guard !token.isEmpty else {
            throw WebhookError(.missingSignature, "jwt member is empty")
        }
        return token
    }

    /// Discovery: the issuer is checked before any fetch, the token must name a `kid`, and its key must be in the
    /// provider's set (refreshed at most once).
    private func discoveredKeys(
        for token: UnverifiedJWT,
        provider: any WebhookKeyProvider
    ) async throws(WebhookError) -> JWTKeySet {
        let algorithm = JWSAlgorithm(rawValue: token.header.algorithm)
        guard JWSAlgorithm.supported.contains(algorithm) else {
            throw WebhookError(.unsupportedAlgorithm, "unsupported alg \(token.header.algorithm.prefix(16))")
        }
        guard KeySource.asymmetricAlgorithms.contains(algorithm) else {
            throw WebhookError(
                .algorithmNotAllowed,
                "alg \(algorithm.rawValue) is not allowed with discovered keys (RS256/384/512, ES256/384/512)"
            )
        }
        guard let issuer = token.claims.issuer else {
            throw WebhookError(.missingClaim, "required claim iss is missing")
        }
        guard issuerRule.acceptsDiscoveryIssuer(issuer) else {
            throw WebhookError(
                .issuerMismatch,
                "iss is not a webhook policy URL of the configured account; no keys were fetched"
            )
        }
        guard let keyID = token.header.keyID else {
            throw WebhookError(.unknownKeyID, "token names no kid; discovered keys are selected by kid")
        }
        // Who chose the issuer decides what a fetch failure means: with the issuer pinned to one policy in the
        // configuration, only that URL is ever fetched and a failure is an outage (503, the vendor retries); with
        // the account URL configured, the token names the policy, so anyone can make it fetch, and a failure is
        // an authentication failure (F3, F9).
        let pinned = issuerRule.isPinnedToPolicy
        return try await provider.keySet(withKeyID: keyID, forIssuer: issuer) { failure in
            if pinned { return failure }
            return WebhookError(
                .issuerKeysUnavailable,
                "the keys of the token's issuer could not be fetched (\(failure.reason)); the issuer is not pinned"
            )
        }
    }

    /// The rules `JWTVerifier` does not know: the issuer forms, the age of tokens without `exp`, the `jti` shape.
    private func checkClaims(_ claims: JWTClaims) throws(WebhookError) -> String {
        guard let issuer = claims.issuer else {
            throw WebhookError(.missingClaim, "required claim iss is missing")
        }
        let issuerAccepted: Bool
        if case .discovery = keys.storage {
            issuerAccepted = issuerRule.acceptsDiscoveryIssuer(issuer)
        } else {
            issuerAccepted = issuerRule.acceptsStaticIssuer(issuer)
        }
        guard issuerAccepted else {
            throw WebhookError(.issuerMismatch, "iss is not the configured account URL or its 4me/Xurrent twin")
        }
        if claims.expiresAt == nil, let maximumTokenAge {
            guard let issuedAt = claims.issuedAt else {
                throw WebhookError(.missingClaim, "token has neither exp nor iat, so its age cannot be bounded")
            }
            if clock() >= issuedAt + maximumTokenAge + leeway {
                throw WebhookError(.expired, "token has no exp and was issued more than \(maximumTokenAge) s ago")
            }
        }
        guard let jwtID = claims.jwtID else {
            throw WebhookError(.missingClaim, "required claim jti is missing")
        }
        guard !jwtID.isEmpty, jwtID.utf8.count <= Self.maximumJWTIDLength else {
            throw WebhookError(.invalidClaim, "jti is empty or longer than \(Self.maximumJWTIDLength) bytes")
        }
        return jwtID
    }

    // MARK: Delivery key

    /// The delivery key of a delivery id from the headers: `rservice:delivery:<id>`.
    static func deliveryKey(forDeliveryID id: String) -> String {
        WebhookDeliveryKey.make(vendor: "rservice", kind: "delivery", parts: [id])
    }

    /// The delivery key of a verified token id: `rservice:jti:<jti>`.
    static func deliveryKey(forTokenID jwtID: String) -> String {
        WebhookDeliveryKey.make(vendor: "rservice", kind: "jti", parts: [jwtID])
    }

    /// How long a completed delivery key must be kept: a token without `exp` is accepted until
    /// `iat + maximumTokenAge + leeway`, and its `iat` may lie up to `leeway` after the moment it first arrives,
    /// so `maximumTokenAge + 2 × leeway`. `.zero` when `maximumTokenAge` is `nil` (such tokens are accepted at any
    /// age: no retention can cover them) or the configuration is invalid.
    ///
    /// A token with `exp` is accepted until `exp + leeway`; the policy's `jwt_claim_expires_in` sets that, and
    /// the verifier does not bound it: keep the middleware's retention above the policy's token lifetime.
    public var minimumDeliveryRetention: Duration {
        guard let maximumTokenAge, maximumTokenAge.isFinite, maximumTokenAge >= 0, leeway.isFinite, leeway >= 0 else {
            return .zero
        }
        return .milliseconds(Int64(((maximumTokenAge + 2 * leeway) * 1000).rounded(.up)))
    }

    // MARK: The webhook.verify handshake

    /// Answers a `webhook.verify` delivery when `onVerificationRequest` is set: calls it with the callback URL,
    /// then answers `200 ok`, or `502 bad gateway` when it throws.
    ///
    /// The hook is called only for a signed delivery (`jwt` present; never in ``KeySource/unsigned`` mode, where
    /// anyone can post any URL) whose callback URL is `https`, has no user info, and names the configured
    /// account's host or its 4me/Xurrent twin (compared byte-wise, ASCII case-insensitively) with the configured
    /// port. Otherwise this returns `nil`, the hook is not called, and the delivery goes to the handler like any
    /// other event: the library never makes a request to a URL an unverified or foreign sender chose.
    /// - Parameter webhook: The verified delivery.
    /// - Returns: The handshake's answer, or `nil` to call the handler.
    public func answerBeforeHandler(_ webhook: VerifiedWebhook<RServiceEvent>) async -> WebhookAnswer? {
        guard let onVerificationRequest, webhook.jwt != nil,
            case .webhookVerify(let message) = webhook.event,
            isAccountCallback(message.payload.callbackURL)
        else { return nil }
        do {
            try await onVerificationRequest(message.payload.callbackURL)
            return WebhookAnswer(status: 200, body: "ok")
        } catch {
            return WebhookAnswer(status: 502, body: "bad gateway")
        }
    }

    /// Whether `callbackURL` is `https`, without user info, on the configured account's host (or its twin) and
    /// port.
    func isAccountCallback(_ callbackURL: String) -> Bool {
        guard let account = issuerRule.url,
            let callback = RServiceURL(callbackURL, allowQuery: true),
            callback.scheme == "https",
            callback.effectivePort == (account.scheme == "https" ? account.effectivePort : "443")
        else { return false }
        // RServiceURL refuses `@` (user info) and non-ASCII hosts, and lower-cases the ASCII host.
        let host = Array(callback.host.utf8)
        return host == Array(account.host.utf8) || account.brandTwinHost.map { host == Array($0.utf8) } ?? false
    }

    /// The exact bytes of the `data` claim.
    static func message(in payload: [UInt8]) throws(WebhookError) -> [UInt8] {
        guard let claims = RServiceJSON.members(of: payload) else {
            throw WebhookError(.invalidPayload, "token claims are not a JSON object")
        }
        let data = RServiceJSON.first(named: "data", in: claims)
        guard let member = data.member else {
            throw WebhookError(.invalidPayload, "token has no data claim (the message)")
        }
        guard data.count == 1 else {
            throw WebhookError(.invalidPayload, "token has more than one data claim")
        }
        guard RServiceJSON.lead(of: member, in: payload) == UInt8(ascii: "{") else {
            throw WebhookError(.invalidPayload, "data claim is not a JSON object")
        }
        return Array(payload[member.value])
    }
}
