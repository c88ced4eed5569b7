public import WebhookCore
public import WebhookRegistry
public import WebhookValues

/// The body of a `room_message` or `room_notification` webhook.
public struct HipChatMessageEvent: Codable, Sendable, Equatable {
    /// The event name from the body (`event`); `nil` when the body named none and the caller supplied it.
    public var event: HipChatEventName?
    /// The message and its room.
    public var item: HipChatMessageItem
    /// The id of the webhook registration that fired (an integer; a string is accepted and kept).
    public var webhookID: FlexibleID
    /// The OAuth client that registered the webhook. Never use it to authenticate the request.
    public var oauthClientID: String?

    /// Creates a message event.
    public init(
        event: HipChatEventName?,
        item: HipChatMessageItem,
        webhookID: FlexibleID,
        oauthClientID: String? = nil
    ) {
        self.event = event
        self.item = item
        self.webhookID = webhookID
        self.oauthClientID = oauthClientID
    }

    enum CodingKeys: String, CodingKey {
        case event
        case item
        case webhookID = "webhook_id"
        case oauthClientID = "oauth_client_id"
    }
}

/// The `item` of a message event: the message and the room it was sent to.
public struct HipChatMessageItem: Codable, Sendable, Equatable {
    /// The message.
    public var message: HipChatMessage
    /// The room.
    public var room: HipChatRoom

    /// Creates a message item.
    public init(message: HipChatMessage, room: HipChatRoom) {
        self.message = message
        self.room = room
    }
}

/// The body of a `room_enter` or `room_exit` webhook.
public struct HipChatRoomVisitEvent: Codable, Sendable, Equatable {
    /// The event name from the body (`event`); `nil` when the body named none and the caller supplied it.
    public var event: HipChatEventName?
    /// The user and the room.
    public var item: HipChatRoomVisitItem
    /// The id of the webhook registration that fired.
    public var webhookID: FlexibleID
    /// The OAuth client that registered the webhook. Never use it to authenticate the request.
    public var oauthClientID: String?

    /// Creates a room visit event.
    public init(
        event: HipChatEventName?,
        item: HipChatRoomVisitItem,
        webhookID: FlexibleID,
        oauthClientID: String? = nil
    ) {
        self.event = event
        self.item = item
        self.webhookID = webhookID
        self.oauthClientID = oauthClientID
    }

    enum CodingKeys: String, CodingKey {
        case event
        case item
        case webhookID = "webhook_id"
        case oauthClientID = "oauth_client_id"
    }
}

/// The `item` of a room visit: who entered or left, and which room.
///
/// Known from third-party code only; both fields are optional.
public struct HipChatRoomVisitItem: Codable, Sendable, Equatable {
    /// The user who entered or left.
    public var sender: HipChatUser?
    /// The room.
    public var room: HipChatRoom?

    /// Creates a room visit item.
    public init(sender: HipChatUser? = nil, room: HipChatRoom? = nil) {
        self.sender = sender
        self.room = room
    }
}

/// The body of a `room_topic_change` webhook.
public struct HipChatTopicChangeEvent: Codable, Sendable, Equatable {
    /// The event name from the body (`event`); `nil` when the body named none and the caller supplied it.
    public var event: HipChatEventName?
    /// The new topic, who set it, and the room.
    public var item: HipChatTopicChangeItem
    /// The id of the webhook registration that fired.
    public var webhookID: FlexibleID
    /// The OAuth client that registered the webhook. Never use it to authenticate the request.
    public var oauthClientID: String?

    /// Creates a topic change event.
    public init(
        event: HipChatEventName?,
        item: HipChatTopicChangeItem,
        webhookID: FlexibleID,
        oauthClientID: String? = nil
    ) {
        self.event = event
        self.item = item
        self.webhookID = webhookID
        self.oauthClientID = oauthClientID
    }

    enum CodingKeys: String, CodingKey {
        case event
        case item
        case webhookID = "webhook_id"
        case oauthClientID = "oauth_client_id"
    }
}

/// The `item` of a topic change.
///
/// Known from third-party code only; every field is optional.
public struct HipChatTopicChangeItem: Codable, Sendable, Equatable {
    /// The new topic.
    public var topic: String?
    /// Who changed it: a user, a bare `{name}`, or an OAuth client.
    public var sender: HipChatSender?
    /// The room.
    public var room: HipChatRoom?

    /// Creates a topic change item.
    public init(topic: String? = nil, sender: HipChatSender? = nil, room: HipChatRoom? = nil) {
        self.topic = topic
        self.sender = sender
        self.room = room
    }
}

