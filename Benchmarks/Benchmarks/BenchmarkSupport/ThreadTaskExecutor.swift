public import Benchmark

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A task executor that runs its jobs on one dedicated thread of its own.
///
/// The scaling benchmarks run their tasks on these rather than on the global concurrent pool. package-benchmark's
/// runner is an `async` command that waits for an `async` benchmark with a semaphore, so it holds one of the pool's
/// threads for the whole run; on a 2-core machine the pool has 2 threads, and two tasks in a task group then share the
/// one that is left and run one after the other. With a thread each they run at the same time, as two requests on two
/// event-loop threads of a server do.
public final class ThreadTaskExecutor: TaskExecutor, @unchecked Sendable {
    // The queue of jobs and the thread's wake-up, guarded by `mutex`.
    private var mutex = pthread_mutex_t()
    private var condition = pthread_cond_t()
    private var jobs: [UnownedJob] = []
    private var thread = pthread_t()

    /// Starts the executor's thread; it lives as long as the process.
    public init() {
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&condition, nil)
        let context = Unmanaged.passRetained(self).toOpaque()
        let created = pthread_create(
            &thread,
            nil,
            { context in
                // The `guard` unwraps the context on Linux, where it is optional; on Darwin it is not.
                #if canImport(Glibc)
                guard let context else { return nil }
                #endif
                Unmanaged<ThreadTaskExecutor>.fromOpaque(context).takeRetainedValue().runJobs()
                return nil
            },
            context
        )
        precondition(created == 0, "pthread_create failed: \(created)")
    }

    /// Queues a job for the executor's thread.
    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        pthread_mutex_lock(&mutex)
        jobs.append(job)
        pthread_cond_signal(&condition)
        pthread_mutex_unlock(&mutex)
    }

    private func runJobs() -> Never {
        var batch: [UnownedJob] = []
        while true {
            pthread_mutex_lock(&mutex)
            while jobs.isEmpty {
                pthread_cond_wait(&condition, &mutex)
            }
            swap(&batch, &jobs)
            pthread_mutex_unlock(&mutex)
            for job in batch {
                job.runSynchronously(on: asUnownedTaskExecutor())
            }
            batch.removeAll(keepingCapacity: true)
        }
    }
}

/// The executors of the scaling benchmarks: one dedicated thread per task, shared by every benchmark of the process.
public let scalingExecutors: [ThreadTaskExecutor] = [ThreadTaskExecutor(), ThreadTaskExecutor()]

/// Runs `operations` calls of `body` split evenly over `tasks` tasks, each on its own ``scalingExecutors`` thread.
public func runSplit(
    _ operations: Int,
    overTasks tasks: Int,
    _ body: @escaping @Sendable () async throws -> Void
) async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
        for task in 0..<tasks {
            group.addTask(executorPreference: scalingExecutors[task]) {
                for _ in 0..<(operations / tasks) {
                    try await body()
                }
            }
        }
        try await group.waitForAll()
    }
}

/// A paired scaling benchmark (see `measurePaired`): in every sample, `operations` calls of `body` split over two
/// tasks and the same over one task, timed by the wall clock; records two tasks' throughput over one task's.
public func pairedScalingBenchmark(
    _ name: String,
    operations: Int,
    _ body: @escaping @Sendable () async throws -> Void
) {
    Benchmark(name, configuration: BenchmarkSettings.pairedConfiguration()) { benchmark in
        try await benchmark.measurePaired(
            clock: .wall,
            firstOperations: 1,
            secondOperations: 1,
            first: { try await runSplit(operations, overTasks: 2, body) },
            second: { try await runSplit(operations, overTasks: 1, body) }
        )
    }
}
