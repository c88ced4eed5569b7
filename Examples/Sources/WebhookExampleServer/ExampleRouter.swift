public import Hummingbird
import Logging
import WebhookExampleSupport
public import WebhookKit
public import WebhookKitHummingbird

// snippet.hummingbird-router
/// The example's routes: one per vendor, each behind a `WebhookMiddleware` that verifies the request and puts the
/// typed event into the request context.
public func buildRouter(receiver: WebhookReceiver) -> Router<BasicWebhookRequestContext> {
    let router = Router(context: BasicWebhookRequestContext.self)
    let options = WebhookMiddlewareOptions(
        maximumBodySize: 256 * 1024,
        replay: .acceptAndIgnore,  // a delivery seen before: 200, the handler does not run again
        onVerificationRequest: { callbackURL in
            // R-Service's webhook.verify: GET the callback URL with your HTTP client to activate the webhook.
            Logger(label: "webhooks").notice("R-Service asks to verify the webhook: GET \(callbackURL)")
        }
    )
    for vendor in [WebhookVendor.hipChat, .confluence, .rService, .apiTree] {
        router.group(RouterPath("webhooks/\(vendor.rawValue)"))
            .add(middleware: WebhookMiddleware(.receiver(receiver, vendor: vendor), options: options))
            .post { _, context -> HTTPResponse.Status in
                let webhook = try context.requireWebhook()
                context.logger.info("\(summary(of: webhook))")
                switch webhook.event {
                case .hipChat(.roomMessage(let message)):
                    context.logger.info(
                        "HipChat message: \(message.item.message.text) in \(message.item.room.name ?? "?")"
                    )
                case .rService(let event):
                    context.logger.info("R-Service \(event.eventName ?? "?") delivery \(webhook.deliveryID ?? "-")")
                default:
                    break
                }
                return .ok
            }
    }
    return router
}
// snippet.end
