public import WebhookCore
public import WebhookValues

/// The payload of `time_entry.create`, `time_entry.update` and `time_entry.delete`: the vendor sends every field of
/// the time entry (except `cost`).
///
/// The common fields are typed (all optional); every other field is kept in ``otherFields`` as raw JSON, so
/// nothing the vendor sends is lost and a field this type does not model never fails a decode.
public struct RServiceTimeEntry: RServicePayload {
    /// The time entry's id (`id`).
    public var id: Int64?
    /// The time entry's GraphQL node id (`nodeID`).
    public var nodeID: String?
    /// The person who spent the time (`person`).
    public var person: RServiceReference?
    /// The person's organization (`organization`).
    public var organization: RServiceReference?
    /// The customer organization the time was spent for (`customer`).
    public var customer: RServiceReference?
    /// The day the time was spent, `yyyy-mm-dd` (`date`).
    public var date: String?
    /// The time spent, in minutes (`time_spent`).
    public var timeSpent: Int?
    /// The description (`description`).
    public var description: String?
    /// The time allocation the time counts against (`time_allocation`).
    public var timeAllocation: RServiceReference?
    /// The effort class (`effort_class`).
    public var effortClass: RServiceReference?
    /// The service instance the time was spent on (`service_instance`).
    public var serviceInstance: RServiceReference?
    /// The request the time was spent on (`request`).
    public var request: RServiceReference?
    /// The task the time was spent on (`task`).
    public var task: RServiceReference?
    /// The problem the time was spent on (`problem`).
    public var problem: RServiceReference?
    /// The project task the time was spent on (`project_task`).
    public var projectTask: RServiceReference?
    /// When the work started (`started_at`).
    public var startedAt: WebhookTimestamp?
    /// Whether the entry corrects an earlier one (`correction`).
    public var correction: FlexibleBool?
    /// Whether the entry is deleted (`deleted`).
    public var deleted: FlexibleBool?
    /// When the entry was created (`created_at`).
    public var createdAt: WebhookTimestamp?
    /// When the entry was last updated (`updated_at`).
    public var updatedAt: WebhookTimestamp?
    /// Every other field of the payload, by wire name, as raw JSON.
    public var otherFields: [String: JSONValue]

