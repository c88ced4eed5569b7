import Foundation
import Synchronization

/// Remembers what has been seen (token ids, delivery ids) until it expires, to reject replays.
///
/// Implement it over a shared store (Redis, a database) when several server instances receive webhooks.
public protocol ReplayStore: Sendable {
    /// Records a key if it is new.
    /// - Parameters:
    ///   - key: The identifier (already namespaced by the caller, e.g. `rservice:jti:<id>`).
    ///   - expiresAt: UNIX seconds after which the key may be forgotten.
    /// - Returns: `true` when the key was new and is now recorded; `false` when it was seen and has not expired.
    func insertIfAbsent(_ key: String, expiresAt: Double) async -> Bool
}

/// A bounded, thread-safe in-memory ``ReplayStore`` with expiry: the default.
///
/// Memory stays bounded under any load: when full, expired keys are dropped first, then the keys closest to
/// expiry. Dropping a live key can only let a replay through after `capacity` newer deliveries, never reject
/// a fresh one.
public final class InMemoryReplayStore: ReplayStore {
    private struct State {
        var expiries: [String: Double] = [:]
    }

    private let state = Mutex(State())
    private let clock: @Sendable () -> Double
    /// The most keys held at once.
    public let capacity: Int

    /// Creates a store.
    /// - Parameters:
    ///   - capacity: The most keys held at once (default 100 000).
    ///   - clock: UNIX seconds now; injectable for tests.
    public init(capacity: Int = 100_000, clock: @escaping @Sendable () -> Double = { WebhookClock.now() }) {
        self.capacity = max(1, capacity)
        self.clock = clock
    }

    public func insertIfAbsent(_ key: String, expiresAt: Double) async -> Bool {
        insertIfAbsentNow(key, expiresAt: expiresAt)
    }

    /// The synchronous form of ``insertIfAbsent(_:expiresAt:)``.
    public func insertIfAbsentNow(_ key: String, expiresAt: Double) -> Bool {
        let now = clock()
        let capacity = capacity
        return state.withLock { state in
            if let expiry = state.expiries[key], expiry > now {
                return false
            }
            if state.expiries.count >= capacity && state.expiries[key] == nil {
                state.expiries = state.expiries.filter { $0.value > now }
                if state.expiries.count >= capacity {
                    let drop = state.expiries.count - capacity + 1 + capacity / 10
                    let soonest = state.expiries.sorted { $0.value < $1.value }.prefix(drop)
                    for (oldKey, _) in soonest {
                        state.expiries[oldKey] = nil
                    }
                }
            }
            state.expiries[key] = expiresAt
            return true
        }
    }

    /// The number of keys held now.
    public var count: Int {
        state.withLock { $0.expiries.count }
    }
}

/// The clock this package uses when none is injected.
public enum WebhookClock {
    /// The system clock as UNIX seconds.
    public static func now() -> Double {
        Date().timeIntervalSince1970
    }
}
