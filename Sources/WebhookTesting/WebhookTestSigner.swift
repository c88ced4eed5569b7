public import ApiTreeWebhooks
public import ConfluenceWebhooks
import Foundation
public import HipChatWebhooks
public import RServiceWebhooks
public import WebhookCore
public import WebhookCrypto
public import WebhookKit
import WebhookRegistry

/// Makes requests as each vendor sends them, correctly signed, for any payload: for tests of your own handlers.
///
/// One value holds test keys for all four vendors and a clock. ``sign(_:for:event:options:)`` makes a
/// complete `WebhookRequest` (method, target, headers, body); ``receiver()`` and the per-vendor
/// `…Verifier` methods make verifiers that accept exactly what this signer signs. Change the keys, the
/// clock, the claims or the delivery ids to test your configuration or a rejection:
///
/// ```swift
/// let signer = WebhookTestSigner()
/// let request = try signer.signSample(.rService, event: "request.create")
/// let verified = try await signer.receiver().verify(request, from: .rService)
/// let expired = try signer.signSample(.hipChat, event: "room_message", options: .expired)
/// let forged = request.tampered()
/// ```
public struct WebhookTestSigner: Sendable {
    /// HipChat: the installation (`oauthId`) and its secret (`oauthSecret`).
    public struct HipChat: Sendable {
        /// The installation's OAuth client id: the token's `iss`.
        public var oauthClientID: String
        /// The installation's `oauthSecret`.
        public var secret: WebhookSecret
        /// Where the token goes: `Authorization: JWT <token>` (default), `JWT token=<token>` or `signed_request`.
        public var placement: HipChatRequestSigner.TokenPlacement
        /// Seconds from `iat` to `exp` (default 300).
        public var lifetime: Double

        /// Creates HipChat settings.
        public init(
            oauthClientID: String = "webhookkit-test-installation",
            secret: WebhookSecret = WebhookSecret(utf8: "webhookkit-test-hipchat-oauth-secret"),
            placement: HipChatRequestSigner.TokenPlacement = .authorizationHeader,
            lifetime: Double = 300
        ) {
            self.oauthClientID = oauthClientID
            self.secret = secret
            self.placement = placement
            self.lifetime = lifetime
        }
    }

    /// Confluence: an admin webhook signed with HMAC (`X-Hub-Signature`), or a Connect app's JWT.
    public struct Confluence: Sendable {
        /// How Confluence authenticates the delivery.
        public enum Mode: Sendable {
            /// `X-Hub-Signature: sha256=<hex>` (or bare hex when `prefixed` is false).
            case hmac(prefixed: Bool)
            /// `Authorization: JWT <token>` from the tenant `clientKey`, with `qsh`.
            case connect(clientKey: String, baseURL: String?)
        }

        /// The mode (default HMAC with the `sha256=` prefix).
        public var mode: Mode
        /// The webhook secret (HMAC) or the app's `sharedSecret` (Connect).
        public var secret: WebhookSecret
        /// Seconds from `iat` to `exp` of a Connect token (default 180).
        public var lifetime: Double

        /// Creates Confluence settings.
        public init(
            mode: Mode = .hmac(prefixed: true),
            secret: WebhookSecret = WebhookSecret(utf8: "webhookkit-test-confluence-secret"),
            lifetime: Double = 180
        ) {
            self.mode = mode
            self.secret = secret
            self.lifetime = lifetime
        }
    }

    /// R-Service: the webhook policy's key and the account URL (`iss`).
    public struct RService: Sendable {
        /// The signing key.
        public enum Key: Sendable {
            /// A shared secret (HS256, HS384 or HS512).
            case sharedSecret(WebhookSecret, JWSAlgorithm)
            /// A private key (RS*, PS* or ES*), with the `kid` to put in the token header.
            ///
            /// With a `kid`, the matching verifier finds the key as OpenID Connect discovery does, and R-Service
            /// then signs with the policy's URL as `iss`: set ``issuer`` to
            /// `https://<account host>/webhook_policies/<name>`.
            case privateKey(WebhookSigningKey, JWSAlgorithm, keyID: String?)
        }

        /// The key (default a shared HS256 secret: no key generation in tests).
        public var key: Key
        /// The account URL: the token's `iss` (default the account of the samples).
        public var issuer: String
        /// The token's `aud`, when the verifier checks one.
        public var audience: String?
        /// Seconds from `iat` to `exp`; `nil` (the default) sends no `exp`, as R-Service does.
        public var lifetime: Double?
        /// The delivery header (`X-4me-Delivery` by default; `x-xurrent-delivery` for Xurrent).
        public var deliveryHeader: String

