// The framework-independent part of the middleware adapters (WebhookKitHummingbird, WebhookKitVapor): what
// verifies an endpoint's requests, the options, and the HTTP answer for every outcome. It lives here, once, so
// both adapters share it; the adapters only translate their framework's request and response.
public import ApiTreeWebhooks
public import ConfluenceWebhooks
public import HipChatWebhooks
public import RServiceWebhooks
public import WebhookCore
public import WebhookRegistry

/// What verifies the requests of a webhook endpoint: a ``WebhookReceiver`` with the vendor to expect, one
/// vendor's verifier, or your own function.
///
/// The result is always a `VerifiedWebhook<WebhookEvent>`, so a handler sees the same type whichever verifier
/// ran.
public struct WebhookVerification: Sendable {
    /// The function that verifies a request: the request, and the event name from outside the body, if any.
    public typealias Verify =
        @Sendable (WebhookRequest, String?) async throws(WebhookError) -> VerifiedWebhook<WebhookEvent>

    let verify: Verify
    /// The vendor, when known (used in log lines).
    public let vendor: WebhookVendor?

    /// Verifies with your own function.
    public init(vendor: WebhookVendor? = nil, verify: @escaping Verify) {
        self.vendor = vendor
        self.verify = verify
    }

    /// Verifies with a receiver configured for several vendors, expecting requests of one of them.
    public static func receiver(_ receiver: WebhookReceiver, vendor: WebhookVendor) -> WebhookVerification {
        WebhookVerification(vendor: vendor) { request, eventName throws(WebhookError) in
            try await receiver.verify(request, from: vendor, eventName: eventName)
        }
    }

    /// Verifies with one vendor's verifier, wrapping its event into ``WebhookEvent``.
    public static func verifier<Verifier: WebhookVerifier>(
        _ verifier: Verifier,
        wrap: @escaping @Sendable (Verifier.Event) -> WebhookEvent
    ) -> WebhookVerification {
        WebhookVerification(vendor: verifier.vendor) { request, eventName throws(WebhookError) in
            try await verifier.verify(request, eventName: eventName).map(wrap)
        }
    }

    /// Verifies HipChat requests.
    public static func hipChat(_ verifier: HipChatSignatureVerifier) -> WebhookVerification {
        .verifier(verifier) { .hipChat($0) }
    }

    /// Verifies Confluence requests.
    public static func confluence(_ verifier: ConfluenceSignatureVerifier) -> WebhookVerification {
        .verifier(verifier) { .confluence($0) }
    }

    /// Verifies R-Service requests.
    public static func rService(_ verifier: RServiceSignatureVerifier) -> WebhookVerification {
        .verifier(verifier) { .rService($0) }
    }

    /// Verifies ApiTree requests.
    public static func apiTree(_ verifier: ApiTreeSignatureVerifier) -> WebhookVerification {
        .verifier(verifier) { .apiTree($0) }
    }
}

/// How the middleware answers a request that is authentic but cannot be decoded.
public struct WebhookDecodingFailurePolicy: Sendable, Hashable {
    let status: Int

    /// Answer `400 Bad Request` (the default): the vendor sees the failure and may retry or alert.
    public static let reject = WebhookDecodingFailurePolicy(status: 400)
    /// Answer `202 Accepted` and log the error: the vendor does not retry a payload this version cannot read.
    public static let acceptAndLog = WebhookDecodingFailurePolicy(status: 202)
}

/// How the middleware answers a replay (an authentic delivery, token id or webhook identifier seen before).
public struct WebhookReplayPolicy: Sendable, Hashable {
    let status: Int

    /// Answer `409 Conflict` (the default).
    public static let reject = WebhookReplayPolicy(status: 409)
    /// Answer `200 OK` without calling the handler: for vendors that retry until they see a 2xx, so a delivery
    /// that arrives twice is handled once and not retried again.
    public static let acceptAndIgnore = WebhookReplayPolicy(status: 200)
}

/// The middleware's settings.
public struct WebhookMiddlewareOptions: Sendable {
    /// The largest body read, in bytes (default 1 MiB). A larger body gets `413` and is not read into memory.
    public var maximumBodySize: Int
    /// How to answer an authentic request whose body cannot be decoded (default ``WebhookDecodingFailurePolicy/reject``).
    public var decodingFailure: WebhookDecodingFailurePolicy
    /// How to answer a replay (default ``WebhookReplayPolicy/reject``).
    public var replay: WebhookReplayPolicy
    /// The event name for vendors whose bodies name none (Confluence Cloud): read from the request, for example
    /// a query parameter of the URL you registered for each event. `nil`: the verifier decides.
    public var eventName: (@Sendable (WebhookRequest) -> String?)?
    /// Handles R-Service's `webhook.verify` handshake: called with the callback URL of a verified
    /// `webhook.verify` delivery; the middleware then answers `200` without calling your handler (`500` when
    /// the function throws). Fetch the URL with your HTTP client (a GET activates the webhook; WebhookKit has
    /// no HTTP client). `nil` (the default): the delivery reaches your handler like any other event.
    public var onVerificationRequest: (@Sendable (_ callbackURL: String) async throws -> Void)?

