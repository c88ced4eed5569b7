public import WebhookCore
public import WebhookRegistry
public import WebhookValues

/// A HipChat webhook, decoded: one case per event name, and ``unknown(name:json:)`` for names the
/// registry does not know.
///
/// The event name comes from the body's `event` field; the name passed by the caller is used only when
/// the body has none.
public enum HipChatEvent: WebhookEventDecodable, Encodable, Equatable {
    /// `room_message`: a message sent to a room.
    case roomMessage(HipChatMessageEvent)
    /// `room_notification`: a notification sent to a room.
    case roomNotification(HipChatMessageEvent)
    /// `room_enter`: a user entered a room.
    case roomEnter(HipChatRoomVisitEvent)
    /// `room_exit`: a user left a room.
    case roomExit(HipChatRoomVisitEvent)
    /// `room_topic_change`: a room's topic changed.
    case roomTopicChange(HipChatTopicChangeEvent)
    /// `room_archived`: a room was archived.
    case roomArchived(HipChatRoomLifecycleEvent)
    /// `room_unarchived`: a room was unarchived.
    case roomUnarchived(HipChatRoomLifecycleEvent)
    /// `room_deleted`: a room was deleted.
    case roomDeleted(HipChatRoomLifecycleEvent)
    /// `room_created`: a room was created.
    case roomCreated(HipChatRoomLifecycleEvent)
    /// `room_file_upload`: a file was uploaded to a room.
    case roomFileUpload(HipChatFileUploadEvent)
    /// An event whose name the registry does not know, with its name and the whole body.
    case unknown(name: String?, json: JSONValue)

    /// Decodes a HipChat webhook body.
    ///
    /// - Parameters:
    ///   - body: The verified body bytes.
    ///   - eventName: The event name to use when the body has no `event` field (for example, the name the
    ///     webhook was registered for); the body's own name wins.
    /// - Returns: The event; ``unknown(name:json:)`` for a name the registry does not know.
    /// - Throws: `WebhookError` with code `malformedBody` (empty, not JSON, not an object), `invalidPayload`
    ///   (a field of the wrong type or a missing required field, named by its path) or `missingEventName`.
    public static func decode(from body: [UInt8], eventName: String?) throws(WebhookError) -> HipChatEvent {
        let probe = try WebhookJSON.decode(EventNameProbe.self, from: body, vendor: .hipChat)
        let bodyName = probe.event.flatMap { $0.isEmpty ? nil : $0 }
        guard let name = bodyName ?? eventName.flatMap({ $0.isEmpty ? nil : $0 }) else {
            throw WebhookError(
                .missingEventName,
                "the body has no \"event\" field and no event name was given",
                vendor: .hipChat
            )
        }
        func payload<T: Decodable>(_ type: T.Type) throws(WebhookError) -> T {
            try WebhookJSON.decode(type, from: body, vendor: .hipChat)
        }
        switch HipChatEventName(rawValue: name) {
        case .roomMessage: return .roomMessage(try payload(HipChatMessageEvent.self))
        case .roomNotification: return .roomNotification(try payload(HipChatMessageEvent.self))
        case .roomEnter: return .roomEnter(try payload(HipChatRoomVisitEvent.self))
        case .roomExit: return .roomExit(try payload(HipChatRoomVisitEvent.self))
        case .roomTopicChange: return .roomTopicChange(try payload(HipChatTopicChangeEvent.self))
        case .roomArchived: return .roomArchived(try payload(HipChatRoomLifecycleEvent.self))
        case .roomUnarchived: return .roomUnarchived(try payload(HipChatRoomLifecycleEvent.self))
        case .roomDeleted: return .roomDeleted(try payload(HipChatRoomLifecycleEvent.self))
        case .roomCreated: return .roomCreated(try payload(HipChatRoomLifecycleEvent.self))
        case .roomFileUpload: return .roomFileUpload(try payload(HipChatFileUploadEvent.self))
        // An unknown event is read by the package's byte reader, linear in the body and within its container
        // limit, never by `JSONDecoder` into `JSONValue` (F11: any token holder can send any body).
        default: return .unknown(name: name, json: try WebhookJSON.value(from: body, vendor: .hipChat))
        }
    }

