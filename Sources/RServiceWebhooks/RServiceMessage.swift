public import WebhookCore
public import WebhookRegistry

/// A value that can sit in an R-Service message's `payload`.
///
/// Every payload type of this module conforms, and so does `JSONValue` (the `automation_rule` payload and
/// unknown content).
public protocol RServicePayload: Codable, Sendable, Equatable {}

extension JSONValue: RServicePayload {}

/// One R-Service (4me, now Xurrent) webhook message: the plain JSON body of an unsigned delivery, or the `data`
/// claim of a signed one.
///
/// `Payload` is the type of the event-specific `payload` object (``RServiceRecordPayload`` for most events).
public struct RServiceMessage<Payload> {
    /// The id of the webhook that sent the message (`webhook_id`).
    public var webhookID: Int
    /// The webhook's GraphQL node id (`webhook_nodeID`).
    public var webhookNodeID: String?
    /// The account's id, e.g. `wdc` (`account_id`); absent in some documented examples.
    public var accountID: String?
    /// The account's URL, e.g. `https://wdc.4me-staging.com` (`account`).
    public var account: String
    /// The account's custom URL (`custom_url`), only when the account defines one.
    public var customURL: String?
    /// The **webhook's** name (`name`), not the event's.
    public var name: String
    /// The event name (`event`).
    public var event: RServiceEventName
    /// The id of the record that triggered the event (`object_id`); for `webhook.verify`, the webhook's id.
    public var objectID: Int64
    /// The GraphQL node id of that record (`object_nodeID`).
    public var objectNodeID: String?
    /// The id of the person who caused the event (`person_id`); `nil` for system events.
    public var personID: Int64?
    /// The GraphQL node id of that person (`person_nodeID`); `nil` for system events.
    public var personNodeID: String?
    /// The name of that person (`person_name`); `nil` for system events.
    public var personName: String?
    /// The instance name (`instance_name`); seen only in connector schemas, not documented.
    public var instanceName: String?
    /// The event-specific content (`payload`).
    public var payload: Payload

    /// Creates a message.
    public init(
        webhookID: Int,
        webhookNodeID: String? = nil,
        accountID: String? = nil,
        account: String,
        customURL: String? = nil,
        name: String,
        event: RServiceEventName,
        objectID: Int64,
        objectNodeID: String? = nil,
        personID: Int64? = nil,
        personNodeID: String? = nil,
        personName: String? = nil,
        instanceName: String? = nil,
        payload: Payload
    ) {
        self.webhookID = webhookID
        self.webhookNodeID = webhookNodeID
        self.accountID = accountID
        self.account = account
        self.customURL = customURL
        self.name = name
        self.event = event
        self.objectID = objectID
        self.objectNodeID = objectNodeID
        self.personID = personID
        self.personNodeID = personNodeID
        self.personName = personName
        self.instanceName = instanceName
        self.payload = payload
    }

    /// Whether a system event caused the message: no person is named (the `person_*` fields are absent or null).
    public var isSystemEvent: Bool {
        personID == nil && personNodeID == nil && personName == nil
    }

    /// The same message with another payload.
    public func mapPayload<Other>(_ transform: (Payload) throws -> Other) rethrows -> RServiceMessage<Other> {
        RServiceMessage<Other>(
            webhookID: webhookID,
            webhookNodeID: webhookNodeID,
            accountID: accountID,
            account: account,
            customURL: customURL,
            name: name,
            event: event,
            objectID: objectID,
            objectNodeID: objectNodeID,
            personID: personID,
            personNodeID: personNodeID,
            personName: personName,
            instanceName: instanceName,
            payload: try transform(payload)
        )
    }

    enum CodingKeys: String, CodingKey {
        case webhookID = "webhook_id"
        case webhookNodeID = "webhook_nodeID"
        case accountID = "account_id"
        case account
        case customURL = "custom_url"
        case name
        case event
        case objectID = "object_id"
        case objectNodeID = "object_nodeID"
        case personID = "person_id"
        case personNodeID = "person_nodeID"
        case personName = "person_name"
        case instanceName = "instance_name"
        case payload
    }
}

extension RServiceMessage: Sendable where Payload: Sendable {}
extension RServiceMessage: Equatable where Payload: Equatable {}

extension RServiceMessage: Decodable where Payload: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        webhookID = try container.decode(Int.self, forKey: .webhookID)
        webhookNodeID = try container.decodeIfPresent(String.self, forKey: .webhookNodeID)
        accountID = try container.decodeIfPresent(String.self, forKey: .accountID)
        account = try container.decode(String.self, forKey: .account)
        customURL = try container.decodeIfPresent(String.self, forKey: .customURL)
        name = try container.decode(String.self, forKey: .name)
        event = try container.decode(RServiceEventName.self, forKey: .event)
        objectID = try container.decode(Int64.self, forKey: .objectID)
        objectNodeID = try container.decodeIfPresent(String.self, forKey: .objectNodeID)
        personID = try container.decodeIfPresent(Int64.self, forKey: .personID)
        personNodeID = try container.decodeIfPresent(String.self, forKey: .personNodeID)
        personName = try container.decodeIfPresent(String.self, forKey: .personName)
        instanceName = try container.decodeIfPresent(String.self, forKey: .instanceName)
        payload = try container.decode(Payload.self, forKey: .payload)
    }
}

extension RServiceMessage: Encodable where Payload: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(webhookID, forKey: .webhookID)
        try container.encodeIfPresent(webhookNodeID, forKey: .webhookNodeID)
        try container.encodeIfPresent(accountID, forKey: .accountID)
        try container.encode(account, forKey: .account)
        try container.encodeIfPresent(customURL, forKey: .customURL)
        try container.encode(name, forKey: .name)
        try container.encode(event, forKey: .event)
        try container.encode(objectID, forKey: .objectID)
        try container.encodeIfPresent(objectNodeID, forKey: .objectNodeID)
        try container.encodeIfPresent(personID, forKey: .personID)
        try container.encodeIfPresent(personNodeID, forKey: .personNodeID)
        try container.encodeIfPresent(personName, forKey: .personName)
        try container.encodeIfPresent(instanceName, forKey: .instanceName)
        try container.encode(payload, forKey: .payload)
    }
}
