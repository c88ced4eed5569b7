/// The kind of Atlassian account behind an event (`accountType`).
public struct ConfluenceAccountType: ConfluenceOpenValue {
    /// The identifier as Confluence sends it.
    public let rawValue: String

    /// Creates an account type from its identifier.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// `customer`: the value in every captured webhook envelope.
    public static let customer = ConfluenceAccountType(rawValue: "customer")
    /// `atlassian`: an Atlassian account, as REST user objects report it.
    public static let atlassian = ConfluenceAccountType(rawValue: "atlassian")
    /// `app`: an app (bot) account.
    public static let app = ConfluenceAccountType(rawValue: "app")
}

/// What caused a `page_updated` event (`updateTrigger`).
public struct ConfluenceUpdateTrigger: ConfluenceOpenValue {
    /// The identifier as Confluence sends it.
    public let rawValue: String

    /// Creates an update trigger from its identifier.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// `edit_page`: the page was edited; the value in every captured `page_updated`.
    public static let editPage = ConfluenceUpdateTrigger(rawValue: "edit_page")
}

/// The type of a piece of content (`contentType` in webhook objects, `type` in REST content).
public struct ConfluenceContentType: ConfluenceOpenValue {
    /// The identifier as Confluence sends it.
    public let rawValue: String

    /// Creates a content type from its identifier.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// `page`.
    public static let page = ConfluenceContentType(rawValue: "page")
    /// `blogpost`.
    public static let blogPost = ConfluenceContentType(rawValue: "blogpost")
    /// `comment`.
    public static let comment = ConfluenceContentType(rawValue: "comment")
    /// `attachment`.
    public static let attachment = ConfluenceContentType(rawValue: "attachment")
    /// A content property, as in the captured `content_created`.
    public static let contentProperty = ConfluenceContentType(
        rawValue: "com.atlassian.confluence.plugins.confluence-content-property-storage:content-property"
    )
}

/// The status of content or of a space in REST objects (`status`).
public struct ConfluenceContentStatus: ConfluenceOpenValue {
    /// The identifier as Confluence sends it.
    public let rawValue: String

    /// Creates a status from its identifier.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// `current`: published and live.
    public static let current = ConfluenceContentStatus(rawValue: "current")
    /// `trashed`: in the trash.
    public static let trashed = ConfluenceContentStatus(rawValue: "trashed")
    /// `historical`: an older version.
    public static let historical = ConfluenceContentStatus(rawValue: "historical")
    /// `draft`: not yet published.
    public static let draft = ConfluenceContentStatus(rawValue: "draft")
    /// `archived`: archived.
    public static let archived = ConfluenceContentStatus(rawValue: "archived")
}

/// The type of a space in REST objects (`space.type`).
public struct ConfluenceSpaceType: ConfluenceOpenValue {
    /// The identifier as Confluence sends it.
    public let rawValue: String

    /// Creates a space type from its identifier.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// `global`: a team or site space.
    public static let global = ConfluenceSpaceType(rawValue: "global")
    /// `personal`: a user's personal space (key `~…`).
    public static let personal = ConfluenceSpaceType(rawValue: "personal")
}
