import ApiTreeWebhooks
import Foundation
import Testing
import WebhookCore
import WebhookFixtureSupport
import WebhookRegistry
import WebhookValues

@Suite("ApiTree edge fixtures")
struct ApiTreeEdgeTests {
    @Test("a timestamp with fractional seconds keeps every digit")
    func withFractions() throws {
        let event = try ApiTreeEvent.decode(from: try fixtures.bytes("edge", "timestamp-with-fractions.json"))
        guard case .releaseReleased(let message) = event else {
            Issue.record("expected .releaseReleased, got \(event)")
            return
        }
        #expect(message.timestamp.rawValue == "2019-11-14T09:30:11.482913+00:00")
        #expect(abs(message.timestamp.secondsSince1970 - 1_573_723_811.482913) < 1e-6)
        let json = try WebhookJSON.value(from: try WebhookJSON.encode(event))
        #expect(json["timestamp"] == .string("2019-11-14T09:30:11.482913+00:00"))
    }

    @Test("a timestamp without fractions, in a body with only name and timestamp")
    func withoutFractions() throws {
        let body = try fixtures.bytes("edge", "timestamp-without-fractions.json")
        #expect(body == Array(#"{"name":"api.created","timestamp":"2019-11-12T14:53:47+00:00"}"#.utf8))
        let event = try ApiTreeEvent.decode(from: body)
        guard case .apiCreated(let message) = event else {
            Issue.record("expected .apiCreated, got \(event)")
            return
        }
        #expect(message.timestamp.secondsSince1970 == 1_573_570_427)
        #expect(message.timestamp.date == Date(timeIntervalSince1970: 1_573_570_427))
        #expect(message.user == nil)
        #expect(message.resourceType == nil)
        #expect(message.resource == nil)
        #expect(try WebhookJSON.encode(event) == body)
    }

    @Test("an unknown event name decodes to .unknown, keeping the name and the JSON")
    func unknownName() throws {
        let event = try ApiTreeEvent.decode(from: try fixtures.bytes("edge", "unknown-event-name.json"))
        guard case .unknown(let name, let json) = event else {
            Issue.record("expected .unknown, got \(event)")
            return
        }
        #expect(name == "organization.created")
        #expect(event.name == ApiTreeEventName(rawValue: "organization.created"))
        #expect(event.name?.isRegistered == false)
        #expect(event.name?.category == "organization")
        #expect(event.message == nil)
        #expect(json["resource"]?["name"] == .string("Acme"))
        #expect(String(describing: type(of: event.payload)) == "JSONValue")
    }

    @Test("extra unknown fields are ignored")
    func extraFields() throws {
        let event = try ApiTreeEvent.decode(from: try fixtures.bytes("edge", "extra-unknown-fields.json"))
        guard case .apiDeleted(let message) = event else {
            Issue.record("expected .apiDeleted, got \(event)")
            return
        }
        #expect(message.user == ApiTreeUser(id: 1042, nickname: "jdoe"))
        #expect(message.resource?["id"] == .integer(5821))
        #expect(message.timestamp.rawValue == "2019-12-03T08:15:02+00:00")
    }

    @Test("a user id sent as a string decodes and encodes back as a string")
    func stringUserID() throws {
        let event = try ApiTreeEvent.decode(from: try fixtures.bytes("edge", "user-id-as-string.json"))
        let message = try #require(event.message)
        #expect(event.name == .userCreated)
        #expect(message.user?.id == "u-2210")
        #expect(message.user?.id?.isNumeric == false)
        #expect(message.user?.id?.intValue == nil)
        let json = try WebhookJSON.value(from: try WebhookJSON.encode(event))
        #expect(json["user"]?["id"] == .string("u-2210"))
    }

    @Test("a body without name fails unless the caller names the event")
    func missingName() throws {
        let body = try fixtures.bytes("edge", "missing-name.json")
        let error = #expect(throws: WebhookError.self) { try ApiTreeEvent.decode(from: body) }
        #expect(error?.code == .missingEventName)
        #expect(error?.vendor == .apiTree)

        let event = try ApiTreeEvent.decode(from: body, eventName: "api.created")
        guard case .apiCreated(let message) = event else {
            Issue.record("expected .apiCreated, got \(event)")
            return
        }
        #expect(message.name == nil)
        #expect(event.eventName == "api.created")
        #expect(try ApiTreeEvent.decode(from: try WebhookJSON.encode(event), eventName: "api.created") == event)
    }

    @Test("the body's name wins over the caller's name")
    func bodyNameWins() throws {
        let body = try fixtures.bytes("events", "api.deleted.json")
        #expect(try ApiTreeEvent.decode(from: body, eventName: "api.created").name == .apiDeleted)
    }
}

@Suite("ApiTree malformed bodies")
struct ApiTreeMalformedTests {
    static let expectations: [(file: String, code: WebhookError.Code, path: String?)] = [
        ("empty.json", .malformedBody, nil),
        ("invalid-json.json", .malformedBody, nil),
        ("json-array.json", .malformedBody, nil),
        ("wrong-type.json", .invalidPayload, "$.timestamp"),
        ("wrong-type-nested.json", .invalidPayload, "$.user.nickname"),
        ("name-not-a-string.json", .invalidPayload, "$.name"),
        ("invalid-timestamp.json", .invalidPayload, "$.timestamp"),
        ("missing-timestamp.json", .invalidPayload, "$.timestamp"),
    ]

    @Test("every malformed fixture has an expectation")
    func covered() {
        #expect(fixtures.names(in: "malformed") == Self.expectations.map(\.file).sorted())
    }

    @Test("malformed fixtures fail with the right code", arguments: expectations.map(\.file))
    func fails(file: String) throws {
        let expectation = try #require(Self.expectations.first { $0.file == file })
        let body = try fixtures.bytes("malformed", file)
        let error = #expect(throws: WebhookError.self) { try ApiTreeEvent.decode(from: body, eventName: "api.created") }
        #expect(error?.code == expectation.code)
        #expect(error?.category == .decoding)
        if let path = expectation.path {
            #expect(error?.reason.contains(path) == true, "reason: \(error?.reason ?? "")")
        }
    }
}
