package import WebhookCore

/// The Atlassian JWT flow that HipChat add-on webhooks and Confluence Connect webhooks share, written once: an
/// HS256 token signed with a secret of the sending installation, found by the token's unverified `iss`.
///
/// Steps, in order (the vendor checks the body size before, and its own claims, such as `qsh` or `sub`, after):
/// 1. the token, from `Authorization: JWT <token>` (or `JWT token=<token>`) or the vendor's query parameter, by the
///    vendor's ``TokenLocation`` rule (none → `missing_signature`; copies that the rule refuses →
///    `malformed_token`), then its size limit and its structure;
/// 2. `alg` must be `HS256`, before any secret is looked up: `none` or a name this package does not know →
///    `unsupported_algorithm`; a known algorithm other than HS256 → `algorithm_not_allowed`;
/// 3. the unverified `iss` must be a string (missing → `missing_claim`) of 1 to ``maximumIssuerLength`` bytes
///    (`invalid_claim`); only then is it used, as an opaque key;
/// 4. the issuer's secrets: from the table prepared at set-up (absent → `unknown_issuer`) or from the lookup
///    (`[]` → `unknown_issuer`; the lookup throws → `key_fetch_failed`, category unavailable, answered 503 so the
///    vendor retries; an empty secret in its answer → `invalid_key`);
/// 5. the signature over the exact token bytes with each secret (rotation), then the claims: `exp` and `iss`
///    required, `iss` byte-equal to the issuer looked up, `exp`, `nbf` and `iat` within the leeway.
///
/// A lookup must answer `[]` for an installation it does not know and throw only when the lookup itself fails (its
/// database is down): that is the receiver's outage, which no sender can cause, and not a finding about the request.
package struct AtlassianJWTVerifier: Sendable {
    /// Finds the secrets of an installation by the token's unverified `iss`.
    package typealias SecretLookup = @Sendable (_ issuer: String) async throws -> [WebhookSecret]

    /// Where a vendor puts the token, and how copies of it are treated.
    package struct TokenLocation: Sendable {
        /// How a token found in more than one place is treated.
        package enum Copies: Sendable {
            /// The query parameter (empty values ignored) and any number of `Authorization: JWT` headers may each
            /// carry the token, provided every copy is the same token (HipChat).
            case mustBeIdentical
            /// Exactly one place, once: a repeated `Authorization` header, a repeated or empty query parameter, or
            /// a token in both places is `malformed_token` (Confluence Connect).
            case rejected
        }

        /// The query parameter that may carry the token.
        package var queryParameter: String
        /// How copies are treated.
        package var copies: Copies

        package init(queryParameter: String, copies: Copies) {
            self.queryParameter = queryParameter
            self.copies = copies
        }
    }

    /// What a successful verification yields.
    package struct Verified: Sendable {
        /// The verified token.
        package var jwt: VerifiedJWT
        /// The token's exact text.
        package var token: String
        /// The verified issuer, the key the secrets were found by.
        package var issuer: String
    }

    private enum SecretSource: Sendable {
        case lookup(SecretLookup)
        /// Keyed by the issuer's exact UTF-8 bytes: Swift `String` keys would let a canonically equivalent `iss`
        /// (a Kelvin sign for `K`) find another installation's secrets.
        case table([[UInt8]: JWTKeySet])
    }

    /// The longest `iss` used to find secrets, in UTF-8 bytes.
    package static let maximumIssuerLength = 256

    /// Where the token is.
    package let location: TokenLocation
    /// Seconds of clock skew allowed for `exp`, `nbf` and `iat`: finite and not negative.
    package let leeway: Double
    /// The size limits.
    package let limits: WebhookLimits
    /// What `iss` is called in reasons, such as `the clientKey`.
    package let issuerName: String
    private let source: SecretSource
    private let clock: @Sendable () -> Double

    /// Creates a verifier that finds secrets through a lookup.
    /// - Throws: `invalid_configuration` for a leeway that is negative or not finite.
    package init(
        secrets: @escaping SecretLookup,
        location: TokenLocation,
        issuerName: String,
        leeway: Double,
        limits: WebhookLimits,
        clock: @escaping @Sendable () -> Double
    ) throws(WebhookError) {
        try Self.checkLeeway(leeway)
        self.source = .lookup(secrets)
        self.location = location
        self.issuerName = issuerName
        self.leeway = leeway
        self.limits = limits
        self.clock = clock
    }

    /// Creates a verifier with a fixed table of installations, whose keys are prepared here, once.
    /// - Throws: `invalid_configuration` for an empty table, an installation without a secret, or a bad leeway;
    ///   `invalid_key` for an empty secret.
    package init(
        secrets: [String: [WebhookSecret]],
        location: TokenLocation,
        issuerName: String,
        leeway: Double,
        limits: WebhookLimits,
        clock: @escaping @Sendable () -> Double
    ) throws(WebhookError) {
        try Self.checkLeeway(leeway)
        guard !secrets.isEmpty else {
            throw WebhookError(.invalidConfiguration, "no installation and no secret is configured")
        }
        var table: [[UInt8]: JWTKeySet] = [:]
        for (issuer, list) in secrets {
            guard !list.isEmpty else {
                throw WebhookError(.invalidConfiguration, "an installation is configured without a secret")
            }
            table[Array(issuer.utf8)] = try Self.prepare(list)
        }
        self.source = .table(table)
        self.location = location
        self.issuerName = issuerName
        self.leeway = leeway
        self.limits = limits
        self.clock = clock
    }

    /// Finds, checks and verifies the request's token.
    /// - Returns: The verified token, its text and its issuer.
    /// - Throws: `WebhookError`, not attributed to a vendor; see the type's discussion.
    package func verify(_ request: WebhookRequest) async throws(WebhookError) -> Verified {
        let token = try self.token(in: request)
        let unverified = try UnverifiedJWT(Array(token.utf8), maximumSize: limits.maximumTokenSize)
        try Self.checkAlgorithm(unverified.header.algorithm)
        let issuer = try checkedIssuer(of: unverified)
        let keys = try await keys(forIssuer: issuer)
        let jwt = try verifyToken(unverified, keys: keys, lookedUpIssuer: issuer)
        return Verified(jwt: jwt, token: String(token), issuer: issuer)
    }

    /// Checks the signature with the issuer's keys, then the claims; `iss` must still be the issuer looked up.
    package func verifyToken(
        _ token: UnverifiedJWT,
        keys: JWTKeySet,
        lookedUpIssuer: String
    ) throws(WebhookError) -> VerifiedJWT {
        let options = JWTValidationOptions(
            leeway: leeway,
            requiredClaims: [.exp, .iss],
            issuers: [lookedUpIssuer],
            maximumTokenSize: limits.maximumTokenSize,
            clock: clock
        )
        return try JWTVerifier(keys: keys, options: options).verify(token)
    }

    // MARK: Steps

    /// The request's one token, within the token size limit.
    package func token(in request: WebhookRequest) throws(WebhookError) -> Substring {
        let token: Substring
        switch location.copies {
        case .mustBeIdentical:
            token = try identicalToken(in: request)
        case .rejected:
            token = try onlyToken(in: request)
        }
        try limits.checkToken(token.utf8.count)
        return token
    }

    private func identicalToken(in request: WebhookRequest) throws(WebhookError) -> Substring {
        var candidates: [Substring] = []
        for item in request.queryItems where item.name == location.queryParameter && !item.value.isEmpty {
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
                "no JWT in the \(location.queryParameter) query parameter or in an Authorization: JWT header"
            )
        }
        for candidate in candidates {
            try limits.checkToken(candidate.utf8.count)
        }
        guard candidates.allSatisfy({ $0.utf8.elementsEqual(token.utf8) }) else {
            throw WebhookError(
                .malformedToken,
                "the request carries \(candidates.count) different JWTs (query parameter and Authorization header)"
            )
        }
        return token
    }

    private func onlyToken(in request: WebhookRequest) throws(WebhookError) -> Substring {
        let headerToken: Substring?
        switch request.headers.occurrence(of: "Authorization") {
        case .absent: headerToken = nil
        case .repeated: throw WebhookError(.malformedToken, "several Authorization headers")
        case .once(let authorization): headerToken = JWTLocation.authorizationToken(authorization)
        }
        let queryTokens = request.queryItems.filter { $0.name == location.queryParameter }
        guard queryTokens.count <= 1 else {
            throw WebhookError(.malformedToken, "several \(location.queryParameter) query parameters")
        }
        switch (headerToken, queryTokens.first) {
        case (let header?, nil):
            return header
        case (nil, let query?):
            guard !query.value.isEmpty else {
                throw WebhookError(.malformedToken, "the \(location.queryParameter) query parameter is empty")
            }
            return Substring(query.value)
        case (.some, .some):
            throw WebhookError(
                .malformedToken,
                "a token in both the Authorization header and the \(location.queryParameter) query parameter"
            )
        case (nil, nil):
            throw WebhookError(
                .missingSignature,
                "no JWT (neither Authorization: JWT nor a \(location.queryParameter) query parameter)"
            )
        }
    }

    /// HS256 only, checked before any secret is looked up.
    static func checkAlgorithm(_ name: String) throws(WebhookError) {
        if name == JWSAlgorithm.hs256.rawValue { return }
        if name.lowercased() == "none" || !JWSAlgorithm.supported.contains(JWSAlgorithm(rawValue: name)) {
            throw WebhookError(.unsupportedAlgorithm, "alg \(name.prefix(16)) is never accepted")
        }
        throw WebhookError(.algorithmNotAllowed, "these tokens are signed with HS256 only, this one says \(name)")
    }

    /// The unverified `iss`, bounded before it is used to find secrets.
    func checkedIssuer(of token: UnverifiedJWT) throws(WebhookError) -> String {
        guard let issuer = token.claims.issuer else {
            throw WebhookError(.missingClaim, "required claim iss (\(issuerName)) is missing")
        }
        guard !issuer.isEmpty, issuer.utf8.count <= Self.maximumIssuerLength else {
            throw WebhookError(.invalidClaim, "iss must be 1 to \(Self.maximumIssuerLength) bytes")
        }
        return issuer
    }

    /// The HS256 keys of an issuer.
    func keys(forIssuer issuer: String) async throws(WebhookError) -> JWTKeySet {
        switch source {
        case .table(let table):
            guard let keys = table[Array(issuer.utf8)] else {
                throw WebhookError(.unknownIssuer, "no secret is configured for the token's issuer")
            }
            return keys
        case .lookup(let lookup):
            let secrets: [WebhookSecret]
            do {
                secrets = try await lookup(issuer)
            } catch {
                throw WebhookError(.keyFetchFailed, "the secret lookup for the token's issuer failed")
            }
            guard !secrets.isEmpty else {
                throw WebhookError(.unknownIssuer, "no secret is known for the token's issuer")
            }
            return try Self.prepare(secrets)
        }
    }

    /// One HS256 key per secret; an empty secret is `invalid_key`.
    static func prepare(_ secrets: [WebhookSecret]) throws(WebhookError) -> JWTKeySet {
        var keys: [JWTVerificationKey] = []
        keys.reserveCapacity(secrets.count)
        for secret in secrets {
            guard secret.count > 0, let key = try? JWTVerificationKey.hmac(secret, algorithms: [.hs256]) else {
                throw WebhookError(.invalidKey, "a secret configured for the token's issuer is empty")
            }
            keys.append(key)
        }
        return JWTKeySet(keys)
    }

    /// A leeway must be a finite, non-negative number of seconds.
    package static func checkLeeway(_ leeway: Double) throws(WebhookError) {
        guard leeway.isFinite, leeway >= 0 else {
            throw WebhookError(.invalidConfiguration, "the leeway must be a finite, non-negative number of seconds")
        }
    }
}