        /// Creates R-Service settings.
        public init(
            key: Key = .sharedSecret(WebhookSecret(utf8: "webhookkit-test-rservice-policy-secret"), .hs256),
            issuer: String = "https://wdc.xurrent-demo.com",
            audience: String? = nil,
            lifetime: Double? = nil,
            deliveryHeader: String = "X-4me-Delivery"
        ) {
            self.key = key
            self.issuer = issuer
            self.audience = audience
            self.lifetime = lifetime
            self.deliveryHeader = deliveryHeader
        }
    }

    /// ApiTree: the webhook secret and the URL registered with ApiTree (part of what is signed).
    public struct ApiTree: Sendable {
        /// The webhook's secret token.
        public var secret: WebhookSecret
        /// The URL registered with ApiTree.
        public var webhookURL: String
        /// The signature scheme.
        public var scheme: ApiTreeSignatureVerifier.Scheme

        /// Creates ApiTree settings.
        public init(
            secret: WebhookSecret = WebhookSecret(utf8: "webhookkit-test-apitree-secret"),
            webhookURL: String = "http://127.0.0.1:8080/webhooks/apitree",
            scheme: ApiTreeSignatureVerifier.Scheme = .default
        ) {
            self.secret = secret
            self.webhookURL = webhookURL
            self.scheme = scheme
        }
    }

    /// Per-request control: time, claims, ids and target.
    public struct Options: Sendable {
        /// The signing time in UNIX seconds; `nil` for the signer's clock.
        public var now: Double?
        /// The token lifetime in seconds, overriding the vendor setting (HipChat, Confluence Connect, R-Service).
        public var lifetime: Double?
        /// The request target (path and query); `nil` for ``WebhookTestSigner/paths`` (ApiTree: its webhook URL).
        public var target: String?
        /// The token's `jti` (HipChat, R-Service; R-Service gets a random one when `nil`).
        public var jwtID: String?
        /// The delivery id: R-Service's delivery header, Confluence's `X-Atlassian-Webhook-Identifier`.
        public var deliveryID: String?
        /// The token's `sub` (HipChat, R-Service).
        public var subject: String?

        /// Creates options.
        public init(
            now: Double? = nil,
            lifetime: Double? = nil,
            target: String? = nil,
            jwtID: String? = nil,
            deliveryID: String? = nil,
            subject: String? = nil
        ) {
            self.now = now
            self.lifetime = lifetime
            self.target = target
            self.jwtID = jwtID
            self.deliveryID = deliveryID
            self.subject = subject
        }

        /// No overrides.
        public static var none: Options { Options() }

        /// A token that expired an hour ago: signed two hours before the signer's clock, with a lifetime of
        /// ten minutes. Confluence HMAC and ApiTree sign no time, so their requests stay valid.
        public static var expired: Options { Options(now: -7200, lifetime: 600).relative() }

        /// Marks `now` as an offset from the signer's clock rather than an absolute time.
        fileprivate var isRelative = false

        fileprivate func relative() -> Options {
            var options = self
            options.isRelative = true
            return options
        }

        /// Signs at `offset` seconds from the signer's clock (negative: in the past).
        public static func at(offset: Double, lifetime: Double? = nil) -> Options {
            Options(now: offset, lifetime: lifetime).relative()
        }
    }

    /// HipChat settings.
    public var hipChat: HipChat
    /// Confluence settings.
    public var confluence: Confluence
    /// R-Service settings.
    public var rService: RService
    /// ApiTree settings.
    public var apiTree: ApiTree
    /// The request path per vendor (ApiTree: the path of its webhook URL is not used; the URL is the target).
    public var paths: [WebhookVendor: String]
    /// The clock, in UNIX seconds.
    public var clock: @Sendable () -> Double

    /// The default paths: `/webhooks/hipchat`, `/webhooks/confluence`, `/webhooks/rservice`, `/webhooks/apitree`.
    public static let defaultPaths: [WebhookVendor: String] = [
        .hipChat: "/webhooks/hipchat",
        .confluence: "/webhooks/confluence",
        .rService: "/webhooks/rservice",
        .apiTree: "/webhooks/apitree",
    ]

