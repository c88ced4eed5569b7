package import CoreMetrics

/// The metrics WebhookKit records, through swift-metrics: nothing is recorded until the application bootstraps a
/// metrics backend (`MetricsSystem.bootstrap`), or passes a factory in `WebhookMiddlewareOptions.metrics`.
///
/// | label | kind | dimensions |
/// |---|---|---|
/// | `webhookkit_deliveries_total` | counter | `vendor`, `event`, `outcome`, `code` |
/// | `webhookkit_verification_seconds` | timer | `vendor`, `result` (`verified` or `failed`) |
/// | `webhookkit_ledger_errors_total` | counter | `operation` (`claim`, `complete`, `release`) |
/// | `webhookkit_key_fetches_total` | counter | `result` (`success` or `failure`) |
///
/// `outcome` is one of `verified` (the handler was called), `rejected`, `undecodable`, `duplicate`,
/// `in_progress`, `ledger_unavailable`, `unavailable`, `misconfigured`, `handshake`, `draining`. `code` is the
/// `WebhookError` code (`none` without one). `event` is the verified event name, `none` before verification, and
/// `other` for a name over 64 bytes or with characters other than printable ASCII (the set of names a vendor sends
/// is bounded; an unverified sender never chooses a label value).
package struct WebhookMetrics: Sendable {
    package static let deliveries = "webhookkit_deliveries_total"
    package static let verification = "webhookkit_verification_seconds"
    package static let ledgerErrors = "webhookkit_ledger_errors_total"
    package static let keyFetches = "webhookkit_key_fetches_total"

    /// The factory metrics are made with; `nil` for the global one at the time of recording.
    let factory: (any MetricsFactory)?

    package init(factory: (any MetricsFactory)?) {
        self.factory = factory
    }

    private var current: any MetricsFactory { factory ?? MetricsSystem.factory }

    /// Counts one request's outcome.
    package func delivery(vendor: WebhookVendor, event: String?, outcome: String, code: String?) {
        Counter(
            label: Self.deliveries,
            dimensions: [
                ("vendor", vendor.rawValue), ("event", event.map(Self.eventLabel) ?? "none"), ("outcome", outcome),
                ("code", code ?? "none"),
            ],
            factory: current
        ).increment()
    }

    /// Records how long verification (with decoding) took.
    package func verification(vendor: WebhookVendor, verified: Bool, nanoseconds: Int64) {
        Timer(
            label: Self.verification,
            dimensions: [("vendor", vendor.rawValue), ("result", verified ? "verified" : "failed")],
            factory: current
        ).recordNanoseconds(nanoseconds)
    }

    /// Counts a failed ledger operation.
    package func ledgerError(operation: String) {
        Counter(label: Self.ledgerErrors, dimensions: [("operation", operation)], factory: current).increment()
    }

    /// Counts a key fetch that started, by its result.
    package func keyFetch(succeeded: Bool) {
        Counter(
            label: Self.keyFetches,
            dimensions: [("result", succeeded ? "success" : "failure")],
            factory: current
        ).increment()
    }

    /// An event name as a label value: itself when short printable ASCII, else `other`.
    static func eventLabel(_ name: String) -> String {
        let bytes = name.utf8
        guard !bytes.isEmpty, bytes.count <= 64, bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return "other" }
        return name
    }
}
