import Foundation
import WebhookKit

/// How to configure one vendor's verifier: what `verify` reads from its options and `check` from a
/// `Fixtures/<vendor>/requests/config.json`.
struct VerifierSettings {
    /// Confluence's two modes; `nil` chooses by the request's headers.
    enum ConfluenceMode: String {
        case hmac
        case connect
    }

    /// Shared secrets as UTF-8 text: HipChat `oauthSecret`, Confluence HMAC secret or Connect `sharedSecret`,
    /// R-Service HS* secret, ApiTree webhook secret. Several for rotation.
    var secrets: [String] = []
    /// Confluence HMAC-mode secrets, when they differ from ``secrets`` (`check`).
    var hmacSecrets: [String] = []
    /// Confluence Connect `sharedSecret`s, when they differ from ``secrets`` (`check`).
    var connectSecrets: [String] = []
    /// Confluence Connect: the only `clientKey` accepted; any when `nil`.
    var clientKey: String?
    /// R-Service public keys: PEM texts, with where each came from for messages.
    var publicKeys: [(source: String, pem: String)] = []
    /// HipChat: the only `iss` (OAuth client id) accepted; any when `nil`. R-Service: the account URL (required
    /// unless unsigned).
    var issuer: String?
    /// R-Service: the audience to require.
    var audience: String?
    /// ApiTree: the webhook URL registered with ApiTree (required).
    var webhookURL: String?
    /// Confluence Connect: the app's base URL, when its path is part of the request target.
    var baseURL: String?
    /// Confluence: the mode, or `nil` to choose by the request.
    var confluenceMode: ConfluenceMode?
    /// R-Service: accept unsigned plain-JSON deliveries only.
    var unsigned = false
    /// R-Service: the key source, when named (`publicKeys`, `sharedSecrets`, `unsigned`, `discovery`); otherwise
    /// told by which keys are given.
    var rServiceMode: String?
    /// R-Service OpenID Connect discovery: the file to serve for each URL the verifier fetches (no network).
    var discoveryDocuments: [String: String] = [:]
    /// R-Service: a JWKS file whose keys are selected by `kid`, for any issuer.
    var jwksFile: String?
    /// R-Service: the most seconds since `iat` for a token without `exp`; the verifier's default when `nil`.
    var maximumTokenAge: Double?
    /// R-Service: the one JWS algorithm to allow. ApiTree: the HMAC hash (`sha1`, `sha256`).
    var algorithm: String?
    /// ApiTree: `base64` or `hex`.
    var encoding: String?
    /// ApiTree: `url-then-body` or `body-only`.
    var layout: String?
    /// The leeway for time claims, in seconds; the verifiers' default when `nil`.
    var leeway: Double?
    /// The clock for time claims (UNIX seconds); the system clock when `nil`.
    var now: Double?

    /// The verifier clock.
    private var clock: @Sendable () -> Double {
        let now = now
        return { now ?? WebhookClock.now() }
    }

    private var hmacKeys: [WebhookSecret] {
        secrets.map { WebhookSecret(utf8: $0) }
    }

    /// A receiver with exactly the vendor's verifier configured.
    /// - Parameters:
    ///   - vendor: The vendor.
    ///   - request: The request to verify (Confluence chooses its mode by it).
    /// - Throws: ``ToolFailure/usage(_:)`` (exit 2) for options that cannot make a verifier.
    func receiver(for vendor: WebhookVendor, request: WebhookRequest) throws(ToolFailure) -> WebhookReceiver {
        switch vendor {
        case .hipChat: return WebhookReceiver(hipChat: try hipChatVerifier())
        case .confluence: return WebhookReceiver(confluence: try confluenceVerifier(for: request))
        case .rService: return WebhookReceiver(rService: try rServiceVerifier())
        case .apiTree: return WebhookReceiver(apiTree: try apiTreeVerifier())
        default: throw .usage("unknown vendor '\(vendor.rawValue)'")
        }
    }

    private func requireSecrets(_ vendor: String) throws(ToolFailure) {
        if secrets.isEmpty {
            throw .usage("\(vendor) needs --secret")
        }
        if secrets.contains(where: \.isEmpty) {
            throw .usage("--secret must not be empty")
        }
    }

