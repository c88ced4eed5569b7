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

/// `.kilo` for the 1 KiB body (a verification takes about a microsecond), `.one` for the larger ones.
func scalingFactor(forBodySize count: Int) -> BenchmarkScalingFactor {
    count <= 4096 ? .kilo : .one
}

/// The scaling benchmarks: this many verifications of a 1 KiB body per sample, split over 1 or 2 tasks.
let scalingOperations = 4000
