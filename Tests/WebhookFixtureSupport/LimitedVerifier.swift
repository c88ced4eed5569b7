package import WebhookCore
import WebhookRegistry

/// A verifier with other limits than the one it wraps: the middleware reads at most `limits.maximumBodySize`.
package struct LimitedVerifier<Inner: WebhookVerifier>: WebhookVerifier {
    package let inner: Inner
    public let limits: WebhookLimits

    package init(_ inner: Inner, _ limits: WebhookLimits) {
        self.inner = inner
        self.limits = limits
    }

    public var vendor: WebhookVendor { inner.vendor }

    public func verify(_ request: WebhookRequest, eventName: String?) async throws(WebhookError) -> VerifiedWebhook<
        Inner.Event
    > {
        try await inner.verify(request, eventName: eventName)
    }

    public func answerBeforeHandler(_ webhook: VerifiedWebhook<Inner.Event>) async -> WebhookAnswer? {
        await inner.answerBeforeHandler(webhook)
    }
}
