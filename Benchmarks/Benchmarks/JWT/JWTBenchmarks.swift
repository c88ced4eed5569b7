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
}

/// `.kilo` for HS256 and RS256 (a few to a few tens of microseconds), `.one` for ES256.
func scalingFactor(for algorithm: BenchmarkTokens.Algorithm) -> BenchmarkScalingFactor {
    algorithm == .es256 ? .one : .kilo
}

/// The scaling benchmarks: this many HS256 verifications per sample, split over 1 or 2 tasks.
let scalingOperations = 400
