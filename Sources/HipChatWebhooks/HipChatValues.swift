/// Whether a HipChat room is open to everyone in the group or only to its members.
///
/// An open set: a value HipChat adds later still decodes.
public struct HipChatRoomPrivacy: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The value as HipChat sends it.
    public let rawValue: String

    /// Creates a privacy value from the string HipChat sends.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// `public`: anyone in the group can join.
    public static let `public` = HipChatRoomPrivacy(rawValue: "public")
    /// `private`: members only.
    public static let `private` = HipChatRoomPrivacy(rawValue: "private")

    public var description: String { rawValue }
}

/// The kind of a HipChat room message.
///
/// An open set: a value HipChat adds later still decodes.
public struct HipChatMessageType: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The value as HipChat sends it.
    public let rawValue: String

    /// Creates a message type from the string HipChat sends.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// `message`: a message a user typed.
    public static let message = HipChatMessageType(rawValue: "message")
    /// `guest_access`: a message about guest access to the room.
    public static let guestAccess = HipChatMessageType(rawValue: "guest_access")
    /// `topic`: a message about a topic change.
    public static let topic = HipChatMessageType(rawValue: "topic")
    /// `notification`: a notification sent by an integration.
    public static let notification = HipChatMessageType(rawValue: "notification")

    public var description: String { rawValue }
}

/// How the text of a HipChat message is formatted.
///
/// An open set: a value HipChat adds later still decodes.
public struct HipChatMessageFormat: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The value as HipChat sends it.
    public let rawValue: String

    /// Creates a format from the string HipChat sends.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// `html`: the text is an HTML fragment.
    public static let html = HipChatMessageFormat(rawValue: "html")
    /// `text`: the text is plain text.
    public static let text = HipChatMessageFormat(rawValue: "text")

    public var description: String { rawValue }
}

/// The background colour of a HipChat notification.
///
/// An open set: a value HipChat adds later still decodes.
public struct HipChatMessageColor: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The value as HipChat sends it.
    public let rawValue: String

    /// Creates a colour from the string HipChat sends.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// `yellow`.
    public static let yellow = HipChatMessageColor(rawValue: "yellow")
    /// `green`.
    public static let green = HipChatMessageColor(rawValue: "green")
    /// `red`.
    public static let red = HipChatMessageColor(rawValue: "red")
    /// `purple`.
    public static let purple = HipChatMessageColor(rawValue: "purple")
    /// `gray`.
    public static let gray = HipChatMessageColor(rawValue: "gray")

    public var description: String { rawValue }
}
