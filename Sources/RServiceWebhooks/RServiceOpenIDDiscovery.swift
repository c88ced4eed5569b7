import Foundation
public import WebhookCore
public import WebhookCrypto
import WebhookRegistry

/// Fetches R-Service signing keys by OpenID Connect discovery: `GET <iss>/.well-known/openid-configuration`, then
/// the JWKS at its `jwks_uri`; key sets are cached per issuer.
///
/// Rules, each failing with `WebhookError/Code/keyFetchFailed`:
/// - the issuer must be an `https` URL without user info, query or fragment;
/// - the discovery document must be a JSON object (at most 64 KiB) whose `jwks_uri` is an `https` URL on the
///   issuer's host and port, and whose `issuer`, when present, equals the issuer;
/// - the JWKS (at most 512 KiB) must hold at least one usable signing key (`use` absent or `sig`; RSA of 2048 bits
///   or more, or EC on P-256, P-384 or P-521).
///
/// The HTTP client is the caller's: `fetch` GETs a URL and returns the body of a `200` response, and throws
/// otherwise. It must not follow redirects to other hosts. Fetches go through a `CachingKeyProvider`: key sets
/// are cached per issuer, concurrent requests share one fetch, a failed fetch is remembered for a minute, a `kid`
/// the cached set lacks causes at most one fetch per `minimumRefreshInterval`, and all issuers together share one
/// fetch budget, so no forged token can make the receiver fetch without bound. Pin the verifier's issuer to your
/// webhook policy's URL (`https://<account>/webhook_policies/<name>`) so that only that policy's discovery
/// document is ever fetched.
public struct RServiceOpenIDDiscovery: WebhookKeyProvider {
    /// GETs a URL and returns the response body; throws for a network error or a non-`200` status.
    public typealias Fetch = @Sendable (_ url: String) async throws -> [UInt8]

    /// The largest discovery document accepted, in bytes.
    public static let maximumDiscoveryDocumentSize = 64 << 10
    /// The largest JWKS accepted, in bytes.
    public static let maximumKeySetSize = 512 << 10

    private let cache: CachingKeyProvider

    /// Creates a discovery key provider.
    /// - Parameters:
    ///   - fetch: The HTTP GET to use (the caller's client; tests pass a stub).
    ///   - settings: Cache durations and fetch limits (defaults: sets reused for one hour, as the vendor marks the
    ///     endpoints cacheable; failures remembered for one minute; at most 10 fetches a minute over all issuers).
    ///   - clock: UNIX seconds now.
    /// - Throws: `WebhookError.Code.invalidConfiguration` for unusable settings.
    public init(
        fetch: @escaping Fetch,
        settings: CachingKeyProvider.Settings = .init(),
        clock: @escaping @Sendable () -> Double = { WebhookClock.now() }
    ) throws(WebhookError) {
        self.cache = try CachingKeyProvider(settings: settings, clock: clock) { issuer in
            try await Self.fetchKeySet(issuer: issuer, fetch: fetch)
        }
    }

    public func keySet(forIssuer issuer: String) async throws -> JWTKeySet {
        try await cache.keySet(forIssuer: issuer)
    }

    public func refreshedKeySet(forIssuer issuer: String) async throws -> JWTKeySet? {
        try await cache.refreshedKeySet(forIssuer: issuer)
    }

    /// The discovery document, then the JWKS.
    static func fetchKeySet(issuer: String, fetch: Fetch) async throws(WebhookError) -> JWTKeySet {
        guard let issuerURL = RServiceURL(issuer), issuerURL.scheme == "https" else {
            throw failure("issuer is not an https URL without query or fragment")
        }
        let base = issuer.hasSuffix("/") ? String(issuer.dropLast()) : issuer
        let discoveryURL = base + "/.well-known/openid-configuration"
        let discoveryBytes = try await get(discoveryURL, fetch: fetch, limit: maximumDiscoveryDocumentSize)
        let document: DiscoveryDocument
        do {
            document = try JSONDecoder().decode(DiscoveryDocument.self, from: Data(discoveryBytes))
        } catch {
            throw failure("discovery document of \(issuerURL.host) is not a JSON object with a string jwks_uri")
        }
        if let documentIssuer = document.issuer, documentIssuer != issuer {
            throw failure("discovery document of \(issuerURL.host) names another issuer")
        }
        guard let jwksURI = document.jwksURI else {
            throw failure("discovery document of \(issuerURL.host) has no jwks_uri")
        }
        guard let jwksURL = RServiceURL(jwksURI, allowQuery: true), jwksURL.scheme == "https",
            jwksURL.host == issuerURL.host, jwksURL.effectivePort == issuerURL.effectivePort
        else {
            throw failure("jwks_uri of \(issuerURL.host) is not an https URL on the issuer's host")
        }
        let jwksBytes = try await get(jwksURI, fetch: fetch, limit: maximumKeySetSize)
        let keys: JWTKeySet
        do {
            keys = try JWTKeySet(jwks: jwksBytes)
        } catch {
            throw failure("JWKS of \(issuerURL.host) is not a JSON object with a keys array")
        }
        guard !keys.keys.isEmpty else {
            throw failure("JWKS of \(issuerURL.host) holds no usable signing key")
        }
        return keys
    }

    private static func get(_ url: String, fetch: Fetch, limit: Int) async throws(WebhookError) -> [UInt8] {
        let bytes: [UInt8]
        do {
            bytes = try await fetch(url)
        } catch {
            let host = RServiceURL(url, allowQuery: true)?.host ?? "the key endpoint"
            throw failure("fetching from \(host) failed")
        }
        guard bytes.count <= limit else {
            throw failure("response of \(bytes.count) bytes is over the limit of \(limit)")
        }
        return bytes
    }

    private static func failure(_ reason: String) -> WebhookError {
        WebhookError(.keyFetchFailed, reason, vendor: .rService)
    }

    private struct DiscoveryDocument: Decodable {
        var issuer: String?
        var jwksURI: String?

        enum CodingKeys: String, CodingKey {
            case issuer
            case jwksURI = "jwks_uri"
        }
    }
}
