import Foundation
import RServiceWebhooks
import Testing
import WebhookCore
import WebhookRegistry
import WebhookValues

/// Field-by-field checks of the vendor sheet's literal messages and of the written fixtures' typed payloads.
@Suite("R-Service literal messages")
struct RServiceCaptureTests {
    @Test("(a) documented verification message")
    func documentedVerification() throws {
        guard case .webhookVerify(let message) = try Fixtures.event("events/webhook.verify.json") else {
            Issue.record("expected webhookVerify")
            return
        }
        #expect(message.webhookID == 219)
        #expect(message.webhookNodeID == "NG1lMjQuMjIwODEyMTAxMzQ1QDRtZS1kZW1vLmNvbS9XZWJob29rLzM")
        #expect(message.accountID == nil)
        #expect(message.account == "https://mycompany.xurrent.com")
        #expect(message.name == "Note added to Request of mycompany")
        #expect(message.event == .webhookVerify)
        #expect(message.objectID == 219)
        #expect(message.personID == 8543)
        #expect(message.personNodeID == "NG1lMjQuMjIwODEyMTAxMzQ1QDRtZS1kZW1vLmNvbS9QZXJzb24vNg")
        #expect(message.personName == "Howard Tanner")
        #expect(
            message.payload.callbackURL
                == "https://mycompany.xurrent.com/webhooks/219/verify?code=EmzqeGYTj5LAIwY-hWoYNLJQ&expires_at=1610618451"
        )
        #expect(message.payload.code == "EmzqeGYTj5LAIwY-hWoYNLJQ")
        #expect(message.payload.expiresAtEpochSeconds == 1_610_618_451)
        #expect(message.payload.url?.host == "mycompany.xurrent.com")
    }

    @Test("(b) documented request.note-added message")
    func documentedNoteAdded() throws {
        guard case .requestNoteAdded(let message) = try Fixtures.event("events/request.note-added.json") else {
            Issue.record("expected requestNoteAdded")
            return
        }
        #expect(message.webhookID == 945)
        #expect(message.webhookNodeID == nil)
        #expect(message.objectNodeID == nil)
        #expect(message.account == "https://mycompany.xurrent.com")
        #expect(message.objectID == 219)
        #expect(message.personID == 8543)
        #expect(message.personNodeID == nil)
        let payload = message.payload
        #expect(payload.source == "self service")
        #expect(payload.status == .workflowPending)
        #expect(payload.member == RServiceReference(id: 8529, name: "Tom Edwards"))
        #expect(payload.team == RServiceReference(id: 372, name: "End-User Support, Houston"))
        #expect(payload.noteID == nil)
        #expect(payload.previousStatus == nil)
    }

    @Test("(c) real signed delivery from 4me staging, data claim")
    func stagingVerification() throws {
        guard case .webhookVerify(let message) = try Fixtures.event("events/webhook.verify--4me-staging.json") else {
            Issue.record("expected webhookVerify")
            return
        }
        #expect(message.webhookID == 1)
        #expect(message.webhookNodeID == "NG1lLXN0YWdpbmcuY29tL1dlYmhvb2svMQ")
        #expect(message.accountID == "wdc")
        #expect(message.account == "https://wdc.4me-staging.com")
        #expect(message.name == "integration_instance.secrets-update")
        #expect(message.event == .webhookVerify)
        #expect(message.objectID == 1)
        #expect(message.objectNodeID == "NG1lLXN0YWdpbmcuY29tL1dlYmhvb2svMQ")
        #expect(message.personID == 591)
        #expect(message.personNodeID == "NG1lLXN0YWdpbmcuY29tL1BlcnNvbi81OTE")
        #expect(message.personName == "Pluggable Integrations")
        #expect(message.instanceName == nil)
        #expect(message.payload.code == "FThErZe2Rr8wVBns-7lalATP")
        #expect(message.payload.expiresAtEpochSeconds == 1_614_686_831)
        #expect(message.payload.expiresAt == Date(timeIntervalSince1970: 1_614_686_831))
        #expect(message.payload.url?.path == "/webhooks/1/verify")
    }

    @Test("(d) problem.update with audit line, team and member from other accounts")
    func problemUpdate() throws {
        guard case .problemUpdate(let message) = try Fixtures.event("events/problem.update.json") else {
            Issue.record("expected problemUpdate")
            return
        }
        #expect(message.webhookID == 2)
        #expect(message.webhookNodeID == "uvw")
        #expect(message.accountID == "wdc")
        #expect(message.account == "https://wdc.xurrent-staging.com")
        #expect(message.name == "Test-IPaaS")
        #expect(message.objectID == 332)
        #expect(message.objectNodeID == "abc")
        #expect(message.personID == 6)
        #expect(message.personNodeID == "xyz")
        let payload = message.payload
        #expect(payload.status == .analyzed)
        #expect(payload.auditLineID == 71960)
        #expect(payload.auditLineNodeID == "jkl")
        #expect(
            payload.team
                == RServiceReference(
                    id: 14,
                    nodeID: "def",
                    name: "End-User Support, Houston",
                    account: RServiceAccountReference(id: "wdc", name: "Widget Data Center")
                )
        )
        #expect(payload.member?.id == 336)
        #expect(payload.member?.nodeID == "ghi")
        #expect(payload.member?.account == RServiceAccountReference(id: "widget", name: "Widget International"))
    }

    @Test("(e) app_instance.secrets-update with a webhook policy")
    func secretsUpdatePolicy() throws {
        guard
            case .appInstanceSecretsUpdate(let message) = try Fixtures.event("events/app_instance.secrets-update.json")
        else {
            Issue.record("expected appInstanceSecretsUpdate")
            return
        }
        #expect(message.webhookID == 4)
        #expect(message.objectID == 2)
        #expect(message.objectNodeID == "NG1lLXN0YWdpbmcuY29tL0ludGVncmF0aW9uSW5zdGFuY2UvMg")
        let payload = message.payload
        #expect(payload.auditLineID == 149_078)
        #expect(payload.auditLineNodeID == "NG1lLXN0YWdpbmcuY29tL0F1ZGl0TGluZS8xNDkwNzg")
        #expect(
            payload.appOffering
                == RServiceAppOfferingReference(
                    reference: "typeform",
                    id: 1,
                    nodeID: "NG1lLXN0YWdpbmcuY29tL0ludGVncmF0aW9uLzE"
                )
        )
        #expect(payload.offering?.reference == "typeform")
        #expect(payload.integration == nil)
        #expect(payload.customerAccountID == "wdc-test")
        #expect(payload.application == nil)
        #expect(payload.secrets == nil)
        let policy = try #require(payload.policy)
        #expect(policy.nodeID == "NG1lLXN0YWdpbmcuY29tL1dlYmhvb2tQb2xpY3kvNQ")
        #expect(policy.audience == nil)
        #expect(policy.algorithm == "RS256")
        #expect(policy.issuer == nil)
        let pem = try #require(policy.publicKey)
        #expect(pem.hasPrefix("-----BEGIN PUBLIC KEY-----\n"))
        #expect(pem.hasSuffix("\n-----END PUBLIC KEY-----\n"))
        let base64 = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        // An RSA-2048 SubjectPublicKeyInfo is 294 bytes of DER.
        #expect(Data(base64Encoded: base64)?.count == 294)
    }

    @Test("app_instance.secrets-update with client credentials")
    func secretsUpdateScopeOnly() throws {
        guard
            case .appInstanceSecretsUpdate(let message) = try Fixtures.event(
                "events/app_instance.secrets-update--scope-only.json"
            )
        else {
            Issue.record("expected appInstanceSecretsUpdate")
            return
        }
        #expect(message.payload.policy == nil)
        #expect(message.payload.application?.clientID == "<redacted>")
        #expect(message.payload.application?.clientSecret == "<redacted>")
        #expect(message.payload.application?.nodeID != nil)
    }

    @Test("legacy integration_instance.secrets-update reads the integration key")
    func legacySecretsUpdate() throws {
        let event = try Fixtures.event("events/integration_instance.secrets-update.json")
        guard case .integrationInstanceSecretsUpdate(let message) = event else {
            Issue.record("expected integrationInstanceSecretsUpdate")
            return
        }
        #expect(event.name?.descriptor?.confirmation == .observed)
        #expect(message.payload.appOffering == nil)
        #expect(message.payload.integration?.reference == "typeform")
        #expect(message.payload.offering == message.payload.integration)
        #expect(message.payload.customerAccountID == "wdc-test")
    }

    @Test("(f) automation_rule carries free JSON")
    func automationRule() throws {
        guard case .automationRule(let message) = try Fixtures.event("events/automation_rule.json") else {
            Issue.record("expected automationRule")
            return
        }
        #expect(message.webhookID == 2)
        #expect(message.account == "https://wdc.4me-demo.com")
        #expect(message.name == "Log Note Dispatcher Integration")
        #expect(message.objectID == 108)
        #expect(message.payload["text"] == .string("You are too sure!"))
        #expect(message.payload["url"]?.stringValue == "https://webhook.site/c07a995f-2db3-4cc0-a9c9-17f8d937324sdf")
    }
}

