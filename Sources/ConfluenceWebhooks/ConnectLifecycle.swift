public import WebhookCore
public import WebhookCrypto

/// A verified Connect lifecycle callback, by its `eventType`.
public enum ConnectLifecycleEvent: WebhookEventDecodable, Equatable {
    /// `installed`: a new installation, or an update of one (new secret, new `baseUrl`, upgrade, site import).
    case installed(ConnectInstallation)
    /// `uninstalled`: the app was removed from the site.
    case uninstalled(ConnectInstallation)
    /// `enabled`: the app was enabled.
    case enabled(ConnectInstallation)
    /// `disabled`: the app was disabled.
    case disabled(ConnectInstallation)
    /// Any other `eventType`, or none.
    case other(name: String?, ConnectInstallation)

    /// The installation the callback describes.
    public var installation: ConnectInstallation {
        switch self {
        case .installed(let value), .uninstalled(let value), .enabled(let value), .disabled(let value),
            .other(_, let value):
            value
        }
    }

    public var eventName: String? {
        switch self {
        case .installed: "installed"
        case .uninstalled: "uninstalled"
        case .enabled: "enabled"
        case .disabled: "disabled"
        case .other(let name, _): name
        }
    }

    /// Decodes a lifecycle body.
    /// - Parameters:
    ///   - body: The body as received.
    ///   - eventName: The event the receiving route is for (`installed`, …); when given, it must equal the body's
    ///     `eventType` where the body has one (`eventNameMismatch`), and it is used where the body has none.
    /// - Throws: `WebhookError`: `malformedBody`, `invalidPayload` (no `clientKey` or `baseUrl`, a member of the
    ///   wrong type, an `installed` body without `sharedSecret`), `eventNameMismatch`.
    public static func decode(from body: [UInt8], eventName: String?) throws(WebhookError) -> ConnectLifecycleEvent {
        let installation = try WebhookJSON.decode(ConnectInstallation.self, from: body, vendor: .confluence)
        let outside = eventName.flatMap { $0.isEmpty ? nil : $0 }
        if let outside, let own = installation.eventType, Array(outside.utf8) != Array(own.utf8) {
            throw WebhookError(
                .eventNameMismatch,
                "the lifecycle route's event differs from the body's eventType",
                vendor: .confluence
            )
        }
        switch outside ?? installation.eventType {
        case "installed":
            guard let secret = installation.sharedSecret, !secret.isEmpty else {
                throw WebhookError(.invalidPayload, "an installed body has no sharedSecret", vendor: .confluence)
            }
            return .installed(installation)
        case "uninstalled": return .uninstalled(installation)
        case "enabled": return .enabled(installation)
        case "disabled": return .disabled(installation)
        case let name: return .other(name: name, installation)
        }
    }
}

