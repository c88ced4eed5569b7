import Benchmark
import BenchmarkFixtures

/// Ours: added once WebhookCrypto's JWTVerifier is merged (issue 6, phase B).
func webhookKitBenchmarks(_ tokens: BenchmarkTokens) {}
