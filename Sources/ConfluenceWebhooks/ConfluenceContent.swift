public import WebhookCore
public import WebhookValues

/// A REST API v1 content object, the body of `content_*` events (seen for content properties).
///
/// Unlike the other events it has no `userAccountId` or `timestamp`; dates are ISO 8601 text. Sub-objects
/// this version does not type (`_expandable`, `metadata`, ...) are kept as `JSONValue`.
public struct ConfluenceContent: Codable, Sendable, Equatable {
    /// The content id (`id`), a string in REST objects.
    public var id: FlexibleID?
    /// The content type (`type`), such as `page` or a content-property type.
    public var type: ConfluenceContentType?
    /// The status (`status`), such as `current`.
    public var status: ConfluenceContentStatus?
    /// The title (`title`); for a content property, its key.
    public var title: String?
    /// The space (`space`).
    public var space: ConfluenceContentSpace?
    /// The history (`history`): who created it and when.
    public var history: ConfluenceContentHistory?
    /// The current version (`version`).
    public var version: ConfluenceContentVersion?
    /// The rendered macro output (`macroRenderedOutput`), as sent.
    public var macroRenderedOutput: JSONValue?
    /// The metadata (`metadata`), such as labels, as sent.
    public var metadata: JSONValue?
    /// The members that can be expanded (`_expandable`), as sent.
    public var expandable: JSONValue?
    /// The links (`_links`).
    public var links: ConfluenceContentLinks?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, type, status, title, space, history, version, macroRenderedOutput, metadata
        case expandable = "_expandable"
        case links = "_links"
    }

    /// Creates a content object.
    public init(
        id: FlexibleID? = nil,
        type: ConfluenceContentType? = nil,
        status: ConfluenceContentStatus? = nil,
        title: String? = nil,
        space: ConfluenceContentSpace? = nil,
        history: ConfluenceContentHistory? = nil,
        version: ConfluenceContentVersion? = nil,
        macroRenderedOutput: JSONValue? = nil,
        metadata: JSONValue? = nil,
        expandable: JSONValue? = nil,
        links: ConfluenceContentLinks? = nil
    ) {
        self.id = id
        self.type = type
        self.status = status
        self.title = title
        self.space = space
        self.history = history
        self.version = version
        self.macroRenderedOutput = macroRenderedOutput
        self.metadata = metadata
        self.expandable = expandable
        self.links = links
    }
}

/// The space of a REST content object (`space`).
public struct ConfluenceContentSpace: Codable, Sendable, Equatable {
    /// The space id (`id`), a number.
    public var id: FlexibleID?
    /// The space key (`key`).
    public var key: String?
    /// The space name (`name`).
    public var name: String?
    /// The space type (`type`): `global` or `personal`.
    public var type: ConfluenceSpaceType?
    /// The space status (`status`).
    public var status: ConfluenceContentStatus?
    /// The members that can be expanded (`_expandable`), as sent.
    public var expandable: JSONValue?
    /// The links (`_links`), as sent.
    public var links: JSONValue?

    enum CodingKeys: String, CodingKey {
        case id, key, name, type, status
        case expandable = "_expandable"
        case links = "_links"
    }

    /// Creates a space.
    public init(
        id: FlexibleID? = nil,
        key: String? = nil,
        name: String? = nil,
        type: ConfluenceSpaceType? = nil,
        status: ConfluenceContentStatus? = nil,
        expandable: JSONValue? = nil,
        links: JSONValue? = nil
    ) {
        self.id = id
        self.key = key
        self.name = name
        self.type = type
        self.status = status
        self.expandable = expandable
        self.links = links
    }
}

/// A user in REST objects (`history.createdBy`, `version.by`).
public struct ConfluenceUser: Codable, Sendable, Equatable {
    /// The kind of user (`type`): `known`, `anonymous`, ...
    public var type: String?
    /// The account id (`accountId`).
    public var accountID: String?
    /// The account type (`accountType`), such as `atlassian`.
    public var accountType: ConfluenceAccountType?
    /// The e-mail address (`email`), when visible.
    public var email: String?
    /// The public name (`publicName`).
    public var publicName: String?
    /// The display name (`displayName`).
    public var displayName: String?
    /// The profile picture (`profilePicture`), as sent.
    public var profilePicture: JSONValue?
    /// Whether the user is an external collaborator (`isExternalCollaborator`).
    public var isExternalCollaborator: Bool?
    /// The members that can be expanded (`_expandable`), as sent.
    public var expandable: JSONValue?
    /// The links (`_links`), as sent.
    public var links: JSONValue?

    enum CodingKeys: String, CodingKey {
        case type
        case accountID = "accountId"
        case accountType, email, publicName, displayName, profilePicture, isExternalCollaborator
        case expandable = "_expandable"
        case links = "_links"
    }

