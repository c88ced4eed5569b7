import Benchmark
import BenchmarkFixtures
import BenchmarkSupport
import Crypto

/// The peer: swift-crypto 4 (BoringSSL), as a server without WebhookKit would verify an `X-Hub-Signature`.
func swiftCryptoBenchmarks() {
    let key = SymmetricKey(data: Array(BenchmarkInputs.hmacSecret.utf8))

    for (label, count) in BenchmarkInputs.hmacBodySizes {
        let body = BenchmarkInputs.body(count: count)
        let mac = Array(HMAC<SHA256>.authenticationCode(for: body, using: key))
        precondition(HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: body, using: key))

        Benchmark(
            "HMAC-SHA256 verify \(label)/swift-crypto",
            configuration: BenchmarkSettings.configuration()
        ) { benchmark in
            benchmark.measure(operations: operations(forBodySize: count), bytesPerOp: count) {
                blackHole(HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: body, using: key))
            }
        }
    }
}

/// Scaling, for information: the same verifications of a 1 KiB body from one task, then from two concurrent tasks.
func swiftCryptoScalingBenchmarks() {
    let key = SymmetricKey(data: Array(BenchmarkInputs.hmacSecret.utf8))
    let body = BenchmarkInputs.body(count: 1024)
    let mac = Array(HMAC<SHA256>.authenticationCode(for: body, using: key))

    for tasks in [1, 2] {
        Benchmark(
            "HMAC-SHA256 verify 1 KiB, \(scalingOperations) from \(tasks) task\(tasks == 1 ? "" : "s")/swift-crypto",
            configuration: BenchmarkSettings.configuration()
        ) { benchmark in
            let perTask = scalingOperations / tasks
            await benchmark.measure(bytesPerOp: 1024, opsPerSample: scalingOperations) {
                await withTaskGroup(of: Void.self) { group in
                    for task in 0..<tasks {
                        group.addTask(executorPreference: scalingExecutors[task]) {
                            for _ in 0..<perTask {
                                blackHole(HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: body, using: key))
                            }
                        }
                    }
                }
            }
        }
    }
}