    /// Creates a time entry payload.
    public init(
        id: Int64? = nil,
        nodeID: String? = nil,
        person: RServiceReference? = nil,
        organization: RServiceReference? = nil,
        customer: RServiceReference? = nil,
        date: String? = nil,
        timeSpent: Int? = nil,
        description: String? = nil,
        timeAllocation: RServiceReference? = nil,
        effortClass: RServiceReference? = nil,
        serviceInstance: RServiceReference? = nil,
        request: RServiceReference? = nil,
        task: RServiceReference? = nil,
        problem: RServiceReference? = nil,
        projectTask: RServiceReference? = nil,
        startedAt: WebhookTimestamp? = nil,
        correction: FlexibleBool? = nil,
        deleted: FlexibleBool? = nil,
        createdAt: WebhookTimestamp? = nil,
        updatedAt: WebhookTimestamp? = nil,
        otherFields: [String: JSONValue] = [:]
    ) {
        self.id = id
        self.nodeID = nodeID
        self.person = person
        self.organization = organization
        self.customer = customer
        self.date = date
        self.timeSpent = timeSpent
        self.description = description
        self.timeAllocation = timeAllocation
        self.effortClass = effortClass
        self.serviceInstance = serviceInstance
        self.request = request
        self.task = task
        self.problem = problem
        self.projectTask = projectTask
        self.startedAt = startedAt
        self.correction = correction
        self.deleted = deleted
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.otherFields = otherFields
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id
        case nodeID
        case person
        case organization
        case customer
        case date
        case timeSpent = "time_spent"
        case description
        case timeAllocation = "time_allocation"
        case effortClass = "effort_class"
        case serviceInstance = "service_instance"
        case request
        case task
        case problem
        case projectTask = "project_task"
        case startedAt = "started_at"
        case correction
        case deleted
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(Int64.self, forKey: .id)
        nodeID = try container.decodeIfPresent(String.self, forKey: .nodeID)
        person = try container.decodeIfPresent(RServiceReference.self, forKey: .person)
        organization = try container.decodeIfPresent(RServiceReference.self, forKey: .organization)
        customer = try container.decodeIfPresent(RServiceReference.self, forKey: .customer)
        date = try container.decodeIfPresent(String.self, forKey: .date)
        timeSpent = try container.decodeIfPresent(Int.self, forKey: .timeSpent)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        timeAllocation = try container.decodeIfPresent(RServiceReference.self, forKey: .timeAllocation)
        effortClass = try container.decodeIfPresent(RServiceReference.self, forKey: .effortClass)
        serviceInstance = try container.decodeIfPresent(RServiceReference.self, forKey: .serviceInstance)
        request = try container.decodeIfPresent(RServiceReference.self, forKey: .request)
        task = try container.decodeIfPresent(RServiceReference.self, forKey: .task)
        problem = try container.decodeIfPresent(RServiceReference.self, forKey: .problem)
        projectTask = try container.decodeIfPresent(RServiceReference.self, forKey: .projectTask)
        startedAt = try container.decodeIfPresent(WebhookTimestamp.self, forKey: .startedAt)
        correction = try container.decodeIfPresent(FlexibleBool.self, forKey: .correction)
        deleted = try container.decodeIfPresent(FlexibleBool.self, forKey: .deleted)
        createdAt = try container.decodeIfPresent(WebhookTimestamp.self, forKey: .createdAt)
        updatedAt = try container.decodeIfPresent(WebhookTimestamp.self, forKey: .updatedAt)
        otherFields = try RServiceOpenKey.otherFields(in: decoder, excluding: CodingKeys.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RServiceOpenKey.self)
        try container.encodeIfPresent(id, forKey: .init(CodingKeys.id))
        try container.encodeIfPresent(nodeID, forKey: .init(CodingKeys.nodeID))
        try container.encodeIfPresent(person, forKey: .init(CodingKeys.person))
        try container.encodeIfPresent(organization, forKey: .init(CodingKeys.organization))
        try container.encodeIfPresent(customer, forKey: .init(CodingKeys.customer))
        try container.encodeIfPresent(date, forKey: .init(CodingKeys.date))
        try container.encodeIfPresent(timeSpent, forKey: .init(CodingKeys.timeSpent))
        try container.encodeIfPresent(description, forKey: .init(CodingKeys.description))
        try container.encodeIfPresent(timeAllocation, forKey: .init(CodingKeys.timeAllocation))
        try container.encodeIfPresent(effortClass, forKey: .init(CodingKeys.effortClass))
        try container.encodeIfPresent(serviceInstance, forKey: .init(CodingKeys.serviceInstance))
        try container.encodeIfPresent(request, forKey: .init(CodingKeys.request))
        try container.encodeIfPresent(task, forKey: .init(CodingKeys.task))
        try container.encodeIfPresent(problem, forKey: .init(CodingKeys.problem))
        try container.encodeIfPresent(projectTask, forKey: .init(CodingKeys.projectTask))
        try container.encodeIfPresent(startedAt, forKey: .init(CodingKeys.startedAt))
        try container.encodeIfPresent(correction, forKey: .init(CodingKeys.correction))
        try container.encodeIfPresent(deleted, forKey: .init(CodingKeys.deleted))
        try container.encodeIfPresent(createdAt, forKey: .init(CodingKeys.createdAt))
        try container.encodeIfPresent(updatedAt, forKey: .init(CodingKeys.updatedAt))
        try RServiceOpenKey.encode(otherFields, into: &container, excluding: CodingKeys.self)
    }
}

/// The payload of `out_of_office_period.create`, `.update` and `.delete`: the vendor sends every field of the
/// out-of-office period.
///
/// The common fields are typed (all optional); every other field is kept in ``otherFields`` as raw JSON.
public struct RServiceOutOfOfficePeriod: RServicePayload {
    /// The period's id (`id`).
    public var id: Int64?
    /// The period's GraphQL node id (`nodeID`).
    public var nodeID: String?
    /// The person who is out of office (`person`).
    public var person: RServiceReference?
    /// When the period starts (`start_at`).
    public var startAt: WebhookTimestamp?
    /// When the period ends (`end_at`).
    public var endAt: WebhookTimestamp?
    /// Why the person is out of office (`reason`).
    public var reason: String?
    /// Who approves in the person's place during the period (`approval_delegate`).
    public var approvalDelegate: RServiceReference?
    /// The effort class of the time entries the period creates (`effort_class`).
    public var effortClass: RServiceReference?
    /// The time allocation of the time entries the period creates (`time_allocation`).
    public var timeAllocation: RServiceReference?
    /// The period's source (`source`).
    public var source: String?
    /// The period's id in its source (`sourceID`).
    public var sourceID: String?
    /// When the period was created (`created_at`).
    public var createdAt: WebhookTimestamp?
    /// When the period was last updated (`updated_at`).
    public var updatedAt: WebhookTimestamp?
    /// Every other field of the payload, by wire name, as raw JSON.
    public var otherFields: [String: JSONValue]

