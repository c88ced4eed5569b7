import Foundation
import Logging
import Testing
import WebhookCore
import WebhookRegistry

/// A verifier for the lifecycle tests: authentic when `x-sig: ok`, the body is the event, `x-key` the delivery key.
struct HeaderVerifier: WebhookVerifier {
    var vendor: WebhookVendor { .apiTree }
    var limits = WebhookLimits(maximumBodySize: 64)
    var minimumDeliveryRetention: Duration = .zero

    func verify(_ request: WebhookRequest, eventName: String?) async throws(WebhookError) -> VerifiedWebhook<String> {
        guard request.headers["x-sig"] == "ok" else {
            throw WebhookError(.signatureMismatch, "the signature does not match", vendor: .apiTree)
        }
        if request.headers["x-decode"] == "fail" {
            throw WebhookError(.invalidPayload, "event.id: expected a string", vendor: .apiTree)
        }
        if let bad = request.headers["x-bad-alg"] {
            throw WebhookError(.unsupportedAlgorithm, "alg \(bad) is not accepted", vendor: .apiTree)
        }
        return VerifiedWebhook(
            vendor: .apiTree,
            eventName: "test.event",
            event: String(decoding: request.body, as: UTF8.self),
            body: request.body,
            deliveryKey: request.headers["x-key"]
        )
    }
}

/// A ledger that fails on demand, wrapping an in-memory one; counts completions.
final class SwitchableLedger: DeliveryLedger {
    let inner: InMemoryDeliveryLedger
    let down = LockedValue(false)
    let completions = Counter()

    init(clock: ManualClock = ManualClock()) {
        inner = InMemoryDeliveryLedger(clock: { clock.read() })
    }

    private func check() throws(WebhookError) {
        if down.withLock({ $0 }) { throw WebhookError(.ledgerUnavailable, "connection refused") }
    }

    func claim(_ key: String, claimTimeout: Duration) async throws(WebhookError) -> DeliveryClaimResult {
        try check()
        return try await inner.claim(key, claimTimeout: claimTimeout)
    }

    func complete(_ claim: DeliveryClaim, retention: Duration) async throws(WebhookError) {
        try check()
        completions.increment()
        try await inner.complete(claim, retention: retention)
    }

    func release(_ claim: DeliveryClaim) async throws(WebhookError) {
        try check()
        try await inner.release(claim)
    }
}

struct HandlerFailure: Error {}

/// A thread-safe count of handler calls.
final class Counter: Sendable {
    private let count = LockedValue(0)
    func increment() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}

/// What the endpoint logged.
final class LogLines: Sendable {
    let lines = LockedValue<[WebhookLogLine]>([])
    func append(_ line: WebhookLogLine) { lines.withLock { $0.append(line) } }
    var all: [WebhookLogLine] { lines.withLock { $0 } }
}

@Suite("WebhookEndpoint: verification answers and the delivery lifecycle")
struct WebhookEndpointTests {
    static func request(key: String? = "d-1", sig: String = "ok", extra: [(String, String)] = []) -> WebhookRequest {
        var headers = WebhookHeaders([("x-sig", sig)] + extra)
        if let key { headers.add(name: "x-key", value: key) }
        return WebhookRequest(target: "/hooks", headers: headers, body: Array("hello".utf8))
    }

    /// Runs one request; the handler answers `status` or throws when `status` is nil.
    static func run(
        _ endpoint: WebhookEndpoint<HeaderVerifier>,
        _ request: WebhookRequest,
        handlerStatus: Int?,
        calls: Counter,
        logs: LogLines = LogLines()
    ) async -> (status: Int, retryAfter: Int?, threw: Bool) {
        do {
            let result = try await endpoint.run(
                request,
                log: { logs.append($0) },
                handler: { _ -> Int in
                    calls.increment()
                    guard let handlerStatus else { throw HandlerFailure() }
                    return handlerStatus
                },
                status: { $0 }
            )
            switch result {
            case .handled(let status): return (status, nil, false)
            case .answered(let answer): return (answer.status, answer.retryAfterSeconds, false)
            }
        } catch {
            return (0, nil, true)
        }
    }

