public import Foundation
public import WebhookCore
public import WebhookRegistry
public import WebhookValues

/// A webhook resource of ApiTree's Event-API.
///
/// Every field is optional: the reference documents `events`, `secret`, `active` and `lastDelivery`, and the
/// target URL's field name (`url`) is unconfirmed. ``description`` never shows the secret.
public struct ApiTreeWebhook: Codable, Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The target URL; ApiTree signs it together with the body (field name `url` unconfirmed).
    public var url: String?
    /// The events the webhook subscribes to.
    public var events: [ApiTreeEventName]?
    /// The secret that keys the `X-ApiTree-Signature` HMAC. Read-only: ApiTree sets it, requests never carry it.
    public var secret: String?
    /// Whether ApiTree still sends events; ApiTree turns it off when the URL keeps failing.
    public var active: Bool?
    /// The last delivery, for debugging.
    public var lastDelivery: ApiTreeWebhookDelivery?

    /// Creates a webhook.
    public init(
        url: String? = nil,
        events: [ApiTreeEventName]? = nil,
        secret: String? = nil,
        active: Bool? = nil,
        lastDelivery: ApiTreeWebhookDelivery? = nil
    ) {
        self.url = url
        self.events = events
        self.secret = secret
        self.active = active
        self.lastDelivery = lastDelivery
    }

    public var description: String {
        var parts: [String] = []
        if let url { parts.append("url: \(url)") }
        if let events { parts.append("events: [\(events.map(\.rawValue).joined(separator: ", "))]") }
        if secret != nil { parts.append("secret: <redacted>") }
        if let active { parts.append("active: \(active)") }
        if let lastDelivery { parts.append("lastDelivery: \(lastDelivery)") }
        return "ApiTreeWebhook(\(parts.joined(separator: ", ")))"
    }

    public var debugDescription: String { description }
}

/// Information about a webhook's last delivery (`WebhookDelivery`).
///
/// The field names are reported for the Event-API reference but unconfirmed, so all are optional.
public struct ApiTreeWebhookDelivery: Codable, Sendable, Equatable {
    /// Whether the delivery succeeded.
    public var success: Bool?
    /// The HTTP status code the receiver answered with.
    public var statusCode: Int?
    /// The receiver's response, as raw JSON (most likely a string; its type is unconfirmed).
    public var response: JSONValue?
    /// When the delivery happened.
    public var timestamp: WebhookTimestamp?

    /// Creates a delivery record.
    public init(
        success: Bool? = nil,
        statusCode: Int? = nil,
        response: JSONValue? = nil,
        timestamp: WebhookTimestamp? = nil
    ) {
        self.success = success
        self.statusCode = statusCode
        self.response = response
        self.timestamp = timestamp
    }

    /// The response, when it is a string.
    public var responseText: String? { response?.stringValue }
}

/// The error body of ApiTree's Event-API (`ErrorResponse`), for example `{"code": 401, "message": "Access denied"}`.
public struct ApiTreeErrorResponse: Codable, Sendable, Equatable, Error, CustomStringConvertible {
    /// The HTTP status code.
    public var code: Int
    /// A human-readable message.
    public var message: String

    /// Creates an error body.
    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}

/// The body that creates a webhook. It has no `secret` and no `lastDelivery`: ApiTree sets those.
public struct ApiTreeWebhookCreateRequest: Codable, Sendable, Equatable {
    /// The target URL (field name `url` unconfirmed).
    public var url: String
    /// The events to subscribe to.
    public var events: [ApiTreeEventName]
    /// Whether the webhook starts active; omitted when `nil`, leaving ApiTree's default.
    public var active: Bool?

    /// Creates a create request.
    public init(url: String, events: [ApiTreeEventName], active: Bool? = nil) {
        self.url = url
        self.events = events
        self.active = active
    }
}

/// The body that changes a webhook. Only the fields that are set are encoded; it never carries read-only fields.
public struct ApiTreeWebhookUpdateRequest: Codable, Sendable, Equatable {
    /// A new target URL (field name `url` unconfirmed).
    public var url: String?
    /// A new list of events.
    public var events: [ApiTreeEventName]?
    /// Turns the webhook on or off (for example, back on after ApiTree disabled it).
    public var active: Bool?

    /// Creates an update request.
    public init(url: String? = nil, events: [ApiTreeEventName]? = nil, active: Bool? = nil) {
        self.url = url
        self.events = events
        self.active = active
    }
}

/// Filters for listing webhooks, turned into query items.
///
/// ApiTree's endpoint paths and query parameters are not published: the parameter names here (`active`,
/// `event`, `page`, `limit`) are guesses in common REST style. Check them against the live API before relying
/// on them.
public struct ApiTreeWebhookListFilter: Sendable, Equatable {
    /// Only active (`true`) or inactive (`false`) webhooks.
    public var active: Bool?
    /// Only webhooks subscribed to this event.
    public var event: ApiTreeEventName?
    /// The page to return, starting at 1.
    public var page: Int?
    /// The number of webhooks per page.
    public var limit: Int?

    /// Creates a filter; `nil` members are left out of the query.
    public init(active: Bool? = nil, event: ApiTreeEventName? = nil, page: Int? = nil, limit: Int? = nil) {
        self.active = active
        self.event = event
        self.page = page
        self.limit = limit
    }

    /// The query items, in a stable order (`active`, `event`, `page`, `limit`), without the unset ones.
    public var queryItems: [URLQueryItem] {
        var items: [URLQueryItem] = []
        if let active { items.append(URLQueryItem(name: "active", value: active ? "true" : "false")) }
        if let event { items.append(URLQueryItem(name: "event", value: event.rawValue)) }
        if let page { items.append(URLQueryItem(name: "page", value: String(page))) }
        if let limit { items.append(URLQueryItem(name: "limit", value: String(limit))) }
        return items
    }
}
