import Benchmark
import BenchmarkFixtures
import BenchmarkSupport
import Foundation
@_spi(Benchmarking) import WebhookKit

/// Ours: WebhookCrypto's `JWTVerifier` with `exp` required (default 60 s leeway), one key per verifier as on the
/// peer's side, on the very same token strings. It returns the registered claims (`iss`, `sub`, `iat`, `exp`) and
/// the raw payload bytes; the peer also decodes `qsh` into its model. `JWTVerifier` is `package`, so it is reached
/// through the SPI wrapper `WebhookBenchmarking.JWT` (Sources/WebhookKit/BenchmarkingEntryPoints.swift), which
/// only forwards.
func webhookKitBenchmarks(_ tokens: BenchmarkTokens) {
    func makeVerifier(_ algorithm: BenchmarkTokens.Algorithm) -> WebhookBenchmarking.JWT {
        makeWebhookKitVerifier(algorithm, tokens)
    }

    for algorithm in BenchmarkTokens.Algorithm.allCases {
        let token = tokens.token(algorithm)
        let verifier = makeVerifier(algorithm)
        Benchmark(
            "JWT \(algorithm.rawValue) verify with exp/WebhookKit",
            configuration: BenchmarkSettings.configuration()
        ) { benchmark in
            try benchmark.measure(operations: operations(for: algorithm), bytesPerOp: token.utf8.count) {
                blackHole(try verifier.verify(token))
            }
        }
    }

    // Scaling: the same HS256 verifications from one task, then from two concurrent tasks sharing one verifier.
    // Goal: two tasks >= 1.8x the ops/s of one.
    let hs256 = tokens.hs256
    let verifier = makeVerifier(.hs256)
    for tasks in [1, 2] {
        Benchmark(
            "JWT HS256 verify, \(scalingOperations) from \(tasks) task\(tasks == 1 ? "" : "s")/WebhookKit",
            configuration: BenchmarkSettings.configuration()
        ) { benchmark in
            let perTask = scalingOperations / tasks
            try await benchmark.measure(bytesPerOp: hs256.utf8.count, opsPerSample: scalingOperations) {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for task in 0..<tasks {
                        group.addTask(executorPreference: scalingExecutors[task]) {
                            for _ in 0..<perTask {
                                blackHole(try verifier.verify(hs256))
                            }
                        }
                    }
                    try await group.waitForAll()
                }
            }
        }
    }
}

/// Our verifier for one algorithm: one key, `exp` required (default 60 s leeway), checked at the system clock read
/// per verification, as the verifier's default clock does and as jwt-kit's `verifyNotExpired()` does.
func makeWebhookKitVerifier(
    _ algorithm: BenchmarkTokens.Algorithm,
    _ tokens: BenchmarkTokens
) -> WebhookBenchmarking.JWT {
    let kid = BenchmarkInputs.jwtKeyID
    let clock: @Sendable () -> Double = { Date().timeIntervalSince1970 }
    let verifier: WebhookBenchmarking.JWT
    switch algorithm {
    case .hs256:
        let secret = WebhookSecret(utf8: BenchmarkInputs.jwtSharedSecret)
        verifier = try! WebhookBenchmarking.JWT(secret: secret, algorithm: .hs256, keyID: kid, clock: clock)
    case .rs256:
        let key = try! WebhookPublicKey(pem: tokens.rsaPublicKeyPEM)
        verifier = try! WebhookBenchmarking.JWT(publicKey: key, algorithm: .rs256, keyID: kid, clock: clock)
    case .es256:
        let key = try! WebhookPublicKey(pem: tokens.ecPublicKeyPEM)
        verifier = try! WebhookBenchmarking.JWT(publicKey: key, algorithm: .es256, keyID: kid, clock: clock)
    }
    precondition((try? verifier.verify(tokens.token(algorithm))) != nil, "\(algorithm) token must verify")
    return verifier
}
