/// Size limits every verifier applies before parsing anything.
public struct WebhookLimits: Sendable, Hashable {
    /// The largest body accepted, in bytes. Default 1 MiB.
    public var maximumBodySize: Int
    /// The largest token (JWT) accepted, in bytes. Default 16 KiB.
    public var maximumTokenSize: Int

    /// Creates limits.
    public init(maximumBodySize: Int = 1 << 20, maximumTokenSize: Int = 16 << 10) {
        self.maximumBodySize = maximumBodySize
        self.maximumTokenSize = maximumTokenSize
    }

    /// The defaults: 1 MiB bodies, 16 KiB tokens.
    public static let `default` = WebhookLimits()

    /// Throws ``WebhookError/Code/bodyTooLarge`` when the body is over the limit.
    package func checkBody(_ count: Int) throws(WebhookError) {
        if count > maximumBodySize {
            throw WebhookError(.bodyTooLarge, "body of \(count) bytes is over the limit of \(maximumBodySize)")
        }
    }

    /// Throws ``WebhookError/Code/tokenTooLarge`` when the token is over the limit.
    package func checkToken(_ count: Int) throws(WebhookError) {
        if count > maximumTokenSize {
            throw WebhookError(.tokenTooLarge, "token of \(count) bytes is over the limit of \(maximumTokenSize)")
        }
    }
}
