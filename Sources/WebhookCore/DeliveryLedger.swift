public import Foundation

/// Where the middleware records which deliveries it has processed, so that each authentic delivery is processed
/// once: claimed before the handler runs, completed when the handler succeeded, released when it failed so that
/// the vendor's retry is processed.
///
/// This is idempotency, not security: replays of old tokens and signatures are rejected by the verifiers' time
/// checks before a delivery ever reaches the ledger. Share one ledger between server instances (the PostgreSQL
/// ledger of `WebhookKitPostgres`) so that a delivery sent to two instances runs once.
///
/// Every operation may fail (a database outage): the middleware then answers `503` with `Retry-After` and marks
/// nothing, unless configured to fail open.
public protocol DeliveryLedger: Sendable {
    /// Claims a delivery key for processing.
    /// - Parameters:
    ///   - key: The delivery key (``VerifiedWebhook/deliveryKey``).
    ///   - claimTimeout: How long the claim holds when it is neither completed nor released (the process died):
    ///     after it, the key can be claimed again.
    /// - Returns: ``DeliveryClaimResult/claimed(_:)`` when this caller now holds the claim (a new key, or one
    ///   whose earlier claim expired or was released); otherwise what holds the key.
    /// - Throws: ``WebhookError`` with code ``WebhookError/Code/ledgerUnavailable`` when the ledger cannot answer.
    func claim(_ key: String, claimTimeout: Duration) async throws(WebhookError) -> DeliveryClaimResult

    /// Marks a claimed delivery as processed.
    /// - Parameters:
    ///   - claim: The claim ``claim(_:claimTimeout:)`` returned.
    ///   - retention: How long the key is remembered as completed; a duplicate in that time is not processed.
    /// - Throws: ``WebhookError`` with code ``WebhookError/Code/ledgerUnavailable``.
    func complete(_ claim: DeliveryClaim, retention: Duration) async throws(WebhookError)

    /// Gives up a claim, so that the vendor's retry is processed. Does nothing when the claim is no longer this
    /// caller's (it expired and another caller took the key) or the key is completed.
    /// - Parameter claim: The claim ``claim(_:claimTimeout:)`` returned.
    /// - Throws: ``WebhookError`` with code ``WebhookError/Code/ledgerUnavailable``.
    func release(_ claim: DeliveryClaim) async throws(WebhookError)
}

/// A held claim on a delivery key: the key, and a random owner token that tells this claim from a later claim of
/// the same key.
public struct DeliveryClaim: Sendable, Hashable {
    /// The delivery key.
    public let key: String
    /// A random token naming this claim.
    public let owner: String

    /// Creates a claim with a fresh random owner token (for ledger implementations).
    public init(key: String) {
        self.key = key
        self.owner = UUID().uuidString
    }

    /// Creates a claim with a given owner token (for ledger implementations that read it back).
    public init(key: String, owner: String) {
        self.key = key
        self.owner = owner
    }
}

/// The answer to ``DeliveryLedger/claim(_:claimTimeout:)``.
public enum DeliveryClaimResult: Sendable, Hashable {
    /// The caller holds the claim: run the handler, then complete or release it.
    case claimed(DeliveryClaim)
    /// Another caller holds an unexpired claim, taken at `since`: the first delivery is still being processed.
    case inProgress(since: Date)
    /// The delivery was processed before.
    case completed
}

/// A ``DeliveryLedger`` in this process's memory: the default, for one server instance.
///
/// Memory stays bounded under any load: at most `capacity` keys (the initialiser's argument). Expired entries
/// are dropped as time passes, in expiry order, through a min-heap (no sorting of the table under its lock).
/// When the table is full of unexpired keys, the keys closest to expiry go first: a completed key dropped early can let a duplicate be
/// processed again after `capacity` newer deliveries, never a fresh delivery be refused.
public final class InMemoryDeliveryLedger: DeliveryLedger {
    private enum Entry {
        case inProgress(owner: String, since: Double, expiresAt: Double)
        case completed(expiresAt: Double)

