// The framework-independent part of the middleware adapters (WebhookKitHummingbird, WebhookKitVapor): verify,
// answer what the vendor's protocol answers itself, run the delivery lifecycle around the handler, and choose
// the HTTP answer for every outcome. It lives here once; the adapters only translate their framework's request
// and response. It knows no vendor: vendor steps come through the verifier.
public import CoreMetrics
import Foundation
public import Logging

/// How the middleware answers a request that is authentic but cannot be decoded.
public struct WebhookDecodingFailurePolicy: Sendable, Hashable {
    let status: Int

    /// Answer `400 Bad Request` (the default): the vendor sees the failure and may retry or alert.
    public static let reject = WebhookDecodingFailurePolicy(status: 400)
    /// Answer `202 Accepted` and log the error: the vendor does not retry a payload this version cannot read.
    public static let acceptAndLog = WebhookDecodingFailurePolicy(status: 202)
}

/// How the middleware answers a duplicate of a delivery it has already processed.
public struct WebhookDuplicatePolicy: Sendable, Hashable {
    let status: Int

    /// Answer `200 OK` without calling the handler (the default): the vendor stops retrying.
    public static let acknowledge = WebhookDuplicatePolicy(status: 200)
    /// Answer `409 Conflict` without calling the handler.
    public static let reject = WebhookDuplicatePolicy(status: 409)
}

/// How the middleware answers a copy of a delivery whose first copy is still being processed.
public struct WebhookInProgressPolicy: Sendable, Hashable {
    let status: Int

    /// Answer `409 Conflict` with `Retry-After` (the default).
    public static let conflict = WebhookInProgressPolicy(status: 409)
    /// Answer `503 Service Unavailable` with `Retry-After`, for vendors that retry only on 5xx.
    public static let serviceUnavailable = WebhookInProgressPolicy(status: 503)
}

/// What the middleware does when the delivery ledger itself fails (a database outage).
public struct WebhookLedgerFailurePolicy: Sendable, Hashable {
    let failOpen: Bool

    /// Answer `503` with `Retry-After`, mark nothing, call no handler (the default): the vendor retries later and
    /// no delivery is processed twice.
    public static let failClosed = WebhookLedgerFailurePolicy(failOpen: false)
    /// Call the handler anyway and log the risk at `warning`: a delivery may then be processed twice.
    public static let failOpen = WebhookLedgerFailurePolicy(failOpen: true)
}

/// The middleware's settings. The body limit is the verifier's (`limits.maximumBodySize`), the event name is
/// the verifier's to tell: neither is set here.
public struct WebhookMiddlewareOptions: Sendable {
    /// How to answer an authentic request whose body cannot be decoded (default ``WebhookDecodingFailurePolicy/reject``).
    public var decodingFailure: WebhookDecodingFailurePolicy
    /// Where processed deliveries are recorded; `nil` to process every copy of a delivery. Default: a new
    /// ``InMemoryDeliveryLedger`` (one process); share a database-backed ledger between server instances.
    public var ledger: (any DeliveryLedger)?
    /// How to answer a duplicate of a processed delivery (default ``WebhookDuplicatePolicy/acknowledge``).
    public var duplicate: WebhookDuplicatePolicy
    /// How to answer a copy of a delivery still being processed (default ``WebhookInProgressPolicy/conflict``).
    public var inProgress: WebhookInProgressPolicy
    /// What to do when the ledger fails (default ``WebhookLedgerFailurePolicy/failClosed``).
    public var ledgerFailure: WebhookLedgerFailurePolicy
    /// How long a claim holds when the handler never finishes (the process died): after it, the vendor's next
    /// retry is processed. Default 5 minutes; make it longer than your slowest handler.
    public var claimTimeout: Duration
    /// How long a processed delivery's key is remembered. Default 3 days; never less than the verifier's
    /// ``WebhookVerifier/minimumDeliveryRetention``.
    public var retention: Duration
    /// The `Retry-After` sent with `503` and in-progress answers. Default 30 seconds.
    public var retryAfter: Duration
    /// The level of the log line for an expected rejection (not authentic, over the limit, not decodable,
    /// duplicate). Default `.info`.
    public var rejectionLogLevel: Logger.Level
    /// Tracks deliveries in flight; call ``WebhookDrain/beginDraining()`` during graceful shutdown.
    public var drain: WebhookDrain
    /// Where the middleware's metrics go (`webhookkit_deliveries_total`, `webhookkit_verification_seconds`,
    /// `webhookkit_ledger_errors_total`); `nil` (the default) for swift-metrics' global factory, which records
    /// nothing until the application bootstraps a backend.
    public var metrics: (any MetricsFactory)?

