import Benchmark
import BenchmarkFixtures
import BenchmarkSupport
@_spi(Benchmarking) import WebhookKit

/// Ours: WebhookCrypto's `HMACAuthenticator` (OpenSSL 3, keyed state prepared once), on the same bodies, secret and
/// MAC bytes as the peer. It is `package`, so it is reached through the SPI wrapper
/// `WebhookBenchmarking.HMACSHA256` (Sources/WebhookKit/BenchmarkingEntryPoints.swift), which only forwards.
func webhookKitBenchmarks() {
    let authenticator = WebhookBenchmarking.HMACSHA256(secret: WebhookSecret(utf8: BenchmarkInputs.hmacSecret))

    for (label, count) in BenchmarkInputs.hmacBodySizes {
        let body = BenchmarkInputs.body(count: count)
        let mac = authenticator.authenticationCode(for: body)
        precondition(authenticator.isValid(mac, for: body))

        Benchmark(
            "HMAC-SHA256 verify \(label)/WebhookKit",
            configuration: BenchmarkSettings.configuration()
        ) { benchmark in
            benchmark.measure(operations: operations(forBodySize: count), bytesPerOp: count) {
                blackHole(authenticator.isValid(mac, for: body))
            }
        }
    }

    // Scaling: the same verifications of a 1 KiB body from one task, then from two concurrent tasks sharing one
    // authenticator. Goal: two tasks >= 1.8x the ops/s of one.
    let body = BenchmarkInputs.body(count: 1024)
    let mac = authenticator.authenticationCode(for: body)
    for tasks in [1, 2] {
        Benchmark(
            "HMAC-SHA256 verify 1 KiB, \(scalingOperations) from \(tasks) task\(tasks == 1 ? "" : "s")/WebhookKit",
            configuration: BenchmarkSettings.configuration()
        ) { benchmark in
            let perTask = scalingOperations / tasks
            await benchmark.measure(bytesPerOp: 1024, opsPerSample: scalingOperations) {
                await withTaskGroup(of: Void.self) { group in
                    for task in 0..<tasks {
                        group.addTask(executorPreference: scalingExecutors[task]) {
                            for _ in 0..<perTask {
                                blackHole(authenticator.isValid(mac, for: body))
                            }
                        }
                    }
                }
            }
        }
    }

    // The same, paired (see `BenchmarkSupport/Paired.swift`): one task and two in each sample, by the wall clock.
    pairedScalingBenchmark(
        "HMAC-SHA256 verify 1 KiB, \(scalingOperations), paired, 2 tasks over 1 task/info",
        operations: scalingOperations
    ) {
        blackHole(authenticator.isValid(mac, for: body))
    }
}
