public import WebhookCore
public import WebhookCrypto
import WebhookRegistry

/// Verifies HipChat add-on webhooks: an HS256 JWT signed with the installation's OAuth secret, sent in the
/// `signed_request` query parameter or in `Authorization: JWT <token>` (also `JWT token=<token>`).
///
/// Checks, in order:
/// 1. the body size limit;
/// 2. the token: from the query or the header (missing → `missing_signature`; the query and the header, or two
///    headers, carrying different tokens → `malformed_token`), its size limit, then its structure;
/// 3. `alg` must be `HS256` (`none` → `unsupported_algorithm`; anything else → `algorithm_not_allowed`), before
///    any secret is looked up;
/// 4. the unverified `iss` (the installation's OAuth client id) must be a string of 1 to
///    ``maximumIssuerLength`` bytes; only then is it handed to the secret lookup, as an opaque key
///    (none found → `unknown_issuer`; the lookup throws → `key_fetch_failed`);
/// 5. the signature over the exact token bytes with each secret found (rotation), then the claims: `exp` and `iss`
///    required, the verified `iss` equal to the one looked up, `exp`, `nbf` and `iat` within the leeway;
/// 6. optionally, `sub` equal to the sender id in the body (`subject_mismatch`);
/// 7. decoding the body (failures are of category `decoding`).
///
/// The token does not cover the body: HipChat signs no body hash. Within the token's lifetime the body could be
/// altered by whoever holds the token. The body's `oauth_client_id` is never used to choose a secret or to
/// authenticate anything.
///
/// The verifier records nothing. `VerifiedWebhook/deliveryKey`, which the middleware's delivery ledger uses to
/// process a delivery once, is `hipchat:jti:<iss>:<jti>`: the verified token's `jti` (20 random characters),
/// namespaced by its verified issuer (the installation), or `hipchat:jti-sha256:<hex>` when either is not short
/// visible ASCII without `:`. It is `nil` when the token has no `jti` (or an empty one): such a delivery is
/// processed every time it arrives. Because the token does not cover the body, two different bodies sent under
/// one token share one key: the second is treated as a copy of the first.
///
/// ``minimumDeliveryRetention`` is `.zero`: HipChat bounds a token's life only by its own `exp`, whose distance
/// from `iat` the verifier does not limit, so no retention derived from the configuration covers every token.
public struct HipChatSignatureVerifier: WebhookVerifier {
    public typealias Event = HipChatEvent

    /// Finds the OAuth secrets of an installation by its OAuth client id (the token's unverified `iss`).
    ///
    /// Return `[]` for an unknown installation; return several secrets while one is being replaced. Throw only when
    /// the lookup itself fails (a database error): the request is then rejected with `key_fetch_failed`, of category
    /// `configuration`, so the sender can retry. The id is untrusted input: use it only as an opaque key.
    public typealias SecretLookup = @Sendable (_ oauthClientID: String) async throws -> [HMACKey]

    /// The longest `iss` handed to the secret lookup, in UTF-8 bytes.
    public static let maximumIssuerLength = 256
    /// The query parameter that may carry the token.
    public static let queryParameter = "signed_request"

    /// `WebhookVendor.hipChat`.
    public var vendor: WebhookVendor { .hipChat }

    /// Seconds of clock skew allowed for `exp`, `nbf` and `iat`.
    public let leeway: Double
    /// Whether the token's `sub` must equal the id of the body's sender.
    public let requireSubjectMatchesSender: Bool
    /// The size limits.
    public let limits: WebhookLimits

    private enum SecretSource: Sendable {
        case lookup(SecretLookup)
        case table([String: Result<[JWTVerificationKey], WebhookError>])
    }

    private let source: SecretSource
    private let clock: @Sendable () -> Double

