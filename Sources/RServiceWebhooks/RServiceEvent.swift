public import WebhookCore
import WebhookCrypto
public import WebhookRegistry

/// An R-Service (4me, now Xurrent) webhook event: one case per registered event name, each holding the whole
/// message with its typed payload, and ``unknown(name:json:)`` for names the registry does not know.
///
/// The event name is read from the message's `event` field.
public enum RServiceEvent: WebhookEventDecodable, Equatable {
    /// An app instance was created.
    case appInstanceCreate(RServiceMessage<RServiceAppInstanceChange>)
    /// An app instance was updated.
    case appInstanceUpdate(RServiceMessage<RServiceAppInstanceChange>)
    /// An app instance was deleted.
    case appInstanceDelete(RServiceMessage<RServiceAppInstanceChange>)
    /// The secrets of an app instance were updated (client credentials or webhook policy).
    case appInstanceSecretsUpdate(RServiceMessage<RServiceSecretsUpdate>)
    /// An automation rule sent its own payload to the webhook.
    case automationRule(RServiceMessage<JSONValue>)
    /// A broadcast was created.
    case broadcastCreate(RServiceMessage<RServiceRecordPayload>)
    /// A broadcast was updated.
    case broadcastUpdate(RServiceMessage<RServiceRecordPayload>)
    /// A configuration item (CI) was created.
    case ciCreate(RServiceMessage<RServiceRecordPayload>)
    /// A configuration item (CI) was updated.
    case ciUpdate(RServiceMessage<RServiceRecordPayload>)
    /// A contract was created.
    case contractCreate(RServiceMessage<RServiceRecordPayload>)
    /// A contract was updated.
    case contractUpdate(RServiceMessage<RServiceRecordPayload>)
    /// A first line support agreement (FLSA) was created.
    case flsaCreate(RServiceMessage<RServiceRecordPayload>)
    /// A first line support agreement (FLSA) was updated.
    case flsaUpdate(RServiceMessage<RServiceRecordPayload>)
    /// A knowledge article was created.
    case knowledgeArticleCreate(RServiceMessage<RServiceRecordPayload>)
    /// A knowledge article was updated.
    case knowledgeArticleUpdate(RServiceMessage<RServiceRecordPayload>)
    /// An organization was created.
    case organizationCreate(RServiceMessage<RServiceRecordPayload>)
    /// An organization was updated.
    case organizationUpdate(RServiceMessage<RServiceRecordPayload>)
    /// An out-of-office period was created.
    case outOfOfficePeriodCreate(RServiceMessage<RServiceOutOfOfficePeriod>)
    /// An out-of-office period was updated.
    case outOfOfficePeriodUpdate(RServiceMessage<RServiceOutOfOfficePeriod>)
    /// An out-of-office period was deleted.
    case outOfOfficePeriodDelete(RServiceMessage<RServiceOutOfOfficePeriod>)
    /// A person was created.
    case personCreate(RServiceMessage<RServiceRecordPayload>)
    /// A person was updated.
    case personUpdate(RServiceMessage<RServiceRecordPayload>)
    /// A problem was created.
    case problemCreate(RServiceMessage<RServiceRecordPayload>)
    /// The manager of a problem changed.
    case problemManagerChanged(RServiceMessage<RServiceRecordPayload>)
    /// The member (assignee) of a problem changed.
    case problemMemberChanged(RServiceMessage<RServiceRecordPayload>)
    /// A note was added to a problem.
    case problemNoteAdded(RServiceMessage<RServiceRecordPayload>)
    /// The status of a problem changed.
    case problemStatusChanged(RServiceMessage<RServiceRecordPayload>)
    /// The team of a problem changed.
    case problemTeamChanged(RServiceMessage<RServiceRecordPayload>)
    /// A problem was updated.
    case problemUpdate(RServiceMessage<RServiceRecordPayload>)
    /// A product was created.
    case productCreate(RServiceMessage<RServiceRecordPayload>)
    /// A product was updated.
    case productUpdate(RServiceMessage<RServiceRecordPayload>)
    /// A project was created.
    case projectCreate(RServiceMessage<RServiceRecordPayload>)
    /// The manager of a project changed.
    case projectManagerChanged(RServiceMessage<RServiceRecordPayload>)
    /// A note was added to a project.
    case projectNoteAdded(RServiceMessage<RServiceRecordPayload>)
    /// The status of a project changed.
    case projectStatusChanged(RServiceMessage<RServiceRecordPayload>)
    /// A project was updated.
    case projectUpdate(RServiceMessage<RServiceRecordPayload>)
    /// A project task was created.
    case projectTaskCreate(RServiceMessage<RServiceRecordPayload>)
    /// A project task was deleted.
    case projectTaskDelete(RServiceMessage<RServiceRecordPayload>)
    /// A note was added to a project task.
    case projectTaskNoteAdded(RServiceMessage<RServiceRecordPayload>)
    /// The status of a project task changed.
    case projectTaskStatusChanged(RServiceMessage<RServiceRecordPayload>)
    /// A project task was updated.
    case projectTaskUpdate(RServiceMessage<RServiceRecordPayload>)
    /// A release was created.
    case releaseCreate(RServiceMessage<RServiceRecordPayload>)
    /// The manager of a release changed.
    case releaseManagerChanged(RServiceMessage<RServiceRecordPayload>)
    /// A note was added to a release.
    case releaseNoteAdded(RServiceMessage<RServiceRecordPayload>)
    /// A release was updated.
    case releaseUpdate(RServiceMessage<RServiceRecordPayload>)
    /// A request moved to another column of its agile board.
    case requestAgileBoardColumnChanged(RServiceMessage<RServiceRecordPayload>)
    /// A request was created.
    case requestCreate(RServiceMessage<RServiceRecordPayload>)
    /// The major incident status of a request changed.
    case requestMajorIncidentStatusChanged(RServiceMessage<RServiceRecordPayload>)
    /// The member (assignee) of a request changed.
    case requestMemberChanged(RServiceMessage<RServiceRecordPayload>)
    /// A note was added to a request.
    case requestNoteAdded(RServiceMessage<RServiceRecordPayload>)
    /// The status of a request changed.
    case requestStatusChanged(RServiceMessage<RServiceRecordPayload>)
    /// The team of a request changed.
    case requestTeamChanged(RServiceMessage<RServiceRecordPayload>)
    /// A request was updated.
    case requestUpdate(RServiceMessage<RServiceRecordPayload>)
    /// A risk was created.
    case riskCreate(RServiceMessage<RServiceRecordPayload>)
    /// The manager of a risk changed.
    case riskManagerChanged(RServiceMessage<RServiceRecordPayload>)
    /// A note was added to a risk.
    case riskNoteAdded(RServiceMessage<RServiceRecordPayload>)
    /// The status of a risk changed.
    case riskStatusChanged(RServiceMessage<RServiceRecordPayload>)
    /// A risk was updated.
    case riskUpdate(RServiceMessage<RServiceRecordPayload>)
    /// A service was created.
    case serviceCreate(RServiceMessage<RServiceRecordPayload>)
    /// A service was updated.
    case serviceUpdate(RServiceMessage<RServiceRecordPayload>)
    /// A service instance was created.
    case serviceInstanceCreate(RServiceMessage<RServiceRecordPayload>)
    /// A service instance was updated.
    case serviceInstanceUpdate(RServiceMessage<RServiceRecordPayload>)
    /// A service offering was created.
    case serviceOfferingCreate(RServiceMessage<RServiceRecordPayload>)
    /// A service offering was updated.
    case serviceOfferingUpdate(RServiceMessage<RServiceRecordPayload>)
    /// A service level agreement (SLA) was created.
    case slaCreate(RServiceMessage<RServiceRecordPayload>)
    /// A service level agreement (SLA) was updated.
    case slaUpdate(RServiceMessage<RServiceRecordPayload>)
    /// A task was created.
    case taskCreate(RServiceMessage<RServiceRecordPayload>)
    /// The member (assignee) of a task changed.
    case taskMemberChanged(RServiceMessage<RServiceRecordPayload>)
    /// A note was added to a task.
    case taskNoteAdded(RServiceMessage<RServiceRecordPayload>)
    /// The status of a task changed.
    case taskStatusChanged(RServiceMessage<RServiceRecordPayload>)
    /// The team of a task changed.
    case taskTeamChanged(RServiceMessage<RServiceRecordPayload>)
    /// A task was updated.
    case taskUpdate(RServiceMessage<RServiceRecordPayload>)
    /// A team was created.
    case teamCreate(RServiceMessage<RServiceRecordPayload>)
    /// A team was updated.
    case teamUpdate(RServiceMessage<RServiceRecordPayload>)
    /// A time entry was created.
    case timeEntryCreate(RServiceMessage<RServiceTimeEntry>)
    /// A time entry was updated.
    case timeEntryUpdate(RServiceMessage<RServiceTimeEntry>)
    /// A time entry was deleted.
    case timeEntryDelete(RServiceMessage<RServiceTimeEntry>)
    /// A webhook was created or its URI changed; the payload holds the callback URL that verifies it.
    case webhookVerify(RServiceMessage<RServiceWebhookVerification>)
    /// A workflow was created.
    case workflowCreate(RServiceMessage<RServiceRecordPayload>)
    /// The manager of a workflow changed.
    case workflowManagerChanged(RServiceMessage<RServiceRecordPayload>)
    /// A note was added to a workflow.
    case workflowNoteAdded(RServiceMessage<RServiceRecordPayload>)
    /// The status of a workflow changed.
    case workflowStatusChanged(RServiceMessage<RServiceRecordPayload>)
    /// A workflow was updated.
    case workflowUpdate(RServiceMessage<RServiceRecordPayload>)
    /// An integration instance's secrets were updated; the 2021 name of app_instance.secrets-update.
    case integrationInstanceSecretsUpdate(RServiceMessage<RServiceSecretsUpdate>)
    /// An event whose name the registry does not know, with the name and the whole message as raw JSON.
    case unknown(name: String?, json: JSONValue)

