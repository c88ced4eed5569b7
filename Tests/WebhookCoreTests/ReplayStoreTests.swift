import Synchronization
import Testing
import WebhookCore

@Suite("InMemoryReplayStore")
struct ReplayStoreTests {
    final class TestClock: Sendable {
        let now = Mutex(1000.0)
        func advance(_ seconds: Double) { now.withLock { $0 += seconds } }
        var read: @Sendable () -> Double { { self.now.withLock { $0 } } }
    }

    @Test func aKeySeenBeforeItExpiresIsAReplay() async {
        let clock = TestClock()
        let store = InMemoryReplayStore(capacity: 10, clock: clock.read)
        #expect(await store.insertIfAbsent("jti:1", expiresAt: 1100))
        #expect(await store.insertIfAbsent("jti:1", expiresAt: 1100) == false)
        #expect(await store.insertIfAbsent("jti:2", expiresAt: 1100))
        clock.advance(101)
        #expect(await store.insertIfAbsent("jti:1", expiresAt: 1300))
        #expect(await store.insertIfAbsent("jti:1", expiresAt: 1300) == false)
    }

    @Test func memoryStaysBoundedUnderLoad() {
        let clock = TestClock()
        let store = InMemoryReplayStore(capacity: 100, clock: clock.read)
        for index in 0..<10_000 {
            #expect(store.insertIfAbsentNow("k\(index)", expiresAt: 5000 + Double(index)))
            #expect(store.count <= 100)
        }
        // The newest keys are still remembered.
        #expect(store.insertIfAbsentNow("k9999", expiresAt: 20_000) == false)
    }

    @Test func concurrentInsertsOfOneKeyAcceptExactlyOne() async {
        let store = InMemoryReplayStore(capacity: 1000)
        let accepted = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<200 {
                group.addTask { await store.insertIfAbsent("same", expiresAt: WebhookClock.now() + 60) }
            }
            var count = 0
            for await wasNew in group where wasNew { count += 1 }
            return count
        }
        #expect(accepted == 1)
    }
}
