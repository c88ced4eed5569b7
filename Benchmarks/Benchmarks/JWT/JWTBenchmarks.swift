import Benchmark
import BenchmarkFixtures

// JWT verification with an `exp` check: WebhookKit's JWTVerifier against jwt-kit 5's `JWTKeyCollection.verify`,
// for HS256, RS256 (2048-bit) and ES256, on the very same token strings, plus the two-tasks scaling benchmark.
//
// Names: "<what>/<who>", where <who> is "WebhookKit" for ours and the peer's name otherwise; report.py pairs them.

let benchmarks: @Sendable () -> Void = {
    let tokens = BenchmarkTokens.make()
    jwtKitBenchmarks(tokens)
    webhookKitBenchmarks(tokens)
}
