import Foundation
import MetricsTestKit
import Testing
import WebhookCore
import WebhookCrypto

@Suite("Metrics: every outcome counted, verification timed, key fetches and ledger errors counted")
struct WebhookMetricsTests {
    typealias Calls = WebhookCoreTests.Counter

    static func deliveries(_ metrics: TestMetrics, outcome: String, code: String = "none", event: String = "none")
        throws -> Int64
    {
        let counter = try metrics.expectCounter(
            "webhookkit_deliveries_total",
            [("vendor", "apitree"), ("event", event), ("outcome", outcome), ("code", code)]
        )
        return counter.totalValue
    }

    @Test("verified, duplicate, rejected and undecodable deliveries, each under its own dimensions")
    func outcomes() async throws {
        let metrics = TestMetrics()
        let endpoint = WebhookEndpoint(verifier: HeaderVerifier(), options: .init(metrics: metrics))
        let calls = Calls()
        _ = await WebhookEndpointTests.run(endpoint, WebhookEndpointTests.request(), handlerStatus: 200, calls: calls)
        _ = await WebhookEndpointTests.run(endpoint, WebhookEndpointTests.request(), handlerStatus: 200, calls: calls)
        _ = await WebhookEndpointTests.run(
            endpoint,
            WebhookEndpointTests.request(sig: "forged"),
            handlerStatus: 200,
            calls: calls
        )
        _ = await WebhookEndpointTests.run(
            endpoint,
            WebhookEndpointTests.request(key: "d-2", extra: [("x-decode", "fail")]),
            handlerStatus: 200,
            calls: calls
        )
        #expect(calls.value == 1)
        #expect(try Self.deliveries(metrics, outcome: "verified", event: "test.event") == 1)
        #expect(try Self.deliveries(metrics, outcome: "duplicate", event: "test.event") == 1)
        #expect(try Self.deliveries(metrics, outcome: "rejected", code: "signature_mismatch") == 1)
        #expect(try Self.deliveries(metrics, outcome: "undecodable", code: "invalid_payload") == 1)
        let verified = try metrics.expectTimer(
            "webhookkit_verification_seconds",
            [("vendor", "apitree"), ("result", "verified")]
        )
        let failed = try metrics.expectTimer(
            "webhookkit_verification_seconds",
            [("vendor", "apitree"), ("result", "failed")]
        )
        #expect(verified.values.count == 2)
        #expect(failed.values.count == 2)
        #expect(verified.values.allSatisfy { $0 >= 0 })
    }

    @Test("a ledger outage: ledger_unavailable counted, and the failed operation")
    func ledgerOutage() async throws {
        let metrics = TestMetrics()
        let ledger = SwitchableLedger()
        ledger.down.withLock { $0 = true }
        let endpoint = WebhookEndpoint(verifier: HeaderVerifier(), options: .init(ledger: ledger, metrics: metrics))
        let calls = Calls()
        let outcome = await WebhookEndpointTests.run(
            endpoint,
            WebhookEndpointTests.request(),
            handlerStatus: 200,
            calls: calls
        )
        #expect(outcome.status == 503)
        #expect(calls.value == 0)
        #expect(
            try Self.deliveries(metrics, outcome: "ledger_unavailable", code: "ledger_unavailable", event: "test.event")
                == 1
        )
        #expect(try metrics.expectCounter("webhookkit_ledger_errors_total", [("operation", "claim")]).totalValue == 1)
    }

    @Test("an over-long or unprintable event name is the label other, never the sender's text")
    func eventLabelIsBounded() async throws {
        let metrics = TestMetrics()
        let endpoint = WebhookEndpoint(verifier: LongNameVerifier(), options: .init(ledger: nil, metrics: metrics))
        let result = try await endpoint.run(
            WebhookRequest(target: "/hooks", body: Array("x".utf8)),
            log: { _ in },
            handler: { _ in 200 },
            status: { $0 }
        )
        guard case .handled(200) = result else {
            Issue.record("not handled: \(result)")
            return
        }
        #expect(try Self.deliveries(metrics, outcome: "verified", event: "other") == 1)
    }

    @Test("key fetches: one count per fetch started, by result; cached answers are not fetches")
    func keyFetches() async throws {
        let metrics = TestMetrics()
        let provider = try CachingKeyProvider(clock: { 1_000 }, metrics: metrics) { issuer in
            guard issuer == "good" else { throw WebhookError(.keyFetchFailed, "404") }
            return JWTKeySet([])
        }
        _ = try await provider.keySet(forIssuer: "good")
        _ = try await provider.keySet(forIssuer: "good")  // cached
        _ = try? await provider.keySet(forIssuer: "bad")
        _ = try? await provider.keySet(forIssuer: "bad")  // remembered failure
        #expect(try metrics.expectCounter("webhookkit_key_fetches_total", [("result", "success")]).totalValue == 1)
        #expect(try metrics.expectCounter("webhookkit_key_fetches_total", [("result", "failure")]).totalValue == 1)
    }
}

/// Verifies everything, naming the event with 100 characters.
struct LongNameVerifier: WebhookVerifier {
    var vendor: WebhookVendor { .apiTree }
    var limits: WebhookLimits { WebhookLimits() }

    func verify(_ request: WebhookRequest, eventName: String?) async throws(WebhookError) -> VerifiedWebhook<String> {
        VerifiedWebhook(
            vendor: .apiTree,
            eventName: String(repeating: "e", count: 100),
            event: "",
            body: request.body,
            deliveryKey: nil
        )
    }
}
