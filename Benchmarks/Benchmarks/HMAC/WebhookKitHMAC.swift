import Benchmark
import BenchmarkFixtures

/// Ours: added once WebhookCrypto's HMACAuthenticator is merged (issue 6, phase B).
func webhookKitBenchmarks() {}
