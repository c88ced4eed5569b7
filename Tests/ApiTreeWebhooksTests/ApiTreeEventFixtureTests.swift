import ApiTreeWebhooks
import Foundation
import Testing
import WebhookCore
import WebhookFixtureSupport
import WebhookRegistry
import WebhookValues

@Suite("ApiTree event fixtures")
struct ApiTreeEventFixtureTests {
    static let eventFiles = fixtures.names(in: "events")
    static let edgeFiles = fixtures.names(in: "edge").filter { $0 != "missing-name.json" }

    @Test("the events/ directory holds the fixtures")
    func fixturesExist() {
        #expect(Self.eventFiles.count == 9)
    }

    @Test("events/ fixture decodes to its named case", arguments: eventFiles)
    func decodesToNamedCase(file: String) throws {
        let event = try ApiTreeEvent.decode(from: try fixtures.bytes("events", file))
        let expected = fixtures.eventName(ofFile: file)
        if case .unknown = event {
            Issue.record("\(file) decoded as .unknown")
        }
        #expect(event.eventName == expected)
        #expect(event.name?.isRegistered == true)
        let message = try #require(event.message)
        #expect(message.name?.rawValue == expected)
        #expect(message.user?.nickname?.isEmpty == false)
        #expect(message.resource?.objectValue?.isEmpty == false)
        #expect(message.resourceType != nil)
    }

    @Test("the decoded payload's type is the registry's swiftType", arguments: eventFiles)
    func payloadTypeMatchesRegistry(file: String) throws {
        let event = try ApiTreeEvent.decode(from: try fixtures.bytes("events", file))
        let descriptor = try #require(event.name?.descriptor)
        #expect(String(describing: type(of: event.payload)) == descriptor.swiftType)
    }

    @Test("events/ fixtures lose nothing: re-encoded JSON equals the original JSON", arguments: eventFiles)
    func lossless(file: String) throws {
        let body = try fixtures.bytes("events", file)
        let event = try ApiTreeEvent.decode(from: body)
        #expect(try WebhookJSON.value(from: try WebhookJSON.encode(event)) == (try WebhookJSON.value(from: body)))
    }

    @Test("round trip: encode then decode gives an equal value", arguments: eventFiles + edgeFiles)
    func roundTrip(file: String) throws {
        let directory = Self.eventFiles.contains(file) ? "events" : "edge"
        let event = try ApiTreeEvent.decode(from: try fixtures.bytes(directory, file))
        let again = try ApiTreeEvent.decode(from: try WebhookJSON.encode(event))
        #expect(again == event)
    }

    @Test("every registered ApiTree name has a fixture, and every fixture name is registered")
    func registryCoverage() {
        let registered = Set(EventRegistry.names(for: .apiTree))
        let covered = Set(Self.eventFiles.map(fixtures.eventName(ofFile:)))
        #expect(registered.subtracting(covered).isEmpty, "names without a fixture: \(registered.subtracting(covered))")
        #expect(
            covered.subtracting(registered).isEmpty,
            "fixtures of unregistered names: \(covered.subtracting(registered))"
        )
    }

    @Test("the registry holds the six listed names and the three example-only names")
    func registryContents() throws {
        let listed = [
            "api.created", "api.deleted", "release.released", "release.deprecated", "release.endOfLife",
            "release.deleted",
        ]
        let examples = ["webhook.created", "plan.subscribed", "user.created"]
        #expect(EventRegistry.names(for: .apiTree) == listed + examples)
        for descriptor in EventRegistry.events(for: .apiTree) {
            #expect(descriptor.vendor == .apiTree)
            #expect(descriptor.swiftType == "ApiTreeEventPayload")
            #expect(descriptor.confirmation == .documented)
            #expect("\(descriptor.category).\(descriptor.action ?? "")" == descriptor.name)
            #expect(descriptor.summary.contains("examples") == examples.contains(descriptor.name))
        }
        let endOfLife = try #require(ApiTreeEventName.releaseEndOfLife.descriptor)
        #expect(endOfLife.category == "release")
        #expect(endOfLife.action == "endOfLife")
        #expect(ApiTreeEventName(rawValue: "plain").category == "plain")
        #expect(ApiTreeEventName(rawValue: "plain").action == nil)
        #expect(ApiTreeEventName(rawValue: "api.call.success").action == "call.success")
    }
}

