public import CoreMetrics
public import WebhookCore

/// Supplies the verification keys of a key source (a token issuer, a JWKS URL), for verifiers whose keys are
/// published by the vendor: R-Service's OpenID Connect discovery today, Atlassian's JWKS and install keys next.
///
/// Verifiers call it only with a source their configuration allows (checked on the unverified token before any key
/// is fetched), and pick the key by the token's `kid`; a `kid` the set lacks is an error, never a fallback to
/// another key.
public protocol WebhookKeyProvider: Sendable {
    /// The keys of a source, from a cache or freshly fetched.
    /// - Parameter issuer: The key source (the token's `iss`, or a JWKS URL), already checked by the verifier.
    /// - Returns: The keys; their `keyID`s are matched against the token's `kid`.
    /// - Throws: Any error; a `WebhookError` keeps its code, others become `WebhookError.Code.keyFetchFailed`.
    func keySet(forIssuer issuer: String) async throws -> JWTKeySet

    /// A fresher key set, asked for when the set from ``keySet(forIssuer:)`` has no key with the token's `kid`
    /// (the vendor may have rotated its keys since they were cached).
    ///
    /// Return `nil` when no fresher set can be had now; the token is then rejected with
    /// `WebhookError.Code.unknownKeyID`. The default returns `nil`.
    /// - Parameter issuer: The key source, already checked by the verifier.
    func refreshedKeySet(forIssuer issuer: String) async throws -> JWTKeySet?
}

extension WebhookKeyProvider {
    public func refreshedKeySet(forIssuer issuer: String) async throws -> JWTKeySet? {
        nil
    }
}

/// A ``WebhookKeyProvider`` with a fixed key set, whatever the source.
public struct StaticKeyProvider: WebhookKeyProvider {
    /// The keys.
    package let keys: JWTKeySet

    /// Creates a provider that always answers with `keys`.
    public init(keys: JWTKeySet) {
        self.keys = keys
    }

    public func keySet(forIssuer issuer: String) async throws -> JWTKeySet {
        keys
    }
}

/// A ``WebhookKeyProvider`` that loads key sets with a function you give (an HTTP fetch and a parse) and caches
/// them, so that no outside sender can make the receiver fetch without bound:
///
/// - a fetched set is reused for `cacheDuration`; concurrent requests for one source share one fetch;
/// - a *failed* fetch is remembered for `failureCacheDuration`: requests for that source fail at once until then
///   (a negative cache), so a forged token naming a dead or made-up source costs one fetch, not one per request;
/// - a fetch for a source whose cached set lacks the token's `kid` happens at most once per
///   `minimumRefreshInterval` per source;
/// - over all sources together, at most `fetchBudget` fetches start per `fetchBudgetInterval`; beyond it,
///   requests that would fetch fail with `WebhookError.Code.keyFetchFailed` without fetching;
/// - at most `maximumSources` sources are cached; the oldest are dropped first.
public struct CachingKeyProvider: WebhookKeyProvider {
    /// Loads the key set of a source; throws when it cannot.
    public typealias Load = @Sendable (_ issuer: String) async throws -> JWTKeySet

    /// The settings of the cache.
    public struct Settings: Sendable {
        /// How long a fetched set is reused. Default 1 hour.
        public var cacheDuration: Duration
        /// The shortest time between two fetches of one source caused by an unknown `kid`. Default 5 minutes.
        public var minimumRefreshInterval: Duration
        /// How long a failed fetch is remembered. Default 1 minute.
        public var failureCacheDuration: Duration
        /// The most fetches started, over all sources, per ``fetchBudgetInterval``. Default 10.
        public var fetchBudget: Int
        /// The interval of ``fetchBudget``. Default 1 minute.
        public var fetchBudgetInterval: Duration
        /// The most sources cached at once. Default 64.
        public var maximumSources: Int