        var expiresAt: Double {
            switch self {
            case .inProgress(_, _, let expiresAt), .completed(let expiresAt): expiresAt
            }
        }
    }

    private struct State {
        var entries: [String: Entry] = [:]
        /// Expiry order of the entries; an item whose expiry no longer matches its entry is stale and skipped.
        var heap = ExpiryHeap()

        mutating func set(_ key: String, _ entry: Entry) {
            entries[key] = entry
            heap.push(entry.expiresAt, key)
        }

        /// Drops entries that expired by `now`, then, while over `capacity`, those closest to expiry.
        mutating func trim(now: Double, capacity: Int) {
            while let top = heap.top, top.expiresAt <= now || entries.count > capacity {
                heap.pop()
                if let entry = entries[top.key], entry.expiresAt == top.expiresAt {
                    entries[top.key] = nil
                }
            }
            if heap.count > 2 * capacity + 64 {
                heap = ExpiryHeap(entries.map { ($0.value.expiresAt, $0.key) })
            }
        }
    }

    private let state = LockedValue(State())
    private let clock: @Sendable () -> Double
    /// The most keys held at once.
    package let capacity: Int

    /// Creates a ledger.
    /// - Parameters:
    ///   - capacity: The most keys held at once (default 100 000).
    ///   - clock: UNIX seconds now; injectable for tests.
    public init(capacity: Int = 100_000, clock: @escaping @Sendable () -> Double = { WebhookClock.now() }) {
        self.capacity = max(1, capacity)
        self.clock = clock
    }

    public func claim(_ key: String, claimTimeout: Duration) async throws(WebhookError) -> DeliveryClaimResult {
        let now = clock()
        let capacity = capacity
        return state.withLock { state in
            state.trim(now: now, capacity: capacity)
            switch state.entries[key] {
            case .completed(let expiresAt) where expiresAt > now:
                return .completed
            case .inProgress(_, let since, let expiresAt) where expiresAt > now:
                return .inProgress(since: Date(timeIntervalSince1970: since))
            default:
                let claim = DeliveryClaim(key: key)
                if state.entries[key] == nil {
                    state.trim(now: now, capacity: capacity - 1)  // room for the new key before it goes in
                }
                state.set(key, .inProgress(owner: claim.owner, since: now, expiresAt: now + claimTimeout.seconds))
                return .claimed(claim)
            }
        }
    }

    public func complete(_ claim: DeliveryClaim, retention: Duration) async throws(WebhookError) {
        let now = clock()
        let capacity = capacity
        state.withLock { state in
            state.set(claim.key, .completed(expiresAt: now + retention.seconds))
            state.trim(now: now, capacity: capacity)
        }
    }

    public func release(_ claim: DeliveryClaim) async throws(WebhookError) {
        state.withLock { state in
            if case .inProgress(let owner, _, _) = state.entries[claim.key], owner == claim.owner {
                state.entries[claim.key] = nil
            }
        }
    }

    /// The number of keys held now (claimed or completed, expired ones not yet dropped included).
    package var count: Int {
        state.withLock { $0.entries.count }
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    package var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}

/// A binary min-heap of (expiry, key), for dropping entries in expiry order without sorting.
private struct ExpiryHeap {
    private var items: [(expiresAt: Double, key: String)] = []

    init() {}

    init(_ items: [(Double, String)]) {
        self.items = items.map { (expiresAt: $0.0, key: $0.1) }
        var index = self.items.count / 2
        while index > 0 {
            index -= 1
            siftDown(index)
        }
    }

    var count: Int { items.count }
    var top: (expiresAt: Double, key: String)? { items.first }

    mutating func push(_ expiresAt: Double, _ key: String) {
        items.append((expiresAt, key))
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child].expiresAt < items[parent].expiresAt else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() {
        guard !items.isEmpty else { return }
        items.swapAt(0, items.count - 1)
        items.removeLast()
        siftDown(0)
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < items.count && items[left].expiresAt < items[smallest].expiresAt { smallest = left }
            if right < items.count && items[right].expiresAt < items[smallest].expiresAt { smallest = right }
            if smallest == parent { return }
            items.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
