import Benchmark
import BenchmarkFixtures
import BenchmarkSupport
import WebhookKit

// JSONShapes: the cost of decoding an UNKNOWN event's body into `JSONValue`, per shape of body (issue 12, F11:
// "at most 50 ms per MiB of any shape"), through the public decoders a sender reaches without a secret:
//
// - `RServiceEvent.decode(from:eventName:)`: what an R-Service endpoint in unsigned mode runs on any body. An
//   unknown `event` becomes `.unknown(name:json:)`, read by the package's byte reader (`JSONReader`).
// - `HipChatEvent.decode(from:eventName:)`: what any HipChat token holder reaches (HipChat signs no body). An
//   unknown `event` becomes `.unknown(name:json:)` through `WebhookJSON.decode(JSONValue.self, ...)`: the reader
//   checks the document and its limits first, then Foundation's `JSONDecoder` builds the value.
//
// Every body is `{"event":"<unregistered name>","payload":<shape>}`, built once, at most 1 MiB and within one
// element of it. The reader's limits (nesting depth, number of arrays and objects) refuse some shapes; the
// benchmark then measures the time to refuse the body, and its name says "refused" (decided by decoding it once
// in setup, not written in by hand; every measured decode checks it). The deepest nesting the reader accepts and
// the most empty objects it accepts are found the same way, by decoding probes through the public decoder.
//
// One operation is one body: the wall clock of a sample is the time per body; `bytesPerOp` gives its size.

let benchmarks: @Sendable () -> Void = {
    let shapes = JSONShapes.all()
    for vendor in JSONShapes.Vendor.allCases {
        for shape in shapes {
            let body = shape.body(vendor.eventName)
            // Whether the reader refuses the body, told by R-Service's decoder (the byte reader alone, cheap): the
            // plugin runs this setup in every benchmark's process, and HipChat's decoder can take seconds. Each
            // measured decode checks that its own outcome agrees with the name.
            let accepted = JSONShapes.Vendor.rService.decodes(shape.body(JSONShapes.Vendor.rService.eventName))
            let name = "\(shape.name)\(accepted ? "" : ", refused"), \(vendor.label) unknown event decode/WebhookKit"
            Benchmark(name, configuration: JSONShapes.configuration) { benchmark in
                benchmark.measure(operations: 1, bytesPerOp: body.count) {
                    let decoded = vendor.decodes(body)
                    precondition(decoded == accepted, "\(name): the body was \(decoded ? "accepted" : "refused")")
                }
            }
        }
    }
}

enum JSONShapes {
    /// About 1 MiB per body.
    static let size = 1 << 20

    /// A few warm-up bodies, then up to 2 s or 200 bodies per benchmark (a slow shape still gets several samples).
    static var configuration: Benchmark.Configuration {
        Benchmark.Configuration(
            metrics: BenchmarkSettings.metrics,
            warmupIterations: 2,
            scalingFactor: .one,
            maxDuration: .seconds(2),
            maxIterations: 200
        )
    }

    enum Vendor: CaseIterable {
        case rService, hipChat

        var label: String {
            switch self {
            case .rService: "R-Service"
            case .hipChat: "HipChat"
            }
        }

        /// A name neither registry knows.
        var eventName: String {
            switch self {
            case .rService: "benchmark.unknown_event"
            case .hipChat: "benchmark_unknown_event"
            }
        }

        /// Decodes `body` with the vendor's public decoder; whether it gave the `unknown` case.
        func decodes(_ body: [UInt8]) -> Bool {
            switch self {
            case .rService:
                guard case .unknown = try? RServiceEvent.decode(from: body, eventName: nil) else { return false }
                return true
            case .hipChat:
                guard case .unknown = try? HipChatEvent.decode(from: body, eventName: nil) else { return false }
                return true
            }
        }
    }

    /// A payload shape: builds the whole body for an event name.
    struct Shape {
        var name: String
        var body: (String) -> [UInt8]
    }

