import Benchmark
import BenchmarkFixtures
import BenchmarkSupport

// JWT verification with an `exp` check: WebhookKit's JWTVerifier against jwt-kit 5's `JWTKeyCollection.verify`,
// for HS256, RS256 (2048-bit) and ES256, on the very same token strings, plus the two-tasks scaling benchmark.
//
// Names: "<what>/<who>", where <who> is "WebhookKit" for ours and the peer's name otherwise; report.py pairs them.

let benchmarks: @Sendable () -> Void = {
    let tokens = BenchmarkTokens.make()
    jwtKitBenchmarks(tokens)
    webhookKitBenchmarks(tokens)
    pairedBenchmarks(tokens)
}

/// Verifications per sample: about 0.2 to 0.3 ms of the slower side's work (see `BenchmarkSettings.configuration()`).
func operations(for algorithm: BenchmarkTokens.Algorithm) -> Int {
    switch algorithm {
    case .hs256: 20
    case .rs256: 8
    case .es256: 3
    }
}

/// The scaling benchmarks: this many HS256 verifications per sample, split over 1 or 2 tasks.
let scalingOperations = 2000