    /// Creates options.
    public init(
        decodingFailure: WebhookDecodingFailurePolicy = .reject,
        ledger: (any DeliveryLedger)? = InMemoryDeliveryLedger(),
        duplicate: WebhookDuplicatePolicy = .acknowledge,
        inProgress: WebhookInProgressPolicy = .conflict,
        ledgerFailure: WebhookLedgerFailurePolicy = .failClosed,
        claimTimeout: Duration = .seconds(300),
        retention: Duration = .seconds(3 * 86_400),
        retryAfter: Duration = .seconds(30),
        rejectionLogLevel: Logger.Level = .info,
        drain: WebhookDrain = WebhookDrain(),
        metrics: (any MetricsFactory)? = nil
    ) {
        self.decodingFailure = decodingFailure
        self.ledger = ledger
        self.duplicate = duplicate
        self.inProgress = inProgress
        self.ledgerFailure = ledgerFailure
        self.claimTimeout = claimTimeout
        self.retention = retention
        self.retryAfter = retryAfter
        self.rejectionLogLevel = rejectionLogLevel
        self.drain = drain
        self.metrics = metrics
    }
}

/// Counts the deliveries in flight, and refuses new ones once draining began (graceful shutdown): those get
/// `503` with `Retry-After`, so the vendor retries them against another instance or after the restart, while
/// the deliveries in flight finish.
public final class WebhookDrain: Sendable {
    private struct State {
        var inFlight = 0
        var draining = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = LockedValue(State())

    /// Creates a drain that admits deliveries.
    public init() {}

    /// Stops admitting new deliveries.
    public func beginDraining() {
        let waiters = state.withLock { state in
            state.draining = true
            return state.inFlight == 0 ? state.waiters.removeAllAndReturn() : []
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Waits until draining began and no delivery is in flight.
    public func drained() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state in
                if state.draining && state.inFlight == 0 { return true }
                state.waiters.append(continuation)
                return false
            }
            if ready { continuation.resume() }
        }
    }

    /// Whether draining began.
    public var isDraining: Bool { state.withLock { $0.draining } }

    /// The number of deliveries in flight.
    public var inFlight: Int { state.withLock { $0.inFlight } }

    /// Admits a delivery unless draining; pair a `true` with ``leave()``.
    package func enter() -> Bool {
        state.withLock { state in
            if state.draining { return false }
            state.inFlight += 1
            return true
        }
    }

    /// Marks an admitted delivery finished.
    package func leave() {
        let waiters = state.withLock { state in
            state.inFlight -= 1
            return state.draining && state.inFlight == 0 ? state.waiters.removeAllAndReturn() : []
        }
        for waiter in waiters { waiter.resume() }
    }
}

extension Array {
    fileprivate mutating func removeAllAndReturn() -> [Element] {
        defer { removeAll() }
        return self
    }
}