        /// Creates settings.
        public init(
            cacheDuration: Duration = .seconds(3600),
            minimumRefreshInterval: Duration = .seconds(300),
            failureCacheDuration: Duration = .seconds(60),
            fetchBudget: Int = 10,
            fetchBudgetInterval: Duration = .seconds(60),
            maximumSources: Int = 64
        ) {
            self.cacheDuration = cacheDuration
            self.minimumRefreshInterval = minimumRefreshInterval
            self.failureCacheDuration = failureCacheDuration
            self.fetchBudget = fetchBudget
            self.fetchBudgetInterval = fetchBudgetInterval
            self.maximumSources = maximumSources
        }
    }

    private let load: Load
    private let settings: Settings
    private let clock: @Sendable () -> Double
    private let cache: KeyCache
    private let metrics: WebhookMetrics

    /// Creates a caching provider.
    /// - Parameters:
    ///   - settings: Cache durations and fetch limits.
    ///   - clock: UNIX seconds now; injectable for tests.
    ///   - metrics: Where `webhookkit_key_fetches_total` (dimension `result`: `success`, `failure`) is counted, one
    ///     per fetch started; `nil` (the default) for swift-metrics' global factory.
    ///   - load: Loads a source's key set (for example: fetch a JWKS over HTTPS and parse it).
    /// - Throws: `WebhookError.Code.invalidConfiguration` for a negative, zero or non-finite duration, or a
    ///   budget or cache size below 1.
    public init(
        settings: Settings = Settings(),
        clock: @escaping @Sendable () -> Double = { WebhookClock.now() },
        metrics: (any MetricsFactory)? = nil,
        load: @escaping Load
    ) throws(WebhookError) {
        for (name, duration) in [
            ("cacheDuration", settings.cacheDuration), ("minimumRefreshInterval", settings.minimumRefreshInterval),
            ("failureCacheDuration", settings.failureCacheDuration),
            ("fetchBudgetInterval", settings.fetchBudgetInterval),
        ] where duration <= .zero {
            throw WebhookError(.invalidConfiguration, "\(name) must be positive")
        }
        guard settings.fetchBudget >= 1, settings.maximumSources >= 1 else {
            throw WebhookError(.invalidConfiguration, "fetchBudget and maximumSources must be at least 1")
        }
        self.load = load
        self.settings = settings
        self.clock = clock
        self.cache = KeyCache()
        self.metrics = WebhookMetrics(factory: metrics)
    }

    public func keySet(forIssuer issuer: String) async throws -> JWTKeySet {
        try await resolve(issuer, maximumAge: settings.cacheDuration.seconds).keys
    }

    public func refreshedKeySet(forIssuer issuer: String) async throws -> JWTKeySet? {
        let result = try await resolve(issuer, maximumAge: settings.minimumRefreshInterval.seconds)
        return result.fromCache ? nil : result.keys
    }

    /// Returns the cached set when younger than `maximumAge`, remembers failures, and otherwise joins the fetch in
    /// progress or starts one within the budget.
    private func resolve(_ issuer: String, maximumAge: Double) async throws -> (keys: JWTKeySet, fromCache: Bool) {
        let now = clock()
        let load = self.load
        let settings = self.settings
        let action = try cache.state.withLock { state throws(WebhookError) -> KeyCache.Action in
            switch state.slots[issuer] {
            case .ready(let keys, let fetchedAt) where now - fetchedAt < maximumAge && fetchedAt <= now:
                return .cached(keys)
            case .failed(let reason, let failedAt) where now - failedAt < settings.failureCacheDuration.seconds:
                throw WebhookError(.keyFetchFailed, "\(reason) (remembered)")
            case .loading(let task, let identifier):
                return .wait(task, identifier)
            default:
                state.budget.removeAll { now - $0 >= settings.fetchBudgetInterval.seconds }
                guard state.budget.count < settings.fetchBudget else {
                    throw WebhookError(.keyFetchFailed, "key fetch budget used up; not fetching now")
                }
                state.budget.append(now)
                state.nextIdentifier += 1
                let identifier = state.nextIdentifier
                let metrics = self.metrics
                let task = Task {
                    do {
                        let keys = try await load(issuer)
                        metrics.keyFetch(succeeded: true)
                        return keys
                    } catch {
                        metrics.keyFetch(succeeded: false)
                        throw error
                    }
                }
                state.slots[issuer] = .loading(task, identifier)
                state.evict(keeping: issuer, maximum: settings.maximumSources)
                return .wait(task, identifier)
            }
        }
        switch action {
        case .cached(let keys):
            return (keys, true)
        case .wait(let task, let identifier):
            do {
                let keys = try await task.value
                let fetchedAt = clock()
                cache.state.withLock { state in
                    if case .loading(_, let current) = state.slots[issuer], current == identifier {
                        state.slots[issuer] = .ready(keys, fetchedAt)
                    }
                }
                return (keys, false)
            } catch {
                let reason = (error as? WebhookError)?.reason ?? "the key fetch failed"
                let failedAt = clock()
                cache.state.withLock { state in
                    if case .loading(_, let current) = state.slots[issuer], current == identifier {
                        state.slots[issuer] = .failed(reason, failedAt)
                    }
                }
                throw error
            }
        }
    }
}

