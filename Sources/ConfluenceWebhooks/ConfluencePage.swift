public import WebhookCore
public import WebhookValues

/// A page (or blog post, or other content) as webhook bodies describe it: the `page`, `blog`, `oldParent`,
/// `labeled`, `attachedTo` and comment `parent` objects.
///
/// Every member is optional: Data Center test bodies carry only `{"id": 123456}`.
public struct ConfluencePage: Codable, Sendable, Equatable {
    /// The content id (`id`): a number in most captures, a string in others.
    public var id: FlexibleID?
    /// The content id as a string (`idAsString`), sent from 2023 on.
    public var idAsString: String?
    /// The numeric id of the space (`spaceId`), sent from 2023 on.
    public var spaceID: FlexibleID?
    /// The key of the space (`spaceKey`); personal spaces start with `~`.
    public var spaceKey: String?
    /// The title (`title`).
    public var title: String?
    /// The content type (`contentType`): `page`, `blogpost`, ...
    public var contentType: ConfluenceContentType?
    /// The version number (`version`).
    public var version: Int?
    /// The account that created the content (`creatorAccountId`).
    public var creatorAccountID: String?
    /// The account that changed the content last (`lastModifierAccountId`).
    public var lastModifierAccountID: String?
    /// When the content was created (`creationDate`, epoch milliseconds).
    public var creationDate: EpochMilliseconds?
    /// When the content was changed last (`modificationDate`, epoch milliseconds).
    public var modificationDate: EpochMilliseconds?
    /// The web address of the content (`self`), such as `https://site.atlassian.net/wiki/spaces/KEY/pages/1/Title`.
    public var selfURL: String?
    /// The creator's display name (`creatorDisplayName`, enriched variant).
    public var creatorDisplayName: String?
    /// The space's name (`spaceName`, enriched variant).
    public var spaceName: String?
    /// The last modifier's display name (`lastModifierDisplayName`, enriched variant).
    public var lastModifierDisplayName: String?
    /// The creator's user key (`creatorKey`), sent by Cloud before the 2019 move to account ids and by Data Center.
    public var creatorKey: String?
    /// The creator's user name (`creatorName`), sent by Cloud before 2019 and by Data Center.
    public var creatorName: String?
    /// The last modifier's user key (`lastModifierKey`), sent by Cloud before 2019 and by Data Center.
    public var lastModifierKey: String?
    /// The last modifier's user name (`lastModifierName`), sent by Cloud before 2019 and by Data Center.
    public var lastModifierName: String?
    /// The content this content belongs to (`parent`), when the body nests one. The `parent` of a comment reply is
    /// the comment it answers, whose own `parent` is the page or blog post: `comment.parent?.parent`.
    public var parent: ConfluencePage? {
        get { parentBox?.page }
        set { parentBox = newValue.map(ConfluenceParentBox.init) }
    }
    /// Where ``parent`` is stored: a struct cannot hold a value of its own type directly.
    var parentBox: ConfluenceParentBox?

    enum CodingKeys: String, CodingKey {
        case id, idAsString
        case spaceID = "spaceId"
        case spaceKey, title, contentType, version
        case creatorAccountID = "creatorAccountId"
        case lastModifierAccountID = "lastModifierAccountId"
        case creationDate, modificationDate
        case selfURL = "self"
        case creatorDisplayName, spaceName, lastModifierDisplayName
        case creatorKey, creatorName, lastModifierKey, lastModifierName
        case parentBox = "parent"
    }

    /// Creates a page.
    public init(
        id: FlexibleID? = nil,
        idAsString: String? = nil,
        spaceID: FlexibleID? = nil,
        spaceKey: String? = nil,
        title: String? = nil,
        contentType: ConfluenceContentType? = nil,
        version: Int? = nil,
        creatorAccountID: String? = nil,
        lastModifierAccountID: String? = nil,
        creationDate: EpochMilliseconds? = nil,
        modificationDate: EpochMilliseconds? = nil,
        selfURL: String? = nil,
        creatorDisplayName: String? = nil,
        spaceName: String? = nil,
        lastModifierDisplayName: String? = nil,
        creatorKey: String? = nil,
        creatorName: String? = nil,
        lastModifierKey: String? = nil,
        lastModifierName: String? = nil,
        parent: ConfluencePage? = nil
    ) {
        self.id = id
        self.idAsString = idAsString
        self.spaceID = spaceID
        self.spaceKey = spaceKey
        self.title = title
        self.contentType = contentType
        self.version = version
        self.creatorAccountID = creatorAccountID
        self.lastModifierAccountID = lastModifierAccountID
        self.creationDate = creationDate
        self.modificationDate = modificationDate
        self.selfURL = selfURL
        self.creatorDisplayName = creatorDisplayName
        self.spaceName = spaceName
        self.lastModifierDisplayName = lastModifierDisplayName
        self.creatorKey = creatorKey
        self.creatorName = creatorName
        self.lastModifierKey = lastModifierKey
        self.lastModifierName = lastModifierName
        self.parentBox = parent.map(ConfluenceParentBox.init)
    }
}