    @Test func notAuthenticGets401AndTheReasonOnlyInTheLog() async {
        let logs = LogLines()
        let endpoint = WebhookEndpoint(verifier: HeaderVerifier(), options: .init())
        let calls = Counter()
        let outcome = await Self.run(
            endpoint,
            Self.request(sig: "forged"),
            handlerStatus: 200,
            calls: calls,
            logs: logs
        )
        #expect(outcome.status == 401)
        #expect(calls.value == 0)
        let line = logs.all.first
        #expect(line?.level == .info)
        #expect(line?.metadata.contains { $0.0 == "webhook.code" && $0.1 == "signature_mismatch" } == true)
    }

    @Test func rejectionsLogAtTheConfiguredLevelAndNeverAboveWarning() async {
        let logs = LogLines()
        let endpoint = WebhookEndpoint(verifier: HeaderVerifier(), options: .init(rejectionLogLevel: .debug))
        let calls = Counter()
        _ = await Self.run(endpoint, Self.request(sig: "forged"), handlerStatus: 200, calls: calls, logs: logs)
        _ = await Self.run(
            endpoint,
            Self.request(extra: [("x-decode", "fail")]),
            handlerStatus: 200,
            calls: calls,
            logs: logs
        )
        #expect(logs.all.map(\.level) == [.debug, .debug])
    }

    @Test func controlCharactersInReasonsAreEscapedInTheLog() async {
        let logs = LogLines()
        let endpoint = WebhookEndpoint(verifier: HeaderVerifier(), options: .init())
        let calls = Counter()
        let request = Self.request(extra: [("x-bad-alg", "HS256\r\nX-Injected: 1\u{1B}[31m")])
        let outcome = await Self.run(endpoint, request, handlerStatus: 200, calls: calls, logs: logs)
        #expect(outcome.status == 401)
        let message = logs.all.first?.message ?? ""
        #expect(!message.contains("\r") && !message.contains("\n") && !message.contains("\u{1B}"))
        #expect(message.contains("\\u{d}\\u{a}X-Injected"))
    }

    @Test func undecodableGets400Or202() async {
        let calls = Counter()
        for (policy, status): (WebhookDecodingFailurePolicy, Int) in [(.reject, 400), (.acceptAndLog, 202)] {
            let endpoint = WebhookEndpoint(verifier: HeaderVerifier(), options: .init(decodingFailure: policy))
            let outcome = await Self.run(
                endpoint,
                Self.request(extra: [("x-decode", "fail")]),
                handlerStatus: 200,
                calls: calls
            )
            #expect(outcome.status == status)
        }
        #expect(calls.value == 0)
    }

    @Test func theBodyLimitIsTheVerifiers() {
        let endpoint = WebhookEndpoint(verifier: HeaderVerifier(), options: .init())
        #expect(endpoint.bodyLimit == 64)
        #expect(endpoint.declaredLengthExceeds("65"))
        #expect(endpoint.declaredLengthExceeds(" 65\t"))
        #expect(!endpoint.declaredLengthExceeds("64"))
        #expect(!endpoint.declaredLengthExceeds("not a number"))
        #expect(endpoint.bodyTooLarge(log: { _ in }).status == 413)
    }

    @Test func aDuplicateOfAProcessedDeliveryIsAcknowledgedWithoutTheHandler() async {
        let calls = Counter()
        let ledger = SwitchableLedger()
        let endpoint = WebhookEndpoint(verifier: HeaderVerifier(), options: .init(ledger: ledger))
        #expect(await Self.run(endpoint, Self.request(), handlerStatus: 204, calls: calls).status == 204)
        #expect(await Self.run(endpoint, Self.request(), handlerStatus: 204, calls: calls).status == 200)
        let rejecting = WebhookEndpoint(verifier: HeaderVerifier(), options: .init(ledger: ledger, duplicate: .reject))
        #expect(await Self.run(rejecting, Self.request(), handlerStatus: 204, calls: calls).status == 409)
        #expect(calls.value == 1)
        #expect(ledger.completions.value == 1)
    }

    @Test func aThrowingHandlerReleasesTheClaimSoTheRetryIsProcessed() async {
        let calls = Counter()
        let ledger = SwitchableLedger()
        let endpoint = WebhookEndpoint(verifier: HeaderVerifier(), options: .init(ledger: ledger))
        let failed = await Self.run(endpoint, Self.request(), handlerStatus: nil, calls: calls)
        #expect(failed.threw)
        let retry = await Self.run(endpoint, Self.request(), handlerStatus: 200, calls: calls)
        #expect(retry.status == 200)
        #expect(await Self.run(endpoint, Self.request(), handlerStatus: 200, calls: calls).status == 200)
        #expect(calls.value == 2)
        #expect(ledger.completions.value == 1)
    }

