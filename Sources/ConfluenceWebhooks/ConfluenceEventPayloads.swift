public import WebhookCore

/// The body of the page events (`page_created`, `page_updated`, `page_removed`, `page_trashed`,
/// `page_restored`, `page_moved`, `page_children_reordered`, `page_viewed`).
public struct ConfluencePageEvent: Codable, Sendable, Equatable {
    /// The members every webhook body may carry (actor, time, Data Center `event`, ...).
    public var envelope: ConfluenceEventEnvelope
    /// The page (`page`).
    public var page: ConfluencePage?
    /// The former parent of a moved page (`oldParent`, Data Center).
    public var oldParent: ConfluencePage?
    /// The new parent of a moved page (`newParent`).
    public var newParent: ConfluencePage?
    /// The children before a reorder (`oldSortedChildren`, Data Center).
    public var oldSortedChildren: [ConfluencePage]?
    /// The children after a reorder (`newSortedChildren`, Data Center).
    public var newSortedChildren: [ConfluencePage]?
    /// The body's members this version does not type, as they arrived.
    public var additionalFields: [String: JSONValue]

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case page, oldParent, newParent, oldSortedChildren, newSortedChildren
    }

    private static let knownFields = ConfluenceEventEnvelope.CodingKeys.wireNames.union(CodingKeys.wireNames)

    /// Creates the event body.
    public init(
        envelope: ConfluenceEventEnvelope = ConfluenceEventEnvelope(),
        page: ConfluencePage? = nil,
        oldParent: ConfluencePage? = nil,
        newParent: ConfluencePage? = nil,
        oldSortedChildren: [ConfluencePage]? = nil,
        newSortedChildren: [ConfluencePage]? = nil,
        additionalFields: [String: JSONValue] = [:]
    ) {
        self.envelope = envelope
        self.page = page
        self.oldParent = oldParent
        self.newParent = newParent
        self.oldSortedChildren = oldSortedChildren
        self.newSortedChildren = newSortedChildren
        self.additionalFields = additionalFields
    }

    public init(from decoder: any Decoder) throws {
        envelope = try ConfluenceEventEnvelope(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        page = try container.decodeIfPresent(ConfluencePage.self, forKey: .page)
        oldParent = try container.decodeIfPresent(ConfluencePage.self, forKey: .oldParent)
        newParent = try container.decodeIfPresent(ConfluencePage.self, forKey: .newParent)
        oldSortedChildren = try container.decodeIfPresent([ConfluencePage].self, forKey: .oldSortedChildren)
        newSortedChildren = try container.decodeIfPresent([ConfluencePage].self, forKey: .newSortedChildren)
        additionalFields = try ConfluenceAdditionalFields.decode(from: decoder, known: Self.knownFields)
    }

    public func encode(to encoder: any Encoder) throws {
        try envelope.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(page, forKey: .page)
        try container.encodeIfPresent(oldParent, forKey: .oldParent)
        try container.encodeIfPresent(newParent, forKey: .newParent)
        try container.encodeIfPresent(oldSortedChildren, forKey: .oldSortedChildren)
        try container.encodeIfPresent(newSortedChildren, forKey: .newSortedChildren)
        try ConfluenceAdditionalFields.encode(additionalFields, to: encoder, known: Self.knownFields)
    }
}