/// A line for the adapter's logger: a level, a message, and metadata (vendor, event, delivery key, code,
/// outcome; never a secret, token, signature or body).
package struct WebhookLogLine: Sendable {
    package var level: Logger.Level
    package var message: String
    package var metadata: [(String, String)]

    package init(level: Logger.Level, message: String, metadata: [(String, String)] = []) {
        self.level = level
        self.message = message
        self.metadata = metadata
    }

    /// Writes the line to a swift-log logger (the request's logger in the adapters).
    package func emit(to logger: Logger) {
        var fields = Logger.Metadata()
        for (key, value) in metadata { fields[key] = .string(value) }
        logger.log(level: level, "\(message)", metadata: fields)
    }
}

/// The outcome of one request through ``WebhookEndpoint``.
package enum WebhookEndpointResult<Response: Sendable>: Sendable {
    /// The handler ran and answered.
    case handled(Response)
    /// The middleware answered without the handler.
    case answered(WebhookAnswer)
}

/// One webhook route's work, whatever the framework: verify, answer a vendor handshake, run the delivery
/// lifecycle (claim, handler, complete or release), and choose the answer for every failure.
package struct WebhookEndpoint<Verifier: WebhookVerifier>: Sendable {
    package let verifier: Verifier
    package let options: WebhookMiddlewareOptions

    package init(verifier: Verifier, options: WebhookMiddlewareOptions) {
        self.verifier = verifier
        self.options = options
    }

    package static var unauthorized: WebhookAnswer { WebhookAnswer(status: 401, body: "unauthorized") }
    package static var tooLarge: WebhookAnswer { WebhookAnswer(status: 413, body: "payload too large") }

    /// The most body bytes read: the verifier's limit.
    package var bodyLimit: Int { verifier.limits.maximumBodySize }

    /// Whether a `Content-Length` header already says the body is over the limit.
    package func declaredLengthExceeds(_ contentLength: String?) -> Bool {
        guard let contentLength, let length = Int(contentLength.trimmingHTTPWhitespace()) else { return false }
        return length > bodyLimit
    }

    /// The answer for a body over the limit, with its log line.
    package func bodyTooLarge(log: (WebhookLogLine) -> Void) -> WebhookAnswer {
        metrics.delivery(vendor: verifier.vendor, event: nil, outcome: "rejected", code: "body_too_large")
        log(
            WebhookLogLine(
                level: options.rejectionLogLevel,
                message: "webhook rejected",
                metadata: [
                    ("webhook.vendor", verifier.vendor.rawValue), ("webhook.code", "body_too_large"),
                    ("webhook.outcome", "rejected"),
                ]
            )
        )
        return Self.tooLarge
    }

    private var retryAfterSeconds: Int { max(1, Int(options.retryAfter.seconds.rounded(.up))) }

    private var metrics: WebhookMetrics { WebhookMetrics(factory: options.metrics) }

    /// Runs one request.
    /// - Parameters:
    ///   - request: The request with its whole body (at most ``bodyLimit`` bytes).
    ///   - log: Writes a line to the request's logger.
    ///   - handler: The route's handler.
    ///   - status: The HTTP status of the handler's response.
    /// - Returns: The handler's response, or the middleware's own answer.
    /// - Throws: What the handler threw, after releasing its claim.
    package func run<Response: Sendable>(
        _ request: WebhookRequest,
        log: (WebhookLogLine) -> Void,
        handler: (VerifiedWebhook<Verifier.Event>) async throws -> Response,
        status: (Response) -> Int
    ) async throws -> WebhookEndpointResult<Response> {
        let drain = options.drain
        guard drain.enter() else {
            metrics.delivery(vendor: verifier.vendor, event: nil, outcome: "draining", code: nil)
            log(
                WebhookLogLine(
                    level: .info,
                    message: "webhook refused: shutting down",
                    metadata: [("webhook.vendor", verifier.vendor.rawValue), ("webhook.outcome", "draining")]
                )
            )
            return .answered(
                WebhookAnswer(status: 503, body: "service unavailable", retryAfterSeconds: retryAfterSeconds)
            )
        }
        defer { drain.leave() }

        let webhook: VerifiedWebhook<Verifier.Event>
        let metrics = self.metrics
        let started = ContinuousClock.now
        do throws(WebhookError) {
            webhook = try await verifier.verify(request, eventName: nil)
        } catch {
            metrics.verification(
                vendor: verifier.vendor,
                verified: false,
                nanoseconds: Self.nanoseconds(since: started)
            )
            return .answered(answer(to: error, log: log))
        }
        metrics.verification(vendor: webhook.vendor, verified: true, nanoseconds: Self.nanoseconds(since: started))
        func count(_ outcome: String, code: String? = nil) {
            metrics.delivery(vendor: webhook.vendor, event: webhook.eventName, outcome: outcome, code: code)
        }
        var metadata: [(String, String)] = [("webhook.vendor", webhook.vendor.rawValue)]
        if let name = webhook.eventName { metadata.append(("webhook.event", Self.printable(name))) }
        if let key = webhook.deliveryKey { metadata.append(("webhook.delivery", Self.printable(key))) }

        if let answer = await verifier.answerBeforeHandler(webhook) {
            count("handshake")
            log(
                WebhookLogLine(
                    level: .info,
                    message: "webhook answered by the vendor's protocol step",
                    metadata: metadata + [("webhook.outcome", "handshake")]
                )
            )
            return .answered(answer)
        }

        guard let ledger = options.ledger, let key = webhook.deliveryKey else {
            count("verified")
            return .handled(try await handler(webhook))
        }
        let claim: DeliveryClaim
        do throws(WebhookError) {
            switch try await ledger.claim(key, claimTimeout: options.claimTimeout) {
            case .claimed(let held):
                claim = held
            case .completed:
                count("duplicate")
                log(
                    WebhookLogLine(
                        level: options.rejectionLogLevel,
                        message: "webhook duplicate of a processed delivery",
                        metadata: metadata + [("webhook.outcome", "duplicate")]
                    )
                )
                let status = options.duplicate.status
                return .answered(WebhookAnswer(status: status, body: status == 200 ? "ok" : "conflict"))
            case .inProgress:
                count("in_progress")
                log(
                    WebhookLogLine(
                        level: options.rejectionLogLevel,
                        message: "webhook duplicate of a delivery in progress",
                        metadata: metadata + [("webhook.outcome", "in_progress")]
                    )
                )
                let status = options.inProgress.status
                return .answered(
                    WebhookAnswer(
                        status: status,
                        body: status == 409 ? "conflict" : "service unavailable",
                        retryAfterSeconds: retryAfterSeconds
                    )
                )
            }
        } catch {
            metrics.ledgerError(operation: "claim")
            guard options.ledgerFailure.failOpen else {
                count("ledger_unavailable", code: error.code.rawValue)
                log(
                    WebhookLogLine(
                        level: .warning,
                        message: "webhook not processed: delivery ledger unavailable (failing closed): \(error.reason)",
                        metadata: metadata + [
                            ("webhook.code", error.code.rawValue), ("webhook.outcome", "ledger_unavailable"),
                        ]
                    )
                )
                return .answered(
                    WebhookAnswer(status: 503, body: "service unavailable", retryAfterSeconds: retryAfterSeconds)
                )
            }
            log(
                WebhookLogLine(
                    level: .warning,
                    message:
                        "webhook processed without the delivery ledger (failing open): it may be processed twice: \(error.reason)",
                    metadata: metadata + [
                        ("webhook.code", error.code.rawValue), ("webhook.outcome", "ledger_unavailable"),
                    ]
                )
            )
            count("verified")
            return .handled(try await handler(webhook))
        }

        let response: Response
        count("verified")
        do {
            response = try await handler(webhook)
        } catch {
            await release(claim, in: ledger, log: log, metadata: metadata)
            throw error
        }
        let code = status(response)
        if (200..<300).contains(code) {
            let retention = max(options.retention, verifier.minimumDeliveryRetention)
            do throws(WebhookError) {
                try await ledger.complete(claim, retention: retention)
            } catch {
                metrics.ledgerError(operation: "complete")
                log(
                    WebhookLogLine(
                        level: .warning,
                        message:
                            "webhook processed, but the ledger could not record it: a retry after the claim timeout is processed again: \(error.reason)",
                        metadata: metadata + [
                            ("webhook.code", error.code.rawValue), ("webhook.outcome", "ledger_unavailable"),
                        ]
                    )
                )
            }
        } else {
            await release(claim, in: ledger, log: log, metadata: metadata)
        }
        return .handled(response)
    }

    private func release(
        _ claim: DeliveryClaim,
        in ledger: any DeliveryLedger,
        log: (WebhookLogLine) -> Void,
        metadata: [(String, String)]
    ) async {
        do throws(WebhookError) {
            try await ledger.release(claim)
        } catch {
            metrics.ledgerError(operation: "release")
            log(
                WebhookLogLine(
                    level: .warning,
                    message:
                        "webhook claim could not be released: the vendor's retry waits for the claim timeout: \(error.reason)",
                    metadata: metadata + [
                        ("webhook.code", error.code.rawValue), ("webhook.outcome", "ledger_unavailable"),
                    ]
                )
            )
        }
    }

    /// The answer for a verification or decoding error, and its log line.
    package func answer(to error: WebhookError, log: (WebhookLogLine) -> Void) -> WebhookAnswer {
        let metadata: [(String, String)] = [
            ("webhook.vendor", (error.vendor ?? verifier.vendor).rawValue), ("webhook.code", error.code.rawValue),
        ]
        let message = "webhook rejected: \(Self.printable(error.reason))"
        let outcome: String =
            switch error.category {
            case .decoding: "undecodable"
            case .configuration: "misconfigured"
            case .unavailable: "unavailable"
            default: "rejected"
            }
        metrics.delivery(
            vendor: error.vendor ?? verifier.vendor,
            event: nil,
            outcome: outcome,
            code: error.code.rawValue
        )
        switch error.category {
        case .limit:
            log(
                WebhookLogLine(
                    level: options.rejectionLogLevel,
                    message: message,
                    metadata: metadata + [("webhook.outcome", "rejected")]
                )
            )
            return Self.tooLarge
        case .decoding:
            let status = options.decodingFailure.status
            log(
                WebhookLogLine(
                    level: status == 202 ? max(options.rejectionLogLevel, .notice) : options.rejectionLogLevel,
                    message: message,
                    metadata: metadata + [("webhook.outcome", "undecodable")]
                )
            )
            return WebhookAnswer(status: status, body: status == 202 ? "accepted" : "bad request")
        case .configuration:
            log(
                WebhookLogLine(
                    level: .warning,
                    message: message,
                    metadata: metadata + [("webhook.outcome", "misconfigured")]
                )
            )
            return WebhookAnswer(status: 500, body: "internal server error")
        case .unavailable:
            log(
                WebhookLogLine(
                    level: .warning,
                    message: message,
                    metadata: metadata + [("webhook.outcome", "unavailable")]
                )
            )
            return WebhookAnswer(status: 503, body: "service unavailable", retryAfterSeconds: retryAfterSeconds)
        default:
            log(
                WebhookLogLine(
                    level: options.rejectionLogLevel,
                    message: message,
                    metadata: metadata + [("webhook.outcome", "rejected")]
                )
            )
            return Self.unauthorized
        }
    }

    /// Nanoseconds since `start`, for a timer.
    static func nanoseconds(since start: ContinuousClock.Instant) -> Int64 {
        let elapsed = ContinuousClock.now - start
        return elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
    }

    /// Text safe for one log line: control characters (CR, LF, ESC, ...) escaped as `\u{..}`, at most 200
    /// characters.
    package static func printable(_ text: String) -> String {
        WebhookError.escapingControlCharacters(String(text.prefix(200)))
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs (HTTP's optional whitespace).
    package func trimmingHTTPWhitespace() -> Substring {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}