    /// Creates a verifier that finds secrets through a lookup (one add-on, many installations).
    ///
    /// A leeway that is negative or not finite makes every ``verify(_:eventName:)`` fail with
    /// `invalid_configuration`.
    /// - Parameters:
    ///   - secrets: Finds an installation's OAuth secrets (as `HMACKey(utf8: oauthSecret)`) by its OAuth client id.
    ///   - leeway: Seconds of clock skew allowed for `exp`, `nbf` and `iat` (default 60).
    ///   - requireSubjectMatchesSender: Whether `sub` must equal the id of `item.sender` or `item.message.from`
    ///     (default off).
    ///   - limits: Body and token size limits, checked before any parsing.
    ///   - clock: UNIX seconds now.
    public init(
        secrets: @escaping SecretLookup,
        leeway: Double = 60,
        requireSubjectMatchesSender: Bool = false,
        limits: WebhookLimits = .default,
        clock: @escaping @Sendable () -> Double = { WebhookClock.now() }
    ) {
        self.source = .lookup(secrets)
        self.leeway = leeway
        self.requireSubjectMatchesSender = requireSubjectMatchesSender
        self.limits = limits
        self.clock = clock
    }

    /// Creates a verifier with a fixed table of installations; their keys are prepared once here.
    /// - Parameters:
    ///   - secrets: OAuth secrets (as `HMACKey(utf8: oauthSecret)`) by OAuth client id; several per id for rotation.
    ///   - leeway: Seconds of clock skew allowed for `exp`, `nbf` and `iat` (default 60).
    ///   - requireSubjectMatchesSender: Whether `sub` must equal the id of the body's sender (default off).
    ///   - limits: Body and token size limits, checked before any parsing.
    ///   - clock: UNIX seconds now.
    public init(
        secrets: [String: [HMACKey]],
        leeway: Double = 60,
        requireSubjectMatchesSender: Bool = false,
        limits: WebhookLimits = .default,
        clock: @escaping @Sendable () -> Double = { WebhookClock.now() }
    ) {
        self.source = .table(secrets.mapValues(Self.prepare))
        self.leeway = leeway
        self.requireSubjectMatchesSender = requireSubjectMatchesSender
        self.limits = limits
        self.clock = clock
    }

    /// Verifies a HipChat delivery and decodes its event.
    /// - Parameters:
    ///   - request: The request as received.
    ///   - eventName: The event name to use when the body has no `event` field.
    /// - Returns: The verified body, its event, and the verified token in `jwt`.
    /// - Throws: `WebhookError` attributed to HipChat; see the type's documentation for the order.
    public func verify(
        _ request: WebhookRequest,
        eventName: String?
    ) async throws(WebhookError) -> VerifiedWebhook<HipChatEvent> {
        do throws(WebhookError) {
            try limits.checkBody(request.body.count)
            guard leeway.isFinite, leeway >= 0 else {
                throw WebhookError(.invalidConfiguration, "the leeway must be a finite, non-negative number of seconds")
            }
            let unverified = try parseToken(in: request)
            let issuer = try Self.checkedIssuer(of: unverified)
            let keys = try await keys(forIssuer: issuer)
            let jwt = try verifyToken(unverified, keys: keys, lookedUpIssuer: issuer)
            var event: HipChatEvent?
            if requireSubjectMatchesSender {
                let decoded = try HipChatEvent.decode(from: request.body, eventName: eventName)
                try Self.checkSubject(jwt.claims.subject, sender: decoded.sender)
                event = decoded
            }
            let decoded: HipChatEvent
            if let event {
                decoded = event
            } else {
                decoded = try HipChatEvent.decode(from: request.body, eventName: eventName)
            }
            return VerifiedWebhook(
                vendor: .hipChat,
                eventName: decoded.eventName,
                event: decoded,
                body: request.body,
                jwt: jwt,
                deliveryKey: Self.deliveryKey(issuer: issuer, jwtID: jwt.claims.jwtID)
            )
        } catch {
            throw error.attributed(to: .hipChat)
        }
    }

    // MARK: Steps

