import Testing
import WebhookCore
import WebhookCrypto

@Suite("CachingKeyProvider: fetches are bounded whatever a sender does (F3)")
struct CachingKeyProviderTests {
    struct Unreachable: Error {}

    /// Counts loads per source; fails for sources starting with "bad".
    final class Loader: Sendable {
        let loads = LockedValue<[String]>([])
        var count: Int { loads.withLock { $0.count } }

        func load(_ issuer: String) async throws -> JWTKeySet {
            loads.withLock { $0.append(issuer) }
            if issuer.hasPrefix("bad") { throw Unreachable() }
            return JWTKeySet([])
        }
    }

    static func provider(_ loader: Loader, clock: ManualClock, settings: CachingKeyProvider.Settings = .init())
        throws -> CachingKeyProvider
    {
        try CachingKeyProvider(settings: settings, clock: { clock.read() }) { try await loader.load($0) }
    }

    @Test func aFetchedSetIsReusedUntilItExpires() async throws {
        let loader = Loader()
        let clock = ManualClock()
        let provider = try Self.provider(loader, clock: clock)
        _ = try await provider.keySet(forIssuer: "good")
        _ = try await provider.keySet(forIssuer: "good")
        #expect(loader.count == 1)
        clock.advance(3601)
        _ = try await provider.keySet(forIssuer: "good")
        #expect(loader.count == 2)
    }

    @Test func aFailedFetchIsRemembered() async throws {
        let loader = Loader()
        let clock = ManualClock()
        let provider = try Self.provider(loader, clock: clock)
        for _ in 0..<20 {
            await #expect(throws: (any Error).self) { try await provider.keySet(forIssuer: "bad-1") }
        }
        #expect(loader.count == 1)
        clock.advance(61)
        await #expect(throws: (any Error).self) { try await provider.keySet(forIssuer: "bad-1") }
        #expect(loader.count == 2)
    }

    @Test func oneBudgetCoversEveryIssuer() async throws {
        let loader = Loader()
        let clock = ManualClock()
        let provider = try Self.provider(loader, clock: clock, settings: .init(fetchBudget: 5))
        // A forged token per request, each naming a new issuer: five fetches, then none until the interval ends.
        for index in 0..<50 {
            await #expect(throws: (any Error).self) { try await provider.keySet(forIssuer: "bad-\(index)") }
        }
        #expect(loader.count == 5)
        do {
            _ = try await provider.keySet(forIssuer: "good")
            Issue.record("the budget is used up")
        } catch let error as WebhookError {
            #expect(error.code == .keyFetchFailed)
        }
        clock.advance(61)
        _ = try await provider.keySet(forIssuer: "good")
        #expect(loader.count == 6)
    }

    @Test func unknownKidRefreshesAtMostOncePerInterval() async throws {
        let loader = Loader()
        let clock = ManualClock()
        let provider = try Self.provider(loader, clock: clock)
        _ = try await provider.keySet(forIssuer: "good")
        // Right after a fetch, no fresher set is to be had.
        #expect(try await provider.refreshedKeySet(forIssuer: "good") == nil)
        clock.advance(301)
        #expect(try await provider.refreshedKeySet(forIssuer: "good") != nil)
        #expect(try await provider.refreshedKeySet(forIssuer: "good") == nil)
        #expect(loader.count == 2)
    }

    @Test func concurrentRequestsShareOneFetch() async throws {
        let loader = Loader()
        let provider = try Self.provider(loader, clock: ManualClock())
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<20 {
                group.addTask { _ = try await provider.keySet(forIssuer: "good") }
            }
            try await group.waitForAll()
        }
        #expect(loader.count == 1)
    }

    @Test func badSettingsFailAtSetUp() {
        let loader = Loader()
        for settings in [
            CachingKeyProvider.Settings(cacheDuration: .zero), .init(failureCacheDuration: .seconds(-1)),
            .init(fetchBudget: 0), .init(maximumSources: 0),
        ] {
            #expect(throws: WebhookError.self) { try Self.provider(loader, clock: ManualClock(), settings: settings) }
        }
    }
}