    /// Creates an out-of-office period payload.
    public init(
        id: Int64? = nil,
        nodeID: String? = nil,
        person: RServiceReference? = nil,
        startAt: WebhookTimestamp? = nil,
        endAt: WebhookTimestamp? = nil,
        reason: String? = nil,
        approvalDelegate: RServiceReference? = nil,
        effortClass: RServiceReference? = nil,
        timeAllocation: RServiceReference? = nil,
        source: String? = nil,
        sourceID: String? = nil,
        createdAt: WebhookTimestamp? = nil,
        updatedAt: WebhookTimestamp? = nil,
        otherFields: [String: JSONValue] = [:]
    ) {
        self.id = id
        self.nodeID = nodeID
        self.person = person
        self.startAt = startAt
        self.endAt = endAt
        self.reason = reason
        self.approvalDelegate = approvalDelegate
        self.effortClass = effortClass
        self.timeAllocation = timeAllocation
        self.source = source
        self.sourceID = sourceID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.otherFields = otherFields
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id
        case nodeID
        case person
        case startAt = "start_at"
        case endAt = "end_at"
        case reason
        case approvalDelegate = "approval_delegate"
        case effortClass = "effort_class"
        case timeAllocation = "time_allocation"
        case source
        case sourceID
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(Int64.self, forKey: .id)
        nodeID = try container.decodeIfPresent(String.self, forKey: .nodeID)
        person = try container.decodeIfPresent(RServiceReference.self, forKey: .person)
        startAt = try container.decodeIfPresent(WebhookTimestamp.self, forKey: .startAt)
        endAt = try container.decodeIfPresent(WebhookTimestamp.self, forKey: .endAt)
        reason = try container.decodeIfPresent(String.self, forKey: .reason)
        approvalDelegate = try container.decodeIfPresent(RServiceReference.self, forKey: .approvalDelegate)
        effortClass = try container.decodeIfPresent(RServiceReference.self, forKey: .effortClass)
        timeAllocation = try container.decodeIfPresent(RServiceReference.self, forKey: .timeAllocation)
        source = try container.decodeIfPresent(String.self, forKey: .source)
        sourceID = try container.decodeIfPresent(String.self, forKey: .sourceID)
        createdAt = try container.decodeIfPresent(WebhookTimestamp.self, forKey: .createdAt)
        updatedAt = try container.decodeIfPresent(WebhookTimestamp.self, forKey: .updatedAt)
        otherFields = try RServiceOpenKey.otherFields(in: decoder, excluding: CodingKeys.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RServiceOpenKey.self)
        try container.encodeIfPresent(id, forKey: .init(CodingKeys.id))
        try container.encodeIfPresent(nodeID, forKey: .init(CodingKeys.nodeID))
        try container.encodeIfPresent(person, forKey: .init(CodingKeys.person))
        try container.encodeIfPresent(startAt, forKey: .init(CodingKeys.startAt))
        try container.encodeIfPresent(endAt, forKey: .init(CodingKeys.endAt))
        try container.encodeIfPresent(reason, forKey: .init(CodingKeys.reason))
        try container.encodeIfPresent(approvalDelegate, forKey: .init(CodingKeys.approvalDelegate))
        try container.encodeIfPresent(effortClass, forKey: .init(CodingKeys.effortClass))
        try container.encodeIfPresent(timeAllocation, forKey: .init(CodingKeys.timeAllocation))
        try container.encodeIfPresent(source, forKey: .init(CodingKeys.source))
        try container.encodeIfPresent(sourceID, forKey: .init(CodingKeys.sourceID))
        try container.encodeIfPresent(createdAt, forKey: .init(CodingKeys.createdAt))
        try container.encodeIfPresent(updatedAt, forKey: .init(CodingKeys.updatedAt))
        try RServiceOpenKey.encode(otherFields, into: &container, excluding: CodingKeys.self)
    }
}

/// A coding key for any member name, used to keep fields a type does not model.
///
/// Generic enough to move to WebhookCore later.
struct RServiceOpenKey: CodingKey, Hashable {
    var stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        nil
    }

    init(_ key: some CodingKey) {
        stringValue = key.stringValue
    }

    /// Every member of the decoder's object whose name is not one of `Known`'s, as raw JSON.
    static func otherFields<Known: CodingKey & CaseIterable>(
        in decoder: any Decoder,
        excluding _: Known.Type
    ) throws -> [String: JSONValue] {
        let known = Set(Known.allCases.map(\.stringValue))
        let container = try decoder.container(keyedBy: RServiceOpenKey.self)
        var fields: [String: JSONValue] = [:]
        for key in container.allKeys where !known.contains(key.stringValue) {
            fields[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
        }
        return fields
    }

    /// Encodes `fields`, skipping any name that `Known` models (the typed property wins).
    static func encode<Known: CodingKey & CaseIterable>(
        _ fields: [String: JSONValue],
        into container: inout KeyedEncodingContainer<RServiceOpenKey>,
        excluding _: Known.Type
    ) throws {
        let known = Set(Known.allCases.map(\.stringValue))
        for (name, value) in fields where !known.contains(name) {
            try container.encode(value, forKey: RServiceOpenKey(stringValue: name))
        }
    }
}