    /// Decodes the message inside a signed delivery's `{"jwt": "<token>"}` body **without verifying the token**:
    /// for tests and tools that inspect a captured delivery, never for a server.
    ///
    /// The token's signature, algorithm, issuer, audience and time claims are not looked at; anyone can write a
    /// body this accepts. A server verifies with `RServiceSignatureVerifier`, which decodes the same `data` claim
    /// only after the token is verified. The body, the token and its `data` claim are read with the same rules as
    /// the verifier (one `jwt` string member without escapes, one `data` claim that is an object).
    ///
    /// - Parameter body: The `{"jwt": "<compact JWS>"}` body, as received.
    /// - Returns: The event of the token's `data` claim.
    /// - Throws: `WebhookError`: `missingSignature` or `malformedToken` for a body that holds no usable token,
    ///   `invalidPayload` for claims without a `data` object, and the errors of ``decode(from:eventName:)``.
    public static func decodeUnverified(signedBody body: [UInt8]) throws(WebhookError) -> RServiceEvent {
        do {
            let wrapper = RServiceJSON.members(of: body)
            let jwtMember = wrapper.map { RServiceJSON.first(named: "jwt", in: $0) } ?? (member: nil, count: 0)
            let token = try RServiceSignatureVerifier.token(in: body, wrapper: wrapper, jwtMember: jwtMember)
            try WebhookLimits.default.checkToken(token.count)
            let unverified = try UnverifiedJWT(token, maximumSize: WebhookLimits.default.maximumTokenSize)
            let message = try RServiceSignatureVerifier.message(in: unverified.payload)
            return try decode(from: message, eventName: nil)
        } catch {
            throw error.attributed(to: .rService)
        }
    }

