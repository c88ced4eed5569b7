import WebhookCore
public import WebhookRegistry

/// A webhook an add-on declares in its descriptor (`capabilities.webhook[]`) or registers over REST.
public struct HipChatWebhookRegistration: Codable, Sendable, Equatable {
    /// The URL HipChat posts the webhook to.
    public var url: String
    /// The event to receive.
    public var event: HipChatEventName
    /// For message events: a regular expression the message must match (an unanchored search,
    /// case-sensitive).
    public var pattern: String?
    /// A name for the webhook.
    public var name: String?
    /// A key for the webhook, 1 to 40 characters of `[a-zA-Z0-9_\-.]`.
    public var key: String?
    /// Whether HipChat sends a JWT with each delivery; HipChat's default is `none`.
    public var authentication: HipChatWebhookAuthentication?

    /// Creates a registration.
    public init(
        url: String,
        event: HipChatEventName,
        pattern: String? = nil,
        name: String? = nil,
        key: String? = nil,
        authentication: HipChatWebhookAuthentication? = nil
    ) {
        self.url = url
        self.event = event
        self.pattern = pattern
        self.name = name
        self.key = key
        self.authentication = authentication
    }

    /// The authentication HipChat applies: ``authentication``, or `none` when it is absent.
    public var effectiveAuthentication: HipChatWebhookAuthentication {
        authentication ?? .unauthenticated
    }

    /// Whether a key satisfies HipChat's descriptor schema: 1 to 40 characters of `[a-zA-Z0-9_\-.]`.
    public static func isValidKey(_ key: String) -> Bool {
        (1...40).contains(key.utf8.count)
            && key.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            }
    }
}

/// How HipChat authenticates a webhook delivery (`authentication` in a registration).
///
/// An open set: a value HipChat adds later still decodes.
public struct HipChatWebhookAuthentication: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The value as HipChat spells it.
    public let rawValue: String

    /// Creates a value from the string HipChat uses.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// `jwt`: each delivery carries a JWT signed with the installation's OAuth secret.
    public static let jwt = HipChatWebhookAuthentication(rawValue: "jwt")
    /// `none` (the default): deliveries carry no token.
    public static let unauthenticated = HipChatWebhookAuthentication(rawValue: "none")

    public var description: String { rawValue }
}
