import Benchmark
import BenchmarkFixtures
import BenchmarkSupport
import JWTKit
@_spi(Benchmarking) import WebhookKit

/// The JWT goals measured paired (see `BenchmarkSupport/Paired.swift`): ours and jwt-kit on the same token in each
/// sample, and the two-tasks scaling with one task and two in each sample. `report.py` takes the goals' figures
/// from these; the separate benchmarks give the absolute rates and mallocs.
func pairedBenchmarks(_ tokens: BenchmarkTokens) {
    for algorithm in BenchmarkTokens.Algorithm.allCases {
        let token = tokens.token(algorithm)
        let verifier = makeWebhookKitVerifier(algorithm, tokens)
        Benchmark(
            "JWT \(algorithm.rawValue) verify with exp, paired, WebhookKit over jwt-kit/info",
            configuration: BenchmarkSettings.pairedConfiguration()
        ) { benchmark in
            let keys = await makeJWTKitKeys(algorithm, tokens)
            _ = try await keys.verify(token, as: ConnectClaims.self)
            try await benchmark.measurePaired(
                firstOperations: operations(for: algorithm),
                secondOperations: operations(for: algorithm),
                first: { blackHole(try verifier.verify(token)) },
                second: { blackHole(try await keys.verify(token, as: ConnectClaims.self)) }
            )
        }
    }

    let hs256 = tokens.hs256
    let verifier = makeWebhookKitVerifier(.hs256, tokens)
    pairedScalingBenchmark(
        "JWT HS256 verify, \(scalingOperations), paired, 2 tasks over 1 task/info",
        operations: scalingOperations
    ) {
        blackHole(try verifier.verify(hs256))
    }
}
