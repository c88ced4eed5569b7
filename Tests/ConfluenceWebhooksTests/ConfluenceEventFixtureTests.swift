import ConfluenceWebhooks
import Foundation
import Testing
import WebhookCore
import WebhookRegistry

@Suite("Confluence event fixtures")
struct ConfluenceEventFixtureTests {
    static let eventFiles = ConfluenceFixtures.files(in: "events")

    @Test("the events folder holds one fixture or more per registered non-Forge name, and nothing else")
    func fixturesCoverTheRegistry() {
        // Forge names (`avi:…`) have their fixtures in forge/events (ConfluenceForgeEventTests).
        let registered = Set(
            EventRegistry.names(for: .confluence).filter { !ConfluenceEventName(rawValue: $0).isForge }
        )
        let covered = Set(Self.eventFiles.map(ConfluenceFixtures.eventName(ofFile:)))
        #expect(registered.count == 56)
        #expect(registered.subtracting(covered).isEmpty, "names without a fixture: \(registered.subtracting(covered))")
        #expect(
            covered.subtracting(registered).isEmpty,
            "fixtures for unregistered names: \(covered.subtracting(registered))"
        )
        #expect(Self.eventFiles.count == 63)
    }

    @Test("every event fixture decodes to the case of its file name", arguments: eventFiles)
    func decodesToNamedCase(file: String) throws {
        let name = ConfluenceFixtures.eventName(ofFile: file)
        let event = try ConfluenceEvent.decode(from: ConfluenceFixtures.bytes("events/" + file), eventName: name)
        if case .unknown = event {
            Issue.record("\(file) decoded as unknown")
        }
        #expect(event.eventName == name)
        #expect(event.name == ConfluenceEventName(rawValue: name))
        #expect(event.name?.isRegistered == true)
        #expect(event.envelope != nil)
    }

    @Test("every descriptor's swiftType is the type of the decoded payload", arguments: eventFiles)
    func swiftTypeMatchesPayload(file: String) throws {
        let name = ConfluenceFixtures.eventName(ofFile: file)
        let event = try ConfluenceEvent.decode(from: ConfluenceFixtures.bytes("events/" + file), eventName: name)
        let descriptor = try #require(EventRegistry.descriptor(vendor: .confluence, name: name))
        #expect(descriptor.swiftType == String(describing: type(of: event.payload)))
    }

    @Test("every event fixture survives encode then decode, and re-encodes to the same JSON", arguments: eventFiles)
    func roundTrip(file: String) throws {
        let name = ConfluenceFixtures.eventName(ofFile: file)
        let event = try ConfluenceEvent.decode(from: ConfluenceFixtures.bytes("events/" + file), eventName: name)
        let encoded = try event.encodedPayload()
        let again = try ConfluenceEvent.decode(from: encoded, eventName: event.eventName)
        #expect(again == event)
        #expect(try WebhookJSON.value(from: encoded) == ConfluenceFixtures.json("events/" + file))
    }

    @Test("bodies that carry `event` or `eventType` decode without a caller name", arguments: eventFiles)
    func bodyNamedEventsDecodeAlone(file: String) throws {
        let bytes = try ConfluenceFixtures.bytes("events/" + file)
        let json = try WebhookJSON.value(from: bytes)
        if let bodyName = ConfluenceEvent.bodyEventName(json) {
            let event = try ConfluenceEvent.decode(from: bytes, eventName: nil)
            #expect(event.eventName == bodyName)
            #expect(bodyName == ConfluenceFixtures.eventName(ofFile: file))
        } else {
            #expect(throws: WebhookError(.missingEventName, "")) {
                try ConfluenceEvent.decode(from: bytes, eventName: nil)
            }
        }
    }
}

@Suite("Confluence event-name registry")
struct ConfluenceRegistryTests {
    static let asyncAPINames = [
        "page_created", "page_updated", "page_removed", "page_trashed", "page_restored", "space_created",
        "space_updated", "space_removed", "comment_created", "comment_updated", "comment_removed",
        "attachment_created", "attachment_updated", "attachment_removed", "label_created", "label_removed",
        "blog_created", "blog_updated", "blog_removed",
    ]

    @Test("the 19 AsyncAPI names are registered")
    func asyncAPINamesRegistered() {
        for name in Self.asyncAPINames {
            #expect(EventRegistry.contains(vendor: .confluence, name: name), "\(name)")
        }
    }

    @Test("descriptors are unique and complete")
    func descriptorsComplete() {
        let descriptors = EventRegistry.events(for: .confluence)
        #expect(Set(descriptors.map(\.name)).count == descriptors.count)
        for descriptor in descriptors {
            #expect(descriptor.vendor == .confluence)
            #expect(!descriptor.summary.isEmpty)
            #expect(!descriptor.category.isEmpty)
            #expect(descriptor.action?.isEmpty == false)
            #expect(descriptor.swiftType.hasPrefix("Confluence") && descriptor.swiftType.hasSuffix("Event"))
        }
    }

    @Test(
        "categories, actions and confirmation follow the sheet",
        arguments: [
            ("page_removed", "page", "removed", EventConfirmation.documented),
            ("page_children_reordered", "page", "children_reordered", .documented),
            ("page_viewed", "page", "viewed", .thirdParty),
            ("content_created", "content", "created", .observed),
            ("content_permissions_updated", "content", "permissions_updated", .thirdParty),
            ("space_logo_updated", "space", "logo_updated", .documented),
            ("connect_addon_disabled", "connect_addon", "disabled", .documented),
            ("login_failed", "session", "login_failed", .thirdParty),
            ("search_performed", "search", "performed", .thirdParty),
            ("blueprint_page_created", "blueprint", "page_created", .thirdParty),
            ("comment_deleted", "comment", "deleted", .thirdParty),
            ("user_followed", "user", "followed", .documented),
            ("label_added", "label", "added", .documented),
        ]
    )
    func descriptorDetails(name: String, category: String, action: String, confirmation: EventConfirmation) throws {
        let descriptor = try #require(EventRegistry.descriptor(vendor: .confluence, name: name))
        #expect(descriptor.category == category)
        #expect(descriptor.action == action)
        #expect(descriptor.confirmation == confirmation)
    }

    @Test("summaries use the Data Center wording and flag the removed/trashed swap")
    func summaries() throws {
        let removed = try #require(ConfluenceEventName.pageRemoved.descriptor)
        let trashed = try #require(ConfluenceEventName.pageTrashed.descriptor)
        #expect(removed.summary.contains("deleted (sent to the trash)"))
        #expect(trashed.summary.contains("purged from the trash"))
        #expect(removed.summary.contains("2021 Cloud capture"))
        #expect(ConfluenceEventName.commentCreated.descriptor?.summary.contains("inline comment") == true)
    }

    @Test("static names match their raw strings; unknown names are valid values")
    func openNames() {
        #expect(ConfluenceEventName.pageChildrenReordered.rawValue == "page_children_reordered")
        #expect(ConfluenceEventName.connectAddonEnabled.rawValue == "connect_addon_enabled")
        #expect(ConfluenceEventName.loginFailed.rawValue == "login_failed")
        let archived: ConfluenceEventName = "page_archived"
        #expect(!archived.isRegistered)
        #expect(archived.descriptor == nil)
        // 56 Connect, admin and Data Center names, and the 68 Forge names (ConfluenceForgeEventTests).
        #expect(ConfluenceEventName.allRegistered.count == 56 + 68)
        #expect(ConfluenceEventName.allRegistered.filter { !$0.isForge }.count == 56)
    }
}