    /// Creates a signer with fixed test keys for every vendor.
    /// - Parameters:
    ///   - hipChat: HipChat settings.
    ///   - confluence: Confluence settings.
    ///   - rService: R-Service settings.
    ///   - apiTree: ApiTree settings.
    ///   - paths: The request path per vendor.
    ///   - clock: UNIX seconds now (default the system clock).
    public init(
        hipChat: HipChat = HipChat(),
        confluence: Confluence = Confluence(),
        rService: RService = RService(),
        apiTree: ApiTree = ApiTree(),
        paths: [WebhookVendor: String] = WebhookTestSigner.defaultPaths,
        clock: @escaping @Sendable () -> Double = { WebhookClock.now() }
    ) {
        self.hipChat = hipChat
        self.confluence = confluence
        self.rService = rService
        self.apiTree = apiTree
        self.paths = paths
        self.clock = clock
    }

    // MARK: Signing

    /// The target a request of the vendor goes to: its path, and for Confluence `?event=<name>` (Cloud bodies
    /// do not name the event; ``confluenceVerifier()`` reads the name from there).
    public func target(for vendor: WebhookVendor, event: String?) -> String {
        if vendor == .apiTree { return apiTree.webhookURL }
        let path = paths[vendor] ?? "/webhooks/\(vendor.rawValue)"
        if vendor == .confluence, let event {
            return path + (path.contains("?") ? "&" : "?") + "event=" + event
        }
        return path
    }

    /// Signs a payload as the vendor would send it.
    /// - Parameters:
    ///   - body: The payload (for R-Service the message JSON, which goes into the token's `data` claim).
    ///   - vendor: The vendor.
    ///   - event: The event name, for Confluence (put in the target's query); ignored by the others, whose
    ///     bodies name the event.
    ///   - options: Time, claims, ids and target.
    /// - Returns: The request: method, target, headers and body.
    /// - Throws: `WebhookError` when a key cannot sign, or for a vendor this version does not know.
    public func sign(
        _ body: [UInt8],
        for vendor: WebhookVendor,
        event: String? = nil,
        options: Options = .none
    ) throws(WebhookError) -> WebhookRequest {
        let now: Double =
            switch (options.now, options.isRelative) {
            case (let value?, false): value
            case (let offset?, true): clock() + offset
            case (nil, _): clock()
            }
        let target = options.target ?? self.target(for: vendor, event: event)
        switch vendor {
        case .hipChat:
            let signer = HipChatRequestSigner(oauthClientID: hipChat.oauthClientID, secret: hipChat.secret)
            return try signer.sign(
                body: body,
                target: target,
                now: now,
                lifetime: options.lifetime ?? hipChat.lifetime,
                subject: options.subject,
                placement: hipChat.placement,
                jwtID: options.jwtID
            )
        case .confluence:
            let signer: ConfluenceRequestSigner =
                switch confluence.mode {
                case .hmac(let prefixed): .hmac(secret: confluence.secret, prefixed: prefixed)
                case .connect(let clientKey, let baseURL):
                    .connect(clientKey: clientKey, sharedSecret: confluence.secret, baseURL: baseURL)
                }
            return try signer.sign(
                body: body,
                target: target,
                now: now,
                lifetime: options.lifetime ?? confluence.lifetime,
                webhookIdentifier: options.deliveryID
            )
        case .rService:
            return try rServiceSigner().sign(
                message: body,
                target: target,
                now: now,
                lifetime: options.lifetime ?? rService.lifetime,
                subject: options.subject,
                jwtID: options.jwtID ?? UUID().uuidString.lowercased(),
                deliveryID: options.deliveryID ?? UUID().uuidString.lowercased(),
                deliveryHeader: rService.deliveryHeader
            )
        case .apiTree:
            var request = ApiTreeRequestSigner(
                secret: apiTree.secret,
                webhookURL: apiTree.webhookURL,
                scheme: apiTree.scheme
            ).sign(body: body)
            if let target = options.target {
                request.target = target
            }
            return request
        default:
            throw WebhookError(.invalidConfiguration, "no test signer for vendor \(vendor.rawValue)", vendor: vendor)
        }
    }

