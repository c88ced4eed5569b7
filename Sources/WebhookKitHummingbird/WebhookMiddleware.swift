#if Hummingbird
public import Hummingbird
public import WebhookCore
public import WebhookKit
import Logging
import NIOCore

/// A request context that carries the verified webhook from ``WebhookMiddleware`` to the handler.
///
/// Adopt it in your own context, or use ``BasicWebhookRequestContext``.
public protocol WebhookRequestContext: RequestContext {
    /// The verified, typed webhook; set by ``WebhookMiddleware`` before your handler runs.
    var webhook: VerifiedWebhook<WebhookEvent>? { get set }
}

/// A request context with nothing but Hummingbird's core context and the verified webhook.
public struct BasicWebhookRequestContext: WebhookRequestContext {
    /// Hummingbird's core context.
    public var coreContext: CoreRequestContextStorage
    /// The verified webhook, set by ``WebhookMiddleware``.
    public var webhook: VerifiedWebhook<WebhookEvent>?

    /// Creates a context for a request.
    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.webhook = nil
    }
}

extension WebhookRequestContext {
    /// The verified webhook; throws `500` when no ``WebhookMiddleware`` ran before the handler (a routing
    /// mistake, never an outside request).
    public func requireWebhook() throws -> VerifiedWebhook<WebhookEvent> {
        guard let webhook else {
            throw HTTPError(.internalServerError, message: "no WebhookMiddleware in front of this route")
        }
        return webhook
    }
}

/// Verifies webhook requests before they reach the handler, and hands the handler the typed event through
/// ``WebhookRequestContext/webhook``.
///
/// The middleware reads the body up to ``WebhookMiddlewareOptions/maximumBodySize`` (`413` beyond it, without
/// reading the rest), builds a `WebhookRequest` from the exact bytes, and runs the verification. Not authentic:
/// `401` with the body `unauthorized`; replay: `409`, or `200` without calling the handler; over the limit:
/// `413`; authentic but not decodable: `400`, or `202` and a log line. The reason goes to the request's logger.
///
/// ```swift
/// let router = Router(context: BasicWebhookRequestContext.self)
/// router.group("webhooks/hipchat")
///     .add(middleware: WebhookMiddleware(.receiver(receiver, vendor: .hipChat)))
///     .post { _, context in
///         let webhook = try context.requireWebhook()
///         return HTTPResponse.Status.noContent
///     }
/// ```
public struct WebhookMiddleware<Context: WebhookRequestContext>: RouterMiddleware {
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

    public func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let limit = options.maximumBodySize
        if WebhookEndpointCore.declaredLengthExceeds(request.headers[.contentLength], limit: limit) {
            return Self.plain(WebhookEndpointCore.tooLarge.status, WebhookEndpointCore.tooLarge.body)
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch is NIOTooManyBytesError {
            context.logger.notice("webhook rejected: body over the limit of \(limit) bytes")
            return Self.plain(WebhookEndpointCore.tooLarge.status, WebhookEndpointCore.tooLarge.body)
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
        switch await WebhookEndpointCore.process(webhookRequest, verification: verification, options: options) {
        case .verified(let webhook):
            var context = context
            context.webhook = webhook
            return try await next(request, context)
        case .respond(let status, let body, let log):
            if let log {
                switch log.level {
                case .info: context.logger.info("\(log.message)")
                case .notice: context.logger.notice("\(log.message)")
                case .warning: context.logger.warning("\(log.message)")
                case .error: context.logger.error("\(log.message)")
                }
            }
            return Self.plain(status, body)
        }
    }

    static func plain(_ status: Int, _ text: String) -> Response {
        let known: [Int: HTTPResponse.Status] = [
            200: .ok, 202: .accepted, 400: .badRequest, 401: .unauthorized, 409: .conflict, 413: .contentTooLarge,
            500: .internalServerError,
        ]
        return Response(
            status: known[status] ?? HTTPResponse.Status(code: status),
            headers: [.contentType: "text/plain; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text))
        )
    }
}
#endif
