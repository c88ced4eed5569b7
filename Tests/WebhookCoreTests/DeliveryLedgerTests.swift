import Foundation
import Testing
import WebhookCore

/// A clock the tests move by hand.
final class ManualClock: Sendable {
    private let now = LockedValue<Double>(1_700_000_000)
    func read() -> Double { now.withLock { $0 } }
    func advance(_ seconds: Double) { now.withLock { $0 += seconds } }
}

@Suite("InMemoryDeliveryLedger")
struct InMemoryDeliveryLedgerTests {
    @Test func claimCompleteAndReleaseFollowTheLifecycle() async throws {
        let clock = ManualClock()
        let ledger = InMemoryDeliveryLedger(clock: { clock.read() })
        guard case .claimed(let first) = try await ledger.claim("k", claimTimeout: .seconds(60)) else {
            Issue.record("a new key is claimed")
            return
        }
        #expect(
            try await ledger.claim("k", claimTimeout: .seconds(60))
                == .inProgress(since: Date(timeIntervalSince1970: clock.read()))
        )
        try await ledger.release(first)
        guard case .claimed(let second) = try await ledger.claim("k", claimTimeout: .seconds(60)) else {
            Issue.record("a released key is claimed again")
            return
        }
        #expect(second.owner != first.owner)
        try await ledger.complete(second, retention: .seconds(3600))
        #expect(try await ledger.claim("k", claimTimeout: .seconds(60)) == .completed)
        // Releasing after completion changes nothing.
        try await ledger.release(second)
        #expect(try await ledger.claim("k", claimTimeout: .seconds(60)) == .completed)
    }

    @Test func aClaimThatIsNeverFinishedExpiresAfterItsTimeout() async throws {
        let clock = ManualClock()
        let ledger = InMemoryDeliveryLedger(clock: { clock.read() })
        guard case .claimed(let crashed) = try await ledger.claim("k", claimTimeout: .seconds(30)) else {
            Issue.record("a new key is claimed")
            return
        }
        clock.advance(29)
        guard case .inProgress = try await ledger.claim("k", claimTimeout: .seconds(30)) else {
            Issue.record("the claim still holds before its timeout")
            return
        }
        clock.advance(2)
        guard case .claimed(let retry) = try await ledger.claim("k", claimTimeout: .seconds(30)) else {
            Issue.record("an expired claim is taken over")
            return
        }
        // The crashed owner's late release does not free the new owner's claim.
        try await ledger.release(crashed)
        guard case .inProgress = try await ledger.claim("k", claimTimeout: .seconds(30)) else {
            Issue.record("a stale owner cannot release another owner's claim")
            return
        }
        try await ledger.complete(retry, retention: .seconds(10))
        #expect(try await ledger.claim("k", claimTimeout: .seconds(30)) == .completed)
        clock.advance(11)
        guard case .claimed = try await ledger.claim("k", claimTimeout: .seconds(30)) else {
            Issue.record("a completed key is forgotten after its retention")
            return
        }
    }

    @Test func memoryStaysBoundedAndFreshKeysAreNeverRefused() async throws {
        let clock = ManualClock()
        let ledger = InMemoryDeliveryLedger(capacity: 100, clock: { clock.read() })
        for index in 0..<1_000 {
            guard case .claimed(let claim) = try await ledger.claim("key-\(index)", claimTimeout: .seconds(60)) else {
                Issue.record("fresh key \(index) refused")
                return
            }
            try await ledger.complete(claim, retention: .seconds(Double(1_000 + index)))
            #expect(ledger.count <= 100)
        }
        // The newest keys (furthest from expiry) are still known.
        #expect(try await ledger.claim("key-999", claimTimeout: .seconds(60)) == .completed)
        // Expired keys are dropped as time passes.
        clock.advance(10_000)
        guard case .claimed = try await ledger.claim("new", claimTimeout: .seconds(60)) else {
            Issue.record("a fresh key after expiry is claimed")
            return
        }
        #expect(ledger.count == 1)
    }

    @Test func concurrentClaimsOfOneKeyGiveOneOwner() async throws {
        let ledger = InMemoryDeliveryLedger()
        let results = await withTaskGroup(of: DeliveryClaimResult?.self) { group in
            for _ in 0..<50 {
                group.addTask { try? await ledger.claim("same", claimTimeout: .seconds(60)) }
            }
            return await group.reduce(into: [DeliveryClaimResult?]()) { $0.append($1) }
        }
        let claimed = results.filter { if case .claimed = $0 { true } else { false } }
        let inProgress = results.filter { if case .inProgress = $0 { true } else { false } }
        #expect(claimed.count == 1)
        #expect(inProgress.count == 49)
    }
}
