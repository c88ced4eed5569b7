import Foundation
import Synchronization
public import WebhookCore
public import WebhookCrypto
import WebhookRegistry

/// Supplies the signing keys of an R-Service issuer, for webhooks with OpenID Connect discovery.
///
/// ``RServiceSignatureVerifier`` calls it only with an issuer that its configuration allows (checked on the
/// unverified token before any key is fetched), and picks the key by the token's `kid`; a `kid` the set lacks is
/// an error, never a fallback to another key.
public protocol RServiceKeyProvider: Sendable {
    /// The keys of an issuer, from a cache or freshly fetched.
    /// - Parameter issuer: The token's `iss`, already checked against the verifier's configuration.
    /// - Returns: The keys; their `keyID`s are matched against the token's `kid`.
    /// - Throws: Any error; a `WebhookError` keeps its code, others become
    ///   `WebhookError/Code/keyFetchFailed`.
    func keySet(forIssuer issuer: String) async throws -> JWTKeySet

    /// A fresher key set, asked for when the set from ``keySet(forIssuer:)`` has no key with the token's `kid`
    /// (the vendor may have rotated its keys since they were cached).
    ///
    /// Return `nil` when no fresher set can be had now; the token is then rejected with
    /// `WebhookError/Code/unknownKeyID`. The default returns `nil`.
    /// - Parameter issuer: The token's `iss`, already checked against the verifier's configuration.
    func refreshedKeySet(forIssuer issuer: String) async throws -> JWTKeySet?
}

extension RServiceKeyProvider {
    public func refreshedKeySet(forIssuer issuer: String) async throws -> JWTKeySet? {
        nil
    }
}

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
/// otherwise. It must not follow redirects to other hosts. Concurrent requests for an issuer share one fetch.
/// When a token names a `kid` the cached set lacks, the set is fetched again at most once per
/// `minimumRefreshInterval` (default 5 minutes), so unknown `kid`s cannot make the receiver hammer the vendor.
public struct RServiceOpenIDDiscovery: RServiceKeyProvider {
    /// GETs a URL and returns the response body; throws for a network error or a non-`200` status.
    public typealias Fetch = @Sendable (_ url: String) async throws -> [UInt8]

    /// The largest discovery document accepted, in bytes.
    public static let maximumDiscoveryDocumentSize = 64 << 10
    /// The largest JWKS accepted, in bytes.
    public static let maximumKeySetSize = 512 << 10
    /// The most issuers cached at once.
    public static let maximumCachedIssuers = 64

    private let fetch: Fetch
    private let cacheDuration: Double
    private let minimumRefreshInterval: Double
    private let clock: @Sendable () -> Double
    private let cache = DiscoveryCache()

    /// Creates a discovery key provider.
    /// - Parameters:
    ///   - fetch: The HTTP GET to use (the caller's client; tests pass a stub).
    ///   - cacheDuration: Seconds a fetched key set is reused (default 3600: the vendor marks the endpoints
    ///     cacheable for one hour).
    ///   - minimumRefreshInterval: The fewest seconds between two fetches caused by unknown `kid`s (default 300).
    ///   - clock: UNIX seconds now.
    public init(
        fetch: @escaping Fetch,
        cacheDuration: Double = 3600,
        minimumRefreshInterval: Double = 300,
        clock: @escaping @Sendable () -> Double = { WebhookClock.now() }
    ) {
        self.fetch = fetch
        self.cacheDuration = cacheDuration
        self.minimumRefreshInterval = minimumRefreshInterval
        self.clock = clock
    }

    public func keySet(forIssuer issuer: String) async throws -> JWTKeySet {
        let now = clock()
        let duration = cacheDuration
        return try await load(issuer) { entry in now - entry.fetchedAt < duration && entry.fetchedAt <= now }.keys
    }

    public func refreshedKeySet(forIssuer issuer: String) async throws -> JWTKeySet? {
        let now = clock()
        let interval = minimumRefreshInterval
        let result = try await load(issuer) { entry in now - entry.fetchedAt < interval && entry.fetchedAt <= now }
        return result.fromCache ? nil : result.keys
    }

    /// Returns the cached set when `isFresh` says so, else joins the fetch in progress or starts one.
    private func load(
        _ issuer: String,
        isFresh: (DiscoveryCache.Entry) -> Bool
    ) async throws -> (keys: JWTKeySet, fromCache: Bool) {
        let fetch = self.fetch
        let clock = self.clock
        let action = cache.state.withLock { state -> DiscoveryCache.Action in
            switch state.slots[issuer] {
            case .ready(let entry) where isFresh(entry):
                return .cached(entry.keys)
            case .loading(let task, let identifier):
                return .wait(task, identifier)
            default:
                state.nextIdentifier += 1
                let identifier = state.nextIdentifier
                let task = Task {
                    let keys = try await Self.fetchKeySet(issuer: issuer, fetch: fetch)
                    return DiscoveryCache.Entry(keys: keys, fetchedAt: clock())
                }
                state.slots[issuer] = .loading(task, identifier)
                state.evictIfNeeded(keeping: issuer)
                return .wait(task, identifier)
            }
        }
        switch action {
        case .cached(let keys):
            return (keys, true)
        case .wait(let task, let identifier):
            do {
                let entry = try await task.value
                cache.state.withLock { state in
                    if case .loading(_, let current) = state.slots[issuer], current == identifier {
                        state.slots[issuer] = .ready(entry)
                    }
                }
                return (entry.keys, false)
            } catch {
                cache.state.withLock { state in
                    if case .loading(_, let current) = state.slots[issuer], current == identifier {
                        state.slots[issuer] = nil
                    }
                }
                throw error
            }
        }
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

/// The per-issuer cache of ``RServiceOpenIDDiscovery``, shared by copies of the provider.
final class DiscoveryCache: Sendable {
    struct Entry: Sendable {
        var keys: JWTKeySet
        var fetchedAt: Double
    }

    enum Action {
        case cached(JWTKeySet)
        case wait(Task<Entry, any Error>, Int)
    }

    enum Slot {
        case ready(Entry)
        case loading(Task<Entry, any Error>, Int)
    }

    struct State {
        var slots: [String: Slot] = [:]
        var nextIdentifier = 0

        /// Drops the oldest ready entries while over the limit (fetches in progress stay).
        mutating func evictIfNeeded(keeping issuer: String) {
            while slots.count > RServiceOpenIDDiscovery.maximumCachedIssuers {
                let oldest = slots.compactMap { key, slot -> (String, Double)? in
                    guard key != issuer, case .ready(let entry) = slot else { return nil }
                    return (key, entry.fetchedAt)
                }.min { $0.1 < $1.1 }
                guard let oldest else { return }
                slots[oldest.0] = nil
            }
        }
    }

    let state = Mutex(State())
}
