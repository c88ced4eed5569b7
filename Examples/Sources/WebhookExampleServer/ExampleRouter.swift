public import Hummingbird
import Logging
public import WebhookExampleSupport
public import WebhookKit
public import WebhookKitHummingbird

// snippet.hummingbird-single-vendor
/// A server that receives Confluence webhooks only: the route's context carries `VerifiedWebhook<ConfluenceEvent>`,
/// so the handler switches over Confluence's events with nothing to unwrap.
public func buildConfluenceRouter(verifier: ConfluenceSignatureVerifier) -> Router<
    BasicWebhookRequestContext<ConfluenceEvent>
> {
    let router = Router(context: BasicWebhookRequestContext<ConfluenceEvent>.self)
    router.group("webhooks/confluence")
        .add(middleware: WebhookMiddleware(verifier))
        .post { _, context in
            if case .pageCreated(let created) = try context.requireWebhook().event {
                context.logger.info("page created: \(created.page?.title ?? "?")")
            }
            return HTTPResponse.Status.noContent
        }
    return router
}
// snippet.end

// snippet.hummingbird-router
/// The example's routes in an application whose own context is `BasicRequestContext`: each webhook group gets a
/// typed child context. Confluence and HipChat have typed handlers; R-Service and ApiTree share one handler
/// through a receiver, whose event type (`WebhookEvent`) covers every vendor.
public func buildRouter(verifiers: ExampleVerifiers) -> Router<BasicRequestContext> {
    let router = Router()
    let options = WebhookMiddlewareOptions(
        decodingFailure: .acceptAndLog  // authentic but not decodable: 202 and a log line, the vendor stops retrying
    )
    router.group("webhooks/confluence", context: WebhookChildRequestContext<ConfluenceEvent, BasicRequestContext>.self)
        .add(middleware: WebhookMiddleware(verifiers.confluence, options: options))
        .post { _, context -> HTTPResponse.Status in
            let webhook = try context.requireWebhook()
            switch webhook.event {
            case .pageCreated(let created): context.logger.info("page created: \(created.page?.title ?? "?")")
            default: context.logger.info("Confluence \(webhook.eventName ?? "?")")
            }
            return .ok
        }
    router.group("webhooks/hipchat", context: WebhookChildRequestContext<HipChatEvent, BasicRequestContext>.self)
        .add(middleware: WebhookMiddleware(verifiers.hipChat, options: options))
        .post { _, context -> HTTPResponse.Status in
            if case .roomMessage(let message) = try context.requireWebhook().event {
                context.logger.info("HipChat message: \(message.item.message.text)")
            }
            return .ok
        }
    let receiver = verifiers.receiver
    for vendor in [WebhookVendor.rService, .apiTree] {
        router.group(
            RouterPath("webhooks/\(vendor.rawValue)"),
            context: WebhookChildRequestContext<WebhookEvent, BasicRequestContext>.self
        )
        .add(middleware: WebhookMiddleware(receiver.for(vendor), options: options))
        .post { _, context -> HTTPResponse.Status in
            let webhook = try context.requireWebhook()
            context.logger.info("\(summary(of: webhook))")
            return .ok
        }
    }
    return router
}
// snippet.end
