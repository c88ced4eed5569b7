import Benchmark
import BenchmarkFixtures
import Foundation
import JWTKit

/// The claims a jwt-kit user would declare for a Confluence Connect webhook token, checking `exp` only.
struct ConnectClaims: JWTPayload {
    var iss: IssuerClaim
    var sub: SubjectClaim
    var iat: IssuedAtClaim
    var exp: ExpirationClaim
    var qsh: String

    func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
    }
}

/// The peer: jwt-kit 5.8 (`JWTKeyCollection`, an actor, verifying on swift-crypto).
func jwtKitBenchmarks(_ tokens: BenchmarkTokens) {
    let kid = JWKIdentifier(string: BenchmarkInputs.jwtKeyID)
    let rsaKey = try! Insecure.RSA.PublicKey(pem: tokens.rsaPublicKeyPEM)
    let ecKey = try! ES256PublicKey(pem: tokens.ecPublicKeyPEM)

    @Sendable func makeKeys(_ algorithm: BenchmarkTokens.Algorithm) async -> JWTKeyCollection {
        let keys = JWTKeyCollection()
        switch algorithm {
        case .hs256:
            await keys.add(hmac: HMACKey(from: BenchmarkInputs.jwtSharedSecret), digestAlgorithm: .sha256, kid: kid)
        case .rs256:
            await keys.add(rsa: rsaKey, digestAlgorithm: .sha256, kid: kid)
        case .es256:
            await keys.add(ecdsa: ecKey, kid: kid)
        }
        return keys
    }

    for algorithm in BenchmarkTokens.Algorithm.allCases {
        let token = tokens.token(algorithm)
        Benchmark(
            "JWT \(algorithm.rawValue) verify with exp/jwt-kit",
            configuration: BenchmarkSettings.configuration(scalingFactor: .one)
        ) { benchmark in
            let keys = await makeKeys(algorithm)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(try await keys.verify(token, as: ConnectClaims.self))
            }
            benchmark.stopMeasurement()
            benchmark.recordShape(opsPerSample: benchmark.scaledIterations.count, bytesPerOp: token.utf8.count)
        }
    }

    // Scaling, for information: the same 200 verifications from one task, then from two concurrent tasks
    // (100 each) sharing one key collection.
    let hs256 = tokens.hs256
    for tasks in [1, 2] {
        Benchmark(
            "JWT HS256 verify, 200 from \(tasks) task\(tasks == 1 ? "" : "s")/jwt-kit",
            configuration: BenchmarkSettings.configuration(scalingFactor: .one)
        ) { benchmark in
            let keys = await makeKeys(.hs256)
            let perTask = 200 / tasks
            benchmark.startMeasurement()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<tasks {
                    group.addTask {
                        for _ in 0..<perTask {
                            blackHole(try await keys.verify(hs256, as: ConnectClaims.self))
                        }
                    }
                }
                try await group.waitForAll()
            }
            benchmark.stopMeasurement()
            benchmark.recordShape(opsPerSample: 200, bytesPerOp: hs256.utf8.count)
        }
    }
}
