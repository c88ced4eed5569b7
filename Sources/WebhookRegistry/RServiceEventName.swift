public import WebhookCore

/// An event name R-Service (4me, now Xurrent) sends in a message's `event` field. An open set: unknown names are
/// valid values.
///
/// Names are `noun.verb` (`request.note-added`), apart from `automation_rule`.
public struct RServiceEventName: VendorEventName {
    public static let vendor = WebhookVendor.rService
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }
}

extension RServiceEventName {
    /// An app instance was created.
    public static let appInstanceCreate: RServiceEventName = "app_instance.create"
    /// An app instance was updated.
    public static let appInstanceUpdate: RServiceEventName = "app_instance.update"
    /// An app instance was deleted.
    public static let appInstanceDelete: RServiceEventName = "app_instance.delete"
    /// The secrets of an app instance were updated (client credentials or webhook policy).
    public static let appInstanceSecretsUpdate: RServiceEventName = "app_instance.secrets-update"
    /// An automation rule sent its own payload to the webhook.
    public static let automationRule: RServiceEventName = "automation_rule"
    /// A broadcast was created.
    public static let broadcastCreate: RServiceEventName = "broadcast.create"
    /// A broadcast was updated.
    public static let broadcastUpdate: RServiceEventName = "broadcast.update"
    /// A configuration item (CI) was created.
    public static let ciCreate: RServiceEventName = "ci.create"
    /// A configuration item (CI) was updated.
    public static let ciUpdate: RServiceEventName = "ci.update"
    /// A contract was created.
    public static let contractCreate: RServiceEventName = "contract.create"
    /// A contract was updated.
    public static let contractUpdate: RServiceEventName = "contract.update"
    /// A first line support agreement (FLSA) was created.
    public static let flsaCreate: RServiceEventName = "flsa.create"
    /// A first line support agreement (FLSA) was updated.
    public static let flsaUpdate: RServiceEventName = "flsa.update"
    /// A knowledge article was created.
    public static let knowledgeArticleCreate: RServiceEventName = "knowledge_article.create"
    /// A knowledge article was updated.
    public static let knowledgeArticleUpdate: RServiceEventName = "knowledge_article.update"
    /// An organization was created.
    public static let organizationCreate: RServiceEventName = "organization.create"
    /// An organization was updated.
    public static let organizationUpdate: RServiceEventName = "organization.update"
    /// An out-of-office period was created.
    public static let outOfOfficePeriodCreate: RServiceEventName = "out_of_office_period.create"
    /// An out-of-office period was updated.
    public static let outOfOfficePeriodUpdate: RServiceEventName = "out_of_office_period.update"
    /// An out-of-office period was deleted.
    public static let outOfOfficePeriodDelete: RServiceEventName = "out_of_office_period.delete"
    /// A person was created.
    public static let personCreate: RServiceEventName = "person.create"
    /// A person was updated.
    public static let personUpdate: RServiceEventName = "person.update"
    /// A problem was created.
    public static let problemCreate: RServiceEventName = "problem.create"
    /// The manager of a problem changed.
    public static let problemManagerChanged: RServiceEventName = "problem.manager-changed"
    /// The member (assignee) of a problem changed.
    public static let problemMemberChanged: RServiceEventName = "problem.member-changed"
    /// A note was added to a problem.
    public static let problemNoteAdded: RServiceEventName = "problem.note-added"
    /// The status of a problem changed.
    public static let problemStatusChanged: RServiceEventName = "problem.status-changed"
    /// The team of a problem changed.
    public static let problemTeamChanged: RServiceEventName = "problem.team-changed"
    /// A problem was updated.
    public static let problemUpdate: RServiceEventName = "problem.update"
    /// A product was created.
    public static let productCreate: RServiceEventName = "product.create"
    /// A product was updated.
    public static let productUpdate: RServiceEventName = "product.update"
    /// A project was created.
    public static let projectCreate: RServiceEventName = "project.create"
    /// The manager of a project changed.
    public static let projectManagerChanged: RServiceEventName = "project.manager-changed"
    /// A note was added to a project.
    public static let projectNoteAdded: RServiceEventName = "project.note-added"
    /// The status of a project changed.
    public static let projectStatusChanged: RServiceEventName = "project.status-changed"
    /// A project was updated.
    public static let projectUpdate: RServiceEventName = "project.update"
    /// A project task was created.
    public static let projectTaskCreate: RServiceEventName = "project_task.create"
    /// A project task was deleted.
    public static let projectTaskDelete: RServiceEventName = "project_task.delete"
    /// A note was added to a project task.
    public static let projectTaskNoteAdded: RServiceEventName = "project_task.note-added"
    /// The status of a project task changed.
    public static let projectTaskStatusChanged: RServiceEventName = "project_task.status-changed"
    /// A project task was updated.
    public static let projectTaskUpdate: RServiceEventName = "project_task.update"
    /// A release was created.
    public static let releaseCreate: RServiceEventName = "release.create"
    /// The manager of a release changed.
    public static let releaseManagerChanged: RServiceEventName = "release.manager-changed"
    /// A note was added to a release.
    public static let releaseNoteAdded: RServiceEventName = "release.note-added"
    /// A release was updated.
    public static let releaseUpdate: RServiceEventName = "release.update"
    /// A request moved to another column of its agile board.
    public static let requestAgileBoardColumnChanged: RServiceEventName = "request.agile-board-column-changed"
    /// A request was created.
    public static let requestCreate: RServiceEventName = "request.create"
    /// The major incident status of a request changed.
    public static let requestMajorIncidentStatusChanged: RServiceEventName = "request.major-incident-status-changed"
    /// The member (assignee) of a request changed.
    public static let requestMemberChanged: RServiceEventName = "request.member-changed"
    /// A note was added to a request.
    public static let requestNoteAdded: RServiceEventName = "request.note-added"
    /// The status of a request changed.
    public static let requestStatusChanged: RServiceEventName = "request.status-changed"
    /// The team of a request changed.
    public static let requestTeamChanged: RServiceEventName = "request.team-changed"
    /// A request was updated.
    public static let requestUpdate: RServiceEventName = "request.update"
    /// A risk was created.
    public static let riskCreate: RServiceEventName = "risk.create"
    /// The manager of a risk changed.
    public static let riskManagerChanged: RServiceEventName = "risk.manager-changed"
    /// A note was added to a risk.
    public static let riskNoteAdded: RServiceEventName = "risk.note-added"
    /// The status of a risk changed.
    public static let riskStatusChanged: RServiceEventName = "risk.status-changed"
    /// A risk was updated.
    public static let riskUpdate: RServiceEventName = "risk.update"
    /// A service was created.
    public static let serviceCreate: RServiceEventName = "service.create"
    /// A service was updated.
    public static let serviceUpdate: RServiceEventName = "service.update"
    /// A service instance was created.
    public static let serviceInstanceCreate: RServiceEventName = "service_instance.create"
    /// A service instance was updated.
    public static let serviceInstanceUpdate: RServiceEventName = "service_instance.update"
    /// A service offering was created.
    public static let serviceOfferingCreate: RServiceEventName = "service_offering.create"
    /// A service offering was updated.
    public static let serviceOfferingUpdate: RServiceEventName = "service_offering.update"
    /// A service level agreement (SLA) was created.
    public static let slaCreate: RServiceEventName = "sla.create"
    /// A service level agreement (SLA) was updated.
    public static let slaUpdate: RServiceEventName = "sla.update"
    /// A task was created.
    public static let taskCreate: RServiceEventName = "task.create"
    /// The member (assignee) of a task changed.
    public static let taskMemberChanged: RServiceEventName = "task.member-changed"
    /// A note was added to a task.
    public static let taskNoteAdded: RServiceEventName = "task.note-added"
    /// The status of a task changed.
    public static let taskStatusChanged: RServiceEventName = "task.status-changed"
    /// The team of a task changed.
    public static let taskTeamChanged: RServiceEventName = "task.team-changed"
    /// A task was updated.
    public static let taskUpdate: RServiceEventName = "task.update"
    /// A team was created.
    public static let teamCreate: RServiceEventName = "team.create"
    /// A team was updated.
    public static let teamUpdate: RServiceEventName = "team.update"
    /// A time entry was created.
    public static let timeEntryCreate: RServiceEventName = "time_entry.create"
    /// A time entry was updated.
    public static let timeEntryUpdate: RServiceEventName = "time_entry.update"
    /// A time entry was deleted.
    public static let timeEntryDelete: RServiceEventName = "time_entry.delete"
    /// A webhook was created or its URI changed; the payload holds the callback URL that verifies it.
    public static let webhookVerify: RServiceEventName = "webhook.verify"
    /// A workflow was created.
    public static let workflowCreate: RServiceEventName = "workflow.create"
    /// The manager of a workflow changed.
    public static let workflowManagerChanged: RServiceEventName = "workflow.manager-changed"
    /// A note was added to a workflow.
    public static let workflowNoteAdded: RServiceEventName = "workflow.note-added"
    /// The status of a workflow changed.
    public static let workflowStatusChanged: RServiceEventName = "workflow.status-changed"
    /// A workflow was updated.
    public static let workflowUpdate: RServiceEventName = "workflow.update"
    /// An integration instance's secrets were updated; the 2021 name of app_instance.secrets-update.
    public static let integrationInstanceSecretsUpdate: RServiceEventName = "integration_instance.secrets-update"
}

