import Foundation
import HipChatWebhooks
import Testing
import WebhookCore
import WebhookFixtureSupport
import WebhookRegistry
import WebhookValues

@Suite("HipChat models")
struct HipChatModelTests {
    func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try WebhookJSON.decode(type, from: Array(json.utf8), vendor: .hipChat)
    }

    @Test("a message sender encodes back to the form it arrived in")
    func senderForms() throws {
        let name = try decode(HipChatMessageSender.self, #"{"id":7,"name":"Ann"}"#)
        #expect(name == .user(HipChatUser(id: 7, name: "Ann")))
        #expect(try WebhookJSON.encode(name) == Array(#"{"id":7,"name":"Ann"}"#.utf8))
        let label = HipChatMessageSender.name("JIRA")
        let message = HipChatMessage(
            date: try #require(WebhookTimestamp("2015-01-17T20:29:06.018495+00:00")),
            from: label,
            id: "m1",
            text: "hi"
        )
        let json = try WebhookJSON.value(from: try WebhookJSON.encode(message))
        #expect(json["from"] == .string("JIRA"))
        #expect(json["date"] == .string("2015-01-17T20:29:06.018495+00:00"))
        #expect(json["message"] == .string("hi"))
        #expect(
            try decode(HipChatMessage.self, String(decoding: try WebhookJSON.encode(message), as: UTF8.self)) == message
        )
    }

    @Test("a from that is neither a string nor a user fails with its path")
    func badSender() {
        let body =
            #"{"event":"room_notification","webhook_id":1,"item":{"room":{"id":1},"message":{"#
            + #""date":"2015-01-17T20:29:06.018495+00:00","id":"m","message":"x","from":42}}}"#
        let error = #expect(throws: WebhookError.self) { try HipChatEvent.decode(from: Array(body.utf8)) }
        #expect(error?.code == .invalidPayload)
        #expect(error?.reason.contains("$.item.message.from") == true, "reason: \(error?.reason ?? "")")
    }

    @Test("unknown enum values decode and keep their text")
    func openEnums() throws {
        let room = try decode(HipChatRoom.self, #"{"id":1,"privacy":"secret"}"#)
        #expect(room.privacy == HipChatRoomPrivacy(rawValue: "secret"))
        let message = try decode(
            HipChatMessage.self,
            #"{"date":"2016-01-01T00:00:00.000001+01:00","id":"m","message":"x","type":"poll","color":"random","message_format":"markdown"}"#
        )
        #expect(message.type?.rawValue == "poll")
        #expect(message.color?.rawValue == "random")
        #expect(message.messageFormat?.rawValue == "markdown")
        #expect(message.date.utcOffsetSeconds == 3600)
        #expect(abs(message.date.secondsSince1970 - 1_451_602_800.000001) < 1e-6)
    }

    @Test("topic change with an OAuth client as sender")
    func oauthClientSender() throws {
        let event = try HipChatEvent.decode(
            from: try fixtures.bytes("events", "room_topic_change--oauth-client-sender.json")
        )
        guard case .roomTopicChange(let payload) = event else {
            Issue.record("expected .roomTopicChange, got \(event)")
            return
        }
        #expect(payload.item.topic == "Standup at 09:30 in the big room")
        let sender = try #require(payload.item.sender)
        #expect(sender.id == "5c4e8a3f-1b2d-4e6f-8a9b-0c1d2e3f4a5b")
        #expect(sender.id?.isNumeric == false)
        #expect(sender.name == "Standup Bot")
        #expect(sender.allowedScopes == ["send_notification", "view_room"])
        #expect(sender.room?["name"] == .string("MarkTesting"))
        #expect(event.sender == sender)
    }

    @Test("topic change with a user as sender")
    func userSender() throws {
        let event = try HipChatEvent.decode(from: try fixtures.bytes("events", "room_topic_change.json"))
        guard case .roomTopicChange(let payload) = event else {
            Issue.record("expected .roomTopicChange, got \(event)")
            return
        }
        #expect(payload.item.topic == "Release 2.4 freeze starts Friday")
        #expect(payload.item.sender?.mentionName == "MarkHopkins")
        #expect(payload.item.room?.version == "X2KQ7B1D")
        #expect(event.sender?.id == 4_979_430)
    }

    @Test("room enter and exit carry the user and the room")
    func roomVisits() throws {
        for (file, expectedName) in [("room_enter.json", "room_enter"), ("room_exit.json", "room_exit")] {
            let event = try HipChatEvent.decode(from: try fixtures.bytes("events", file))
            #expect(event.eventName == expectedName)
            switch event {
            case .roomEnter(let payload), .roomExit(let payload):
                #expect(payload.item.sender?.id == 4_979_430)
                #expect(payload.item.room?.id == 3_856_578)
                #expect(event.sender == HipChatSender(user: try #require(payload.item.sender)))
            default:
                Issue.record("\(file) decoded as \(event)")
            }
        }
    }

    @Test("room lifecycle items keep their JSON and offer a typed room")
    func lifecycle() throws {
        let event = try HipChatEvent.decode(from: try fixtures.bytes("events", "room_archived.json"))
        guard case .roomArchived(let payload) = event else {
            Issue.record("expected .roomArchived, got \(event)")
            return
        }
        #expect(payload.item.room?.isArchived == true)
        #expect(payload.item.room?.version == "Q8ZL2M0C")
        #expect(payload.item.json["room"]?["name"] == .string("MarkTesting"))
        #expect(event.sender?.id == 4_979_430)

        let odd = try decode(
            HipChatRoomLifecycleEvent.self,
            #"{"event":"room_deleted","item":{"room":"gone"},"webhook_id":5}"#
        )
        #expect(odd.item.room == nil)
        #expect(odd.item.json["room"] == .string("gone"))
        #expect(HipChatRoomLifecycleItem(room: HipChatRoom(id: 9, name: "n")).room == HipChatRoom(id: 9, name: "n"))
    }

    @Test("file upload items keep their JSON and offer typed file, sender and room")
    func fileUpload() throws {
        let event = try HipChatEvent.decode(from: try fixtures.bytes("events", "room_file_upload.json"))
        guard case .roomFileUpload(let payload) = event else {
            Issue.record("expected .roomFileUpload, got \(event)")
            return
        }
        #expect(payload.item.file?.name == "architecture.png")
        #expect(payload.item.file?.size == 183_442)
        #expect(payload.item.file?.thumbnailURL?.hasSuffix("architecture-thumb.png") == true)
        #expect(payload.item.room?.name == "MarkTesting")
        #expect(payload.item.sender?.id == 4_979_430)
        #expect(event.sender?.id == 4_979_430)
        #expect(payload.item.json["file"]?["size"] == .integer(183_442))

        let built = HipChatFileUploadItem(file: HipChatFile(name: "a.txt", size: 3), room: HipChatRoom(id: 2))
        #expect(built.file == HipChatFile(name: "a.txt", size: 3))
        #expect(built.json["room"]?["id"] == .integer(2))
        #expect(built.sender == nil)
    }

    @Test("a message with a file, links and format")
    func messageWithFile() throws {
        let event = try HipChatEvent.decode(from: try fixtures.bytes("events", "room_message--with-file.json"))
        guard case .roomMessage(let payload) = event else {
            Issue.record("expected .roomMessage, got \(event)")
            return
        }
        let message = payload.item.message
        #expect(message.file?.size == 48_213)
        #expect(message.file?.url?.hasSuffix("/build-log.txt") == true)
        #expect(message.messageFormat == .text)
        #expect(message.messageLinks?[0]?["link"]?["title"] == .string("nightly #812"))
    }
}