/// A blog post as webhook bodies describe it (`blog`): the same members as a page, `contentType` `blogpost`.
public typealias ConfluenceBlogPost = ConfluencePage

/// A reference to content by id only, such as a comment's `inReplyTo`.
public struct ConfluenceContentReference: Codable, Sendable, Equatable {
    /// The referenced content's id (`id`).
    public var id: FlexibleID?

    /// Creates a reference.
    public init(id: FlexibleID? = nil) {
        self.id = id
    }
}

/// A comment (`comment`): page, inline or file comment, with the content it belongs to.
public struct ConfluenceComment: Codable, Sendable, Equatable {
    /// The comment id (`id`), number or string.
    public var id: FlexibleID?
    /// The comment id as a string (`idAsString`).
    public var idAsString: String?
    /// The numeric id of the space (`spaceId`).
    public var spaceID: FlexibleID?
    /// The key of the space (`spaceKey`).
    public var spaceKey: String?
    /// The title (`title`), when sent.
    public var title: String?
    /// The content type (`contentType`), `comment`.
    public var contentType: ConfluenceContentType?
    /// The version number (`version`).
    public var version: Int?
    /// The account that wrote the comment (`creatorAccountId`).
    public var creatorAccountID: String?
    /// The account that changed the comment last (`lastModifierAccountId`).
    public var lastModifierAccountID: String?
    /// When the comment was created (`creationDate`, epoch milliseconds).
    public var creationDate: EpochMilliseconds?
    /// When the comment was changed last (`modificationDate`, epoch milliseconds).
    public var modificationDate: EpochMilliseconds?
    /// The web address of the comment (`self`): the page address plus `?focusedCommentId=<id>`.
    public var selfURL: String?
    /// The creator's display name (`creatorDisplayName`, enriched variant).
    public var creatorDisplayName: String?
    /// The space's name (`spaceName`, enriched variant).
    public var spaceName: String?
    /// The last modifier's display name (`lastModifierDisplayName`, enriched variant).
    public var lastModifierDisplayName: String?
    /// The creator's user key (`creatorKey`), sent by Cloud before the 2019 move to account ids and by Data Center.
    public var creatorKey: String?
    /// The creator's user name (`creatorName`), sent by Cloud before 2019 and by Data Center.
    public var creatorName: String?
    /// The last modifier's user key (`lastModifierKey`), sent by Cloud before 2019 and by Data Center.
    public var lastModifierKey: String?
    /// The last modifier's user name (`lastModifierName`), sent by Cloud before 2019 and by Data Center.
    public var lastModifierName: String?
    /// The page or blog post the comment is on (`parent`).
    public var parent: ConfluencePage?
    /// The comment this one answers (`inReplyTo`), on replies only.
    public var inReplyTo: ConfluenceContentReference?

    enum CodingKeys: String, CodingKey {
        case id, idAsString
        case spaceID = "spaceId"
        case spaceKey, title, contentType, version
        case creatorAccountID = "creatorAccountId"
        case lastModifierAccountID = "lastModifierAccountId"
        case creationDate, modificationDate
        case selfURL = "self"
        case creatorDisplayName, spaceName, lastModifierDisplayName, parent, inReplyTo
        case creatorKey, creatorName, lastModifierKey, lastModifierName
    }