/// The body of the blog post events (`blog_created`, `blog_updated`, `blog_removed`, `blog_restored`,
/// `blog_trashed`, `blog_viewed`).
public struct ConfluenceBlogEvent: Codable, Sendable, Equatable {
    /// The members every webhook body may carry (actor, time, Data Center `event`, ...).
    public var envelope: ConfluenceEventEnvelope
    /// The blog post (`blog`).
    public var blog: ConfluenceBlogPost?
    /// The body's members this version does not type, as they arrived.
    public var additionalFields: [String: JSONValue]

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case blog
    }

    private static let knownFields = ConfluenceEventEnvelope.CodingKeys.wireNames.union(CodingKeys.wireNames)

    /// Creates the event body.
    public init(
        envelope: ConfluenceEventEnvelope = ConfluenceEventEnvelope(),
        blog: ConfluenceBlogPost? = nil,
        additionalFields: [String: JSONValue] = [:]
    ) {
        self.envelope = envelope
        self.blog = blog
        self.additionalFields = additionalFields
    }

    public init(from decoder: any Decoder) throws {
        envelope = try ConfluenceEventEnvelope(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        blog = try container.decodeIfPresent(ConfluenceBlogPost.self, forKey: .blog)
        additionalFields = try ConfluenceAdditionalFields.decode(from: decoder, known: Self.knownFields)
    }

    public func encode(to encoder: any Encoder) throws {
        try envelope.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(blog, forKey: .blog)
        try ConfluenceAdditionalFields.encode(additionalFields, to: encoder, known: Self.knownFields)
    }
}

/// The body of the comment events (`comment_created`, `comment_updated`, `comment_removed`,
/// `comment_deleted`).
public struct ConfluenceCommentEvent: Codable, Sendable, Equatable {
    /// The members every webhook body may carry (actor, time, Data Center `event`, ...).
    public var envelope: ConfluenceEventEnvelope
    /// The comment, with the content it is on (`comment`).
    public var comment: ConfluenceComment?
    /// The body's members this version does not type, as they arrived.
    public var additionalFields: [String: JSONValue]

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case comment
    }

    private static let knownFields = ConfluenceEventEnvelope.CodingKeys.wireNames.union(CodingKeys.wireNames)

    /// Creates the event body.
    public init(
        envelope: ConfluenceEventEnvelope = ConfluenceEventEnvelope(),
        comment: ConfluenceComment? = nil,
        additionalFields: [String: JSONValue] = [:]
    ) {
        self.envelope = envelope
        self.comment = comment
        self.additionalFields = additionalFields
    }

    public init(from decoder: any Decoder) throws {
        envelope = try ConfluenceEventEnvelope(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        comment = try container.decodeIfPresent(ConfluenceComment.self, forKey: .comment)
        additionalFields = try ConfluenceAdditionalFields.decode(from: decoder, known: Self.knownFields)
    }

    public func encode(to encoder: any Encoder) throws {
        try envelope.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(comment, forKey: .comment)
        try ConfluenceAdditionalFields.encode(additionalFields, to: encoder, known: Self.knownFields)
    }
}

/// The body of the attachment events (`attachment_created`, `attachment_updated`, `attachment_removed`,
/// `attachment_restored`, `attachment_trashed`, `attachment_viewed`).
public struct ConfluenceAttachmentEvent: Codable, Sendable, Equatable {
    /// The members every webhook body may carry (actor, time, Data Center `event`, ...).
    public var envelope: ConfluenceEventEnvelope
    /// The attachment (`attachment`).
    public var attachment: ConfluenceAttachment?
    /// The content the file is attached to (`attachedTo`).
    public var attachedTo: ConfluencePage?
    /// The body's members this version does not type, as they arrived.
    public var additionalFields: [String: JSONValue]

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case attachment, attachedTo
    }

    private static let knownFields = ConfluenceEventEnvelope.CodingKeys.wireNames.union(CodingKeys.wireNames)

    /// Creates the event body.
    public init(
        envelope: ConfluenceEventEnvelope = ConfluenceEventEnvelope(),
        attachment: ConfluenceAttachment? = nil,
        attachedTo: ConfluencePage? = nil,
        additionalFields: [String: JSONValue] = [:]
    ) {
        self.envelope = envelope
        self.attachment = attachment
        self.attachedTo = attachedTo
        self.additionalFields = additionalFields
    }

    public init(from decoder: any Decoder) throws {
        envelope = try ConfluenceEventEnvelope(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        attachment = try container.decodeIfPresent(ConfluenceAttachment.self, forKey: .attachment)
        attachedTo = try container.decodeIfPresent(ConfluencePage.self, forKey: .attachedTo)
        additionalFields = try ConfluenceAdditionalFields.decode(from: decoder, known: Self.knownFields)
    }

    public func encode(to encoder: any Encoder) throws {
        try envelope.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(attachment, forKey: .attachment)
        try container.encodeIfPresent(attachedTo, forKey: .attachedTo)
        try ConfluenceAdditionalFields.encode(additionalFields, to: encoder, known: Self.knownFields)
    }
}

