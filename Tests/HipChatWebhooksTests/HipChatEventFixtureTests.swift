import Foundation
import HipChatWebhooks
import Testing
import WebhookCore
import WebhookFixtureSupport
import WebhookRegistry

@Suite("HipChat event fixtures")
struct HipChatEventFixtureTests {
    static let eventFiles = fixtures.names(in: "events")
    static let edgeFiles = fixtures.names(in: "edge").filter { $0 != "missing-event-name.json" }

    @Test("the events/ directory holds the fixtures")
    func fixturesExist() {
        #expect(Self.eventFiles.count >= 14)
    }

    @Test("events/ fixture decodes to its named case", arguments: eventFiles)
    func decodesToNamedCase(file: String) throws {
        let event = try HipChatEvent.decode(from: try fixtures.bytes("events", file))
        let expected = fixtures.eventName(ofFile: file)
        if case .unknown = event {
            Issue.record("\(file) decoded as .unknown")
        }
        #expect(event.eventName == expected)
        #expect(event.name == HipChatEventName(rawValue: expected))
        #expect(event.name?.isRegistered == true)
    }

    @Test("the decoded payload's type is the registry's swiftType", arguments: eventFiles)
    func payloadTypeMatchesRegistry(file: String) throws {
        let event = try HipChatEvent.decode(from: try fixtures.bytes("events", file))
        let descriptor = try #require(event.name?.descriptor)
        #expect(String(describing: type(of: event.payload)) == descriptor.swiftType)
    }

    @Test("events/ fixtures lose nothing: re-encoded JSON equals the original JSON", arguments: eventFiles)
    func lossless(file: String) throws {
        let body = try fixtures.bytes("events", file)
        let event = try HipChatEvent.decode(from: body)
        let original = try WebhookJSON.value(from: body)
        let reencoded = try WebhookJSON.value(from: try WebhookJSON.encode(event))
        #expect(reencoded == original)
    }

    @Test("round trip: encode then decode gives an equal value", arguments: eventFiles + edgeFiles)
    func roundTrip(file: String) throws {
        let directory = Self.eventFiles.contains(file) ? "events" : "edge"
        let event = try HipChatEvent.decode(from: try fixtures.bytes(directory, file))
        let again = try HipChatEvent.decode(from: try WebhookJSON.encode(event))
        #expect(again == event)
    }

    @Test("every registered HipChat name has a fixture, and every fixture name is registered")
    func registryCoverage() {
        let registered = Set(EventRegistry.names(for: .hipChat))
        let covered = Set(Self.eventFiles.map(fixtures.eventName(ofFile:)))
        #expect(registered.subtracting(covered).isEmpty, "names without a fixture: \(registered.subtracting(covered))")
        #expect(
            covered.subtracting(registered).isEmpty,
            "fixtures of unregistered names: \(covered.subtracting(registered))"
        )
    }

    @Test("the registry holds exactly the ten documented names")
    func registryContents() {
        let expected = [
            "room_message", "room_notification", "room_enter", "room_exit", "room_topic_change", "room_archived",
            "room_unarchived", "room_deleted", "room_created", "room_file_upload",
        ]
        #expect(EventRegistry.names(for: .hipChat) == expected)
        for descriptor in EventRegistry.events(for: .hipChat) {
            #expect(descriptor.vendor == .hipChat)
            #expect(descriptor.category == "room")
            #expect(descriptor.confirmation == .documented)
            #expect(descriptor.name == "room_" + (descriptor.action ?? ""))
            #expect(!descriptor.summary.isEmpty)
        }
        #expect(HipChatEventName.roomTopicChange.descriptor?.swiftType == "HipChatTopicChangeEvent")
        #expect(HipChatEventName.allRegistered.count == 10)
        #expect(!HipChatEventName(rawValue: "room_poll").isRegistered)
    }
}