    /// Creates a comment.
    public init(
        id: FlexibleID? = nil,
        idAsString: String? = nil,
        spaceID: FlexibleID? = nil,
        spaceKey: String? = nil,
        title: String? = nil,
        contentType: ConfluenceContentType? = nil,
        version: Int? = nil,
        creatorAccountID: String? = nil,
        lastModifierAccountID: String? = nil,
        creationDate: EpochMilliseconds? = nil,
        modificationDate: EpochMilliseconds? = nil,
        selfURL: String? = nil,
        creatorDisplayName: String? = nil,
        spaceName: String? = nil,
        lastModifierDisplayName: String? = nil,
        parent: ConfluencePage? = nil,
        inReplyTo: ConfluenceContentReference? = nil,
        creatorKey: String? = nil,
        creatorName: String? = nil,
        lastModifierKey: String? = nil,
        lastModifierName: String? = nil
    ) {
        self.id = id
        self.idAsString = idAsString
        self.spaceID = spaceID
        self.spaceKey = spaceKey
        self.title = title
        self.contentType = contentType
        self.version = version
        self.creatorAccountID = creatorAccountID
        self.lastModifierAccountID = lastModifierAccountID
        self.creationDate = creationDate
        self.modificationDate = modificationDate
        self.selfURL = selfURL
        self.creatorDisplayName = creatorDisplayName
        self.spaceName = spaceName
        self.lastModifierDisplayName = lastModifierDisplayName
        self.creatorKey = creatorKey
        self.creatorName = creatorName
        self.lastModifierKey = lastModifierKey
        self.lastModifierName = lastModifierName
        self.parent = parent
        self.inReplyTo = inReplyTo
    }
}

/// An attachment (`attachment`): a file on a page, blog post or comment.
///
/// No capture exists; the members follow the page object and the names other code reads
/// (`mediaType`, `fileSize`, `parent`). All are optional.
public struct ConfluenceAttachment: Codable, Sendable, Equatable {
    /// The attachment id (`id`), number or string.
    public var id: FlexibleID?
    /// The attachment id as a string (`idAsString`).
    public var idAsString: String?
    /// The numeric id of the space (`spaceId`).
    public var spaceID: FlexibleID?
    /// The key of the space (`spaceKey`).
    public var spaceKey: String?
    /// The file name (`title`).
    public var title: String?
    /// The content type (`contentType`), `attachment`.
    public var contentType: ConfluenceContentType?
    /// The version number (`version`).
    public var version: Int?
    /// The account that uploaded the file (`creatorAccountId`).
    public var creatorAccountID: String?
    /// The account that changed the file last (`lastModifierAccountId`).
    public var lastModifierAccountID: String?
    /// When the attachment was created (`creationDate`, epoch milliseconds).
    public var creationDate: EpochMilliseconds?
    /// When the attachment was changed last (`modificationDate`, epoch milliseconds).
    public var modificationDate: EpochMilliseconds?
    /// The web address of the attachment (`self`).
    public var selfURL: String?
    /// The creator's display name (`creatorDisplayName`, enriched variant).
    public var creatorDisplayName: String?
    /// The space's name (`spaceName`, enriched variant).
    public var spaceName: String?
    /// The last modifier's display name (`lastModifierDisplayName`, enriched variant).
    public var lastModifierDisplayName: String?
    /// The creator's user key (`creatorKey`), sent by Cloud before the 2019 move to account ids and by Data Center.
    public var creatorKey: String?
    /// The creator's user name (`creatorName`), sent by Cloud before 2019 and by Data Center.
    public var creatorName: String?
    /// The last modifier's user key (`lastModifierKey`), sent by Cloud before 2019 and by Data Center.
    public var lastModifierKey: String?
    /// The last modifier's user name (`lastModifierName`), sent by Cloud before 2019 and by Data Center.
    public var lastModifierName: String?
    /// The file's media type (`mediaType`), such as `image/png`.
    public var mediaType: String?
    /// The file's size in bytes (`fileSize`).
    public var fileSize: Int64?
    /// The content the file is attached to (`parent`).
    public var parent: ConfluencePage?

    enum CodingKeys: String, CodingKey {
        case id, idAsString
        case spaceID = "spaceId"
        case spaceKey, title, contentType, version
        case creatorAccountID = "creatorAccountId"
        case lastModifierAccountID = "lastModifierAccountId"
        case creationDate, modificationDate
        case selfURL = "self"
        case creatorDisplayName, spaceName, lastModifierDisplayName, mediaType, fileSize, parent
        case creatorKey, creatorName, lastModifierKey, lastModifierName
    }

