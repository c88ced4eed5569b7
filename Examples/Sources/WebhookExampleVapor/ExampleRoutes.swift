public import Vapor
public import WebhookExampleSupport
import WebhookKit
import WebhookKitVapor

// snippet.vapor-routes
/// The example's routes: one typed route per vendor. Each route streams the body up to the verifier's limit
/// (413 beyond it), verifies the request, processes each delivery once and calls the handler with the vendor's
/// typed event.
public func registerWebhookRoutes(_ app: Application, verifiers: ExampleVerifiers) {
    let options = WebhookMiddlewareOptions(
        decodingFailure: .acceptAndLog  // authentic but not decodable: 202 and a log line
    )
    app.webhook(verifiers.confluence, "webhooks", "confluence", options: options) { request, webhook in
        if case .pageCreated(let created) = webhook.event {
            request.logger.info("page created: \(created.page?.title ?? "?")")
        }
        return HTTPStatus.ok
    }
    app.webhook(verifiers.hipChat, "webhooks", "hipchat", options: options) { request, webhook in
        request.logger.info("HipChat \(webhook.eventName ?? "?")")
        return HTTPStatus.ok
    }
    app.webhook(verifiers.rService, "webhooks", "rservice", options: options) { request, webhook in
        request.logger.info("R-Service \(webhook.eventName ?? "?") delivery \(webhook.deliveryID ?? "-")")
        return HTTPStatus.ok
    }
    app.webhook(verifiers.apiTree, "webhooks", "apitree", options: options) { request, webhook in
        request.logger.info("ApiTree \(webhook.eventName ?? "?")")
        return HTTPStatus.ok
    }
}
// snippet.end

// snippet.vapor-middleware
/// The same with `WebhookMiddleware` on a route group: the handler reads the typed webhook from the request.
public func registerWebhookGroup(_ app: Application, verifiers: ExampleVerifiers) {
    let hooks = app.grouped("hooks").grouped(WebhookMiddleware(verifiers.apiTree))
    hooks.post("apitree") { request -> HTTPStatus in
        let webhook = try request.requireWebhook(ApiTreeEvent.self)
        request.logger.info("ApiTree \(webhook.eventName ?? "?")")
        return .noContent
    }
}
// snippet.end