/// Verifies Atlassian Connect lifecycle callbacks (`installed`, `uninstalled`) signed with Atlassian's
/// asymmetric "signed install" JWT, so that an installation (and the shared secret its webhooks are verified with)
/// is stored only when Atlassian sent it.
///
/// Without this check a Connect app trusts whatever `clientKey` and `sharedSecret` anyone posts to its `installed`
/// URL, and then accepts webhooks that sender signs. Checks, in order:
/// 1. the body size limit;
/// 2. the token from `Authorization: JWT <token>` or the `jwt` query parameter, exactly once (none →
///    `missingSignature`);
/// 3. `alg`: `RS256` only, checked before any key is fetched (`none` or unknown → `unsupportedAlgorithm`; `HS256`
///    → `algorithmNotAllowed`, unless legacy re-installs are enabled, below; anything else →
///    `algorithmNotAllowed`);
/// 4. `kid`: required (`unknownKeyID`), 1 to 128 bytes of `A–Z a–z 0–9 - _ /` with no empty path segment
///    (`invalidClaim`), before it goes into a URL;
/// 5. the key: the PEM Atlassian serves at `<installKeysURL><kid>`, through the `WebhookKeyProvider` you give
///    (a `CachingKeyProvider` caches by URL, so by `kid`, remembers failures and bounds fetches); the sender chose
///    the `kid`, so a failed fetch is `issuerKeysUnavailable` (401), not an outage;
/// 6. the signature, then `exp` (required) and `nbf`/`iat` within the leeway;
/// 7. `aud` (a string or an array) contains one of the configured app base URLs, a trailing `/` ignored
///    (`audienceMismatch`);
/// 8. `qsh` equals the hash of the callback's method, path (relative to that base URL) and query
///    (`queryHashMismatch`);
/// 9. the body decodes (`clientKey`, `baseUrl` required; `sharedSecret` for `installed`; the route's event, when
///    given, equal to `eventType`), and `iss` is byte-equal to its `clientKey` (`issuerMismatch`). The body is read
///    only after the token verified, so an unsigned or forged request is never answered as a decoding failure.
///
/// **Legacy re-installs.** Apps that never opted into `signed-install` receive `installed` callbacks signed with
/// HS256 by the *previously stored* shared secret. With `legacyReinstalls:` set, an HS256 token is verified with
/// the secret the store holds for the token's `iss`, which must also be the body's `clientKey`; a `clientKey` the
/// store does not know is `unknownIssuer`. The secret carried in the same body is never used to check the token
/// that brought it. Off by default.
///
/// The JWT does not cover the body: within the token's lifetime, whoever holds it can post another body for the
/// same `clientKey`. Keep `exp` checks tight (the leeway) and store the installation only from a verified
/// callback.
public struct ConnectLifecycleVerifier: WebhookVerifier {
    public typealias Event = ConnectLifecycleEvent

    /// Where Atlassian serves the public keys of signed installs: the key of `kid` is at this URL followed by the
    /// `kid`.
    public static let productionInstallKeysURL = "https://connect-install-keys.atlassian.com/"

    /// The longest accepted `kid`, in bytes.
    public static let maximumKeyIDLength = 128

    let appBaseURLs: [String]
    let installKeys: any WebhookKeyProvider
    let installKeysURL: String
    let legacy: AtlassianJWTVerifier?
    /// Finds the token (the Connect rule: one place, once); it looks up no secret.
    let tokenReader: AtlassianJWTVerifier
    let leeway: Double
    let clock: @Sendable () -> Double
    /// The size limits applied before parsing.
    public let limits: WebhookLimits

    public var vendor: WebhookVendor { .confluence }

