public import Vapor
import WebhookExampleSupport
public import WebhookKit
import WebhookKitVapor

// snippet.vapor-routes
/// The example's routes: one typed route per vendor. Each route streams the body up to the limit (413 beyond
/// it), verifies the request and calls the handler with the typed event.
public func registerWebhookRoutes(_ app: Application, receiver: WebhookReceiver) {
    let options = WebhookMiddlewareOptions(
        maximumBodySize: 256 * 1024,
        decodingFailure: .acceptAndLog,  // authentic but not decodable: 202 and a log line
        onVerificationRequest: { callbackURL in
            // R-Service's webhook.verify: GET the callback URL with your HTTP client to activate the webhook.
            app.logger.notice("R-Service asks to verify the webhook: GET \(callbackURL)")
        }
    )
    for vendor in [WebhookVendor.hipChat, .confluence, .rService, .apiTree] {
        app.webhook(.receiver(receiver, vendor: vendor), "webhooks", .constant(vendor.rawValue), options: options) {
            request,
            webhook in
            request.logger.info("\(summary(of: webhook))")
            if case .confluence(let event) = webhook.event {
                request.logger.info("Confluence \(event.eventName ?? "?")")
            }
            return HTTPStatus.ok
        }
    }
}
// snippet.end

// snippet.vapor-middleware
/// The same with `WebhookMiddleware` on a route group: the handler reads `request.webhook`.
public func registerWebhookGroup(_ app: Application, receiver: WebhookReceiver) {
    let hooks = app.grouped("hooks").grouped(WebhookMiddleware(.receiver(receiver, vendor: .apiTree)))
    hooks.post("apitree") { request -> HTTPStatus in
        let webhook = try request.requireWebhook()
        guard case .apiTree(let event) = webhook.event else { throw Abort(.badRequest) }
        request.logger.info("ApiTree \(event.eventName ?? "?")")
        return .noContent
    }
}
// snippet.end
