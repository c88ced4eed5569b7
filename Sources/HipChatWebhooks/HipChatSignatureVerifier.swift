public import WebhookCore
public import WebhookCrypto
import WebhookRegistry
import WebhookValues

/// Verifies HipChat add-on webhooks: an HS256 JWT signed with the installation's OAuth secret, sent in the
/// `signed_request` query parameter or in `Authorization: JWT <token>` (also `JWT token=<token>`).
///
/// Checks, in order:
/// 1. the body size limit;
/// 2. the token: from the query or the header (missing → `missing_signature`; the query and the header, or two
///    headers, carrying different tokens → `malformed_token`), its size limit, then its structure;
/// 3. `alg` must be `HS256` (`none` or an unknown name → `unsupported_algorithm`; another known algorithm →
///    `algorithm_not_allowed`), before any secret is looked up;
/// 4. the unverified `iss` (the installation's OAuth client id) must be a string of 1 to
///    ``maximumIssuerLength`` bytes; only then is it handed to the secret lookup, as an opaque key
///    (none found → `unknown_issuer`; the lookup throws → `key_fetch_failed`; it returns an empty secret →
///    `invalid_key`);
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
/// Steps 2 to 5 are the Atlassian JWT flow that Confluence Connect shares, with the same codes for the same
/// failures. A bad configuration (a negative leeway, an empty table, an empty secret) fails the
/// initialiser, never a request.
///
/// ``minimumDeliveryRetention`` is `.zero`: HipChat bounds a token's life only by its own `exp`, whose distance
/// from `iat` the verifier does not limit, so no retention derived from the configuration covers every token.
public struct HipChatSignatureVerifier: WebhookVerifier {
    public typealias Event = HipChatEvent

    /// Finds the OAuth secrets of an installation by its OAuth client id (the token's unverified `iss`).
    ///
    /// Return `[]` for an unknown installation (`unknown_issuer`); return several secrets while one is being
    /// replaced. Throw only when the lookup itself fails (a database error): the request is then rejected with
    /// `key_fetch_failed`, of category `unavailable` (503 with `Retry-After`), so that HipChat retries. The id is untrusted input:
    /// use it only as an opaque key.
    public typealias SecretLookup = @Sendable (_ oauthClientID: String) async throws -> [WebhookSecret]

    /// The longest `iss` handed to the secret lookup, in UTF-8 bytes.
    public static let maximumIssuerLength = AtlassianJWTVerifier.maximumIssuerLength
    /// The query parameter that may carry the token.
    public static let queryParameter = "signed_request"

    /// Where HipChat puts the token: the query parameter and `Authorization: JWT` headers, every copy the same.
    static let tokenLocation = AtlassianJWTVerifier.TokenLocation(
        queryParameter: queryParameter,
        copies: .mustBeIdentical
    )

    /// `WebhookVendor.hipChat`.
    public var vendor: WebhookVendor { .hipChat }

    /// The clock skew allowed for `exp`, `nbf` and `iat`.
    public let leeway: Duration
    /// Whether the token's `sub` must equal the id of the body's sender.
    public let requireSubjectMatchesSender: Bool
    /// The size limits.
    public let limits: WebhookLimits

    /// The Atlassian JWT steps: token, `alg`, `iss`, secrets, signature and time claims.
    let token: AtlassianJWTVerifier

    /// Creates a verifier that finds secrets through a lookup (one add-on, many installations).
    /// - Parameters:
    ///   - secrets: Finds an installation's OAuth secrets (as `WebhookSecret(utf8: oauthSecret)`) by its OAuth client id.
    ///   - leeway: The clock skew allowed for `exp`, `nbf` and `iat` (default 60 seconds).
    ///   - requireSubjectMatchesSender: Whether `sub` must equal the id of `item.sender` or `item.message.from`
    ///     (default off).
    ///   - limits: Body and token size limits, checked before any parsing.
    ///   - clock: UNIX seconds now.
    /// - Throws: `invalid_configuration` for a negative leeway.
    public init(
        secrets: @escaping SecretLookup,
        leeway: Duration = .seconds(60),
        requireSubjectMatchesSender: Bool = false,
        limits: WebhookLimits = .default,
        clock: @escaping @Sendable () -> Double = { WebhookClock.now() }
    ) throws(WebhookError) {
        do {
            self.token = try AtlassianJWTVerifier(
                secrets: secrets,
                location: Self.tokenLocation,
                issuerName: "the OAuth client id",
                leeway: leeway.webhookSeconds,
                limits: limits,
                clock: clock
            )
        } catch {
            throw error.attributed(to: .hipChat)
        }
        self.requireSubjectMatchesSender = requireSubjectMatchesSender
        self.limits = limits
        self.leeway = leeway
    }

    /// Creates a verifier with a fixed table of installations; their keys are prepared once here.
    /// - Parameters:
    ///   - secrets: OAuth secrets (as `WebhookSecret(utf8: oauthSecret)`) by OAuth client id; several per id for rotation.
    ///   - leeway: The clock skew allowed for `exp`, `nbf` and `iat` (default 60 seconds).
    ///   - requireSubjectMatchesSender: Whether `sub` must equal the id of the body's sender (default off).
    ///   - limits: Body and token size limits, checked before any parsing.
    ///   - clock: UNIX seconds now.
    /// - Throws: `invalid_configuration` for an empty table, an installation without a secret, or a negative
    ///   leeway; `invalid_key` for an empty secret.
    public init(
        secrets: [String: [WebhookSecret]],
        leeway: Duration = .seconds(60),
        requireSubjectMatchesSender: Bool = false,
        limits: WebhookLimits = .default,
        clock: @escaping @Sendable () -> Double = { WebhookClock.now() }
    ) throws(WebhookError) {
        do {
            self.token = try AtlassianJWTVerifier(
                secrets: secrets,
                location: Self.tokenLocation,
                issuerName: "the OAuth client id",
                leeway: leeway.webhookSeconds,
                limits: limits,
                clock: clock
            )
        } catch {
            throw error.attributed(to: .hipChat)
        }
        self.requireSubjectMatchesSender = requireSubjectMatchesSender
        self.limits = limits
        self.leeway = leeway
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
            let verified = try await token.verify(request)
            let jwt = verified.jwt
            let decoded = try HipChatEvent.decode(from: request.body, eventName: eventName)
            if requireSubjectMatchesSender {
                try Self.checkSubject(jwt.claims.subject, sender: decoded.sender)
            }
            return VerifiedWebhook(
                vendor: .hipChat,
                eventName: decoded.eventName,
                event: decoded,
                body: request.body,
                jwt: jwt,
                deliveryKey: Self.deliveryKey(issuer: verified.issuer, jwtID: jwt.claims.jwtID)
            )
        } catch {
            throw error.attributed(to: .hipChat)
        }
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
}
