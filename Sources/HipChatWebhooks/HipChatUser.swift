public import WebhookCore
public import WebhookValues

/// A HipChat user, as it appears in `message.from`, `message.mentions` and `item.sender`.
public struct HipChatUser: Codable, Sendable, Equatable {
    /// The user's id (an integer in every known body; a string is accepted and kept).
    public var id: FlexibleID
    /// The user's display name.
    public var name: String?
    /// The name used to @-mention the user, without the `@`.
    public var mentionName: String?
    /// An 8-character, etag-like version string.
    public var version: String?
    /// The REST links of the user.
    public var links: HipChatUserLinks?

    /// Creates a user.
    public init(
        id: FlexibleID,
        name: String? = nil,
        mentionName: String? = nil,
        version: String? = nil,
        links: HipChatUserLinks? = nil
    ) {
        self.id = id
        self.name = name
        self.mentionName = mentionName
        self.version = version
        self.links = links
    }

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case mentionName = "mention_name"
        case version
        case links
    }
}

/// The REST links of a HipChat user or OAuth client (`links`), kept as the strings HipChat sent.
public struct HipChatUserLinks: Codable, Sendable, Equatable {
    /// `self`: the resource itself.
    public var selfURL: String?

    /// Creates user links.
    public init(selfURL: String? = nil) {
        self.selfURL = selfURL
    }

    enum CodingKeys: String, CodingKey {
        case selfURL = "self"
    }
}

/// Whoever caused an event, as `item.sender` carries it: a user, a bare `{name}`, or an OAuth client.
///
/// Every field is optional because the shape differs by sender kind and no captured body shows it
/// (the field names come from third-party code). ``HipChatEvent/sender`` also turns a message's
/// `from` into this type, so one value answers "who sent this" for every event.
public struct HipChatSender: Codable, Sendable, Equatable {
    /// The user's or OAuth client's id.
    public var id: FlexibleID?
    /// The display name, or the label of an integration.
    public var name: String?
    /// The user's mention name, without the `@`.
    public var mentionName: String?
    /// The user's version string.
    public var version: String?
    /// The REST links of the sender.
    public var links: HipChatUserLinks?
    /// The scopes an OAuth client sender holds.
    public var allowedScopes: [String]?
    /// The room an OAuth client sender belongs to, kept as raw JSON (its shape is not known).
    public var room: JSONValue?

    /// Creates a sender.
    public init(
        id: FlexibleID? = nil,
        name: String? = nil,
        mentionName: String? = nil,
        version: String? = nil,
        links: HipChatUserLinks? = nil,
        allowedScopes: [String]? = nil,
        room: JSONValue? = nil
    ) {
        self.id = id
        self.name = name
        self.mentionName = mentionName
        self.version = version
        self.links = links
        self.allowedScopes = allowedScopes
        self.room = room
    }

    /// Creates a sender from a user.
    public init(user: HipChatUser) {
        self.init(
            id: user.id,
            name: user.name,
            mentionName: user.mentionName,
            version: user.version,
            links: user.links
        )
    }

    /// Creates a sender from a message's `from`.
    public init(_ messageSender: HipChatMessageSender) {
        switch messageSender {
        case .user(let user): self.init(user: user)
        case .name(let name): self.init(name: name)
        }
    }

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case mentionName = "mention_name"
        case version
        case links
        case allowedScopes = "allowed_scopes"
        case room
    }
}
