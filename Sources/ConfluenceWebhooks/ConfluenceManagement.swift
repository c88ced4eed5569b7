import WebhookCore
public import WebhookRegistry

/// A Data Center webhook as `POST <base>/rest/api/webhooks` creates it (request body) and returns it.
///
/// Example: `{"name": "Webhook title", "events": ["page_created"], "configuration": {"secret": "…"},
/// "url": "http://example.endpoint.com", "active": true}`.
public struct ConfluenceWebhookRegistration: Codable, Sendable, Equatable {
    /// The webhook's title (`name`).
    public var name: String
    /// The events that trigger it (`events`).
    public var events: [ConfluenceEventName]
    /// Its configuration (`configuration`), holding the HMAC secret.
    public var configuration: ConfluenceWebhookConfiguration?
    /// The receiving address (`url`).
    public var url: String
    /// Whether it is delivering (`active`).
    public var active: Bool?

    /// Creates a registration.
    public init(
        name: String,
        events: [ConfluenceEventName],
        configuration: ConfluenceWebhookConfiguration? = nil,
        url: String,
        active: Bool? = nil
    ) {
        self.name = name
        self.events = events
        self.configuration = configuration
        self.url = url
        self.active = active
    }
}

/// The configuration of a Data Center webhook (`configuration`).
///
/// Its description never shows the secret.
public struct ConfluenceWebhookConfiguration: Codable, Sendable, Equatable, CustomStringConvertible,
    CustomDebugStringConvertible
{
    /// The HMAC secret (`secret`): up to 255 characters; deliveries then carry `X-Hub-Signature`.
    public var secret: String?

    /// Creates a configuration.
    public init(secret: String? = nil) {
        self.secret = secret
    }

    public var description: String {
        secret == nil
            ? "ConfluenceWebhookConfiguration(secret: nil)" : "ConfluenceWebhookConfiguration(secret: <redacted>)"
    }

    public var debugDescription: String { description }
}

/// A webhook module of a Connect app descriptor (`modules.webhooks[]`): the event and the path it is sent to.
public struct ConfluenceConnectWebhookModule: Codable, Sendable, Equatable {
    /// The event name (`event`).
    public var event: ConfluenceEventName
    /// The receiving path relative to the app's `baseUrl`, with any query (`url`), such as `/webhooks/page-created`.
    public var url: String

    /// Creates a webhook module.
    public init(event: ConfluenceEventName, url: String) {
        self.event = event
        self.url = url
    }
}

/// The parts of a Connect app descriptor (`atlassian-connect.json`) that concern webhooks.
public struct ConfluenceConnectDescriptor: Codable, Sendable, Equatable {
    /// The app's base address (`baseUrl`); webhook module paths are relative to it.
    public var baseURL: String?
    /// How Confluence authenticates to the app (`authentication`).
    public var authentication: Authentication?
    /// The scopes the app asks for (`scopes`); webhook apps need `READ`.
    public var scopes: [String]?
    /// The app's modules (`modules`).
    public var modules: Modules?

    /// `authentication` of a Connect descriptor.
    public struct Authentication: Codable, Sendable, Equatable {
        /// `jwt` (deliveries carry `Authorization: JWT …`) or `none`.
        public var type: String?

        /// Creates an authentication member.
        public init(type: String? = nil) {
            self.type = type
        }
    }

    /// `modules` of a Connect descriptor; only webhooks are typed.
    public struct Modules: Codable, Sendable, Equatable {
        /// The webhook modules (`webhooks`).
        public var webhooks: [ConfluenceConnectWebhookModule]?

        /// Creates a modules member.
        public init(webhooks: [ConfluenceConnectWebhookModule]? = nil) {
            self.webhooks = webhooks
        }
    }

    enum CodingKeys: String, CodingKey {
        case baseURL = "baseUrl"
        case authentication, scopes, modules
    }

    /// Creates a descriptor.
    public init(
        baseURL: String? = nil,
        authentication: Authentication? = nil,
        scopes: [String]? = nil,
        modules: Modules? = nil
    ) {
        self.baseURL = baseURL
        self.authentication = authentication
        self.scopes = scopes
        self.modules = modules
    }
}
