#if Hummingbird
public import Hummingbird
public import WebhookCore
import Logging
import NIOCore

/// A request context that carries a verified webhook of one event type from ``WebhookMiddleware`` to the
/// handler, as hummingbird-auth's `AuthRequestContext` carries an identity.
///
/// Adopt it in your own context, or use ``BasicWebhookRequestContext``.
public protocol WebhookRequestContext<Event>: RequestContext {
    /// The event type of the verifier in front of the route: `ConfluenceEvent`, `HipChatEvent`, ... or
    /// `WebhookEvent` for `WebhookReceiver.for(_:)`.
    associatedtype Event: Sendable
    /// The verified, typed webhook; set by ``WebhookMiddleware`` before your handler runs.
    var webhook: VerifiedWebhook<Event>? { get set }
}

/// A request context with nothing but Hummingbird's core context and the verified webhook.
public struct BasicWebhookRequestContext<Event: Sendable>: WebhookRequestContext {
    /// Hummingbird's core context.
    public var coreContext: CoreRequestContextStorage
    /// The verified webhook, set by ``WebhookMiddleware``.
    public var webhook: VerifiedWebhook<Event>?

    /// Creates a context for a request.
    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.webhook = nil
    }
}

/// A request context for a route group of a router whose context is another (`Router()` with
/// `BasicRequestContext`, or your own): `router.group("webhooks/confluence", context:
/// WebhookChildRequestContext<ConfluenceEvent, BasicRequestContext>.self)` gives that group the typed webhook while
/// the rest of the application keeps its context.
public struct WebhookChildRequestContext<Event: Sendable, ParentContext: RequestContext>: ChildRequestContext,
    WebhookRequestContext
{
    /// Hummingbird's core context, taken over from the parent context.
    public var coreContext: CoreRequestContextStorage
    /// The verified webhook, set by ``WebhookMiddleware``.
    public var webhook: VerifiedWebhook<Event>?

    /// Creates the context from the router's context.
    public init(context: ParentContext) {
        self.coreContext = context.coreContext
        self.webhook = nil
    }
}

extension WebhookRequestContext {
    /// The verified webhook; throws `500` when no ``WebhookMiddleware`` ran before the handler (a routing
    /// mistake, never an outside request).
    public func requireWebhook() throws -> VerifiedWebhook<Event> {
        guard let webhook else {
            throw HTTPError(.internalServerError, message: "no WebhookMiddleware in front of this route")
        }
        return webhook
    }
}

/// Verifies webhook requests, processes each delivery once, and hands the handler the verifier's typed event
/// through ``WebhookRequestContext/webhook``.
///
/// The middleware reads the body up to the verifier's `limits.maximumBodySize` (`413` beyond it, without
/// reading the rest) and verifies it over the exact bytes. Not authentic: `401` with the body `unauthorized`;
/// over the limit: `413`; authentic but not decodable: `400`, or `202`. An authentic delivery is then claimed in
/// the options' ``DeliveryLedger``: a duplicate of a processed delivery gets `200` (or `409`) without the
/// handler, a copy of one in progress `409` (or `503`) with `Retry-After`; after the handler, a 2xx completes
/// the claim and a thrown error or any other status releases it, so the vendor's retry is processed. The reason
/// of a rejection goes to the request's logger at `info`, never to the sender.
public struct WebhookMiddleware<Verifier: WebhookVerifier, Context: WebhookRequestContext>: RouterMiddleware
where Context.Event == Verifier.Event {
    let endpoint: WebhookEndpoint<Verifier>

    /// Creates the middleware.
    /// - Parameters:
    ///   - verifier: The vendor's verifier (its event type is the handler's), or `receiver.for(vendor)`.
    ///   - options: The delivery ledger and the answers for decoding failures, duplicates and ledger outages.
    public init(_ verifier: Verifier, options: WebhookMiddlewareOptions = .init()) {
        self.endpoint = WebhookEndpoint(verifier: verifier, options: options)
    }

    public func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let log = { (line: WebhookLogLine) in line.emit(to: context.logger) }
        if endpoint.declaredLengthExceeds(request.headers[.contentLength]) {
            return Self.response(endpoint.bodyTooLarge(log: log))
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: endpoint.bodyLimit)
        } catch is NIOTooManyBytesError {
            return Self.response(endpoint.bodyTooLarge(log: log))
        }
        var headers = WebhookHeaders()
        for field in request.headers {
            headers.add(name: field.name.rawName, value: field.value)
        }
        let webhookRequest = WebhookRequest(
            method: request.method.rawValue,
            target: request.head.path ?? request.uri.description,
            headers: headers,
            body: Array(buffer.readableBytesView)
        )
        let result = try await endpoint.run(
            webhookRequest,
            log: log,
            handler: { webhook in
                var context = context
                context.webhook = webhook
                return try await next(request, context)
            },
            status: { Int($0.status.code) }
        )
        switch result {
        case .handled(let response): return response
        case .answered(let answer): return Self.response(answer)
        }
    }

    static func response(_ answer: WebhookAnswer) -> Response {
        var headers: HTTPFields = [.contentType: "text/plain; charset=utf-8"]
        if let seconds = answer.retryAfterSeconds { headers[.retryAfter] = String(seconds) }
        return Response(
            status: HTTPResponse.Status(code: answer.status),
            headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(string: answer.body))
        )
    }
}
#endif
