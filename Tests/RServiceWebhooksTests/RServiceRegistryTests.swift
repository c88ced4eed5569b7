import RServiceWebhooks
import Testing
import WebhookCore
import WebhookRegistry

@Suite("R-Service event-name registry")
struct RServiceRegistryTests {
    static let descriptors = EventRegistry.events(for: .rService)

    @Test("84 unique names: 82 documented, one GraphQL-only, one legacy")
    func counts() {
        #expect(Self.descriptors.count == 84)
        #expect(Set(Self.descriptors.map(\.name)).count == 84)
        #expect(Self.descriptors.filter { $0.confirmation == .documented }.count == 82)
        #expect(EventRegistry.descriptor(vendor: .rService, name: "project_task.delete")?.confirmation == .thirdParty)
        #expect(
            EventRegistry.descriptor(vendor: .rService, name: "integration_instance.secrets-update")?.confirmation
                == .observed
        )
        #expect(Self.descriptors.allSatisfy { $0.vendor == .rService })
    }

    @Test("category is the noun and action the verb", arguments: descriptors)
    func categoryAndAction(descriptor: EventDescriptor) {
        let parts = descriptor.name.split(separator: ".", maxSplits: 1).map(String.init)
        #expect(descriptor.category == parts[0])
        #expect(descriptor.action == (parts.count == 2 ? parts[1] : nil))
        #expect(!descriptor.summary.isEmpty)
        #expect(descriptor.summary.hasSuffix("."))
    }

    @Test("automation_rule has a category and no action")
    func automationRule() {
        let descriptor = EventRegistry.descriptor(vendor: .rService, name: "automation_rule")
        #expect(descriptor?.category == "automation_rule")
        #expect(descriptor?.action == nil)
        #expect(descriptor?.swiftType == "JSONValue")
    }

    @Test("swift types name this module's payload types")
    func swiftTypes() {
        let types = Set(Self.descriptors.map(\.swiftType))
        #expect(
            types == [
                "RServiceRecordPayload", "RServiceAppInstanceChange", "RServiceSecretsUpdate", "JSONValue",
                "RServiceOutOfOfficePeriod", "RServiceTimeEntry", "RServiceWebhookVerification",
            ]
        )
        #expect(
            EventRegistry.descriptor(vendor: .rService, name: "webhook.verify")?.swiftType
                == "RServiceWebhookVerification"
        )
    }

    @Test("static members spell the wire names")
    func staticMembers() {
        #expect(RServiceEventName.requestNoteAdded.rawValue == "request.note-added")
        #expect(RServiceEventName.appInstanceSecretsUpdate.rawValue == "app_instance.secrets-update")
        #expect(RServiceEventName.requestAgileBoardColumnChanged.rawValue == "request.agile-board-column-changed")
        #expect(RServiceEventName.automationRule.rawValue == "automation_rule")
        #expect(RServiceEventName.ciCreate.rawValue == "ci.create")
        #expect(RServiceEventName.projectTaskDelete.isRegistered)
        #expect(RServiceEventName.allRegistered.count == 84)
        #expect(RServiceEventName.allRegistered.first == .appInstanceCreate)
    }

    @Test("unknown names are valid values")
    func openSet() {
        let name: RServiceEventName = "shop_order_line.create"
        #expect(!name.isRegistered)
        #expect(name.descriptor == nil)
        #expect(name.description == "shop_order_line.create")
    }
}
