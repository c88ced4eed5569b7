#if Vapor
public import Vapor
public import WebhookCore
public import WebhookKit

extension Request {
    private struct WebhookKey: StorageKey {
        typealias Value = VerifiedWebhook<WebhookEvent>
    }

    /// The verified, typed webhook; set by ``WebhookMiddleware`` or by a route made with
    /// `webhook(_:_:options:use:)` before the handler runs.
    public var webhook: VerifiedWebhook<WebhookEvent>? {
        get { storage[WebhookKey.self] }
        set { storage[WebhookKey.self] = newValue }
    }

    /// The verified webhook; throws `500` when no webhook verification ran before the handler (a routing
    /// mistake, never an outside request).
    public func requireWebhook() throws -> VerifiedWebhook<WebhookEvent> {
        guard let webhook else {
            throw Abort(.internalServerError, reason: "no WebhookMiddleware in front of this route")
        }
        return webhook
    }
}

/// Verifies webhook requests before they reach the handler, and stores the typed event in `Request.webhook`.
///
/// The middleware reads the body up to ``WebhookMiddlewareOptions/maximumBodySize`` (`413` beyond it, without
/// reading the rest), builds a `WebhookRequest` from the exact bytes, and runs the verification. Not authentic:
/// `401` with the body `unauthorized`; replay: `409`, or `200` without calling the handler; over the limit:
/// `413`; authentic but not decodable: `400`, or `202` and a log line. The reason goes to the request's logger.
///
/// ```swift
/// app.grouped(WebhookMiddleware(.receiver(receiver, vendor: .apiTree)))
///     .post("webhooks", "apitree") { request in
///         let webhook = try request.requireWebhook()
///         return HTTPStatus.noContent
///     }
/// ```
///
/// `RoutesBuilder.webhook(_:_:options:use:)` does the same for one route and hands the event to the handler.
public struct WebhookMiddleware: AsyncMiddleware {
    /// What verifies the requests.
    public let verification: WebhookVerification
    /// The settings.
    public let options: WebhookMiddlewareOptions

    /// Creates the middleware.
    /// - Parameters:
    ///   - verification: What verifies the requests: `.receiver(receiver, vendor: .confluence)`,
    ///     `.hipChat(verifier)`, ...
    ///   - options: Body limit, answers for decoding failures and replays, `webhook.verify` handling.
    public init(_ verification: WebhookVerification, options: WebhookMiddlewareOptions = .init()) {
        self.verification = verification
        self.options = options
    }

    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        switch await Self.verify(request, verification: verification, options: options) {
        case .verified(let webhook):
            request.webhook = webhook
            return try await next.respond(to: request)
        case .respond(let status, let body, let log):
            Self.log(log, on: request)
            return Self.plain(status, body)
        }
    }

    /// Collects the body up to the limit and verifies the request.
    static func verify(
        _ request: Request,
        verification: WebhookVerification,
        options: WebhookMiddlewareOptions
    ) async -> WebhookOutcome {
        let limit = options.maximumBodySize
        let tooLarge = WebhookOutcome.respond(
            status: WebhookEndpointCore.tooLarge.status,
            body: WebhookEndpointCore.tooLarge.body,
            log: WebhookLogLine(level: .notice, message: "webhook rejected: body over the limit of \(limit) bytes")
        )
        if WebhookEndpointCore.declaredLengthExceeds(request.headers.first(name: .contentLength), limit: limit) {
            return tooLarge
        }
        let buffer: ByteBuffer?
        do {
            // Vapor fails a streamed body once it reaches `max` bytes, so `limit + 1` admits exactly `limit`.
            // A body Vapor has already collected is returned as it is: its size is checked below.
            buffer = try await request.eventLoop.flatSubmit {
                request.body.collect(max: limit == .max ? limit : limit + 1)
            }.get()
        } catch let error as Abort where error.status == .payloadTooLarge {
            return tooLarge
        } catch {
            return .respond(
                status: 400,
                body: "bad request",
                log: WebhookLogLine(level: .notice, message: "webhook rejected: body could not be read: \(error)")
            )
        }
        let body = buffer.map { Array($0.readableBytesView) } ?? []
        if body.count > limit {
            return tooLarge
        }
        var headers = WebhookHeaders()
        for (name, value) in request.headers {
            headers.add(name: name, value: value)
        }
        let webhookRequest = WebhookRequest(
            method: request.method.rawValue,
            target: request.url.string,
            headers: headers,
            body: body
        )
        return await WebhookEndpointCore.process(webhookRequest, verification: verification, options: options)
    }

    static func log(_ line: WebhookLogLine?, on request: Request) {
        guard let line else { return }
        switch line.level {
        case .info: request.logger.info("\(line.message)")
        case .notice: request.logger.notice("\(line.message)")
        case .warning: request.logger.warning("\(line.message)")
        case .error: request.logger.error("\(line.message)")
        }
    }

    static func plain(_ status: Int, _ text: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .plainText
        return Response(status: HTTPResponseStatus(statusCode: status), headers: headers, body: .init(string: text))
    }
}

extension RoutesBuilder {
    /// Adds a `POST` route that verifies webhook requests and hands the handler the typed event.
    ///
    /// The body is streamed and collected up to ``WebhookMiddlewareOptions/maximumBodySize`` (`413` beyond it),
    /// independent of the application's default body size. The event is also in `Request.webhook`.
    ///
    /// ```swift
    /// app.webhook(.receiver(receiver, vendor: .confluence), "webhooks", "confluence") { request, webhook in
    ///     request.logger.info("\(webhook.eventName ?? "?")")
    ///     return HTTPStatus.noContent
    /// }
    /// ```
    /// - Parameters:
    ///   - verification: What verifies the requests.
    ///   - path: The route's path components.
    ///   - options: Body limit, answers for decoding failures and replays, `webhook.verify` handling.
    ///   - handler: Called with the request and the verified webhook.
    /// - Returns: The route.
    @discardableResult
    @preconcurrency
    public func webhook<Output: AsyncResponseEncodable>(
        _ verification: WebhookVerification,
        _ path: PathComponent...,
        options: WebhookMiddlewareOptions = .init(),
        use handler: @escaping @Sendable (Request, VerifiedWebhook<WebhookEvent>) async throws -> Output
    ) -> Route {
        webhook(verification, path, options: options, use: handler)
    }

    /// Adds a `POST` route that verifies webhook requests and hands the handler the typed event.
    ///
    /// The same as `webhook(_:_:options:use:)` with the path as an array.
    @discardableResult
    @preconcurrency
    public func webhook<Output: AsyncResponseEncodable>(
        _ verification: WebhookVerification,
        _ path: [PathComponent],
        options: WebhookMiddlewareOptions = .init(),
        use handler: @escaping @Sendable (Request, VerifiedWebhook<WebhookEvent>) async throws -> Output
    ) -> Route {
        on(.POST, path, body: .stream) { request async throws -> Response in
            switch await WebhookMiddleware.verify(request, verification: verification, options: options) {
            case .verified(let webhook):
                request.webhook = webhook
                return try await handler(request, webhook).encodeResponse(for: request)
            case .respond(let status, let body, let log):
                WebhookMiddleware.log(log, on: request)
                return WebhookMiddleware.plain(status, body)
            }
        }
    }
}
#endif