    /// Decodes a HipChat webhook body that names its event in the `event` field.
    ///
    /// - Throws: `WebhookError`; see ``decode(from:eventName:)``.
    public static func decode(from body: [UInt8]) throws(WebhookError) -> HipChatEvent {
        try decode(from: body, eventName: nil)
    }

    /// The event name as HipChat sent it (or as the caller gave it when the body had none).
    public var eventName: String? {
        switch self {
        case .roomMessage: HipChatEventName.roomMessage.rawValue
        case .roomNotification: HipChatEventName.roomNotification.rawValue
        case .roomEnter: HipChatEventName.roomEnter.rawValue
        case .roomExit: HipChatEventName.roomExit.rawValue
        case .roomTopicChange: HipChatEventName.roomTopicChange.rawValue
        case .roomArchived: HipChatEventName.roomArchived.rawValue
        case .roomUnarchived: HipChatEventName.roomUnarchived.rawValue
        case .roomDeleted: HipChatEventName.roomDeleted.rawValue
        case .roomCreated: HipChatEventName.roomCreated.rawValue
        case .roomFileUpload: HipChatEventName.roomFileUpload.rawValue
        case .unknown(let name, _): name
        }
    }

    /// The event name as a typed value; `nil` only for an unknown event without a name.
    public var name: HipChatEventName? {
        eventName.map(HipChatEventName.init(rawValue:))
    }

    /// The decoded payload: the case's model, or the raw JSON of an unknown event.
    public var payload: any Encodable & Sendable {
        switch self {
        case .roomMessage(let event), .roomNotification(let event): event
        case .roomEnter(let event), .roomExit(let event): event
        case .roomTopicChange(let event): event
        case .roomArchived(let event), .roomUnarchived(let event), .roomDeleted(let event), .roomCreated(let event):
            event
        case .roomFileUpload(let event): event
        case .unknown(_, let json): json
        }
    }

    /// The id of the webhook registration that fired, when the body has one.
    public var webhookID: FlexibleID? {
        switch self {
        case .roomMessage(let event), .roomNotification(let event): event.webhookID
        case .roomEnter(let event), .roomExit(let event): event.webhookID
        case .roomTopicChange(let event): event.webhookID
        case .roomArchived(let event), .roomUnarchived(let event), .roomDeleted(let event), .roomCreated(let event):
            event.webhookID
        case .roomFileUpload(let event): event.webhookID
        case .unknown(_, let json): json["webhook_id"]?.decoded(as: FlexibleID.self)
        }
    }

    /// Who caused the event: `item.sender` when present, otherwise `item.message.from`.
    ///
    /// A notification's plain-string sender becomes a sender with only a ``HipChatSender/name``. `nil` when
    /// the body names no sender (or `from` is `null`). A verifier compares the token's `sub` with its `id`.
    public var sender: HipChatSender? {
        switch self {
        case .roomMessage(let event), .roomNotification(let event):
            return event.item.message.from.map(HipChatSender.init)
        case .roomEnter(let event), .roomExit(let event):
            return event.item.sender.map(HipChatSender.init(user:))
        case .roomTopicChange(let event):
            return event.item.sender
        case .roomArchived(let event), .roomUnarchived(let event), .roomDeleted(let event), .roomCreated(let event):
            return event.item.sender
        case .roomFileUpload(let event):
            return event.item.sender
        case .unknown(_, let json):
            if let sender = json["item"]?["sender"], !sender.isNull {
                return sender.decoded(as: HipChatSender.self)
            }
            return json["item"]?["message"]?["from"]?.decoded(as: HipChatMessageSender.self).map(HipChatSender.init)
        }
    }

    /// Encodes the payload (the case's model, or the raw JSON of an unknown event).
    public func encode(to encoder: any Encoder) throws {
        try payload.encode(to: encoder)
    }
}

/// Reads only the `event` field, to choose the case before decoding the whole body.
private struct EventNameProbe: Decodable {
    var event: String?
}
