public import WebhookCore

/// An event name HipChat sends. An open set: unknown names are valid values.
public struct HipChatEventName: VendorEventName {
    public static let vendor = WebhookVendor.hipChat
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }
}

extension HipChatEventName {
    /// `room_message`: a message sent to a room (delivered only when it matches the webhook's `pattern`).
    public static let roomMessage = HipChatEventName(rawValue: "room_message")
    /// `room_notification`: a notification sent to a room by an integration.
    public static let roomNotification = HipChatEventName(rawValue: "room_notification")
    /// `room_enter`: a user entered a room.
    public static let roomEnter = HipChatEventName(rawValue: "room_enter")
    /// `room_exit`: a user left a room.
    public static let roomExit = HipChatEventName(rawValue: "room_exit")
    /// `room_topic_change`: a room's topic was changed.
    public static let roomTopicChange = HipChatEventName(rawValue: "room_topic_change")
    /// `room_archived`: a room was archived.
    public static let roomArchived = HipChatEventName(rawValue: "room_archived")
    /// `room_unarchived`: a room was taken out of the archive.
    public static let roomUnarchived = HipChatEventName(rawValue: "room_unarchived")
    /// `room_deleted`: a room was deleted.
    public static let roomDeleted = HipChatEventName(rawValue: "room_deleted")
    /// `room_created`: a room was created.
    public static let roomCreated = HipChatEventName(rawValue: "room_created")
    /// `room_file_upload`: a file was uploaded to a room.
    public static let roomFileUpload = HipChatEventName(rawValue: "room_file_upload")

    /// The registry entries for HipChat: the ten webhook events of the API v2 reference.
    static let descriptors: [EventDescriptor] = [
        descriptor(
            .roomMessage,
            "A message sent to a room; only messages that match the webhook's pattern are delivered.",
            "message",
            "HipChatMessageEvent"
        ),
        descriptor(
            .roomNotification,
            "A notification sent to a room; its sender is an integration's label, not a user.",
            "notification",
            "HipChatMessageEvent"
        ),
        descriptor(.roomEnter, "A user entered a room.", "enter", "HipChatRoomVisitEvent"),
        descriptor(.roomExit, "A user left a room.", "exit", "HipChatRoomVisitEvent"),
        descriptor(.roomTopicChange, "The topic of a room changed.", "topic_change", "HipChatTopicChangeEvent"),
        descriptor(.roomArchived, "A room was archived.", "archived", "HipChatRoomLifecycleEvent"),
        descriptor(.roomUnarchived, "A room was unarchived.", "unarchived", "HipChatRoomLifecycleEvent"),
        descriptor(.roomDeleted, "A room was deleted.", "deleted", "HipChatRoomLifecycleEvent"),
        descriptor(.roomCreated, "A room was created.", "created", "HipChatRoomLifecycleEvent"),
        descriptor(.roomFileUpload, "A file was uploaded to a room.", "file_upload", "HipChatFileUploadEvent"),
    ]

    private static func descriptor(
        _ name: HipChatEventName,
        _ summary: String,
        _ action: String,
        _ swiftType: String
    ) -> EventDescriptor {
        EventDescriptor(
            vendor: vendor,
            name: name.rawValue,
            summary: summary,
            category: "room",
            action: action,
            swiftType: swiftType,
            confirmation: .documented
        )
    }
}
