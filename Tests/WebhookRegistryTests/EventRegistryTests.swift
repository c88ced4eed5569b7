import Foundation
import Testing
import WebhookCore
import WebhookRegistry

@Suite("EventRegistry")
struct EventRegistryTests {
    static let hipChatNames = [
        "room_message", "room_notification", "room_enter", "room_exit", "room_topic_change", "room_archived",
        "room_unarchived", "room_deleted", "room_created", "room_file_upload",
    ]

    static let confluenceAsyncAPINames = [
        "page_created", "page_updated", "page_removed", "page_trashed", "page_restored", "space_created",
        "space_updated", "space_removed", "comment_created", "comment_updated", "comment_removed",
        "attachment_created", "attachment_updated", "attachment_removed", "label_created", "label_removed",
        "blog_created", "blog_updated", "blog_removed",
    ]

    static let apiTreeListedNames = [
        "api.created", "api.deleted", "release.released", "release.deprecated", "release.endOfLife", "release.deleted",
    ]

    @Test func hipChatHasExactlyItsTenNames() {
        #expect(Set(EventRegistry.names(for: .hipChat)) == Set(Self.hipChatNames))
        #expect(EventRegistry.names(for: .hipChat).count == 10)
    }

    @Test func confluenceHasTheAsyncAPINamesAndTheSheetsFurtherNames() {
        let names = Set(EventRegistry.names(for: .confluence))
        #expect(names.isSuperset(of: Self.confluenceAsyncAPINames))
        for further in [
            "page_moved", "blog_trashed", "label_added", "content_created", "user_created", "group_removed",
        ] {
            #expect(names.contains(further), "missing \(further)")
        }
    }

    @Test func confluenceIncludesTheForgeNames() {
        let names = EventRegistry.names(for: .confluence)
        for forge in [
            "avi:confluence:created:page", "avi:confluence:published:page", "avi:confluence:created:space:V2",
            "avi:confluence:removed:task", "avi:confluence:performed:search", "avi:forge:installed:app",
            "avi:forge:upgraded:app",
        ] {
            #expect(names.contains(forge), "missing \(forge)")
        }
        #expect(names.filter { $0.hasPrefix("avi:") }.count == 68)
        #expect(EventRegistry.descriptor(vendor: .confluence, name: "avi:forge:installed:app")?.category == "forge:app")
    }

    @Test func rServiceHasEveryWebhooksAPIName() {
        let names = EventRegistry.names(for: .rService)
        let documented = EventRegistry.events(for: .rService).filter { $0.confirmation == .documented }
        #expect(documented.count == 82)
        for name in [
            "webhook.verify", "automation_rule", "app_instance.secrets-update", "request.note-added",
            "project_task.delete", "integration_instance.secrets-update", "workflow.manager-changed",
        ] {
            #expect(names.contains(name), "missing \(name)")
        }
    }

    @Test func apiTreeHasItsListedNames() {
        #expect(Set(EventRegistry.names(for: .apiTree)).isSuperset(of: Self.apiTreeListedNames))
        for name in Self.apiTreeListedNames {
            #expect(EventRegistry.descriptor(vendor: .apiTree, name: name)?.confirmation == .documented)
        }
    }

    @Test(arguments: WebhookVendor.supported)
    func namesAreUniqueAndEveryDescriptorIsComplete(vendor: WebhookVendor) {
        let events = EventRegistry.events(for: vendor)
        #expect(!events.isEmpty)
        #expect(Set(events.map(\.name)).count == events.count, "duplicate names for \(vendor)")
        for event in events {
            #expect(event.vendor == vendor)
            #expect(!event.summary.isEmpty, "\(event.name) has no summary")
            #expect(!event.category.isEmpty, "\(event.name) has no category")
            #expect(event.swiftType.first?.isUppercase == true, "\(event.name) has no Swift type")
            #expect(EventRegistry.descriptor(vendor: vendor, name: event.name) == event)
        }
    }

    @Test func lookupsAreByVendorAndExactName() {
        #expect(EventRegistry.descriptor(vendor: .hipChat, name: "room_message")?.vendor == .hipChat)
        #expect(EventRegistry.descriptor(vendor: .confluence, name: "room_message") == nil)
        #expect(EventRegistry.descriptor(vendor: .hipChat, name: "ROOM_MESSAGE") == nil)
        #expect(EventRegistry.events(for: WebhookVendor(rawValue: "github")).isEmpty)
        #expect(
            EventRegistry.all.count == WebhookVendor.supported.map { EventRegistry.events(for: $0).count }.reduce(0, +)
        )
    }

    @Test func unknownNamesAreValidValuesOfTheOpenSets() throws {
        let name: HipChatEventName = "room_levitated"
        #expect(name.rawValue == "room_levitated")
        #expect(!name.isRegistered)
        #expect(name.descriptor == nil)
        let decoded = try JSONDecoder().decode(
            [ConfluenceEventName].self,
            from: Data(#"["page_created","page_copied"]"#.utf8)
        )
        #expect(decoded.map(\.isRegistered) == [true, false])
        #expect(HipChatEventName.allRegistered.count == 10)
        #expect(RServiceEventName(rawValue: "request.note-added").descriptor?.category == "request")
        #expect(ApiTreeEventName(rawValue: "release.endOfLife").descriptor?.action == "endOfLife")
    }

    @Test func docsEventsMarkdownIsInSyncWithTheRegistry() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let file = root.appendingPathComponent("Docs/Events.md")
        let onDisk = try String(contentsOf: file, encoding: .utf8)
        #expect(
            onDisk == EventRegistry.markdown(),
            "Docs/Events.md is out of date: run `swift run webhookkit events --markdown > Docs/Events.md`"
        )
    }
}
