public import Benchmark

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Paired benchmarks: both sides of a goal's ratio measured in the same sample, one right after the other.
///
/// This 2-core machine changes speed from one second to the next (the same benchmark reads up to 40 % apart in
/// two rounds a minute apart), so two benchmarks that run 1.5 s each, one after the other, can catch different
/// phases. A paired sample runs a few operations of each side back to back (order drawn at random per sample) and
/// records the ratio of their throughputs; the median over thousands of samples is the goal's figure.
extension BenchmarkSettings {
    /// The ratio (first side's ops/s) / (second side's ops/s) of one sample, in thousandths.
    public static let pairedRatio = BenchmarkMetric.custom(
        "pairedRatioPermille",
        polarity: .prefersLarger,
        useScalingFactor: false
    )

    /// The configuration of a paired benchmark: 3 s or 3000 samples after 10 warm-up samples.
    public static func pairedConfiguration() -> Benchmark.Configuration {
        Benchmark.Configuration(
            metrics: [.throughput, .wallClock, pairedRatio],
            warmupIterations: 10,
            scalingFactor: .one,
            maxDuration: .seconds(3),
            maxIterations: 3000
        )
    }
}

/// What a paired sample times each side with.
public enum PairedClock: Sendable {
    /// The process's CPU time: work per operation, whatever else the machine does.
    case cpu
    /// The wall clock: for scaling, where the point is more work per second of real time.
    case wall

    fileprivate func now() -> Int {
        switch self {
        case .cpu:
            return processCPUNanoseconds()
        case .wall:
            var time = timespec()
            clock_gettime(CLOCK_MONOTONIC, &time)
            return Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec)
        }
    }
}

extension Benchmark {
    /// One paired sample: `firstOperations` runs of `first` and `secondOperations` runs of `second`, in an order
    /// drawn at random, each side timed with `clock`; records (first ops/s) / (second ops/s) in thousandths.
    public func measurePaired(
        clock: PairedClock = .cpu,
        firstOperations: Int,
        secondOperations: Int,
        first: () async throws -> Void,
        second: () async throws -> Void
    ) async rethrows {
        func timed(_ operations: Int, _ body: () async throws -> Void) async rethrows -> Int {
            let start = clock.now()
            for _ in 0..<operations {
                try await body()
            }
            return max(clock.now() - start, 1)
        }
        let firstTime: Int
        let secondTime: Int
        if Bool.random() {
            firstTime = try await timed(firstOperations, first)
            secondTime = try await timed(secondOperations, second)
        } else {
            secondTime = try await timed(secondOperations, second)
            firstTime = try await timed(firstOperations, first)
        }
        stopMeasurement()
        let firstRate = Double(firstOperations) / Double(firstTime)
        let secondRate = Double(secondOperations) / Double(secondTime)
        measurement(BenchmarkSettings.pairedRatio, Int((1000 * firstRate / secondRate).rounded()))
    }
}
