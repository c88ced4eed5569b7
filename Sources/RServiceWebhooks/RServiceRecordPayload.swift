import WebhookCore
public import WebhookValues

/// The payload of most R-Service record events: `*.create`, `*.update`, `*.delete` (of project tasks),
/// `*.note-added`, `*.status-changed`, `*.team-changed`, `*.member-changed`, `*.manager-changed`,
/// `request.agile-board-column-changed` and `request.major-incident-status-changed`.
///
/// The vendor includes each key "only when applicable", so every field is optional. Unknown keys are ignored.
public struct RServiceRecordPayload: RServicePayload {
    /// The id of the audit line that records the change (`audit_line_id`).
    public var auditLineID: Int64?
    /// The GraphQL node id of that audit line (`audit_line_nodeID`).
    public var auditLineNodeID: String?
    /// The id of the note that was added (`note_id`).
    public var noteID: Int64?
    /// The GraphQL node id of that note (`note_nodeID`).
    public var noteNodeID: String?
    /// The record's source, e.g. `self service` (`source`).
    public var source: String?
    /// The record's id in its source (`sourceID`).
    public var sourceID: String?
    /// The record's status after the change (`status`).
    public var status: RServiceStatus?
    /// The status before the change (`previous_status`), only in `*.status-changed` events.
    public var previousStatus: RServiceStatus?
    /// The team the record is assigned to (`team`).
    public var team: RServiceReference?
    /// The member (person) the record is assigned to (`member`).
    public var member: RServiceReference?

    /// Creates a payload.
    public init(
        auditLineID: Int64? = nil,
        auditLineNodeID: String? = nil,
        noteID: Int64? = nil,
        noteNodeID: String? = nil,
        source: String? = nil,
        sourceID: String? = nil,
        status: RServiceStatus? = nil,
        previousStatus: RServiceStatus? = nil,
        team: RServiceReference? = nil,
        member: RServiceReference? = nil
    ) {
        self.auditLineID = auditLineID
        self.auditLineNodeID = auditLineNodeID
        self.noteID = noteID
        self.noteNodeID = noteNodeID
        self.source = source
        self.sourceID = sourceID
        self.status = status
        self.previousStatus = previousStatus
        self.team = team
        self.member = member
    }

    enum CodingKeys: String, CodingKey {
        case auditLineID = "audit_line_id"
        case auditLineNodeID = "audit_line_nodeID"
        case noteID = "note_id"
        case noteNodeID = "note_nodeID"
        case source
        case sourceID
        case status
        case previousStatus = "previous_status"
        case team
        case member
    }
}

/// A reference to another R-Service record, as payloads and API resources embed them:
/// `{id, name|subject, nodeID, sourceID, disabled, account{id, name}}`.
public struct RServiceReference: Codable, Sendable, Equatable {
    /// The record's id.
    public var id: Int64
    /// The record's GraphQL node id (`nodeID`).
    public var nodeID: String?
    /// The record's name (teams, people, organizations, ...).
    public var name: String?
    /// The record's subject (requests, tasks, problems, ...), which such references carry instead of a name.
    public var subject: String?
    /// The record's id in its source (`sourceID`).
    public var sourceID: String?
    /// Whether the record is disabled; the vendor sends the key only when it is `true`.
    public var disabled: FlexibleBool?
    /// The account the record belongs to, when it is not the message's own account.
    public var account: RServiceAccountReference?

    /// Creates a reference.
    public init(
        id: Int64,
        nodeID: String? = nil,
        name: String? = nil,
        subject: String? = nil,
        sourceID: String? = nil,
        disabled: FlexibleBool? = nil,
        account: RServiceAccountReference? = nil
    ) {
        self.id = id
        self.nodeID = nodeID
        self.name = name
        self.subject = subject
        self.sourceID = sourceID
        self.disabled = disabled
        self.account = account
    }

    /// Whether the record is disabled (`false` when the key is absent).
    public var isDisabled: Bool { disabled?.value ?? false }
}

/// A reference to an R-Service account: `{id, name}`, e.g. `{"id":"wdc","name":"Widget Data Center"}`.
public struct RServiceAccountReference: Codable, Sendable, Equatable {
    /// The account's id, e.g. `wdc`.
    public var id: String
    /// The account's name.
    public var name: String?

    /// Creates an account reference.
    public init(id: String, name: String? = nil) {
        self.id = id
        self.name = name
    }
}

/// A record's status as R-Service sends it in `status` and `previous_status`. An open set: any string is valid.
///
/// The static members name statuses seen in the vendor's examples and requests' documented statuses; problems,
/// tasks, projects, workflows and risks have their own.
public struct RServiceStatus: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The status as sent, e.g. `in_progress`.
    public let rawValue: String

    /// Creates a status from its wire value.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }

    public var description: String { rawValue }

    /// `declined`.
    public static let declined = RServiceStatus(rawValue: "declined")
    /// `on_backlog`.
    public static let onBacklog = RServiceStatus(rawValue: "on_backlog")
    /// `assigned`.
    public static let assigned = RServiceStatus(rawValue: "assigned")
    /// `accepted`.
    public static let accepted = RServiceStatus(rawValue: "accepted")
    /// `in_progress`.
    public static let inProgress = RServiceStatus(rawValue: "in_progress")
    /// `waiting_for`.
    public static let waitingFor = RServiceStatus(rawValue: "waiting_for")
    /// `waiting_for_customer`.
    public static let waitingForCustomer = RServiceStatus(rawValue: "waiting_for_customer")
    /// `workflow_pending`.
    public static let workflowPending = RServiceStatus(rawValue: "workflow_pending")
    /// `completed`.
    public static let completed = RServiceStatus(rawValue: "completed")
    /// `analyzed` (a problem status, seen in the vendor's connector tests).
    public static let analyzed = RServiceStatus(rawValue: "analyzed")

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