    @Test(arguments: [500, 503, 404])
    func aHandlerAnsweringOtherThan2xxReleasesTheClaim(status: Int) async {
        let calls = Counter()
        let ledger = SwitchableLedger()
        let endpoint = WebhookEndpoint(verifier: HeaderVerifier(), options: .init(ledger: ledger))
        #expect(await Self.run(endpoint, Self.request(), handlerStatus: status, calls: calls).status == status)
        #expect(await Self.run(endpoint, Self.request(), handlerStatus: 200, calls: calls).status == 200)
        #expect(calls.value == 2)
        #expect(ledger.completions.value == 1)
    }

    @Test func aCopyWhileTheFirstIsInProgressGets409Or503WithRetryAfter() async throws {
        let ledger = SwitchableLedger()
        _ = try await ledger.claim("d-1", claimTimeout: .seconds(60))
        let calls = Counter()
        for (policy, status): (WebhookInProgressPolicy, Int) in [(.conflict, 409), (.serviceUnavailable, 503)] {
            let endpoint = WebhookEndpoint(
                verifier: HeaderVerifier(),
                options: .init(ledger: ledger, inProgress: policy, retryAfter: .seconds(7))
            )
            let outcome = await Self.run(endpoint, Self.request(), handlerStatus: 200, calls: calls)
            #expect(outcome.status == status)
            #expect(outcome.retryAfter == 7)
        }
        #expect(calls.value == 0)
    }

    @Test func aLedgerOutageFailsClosedWith503AndMarksNothing() async {
        let calls = Counter()
        let logs = LogLines()
        let ledger = SwitchableLedger()
        ledger.down.withLock { $0 = true }
        let endpoint = WebhookEndpoint(verifier: HeaderVerifier(), options: .init(ledger: ledger))
        let outcome = await Self.run(endpoint, Self.request(), handlerStatus: 200, calls: calls, logs: logs)
        #expect(outcome.status == 503)
        #expect(outcome.retryAfter == 30)
        #expect(calls.value == 0)
        #expect(logs.all.map(\.level) == [.warning])
        // After the outage, the vendor's retry is processed.
        ledger.down.withLock { $0 = false }
        #expect(await Self.run(endpoint, Self.request(), handlerStatus: 200, calls: calls).status == 200)
        #expect(calls.value == 1)
    }

    @Test func aLedgerOutageCanFailOpenAndSaysSoInTheLog() async {
        let calls = Counter()
        let logs = LogLines()
        let ledger = SwitchableLedger()
        ledger.down.withLock { $0 = true }
        let endpoint = WebhookEndpoint(
            verifier: HeaderVerifier(),
            options: .init(ledger: ledger, ledgerFailure: .failOpen)
        )
        #expect(await Self.run(endpoint, Self.request(), handlerStatus: 200, calls: calls, logs: logs).status == 200)
        #expect(calls.value == 1)
        let line = logs.all.first
        #expect(line?.level == .warning)
        #expect(line?.message.contains("may be processed twice") == true)
    }

    @Test func aDeliveryWithoutAKeyIsProcessedEveryTime() async {
        let calls = Counter()
        let endpoint = WebhookEndpoint(verifier: HeaderVerifier(), options: .init())
        for _ in 0..<3 {
            #expect(await Self.run(endpoint, Self.request(key: nil), handlerStatus: 200, calls: calls).status == 200)
        }
        #expect(calls.value == 3)
    }

    @Test func aCrashedClaimIsProcessedAgainAfterTheClaimTimeout() async {
        let clock = ManualClock()
        let ledger = SwitchableLedger(clock: clock)
        let calls = Counter()
        let endpoint = WebhookEndpoint(
            verifier: HeaderVerifier(),
            options: .init(ledger: ledger, claimTimeout: .seconds(60))
        )
        // The process "dies" holding the claim: nothing completes or releases it.
        _ = try? await ledger.claim("d-1", claimTimeout: .seconds(60))
        #expect(await Self.run(endpoint, Self.request(), handlerStatus: 200, calls: calls).status == 409)
        clock.advance(61)
        #expect(await Self.run(endpoint, Self.request(), handlerStatus: 200, calls: calls).status == 200)
        #expect(calls.value == 1)
    }

