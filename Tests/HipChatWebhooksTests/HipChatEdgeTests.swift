import Foundation
import HipChatWebhooks
import Testing
import WebhookCore
import WebhookFixtureSupport
import WebhookRegistry
import WebhookValues

@Suite("HipChat edge fixtures")
struct HipChatEdgeTests {
    @Test("an unknown event name decodes to .unknown, keeping the name and the JSON")
    func unknownName() throws {
        let event = try HipChatEvent.decode(from: try fixtures.bytes("edge", "unknown-event-name.json"))
        guard case .unknown(let name, let json) = event else {
            Issue.record("expected .unknown, got \(event)")
            return
        }
        #expect(name == "room_message_reaction")
        #expect(event.eventName == "room_message_reaction")
        #expect(event.name == HipChatEventName(rawValue: "room_message_reaction"))
        #expect(event.name?.isRegistered == false)
        #expect(json["item"]?["reaction"]?["emoji"] == .string("thumbsup"))
        #expect(event.webhookID == 17_775_390)
        #expect(event.sender?.id == 4_979_430)
        #expect(event.sender?.mentionName == "MarkHopkins")
        #expect(String(describing: type(of: event.payload)) == "JSONValue")
    }

    @Test("an unknown event's body is read by the byte reader: within its container limit, refused beyond it (F11)")
    func unknownEventContainerLimit() throws {
        func body(emptyObjects: Int) -> [UInt8] {
            Array(#"{"event":"x_unknown","payload":["#.utf8)
                + Array(repeating: Array("{},".utf8), count: emptyObjects).flatMap { $0 }.dropLast()
                + Array("]}".utf8)
        }
        // 99 998 objects, the payload array and the body: 100 000 containers, the reader's limit.
        let accepted = try HipChatEvent.decode(from: body(emptyObjects: 99_998))
        guard case .unknown(_, let json) = accepted else {
            Issue.record("expected .unknown")
            return
        }
        #expect(json["payload"]?.arrayValue?.count == 99_998)
        #expect(throws: WebhookError(.malformedBody, "")) {
            try HipChatEvent.decode(from: body(emptyObjects: 99_999))
        }
    }

    @Test("extra unknown fields at every level are ignored")
    func extraFields() throws {
        let event = try HipChatEvent.decode(from: try fixtures.bytes("edge", "extra-unknown-fields.json"))
        guard case .roomMessage(let payload) = event else {
            Issue.record("expected .roomMessage, got \(event)")
            return
        }
        #expect(payload.webhookID == 4_694_751)
        #expect(payload.item.message.text == "/sql show tables")
        #expect(payload.item.message.from?.id == 3_450_167)
        #expect(payload.item.room.name == "HackyThursday")
        #expect(payload.item.room.links?.selfURL == "https://api.hipchat.com/v2/room/2390200")
    }

    @Test("ids sent as strings decode and encode back as strings")
    func stringIDs() throws {
        let event = try HipChatEvent.decode(from: try fixtures.bytes("edge", "webhook-id-as-string.json"))
        guard case .roomMessage(let payload) = event else {
            Issue.record("expected .roomMessage, got \(event)")
            return
        }
        #expect(payload.webhookID == "23456")
        #expect(payload.webhookID.isNumeric == false)
        #expect(payload.webhookID.intValue == 23456)
        #expect(payload.oauthClientID == "addon-key-1234")
        #expect(payload.item.room.id == "98765")
        #expect(event.sender?.id?.stringValue == "1234567")
        let json = try WebhookJSON.value(from: try WebhookJSON.encode(event))
        #expect(json["webhook_id"] == .string("23456"))
        #expect(json["item"]?["room"]?["id"] == .string("98765"))
    }

    @Test("a notification whose from is null has no sender")
    func fromNull() throws {
        let event = try HipChatEvent.decode(from: try fixtures.bytes("edge", "notification-from-null.json"))
        guard case .roomNotification(let payload) = event else {
            Issue.record("expected .roomNotification, got \(event)")
            return
        }
        #expect(payload.item.message.from == nil)
        #expect(event.sender == nil)
        #expect(payload.item.message.color == .purple)
        #expect(payload.item.message.messageFormat == .html)
        #expect(payload.item.message.text == "<b>Deploy finished</b> in 42 s")
    }

    @Test("a body without event fails unless the caller names the event")
    func missingEventName() throws {
        let body = try fixtures.bytes("edge", "missing-event-name.json")
        let error = #expect(throws: WebhookError.self) { try HipChatEvent.decode(from: body) }
        #expect(error?.code == .missingEventName)
        #expect(error?.category == .decoding)
        #expect(error?.vendor == .hipChat)

        let event = try HipChatEvent.decode(from: body, eventName: "room_enter")
        guard case .roomEnter(let payload) = event else {
            Issue.record("expected .roomEnter, got \(event)")
            return
        }
        #expect(payload.event == nil)
        #expect(event.eventName == "room_enter")
        #expect(payload.item.sender?.id == 4_979_430)
        #expect(payload.item.room?.privacy == .private)
        #expect(event.sender?.name == "Mark Hopkins")
        let again = try HipChatEvent.decode(from: try WebhookJSON.encode(event), eventName: "room_enter")
        #expect(again == event)
    }

    @Test("the body's event wins over the caller's name")
    func bodyNameWins() throws {
        let body = try fixtures.bytes("events", "room_message.json")
        let event = try HipChatEvent.decode(from: body, eventName: "room_exit")
        #expect(event.eventName == "room_message")
    }

    @Test("a caller's name that is not registered gives .unknown")
    func callerUnknownName() throws {
        let body = try fixtures.bytes("edge", "missing-event-name.json")
        let event = try HipChatEvent.decode(from: body, eventName: "room_poll_closed")
        guard case .unknown(let name, let json) = event else {
            Issue.record("expected .unknown, got \(event)")
            return
        }
        #expect(name == "room_poll_closed")
        #expect(json["webhook_id"] == .integer(17_775_374))
    }
}

@Suite("HipChat malformed bodies")
struct HipChatMalformedTests {
    static let expectations: [(file: String, code: WebhookError.Code, path: String?)] = [
        ("empty.json", .malformedBody, nil),
        ("invalid-json.json", .malformedBody, nil),
        ("json-array.json", .malformedBody, nil),
        ("wrong-type.json", .invalidPayload, "$.item.message.date"),
        ("event-not-a-string.json", .invalidPayload, "$.event"),
        ("missing-message-id.json", .invalidPayload, "$.item.message.id"),
    ]

    @Test("every malformed fixture has an expectation")
    func covered() {
        #expect(fixtures.names(in: "malformed") == Self.expectations.map(\.file).sorted())
    }

    @Test("malformed fixtures fail with the right code", arguments: expectations.map(\.file))
    func fails(file: String) throws {
        let expectation = try #require(Self.expectations.first { $0.file == file })
        let body = try fixtures.bytes("malformed", file)
        let error = #expect(throws: WebhookError.self) {
            try HipChatEvent.decode(from: body, eventName: "room_message")
        }
        #expect(error?.code == expectation.code)
        #expect(error?.category == .decoding)
        if let path = expectation.path {
            #expect(error?.reason.contains(path) == true, "reason: \(error?.reason ?? "")")
        }
    }

    @Test("non-UTF-8 bytes fail without crashing")
    func notUTF8() {
        let error = #expect(throws: WebhookError.self) {
            try HipChatEvent.decode(from: [0x7B, 0xFF, 0xFE, 0x7D], eventName: nil)
        }
        #expect(error?.code == .malformedBody)
    }
}
