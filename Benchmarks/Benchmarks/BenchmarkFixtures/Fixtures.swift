public import Benchmark
public import Foundation

// Inputs and settings shared by every benchmark target, so that "ours" and "peer" always see the same bytes.

/// Settings shared by all benchmarks.
public enum BenchmarkSettings {
    /// Every benchmark has these metrics, in this order.
    ///
    /// `opsPerSample` and `bytesPerOp` are constant per benchmark; they are recorded so that the exported results
    /// (`--format jmh`) describe themselves: `Benchmarks/report.py` divides `wallClock` and `mallocCountTotal` by
    /// `opsPerSample` to get per-operation figures, and multiplies by `bytesPerOp` for MB/s.
    public static let metrics: [BenchmarkMetric] = [
        .throughput, .wallClock, .cpuTotal, .mallocCountTotal, opsPerSample, bytesPerOp,
    ]

    /// How many operations one measured sample performs (the inner loop).
    public static let opsPerSample = BenchmarkMetric.custom("opsPerSample", polarity: .prefersLarger, useScalingFactor: false)

    /// How many input bytes one operation consumes (body, token or event).
    public static let bytesPerOp = BenchmarkMetric.custom("bytesPerOp", polarity: .prefersLarger, useScalingFactor: false)

    /// A short configuration: 1.5 s or 5000 samples, whichever comes first, after 10 warm-up samples.
    ///
    /// - Parameter scalingFactor: `.kilo` for operations under ~10 µs (so the per-sample overhead of the harness is
    ///   negligible), `.one` otherwise.
    public static func configuration(
        scalingFactor: BenchmarkScalingFactor,
        maxDuration: Duration = .milliseconds(1500),
        maxIterations: Int = 5000
    ) -> Benchmark.Configuration {
        Benchmark.Configuration(
            metrics: metrics,
            warmupIterations: 10,
            scalingFactor: scalingFactor,
            maxDuration: maxDuration,
            maxIterations: maxIterations
        )
    }
}

extension Benchmark {
    /// Records the two self-describing metrics; call once per sample, after the measured loop.
    public func recordShape(opsPerSample: Int, bytesPerOp: Int) {
        measurement(BenchmarkSettings.opsPerSample, opsPerSample)
        measurement(BenchmarkSettings.bytesPerOp, bytesPerOp)
    }
}

/// The inputs.
public enum BenchmarkInputs {
    /// The HMAC secret, as a webhook admin would type it.
    public static let hmacSecret = "It's a Secret to Everybody; rotate me every quarter"

    /// The body sizes of the HMAC benchmarks.
    public static let hmacBodySizes: [(label: String, count: Int)] = [
        ("1 KiB", 1024), ("64 KiB", 64 * 1024), ("1 MiB", 1024 * 1024),
    ]

    /// Deterministic pseudo-random bytes (a 64-bit LCG): the same body in every run and for every side.
    public static func body(count: Int) -> [UInt8] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var bytes = [UInt8]()
        bytes.reserveCapacity(count)
        for _ in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            bytes.append(UInt8(truncatingIfNeeded: state >> 56))
        }
        return bytes
    }

    /// The 759-byte Confluence `page_updated` event.
    public static let confluencePageUpdated: [UInt8] = {
        let bytes = Array(confluencePageUpdatedJSON.utf8)
        precondition(bytes.count == 759, "the Confluence event must be 759 bytes, is \(bytes.count)")
        return bytes
    }()

    /// The HS256 shared secret of the JWT benchmarks (an Atlassian Connect `sharedSecret` is of this kind).
    public static let jwtSharedSecret = "3f9a2c7e-0b1d-4e6f-9a8b-7c6d5e4f3a2b-connect-shared-secret"

    /// The key id every benchmark token carries in its header.
    public static let jwtKeyID = "bench-key-1"

    /// The claims of the benchmark tokens: a Confluence Connect webhook token's shape (`iss` = clientKey, `sub`,
    /// `iat`, `exp`, `qsh`), valid for an hour from `now`.
    public static func jwtClaims(now: Date = Date()) -> [UInt8] {
        let iat = Int(now.timeIntervalSince1970)
        let json = """
            {"iss":"c6d2c2f4-3d3a-3a8e-9d6e-1b0c2a3e4f5a","sub":"557058:d092c978-5ab7-4c8a-8d87-32ffac22c584",\
            "iat":\(iat),"exp":\(iat + 3600),\
            "qsh":"550c1ea551d291fee0264431ea3baf5439bf2b73b7fca012d12f09ca29204dc3"}
            """
        return Array(json.utf8)
    }
}

/// The Confluence page event as a plain Codable model: what a server without WebhookKit would write.
public struct PlainConfluencePageEvent: Codable, Sendable {
    public struct Page: Codable, Sendable {
        public var id: Int64
        public var idAsString: String?
        public var title: String
        public var spaceKey: String
        public var spaceId: Int64?
        public var contentType: String
        public var version: Int
        public var creatorAccountId: String
        public var lastModifierAccountId: String
        public var creationDate: Int64
        public var modificationDate: Int64
        public var `self`: String
    }

    public var userAccountId: String
    public var accountType: String
    public var updateTrigger: String?
    public var suppressNotifications: Bool?
    public var timestamp: Int64
    public var page: Page
}
