#if Vapor
public import Vapor
public import WebhookCore

extension Request {
    private struct WebhookKey<Event: Sendable>: StorageKey {
        typealias Value = VerifiedWebhook<Event>
    }

    /// The verified webhook of the given event type, set by ``WebhookMiddleware`` or by a route made with
    /// `webhook(_:_:options:use:)` before the handler runs; `nil` when none of that type was verified.
    /// - Parameter event: The verifier's event type: `ConfluenceEvent.self`, ... or `WebhookEvent.self`.
    public func webhook<Event: Sendable>(_ event: Event.Type) -> VerifiedWebhook<Event>? {
        storage[WebhookKey<Event>.self]
    }

    /// The verified webhook of the given event type; throws `500` when no webhook verification of that type ran
    /// before the handler (a routing mistake, never an outside request).
    /// - Parameter event: The verifier's event type.
    public func requireWebhook<Event: Sendable>(_ event: Event.Type) throws -> VerifiedWebhook<Event> {
        guard let webhook = webhook(event) else {
            throw Abort(.internalServerError, reason: "no WebhookMiddleware in front of this route")
        }
        return webhook
    }

    fileprivate func setWebhook<Event: Sendable>(_ webhook: VerifiedWebhook<Event>) {
        storage[WebhookKey<Event>.self] = webhook
    }
}

/// Verifies webhook requests, processes each delivery once, and stores the verifier's typed event for the
/// handler (`request.requireWebhook(ConfluenceEvent.self)`).
///
/// The middleware reads the body up to the verifier's `limits.maximumBodySize` (`413` beyond it, without
/// reading the rest) and verifies it over the exact bytes. Not authentic: `401` with the body `unauthorized`;
/// over the limit: `413`; authentic but not decodable: `400`, or `202`. An authentic delivery is then claimed in
/// the options' ``DeliveryLedger``: a duplicate of a processed delivery gets `200` (or `409`) without the
/// handler, a copy of one in progress `409` (or `503`) with `Retry-After`; after the handler, a 2xx completes
/// the claim and a thrown error or any other status releases it, so the vendor's retry is processed.
///
/// `RoutesBuilder.webhook(_:_:options:use:)` does the same for one route and hands the typed webhook to the
/// handler.
public struct WebhookMiddleware<Verifier: WebhookVerifier>: AsyncMiddleware {
    let endpoint: WebhookEndpoint<Verifier>

    /// Creates the middleware.
    /// - Parameters:
    ///   - verifier: The vendor's verifier (its event type is the handler's), or `receiver.for(vendor)`.
    ///   - options: The delivery ledger and the answers for decoding failures, duplicates and ledger outages.
    public init(_ verifier: Verifier, options: WebhookMiddlewareOptions = .init()) {
        self.endpoint = WebhookEndpoint(verifier: verifier, options: options)
    }

    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        try await Self.run(request, endpoint: endpoint) { webhook in
            try await next.respond(to: request)
        }
    }

    /// Collects the body up to the limit, then runs the endpoint with the handler.
    static func run(
        _ request: Request,
        endpoint: WebhookEndpoint<Verifier>,
        handler: (VerifiedWebhook<Verifier.Event>) async throws -> Response
    ) async throws -> Response {
        let log = { (line: WebhookLogLine) in line.emit(to: request.logger) }
        let limit = endpoint.bodyLimit
        if endpoint.declaredLengthExceeds(request.headers.first(name: .contentLength)) {
            return Self.response(endpoint.bodyTooLarge(log: log))
        }
        let buffer: ByteBuffer?
        do {
            // Vapor fails a streamed body once it reaches `max` bytes, so `limit + 1` admits exactly `limit`.
            // A body Vapor has already collected is returned as it is: its size is checked below.
            buffer = try await request.eventLoop.flatSubmit {
                request.body.collect(max: limit == .max ? limit : limit + 1)
            }.get()
        } catch let error as Abort where error.status == .payloadTooLarge {
            return Self.response(endpoint.bodyTooLarge(log: log))
        } catch {
            log(WebhookLogLine(level: .info, message: "webhook rejected: the body could not be read"))
            return Self.response(WebhookAnswer(status: 400, body: "bad request"))
        }
        let body = buffer.map { Array($0.readableBytesView) } ?? []
        if body.count > limit {
            return Self.response(endpoint.bodyTooLarge(log: log))
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
        let result = try await endpoint.run(
            webhookRequest,
            log: log,
            handler: { webhook in
                request.setWebhook(webhook)
                return try await handler(webhook)
            },
            status: { Int($0.status.code) }
        )
        switch result {
        case .handled(let response): return response
        case .answered(let answer): return Self.response(answer)
        }
    }

    static func response(_ answer: WebhookAnswer) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .plainText
        if let seconds = answer.retryAfterSeconds { headers.replaceOrAdd(name: .retryAfter, value: String(seconds)) }
        return Response(
            status: HTTPResponseStatus(statusCode: answer.status),
            headers: headers,
            body: .init(string: answer.body)
        )
    }
}

extension RoutesBuilder {
    /// Adds a `POST` route that verifies webhook requests, processes each delivery once, and hands the handler
    /// the verifier's typed webhook.
    ///
    /// The body is streamed and collected up to the verifier's `limits.maximumBodySize` (`413` beyond it),
    /// independent of the application's default body size. Answers as ``WebhookMiddleware``.
    ///
    /// - Parameters:
    ///   - verifier: The vendor's verifier, or `receiver.for(vendor)`.
    ///   - path: The route's path components.
    ///   - options: The delivery ledger and the answers for decoding failures, duplicates and ledger outages.
    ///   - handler: Called with the request and the verified webhook.
    /// - Returns: The route.
    @discardableResult
    @preconcurrency
    public func webhook<Verifier: WebhookVerifier, Output: AsyncResponseEncodable>(
        _ verifier: Verifier,
        _ path: PathComponent...,
        options: WebhookMiddlewareOptions = .init(),
        use handler: @escaping @Sendable (Request, VerifiedWebhook<Verifier.Event>) async throws -> Output
    ) -> Route {
        webhook(verifier, path, options: options, use: handler)
    }

    /// Adds a `POST` route that verifies webhook requests and hands the handler the typed webhook.
    ///
    /// The same as `webhook(_:_:options:use:)` with the path as an array.
    @discardableResult
    @preconcurrency
    public func webhook<Verifier: WebhookVerifier, Output: AsyncResponseEncodable>(
        _ verifier: Verifier,
        _ path: [PathComponent],
        options: WebhookMiddlewareOptions = .init(),
        use handler: @escaping @Sendable (Request, VerifiedWebhook<Verifier.Event>) async throws -> Output
    ) -> Route {
        let endpoint = WebhookEndpoint(verifier: verifier, options: options)
        return on(.POST, path, body: .stream) { request async throws -> Response in
            try await WebhookMiddleware.run(request, endpoint: endpoint) { webhook in
                try await handler(request, webhook).encodeResponse(for: request)
            }
        }
    }
}
#endif