@Suite("R-Service written payloads")
struct RServiceWrittenPayloadTests {
    @Test("status-changed carries status and previous_status")
    func statusChanged() throws {
        guard case .requestStatusChanged(let message) = try Fixtures.event("events/request.status-changed.json") else {
            Issue.record("expected requestStatusChanged")
            return
        }
        #expect(message.payload.status == .inProgress)
        #expect(message.payload.previousStatus == .assigned)
        #expect(message.payload.auditLineID != nil)
    }

    @Test("note-added carries the note")
    func noteAdded() throws {
        guard case .taskNoteAdded(let message) = try Fixtures.event("events/task.note-added.json") else {
            Issue.record("expected taskNoteAdded")
            return
        }
        let noteID = try #require(message.payload.noteID)
        #expect(noteID > 3_455_000)
        #expect(message.payload.noteNodeID != nil)
    }

    @Test("member-changed carries a disabled member")
    func memberChanged() throws {
        guard case .taskMemberChanged(let message) = try Fixtures.event("events/task.member-changed.json") else {
            Issue.record("expected taskMemberChanged")
            return
        }
        let member = try #require(message.payload.member)
        #expect(member.isDisabled)
        #expect(member.disabled == true)
    }

    @Test("time entries: typed fields and the rest kept as JSON")
    func timeEntry() throws {
        guard case .timeEntryUpdate(let message) = try Fixtures.event("events/time_entry.update.json") else {
            Issue.record("expected timeEntryUpdate")
            return
        }
        let entry = message.payload
        #expect(entry.id == message.objectID)
        #expect(entry.person?.name == "Tom Edwards")
        #expect(entry.organization?.id == 55)
        #expect(entry.customer?.name == "Widget International")
        #expect(entry.date == "2026-03-12")
        #expect(entry.timeSpent == 60)
        #expect(entry.request?.subject == "Mail server down")
        #expect(entry.task?.id == 8812)
        #expect(entry.serviceInstance?.id == 74)
        #expect(entry.effortClass?.name == "Standard")
        #expect(entry.startedAt?.secondsSince1970 == 1_773_328_500)
        #expect(entry.correction == false)
        #expect(entry.deleted == false)
        #expect(entry.otherFields == ["note_id": .integer(912_344)])
    }

