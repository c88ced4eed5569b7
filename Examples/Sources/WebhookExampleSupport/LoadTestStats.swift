import Synchronization

/// Counts, in the load-test server, how many times the handler ran for each delivery key, so that the load test
/// can check that every valid delivery was handled once and none twice.
public final class LoadTestStats: Sendable {
    /// The totals, as `GET /load-test/stats` reports them.
    public struct Report: Sendable, Equatable {
        /// Handler runs in all.
        public var handlerRuns = 0
        /// Distinct delivery keys the handler ran for.
        public var deliveries = 0
        /// Delivery keys the handler ran for more than once: 0 when each delivery was processed once.
        public var deliveriesHandledMoreThanOnce = 0
        /// Handler runs for deliveries without a key (the middleware processes every copy of those).
        public var runsWithoutKey = 0

        /// Creates totals.
        public init(
            handlerRuns: Int = 0,
            deliveries: Int = 0,
            deliveriesHandledMoreThanOnce: Int = 0,
            runsWithoutKey: Int = 0
        ) {
            self.handlerRuns = handlerRuns
            self.deliveries = deliveries
            self.deliveriesHandledMoreThanOnce = deliveriesHandledMoreThanOnce
            self.runsWithoutKey = runsWithoutKey
        }

        /// One `name value` line per total, for `Scripts/load-test.sh`.
        public var text: String {
            """
            handler_runs \(handlerRuns)
            deliveries \(deliveries)
            deliveries_handled_more_than_once \(deliveriesHandledMoreThanOnce)
            runs_without_key \(runsWithoutKey)

            """
        }
    }

    private struct State {
        var runs: [String: Int] = [:]
        var report = Report()
    }

    private let state = Mutex(State())

    /// Creates empty counters.
    public init() {}

    /// Records one run of the handler.
    /// - Parameter deliveryKey: The verified delivery's key.
    /// - Returns: How many times the handler has run for this key, this run included (1 the first time); 1 for a
    ///   delivery without a key.
    public func recordHandlerRun(deliveryKey: String?) -> Int {
        state.withLock { state in
            state.report.handlerRuns += 1
            guard let deliveryKey else {
                state.report.runsWithoutKey += 1
                return 1
            }
            let runs = state.runs[deliveryKey, default: 0] + 1
            state.runs[deliveryKey] = runs
            if runs == 1 { state.report.deliveries += 1 }
            if runs == 2 { state.report.deliveriesHandledMoreThanOnce += 1 }
            return runs
        }
    }

    /// The totals so far.
    public var report: Report { state.withLock { $0.report } }
}