    /// Seconds from the command line (or a fixture's configuration) as a `Duration`. A value that is not finite or
    /// beyond a billion seconds is a usage error here, since a `Duration` cannot hold it; a negative one goes on to
    /// the verifier, which refuses it with `invalid_configuration`.
    static func duration(_ seconds: Double?, default fallback: Double, option: String) throws(ToolFailure) -> Duration {
        let value = seconds ?? fallback
        guard value.isFinite, abs(value) <= 1e9 else {
            throw .usage("\(option) must be a finite number of seconds")
        }
        return .seconds(value)
    }

    private func hipChatVerifier() throws(ToolFailure) -> HipChatSignatureVerifier {
        try requireSecrets("hipchat")
        let keys = hmacKeys
        let leeway = try Self.duration(leeway, default: 60, option: "--leeway")
        let clock = clock
        if let issuer {
            return try Self.configured { () throws(WebhookError) in
                try HipChatSignatureVerifier(secrets: [issuer: keys], leeway: leeway, clock: clock)
            }
        }
        return try Self.configured { () throws(WebhookError) in
            try HipChatSignatureVerifier(secrets: { _ in keys }, leeway: leeway, clock: clock)
        }
    }

    /// A verifier made with `make`; a configuration the verifier refuses is a usage error.
    static func configured<Verifier>(
        _ make: () throws(WebhookError) -> Verifier
    ) throws(ToolFailure) -> Verifier {
        do {
            return try make()
        } catch {
            throw .usage("the verifier cannot be set up: \(error.reason)")
        }
    }

    /// Confluence's mode for a request: HMAC when it has `X-Hub-Signature`, Connect when it has an
    /// `Authorization: JWT` header or a `jwt` query parameter, otherwise HMAC (which then reports the missing
    /// signature).
    static func confluenceMode(for request: WebhookRequest) -> ConfluenceMode {
        if request.headers.contains("X-Hub-Signature") {
            return .hmac
        }
        if JWTLocation.authorizationToken(in: request.headers) != nil || request.queryValue("jwt") != nil {
            return .connect
        }
        return .hmac
    }

    private func confluenceVerifier(for request: WebhookRequest) throws(ToolFailure) -> ConfluenceSignatureVerifier {
        switch confluenceMode ?? Self.confluenceMode(for: request) {
        case .hmac:
            let secrets = hmacSecrets.isEmpty ? secrets : hmacSecrets
            guard !secrets.isEmpty, !secrets.contains(where: \.isEmpty) else {
                throw .usage("confluence needs --secret (the webhook secret)")
            }
            return try Self.configured { () throws(WebhookError) in
                try ConfluenceSignatureVerifier(secrets: secrets.map { WebhookSecret(utf8: $0) })
            }
        case .connect:
            let secrets = connectSecrets.isEmpty ? secrets : connectSecrets
            guard !secrets.isEmpty, !secrets.contains(where: \.isEmpty) else {
                throw .usage("confluence Connect mode needs --secret (the app's sharedSecret)")
            }
            let keys = secrets.map { WebhookSecret(utf8: $0) }
            let (baseURL, leeway, clock) = (baseURL, try Self.duration(leeway, default: 60, option: "--leeway"), clock)
            if let clientKey {
                return try Self.configured { () throws(WebhookError) in
                    try ConfluenceSignatureVerifier(
                        sharedSecrets: [clientKey: keys],
                        baseURL: baseURL,
                        leeway: leeway,
                        clock: clock
                    )
                }
            }
            return try Self.configured { () throws(WebhookError) in
                try ConfluenceSignatureVerifier(
                    sharedSecrets: { _ in keys },
                    baseURL: baseURL,
                    leeway: leeway,
                    clock: clock
                )
            }
        }
    }