/// The cache of ``CachingKeyProvider``, shared by copies of the provider.
final class KeyCache: Sendable {
    enum Action {
        case cached(JWTKeySet)
        case wait(Task<JWTKeySet, any Error>, Int)
    }

    enum Slot {
        case ready(JWTKeySet, Double)
        case failed(String, Double)
        case loading(Task<JWTKeySet, any Error>, Int)

        var time: Double? {
            switch self {
            case .ready(_, let time), .failed(_, let time): time
            case .loading: nil
            }
        }
    }

    struct State {
        var slots: [String: Slot] = [:]
        var nextIdentifier = 0
        /// When the fetches of the current budget interval started.
        var budget: [Double] = []

        /// Drops the oldest finished entries while over the limit (fetches in progress stay).
        mutating func evict(keeping issuer: String, maximum: Int) {
            while slots.count > maximum {
                let oldest = slots.compactMap { key, slot -> (String, Double)? in
                    guard key != issuer, let time = slot.time else { return nil }
                    return (key, time)
                }.min { $0.1 < $1.1 }
                guard let oldest else { return }
                slots[oldest.0] = nil
            }
        }
    }

    let state = LockedValue(State())
}

extension WebhookKeyProvider {
    /// The key set of `issuer` that holds a key with `keyID`: the provider's set, else its refreshed set (asked
    /// for once; a `CachingKeyProvider` fetches at most once per `minimumRefreshInterval`), else
    /// `WebhookError.Code.unknownKeyID`. The verifiers that select published keys by `kid` share this step.
    ///
    /// - Parameters:
    ///   - keyID: The token's `kid`, compared as bytes.
    ///   - issuer: The key source, already checked by the verifier.
    ///   - fetchFailure: What a failure to get keys at all becomes (the verifier decides between an outage and an
    ///     authentication failure); it receives a `keyFetchFailed` error. A provider's other `WebhookError`s (a bad
    ///     document, an unusable key) stand as they are; a non-`WebhookError` becomes `keyFetchFailed` first.
    /// - Returns: A set holding a key with `keyID`.
    package func keySet(
        withKeyID keyID: String,
        forIssuer issuer: String,
        fetchFailure: (WebhookError) -> WebhookError
    ) async throws(WebhookError) -> JWTKeySet {
        func holdsKey(_ set: JWTKeySet) -> Bool {
            set.keys.contains { $0.keyID?.hasSameBytes(as: keyID) ?? false }
        }
        let keys = try await Self.calling(fetchFailure) { try await keySet(forIssuer: issuer) }
        if holdsKey(keys) { return keys }
        if let refreshed = try await Self.calling(fetchFailure, { try await refreshedKeySet(forIssuer: issuer) }),
            holdsKey(refreshed)
        {
            return refreshed
        }
        throw WebhookError(.unknownKeyID, "the key set has no key with the token's kid")
    }

    private static func calling<T>(
        _ fetchFailure: (WebhookError) -> WebhookError,
        _ body: () async throws -> T
    ) async throws(WebhookError) -> T {
        do {
            return try await body()
        } catch let error as WebhookError {
            guard error.code == .keyFetchFailed else { throw error }
            throw fetchFailure(error)
        } catch {
            throw fetchFailure(WebhookError(.keyFetchFailed, "the key provider failed: \(type(of: error))"))
        }
    }
}
