import Benchmark
import BenchmarkFixtures
import BenchmarkSupport

// HMAC-SHA256 verification of a webhook body: WebhookKit's HMACAuthenticator against swift-crypto's
// `HMAC<SHA256>.isValidAuthenticationCode`, at 1 KiB, 64 KiB and 1 MiB, plus the two-tasks scaling benchmark.
//
// Names: "<what>/<who>", where <who> is "WebhookKit" for ours and the peer's name otherwise; report.py pairs them.

let benchmarks: @Sendable () -> Void = {
    swiftCryptoBenchmarks()
    swiftCryptoScalingBenchmarks()
    webhookKitBenchmarks()
}

/// Verifications per sample: about 0.2 ms of the slower side's work (see `BenchmarkSettings.configuration()`).
func operations(forBodySize count: Int) -> Int {
    switch count {
    case ...4096: 100
    case ...(256 * 1024): 5
    default: 1
    }
}

/// The scaling benchmarks: this many verifications of a 1 KiB body per sample, split over 1 or 2 tasks.
let scalingOperations = 4000
