import Benchmark
import BenchmarkFixtures
import Foundation
import WebhookCore
import WebhookRegistry

// Decoding alone: the 759-byte Confluence page_updated event into a Codable model.
//
// The peer is what a server without WebhookKit does: Foundation's JSONDecoder into a plain struct. The goal
// for the full path ("verify and decode a signed Confluence page event at >= 0.9x of decoding alone") is measured
// against it once the Confluence verifier and decoder exist.

let benchmarks: @Sendable () -> Void = {
    let body = BenchmarkInputs.confluencePageUpdated
    let data = Data(body)
    _ = try! JSONDecoder().decode(PlainConfluencePageEvent.self, from: data)

    Benchmark(
        "Confluence page_updated decode/JSONDecoder",
        configuration: BenchmarkSettings.configuration(scalingFactor: .one)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try JSONDecoder().decode(PlainConfluencePageEvent.self, from: data))
        }
        benchmark.stopMeasurement()
        benchmark.recordShape(opsPerSample: benchmark.scaledIterations.count, bytesPerOp: body.count)
    }

    // For information: WebhookCore's decoding entry point (raw bytes in, object check, the same JSONDecoder) on the
    // same plain model. Not a goal pair; it shows what WebhookJSON adds on top of JSONDecoder.
    Benchmark(
        "Confluence page_updated decode (WebhookJSON, plain model)/info",
        configuration: BenchmarkSettings.configuration(scalingFactor: .one)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try WebhookJSON.decode(PlainConfluencePageEvent.self, from: body, vendor: .confluence))
        }
        benchmark.stopMeasurement()
        benchmark.recordShape(opsPerSample: benchmark.scaledIterations.count, bytesPerOp: body.count)
    }
}