    /// Finds the one token of the request, checks its size, parses it and pins the algorithm.
    func parseToken(in request: WebhookRequest) throws(WebhookError) -> UnverifiedJWT {
        var candidates: [Substring] = []
        for item in request.queryItems where item.name == Self.queryParameter && !item.value.isEmpty {
            candidates.append(Substring(item.value))
        }
        for value in request.headers.values("Authorization") {
            if let token = JWTLocation.authorizationToken(value) {
                candidates.append(token)
            }
        }
        guard let token = candidates.first else {
            throw WebhookError(
                .missingSignature,
                "no JWT in the signed_request query parameter or in an Authorization: JWT header"
            )
        }
        for candidate in candidates {
            try limits.checkToken(candidate.utf8.count)
        }
        guard candidates.allSatisfy({ $0 == token }) else {
            throw WebhookError(
                .malformedToken,
                "the request carries \(candidates.count) different JWTs (query parameter and Authorization header)"
            )
        }
        let unverified = try UnverifiedJWT(Array(token.utf8), maximumSize: limits.maximumTokenSize)
        let algorithm = unverified.header.algorithm
        if algorithm.lowercased() == "none" {
            throw WebhookError(.unsupportedAlgorithm, "alg none is never accepted")
        }
        guard algorithm == JWSAlgorithm.hs256.rawValue else {
            throw WebhookError(
                .algorithmNotAllowed,
                "HipChat tokens are HS256 only; this one says alg \(algorithm.prefix(16))"
            )
        }
        return unverified
    }

    /// The unverified `iss`, bounded before it reaches any lookup.
    static func checkedIssuer(of token: UnverifiedJWT) throws(WebhookError) -> String {
        guard let issuer = token.claims.issuer else {
            throw WebhookError(.missingClaim, "required claim iss (the OAuth client id) is missing")
        }
        guard !issuer.isEmpty, issuer.utf8.count <= maximumIssuerLength else {
            throw WebhookError(.invalidClaim, "iss must be 1 to \(maximumIssuerLength) bytes")
        }
        return issuer
    }

    /// The prepared HS256 keys of an issuer.
    func keys(forIssuer issuer: String) async throws(WebhookError) -> [JWTVerificationKey] {
        switch source {
        case .table(let table):
            guard let keys = table[issuer] else {
                throw WebhookError(.unknownIssuer, "no secret is configured for the token's issuer")
            }
            return try keys.get()
        case .lookup(let lookup):
            let secrets: [HMACKey]
            do {
                secrets = try await lookup(issuer)
            } catch {
                throw WebhookError(.keyFetchFailed, "the secret lookup for the token's issuer failed")
            }
            return try Self.prepare(secrets).get()
        }
    }

    /// Checks the signature with the issuer's keys and the claims; `iss` must still be the issuer looked up.
    func verifyToken(
        _ token: UnverifiedJWT,
        keys: [JWTVerificationKey],
        lookedUpIssuer: String
    ) throws(WebhookError) -> VerifiedJWT {
        let options = JWTValidationOptions(
            leeway: leeway,
            requiredClaims: [.exp, .iss],
            issuers: [lookedUpIssuer],
            maximumTokenSize: limits.maximumTokenSize,
            clock: clock
        )
        return try JWTVerifier(keys: JWTKeySet(keys), options: options).verify(token)
    }

    /// `sub` must equal the body's sender id, compared as strings.
    static func checkSubject(_ subject: String?, sender: HipChatSender?) throws(WebhookError) {
        guard let subject else {
            throw WebhookError(.missingClaim, "required claim sub (the user id) is missing")
        }
        guard let senderID = sender?.id else {
            throw WebhookError(.subjectMismatch, "the body names no sender with an id to compare sub with")
        }
        guard senderID.stringValue == subject else {
            throw WebhookError(.subjectMismatch, "sub is not the id of the body's sender")
        }
    }

    /// The delivery key of a verified token: `hipchat:jti:<iss>:<jti>`, or `nil` without a `jti`.
    static func deliveryKey(issuer: String, jwtID: String?) -> String? {
        guard let jwtID, !jwtID.isEmpty else { return nil }
        return WebhookDeliveryKey.make(vendor: "hipchat", kind: "jti", parts: [issuer, jwtID])
    }

    /// HS256-only keys for a list of secrets; `[]` is an unknown installation, an empty secret a misconfiguration.
    private static func prepare(_ secrets: [HMACKey]) -> Result<[JWTVerificationKey], WebhookError> {
        guard !secrets.isEmpty else {
            return .failure(WebhookError(.unknownIssuer, "no secret is configured for the token's issuer"))
        }
        var keys: [JWTVerificationKey] = []
        for secret in secrets {
            guard secret.count > 0, let key = try? JWTVerificationKey.hmac(secret, algorithms: [.hs256]) else {
                return .failure(WebhookError(.invalidKey, "a secret configured for the token's issuer is empty"))
            }
            keys.append(key)
        }
        return .success(keys)
    }
}
