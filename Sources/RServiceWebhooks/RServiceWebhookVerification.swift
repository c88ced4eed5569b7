public import Foundation

/// The payload of `webhook.verify`: the callback URL that activates a new webhook (or one whose URI changed).
///
/// The receiver GETs (or POSTs) ``callbackURL``; the webhook stays inactive until then. The code in the URL is
/// valid for 24 hours.
public struct RServiceWebhookVerification: RServicePayload {
    /// The callback URL as sent (`callback`), e.g.
    /// `https://wdc.4me-staging.com/webhooks/1/verify?code=FThErZe2Rr8wVBns-7lalATP&expires_at=1614686831`.
    public var callbackURL: String

    /// Creates a verification payload.
    public init(callbackURL: String) {
        self.callbackURL = callbackURL
    }

    enum CodingKeys: String, CodingKey {
        case callbackURL = "callback"
    }

    /// The callback as a `URL`, or `nil` when the text is not a URL.
    public var url: URL? { URL(string: callbackURL) }

    /// The verification code: the callback's `code` query item.
    public var code: String? { queryItem("code") }

    /// When the code expires, in seconds since 1970: the callback's `expires_at` query item.
    public var expiresAtEpochSeconds: Int64? { queryItem("expires_at").flatMap { Int64($0) } }

    /// When the code expires: the callback's `expires_at` query item as a date.
    public var expiresAt: Date? {
        expiresAtEpochSeconds.map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }

    private func queryItem(_ name: String) -> String? {
        URLComponents(string: callbackURL)?.queryItems?.first { $0.name == name }?.value
    }
}