    /// Creates a user.
    public init(
        type: String? = nil,
        accountID: String? = nil,
        accountType: ConfluenceAccountType? = nil,
        email: String? = nil,
        publicName: String? = nil,
        displayName: String? = nil,
        profilePicture: JSONValue? = nil,
        isExternalCollaborator: Bool? = nil,
        expandable: JSONValue? = nil,
        links: JSONValue? = nil
    ) {
        self.type = type
        self.accountID = accountID
        self.accountType = accountType
        self.email = email
        self.publicName = publicName
        self.displayName = displayName
        self.profilePicture = profilePicture
        self.isExternalCollaborator = isExternalCollaborator
        self.expandable = expandable
        self.links = links
    }
}

/// The history of a REST content object (`history`).
public struct ConfluenceContentHistory: Codable, Sendable, Equatable {
    /// Whether this is the latest version (`latest`).
    public var latest: Bool?
    /// Who created the content (`createdBy`).
    public var createdBy: ConfluenceUser?
    /// When the content was created (`createdDate`), ISO 8601.
    public var createdDate: WebhookTimestamp?
    /// The members that can be expanded (`_expandable`), as sent.
    public var expandable: JSONValue?
    /// The links (`_links`), as sent.
    public var links: JSONValue?

    enum CodingKeys: String, CodingKey {
        case latest, createdBy, createdDate
        case expandable = "_expandable"
        case links = "_links"
    }

    /// Creates a history.
    public init(
        latest: Bool? = nil,
        createdBy: ConfluenceUser? = nil,
        createdDate: WebhookTimestamp? = nil,
        expandable: JSONValue? = nil,
        links: JSONValue? = nil
    ) {
        self.latest = latest
        self.createdBy = createdBy
        self.createdDate = createdDate
        self.expandable = expandable
        self.links = links
    }
}

/// A version of a REST content object (`version`).
public struct ConfluenceContentVersion: Codable, Sendable, Equatable {
    /// Who made the version (`by`).
    public var by: ConfluenceUser?
    /// When the version was made (`when`), ISO 8601.
    public var when: WebhookTimestamp?
    /// The same time for people (`friendlyWhen`), such as `just a moment ago`.
    public var friendlyWhen: String?
    /// The version comment (`message`).
    public var message: String?
    /// The version number (`number`).
    public var number: Int?
    /// Whether it was a minor edit (`minorEdit`).
    public var minorEdit: Bool?
    /// Whether the content type changed (`contentTypeModified`).
    public var contentTypeModified: Bool?
    /// The members that can be expanded (`_expandable`), as sent.
    public var expandable: JSONValue?
    /// The links (`_links`), as sent.
    public var links: JSONValue?

    enum CodingKeys: String, CodingKey {
        case by, when, friendlyWhen, message, number, minorEdit, contentTypeModified
        case expandable = "_expandable"
        case links = "_links"
    }

    /// Creates a version.
    public init(
        by: ConfluenceUser? = nil,
        when: WebhookTimestamp? = nil,
        friendlyWhen: String? = nil,
        message: String? = nil,
        number: Int? = nil,
        minorEdit: Bool? = nil,
        contentTypeModified: Bool? = nil,
        expandable: JSONValue? = nil,
        links: JSONValue? = nil
    ) {
        self.by = by
        self.when = when
        self.friendlyWhen = friendlyWhen
        self.message = message
        self.number = number
        self.minorEdit = minorEdit
        self.contentTypeModified = contentTypeModified
        self.expandable = expandable
        self.links = links
    }
}

/// The links of a REST content object (`_links`).
public struct ConfluenceContentLinks: Codable, Sendable, Equatable {
    /// The context path (`context`), such as `/wiki`.
    public var context: String?
    /// The REST address of the content (`self`).
    public var selfURL: String?
    /// The REST collection (`collection`), such as `/rest/api/content`.
    public var collection: String?
    /// The web UI path (`webui`).
    public var webUI: String?
    /// The site's base address (`base`).
    public var base: String?
    /// The short link (`tinyui`).
    public var tinyUI: String?
    /// The editor path (`edit`).
    public var edit: String?

    enum CodingKeys: String, CodingKey {
        case context
        case selfURL = "self"
        case collection
        case webUI = "webui"
        case base
        case tinyUI = "tinyui"
        case edit
    }

    /// Creates links.
    public init(
        context: String? = nil,
        selfURL: String? = nil,
        collection: String? = nil,
        webUI: String? = nil,
        base: String? = nil,
        tinyUI: String? = nil,
        edit: String? = nil
    ) {
        self.context = context
        self.selfURL = selfURL
        self.collection = collection
        self.webUI = webUI
        self.base = base
        self.tinyUI = tinyUI
        self.edit = edit
    }
}
