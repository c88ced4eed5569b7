import WebhookCore
public import WebhookRegistry
public import WebhookValues

/// A webhook resource of the R-Service Webhooks API (`GET /webhooks`, `GET /webhooks/:id`).
public struct RServiceWebhook: Codable, Sendable, Equatable {
    /// The webhook's id.
    public var id: Int64
    /// The webhook's name; defaults to the event name.
    public var name: String?
    /// The event the webhook subscribes to.
    public var event: RServiceEventName
    /// The URL messages are posted to.
    public var uri: String
    /// The description.
    public var description: String?
    /// Comma-separated email addresses told about dropped messages (`mail_exceptions_to`).
    public var mailExceptionsTo: String?
    /// Whether the webhook is disabled; sent as a Boolean or, in one documented example, the string `"true"`.
    public var disabled: FlexibleBool?
    /// Whether receivers find the signing key through OpenID Connect discovery (`openid_connect_discovery`).
    public var openIDConnectDiscovery: FlexibleBool?
    /// The webhook's source (`source`).
    public var source: String?
    /// The webhook's id in its source (`sourceID`).
    public var sourceID: String?
    /// The app offerings whose instances the webhook covers, for `app_instance` events (`app_offering_references`).
    public var appOfferingReferences: [String]?
    /// The webhook policy that signs the messages (`webhook_policy`).
    public var webhookPolicy: RServiceReference?
    /// The last delivery error, e.g. `404 Not Found` (`last_error`).
    public var lastError: String?
    /// When the webhook was created (`created_at`).
    public var createdAt: WebhookTimestamp?
    /// When the webhook was last updated (`updated_at`).
    public var updatedAt: WebhookTimestamp?

