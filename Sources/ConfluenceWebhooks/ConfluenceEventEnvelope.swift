import WebhookCore
public import WebhookValues

/// The members every Confluence webhook body may carry next to its family object (`page`, `comment`, ...).
///
/// Cloud bodies carry `userAccountId`, `accountType` and `timestamp`; Data Center bodies carry `event` and
/// `userKey`; the "enriched" variant adds `eventType`, `transformedAt` and `userDisplayName`. All are optional.
public struct ConfluenceEventEnvelope: Codable, Sendable, Equatable {
    /// The account that caused the event (`userAccountId`), an opaque string such as `557058:d092c978-…`.
    public var userAccountID: String?
    /// The kind of account (`accountType`); `customer` in every capture.
    public var accountType: ConfluenceAccountType?
    /// When the event happened (`timestamp`, epoch milliseconds).
    public var timestamp: EpochMilliseconds?
    /// What caused a `page_updated` (`updateTrigger`), such as `edit_page`.
    public var updateTrigger: ConfluenceUpdateTrigger?
    /// Whether the change was made without notifying watchers (`suppressNotifications`).
    public var suppressNotifications: Bool?
    /// The event name in Data Center bodies (`event`).
    public var event: String?
    /// The Data Center user key of the actor (`userKey`).
    public var userKey: String?
    /// The event name in the enriched variant (`eventType`).
    public var eventType: String?
    /// When the enriched variant was produced (`transformedAt`): a local date-time without a zone, kept as text.
    public var transformedAt: String?
    /// The actor's display name in the enriched variant (`userDisplayName`).
    public var userDisplayName: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case userAccountID = "userAccountId"
        case accountType, timestamp, updateTrigger, suppressNotifications, event, userKey, eventType
        case transformedAt, userDisplayName
    }

    /// Creates an envelope.
    public init(
        userAccountID: String? = nil,
        accountType: ConfluenceAccountType? = nil,
        timestamp: EpochMilliseconds? = nil,
        updateTrigger: ConfluenceUpdateTrigger? = nil,
        suppressNotifications: Bool? = nil,
        event: String? = nil,
        userKey: String? = nil,
        eventType: String? = nil,
        transformedAt: String? = nil,
        userDisplayName: String? = nil
    ) {
        self.userAccountID = userAccountID
        self.accountType = accountType
        self.timestamp = timestamp
        self.updateTrigger = updateTrigger
        self.suppressNotifications = suppressNotifications
        self.event = event
        self.userKey = userKey
        self.eventType = eventType
        self.transformedAt = transformedAt
        self.userDisplayName = userDisplayName
    }
}