    /// Creates a verifier.
    /// - Parameters:
    ///   - appBaseURLs: The app's `baseUrl` as its descriptor gives it (more than one while moving hosts); `https`
    ///     URLs with a host. `aud` must contain one, and `qsh` is computed relative to it.
    ///   - installKeys: Loads the key set at a URL: fetch `<installKeysURL><kid>` (a PEM public key) and return
    ///     `ConnectLifecycleVerifier.keySet(pem:)` of it. Wrap the fetch in a `CachingKeyProvider`.
    ///   - installKeysURL: The key host, ending in `/`; the production host by default. Atlassian's staging hosts
    ///     differ between sources: configure one only for staging sites.
    ///   - legacyReinstalls: A store whose secrets verify HS256 re-installs of apps without `signed-install`;
    ///     `nil` (the default) rejects every HS256 lifecycle token.
    ///   - leeway: The clock skew allowed for `exp`, `nbf` and `iat` (default 30 s; Atlassian's example app uses
    ///     3 s).
    ///   - limits: The body and token size limits.
    ///   - clock: UNIX seconds now.
    /// - Throws: `invalidConfiguration` for no base URL, a base URL that is not `https` with a host, an
    ///   `installKeysURL` that is not `https` or does not end in `/`, or a bad leeway.
    public init(
        appBaseURLs: [String],
        installKeys: any WebhookKeyProvider,
        installKeysURL: String = Self.productionInstallKeysURL,
        legacyReinstalls: (any ConnectInstallationStore)? = nil,
        leeway: Duration = .seconds(30),
        limits: WebhookLimits = .default,
        clock: @escaping @Sendable () -> Double = { WebhookClock.now() }
    ) throws(WebhookError) {
        do throws(WebhookError) {
            guard !appBaseURLs.isEmpty else {
                throw WebhookError(.invalidConfiguration, "no app base URL is configured")
            }
            for url in appBaseURLs {
                try ConfluenceSignatureVerifier.checkBaseURL(url)
            }
            try ConfluenceSignatureVerifier.checkBaseURL(installKeysURL)
            guard installKeysURL.hasSuffix("/") else {
                throw WebhookError(.invalidConfiguration, "the install-keys URL must end in /")
            }
            try AtlassianJWTVerifier.checkLeeway(leeway.webhookSeconds)
            self.tokenReader = try AtlassianJWTVerifier(
                secrets: { _ in [] },
                location: ConfluenceSignatureVerifier.tokenLocation,
                issuerName: "the clientKey",
                leeway: leeway.webhookSeconds,
                limits: limits,
                clock: clock
            )
            if let store = legacyReinstalls {
                let lookup: AtlassianJWTVerifier.SecretLookup = { clientKey in
                    guard let stored = try await store.installation(forClientKey: clientKey),
                        let secret = stored.installation.sharedSecret, !secret.isEmpty
                    else { return [] }
                    return [WebhookSecret(utf8: secret)]
                }
                self.legacy = try AtlassianJWTVerifier(
                    secrets: lookup,
                    location: ConfluenceSignatureVerifier.tokenLocation,
                    issuerName: "the clientKey",
                    leeway: leeway.webhookSeconds,
                    limits: limits,
                    clock: clock
                )
            } else {
                self.legacy = nil
            }
        } catch {
            throw error.attributed(to: .confluence)
        }
        self.appBaseURLs = appBaseURLs
        self.installKeys = installKeys
        self.installKeysURL = installKeysURL
        self.leeway = leeway.webhookSeconds
        self.limits = limits
        self.clock = clock
    }

    /// The key set of one install key: the PEM public key Atlassian serves for a `kid` (RSA, for RS256).
    /// - Throws: `invalidKey` for a PEM that is not an RSA public key.
    public static func keySet(pem: String) throws(WebhookError) -> JWTKeySet {
        let key = try WebhookPublicKey(pem: pem)
        guard case .rsa = key.type else {
            throw WebhookError(.invalidKey, "an install key must be an RSA public key", vendor: .confluence)
        }
        return JWTKeySet([try JWTVerificationKey.publicKey(key, algorithms: [.rs256])])
    }

    /// Verifies a lifecycle callback and decodes its body.
    /// - Parameters:
    ///   - request: The callback as received.
    ///   - eventName: The event the route is for (`installed`, `uninstalled`); it must equal the body's
    ///     `eventType`.
    /// - Returns: The verified callback; `jwt` is the verified token. Store the installation from it.
    public func verify(
        _ request: WebhookRequest,
        eventName: String?
    ) async throws(WebhookError) -> VerifiedWebhook<ConnectLifecycleEvent> {
        do {
            return try await verifyUnattributed(request, eventName: eventName)
        } catch {
            throw error.attributed(to: .confluence)
        }
    }