    /// Decodes a message.
    ///
    /// - Parameters:
    ///   - body: The message JSON: the plain body of an unsigned delivery, or the bytes of a signed delivery's
    ///     `data` claim.
    ///   - eventName: Not used: R-Service messages always name their event in `event`, which wins.
    /// - Returns: The case named by `event`, or ``unknown(name:json:)``.
    /// - Throws: `WebhookError` with code `malformedBody` (empty, not JSON, not an object),
    ///   `invalidPayload` (a field of the wrong type or a missing required field, path in the reason) or
    ///   `missingEventName` (no `event` field).
    public static func decode(from body: [UInt8], eventName: String?) throws(WebhookError) -> RServiceEvent {
        let name: String
        if let plain = plainEventName(in: body) {
            name = plain
        } else {
            let probe = try WebhookJSON.decode(EventNameProbe.self, from: body, vendor: .rService)
            guard let event = probe.event else {
                throw WebhookError(.missingEventName, "message has no event field", vendor: .rService)
            }
            name = event
        }
        switch RServiceEventName(rawValue: name) {
        case .appInstanceCreate: return .appInstanceCreate(try message(body))
        case .appInstanceUpdate: return .appInstanceUpdate(try message(body))
        case .appInstanceDelete: return .appInstanceDelete(try message(body))
        case .appInstanceSecretsUpdate: return .appInstanceSecretsUpdate(try message(body))
        case .automationRule: return .automationRule(try message(body))
        case .broadcastCreate: return .broadcastCreate(try message(body))
        case .broadcastUpdate: return .broadcastUpdate(try message(body))
        case .ciCreate: return .ciCreate(try message(body))
        case .ciUpdate: return .ciUpdate(try message(body))
        case .contractCreate: return .contractCreate(try message(body))
        case .contractUpdate: return .contractUpdate(try message(body))
        case .flsaCreate: return .flsaCreate(try message(body))
        case .flsaUpdate: return .flsaUpdate(try message(body))
        case .knowledgeArticleCreate: return .knowledgeArticleCreate(try message(body))
        case .knowledgeArticleUpdate: return .knowledgeArticleUpdate(try message(body))
        case .organizationCreate: return .organizationCreate(try message(body))
        case .organizationUpdate: return .organizationUpdate(try message(body))
        case .outOfOfficePeriodCreate: return .outOfOfficePeriodCreate(try message(body))
        case .outOfOfficePeriodUpdate: return .outOfOfficePeriodUpdate(try message(body))
        case .outOfOfficePeriodDelete: return .outOfOfficePeriodDelete(try message(body))
        case .personCreate: return .personCreate(try message(body))
        case .personUpdate: return .personUpdate(try message(body))
        case .problemCreate: return .problemCreate(try message(body))
        case .problemManagerChanged: return .problemManagerChanged(try message(body))
        case .problemMemberChanged: return .problemMemberChanged(try message(body))
        case .problemNoteAdded: return .problemNoteAdded(try message(body))
        case .problemStatusChanged: return .problemStatusChanged(try message(body))
        case .problemTeamChanged: return .problemTeamChanged(try message(body))
        case .problemUpdate: return .problemUpdate(try message(body))
        case .productCreate: return .productCreate(try message(body))
        case .productUpdate: return .productUpdate(try message(body))
        case .projectCreate: return .projectCreate(try message(body))
        case .projectManagerChanged: return .projectManagerChanged(try message(body))
        case .projectNoteAdded: return .projectNoteAdded(try message(body))
        case .projectStatusChanged: return .projectStatusChanged(try message(body))
        case .projectUpdate: return .projectUpdate(try message(body))
        case .projectTaskCreate: return .projectTaskCreate(try message(body))
        case .projectTaskDelete: return .projectTaskDelete(try message(body))
        case .projectTaskNoteAdded: return .projectTaskNoteAdded(try message(body))
        case .projectTaskStatusChanged: return .projectTaskStatusChanged(try message(body))
        case .projectTaskUpdate: return .projectTaskUpdate(try message(body))
        case .releaseCreate: return .releaseCreate(try message(body))
        case .releaseManagerChanged: return .releaseManagerChanged(try message(body))
        case .releaseNoteAdded: return .releaseNoteAdded(try message(body))
        case .releaseUpdate: return .releaseUpdate(try message(body))
        case .requestAgileBoardColumnChanged: return .requestAgileBoardColumnChanged(try message(body))
        case .requestCreate: return .requestCreate(try message(body))
        case .requestMajorIncidentStatusChanged: return .requestMajorIncidentStatusChanged(try message(body))
        case .requestMemberChanged: return .requestMemberChanged(try message(body))
        case .requestNoteAdded: return .requestNoteAdded(try message(body))
        case .requestStatusChanged: return .requestStatusChanged(try message(body))
        case .requestTeamChanged: return .requestTeamChanged(try message(body))
        case .requestUpdate: return .requestUpdate(try message(body))
        case .riskCreate: return .riskCreate(try message(body))
        case .riskManagerChanged: return .riskManagerChanged(try message(body))
        case .riskNoteAdded: return .riskNoteAdded(try message(body))
        case .riskStatusChanged: return .riskStatusChanged(try message(body))
        case .riskUpdate: return .riskUpdate(try message(body))
        case .serviceCreate: return .serviceCreate(try message(body))
        case .serviceUpdate: return .serviceUpdate(try message(body))
        case .serviceInstanceCreate: return .serviceInstanceCreate(try message(body))
        case .serviceInstanceUpdate: return .serviceInstanceUpdate(try message(body))
        case .serviceOfferingCreate: return .serviceOfferingCreate(try message(body))
        case .serviceOfferingUpdate: return .serviceOfferingUpdate(try message(body))
        case .slaCreate: return .slaCreate(try message(body))
        case .slaUpdate: return .slaUpdate(try message(body))
        case .taskCreate: return .taskCreate(try message(body))
        case .taskMemberChanged: return .taskMemberChanged(try message(body))
        case .taskNoteAdded: return .taskNoteAdded(try message(body))
        case .taskStatusChanged: return .taskStatusChanged(try message(body))
        case .taskTeamChanged: return .taskTeamChanged(try message(body))
        case .taskUpdate: return .taskUpdate(try message(body))
        case .teamCreate: return .teamCreate(try message(body))
        case .teamUpdate: return .teamUpdate(try message(body))
        case .timeEntryCreate: return .timeEntryCreate(try message(body))
        case .timeEntryUpdate: return .timeEntryUpdate(try message(body))
        case .timeEntryDelete: return .timeEntryDelete(try message(body))
        case .webhookVerify: return .webhookVerify(try message(body))
        case .workflowCreate: return .workflowCreate(try message(body))
        case .workflowManagerChanged: return .workflowManagerChanged(try message(body))
        case .workflowNoteAdded: return .workflowNoteAdded(try message(body))
        case .workflowStatusChanged: return .workflowStatusChanged(try message(body))
        case .workflowUpdate: return .workflowUpdate(try message(body))
        case .integrationInstanceSecretsUpdate: return .integrationInstanceSecretsUpdate(try message(body))
        default: return .unknown(name: name, json: try WebhookJSON.value(from: body, vendor: .rService))
        }
    }