    @Test func completedKeysAreKeptAtLeastAsLongAsTheVerifierRequires() async {
        let clock = ManualClock()
        let ledger = SwitchableLedger(clock: clock)
        let calls = Counter()
        var verifier = HeaderVerifier()
        verifier.minimumDeliveryRetention = .seconds(600)
        let endpoint = WebhookEndpoint(verifier: verifier, options: .init(ledger: ledger, retention: .seconds(10)))
        #expect(await Self.run(endpoint, Self.request(), handlerStatus: 200, calls: calls).status == 200)
        clock.advance(300)
        #expect(await Self.run(endpoint, Self.request(), handlerStatus: 200, calls: calls).status == 200)
        #expect(calls.value == 1)
        clock.advance(301)
        #expect(await Self.run(endpoint, Self.request(), handlerStatus: 200, calls: calls).status == 200)
        #expect(calls.value == 2)
    }

    @Test func fiftyConcurrentCopiesRunTheHandlerOnce() async {
        let calls = Counter()
        let endpoint = WebhookEndpoint(verifier: HeaderVerifier(), options: .init())
        let statuses = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<50 {
                group.addTask {
                    await Self.run(endpoint, Self.request(), handlerStatus: 200, calls: calls).status
                }
            }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(calls.value == 1)
        #expect(statuses.filter { $0 == 200 }.count + statuses.filter { $0 == 409 }.count == 50)
    }

    @Test func drainingRefusesNewDeliveriesWith503AndWaitsForThoseInFlight() async throws {
        let drain = WebhookDrain()
        let endpoint = WebhookEndpoint(verifier: HeaderVerifier(), options: .init(drain: drain))
        let started = AsyncStream<Void>.makeStream()
        let release = AsyncStream<Void>.makeStream()
        let inFlight = Task {
            try await endpoint.run(
                Self.request(key: "slow"),
                log: { _ in },
                handler: { _ -> Int in
                    started.continuation.yield()
                    for await _ in release.stream { break }
                    return 200
                },
                status: { $0 }
            )
        }
        for await _ in started.stream { break }
        drain.beginDraining()
        let calls = Counter()
        let refused = await Self.run(endpoint, Self.request(key: "new"), handlerStatus: 200, calls: calls)
        #expect(refused.status == 503)
        #expect(refused.retryAfter != nil)
        #expect(calls.value == 0)
        #expect(drain.inFlight == 1)
        let waiter = Task { await drain.drained() }
        release.continuation.yield()
        guard case .handled(200) = try await inFlight.value else {
            Issue.record("the delivery in flight finishes")
            return
        }
        await waiter.value
        #expect(drain.inFlight == 0)
    }

    @Test func isAuthenticationFailureIsTrueForNotAuthenticOnly() {
        #expect(WebhookError(.signatureMismatch, "").isAuthenticationFailure)
        #expect(WebhookError(.expired, "").isAuthenticationFailure)
        #expect(!WebhookError(.bodyTooLarge, "").isAuthenticationFailure)
        #expect(!WebhookError(.invalidPayload, "").isAuthenticationFailure)
        #expect(!WebhookError(.invalidConfiguration, "").isAuthenticationFailure)
        #expect(!WebhookError(.ledgerUnavailable, "").isAuthenticationFailure)
        #expect(WebhookError(.ledgerUnavailable, "").category == .unavailable)
    }
}

@Suite("WebhookError reasons never carry raw control characters (F8)")
struct WebhookErrorReasonTests {
    @Test(arguments: ["HS256\r\nX-Injected: 1", "a\u{1B}[31mred", "tab\there", "line\u{2028}separator", "del\u{7F}"])
    func controlCharactersAreEscaped(raw: String) {
        let error = WebhookError(.unsupportedAlgorithm, "alg \(raw) is not accepted")
        #expect(!error.reason.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{2028}" })
        #expect(error.reason.contains("\\u{"))
        #expect(error.description.hasPrefix("unsupported_algorithm: alg "))
    }

    @Test func plainReasonsAreKeptAsTheyAre() {
        #expect(WebhookError(.expired, "token expired 5 s ago (é)").reason == "token expired 5 s ago (é)")
    }
}