    private func verifyUnattributed(
        _ request: WebhookRequest,
        eventName: String?
    ) async throws(WebhookError) -> VerifiedWebhook<ConnectLifecycleEvent> {
        try limits.checkBody(request.body.count)
        let token = try tokenReader.token(in: request)
        let unverified = try UnverifiedJWT(Array(token.utf8), maximumSize: limits.maximumTokenSize)
        let algorithm = unverified.header.algorithm
        let jwt: VerifiedJWT
        let baseURL: String?
        if algorithm == JWSAlgorithm.hs256.rawValue, let legacy {
            // The secret stored for the token's iss, never the one in this body; HS256 tokens carry no aud.
            jwt = try await legacy.verify(request).jwt
            baseURL = appBaseURLs[0]
        } else {
            guard algorithm == JWSAlgorithm.rs256.rawValue else {
                let known = JWSAlgorithm.supported.contains(JWSAlgorithm(rawValue: algorithm))
                if algorithm.lowercased() == "none" || !known {
                    throw WebhookError(.unsupportedAlgorithm, "alg \(algorithm.prefix(16)) is never accepted")
                }
                throw WebhookError(
                    .algorithmNotAllowed,
                    "lifecycle callbacks are signed with RS256 (signed install), this one says \(algorithm.prefix(16))"
                )
            }
            let keys = try await installKey(for: unverified)
            let options = JWTValidationOptions(
                leeway: leeway,
                requiredClaims: [.exp, .iss, .aud],
                maximumTokenSize: limits.maximumTokenSize,
                clock: clock
            )
            jwt = try JWTVerifier(keys: keys, options: options).verify(unverified)
            baseURL = try matchingBaseURL(jwt)
        }
        try ConfluenceSignatureVerifier.checkQueryStringHash(jwt, request: request, baseURL: baseURL)
        // Only now is the body read: the token does not cover it, but it came with a token Atlassian signed for this
        // callback, and it must name the installation the token is from.
        let event = try ConnectLifecycleEvent.decode(from: request.body, eventName: eventName)
        guard let issuer = jwt.claims.issuer, Array(issuer.utf8) == Array(event.installation.clientKey.utf8) else {
            throw WebhookError(.issuerMismatch, "iss is not the body's clientKey")
        }
        return VerifiedWebhook(
            vendor: .confluence,
            eventName: event.eventName,
            event: event,
            body: request.body,
            deliveryID: nil,
            jwt: jwt,
            deliveryKey: WebhookDeliveryKey.digest(
                vendor: "confluence-lifecycle",
                signature: Array(token.utf8),
                body: request.body
            )
        )
    }

    /// The install key of the token's `kid`, fetched from `<installKeysURL><kid>` through the provider.
    private func installKey(for token: UnverifiedJWT) async throws(WebhookError) -> JWTKeySet {
        guard let keyID = token.header.keyID, !keyID.isEmpty else {
            throw WebhookError(.unknownKeyID, "a signed-install token names no kid")
        }
        guard Self.isSafeKeyID(keyID) else {
            throw WebhookError(
                .invalidClaim,
                "kid must be 1 to \(Self.maximumKeyIDLength) bytes of A-Z a-z 0-9 - _ / without empty segments"
            )
        }
        let url = installKeysURL + keyID
        do {
            let keys = try await installKeys.keySet(forIssuer: url)
            guard !keys.keys.isEmpty else {
                throw WebhookError(.unknownKeyID, "no install key is published for the token's kid")
            }
            return keys
        } catch let error as WebhookError where error.code != .keyFetchFailed {
            throw error
        } catch {
            // The sender chose the kid, so it chose what is fetched: a failure is not the receiver's outage (F3).
            throw WebhookError(
                .issuerKeysUnavailable,
                "the install key of the token's kid could not be fetched"
            )
        }
    }

    /// `aud` must contain a configured app base URL (a trailing `/` ignored on both sides); returns it.
    private func matchingBaseURL(_ jwt: VerifiedJWT) throws(WebhookError) -> String {
        let audiences = jwt.claims.audience ?? []
        func trimmed(_ text: String) -> [UInt8] {
            var bytes = Array(text.utf8)
            while bytes.last == UInt8(ascii: "/") { bytes.removeLast() }
            return bytes
        }
        for base in appBaseURLs where audiences.contains(where: { trimmed($0) == trimmed(base) }) {
            return base
        }
        throw WebhookError(.audienceMismatch, "aud does not contain the app's base URL")
    }

    /// A `kid` goes into a URL path: letters, digits, `-`, `_` and `/`, no empty segment.
    static func isSafeKeyID(_ keyID: String) -> Bool {
        let bytes = Array(keyID.utf8)
        guard !bytes.isEmpty, bytes.count <= maximumKeyIDLength, bytes.first != UInt8(ascii: "/"),
            bytes.last != UInt8(ascii: "/")
        else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            let allowed =
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "/")
            guard allowed, !(byte == UInt8(ascii: "/") && previous == UInt8(ascii: "/")) else { return false }
            previous = byte
        }
        return true
    }
}