    /// The event name as the vendor sent it.
    public var eventName: String? {
        if case .unknown(let name, _) = self { return name }
        return name?.rawValue
    }

    /// The event name; for ``unknown(name:json:)`` the unregistered name it carries.
    public var name: RServiceEventName? {
        switch self {
        case .appInstanceCreate: .appInstanceCreate
        case .appInstanceUpdate: .appInstanceUpdate
        case .appInstanceDelete: .appInstanceDelete
        case .appInstanceSecretsUpdate: .appInstanceSecretsUpdate
        case .automationRule: .automationRule
        case .broadcastCreate: .broadcastCreate
        case .broadcastUpdate: .broadcastUpdate
        case .ciCreate: .ciCreate
        case .ciUpdate: .ciUpdate
        case .contractCreate: .contractCreate
        case .contractUpdate: .contractUpdate
        case .flsaCreate: .flsaCreate
        case .flsaUpdate: .flsaUpdate
        case .knowledgeArticleCreate: .knowledgeArticleCreate
        case .knowledgeArticleUpdate: .knowledgeArticleUpdate
        case .organizationCreate: .organizationCreate
        case .organizationUpdate: .organizationUpdate
        case .outOfOfficePeriodCreate: .outOfOfficePeriodCreate
        case .outOfOfficePeriodUpdate: .outOfOfficePeriodUpdate
        case .outOfOfficePeriodDelete: .outOfOfficePeriodDelete
        case .personCreate: .personCreate
        case .personUpdate: .personUpdate
        case .problemCreate: .problemCreate
        case .problemManagerChanged: .problemManagerChanged
        case .problemMemberChanged: .problemMemberChanged
        case .problemNoteAdded: .problemNoteAdded
        case .problemStatusChanged: .problemStatusChanged
        case .problemTeamChanged: .problemTeamChanged
        case .problemUpdate: .problemUpdate
        case .productCreate: .productCreate
        case .productUpdate: .productUpdate
        case .projectCreate: .projectCreate
        case .projectManagerChanged: .projectManagerChanged
        case .projectNoteAdded: .projectNoteAdded
        case .projectStatusChanged: .projectStatusChanged
        case .projectUpdate: .projectUpdate
        case .projectTaskCreate: .projectTaskCreate
        case .projectTaskDelete: .projectTaskDelete
        case .projectTaskNoteAdded: .projectTaskNoteAdded
        case .projectTaskStatusChanged: .projectTaskStatusChanged
        case .projectTaskUpdate: .projectTaskUpdate
        case .releaseCreate: .releaseCreate
        case .releaseManagerChanged: .releaseManagerChanged
        case .releaseNoteAdded: .releaseNoteAdded
        case .releaseUpdate: .releaseUpdate
        case .requestAgileBoardColumnChanged: .requestAgileBoardColumnChanged
        case .requestCreate: .requestCreate
        case .requestMajorIncidentStatusChanged: .requestMajorIncidentStatusChanged
        case .requestMemberChanged: .requestMemberChanged
        case .requestNoteAdded: .requestNoteAdded
        case .requestStatusChanged: .requestStatusChanged
        case .requestTeamChanged: .requestTeamChanged
        case .requestUpdate: .requestUpdate
        case .riskCreate: .riskCreate
        case .riskManagerChanged: .riskManagerChanged
        case .riskNoteAdded: .riskNoteAdded
        case .riskStatusChanged: .riskStatusChanged
        case .riskUpdate: .riskUpdate
        case .serviceCreate: .serviceCreate
        case .serviceUpdate: .serviceUpdate
        case .serviceInstanceCreate: .serviceInstanceCreate
        case .serviceInstanceUpdate: .serviceInstanceUpdate
        case .serviceOfferingCreate: .serviceOfferingCreate
        case .serviceOfferingUpdate: .serviceOfferingUpdate
        case .slaCreate: .slaCreate
        case .slaUpdate: .slaUpdate
        case .taskCreate: .taskCreate
        case .taskMemberChanged: .taskMemberChanged
        case .taskNoteAdded: .taskNoteAdded
        case .taskStatusChanged: .taskStatusChanged
        case .taskTeamChanged: .taskTeamChanged
        case .taskUpdate: .taskUpdate
        case .teamCreate: .teamCreate
        case .teamUpdate: .teamUpdate
        case .timeEntryCreate: .timeEntryCreate
        case .timeEntryUpdate: .timeEntryUpdate
        case .timeEntryDelete: .timeEntryDelete
        case .webhookVerify: .webhookVerify
        case .workflowCreate: .workflowCreate
        case .workflowManagerChanged: .workflowManagerChanged
        case .workflowNoteAdded: .workflowNoteAdded
        case .workflowStatusChanged: .workflowStatusChanged
        case .workflowUpdate: .workflowUpdate
        case .integrationInstanceSecretsUpdate: .integrationInstanceSecretsUpdate
        case .unknown(let name, _): name.map(RServiceEventName.init(rawValue:))
        }
    }

