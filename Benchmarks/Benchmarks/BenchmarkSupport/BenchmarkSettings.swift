public import Benchmark

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Settings shared by all benchmarks.
public enum BenchmarkSettings {
    /// Every benchmark has these metrics, in this order.
    ///
    /// `opsPerSample`, `bytesPerOp` and `cpuNanoseconds` are recorded so that the exported results (`--format jmh`)
    /// describe themselves: `Benchmarks/report.py` divides `wallClock`, `cpuNanoseconds` and `mallocCountTotal` by
    /// `opsPerSample` to get per-operation figures, and multiplies by `bytesPerOp` for MB/s.
    ///
    /// No `.cpuTotal`: its reading of `/proc` falls inside the malloc window (16 mallocs per sample that are not the
    /// benchmark's) and its resolution on Linux is 10 ms. `cpuNanoseconds` replaces it.
    public static let metrics: [BenchmarkMetric] = [
        .throughput, .wallClock, .mallocCountTotal, opsPerSample, bytesPerOp, cpuNanoseconds,
    ]

    /// How many operations one measured sample performs (the inner loop).
    public static let opsPerSample = BenchmarkMetric.custom(
        "opsPerSample",
        polarity: .prefersLarger,
        useScalingFactor: false
    )

    /// How many input bytes one operation consumes (body, token or event).
    public static let bytesPerOp = BenchmarkMetric.custom("bytesPerOp", polarity: .prefersLarger, useScalingFactor: false)

    /// The CPU time of the whole process during the sample (`CLOCK_PROCESS_CPUTIME_ID`), in nanoseconds.
    ///
    /// On a machine shared with other work the wall clock of a sample includes the time the process waited for a
    /// core; CPU time does not, so single-task comparisons stay fair however busy the machine is.
    public static let cpuNanoseconds = BenchmarkMetric.custom(
        "cpuNanoseconds",
        polarity: .prefersSmaller,
        useScalingFactor: false
    )

    /// A short configuration: 1.5 s or 5000 samples, whichever comes first, after 10 warm-up samples.
    ///
    /// Every benchmark runs its own inner loop of `operations` (see ``Benchmark/measure(operations:bytesPerOp:_:)``),
    /// sized so that a sample of the slower side takes about 0.1 to 0.3 ms: long enough that the harness's cost per
    /// sample (about 1 µs) is small, short enough that most samples run without being preempted on a busy machine.
    /// Longer samples are nearly always interrupted there, and the caches refilled after each interruption made
    /// the slower side look slower still (1000-operation samples moved swift-crypto's 1 KiB HMAC from 2.2 µs to
    /// 3.4 µs of CPU time per operation). package-benchmark's own table therefore counts samples, not operations.
    public static func configuration(
        maxDuration: Duration = .milliseconds(1500),
        maxIterations: Int = 5000
    ) -> Benchmark.Configuration {
        Benchmark.Configuration(
            metrics: metrics,
            warmupIterations: 10,
            scalingFactor: .one,
            maxDuration: maxDuration,
            maxIterations: maxIterations
        )
    }
}

/// The process's CPU time in nanoseconds (a system call: about a microsecond or less).
public func processCPUNanoseconds() -> Int {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec)
}

extension Benchmark {
    /// Runs `operation` `operations` times as one sample, then records the sample's shape and CPU time outside the
    /// measured window.
    ///
    /// - Parameters:
    ///   - operations: The operations per sample.
    ///   - bytesPerOp: The input bytes of one operation.
    ///   - operation: One operation.
    @inlinable
    public func measure(operations: Int, bytesPerOp: Int, _ operation: () throws -> Void) rethrows {
        try measure(bytesPerOp: bytesPerOp, opsPerSample: operations) {
            for _ in 0..<operations {
                try operation()
            }
        }
    }

    /// The `async` form of ``measure(operations:bytesPerOp:_:)``.
    @inlinable
    public func measure(operations: Int, bytesPerOp: Int, _ operation: () async throws -> Void) async rethrows {
        try await measure(bytesPerOp: bytesPerOp, opsPerSample: operations) {
            for _ in 0..<operations {
                try await operation()
            }
        }
    }

    /// Runs one sample's work, then records its shape and CPU time outside the measured window.
    ///
    /// - Parameters:
    ///   - bytesPerOp: The input bytes of one operation.
    ///   - opsPerSample: The operations `body` performs; by default `scaledIterations.count`.
    ///   - body: The measured work (the inner loop).
    @inlinable
    public func measure(bytesPerOp: Int, opsPerSample: Int? = nil, _ body: () throws -> Void) rethrows {
        let cpuStart = processCPUNanoseconds()
        try body()
        let cpu = processCPUNanoseconds() - cpuStart
        stopMeasurement()
        record(opsPerSample: opsPerSample ?? scaledIterations.count, bytesPerOp: bytesPerOp, cpuNanoseconds: cpu)
    }

    /// The `async` form of ``measure(bytesPerOp:opsPerSample:_:)``.
    @inlinable
    public func measure(
        bytesPerOp: Int,
        opsPerSample: Int? = nil,
        _ body: () async throws -> Void
    ) async rethrows {
        let cpuStart = processCPUNanoseconds()
        try await body()
        let cpu = processCPUNanoseconds() - cpuStart
        stopMeasurement()
        record(opsPerSample: opsPerSample ?? scaledIterations.count, bytesPerOp: bytesPerOp, cpuNanoseconds: cpu)
    }

    @usableFromInline
    func record(opsPerSample: Int, bytesPerOp: Int, cpuNanoseconds: Int) {
        measurement(BenchmarkSettings.opsPerSample, opsPerSample)
        measurement(BenchmarkSettings.bytesPerOp, bytesPerOp)
        measurement(BenchmarkSettings.cpuNanoseconds, max(cpuNanoseconds, 1))
    }
}