extension RServiceEventName {
    /// The registry entries for R-Service: the 82 names of the Webhooks API, `project_task.delete` (GraphQL enum
    /// only) and the 2021 name `integration_instance.secrets-update`.
    static let descriptors: [EventDescriptor] = [
        EventDescriptor(
            vendor: .rService,
            name: "app_instance.create",
            summary: "An app instance was created.",
            category: "app_instance",
            action: "create",
            swiftType: "RServiceAppInstanceChange",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "app_instance.update",
            summary: "An app instance was updated.",
            category: "app_instance",
            action: "update",
            swiftType: "RServiceAppInstanceChange",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "app_instance.delete",
            summary: "An app instance was deleted.",
            category: "app_instance",
            action: "delete",
            swiftType: "RServiceAppInstanceChange",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "app_instance.secrets-update",
            summary: "The secrets of an app instance were updated (client credentials or webhook policy).",
            category: "app_instance",
            action: "secrets-update",
            swiftType: "RServiceSecretsUpdate",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "automation_rule",
            summary: "An automation rule sent its own payload to the webhook.",
            category: "automation_rule",
            action: nil,
            swiftType: "JSONValue",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "broadcast.create",
            summary: "A broadcast was created.",
            category: "broadcast",
            action: "create",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "broadcast.update",
            summary: "A broadcast was updated.",
            category: "broadcast",
            action: "update",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "ci.create",
            summary: "A configuration item (CI) was created.",
            category: "ci",
            action: "create",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "ci.update",
            summary: "A configuration item (CI) was updated.",
            category: "ci",
            action: "update",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "contract.create",
            summary: "A contract was created.",
            category: "contract",
            action: "create",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "contract.update",
            summary: "A contract was updated.",
            category: "contract",
            action: "update",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "flsa.create",
            summary: "A first line support agreement (FLSA) was created.",
            category: "flsa",
            action: "create",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "flsa.update",
            summary: "A first line support agreement (FLSA) was updated.",
            category: "flsa",
            action: "update",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "knowledge_article.create",
            summary: "A knowledge article was created.",
            category: "knowledge_article",
            action: "create",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "knowledge_article.update",
            summary: "A knowledge article was updated.",
            category: "knowledge_article",
            action: "update",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "organization.create",
            summary: "An organization was created.",
            category: "organization",
            action: "create",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "organization.update",
            summary: "An organization was updated.",
            category: "organization",
            action: "update",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "out_of_office_period.create",
            summary: "An out-of-office period was created.",
            category: "out_of_office_period",
            action: "create",
            swiftType: "RServiceOutOfOfficePeriod",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "out_of_office_period.update",
            summary: "An out-of-office period was updated.",
            category: "out_of_office_period",
            action: "update",
            swiftType: "RServiceOutOfOfficePeriod",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "out_of_office_period.delete",
            summary: "An out-of-office period was deleted.",
            category: "out_of_office_period",
            action: "delete",
            swiftType: "RServiceOutOfOfficePeriod",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "person.create",
            summary: "A person was created.",
            category: "person",
            action: "create",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "person.update",
            summary: "A person was updated.",
            category: "person",
            action: "update",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "problem.create",
            summary: "A problem was created.",
            category: "problem",
            action: "create",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "problem.manager-changed",
            summary: "The manager of a problem changed.",
            category: "problem",
            action: "manager-changed",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "problem.member-changed",
            summary: "The member (assignee) of a problem changed.",
            category: "problem",
            action: "member-changed",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "problem.note-added",
            summary: "A note was added to a problem.",
            category: "problem",
            action: "note-added",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "problem.status-changed",
            summary: "The status of a problem changed.",
            category: "problem",
            action: "status-changed",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "problem.team-changed",
            summary: "The team of a problem changed.",
            category: "problem",
            action: "team-changed",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "problem.update",
            summary: "A problem was updated.",
            category: "problem",
            action: "update",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "product.create",
            summary: "A product was created.",
            category: "product",
            action: "create",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "product.update",
            summary: "A product was updated.",
            category: "product",
            action: "update",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "project.create",
            summary: "A project was created.",
            category: "project",
            action: "create",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "project.manager-changed",
            summary: "The manager of a project changed.",
            category: "project",
            action: "manager-changed",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "project.note-added",
            summary: "A note was added to a project.",
            category: "project",
            action: "note-added",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "project.status-changed",
            summary: "The status of a project changed.",
            category: "project",
            action: "status-changed",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "project.update",
            summary: "A project was updated.",
            category: "project",
            action: "update",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "project_task.create",
            summary: "A project task was created.",
            category: "project_task",
            action: "create",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "project_task.delete",
            summary: "A project task was deleted.",
            category: "project_task",
            action: "delete",
            swiftType: "RServiceRecordPayload",
            confirmation: .thirdParty
        ),
        EventDescriptor(
            vendor: .rService,
            name: "project_task.note-added",
            summary: "A note was added to a project task.",
            category: "project_task",
            action: "note-added",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "project_task.status-changed",
            summary: "The status of a project task changed.",
            category: "project_task",
            action: "status-changed",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "project_task.update",
            summary: "A project task was updated.",
            category: "project_task",
            action: "update",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "release.create",
            summary: "A release was created.",
            category: "release",
            action: "create",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "release.manager-changed",
            summary: "The manager of a release changed.",
            category: "release",
            action: "manager-changed",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "release.note-added",
            summary: "A note was added to a release.",
            category: "release",
            action: "note-added",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "release.update",
            summary: "A release was updated.",
            category: "release",
            action: "update",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "request.agile-board-column-changed",
            summary: "A request moved to another column of its agile board.",
            category: "request",
            action: "agile-board-column-changed",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "request.create",
            summary: "A request was created.",
            category: "request",
            action: "create",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "request.major-incident-status-changed",
            summary: "The major incident status of a request changed.",
            category: "request",
            action: "major-incident-status-changed",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "request.member-changed",
            summary: "The member (assignee) of a request changed.",
            category: "request",
            action: "member-changed",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "request.note-added",
            summary: "A note was added to a request.",
            category: "request",
            action: "note-added",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "request.status-changed",
            summary: "The status of a request changed.",
            category: "request",
            action: "status-changed",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "request.team-changed",
            summary: "The team of a request changed.",
            category: "request",
            action: "team-changed",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "request.update",
            summary: "A request was updated.",
            category: "request",
            action: "update",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "risk.create",
            summary: "A risk was created.",
            category: "risk",
            action: "create",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "risk.manager-changed",
            summary: "The manager of a risk changed.",
            category: "risk",
            action: "manager-changed",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "risk.note-added",
            summary: "A note was added to a risk.",
            category: "risk",
            action: "note-added",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "risk.status-changed",
            summary: "The status of a risk changed.",
            category: "risk",
            action: "status-changed",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "risk.update",
            summary: "A risk was updated.",
            category: "risk",
            action: "update",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "service.create",
            summary: "A service was created.",
            category: "service",
            action: "create",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "service.update",
            summary: "A service was updated.",
            category: "service",
            action: "update",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "service_instance.create",
            summary: "A service instance was created.",
            category: "service_instance",
            action: "create",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "service_instance.update",
            summary: "A service instance was updated.",
            category: "service_instance",
            action: "update",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "service_offering.create",
            summary: "A service offering was created.",
            category: "service_offering",
            action: "create",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "service_offering.update",
            summary: "A service offering was updated.",
            category: "service_offering",
            action: "update",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "sla.create",
            summary: "A service level agreement (SLA) was created.",
            category: "sla",
            action: "create",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "sla.update",
            summary: "A service level agreement (SLA) was updated.",
            category: "sla",
            action: "update",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "task.create",
            summary: "A task was created.",
            category: "task",
            action: "create",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "task.member-changed",
            summary: "The member (assignee) of a task changed.",
            category: "task",
            action: "member-changed",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "task.note-added",
            summary: "A note was added to a task.",
            category: "task",
            action: "note-added",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "task.status-changed",
            summary: "The status of a task changed.",
            category: "task",
            action: "status-changed",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "task.team-changed",
            summary: "The team of a task changed.",
            category: "task",
            action: "team-changed",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "task.update",
            summary: "A task was updated.",
            category: "task",
            action: "update",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "team.create",
            summary: "A team was created.",
            category: "team",
            action: "create",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "team.update",
            summary: "A team was updated.",
            category: "team",
            action: "update",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "time_entry.create",
            summary: "A time entry was created.",
            category: "time_entry",
            action: "create",
            swiftType: "RServiceTimeEntry",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "time_entry.update",
            summary: "A time entry was updated.",
            category: "time_entry",
            action: "update",
            swiftType: "RServiceTimeEntry",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "time_entry.delete",
            summary: "A time entry was deleted.",
            category: "time_entry",
            action: "delete",
            swiftType: "RServiceTimeEntry",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "webhook.verify",
            summary: "A webhook was created or its URI changed; the payload holds the callback URL that verifies it.",
            category: "webhook",
            action: "verify",
            swiftType: "RServiceWebhookVerification",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "workflow.create",
            summary: "A workflow was created.",
            category: "workflow",
            action: "create",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "workflow.manager-changed",
            summary: "The manager of a workflow changed.",
            category: "workflow",
            action: "manager-changed",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "workflow.note-added",
            summary: "A note was added to a workflow.",
            category: "workflow",
            action: "note-added",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "workflow.status-changed",
            summary: "The status of a workflow changed.",
            category: "workflow",
            action: "status-changed",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "workflow.update",
            summary: "A workflow was updated.",
            category: "workflow",
            action: "update",
            swiftType: "RServiceRecordPayload",
            confirmation: .documented
        ),
        EventDescriptor(
            vendor: .rService,
            name: "integration_instance.secrets-update",
            summary: "An integration instance's secrets were updated; the 2021 name of app_instance.secrets-update.",
            category: "integration_instance",
            action: "secrets-update",
            swiftType: "RServiceSecretsUpdate",
            confirmation: .observed
        ),
    ]
}