    /// The message with its typed payload, or `nil` for ``unknown(name:json:)``.
    public var message: RServiceMessage<any RServicePayload>? {
        switch self {
        case .appInstanceCreate(let message),
            .appInstanceUpdate(let message),
            .appInstanceDelete(let message):
            return message.mapPayload { $0 }
        case .appInstanceSecretsUpdate(let message),
            .integrationInstanceSecretsUpdate(let message):
            return message.mapPayload { $0 }
        case .automationRule(let message):
            return message.mapPayload { $0 }
        case .broadcastCreate(let message),
            .broadcastUpdate(let message),
            .ciCreate(let message),
            .ciUpdate(let message),
            .contractCreate(let message),
            .contractUpdate(let message),
            .flsaCreate(let message),
            .flsaUpdate(let message),
            .knowledgeArticleCreate(let message),
            .knowledgeArticleUpdate(let message),
            .organizationCreate(let message),
            .organizationUpdate(let message),
            .personCreate(let message),
            .personUpdate(let message),
            .problemCreate(let message),
            .problemManagerChanged(let message),
            .problemMemberChanged(let message),
            .problemNoteAdded(let message),
            .problemStatusChanged(let message),
            .problemTeamChanged(let message),
            .problemUpdate(let message),
            .productCreate(let message),
            .productUpdate(let message),
            .projectCreate(let message),
            .projectManagerChanged(let message),
            .projectNoteAdded(let message),
            .projectStatusChanged(let message),
            .projectUpdate(let message),
            .projectTaskCreate(let message),
            .projectTaskDelete(let message),
            .projectTaskNoteAdded(let message),
            .projectTaskStatusChanged(let message),
            .projectTaskUpdate(let message),
            .releaseCreate(let message),
            .releaseManagerChanged(let message),
            .releaseNoteAdded(let message),
            .releaseUpdate(let message),
            .requestAgileBoardColumnChanged(let message),
            .requestCreate(let message),
            .requestMajorIncidentStatusChanged(let message),
            .requestMemberChanged(let message),
            .requestNoteAdded(let message),
            .requestStatusChanged(let message),
            .requestTeamChanged(let message),
            .requestUpdate(let message),
            .riskCreate(let message),
            .riskManagerChanged(let message),
            .riskNoteAdded(let message),
            .riskStatusChanged(let message),
            .riskUpdate(let message),
            .serviceCreate(let message),
            .serviceUpdate(let message),
            .serviceInstanceCreate(let message),
            .serviceInstanceUpdate(let message),
            .serviceOfferingCreate(let message),
            .serviceOfferingUpdate(let message),
            .slaCreate(let message),
            .slaUpdate(let message),
            .taskCreate(let message),
            .taskMemberChanged(let message),
            .taskNoteAdded(let message),
            .taskStatusChanged(let message),
            .taskTeamChanged(let message),
            .taskUpdate(let message),
            .teamCreate(let message),
            .teamUpdate(let message),
            .workflowCreate(let message),
            .workflowManagerChanged(let message),
            .workflowNoteAdded(let message),
            .workflowStatusChanged(let message),
            .workflowUpdate(let message):
            return message.mapPayload { $0 }
        case .outOfOfficePeriodCreate(let message),
            .outOfOfficePeriodUpdate(let message),
            .outOfOfficePeriodDelete(let message):
            return message.mapPayload { $0 }
        case .timeEntryCreate(let message),
            .timeEntryUpdate(let message),
            .timeEntryDelete(let message):
            return message.mapPayload { $0 }
        case .webhookVerify(let message):
            return message.mapPayload { $0 }
        case .unknown: return nil
        }
    }