@Suite("ApiTree event messages")
struct ApiTreeEventMessageTests {
    func message(_ directory: String, _ file: String) throws -> ApiTreeEventPayload {
        try #require(try ApiTreeEvent.decode(from: try fixtures.bytes(directory, file)).message)
    }

    @Test("api.created: name, timestamp, user, resource")
    func apiCreated() throws {
        let event = try ApiTreeEvent.decode(from: try fixtures.bytes("events", "api.created.json"))
        guard case .apiCreated(let message) = event else {
            Issue.record("expected .apiCreated, got \(event)")
            return
        }
        #expect(message.timestamp.rawValue == "2019-11-12T14:53:47+00:00")
        #expect(message.timestamp.secondsSince1970 == 1_573_570_427)
        #expect(message.timestamp.utcOffsetSeconds == 0)
        #expect(message.user == ApiTreeUser(id: 1042, nickname: "jdoe"))
        #expect(message.user?.id?.isNumeric == true)
        #expect(message.resourceType == .api)
        #expect(message.resource?["name"] == .string("Petstore API"))
        #expect(try message.webhookResource() == nil)
    }

    @Test("release.endOfLife keeps its camelCase name")
    func endOfLife() throws {
        let event = try ApiTreeEvent.decode(from: try fixtures.bytes("events", "release.endOfLife.json"))
        guard case .releaseEndOfLife(let message) = event else {
            Issue.record("expected .releaseEndOfLife, got \(event)")
            return
        }
        #expect(message.name == .releaseEndOfLife)
        #expect(message.resourceType == .release)
        #expect(message.resource?["status"] == .string("endOfLife"))
    }

    @Test("webhook.created carries a typed webhook resource")
    func webhookCreated() throws {
        let message = try message("events", "webhook.created.json")
        #expect(message.resourceType == .webhook)
        let webhook = try #require(try message.webhookResource())
        #expect(webhook.url == "https://www.apitree.com/testApp")
        #expect(webhook.events == [.apiCreated, .planSubscribed, .userCreated])
        #expect(webhook.active == true)
        #expect(webhook.secret == nil)
        #expect(webhook.lastDelivery == nil)
        #expect(try message.resource(as: ApiTreeWebhook.self) == webhook)
    }

    struct Release: Decodable, Equatable {
        var id: Int
        var version: String
    }

    @Test("resource(as:) decodes any model the caller defines")
    func customResource() throws {
        let message = try message("events", "release.released.json")
        #expect(try message.resource(as: Release.self) == Release(id: 733, version: "2.1.0"))
    }

    @Test("resource(as:) fails with the path when the resource is missing or has another shape")
    func resourceFailures() throws {
        let bare = try message("edge", "timestamp-without-fractions.json")
        let missing = #expect(throws: WebhookError.self) { try bare.resource(as: Release.self) }
        #expect(missing?.code == .invalidPayload)
        #expect(missing?.reason.contains("$.resource") == true)

        let api = try message("events", "api.created.json")
        let wrong = #expect(throws: WebhookError.self) { try api.resource(as: Release.self) }
        #expect(wrong?.code == .invalidPayload)
        #expect(wrong?.reason.contains("$.resource.version") == true, "reason: \(wrong?.reason ?? "")")

        var odd = try message("events", "webhook.created.json")
        odd.resource = .object(["events": .string("api.created")])
        let shape = #expect(throws: WebhookError.self) { try odd.webhookResource() }
        #expect(shape?.code == .invalidPayload)
        #expect(shape?.reason.contains("$.resource.events") == true, "reason: \(shape?.reason ?? "")")
        #expect(shape?.vendor == .apiTree)
    }

    @Test("unknown resource types decode and keep their text")
    func openResourceType() throws {
        let event = try ApiTreeEvent.decode(from: try fixtures.bytes("edge", "unknown-event-name.json"))
        guard case .unknown(_, let json) = event else {
            Issue.record("expected .unknown, got \(event)")
            return
        }
        let message = try WebhookJSON.decode(ApiTreeEventPayload.self, from: try WebhookJSON.encode(json))
        #expect(message.resourceType == ApiTreeResourceType(rawValue: "Organization"))
    }
}