    private func rServiceVerifier() throws(ToolFailure) -> RServiceSignatureVerifier {
        let mode = try rServiceKeyMode()
        let keys: RServiceSignatureVerifier.KeySource
        do {
            keys = try rServiceKeys(mode)
        } catch let error as ToolFailure {
            throw error
        } catch let error as WebhookError {
            throw .usage(error.description)
        } catch {
            throw .usage(String(describing: error))
        }
        guard let issuer = issuer ?? (mode == "unsigned" ? "" : nil) else {
            throw .usage(
                "rservice needs --issuer (the account URL, such as https://acme.4me.com) for signed deliveries"
            )
        }
        let leeway = try Self.duration(leeway, default: 60, option: "--leeway")
        let maximumTokenAge = try Self.duration(maximumTokenAge, default: 300, option: "maximumTokenAge")
        let (audience, clock) = (audience, clock)
        return try Self.configured { () throws(WebhookError) in
            try RServiceSignatureVerifier(
                keys: keys,
                issuer: issuer,
                audience: audience,
                leeway: leeway,
                maximumTokenAge: maximumTokenAge,
                clock: clock
            )
        }
    }

    /// The R-Service key source to use: the named mode, or the one the given keys tell.
    private func rServiceKeyMode() throws(ToolFailure) -> String {
        if let rServiceMode {
            guard ["publicKeys", "sharedSecrets", "unsigned", "discovery"].contains(rServiceMode) else {
                throw .usage(
                    "unknown R-Service mode '\(rServiceMode)': use publicKeys, sharedSecrets, unsigned or discovery"
                )
            }
            return rServiceMode
        }
        let given = [
            unsigned ? "unsigned" : nil,
            publicKeys.isEmpty ? nil : "publicKeys",
            secrets.isEmpty ? nil : "sharedSecrets",
            jwksFile == nil && discoveryDocuments.isEmpty ? nil : "discovery",
        ].compactMap { $0 }
        guard let mode = given.first else {
            throw .usage("rservice needs --public-key FILE, --secret S, --jwks FILE or --unsigned")
        }
        guard given.count == 1 else {
            throw .usage("give only one of --public-key, --secret, --jwks and --unsigned")
        }
        return mode
    }

    private func rServiceKeys(_ mode: String) throws -> RServiceSignatureVerifier.KeySource {
        let algorithm = try algorithm.map { name throws(ToolFailure) in try parseJWSAlgorithm(name) }
        switch mode {
        case "unsigned":
            return .unsigned
        case "publicKeys":
            var parsed: [WebhookPublicKey] = []
            for (source, pem) in publicKeys {
                do {
                    parsed.append(try WebhookPublicKey(pem: pem))
                } catch {
                    throw ToolFailure.usage("'\(source)' is not a usable public key: \(error.reason)")
                }
            }
            return try .publicKeys(parsed, algorithm: algorithm)
        case "sharedSecrets":
            try requireSecrets("rservice")
            return try .sharedSecrets(hmacKeys, algorithms: algorithm.map { [$0] } ?? [.hs256, .hs384, .hs512])
        default:
            if let jwksFile {
                let keySet: JWTKeySet
                do {
                    keySet = try JWTKeySet(jwks: try readInput(jwksFile))
                } catch let error as WebhookError {
                    throw ToolFailure.usage("'\(jwksFile)' is not a usable JWKS: \(error.reason)")
                }
                return .discovery(StaticKeyProvider(keys: keySet))
            }
            var documents: [String: [UInt8]] = [:]
            for (url, path) in discoveryDocuments {
                documents[url] = try readInput(path)
            }
            let served = documents
            do {
                return .discovery(
                    try RServiceOpenIDDiscovery(
                        fetch: { url in
                            guard let document = served[url] else { throw ToolFailure.usage("no document for \(url)") }
                            return document
                        },
                        clock: clock
                    )
                )
            } catch {
                throw ToolFailure.usage("discovery cannot be set up: \(error.reason)")
            }
        }
    }

    private func apiTreeVerifier() throws(ToolFailure) -> ApiTreeSignatureVerifier {
        try requireSecrets("apitree")
        guard let webhookURL, !webhookURL.isEmpty else {
            throw .usage("apitree needs --url (the webhook URL registered with ApiTree)")
        }
        let scheme = try parseApiTreeScheme(algorithm: algorithm, encoding: encoding, layout: layout)
        let keys = hmacKeys
        return try Self.configured { () throws(WebhookError) in
            try ApiTreeSignatureVerifier(secrets: keys, webhookURL: webhookURL, scheme: scheme)
        }
    }
}
