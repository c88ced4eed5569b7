public import WebhookCore
public import WebhookValues

/// A message in a room, as `item.message` carries it in `room_message` and `room_notification`.
public struct HipChatMessage: Codable, Sendable, Equatable {
    /// When the message was sent: ISO 8601 with six fractional digits and an offset
    /// (`2016-04-28T20:21:51.866984+00:00`); the text is kept exactly.
    public var date: WebhookTimestamp
    /// Who sent it: a user for room messages, a plain label for notifications; `nil` when absent or `null`.
    public var from: HipChatMessageSender?
    /// The message id (a UUID string).
    public var id: String
    /// The users the message @-mentions.
    public var mentions: [HipChatUser]?
    /// The message text (`message` on the wire).
    public var text: String
    /// The kind of message.
    public var type: HipChatMessageType?
    /// How ``text`` is formatted (sent on notifications).
    public var messageFormat: HipChatMessageFormat?
    /// The background colour (sent on notifications).
    public var color: HipChatMessageColor?
    /// The file attached to the message, if any.
    public var file: HipChatFile?
    /// Previews of links in the message, kept as raw JSON (no captured body shows their shape).
    public var messageLinks: JSONValue?

    /// Creates a message.
    public init(
        date: WebhookTimestamp,
        from: HipChatMessageSender? = nil,
        id: String,
        mentions: [HipChatUser]? = nil,
        text: String,
        type: HipChatMessageType? = nil,
        messageFormat: HipChatMessageFormat? = nil,
        color: HipChatMessageColor? = nil,
        file: HipChatFile? = nil,
        messageLinks: JSONValue? = nil
    ) {
        self.date = date
        self.from = from
        self.id = id
        self.mentions = mentions
        self.text = text
        self.type = type
        self.messageFormat = messageFormat
        self.color = color
        self.file = file
        self.messageLinks = messageLinks
    }

    enum CodingKeys: String, CodingKey {
        case date
        case from
        case id
        case mentions
        case text = "message"
        case type
        case messageFormat = "message_format"
        case color
        case file
        case messageLinks = "message_links"
    }
}

/// The sender of a message (`message.from`): a user object, or a plain string (an integration's label on
/// notifications). Encodes back to the form it arrived in.
public enum HipChatMessageSender: Codable, Sendable, Equatable {
    /// A user object.
    case user(HipChatUser)
    /// A plain string, such as the label of the integration that sent a notification.
    case name(String)

    /// The user's id; `nil` for a plain-string sender.
    public var id: FlexibleID? {
        if case .user(let user) = self { return user.id }
        return nil
    }

    /// The display name: the user's name, or the plain string.
    public var name: String? {
        switch self {
        case .user(let user): user.name
        case .name(let name): name
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let name = try? container.decode(String.self) {
            self = .name(name)
        } else {
            self = .user(try container.decode(HipChatUser.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .user(let user): try container.encode(user)
        case .name(let name): try container.encode(name)
        }
    }
}

/// A file attached to a message (`message.file`).
///
/// The field names come from the API reference's comments; the thumbnail key `thumb_url` is a guess.
public struct HipChatFile: Codable, Sendable, Equatable {
    /// The file name.
    public var name: String?
    /// The size in bytes.
    public var size: Int64?
    /// The URL of a thumbnail.
    public var thumbnailURL: String?
    /// The URL of the file.
    public var url: String?

    /// Creates a file.
    public init(name: String? = nil, size: Int64? = nil, thumbnailURL: String? = nil, url: String? = nil) {
        self.name = name
        self.size = size
        self.thumbnailURL = thumbnailURL
        self.url = url
    }

    enum CodingKeys: String, CodingKey {
        case name
        case size
        case thumbnailURL = "thumb_url"
        case url
    }
}