    /// Creates a webhook resource.
    public init(
        id: Int64,
        name: String? = nil,
        event: RServiceEventName,
        uri: String,
        description: String? = nil,
        mailExceptionsTo: String? = nil,
        disabled: FlexibleBool? = nil,
        openIDConnectDiscovery: FlexibleBool? = nil,
        source: String? = nil,
        sourceID: String? = nil,
        appOfferingReferences: [String]? = nil,
        webhookPolicy: RServiceReference? = nil,
        lastError: String? = nil,
        createdAt: WebhookTimestamp? = nil,
        updatedAt: WebhookTimestamp? = nil
    ) {
        self.id = id
        self.name = name
        self.event = event
        self.uri = uri
        self.description = description
        self.mailExceptionsTo = mailExceptionsTo
        self.disabled = disabled
        self.openIDConnectDiscovery = openIDConnectDiscovery
        self.source = source
        self.sourceID = sourceID
        self.appOfferingReferences = appOfferingReferences
        self.webhookPolicy = webhookPolicy
        self.lastError = lastError
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Whether the webhook is disabled (`false` when the field is absent).
    public var isDisabled: Bool { disabled?.value ?? false }

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case event
        case uri
        case description
        case mailExceptionsTo = "mail_exceptions_to"
        case disabled
        case openIDConnectDiscovery = "openid_connect_discovery"
        case source
        case sourceID
        case appOfferingReferences = "app_offering_references"
        case webhookPolicy = "webhook_policy"
        case lastError = "last_error"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// The body of `POST /webhooks`: the writable fields; optional ones are left out when `nil`.
public struct RServiceWebhookCreateRequest: Codable, Sendable, Equatable {
    /// The event to subscribe to (required).
    public var event: RServiceEventName
    /// The URL to post messages to (required).
    public var uri: String
    /// The webhook's name; the vendor defaults it to the event name.
    public var name: String?
    /// The description.
    public var description: String?
    /// Comma-separated email addresses told about dropped messages (`mail_exceptions_to`).
    public var mailExceptionsTo: String?
    /// Whether the webhook starts disabled.
    public var disabled: Bool?
    /// Whether receivers find the signing key through OpenID Connect discovery (`openid_connect_discovery`).
    public var openIDConnectDiscovery: Bool?
    /// The webhook's source (`source`, at most 30 characters).
    public var source: String?
    /// The webhook's id in its source (`sourceID`, at most 128 characters).
    public var sourceID: String?
    /// The app offerings whose instances the webhook covers (`app_offering_references`).
    public var appOfferingReferences: [String]?
    /// The id of the webhook policy that signs the messages (`webhook_policy_id`).
    public var webhookPolicyID: Int64?

    /// Creates a request body.
    public init(
        event: RServiceEventName,
        uri: String,
        name: String? = nil,
        description: String? = nil,
        mailExceptionsTo: String? = nil,
        disabled: Bool? = nil,
        openIDConnectDiscovery: Bool? = nil,
        source: String? = nil,
        sourceID: String? = nil,
        appOfferingReferences: [String]? = nil,
        webhookPolicyID: Int64? = nil
    ) {
        self.event = event
        self.uri = uri
        self.name = name
        self.description = description
        self.mailExceptionsTo = mailExceptionsTo
        self.disabled = disabled
        self.openIDConnectDiscovery = openIDConnectDiscovery
        self.source = source
        self.sourceID = sourceID
        self.appOfferingReferences = appOfferingReferences
        self.webhookPolicyID = webhookPolicyID
    }

    enum CodingKeys: String, CodingKey {
        case event
        case uri
        case name
        case description
        case mailExceptionsTo = "mail_exceptions_to"
        case disabled
        case openIDConnectDiscovery = "openid_connect_discovery"
        case source
        case sourceID
        case appOfferingReferences = "app_offering_references"
        case webhookPolicyID = "webhook_policy_id"
    }
}

/// The body of `PATCH /webhooks/:id`: only the fields to change; `nil` fields are left out.
public struct RServiceWebhookUpdateRequest: Codable, Sendable, Equatable {
    /// The new event.
    public var event: RServiceEventName?
    /// The new URL (the vendor then sends a new `webhook.verify`).
    public var uri: String?
    /// The new name.
    public var name: String?
    /// The new description.
    public var description: String?
    /// The new comma-separated email addresses (`mail_exceptions_to`).
    public var mailExceptionsTo: String?
    /// Disables or enables the webhook.
    public var disabled: Bool?
    /// Turns OpenID Connect discovery on or off (`openid_connect_discovery`).
    public var openIDConnectDiscovery: Bool?
    /// The new source (`source`).
    public var source: String?
    /// The new id in the source (`sourceID`).
    public var sourceID: String?
    /// The new app offering references (`app_offering_references`).
    public var appOfferingReferences: [String]?
    /// The id of the new webhook policy (`webhook_policy_id`).
    public var webhookPolicyID: Int64?

    /// Creates a request body.
    public init(
        event: RServiceEventName? = nil,
        uri: String? = nil,
        name: String? = nil,
        description: String? = nil,
        mailExceptionsTo: String? = nil,
        disabled: Bool? = nil,
        openIDConnectDiscovery: Bool? = nil,
        source: String? = nil,
        sourceID: String? = nil,
        appOfferingReferences: [String]? = nil,
        webhookPolicyID: Int64? = nil
    ) {
        self.event = event
        self.uri = uri
        self.name = name
        self.description = description
        self.mailExceptionsTo = mailExceptionsTo
        self.disabled = disabled
        self.openIDConnectDiscovery = openIDConnectDiscovery
        self.source = source
        self.sourceID = sourceID
        self.appOfferingReferences = appOfferingReferences
        self.webhookPolicyID = webhookPolicyID
    }

    enum CodingKeys: String, CodingKey {
        case event
        case uri
        case name
        case description
        case mailExceptionsTo = "mail_exceptions_to"
        case disabled
        case openIDConnectDiscovery = "openid_connect_discovery"
        case source
        case sourceID
        case appOfferingReferences = "app_offering_references"
        case webhookPolicyID = "webhook_policy_id"
    }
}