    /// Whether the registry does not know the event's name.
    public var isUnknown: Bool {
        if case .unknown = self { return true }
        return false
    }

    private struct EventNameProbe: Decodable {
        var event: String?
    }

    /// The `event` member's text, read without a `JSONDecoder` pass over the whole message, when the message is
    /// strict JSON (``RServiceJSON``) with exactly one `event` member, a string without escapes: what
    /// ``EventNameProbe`` would read. `nil` in every other case, which the probe then decides, with its errors.
    static func plainEventName(in body: [UInt8]) -> String? {
        guard let members = RServiceJSON.members(of: body) else { return nil }
        let event = RServiceJSON.first(named: "event", in: members)
        guard event.count == 1, let member = event.member, let string = RServiceJSON.string(member, in: body),
            !string.hasEscapes
        else { return nil }
        return String(decoding: string.text, as: UTF8.self)
    }

    private static func message<Payload: RServicePayload>(
        _ body: [UInt8]
    ) throws(WebhookError) -> RServiceMessage<Payload> {
        try WebhookJSON.decode(RServiceMessage<Payload>.self, from: body, vendor: .rService)
    }
}

extension RServiceEvent: Encodable {
    /// Encodes the message (or, for ``unknown(name:json:)``, the raw JSON).
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .appInstanceCreate(let message),
            .appInstanceUpdate(let message),
            .appInstanceDelete(let message):
            try message.encode(to: encoder)
        case .appInstanceSecretsUpdate(let message),
            .integrationInstanceSecretsUpdate(let message):
            try message.encode(to: encoder)
        case .automationRule(let message):
            try message.encode(to: encoder)
        case .broadcastCreate(let message),
            .broadcastUpdate(let message),
            .ciCreate(let message),
            .ciUpdate(let message),
            .contractCreate(let message),
            .contractUpdate(let message),
            .flsaCreate(let message),
            .flsaUpdate(let message),
            .knowledgeArticleCreate(let message),
            .knowledgeArticleUpdate(let message),
            .organizationCreate(let message),
            .organizationUpdate(let message),
            .personCreate(let message),
            .personUpdate(let message),
            .problemCreate(let message),
            .problemManagerChanged(let message),
            .problemMemberChanged(let message),
            .problemNoteAdded(let message),
            .problemStatusChanged(let message),
            .problemTeamChanged(let message),
            .problemUpdate(let message),
            .productCreate(let message),
            .productUpdate(let message),
            .projectCreate(let message),
            .projectManagerChanged(let message),
            .projectNoteAdded(let message),
            .projectStatusChanged(let message),
            .projectUpdate(let message),
            .projectTaskCreate(let message),
            .projectTaskDelete(let message),
            .projectTaskNoteAdded(let message),
            .projectTaskStatusChanged(let message),
            .projectTaskUpdate(let message),
            .releaseCreate(let message),
            .releaseManagerChanged(let message),
            .releaseNoteAdded(let message),
            .releaseUpdate(let message),
            .requestAgileBoardColumnChanged(let message),
            .requestCreate(let message),
            .requestMajorIncidentStatusChanged(let message),
            .requestMemberChanged(let message),
            .requestNoteAdded(let message),
            .requestStatusChanged(let message),
            .requestTeamChanged(let message),
            .requestUpdate(let message),
            .riskCreate(let message),
            .riskManagerChanged(let message),
            .riskNoteAdded(let message),
            .riskStatusChanged(let message),
            .riskUpdate(let message),
            .serviceCreate(let message),
            .serviceUpdate(let message),
            .serviceInstanceCreate(let message),
            .serviceInstanceUpdate(let message),
            .serviceOfferingCreate(let message),
            .serviceOfferingUpdate(let message),
            .slaCreate(let message),
            .slaUpdate(let message),
            .taskCreate(let message),
            .taskMemberChanged(let message),
            .taskNoteAdded(let message),
            .taskStatusChanged(let message),
            .taskTeamChanged(let message),
            .taskUpdate(let message),
            .teamCreate(let message),
            .teamUpdate(let message),
            .workflowCreate(let message),
            .workflowManagerChanged(let message),
            .workflowNoteAdded(let message),
            .workflowStatusChanged(let message),
            .workflowUpdate(let message):
            try message.encode(to: encoder)
        case .outOfOfficePeriodCreate(let message),
            .outOfOfficePeriodUpdate(let message),
            .outOfOfficePeriodDelete(let message):
            try message.encode(to: encoder)
        case .timeEntryCreate(let message),
            .timeEntryUpdate(let message),
            .timeEntryDelete(let message):
            try message.encode(to: encoder)
        case .webhookVerify(let message):
            try message.encode(to: encoder)
        case .unknown(_, let json):
            try json.encode(to: encoder)
        }
    }
}
