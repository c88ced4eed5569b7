import Foundation
import RServiceWebhooks
import Testing
import WebhookCore
import WebhookRegistry

@Suite("R-Service event fixtures")
struct RServiceEventFixtureTests {
    static let eventFiles = Fixtures.files(in: "events")

    @Test("the events folder holds fixtures")
    func folderIsNotEmpty() {
        #expect(Self.eventFiles.count >= 86)
    }

    @Test("every event fixture decodes to the case its file names", arguments: eventFiles)
    func decodesToNamedCase(file: String) throws {
        let event = try Fixtures.event("events/\(file)")
        let expected = Fixtures.eventName(ofFile: file)
        #expect(!event.isUnknown)
        #expect(event.name == RServiceEventName(rawValue: expected))
        #expect(event.eventName == expected)
        let message = try #require(event.message)
        #expect(message.event.rawValue == expected)
    }

    @Test("the payload type of every fixture is the registry's swiftType", arguments: eventFiles)
    func payloadTypeMatchesRegistry(file: String) throws {
        let event = try Fixtures.event("events/\(file)")
        let descriptor = try #require(
            EventRegistry.descriptor(vendor: .rService, name: Fixtures.eventName(ofFile: file))
        )
        let message = try #require(event.message)
        #expect(String(describing: type(of: message.payload)) == descriptor.swiftType)
    }

    @Test("every registered name has a fixture")
    func everyRegisteredNameHasAFixture() {
        let covered = Set(Self.eventFiles.map(Fixtures.eventName(ofFile:)))
        let registered = EventRegistry.names(for: .rService)
        #expect(registered.count == 84)
        let missing = registered.filter { !covered.contains($0) }
        #expect(missing == [], "registered names without a fixture")
    }

    @Test("no event fixture names an unregistered event")
    func noUnregisteredFixture() {
        for file in Self.eventFiles {
            let name = Fixtures.eventName(ofFile: file)
            #expect(EventRegistry.contains(vendor: .rService, name: name), "\(file) is not a registered name")
        }
    }

    @Test(
        "every event and edge fixture survives encode and decode",
        arguments: eventFiles.map { "events/\($0)" } + Fixtures.files(in: "edge").map { "edge/\($0)" }
    )
    func roundTrip(path: String) throws {
        let event = try Fixtures.event(path)
        let encoded = try WebhookJSON.encode(event)
        let decoded = try RServiceEvent.decode(from: encoded, eventName: nil)
        #expect(decoded == event)
    }

    @Test("the body's event field wins over the caller's name")
    func bodyNameWins() throws {
        let event = try RServiceEvent.decode(
            from: Fixtures.bytes("events/problem.update.json"),
            eventName: "request.create"
        )
        guard case .problemUpdate = event else {
            Issue.record("expected problemUpdate, got \(String(describing: event.eventName))")
            return
        }
    }

    /// `request.update.json` with its `"event":"request.update"` member replaced.
    static func requestUpdate(event member: String) throws -> [UInt8] {
        let text = String(decoding: try Fixtures.bytes("events/request.update.json"), as: UTF8.self)
        #expect(text.contains(#""event":"request.update""#))
        return Array(text.replacingOccurrences(of: #""event":"request.update""#, with: member).utf8)
    }

    @Test(
        "the event name is read as JSONDecoder reads it, with or without escapes, repeated or of the wrong type",
        arguments: [
            (#""event":"request.update""#, "request.update"),
            (#""event":"request\u002eupdate""#, "request.update"),
            (#""ev\u0065nt":"request.update""#, "request.update"),
            (#""event":"request.update","event":"problem.update""#, "request.update"),
            (#""event" : "request.update" "#, "request.update"),
        ]
    )
    func eventNameForms(member: String, name: String) throws {
        let event = try RServiceEvent.decode(from: Self.requestUpdate(event: member), eventName: nil)
        #expect(event.eventName == name)
        #expect(!event.isUnknown)
    }

    @Test(
        "an event member that is not a string, or only a nested one, is rejected as before",
        arguments: [
            (#""event":7"#, WebhookError.Code.invalidPayload),
            (#""event":null"#, .missingEventName),
            (#""events":"request.update""#, .missingEventName),
            (#""event":["request.update"]"#, .invalidPayload),
        ]
    )
    func eventNameRejections(member: String, code: WebhookError.Code) throws {
        #expect(Fixtures.decodingError(try Self.requestUpdate(event: member))?.code == code)
    }
}

@Suite("R-Service edge fixtures")
struct RServiceEdgeFixtureTests {
    @Test("edge folder holds exactly the listed fixtures")
    func edgeFiles() {
        #expect(
            Fixtures.files(in: "edge") == [
                "extra-unknown-fields.json",
                "system-event-person-absent.json",
                "system-event-person-null.json",
                "unknown-event-name.json",
            ]
        )
    }

    @Test("a system event without person fields decodes with nil person")
    func personAbsent() throws {
        guard case .requestStatusChanged(let message) = try Fixtures.event("edge/system-event-person-absent.json")
        else {
            Issue.record("expected requestStatusChanged")
            return
        }
        #expect(message.personID == nil)
        #expect(message.personNodeID == nil)
        #expect(message.personName == nil)
        #expect(message.isSystemEvent)
        #expect(message.payload.status == .waitingForCustomer)
        #expect(message.payload.previousStatus == .inProgress)
    }

    @Test("a system event with null person fields decodes with nil person")
    func personNull() throws {
        guard case .taskStatusChanged(let message) = try Fixtures.event("edge/system-event-person-null.json") else {
            Issue.record("expected taskStatusChanged")
            return
        }
        #expect(message.personID == nil)
        #expect(message.personName == nil)
        #expect(message.isSystemEvent)
        #expect(message.payload.status == "failed")
    }

    @Test("unknown fields are ignored and optional envelope fields are read")
    func extraFields() throws {
        guard case .requestUpdate(let message) = try Fixtures.event("edge/extra-unknown-fields.json") else {
            Issue.record("expected requestUpdate")
            return
        }
        #expect(message.customURL == "https://support.widget.example.com")
        #expect(message.instanceName == "Widget Production")
        #expect(message.name == "Request updates to the CMDB sync")
        #expect(!message.isSystemEvent)
        #expect(message.payload.status == .inProgress)
        #expect(message.payload.team?.id == 14)
        #expect(message.payload.team?.sourceID == "TEAM-14")
        #expect(message.payload.team?.isDisabled == false)
    }

    @Test("an unknown event name keeps the name and the whole JSON")
    func unknownName() throws {
        let event = try Fixtures.event("edge/unknown-event-name.json")
        guard case .unknown(let name, let json) = event else {
            Issue.record("expected unknown")
            return
        }
        #expect(name == "shop_order_line.create")
        #expect(event.eventName == "shop_order_line.create")
        #expect(event.name?.isRegistered == false)
        #expect(event.message == nil)
        #expect(json["object_id"] == .integer(5501))
        #expect(json["payload"]?["status"] == .string("ordered"))
    }
}

@Suite("R-Service malformed fixtures")
struct RServiceMalformedFixtureTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var code: WebhookError.Code
        var path: String?
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(file: "empty.json", code: .malformedBody),
        Case(file: "invalid-json.json", code: .malformedBody),
        Case(file: "array.json", code: .malformedBody),
        Case(file: "wrong-type-payload.json", code: .invalidPayload, path: "$.payload.note_id"),
        Case(file: "wrong-type-object-id.json", code: .invalidPayload, path: "$.object_id"),
        Case(file: "missing-webhook-id.json", code: .invalidPayload, path: "$.webhook_id"),
        Case(file: "missing-account.json", code: .invalidPayload, path: "$.account"),
        Case(file: "missing-object-id.json", code: .invalidPayload, path: "$.object_id"),
        Case(file: "missing-event.json", code: .missingEventName),
    ]

    @Test("every malformed fixture has an expectation")
    func allCovered() {
        let files =
            (try? FileManager.default.contentsOfDirectory(
                atPath: Fixtures.root.appendingPathComponent("malformed").path
            )) ?? []
        #expect(Set(files) == Set(Self.cases.map(\.file)))
    }

    @Test("malformed bodies fail with the right code", arguments: cases)
    func fails(testCase: Case) throws {
        let error = try #require(Fixtures.decodingError(try Fixtures.bytes("malformed/\(testCase.file)")))
        #expect(error.code == testCase.code)
        #expect(error.category == .decoding)
        #expect(error.vendor == .rService)
        if let path = testCase.path {
            #expect(error.reason.contains(path), "reason: \(error.reason)")
        }
    }
}
