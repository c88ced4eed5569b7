import Foundation
import HipChatWebhooks
import Testing
import WebhookCore
import WebhookFixtureSupport
import WebhookRegistry
import WebhookValues

/// Field-level checks on the payloads captured from real deliveries (the vendor sheet's literal bodies).
@Suite("HipChat captured payloads")
struct HipChatCapturedPayloadTests {
    func messageEvent(_ file: String) throws -> HipChatMessageEvent {
        let event = try HipChatEvent.decode(from: try fixtures.bytes("events", file))
        switch event {
        case .roomMessage(let payload), .roomNotification(let payload): return payload
        default:
            Issue.record("\(file) is not a message event: \(event)")
            throw WebhookError(.invalidPayload, "unexpected case")
        }
    }

    @Test("room_message from HipChat Cloud (HiveQLBot)")
    func hiveQLBot() throws {
        let event = try messageEvent("room_message.json")
        #expect(event.event == .roomMessage)
        #expect(event.webhookID == 4_694_751)
        #expect(event.webhookID.isNumeric)
        #expect(event.oauthClientID == "b80f3c24-76ce-442a-9499-33dd895ccebf")
        let message = event.item.message
        #expect(message.date.rawValue == "2016-04-28T20:21:51.866984+00:00")
        #expect(message.date.utcOffsetSeconds == 0)
        #expect(abs(message.date.secondsSince1970 - 1_461_874_911.866984) < 1e-6)
        #expect(message.id == "2b7b3ba8-d379-4e9c-91f8-bb332decb078")
        #expect(message.text.hasPrefix("/sql select * from bperroud.chobachoba_raw_logs"))
        #expect(message.type == .message)
        #expect(message.mentions == [])
        #expect(message.messageFormat == nil)
        guard case .user(let user) = message.from else {
            Issue.record("from is not a user")
            return
        }
        #expect(user.id == 3_450_167)
        #expect(user.mentionName == "BenoitPerroud")
        #expect(user.name == "Benoit Perroud")
        #expect(user.version == "00000000")
        #expect(user.links?.selfURL == "https://api.hipchat.com/v2/user/3450167")
        let room = event.item.room
        #expect(room.id == 2_390_200)
        #expect(room.name == "HackyThursday")
        #expect(room.isArchived == false)
        #expect(room.privacy == .public)
        #expect(room.version == "UA25ZO8M")
        #expect(room.links?.participantsURL == "https://api.hipchat.com/v2/room/2390200/participant")
        #expect(room.links?.webhooksURL == "https://api.hipchat.com/v2/room/2390200/webhook")
        #expect(room.links?.membersURL == nil)
    }

    @Test("room_message in a private room with a mention (mjhopkins/hipchat)")
    func privateRoom() throws {
        let event = try messageEvent("room_message--private-room.json")
        #expect(event.webhookID == 17_775_373)
        #expect(event.item.room.privacy == .private)
        #expect(event.item.room.links?.membersURL == "https://api.hipchat.com/v2/room/3856578/member")
        let message = event.item.message
        #expect(message.text == "/hey @MarkHopkins testing")
        #expect(abs(message.date.secondsSince1970 - 1_495_288_606.750428) < 1e-6)
        let mention = try #require(message.mentions?.first)
        #expect(mention.id == 4_979_430)
        #expect(mention.mentionName == "MarkHopkins")
        #expect(message.from?.id == mention.id)
        #expect(HipChatEvent.roomMessage(event).sender?.id == 4_979_430)
    }

    @Test("room_message from a self-hosted HipChat Server")
    func hipChatServer() throws {
        let event = try messageEvent("room_message--hipchat-server.json")
        #expect(event.webhookID == 11)
        #expect(event.item.room.id == 8)
        #expect(event.item.room.name == "Lab Stuff")
        #expect(event.item.room.links?.selfURL == "https://hipchat.argotech.io/v2/room/8")
        #expect(event.item.message.from?.name == "Denis Barov")
        #expect(abs(event.item.message.date.secondsSince1970 - 1_473_198_817.420887) < 1e-6)
    }

    @Test("room_notification with a plain-string sender (Plack-App-HipChat-WebHook)")
    func notification() throws {
        let body = try fixtures.bytes("events", "room_notification.json")
        let decoded = try HipChatEvent.decode(from: body)
        guard case .roomNotification(let event) = decoded else {
            Issue.record("not a notification: \(decoded)")
            return
        }
        #expect(event.webhookID == 530)
        #expect(event.oauthClientID == "e336-47-46-b5-be0d9")
        let message = event.item.message
        #expect(message.from == .name("SomeDude"))
        #expect(message.from?.id == nil)
        #expect(message.color == .yellow)
        #expect(message.messageFormat == .html)
        #expect(message.type == .notification)
        #expect(message.id == "886f-1e10-4aa-ad-575de4")
        #expect(abs(message.date.secondsSince1970 - 1_421_526_546.018495) < 1e-6)
        #expect(event.item.room.id == 9610)
        #expect(event.item.room.name == "DevChat")
        #expect(event.item.room.privacy == nil)
        #expect(decoded.sender == HipChatSender(name: "SomeDude"))
        #expect(decoded.sender?.id == nil)
        // The plain string encodes back as a plain string.
        let reencoded = try WebhookJSON.value(from: try WebhookJSON.encode(decoded))
        #expect(reencoded["item"]?["message"]?["from"] == .string("SomeDude"))
    }
}