    /// `{"event":"<name>","payload":` + payload + `}`.
    static func wrap(_ name: String, _ payload: [UInt8]) -> [UInt8] {
        Array("{\"event\":\"\(name)\",\"payload\":".utf8) + payload + Array("}".utf8)
    }

    /// `open` + as many `element(i)` as fit, separated by commas, + `close`, so that the body is at most `size`.
    static func repeated(
        _ name: String,
        open: String = "[",
        close: String = "]",
        count limit: Int = .max,
        _ element: (Int) -> [UInt8]
    ) -> [UInt8] {
        let budget = size - wrap(name, []).count - open.utf8.count - close.utf8.count
        var payload = [UInt8]()
        payload.reserveCapacity(budget)
        var index = 0
        while index < limit {
            let next = element(index)
            let separator = index == 0 ? 0 : 1
            guard payload.count + separator + next.count <= budget else { break }
            if separator == 1 { payload.append(UInt8(ascii: ",")) }
            payload += next
            index += 1
        }
        return wrap(name, Array(open.utf8) + payload + Array(close.utf8))
    }

    /// The largest `n` in `1...upper` for which `accepts(n)` holds, assuming it holds up to some `n` and not after.
    static func largest(upTo upper: Int, _ accepts: (Int) -> Bool) -> Int {
        var low = 0
        var high = upper
        while low < high {
            let middle = (low + high + 1) / 2
            if accepts(middle) { low = middle } else { high = middle - 1 }
        }
        return low
    }

    static func all() -> [Shape] {
        // The deepest array nesting as `payload` that R-Service's decoder accepts (both vendors use the same reader).
        let probeName = Vendor.rService.eventName
        func nested(_ depth: Int) -> [UInt8] {
            Array((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)
        }
        let depth = largest(upTo: 1000) { Vendor.rService.decodes(wrap(probeName, nested($0))) }
        let nest = nested(depth - 1)
        // The most empty objects in one array that the reader accepts (its container limit).
        let emptyObject = Array("{}".utf8)
        let objects = largest(upTo: size / 3) { count in
            Vendor.rService.decodes(repeated(probeName, count: count) { _ in emptyObject })
        }
        let event = BenchmarkInputs.confluencePageUpdated

        return [
            Shape(name: "One 1 MiB string") { name in
                let text = Array(repeating: UInt8(ascii: "a"), count: size - wrap(name, []).count - 2)
                return wrap(name, [UInt8(ascii: "\"")] + text + [UInt8(ascii: "\"")])
            },
            Shape(name: "Empty objects, 1 MiB") { name in repeated(name) { _ in emptyObject } },
            Shape(name: "Empty objects, \(objects) (the most accepted)") { name in
                repeated(name, count: objects) { _ in emptyObject }
            },
            Shape(name: "Empty arrays, 1 MiB") { name in repeated(name) { _ in Array("[]".utf8) } },
            Shape(name: "Nested arrays \(depth) deep, repeated flat, 1 MiB") { name in repeated(name) { _ in nest } },
            Shape(name: "Nested arrays \(depth) deep around flat numbers, 1 MiB") { name in
                let open = String(repeating: "[", count: depth)
                let close = String(repeating: "]", count: depth)
                return repeated(name, open: open, close: close) { Array(String($0 % 10).utf8) }
            },
            Shape(name: "Object with short keys, 1 MiB") { name in
                repeated(name, open: "{", close: "}") { Array("\"\(String($0, radix: 36))\":0".utf8) }
            },
            Shape(name: "Small numbers, 1 MiB") { name in repeated(name) { Array(String($0 % 10).utf8) } },
            Shape(name: "Escaped strings (each one escaped e-acute), 1 MiB") { name in
                repeated(name) { _ in Array("\"\\u00e9\"".utf8) }
            },
            Shape(name: "Confluence page event repeated, 1 MiB") { name in repeated(name) { _ in event } },
        ]
    }
}