    /// Signs the sample of an event (see ``WebhookSamples``).
    /// - Parameters:
    ///   - vendor: The vendor.
    ///   - event: The event name.
    ///   - variant: A variant of the sample, or `nil` for the main one.
    ///   - options: Time, claims, ids and target.
    /// - Throws: `WebhookError` with code `invalid_configuration` when there is no such sample.
    public func signSample(
        _ vendor: WebhookVendor,
        event: String,
        variant: String? = nil,
        options: Options = .none
    ) throws(WebhookError) -> WebhookRequest {
        guard let sample = WebhookSamples.sample(vendor: vendor, event: event, variant: variant) else {
            throw WebhookError(.invalidConfiguration, "no sample for \(vendor.rawValue) \(event)", vendor: vendor)
        }
        return try sign(sample.body, for: vendor, event: event, options: options)
    }

    private func rServiceSigner() throws(WebhookError) -> RServiceRequestSigner {
        switch rService.key {
        case .sharedSecret(let secret, let algorithm):
            try .sharedSecret(secret, algorithm: algorithm, issuer: rService.issuer, audience: rService.audience)
        case .privateKey(let key, let algorithm, let keyID):
            try .privateKey(
                key,
                algorithm: algorithm,
                issuer: rService.issuer,
                audience: rService.audience,
                keyID: keyID
            )
        }
    }

    // MARK: Matching verifiers

    /// A HipChat verifier that accepts what this signer signs.
    /// - Throws: `WebhookError` when the signer's secret cannot make a verifier (an empty secret).
    public func hipChatVerifier() throws(WebhookError) -> HipChatSignatureVerifier {
        try HipChatSignatureVerifier(secrets: [hipChat.oauthClientID: [hipChat.secret]], clock: clock)
    }

    /// A Confluence verifier that accepts what this signer signs; it reads the event name from the `event`
    /// query parameter, where ``target(for:event:)`` puts it.
    /// - Throws: `WebhookError` when the settings cannot make a verifier (an empty secret, a base URL that is not
    ///   `https`).
    public func confluenceVerifier() throws(WebhookError) -> ConfluenceSignatureVerifier {
        let resolver: ConfluenceSignatureVerifier.EventNameResolver = { $0.queryValue("event") }
        switch confluence.mode {
        case .hmac:
            return try ConfluenceSignatureVerifier(secrets: [confluence.secret], eventName: resolver)
        case .connect(let clientKey, let baseURL):
            let secret = confluence.secret
            return try ConfluenceSignatureVerifier(
                sharedSecrets: { key in key == clientKey ? [secret] : [] },
                baseURL: baseURL,
                eventName: resolver,
                clock: clock
            )
        }
    }

    /// An R-Service verifier that accepts what this signer signs.
    ///
    /// With a private key that has a key ID, the verifier gets the public key as a one-key JWKS (as OpenID
    /// Connect discovery would), so that `kid` selection runs too.
    /// - Throws: `WebhookError` when the key cannot verify.
    public func rServiceVerifier() throws(WebhookError)
        -> RServiceSignatureVerifier
    {
        let keys: RServiceSignatureVerifier.KeySource
        switch rService.key {
        case .sharedSecret(let secret, let algorithm):
            keys = try .sharedSecrets([secret], algorithms: [algorithm])
        case .privateKey(let key, let algorithm, let keyID?):
            do {
                let jwk = try JWTVerificationKey.publicKey(key.publicKey, algorithms: [algorithm], keyID: keyID)
                keys = .discovery(StaticKeyProvider(keys: JWTKeySet([jwk])))
            } catch {
                throw error.attributed(to: .rService)
            }
        case .privateKey(let key, let algorithm, nil):
            keys = try .publicKeys([key.publicKey], algorithm: algorithm)
        }
        return try RServiceSignatureVerifier(
            keys: keys,
            issuer: rService.issuer,
            audience: rService.audience,
            clock: clock
        )
    }

    /// An ApiTree verifier that accepts what this signer signs.
    /// - Throws: `WebhookError` when the settings cannot make a verifier (an empty secret, an empty URL with the
    ///   URL-then-body layout).
    public func apiTreeVerifier() throws(WebhookError) -> ApiTreeSignatureVerifier {
        try ApiTreeSignatureVerifier(secrets: [apiTree.secret], webhookURL: apiTree.webhookURL, scheme: apiTree.scheme)
    }

    /// A receiver for all four vendors that accepts what this signer signs.
    /// - Throws: `WebhookError` when a key cannot verify.
    public func receiver() throws(WebhookError) -> WebhookReceiver {
        WebhookReceiver(
            hipChat: try hipChatVerifier(),
            confluence: try confluenceVerifier(),
            rService: try rServiceVerifier(),
            apiTree: try apiTreeVerifier()
        )
    }
}
