import Benchmark
import BenchmarkFixtures
import BenchmarkSupport
import JWTKit

/// The peer: jwt-kit 5.8 (`JWTKeyCollection`, an actor, verifying with swift-crypto), decoding the claims into
/// ``ConnectClaims`` and checking `exp`.
func jwtKitBenchmarks(_ tokens: BenchmarkTokens) {
    @Sendable func makeKeys(_ algorithm: BenchmarkTokens.Algorithm) async -> JWTKeyCollection {
        await makeJWTKitKeys(algorithm, tokens)
    }

    for algorithm in BenchmarkTokens.Algorithm.allCases {
        let token = tokens.token(algorithm)
        Benchmark(
            "JWT \(algorithm.rawValue) verify with exp/jwt-kit",
            configuration: BenchmarkSettings.configuration()
        ) { benchmark in
            let keys = await makeKeys(algorithm)
            _ = try await keys.verify(token, as: ConnectClaims.self)
            benchmark.startMeasurement()
            try await benchmark.measure(operations: operations(for: algorithm), bytesPerOp: token.utf8.count) {
                blackHole(try await keys.verify(token, as: ConnectClaims.self))
            }
        }
    }

    // Scaling, for information: the same HS256 verifications from one task, then from two concurrent tasks sharing
    // one key collection.
    let hs256 = tokens.hs256
    for tasks in [1, 2] {
        Benchmark(
            "JWT HS256 verify, \(scalingOperations) from \(tasks) task\(tasks == 1 ? "" : "s")/jwt-kit",
            configuration: BenchmarkSettings.configuration()
        ) { benchmark in
            let keys = await makeKeys(.hs256)
            let perTask = scalingOperations / tasks
            benchmark.startMeasurement()
            try await benchmark.measure(bytesPerOp: hs256.utf8.count, opsPerSample: scalingOperations) {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for task in 0..<tasks {
                        group.addTask(executorPreference: scalingExecutors[task]) {
                            for _ in 0..<perTask {
                                blackHole(try await keys.verify(hs256, as: ConnectClaims.self))
                            }
                        }
                    }
                    try await group.waitForAll()
                }
            }
        }
    }
}

/// The peer's key collection for one algorithm, with the same keys and `kid` as ours.
func makeJWTKitKeys(_ algorithm: BenchmarkTokens.Algorithm, _ tokens: BenchmarkTokens) async -> JWTKeyCollection {
    let kid = JWKIdentifier(string: BenchmarkInputs.jwtKeyID)
    let keys = JWTKeyCollection()
    switch algorithm {
    case .hs256:
        await keys.add(hmac: HMACKey(from: BenchmarkInputs.jwtSharedSecret), digestAlgorithm: .sha256, kid: kid)
    case .rs256:
        await keys.add(rsa: try! Insecure.RSA.PublicKey(pem: tokens.rsaPublicKeyPEM), digestAlgorithm: .sha256, kid: kid)
    case .es256:
        await keys.add(ecdsa: try! ES256PublicKey(pem: tokens.ecPublicKeyPEM), kid: kid)
    }
    return keys
}
