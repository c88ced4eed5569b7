public import WebhookCore
public import WebhookRegistry
public import WebhookValues

/// An ApiTree event message, as the Event-API posts it to a webhook: the same shape for every event name.
///
/// Only `name` and `timestamp` are confirmed by ApiTree's example; `user`, `resourceType` and `resource`
/// are reported for the Event-API reference but not confirmed, so they are optional.
public struct ApiTreeEventPayload: Codable, Sendable, Equatable {
    /// The event name (`api.created`); `nil` when the body named none and the caller supplied it.
    public var name: ApiTreeEventName?
    /// When the event happened: ISO 8601 with an offset, with or without fractional seconds
    /// (`2019-11-12T14:53:47+00:00`); the text is kept exactly.
    public var timestamp: WebhookTimestamp
    /// The user who caused the event.
    public var user: ApiTreeUser?
    /// What kind of resource ``resource`` holds (`Webhook`).
    public var resourceType: ApiTreeResourceType?
    /// The resource the event is about, as raw JSON; see ``resource(as:)`` and ``webhookResource()``.
    public var resource: JSONValue?

    /// Creates an event message.
    public init(
        name: ApiTreeEventName?,
        timestamp: WebhookTimestamp,
        user: ApiTreeUser? = nil,
        resourceType: ApiTreeResourceType? = nil,
        resource: JSONValue? = nil
    ) {
        self.name = name
        self.timestamp = timestamp
        self.user = user
        self.resourceType = resourceType
        self.resource = resource
    }

    /// The resource decoded as a model.
    ///
    /// - Parameter type: The model type, for example ``ApiTreeWebhook``.
    /// - Returns: The decoded resource.
    /// - Throws: `WebhookError` with code `invalidPayload` when the event has no resource or it does not have
    ///   the model's shape; the reason names the path (`$.resource.events`).
    public func resource<T: Decodable>(as type: T.Type) throws(WebhookError) -> T {
        guard let resource, !resource.isNull else {
            throw WebhookError(.invalidPayload, "missing field at $.resource", vendor: .apiTree)
        }
        return try resource.decode(as: type, path: "$.resource", vendor: .apiTree)
    }

    /// The resource as a webhook, when ``resourceType`` is `Webhook`; `nil` for any other resource type.
    ///
    /// - Throws: `WebhookError` with code `invalidPayload` when the resource is missing or is not shaped like
    ///   a webhook.
    public func webhookResource() throws(WebhookError) -> ApiTreeWebhook? {
        guard resourceType == .webhook else { return nil }
        return try resource(as: ApiTreeWebhook.self)
    }
}

/// The user who caused an ApiTree event (`user`).
public struct ApiTreeUser: Codable, Sendable, Equatable {
    /// The user's id, as a number or a string.
    public var id: FlexibleID?
    /// The user's nickname.
    public var nickname: String?

    /// Creates a user.
    public init(id: FlexibleID? = nil, nickname: String? = nil) {
        self.id = id
        self.nickname = nickname
    }
}

/// The kind of resource an ApiTree event is about (`resourceType`).
///
/// An open set. Only `Webhook` appears in ApiTree's reference; the other spellings follow the resource names
/// the reference lists and are unconfirmed.
public struct ApiTreeResourceType: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The value as ApiTree sends it.
    public let rawValue: String

    /// Creates a resource type from the string ApiTree sends.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// `Api`: an API (unconfirmed spelling).
    public static let api = ApiTreeResourceType(rawValue: "Api")
    /// `Release`: a release of an API (unconfirmed spelling).
    public static let release = ApiTreeResourceType(rawValue: "Release")
    /// `Plan`: a subscription plan (unconfirmed spelling).
    public static let plan = ApiTreeResourceType(rawValue: "Plan")
    /// `User`: a user (unconfirmed spelling).
    public static let user = ApiTreeResourceType(rawValue: "User")
    /// `Webhook`: a webhook; the resource is an ``ApiTreeWebhook``.
    public static let webhook = ApiTreeResourceType(rawValue: "Webhook")

    public var description: String { rawValue }
}