    @Test("out-of-office periods: typed fields")
    func outOfOffice() throws {
        guard case .outOfOfficePeriodCreate(let message) = try Fixtures.event("events/out_of_office_period.create.json")
        else {
            Issue.record("expected outOfOfficePeriodCreate")
            return
        }
        let period = message.payload
        #expect(period.person?.name == "Joseph Coleman")
        #expect(period.startAt?.secondsSince1970 == 1_775_451_600)
        #expect(period.startAt?.utcOffsetSeconds == -5 * 3600)
        #expect(period.endAt != nil)
        #expect(period.reason == "Vacation")
        #expect(period.approvalDelegate?.id == 6)
        #expect(period.otherFields.isEmpty)
    }

    @Test("app_instance.create carries the app offering")
    func appInstanceCreate() throws {
        guard case .appInstanceCreate(let message) = try Fixtures.event("events/app_instance.create.json") else {
            Issue.record("expected appInstanceCreate")
            return
        }
        #expect(message.payload.appOffering?.reference == "typeform")
        #expect(message.payload.customerAccountID == "wdc-test")
    }

    @Test("otherFields survive encoding, and typed fields win over a same-named other field")
    func otherFieldsEncoding() throws {
        let entry = RServiceTimeEntry(
            id: 7,
            timeSpent: 30,
            otherFields: ["billable": .bool(true), "time_spent": .integer(99)]
        )
        let json = try WebhookJSON.value(from: WebhookJSON.encode(entry))
        #expect(json["billable"] == .bool(true))
        #expect(json["time_spent"] == .integer(30))
        #expect(json["id"] == .integer(7))
    }

    @Test("webhook.verify accessors on a callback without query")
    func verificationWithoutQuery() {
        let verification = RServiceWebhookVerification(callbackURL: "https://wdc.xurrent.com/webhooks/5/verify")
        #expect(verification.code == nil)
        #expect(verification.expiresAtEpochSeconds == nil)
        #expect(verification.expiresAt == nil)
    }

    @Test("a message built in code encodes to the wire names")
    func messageEncoding() throws {
        let message = RServiceMessage(
            webhookID: 9,
            account: "https://wdc.xurrent.com",
            name: "Team changes",
            event: .requestTeamChanged,
            objectID: 12345,
            payload: RServiceRecordPayload(team: RServiceReference(id: 3, name: "Service Desk"))
        )
        let json = try WebhookJSON.value(from: WebhookJSON.encode(message))
        #expect(
            Set(json.objectValue?.keys.map { $0 } ?? [])
                == ["webhook_id", "account", "name", "event", "object_id", "payload"]
        )
        #expect(json["event"] == .string("request.team-changed"))
        #expect(json["payload"]?["team"]?["name"] == .string("Service Desk"))
        let event = try RServiceEvent.decode(from: WebhookJSON.encode(message), eventName: nil)
        #expect(event == .requestTeamChanged(message))
    }
}
