import Foundation
import HipChatWebhooks
import Testing
import WebhookCore
import WebhookFixtureSupport
import WebhookRegistry
import WebhookValues

@Suite("HipChat install callback and webhook registration")
struct HipChatManagementTests {
    @Test("every management fixture is decoded by a test below")
    func covered() {
        #expect(
            fixtures.names(in: "management") == [
                "installation--global.json", "installation--room.json",
                "webhook-registration--api-reference.json", "webhook-registration--developer-guide.json",
            ]
        )
    }

    @Test("install callback for a room")
    func roomInstallation() throws {
        let installation = try HipChatInstallation.decode(
            from: try fixtures.bytes("management", "installation--room.json")
        )
        #expect(installation.oauthID == "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")
        #expect(installation.oauthSecret == "Xy7pQ2rS9tU4vW1xZ8aB3cD6eF0gH5iJ2kL7mN4o")
        #expect(installation.capabilitiesURL == "https://api.hipchat.com/v2/capabilities")
        #expect(installation.roomID == 3_856_578)
        #expect(installation.groupID == 39)
        #expect(!installation.isGlobal)
        #expect(!installation.description.contains(installation.oauthSecret))
        #expect(!String(reflecting: installation).contains(installation.oauthSecret))
        #expect(installation.description.contains("<redacted>"))
        let again = try HipChatInstallation.decode(from: try WebhookJSON.encode(installation))
        #expect(again == installation)
        let keys = try WebhookJSON.value(from: try WebhookJSON.encode(installation)).objectValue?.keys.sorted()
        #expect(keys == ["capabilitiesUrl", "groupId", "oauthId", "oauthSecret", "roomId"])
    }

    @Test("global install callback has no room")
    func globalInstallation() throws {
        let installation = try HipChatInstallation.decode(
            from: try fixtures.bytes("management", "installation--global.json")
        )
        #expect(installation.isGlobal)
        #expect(installation.roomID == nil)
        #expect(installation.groupID == 1)
        #expect(installation.oauthID == "9f8e7d6c-5b4a-4392-8170-6e5d4c3b2a19")
    }

    @Test("install callback without a secret names the missing field")
    func missingSecret() {
        let body = Array(#"{"oauthId":"a","capabilitiesUrl":"https://x/v2/capabilities","groupId":1}"#.utf8)
        let error = #expect(throws: WebhookError.self) { try HipChatInstallation.decode(from: body) }
        #expect(error?.code == .invalidPayload)
        #expect(error?.reason.contains("$.oauthSecret") == true)
    }

    @Test("the API reference's descriptor webhook")
    func apiReferenceRegistration() throws {
        let registration = try WebhookJSON.decode(
            HipChatWebhookRegistration.self,
            from: try fixtures.bytes("management", "webhook-registration--api-reference.json")
        )
        #expect(registration.url == "https://addon.example.com/echo")
        #expect(registration.event == .roomMessage)
        #expect(registration.pattern == "^/[eE][cC][hH][oO]")
        #expect(registration.name == "Echo")
        #expect(registration.key == nil)
        #expect(registration.authentication == .jwt)
        #expect(registration.effectiveAuthentication == .jwt)
        let again = try WebhookJSON.decode(HipChatWebhookRegistration.self, from: try WebhookJSON.encode(registration))
        #expect(again == registration)
    }

    @Test("the developer guide's descriptor webhook, with an escaped slash in its pattern")
    func developerGuideRegistration() throws {
        let registration = try WebhookJSON.decode(
            HipChatWebhookRegistration.self,
            from: try fixtures.bytes("management", "webhook-registration--developer-guide.json")
        )
        #expect(registration.pattern == #"^\/hello$"#)
        #expect(registration.url == "youraddon.com/hello")
        #expect(registration.name == "Hello webhook")
    }

    @Test("a registration encodes only the fields it has; authentication defaults to none")
    func registrationEncoding() throws {
        let registration = HipChatWebhookRegistration(
            url: "https://a.example/enter",
            event: .roomEnter,
            key: "enter.hook"
        )
        let json = try WebhookJSON.value(from: try WebhookJSON.encode(registration))
        #expect(json.objectValue?.keys.sorted() == ["event", "key", "url"])
        #expect(json["event"] == .string("room_enter"))
        #expect(registration.effectiveAuthentication == .unauthenticated)
        #expect(registration.effectiveAuthentication.rawValue == "none")
    }

    @Test("registration keys follow the descriptor schema")
    func keys() {
        #expect(HipChatWebhookRegistration.isValidKey("echo-hook_1.v2"))
        #expect(HipChatWebhookRegistration.isValidKey(String(repeating: "k", count: 40)))
        #expect(!HipChatWebhookRegistration.isValidKey(String(repeating: "k", count: 41)))
        #expect(!HipChatWebhookRegistration.isValidKey(""))
        #expect(!HipChatWebhookRegistration.isValidKey("has space"))
        #expect(!HipChatWebhookRegistration.isValidKey("ünïcode"))
    }
}
