import Benchmark
import BenchmarkFixtures
import BenchmarkSupport
import Foundation
@_spi(Benchmarking) import WebhookKit

// Events: decoding alone, verify-and-decode, registry lookup, and the harness's own cost.
//
// WebhookJSON, HMACAuthenticator, Hex, JWTVerifier and JWTSigner are `package`: the benchmarks below reach them
// through the SPI wrappers of `WebhookBenchmarking` (Sources/WebhookKit/BenchmarkingEntryPoints.swift), which only
// forward. The registry lookup is public API.
//
// Decoding alone: the 759-byte Confluence page_updated event into a Codable model. The peer is what a server
// without WebhookKit does: Foundation's JSONDecoder into a plain struct. The goal for the full path
// ("verify and decode a signed Confluence page event at >= 0.9x of decoding alone") needs the Confluence verifier
// and decoder; until they exist, two proxies built from WebhookCrypto and WebhookCore stand in for information.

let benchmarks: @Sendable () -> Void = {
    decodingBenchmarks()
    verifyAndDecodeProxyBenchmarks()
    registryBenchmarks()
    harnessBenchmark()
}

func decodingBenchmarks() {
    let body = BenchmarkInputs.confluencePageUpdated
    let data = Data(body)
    _ = try! JSONDecoder().decode(PlainConfluencePageEvent.self, from: data)

    Benchmark(
        "Confluence page event decode/JSONDecoder",
        configuration: BenchmarkSettings.configuration()
    ) { benchmark in
        try benchmark.measure(operations: 20, bytesPerOp: body.count) {
            blackHole(try JSONDecoder().decode(PlainConfluencePageEvent.self, from: data))
        }
    }

    // WebhookCore's decoding entry point (raw bytes in, object check, then the same JSONDecoder) on the same plain
    // model: what WebhookJSON adds on top of JSONDecoder.
    Benchmark(
        "Confluence page event decode, WebhookJSON/info",
        configuration: BenchmarkSettings.configuration()
    ) { benchmark in
        try benchmark.measure(operations: 20, bytesPerOp: body.count) {
            blackHole(
                try WebhookBenchmarking.decodeJSON(PlainConfluencePageEvent.self, from: body, vendor: .confluence)
            )
        }
    }
}

/// Stand-ins for the Confluence full path until `ConfluenceWebhooks` has its verifier and decoder: the signature
/// check of each Confluence mode done with WebhookCrypto, then `WebhookJSON.decode` into the plain model.
func verifyAndDecodeProxyBenchmarks() {
    let body = BenchmarkInputs.confluencePageUpdated

    // HMAC mode: `X-Hub-Signature: sha256=<hex>` over the raw body.
    let authenticator = WebhookBenchmarking.HMACSHA256(secret: WebhookSecret(utf8: BenchmarkInputs.hmacSecret))
    let signatureHeader = "sha256=" + WebhookBenchmarking.hexEncode(authenticator.authenticationCode(for: body))
    let request = WebhookRequest(
        target: "/webhooks/confluence/page_updated",
        headers: ["Content-Type": "application/json", "X-Hub-Signature": signatureHeader],
        body: body
    )

    Benchmark(
        "Confluence page event HMAC verify + decode (proxy)/info",
        configuration: BenchmarkSettings.configuration()
    ) { benchmark in
        try benchmark.measure(operations: 20, bytesPerOp: body.count) {
            guard let header = request.headers["x-hub-signature"], header.hasPrefix("sha256="),
                let mac = try? WebhookBenchmarking.hexDecode(header.dropFirst(7)),
                authenticator.isValid(mac, for: request.body)
            else { fatalError("the proxy request must verify") }
            blackHole(
                try WebhookBenchmarking.decodeJSON(PlainConfluencePageEvent.self, from: request.body, vendor: .confluence)
            )
        }
    }

    // Connect mode: `Authorization: JWT <HS256 token>` with `exp` required (the qsh comparison is left out).
    let sharedSecret = WebhookSecret(utf8: BenchmarkInputs.jwtSharedSecret)
    let token = try! WebhookBenchmarking.signedToken(
        payload: BenchmarkInputs.jwtClaims(),
        secret: sharedSecret,
        algorithm: .hs256,
        keyID: BenchmarkInputs.jwtKeyID
    )
    let verifier = try! WebhookBenchmarking.JWT(
        secret: sharedSecret,
        algorithm: .hs256,
        keyID: BenchmarkInputs.jwtKeyID,
        clock: { Date().timeIntervalSince1970 }
    )
    let connectRequest = WebhookRequest(
        target: "/webhooks/confluence/page_updated",
        headers: ["Content-Type": "application/json", "Authorization": "JWT " + token],
        body: body
    )

    Benchmark(
        "Confluence page event JWT verify + decode (proxy)/info",
        configuration: BenchmarkSettings.configuration()
    ) { benchmark in
        try benchmark.measure(operations: 20, bytesPerOp: body.count) {
            guard let authorization = connectRequest.headers["authorization"], authorization.hasPrefix("JWT ") else {
                fatalError("the proxy request must carry a token")
            }
            blackHole(try verifier.verify(String(authorization.dropFirst(4))))
            blackHole(
                try WebhookBenchmarking.decodeJSON(
                    PlainConfluencePageEvent.self,
                    from: connectRequest.body,
                    vendor: .confluence
                )
            )
        }
    }
}

/// Registry lookup: one known name per vendor and one unknown name, per operation (so 5 lookups).
func registryBenchmarks() {
    let probes: [(WebhookVendor, String)] = [
        (.hipChat, "room_message"), (.confluence, "page_updated"), (.rService, "request.update"),
        (.apiTree, "api.created"), (.confluence, "no_such_event"),
    ]
    Benchmark(
        "Registry lookup, 5 names/WebhookKit",
        configuration: BenchmarkSettings.configuration()
    ) { benchmark in
        benchmark.measure(operations: 2000, bytesPerOp: 0) {
            for (vendor, name) in probes {
                blackHole(EventRegistry.descriptor(vendor: vendor, name: name))
            }
        }
    }
}

/// The harness's own cost per sample (time and mallocs of an empty sample), to judge the figures above.
func harnessBenchmark() {
    Benchmark(
        "Harness, empty sample/info",
        configuration: BenchmarkSettings.configuration()
    ) { benchmark in
        benchmark.measure(bytesPerOp: 0, opsPerSample: 1) {
            blackHole(benchmark)
        }
    }
}
