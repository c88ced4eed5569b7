import Synchronization
import WebhookCore

/// A replay store that records what it is asked to insert.
final class RecordingReplayStore: ReplayStore {
    struct Entry: Equatable {
        var key: String
        var expiresAt: Double
    }

    private let state = Mutex<[Entry]>([])

    var entries: [Entry] { state.withLock { $0 } }

    func insertIfAbsent(_ key: String, expiresAt: Double) async -> Bool {
        state.withLock { entries in
            if entries.contains(where: { $0.key == key }) { return false }
            entries.append(Entry(key: key, expiresAt: expiresAt))
            return true
        }
    }
}