/// The body of the label events (`label_added`, `label_created`, `label_deleted`, `label_removed`).
public struct ConfluenceLabelEvent: Codable, Sendable, Equatable {
    /// The members every webhook body may carry (actor, time, Data Center `event`, ...).
    public var envelope: ConfluenceEventEnvelope
    /// The label (`label`).
    public var label: ConfluenceLabel?
    /// The content the label was added to or removed from (`labeled`).
    public var labeled: ConfluencePage?
    /// The body's members this version does not type, as they arrived.
    public var additionalFields: [String: JSONValue]

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case label, labeled
    }

    private static let knownFields = ConfluenceEventEnvelope.CodingKeys.wireNames.union(CodingKeys.wireNames)

    /// Creates the event body.
    public init(
        envelope: ConfluenceEventEnvelope = ConfluenceEventEnvelope(),
        label: ConfluenceLabel? = nil,
        labeled: ConfluencePage? = nil,
        additionalFields: [String: JSONValue] = [:]
    ) {
        self.envelope = envelope
        self.label = label
        self.labeled = labeled
        self.additionalFields = additionalFields
    }

    public init(from decoder: any Decoder) throws {
        envelope = try ConfluenceEventEnvelope(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        label = try container.decodeIfPresent(ConfluenceLabel.self, forKey: .label)
        labeled = try container.decodeIfPresent(ConfluencePage.self, forKey: .labeled)
        additionalFields = try ConfluenceAdditionalFields.decode(from: decoder, known: Self.knownFields)
    }

    public func encode(to encoder: any Encoder) throws {
        try envelope.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(label, forKey: .label)
        try container.encodeIfPresent(labeled, forKey: .labeled)
        try ConfluenceAdditionalFields.encode(additionalFields, to: encoder, known: Self.knownFields)
    }
}

/// The body of the space events (`space_created`, `space_updated`, `space_removed`,
/// `space_logo_updated`, `space_permissions_updated`).
public struct ConfluenceSpaceEvent: Codable, Sendable, Equatable {
    /// The members every webhook body may carry (actor, time, Data Center `event`, ...).
    public var envelope: ConfluenceEventEnvelope
    /// The space (`space`).
    public var space: ConfluenceSpace?
    /// The body's members this version does not type, as they arrived.
    public var additionalFields: [String: JSONValue]

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case space
    }

    private static let knownFields = ConfluenceEventEnvelope.CodingKeys.wireNames.union(CodingKeys.wireNames)

    /// Creates the event body.
    public init(
        envelope: ConfluenceEventEnvelope = ConfluenceEventEnvelope(),
        space: ConfluenceSpace? = nil,
        additionalFields: [String: JSONValue] = [:]
    ) {
        self.envelope = envelope
        self.space = space
        self.additionalFields = additionalFields
    }

    public init(from decoder: any Decoder) throws {
        envelope = try ConfluenceEventEnvelope(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        space = try container.decodeIfPresent(ConfluenceSpace.self, forKey: .space)
        additionalFields = try ConfluenceAdditionalFields.decode(from: decoder, known: Self.knownFields)
    }

    public func encode(to encoder: any Encoder) throws {
        try envelope.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(space, forKey: .space)
        try ConfluenceAdditionalFields.encode(additionalFields, to: encoder, known: Self.knownFields)
    }
}

/// The body of the content events (`content_created`, `content_updated`, `content_removed`,
/// `content_restored`, `content_trashed`, `content_permissions_updated`): a REST v1 content object.
public struct ConfluenceContentEvent: Codable, Sendable, Equatable {
    /// The members every webhook body may carry (actor, time, Data Center `event`, ...).
    public var envelope: ConfluenceEventEnvelope
    /// The content object: the whole body apart from the envelope's members.
    public var content: ConfluenceContent
    /// The body's members this version does not type, as they arrived.
    public var additionalFields: [String: JSONValue]