    /// Creates options.
    public init(
        maximumBodySize: Int = 1 << 20,
        decodingFailure: WebhookDecodingFailurePolicy = .reject,
        replay: WebhookReplayPolicy = .reject,
        eventName: (@Sendable (WebhookRequest) -> String?)? = nil,
        onVerificationRequest: (@Sendable (_ callbackURL: String) async throws -> Void)? = nil
    ) {
        self.maximumBodySize = maximumBodySize
        self.decodingFailure = decodingFailure
        self.replay = replay
        self.eventName = eventName
        self.onVerificationRequest = onVerificationRequest
    }

    /// Reads the event name from a query parameter (default `event`): `/webhooks/confluence?event=page_created`.
    public static func eventNameFromQuery(_ name: String = "event") -> @Sendable (WebhookRequest) -> String? {
        { $0.queryValue(name) }
    }
}

/// What the adapter does with one request, whatever the framework.
package enum WebhookOutcome: Sendable {
    /// Call the handler with the verified event.
    case verified(VerifiedWebhook<WebhookEvent>)
    /// Answer without calling the handler; log the message, when there is one.
    case respond(status: Int, body: String, log: WebhookLogLine?)
}

/// A line to log, with its level.
package struct WebhookLogLine: Sendable {
    package enum Level: Sendable {
        case info, notice, warning, error
    }

    package var level: Level
    package var message: String

    package init(level: Level, message: String) {
        self.level = level
        self.message = message
    }
}

/// The framework-independent part of the adapters: the answer for every outcome.
///
/// Bodies are fixed texts: a `401` says `unauthorized` and nothing that helps an attacker; the error code goes
/// to the log only.
package enum WebhookEndpointCore {
    package static let unauthorized = (status: 401, body: "unauthorized")
    package static let tooLarge = (status: 413, body: "payload too large")

    /// Whether a `Content-Length` header already says the body is over the limit.
    package static func declaredLengthExceeds(_ contentLength: String?, limit: Int) -> Bool {
        guard let contentLength, let length = Int(contentLength.trimmingWhitespace()) else { return false }
        return length > limit
    }

    /// Verifies the request and decides the answer.
    package static func process(
        _ request: WebhookRequest,
        verification: WebhookVerification,
        options: WebhookMiddlewareOptions
    ) async -> WebhookOutcome {
        let verified: VerifiedWebhook<WebhookEvent>
        do {
            verified = try await verification.verify(request, options.eventName?(request))
        } catch {
            return respond(to: error, options: options)
        }
        if let onVerificationRequest = options.onVerificationRequest,
            case .rService(.webhookVerify(let message)) = verified.event
        {
            do {
                try await onVerificationRequest(message.payload.callbackURL)
                return .respond(
                    status: 200,
                    body: "ok",
                    log: WebhookLogLine(level: .info, message: "R-Service webhook.verify: callback fetched")
                )
            } catch {
                return .respond(
                    status: 500,
                    body: "internal server error",
                    log: WebhookLogLine(level: .error, message: "R-Service webhook.verify: callback failed: \(error)")
                )
            }
        }
        return .verified(verified)
    }

    /// The answer for a verification or decoding error.
    package static func respond(to error: WebhookError, options: WebhookMiddlewareOptions) -> WebhookOutcome {
        let vendor = error.vendor.map { "\($0.rawValue) " } ?? ""
        let detail = "\(vendor)webhook rejected: \(error.code.rawValue): \(error.reason)"
        switch error.category {
        case .replay:
            let status = options.replay.status
            return .respond(
                status: status,
                body: status == 200 ? "ok" : "conflict",
                log: WebhookLogLine(level: .notice, message: detail)
            )
        case .limit:
            return .respond(
                status: tooLarge.status,
                body: tooLarge.body,
                log: WebhookLogLine(level: .notice, message: detail)
            )
        case .decoding:
            let status = options.decodingFailure.status
            return .respond(
                status: status,
                body: status == 202 ? "accepted" : "bad request",
                log: WebhookLogLine(level: status == 202 ? .warning : .notice, message: detail)
            )
        case .configuration:
            return .respond(
                status: 500,
                body: "internal server error",
                log: WebhookLogLine(level: .error, message: detail)
            )
        default:
            return .respond(
                status: unauthorized.status,
                body: unauthorized.body,
                log: WebhookLogLine(level: .notice, message: detail)
            )
        }
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> Substring {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}