/// The body of a `room_archived`, `room_unarchived`, `room_deleted` or `room_created` webhook.
public struct HipChatRoomLifecycleEvent: Codable, Sendable, Equatable {
    /// The event name from the body (`event`); `nil` when the body named none and the caller supplied it.
    public var event: HipChatEventName?
    /// The item, kept whole, with typed views of its likely members.
    public var item: HipChatRoomLifecycleItem
    /// The id of the webhook registration that fired.
    public var webhookID: FlexibleID
    /// The OAuth client that registered the webhook. Never use it to authenticate the request.
    public var oauthClientID: String?

    /// Creates a room lifecycle event.
    public init(
        event: HipChatEventName?,
        item: HipChatRoomLifecycleItem,
        webhookID: FlexibleID,
        oauthClientID: String? = nil
    ) {
        self.event = event
        self.item = item
        self.webhookID = webhookID
        self.oauthClientID = oauthClientID
    }

    enum CodingKeys: String, CodingKey {
        case event
        case item
        case webhookID = "webhook_id"
        case oauthClientID = "oauth_client_id"
    }
}

/// The `item` of a room lifecycle event.
///
/// No body of these events has ever been published, so the item is kept as raw JSON and ``room`` and
/// ``sender`` are best-effort views: `nil` when the member is absent or has another shape.
public struct HipChatRoomLifecycleItem: Codable, Sendable, Equatable {
    /// The item exactly as decoded.
    public let json: JSONValue
    /// `item.room`, when present and shaped like a room.
    public let room: HipChatRoom?
    /// `item.sender`, when present and shaped like a sender.
    public let sender: HipChatSender?

    /// Creates an item from its JSON.
    public init(json: JSONValue) {
        self.json = json
        room = json["room"]?.decoded(as: HipChatRoom.self)
        sender = json["sender"]?.decoded(as: HipChatSender.self)
    }

    /// Creates an item holding a room.
    public init(room: HipChatRoom) {
        self.init(json: .object(["room": JSONValue(encoding: room) ?? .null]))
    }

    public init(from decoder: any Decoder) throws {
        self.init(json: try JSONValue(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try json.encode(to: encoder)
    }
}

/// The body of a `room_file_upload` webhook.
public struct HipChatFileUploadEvent: Codable, Sendable, Equatable {
    /// The event name from the body (`event`); `nil` when the body named none and the caller supplied it.
    public var event: HipChatEventName?
    /// The item, kept whole, with typed views of its likely members.
    public var item: HipChatFileUploadItem
    /// The id of the webhook registration that fired.
    public var webhookID: FlexibleID
    /// The OAuth client that registered the webhook. Never use it to authenticate the request.
    public var oauthClientID: String?

    /// Creates a file upload event.
    public init(
        event: HipChatEventName?,
        item: HipChatFileUploadItem,
        webhookID: FlexibleID,
        oauthClientID: String? = nil
    ) {
        self.event = event
        self.item = item
        self.webhookID = webhookID
        self.oauthClientID = oauthClientID
    }

    enum CodingKeys: String, CodingKey {
        case event
        case item
        case webhookID = "webhook_id"
        case oauthClientID = "oauth_client_id"
    }
}

/// The `item` of a file upload.
///
/// No body of this event has ever been published, so the item is kept as raw JSON and ``file``,
/// ``sender`` and ``room`` are best-effort views: `nil` when the member is absent or has another shape.
public struct HipChatFileUploadItem: Codable, Sendable, Equatable {
    /// The item exactly as decoded.
    public let json: JSONValue
    /// `item.file`, when present and shaped like a file.
    public let file: HipChatFile?
    /// `item.sender`, when present and shaped like a sender.
    public let sender: HipChatSender?
    /// `item.room`, when present and shaped like a room.
    public let room: HipChatRoom?

    /// Creates an item from its JSON.
    public init(json: JSONValue) {
        self.json = json
        file = json["file"]?.decoded(as: HipChatFile.self)
        sender = json["sender"]?.decoded(as: HipChatSender.self)
        room = json["room"]?.decoded(as: HipChatRoom.self)
    }

    /// Creates an item from its members.
    public init(file: HipChatFile? = nil, sender: HipChatSender? = nil, room: HipChatRoom? = nil) {
        var members: [String: JSONValue] = [:]
        members["file"] = file.flatMap { JSONValue(encoding: $0) }
        members["sender"] = sender.flatMap { JSONValue(encoding: $0) }
        members["room"] = room.flatMap { JSONValue(encoding: $0) }
        self.init(json: .object(members))
    }

    public init(from decoder: any Decoder) throws {
        self.init(json: try JSONValue(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try json.encode(to: encoder)
    }
}