    private static let knownFields = ConfluenceEventEnvelope.CodingKeys.wireNames.union(
        ConfluenceContent.CodingKeys.wireNames
    )

    /// Creates the event body.
    public init(
        envelope: ConfluenceEventEnvelope = ConfluenceEventEnvelope(),
        content: ConfluenceContent = ConfluenceContent(),
        additionalFields: [String: JSONValue] = [:]
    ) {
        self.envelope = envelope
        self.content = content
        self.additionalFields = additionalFields
    }

    public init(from decoder: any Decoder) throws {
        envelope = try ConfluenceEventEnvelope(from: decoder)
        content = try ConfluenceContent(from: decoder)
        additionalFields = try ConfluenceAdditionalFields.decode(from: decoder, known: Self.knownFields)
    }

    public func encode(to encoder: any Encoder) throws {
        try envelope.encode(to: encoder)
        try content.encode(to: encoder)
        try ConfluenceAdditionalFields.encode(additionalFields, to: encoder, known: Self.knownFields)
    }
}

/// The body of `blueprint_page_created`: a page created from a blueprint.
///
/// No capture exists; the page is typed and everything else (such as the blueprint) is kept in
/// ``additionalFields``.
public struct ConfluenceBlueprintPageEvent: Codable, Sendable, Equatable {
    /// The members every webhook body may carry (actor, time, Data Center `event`, ...).
    public var envelope: ConfluenceEventEnvelope
    /// The created page (`page`).
    public var page: ConfluencePage?
    /// The body's members this version does not type, as they arrived.
    public var additionalFields: [String: JSONValue]

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case page
    }

    private static let knownFields = ConfluenceEventEnvelope.CodingKeys.wireNames.union(CodingKeys.wireNames)

    /// Creates the event body.
    public init(
        envelope: ConfluenceEventEnvelope = ConfluenceEventEnvelope(),
        page: ConfluencePage? = nil,
        additionalFields: [String: JSONValue] = [:]
    ) {
        self.envelope = envelope
        self.page = page
        self.additionalFields = additionalFields
    }

    public init(from decoder: any Decoder) throws {
        envelope = try ConfluenceEventEnvelope(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        page = try container.decodeIfPresent(ConfluencePage.self, forKey: .page)
        additionalFields = try ConfluenceAdditionalFields.decode(from: decoder, known: Self.knownFields)
    }

    public func encode(to encoder: any Encoder) throws {
        try envelope.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(page, forKey: .page)
        try ConfluenceAdditionalFields.encode(additionalFields, to: encoder, known: Self.knownFields)
    }
}

/// The body of the relation events (`relation_created`, `relation_deleted`).
///
/// No capture exists and no member is known; the body's members are kept in ``additionalFields``.
public struct ConfluenceRelationEvent: Codable, Sendable, Equatable {
    /// The members every webhook body may carry (actor, time, Data Center `event`, ...).
    public var envelope: ConfluenceEventEnvelope
    /// The body's members this version does not type, as they arrived.
    public var additionalFields: [String: JSONValue]

    private static let knownFields = ConfluenceEventEnvelope.CodingKeys.wireNames

    /// Creates the event body.
    public init(
        envelope: ConfluenceEventEnvelope = ConfluenceEventEnvelope(),
        additionalFields: [String: JSONValue] = [:]
    ) {
        self.envelope = envelope
        self.additionalFields = additionalFields
    }

    public init(from decoder: any Decoder) throws {
        envelope = try ConfluenceEventEnvelope(from: decoder)
        additionalFields = try ConfluenceAdditionalFields.decode(from: decoder, known: Self.knownFields)
    }

    public func encode(to encoder: any Encoder) throws {
        try envelope.encode(to: encoder)
        try ConfluenceAdditionalFields.encode(additionalFields, to: encoder, known: Self.knownFields)
    }
}