    /// Creates an attachment.
    public init(
        id: FlexibleID? = nil,
        idAsString: String? = nil,
        spaceID: FlexibleID? = nil,
        spaceKey: String? = nil,
        title: String? = nil,
        contentType: ConfluenceContentType? = nil,
        version: Int? = nil,
        creatorAccountID: String? = nil,
        lastModifierAccountID: String? = nil,
        creationDate: EpochMilliseconds? = nil,
        modificationDate: EpochMilliseconds? = nil,
        selfURL: String? = nil,
        creatorDisplayName: String? = nil,
        spaceName: String? = nil,
        lastModifierDisplayName: String? = nil,
        mediaType: String? = nil,
        fileSize: Int64? = nil,
        parent: ConfluencePage? = nil,
        creatorKey: String? = nil,
        creatorName: String? = nil,
        lastModifierKey: String? = nil,
        lastModifierName: String? = nil
    ) {
        self.id = id
        self.idAsString = idAsString
        self.spaceID = spaceID
        self.spaceKey = spaceKey
        self.title = title
        self.contentType = contentType
        self.version = version
        self.creatorAccountID = creatorAccountID
        self.lastModifierAccountID = lastModifierAccountID
        self.creationDate = creationDate
        self.modificationDate = modificationDate
        self.selfURL = selfURL
        self.creatorDisplayName = creatorDisplayName
        self.spaceName = spaceName
        self.lastModifierDisplayName = lastModifierDisplayName
        self.creatorKey = creatorKey
        self.creatorName = creatorName
        self.lastModifierKey = lastModifierKey
        self.lastModifierName = lastModifierName
        self.mediaType = mediaType
        self.fileSize = fileSize
        self.parent = parent
    }
}

/// A label (`label`): `name`, `id`, `prefix` (`global`, `my`, `team`) and its address.
public struct ConfluenceLabel: Codable, Sendable, Equatable {
    /// The label text (`name`).
    public var name: String?
    /// The label id (`id`), number or string.
    public var id: FlexibleID?
    /// The label's namespace (`prefix`), such as `global`.
    public var prefix: String?
    /// The web address of the label (`self`).
    public var selfURL: String?

    enum CodingKeys: String, CodingKey {
        case name, id, prefix
        case selfURL = "self"
    }

    /// Creates a label.
    public init(name: String? = nil, id: FlexibleID? = nil, prefix: String? = nil, selfURL: String? = nil) {
        self.name = name
        self.id = id
        self.prefix = prefix
        self.selfURL = selfURL
    }
}

/// A space (`space`) as space events describe it: `key`, `name`, `title` and its address.
public struct ConfluenceSpace: Codable, Sendable, Equatable {
    /// The space id (`id`), number or string.
    public var id: FlexibleID?
    /// The space key (`key`).
    public var key: String?
    /// The space name (`name`).
    public var name: String?
    /// The space title (`title`), which some senders use instead of `name`.
    public var title: String?
    /// The web address of the space (`self`).
    public var selfURL: String?

    enum CodingKeys: String, CodingKey {
        case id, key, name, title
        case selfURL = "self"
    }

    /// Creates a space.
    public init(
        id: FlexibleID? = nil,
        key: String? = nil,
        name: String? = nil,
        title: String? = nil,
        selfURL: String? = nil
    ) {
        self.id = id
        self.key = key
        self.name = name
        self.title = title
        self.selfURL = selfURL
    }
}

/// A user's profile (`userProfile`) in user events.
///
/// No capture exists; only `fullName` is known (other code reads it). Every other member is kept in
/// ``additionalFields``.
public struct ConfluenceUserProfile: Codable, Sendable, Equatable {
    /// The user's full name (`fullName`).
    public var fullName: String?
    /// The members this version does not type, as they arrived.
    public var additionalFields: [String: JSONValue]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case fullName
    }

    /// Creates a user profile.
    public init(fullName: String? = nil, additionalFields: [String: JSONValue] = [:]) {
        self.fullName = fullName
        self.additionalFields = additionalFields
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        fullName = try container.decodeIfPresent(String.self, forKey: .fullName)
        additionalFields = try ConfluenceAdditionalFields.decode(from: decoder, known: CodingKeys.wireNames)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(fullName, forKey: .fullName)
        try ConfluenceAdditionalFields.encode(additionalFields, to: encoder, known: CodingKeys.wireNames)
    }
}

/// Holds the nested ``ConfluencePage/parent`` of a page: a struct cannot contain its own type, an array can.
struct ConfluenceParentBox: Codable, Sendable, Equatable {
    private var storage: [ConfluencePage]

    var page: ConfluencePage { storage[0] }

    init(_ page: ConfluencePage) {
        storage = [page]
    }

    init(from decoder: any Decoder) throws {
        storage = [try ConfluencePage(from: decoder)]
    }

    func encode(to encoder: any Encoder) throws {
        try storage[0].encode(to: encoder)
    }
}
