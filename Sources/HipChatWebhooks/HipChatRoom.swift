import WebhookCore
public import WebhookValues

/// A HipChat room, as it appears in `item.room`.
///
/// Only `id` is required: HipChat Cloud sends every field, but some captured bodies carry a trimmed room.
public struct HipChatRoom: Codable, Sendable, Equatable {
    /// The room's id (an integer in every known body; a string is accepted and kept).
    public var id: FlexibleID
    /// The room's name.
    public var name: String?
    /// Whether the room is archived.
    public var isArchived: Bool?
    /// Whether the room is public or private.
    public var privacy: HipChatRoomPrivacy?
    /// An 8-character, etag-like version string that changes when the room changes.
    public var version: String?
    /// The REST links of the room.
    public var links: HipChatRoomLinks?

    /// Creates a room.
    public init(
        id: FlexibleID,
        name: String? = nil,
        isArchived: Bool? = nil,
        privacy: HipChatRoomPrivacy? = nil,
        version: String? = nil,
        links: HipChatRoomLinks? = nil
    ) {
        self.id = id
        self.name = name
        self.isArchived = isArchived
        self.privacy = privacy
        self.version = version
        self.links = links
    }

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case isArchived = "is_archived"
        case privacy
        case version
        case links
    }
}

/// The REST links of a HipChat room (`room.links`), kept as the strings HipChat sent.
public struct HipChatRoomLinks: Codable, Sendable, Equatable {
    /// `self`: the room resource.
    public var selfURL: String?
    /// `participants`: the room's participant list.
    public var participantsURL: String?
    /// `webhooks`: the room's webhook registrations.
    public var webhooksURL: String?
    /// `members`: the room's member list; only sent for private rooms.
    public var membersURL: String?

    /// Creates room links.
    public init(
        selfURL: String? = nil,
        participantsURL: String? = nil,
        webhooksURL: String? = nil,
        membersURL: String? = nil
    ) {
        self.selfURL = selfURL
        self.participantsURL = participantsURL
        self.webhooksURL = webhooksURL
        self.membersURL = membersURL
    }

    enum CodingKeys: String, CodingKey {
        case selfURL = "self"
        case participantsURL = "participants"
        case webhooksURL = "webhooks"
        case membersURL = "members"
    }
}