/// The body of `theme_enabled`.
///
/// No capture exists and no member is known; the body's members are kept in ``additionalFields``.
public struct ConfluenceThemeEvent: Codable, Sendable, Equatable {
    /// The members every webhook body may carry (actor, time, Data Center `event`, ...).
    public var envelope: ConfluenceEventEnvelope
    /// The body's members this version does not type, as they arrived.
    public var additionalFields: [String: JSONValue]

    private static let knownFields = ConfluenceEventEnvelope.CodingKeys.wireNames

    /// Creates the event body.
    public init(
        envelope: ConfluenceEventEnvelope = ConfluenceEventEnvelope(),
        additionalFields: [String: JSONValue] = [:]
    ) {
        self.envelope = envelope
        self.additionalFields = additionalFields
    }

    public init(from decoder: any Decoder) throws {
        envelope = try ConfluenceEventEnvelope(from: decoder)
        additionalFields = try ConfluenceAdditionalFields.decode(from: decoder, known: Self.knownFields)
    }

    public func encode(to encoder: any Encoder) throws {
        try envelope.encode(to: encoder)
        try ConfluenceAdditionalFields.encode(additionalFields, to: encoder, known: Self.knownFields)
    }
}

/// The body of the user events (`user_created`, `user_deactivated`, `user_followed`, `user_reactivated`,
/// `user_removed`).
public struct ConfluenceUserEvent: Codable, Sendable, Equatable {
    /// The members every webhook body may carry (actor, time, Data Center `event`, ...).
    public var envelope: ConfluenceEventEnvelope
    /// The user (`userProfile`).
    public var userProfile: ConfluenceUserProfile?
    /// The body's members this version does not type, as they arrived.
    public var additionalFields: [String: JSONValue]

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case userProfile
    }

    private static let knownFields = ConfluenceEventEnvelope.CodingKeys.wireNames.union(CodingKeys.wireNames)

    /// Creates the event body.
    public init(
        envelope: ConfluenceEventEnvelope = ConfluenceEventEnvelope(),
        userProfile: ConfluenceUserProfile? = nil,
        additionalFields: [String: JSONValue] = [:]
    ) {
        self.envelope = envelope
        self.userProfile = userProfile
        self.additionalFields = additionalFields
    }

    public init(from decoder: any Decoder) throws {
        envelope = try ConfluenceEventEnvelope(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        userProfile = try container.decodeIfPresent(ConfluenceUserProfile.self, forKey: .userProfile)
        additionalFields = try ConfluenceAdditionalFields.decode(from: decoder, known: Self.knownFields)
    }

    public func encode(to encoder: any Encoder) throws {
        try envelope.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(userProfile, forKey: .userProfile)
        try ConfluenceAdditionalFields.encode(additionalFields, to: encoder, known: Self.knownFields)
    }
}

/// The body of the group events (`group_created`, `group_removed`).
public struct ConfluenceGroupEvent: Codable, Sendable, Equatable {
    /// The members every webhook body may carry (actor, time, Data Center `event`, ...).
    public var envelope: ConfluenceEventEnvelope
    /// The group's name (`groupName`).
    public var groupName: String?
    /// The body's members this version does not type, as they arrived.
    public var additionalFields: [String: JSONValue]

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case groupName
    }

    private static let knownFields = ConfluenceEventEnvelope.CodingKeys.wireNames.union(CodingKeys.wireNames)

    /// Creates the event body.
    public init(
        envelope: ConfluenceEventEnvelope = ConfluenceEventEnvelope(),
        groupName: String? = nil,
        additionalFields: [String: JSONValue] = [:]
    ) {
        self.envelope = envelope
        self.groupName = groupName
        self.additionalFields = additionalFields
    }

    public init(from decoder: any Decoder) throws {
        envelope = try ConfluenceEventEnvelope(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        groupName = try container.decodeIfPresent(String.self, forKey: .groupName)
        additionalFields = try ConfluenceAdditionalFields.decode(from: decoder, known: Self.knownFields)
    }

    public func encode(to encoder: any Encoder) throws {
        try envelope.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(groupName, forKey: .groupName)
        try ConfluenceAdditionalFields.encode(additionalFields, to: encoder, known: Self.knownFields)
    }
}

/// The body of the Connect app events (`connect_addon_enabled`, `connect_addon_disabled`).
///
/// No capture exists and no member is known; the body's members are kept in ``additionalFields``.
/// `connect_addon_disabled` may arrive after the app is uninstalled, without a JWT (AC-2561).
public struct ConfluenceConnectAddonEvent: Codable, Sendable, Equatable {
    /// The members every webhook body may carry (actor, time, Data Center `event`, ...).
    public var envelope: ConfluenceEventEnvelope
    /// The body's members this version does not type, as they arrived.
    public var additionalFields: [String: JSONValue]

    private static let knownFields = ConfluenceEventEnvelope.CodingKeys.wireNames

    /// Creates the event body.
    public init(
        envelope: ConfluenceEventEnvelope = ConfluenceEventEnvelope(),
        additionalFields: [String: JSONValue] = [:]
    ) {
        self.envelope = envelope
        self.additionalFields = additionalFields
    }

    public init(from decoder: any Decoder) throws {
        envelope = try ConfluenceEventEnvelope(from: decoder)
        additionalFields = try ConfluenceAdditionalFields.decode(from: decoder, known: Self.knownFields)
    }

    public func encode(to encoder: any Encoder) throws {
        try envelope.encode(to: encoder)
        try ConfluenceAdditionalFields.encode(additionalFields, to: encoder, known: Self.knownFields)
    }
}

/// The body of the session events (`login`, `login_failed`, `logout`).
///
/// No capture exists and no member is known; the body's members are kept in ``additionalFields``.
public struct ConfluenceSessionEvent: Codable, Sendable, Equatable {
    /// The members every webhook body may carry (actor, time, Data Center `event`, ...).
    public var envelope: ConfluenceEventEnvelope
    /// The body's members this version does not type, as they arrived.
    public var additionalFields: [String: JSONValue]

    private static let knownFields = ConfluenceEventEnvelope.CodingKeys.wireNames

    /// Creates the event body.
    public init(
        envelope: ConfluenceEventEnvelope = ConfluenceEventEnvelope(),
        additionalFields: [String: JSONValue] = [:]
    ) {
        self.envelope = envelope
        self.additionalFields = additionalFields
    }

    public init(from decoder: any Decoder) throws {
        envelope = try ConfluenceEventEnvelope(from: decoder)
        additionalFields = try ConfluenceAdditionalFields.decode(from: decoder, known: Self.knownFields)
    }

    public func encode(to encoder: any Encoder) throws {
        try envelope.encode(to: encoder)
        try ConfluenceAdditionalFields.encode(additionalFields, to: encoder, known: Self.knownFields)
    }
}

/// The body of `search_performed`.
///
/// No capture exists and no member is known; the body's members are kept in ``additionalFields``.
public struct ConfluenceSearchEvent: Codable, Sendable, Equatable {
    /// The members every webhook body may carry (actor, time, Data Center `event`, ...).
    public var envelope: ConfluenceEventEnvelope
    /// The body's members this version does not type, as they arrived.
    public var additionalFields: [String: JSONValue]

    private static let knownFields = ConfluenceEventEnvelope.CodingKeys.wireNames

    /// Creates the event body.
    public init(
        envelope: ConfluenceEventEnvelope = ConfluenceEventEnvelope(),
        additionalFields: [String: JSONValue] = [:]
    ) {
        self.envelope = envelope
        self.additionalFields = additionalFields
    }

    public init(from decoder: any Decoder) throws {
        envelope = try ConfluenceEventEnvelope(from: decoder)
        additionalFields = try ConfluenceAdditionalFields.decode(from: decoder, known: Self.knownFields)
    }

    public func encode(to encoder: any Encoder) throws {
        try envelope.encode(to: encoder)
        try ConfluenceAdditionalFields.encode(additionalFields, to: encoder, known: Self.knownFields)
    }
}
