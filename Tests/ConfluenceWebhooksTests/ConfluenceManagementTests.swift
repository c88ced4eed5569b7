import ConfluenceWebhooks
import Foundation
import Testing
import WebhookCore
import WebhookRegistry

@Suite("Confluence management models")
struct ConfluenceManagementTests {
    @Test("the Data Center create-webhook body decodes")
    func decodeRegistration() throws {
        let bytes = try ConfluenceFixtures.bytes("management/create-webhook-request.json")
        let registration = try WebhookJSON.decode(ConfluenceWebhookRegistration.self, from: bytes, vendor: .confluence)
        #expect(registration.name == "Webhook title")
        #expect(registration.events == [.pageCreated, .pageRemoved, .pageUpdated])
        #expect(registration.configuration?.secret == "a-secret-string")
        #expect(registration.url == "http://example.endpoint.com")
        #expect(registration.active == true)
        let encoded = try WebhookJSON.encode(registration)
        #expect(
            try WebhookJSON.value(from: encoded) == ConfluenceFixtures.json("management/create-webhook-request.json")
        )
        #expect(try WebhookJSON.decode(ConfluenceWebhookRegistration.self, from: encoded) == registration)
    }

    @Test("a registration encodes the documented keys")
    func encodeRegistration() throws {
        let registration = ConfluenceWebhookRegistration(
            name: "Docs to chat",
            events: [.commentCreated, "page_archived"],
            configuration: ConfluenceWebhookConfiguration(secret: "s3cret"),
            url: "https://hooks.example.com/confluence",
            active: false
        )
        let json = try WebhookJSON.value(from: WebhookJSON.encode(registration))
        #expect(json.objectValue.map { Set($0.keys) } == ["name", "events", "configuration", "url", "active"])
        #expect(json["events"] == .array([.string("comment_created"), .string("page_archived")]))
        #expect(json["configuration"] == .object(["secret": .string("s3cret")]))
        #expect(json["active"] == .bool(false))

        let minimal = ConfluenceWebhookRegistration(name: "n", events: [], url: "https://x.example")
        let minimalJSON = try WebhookJSON.value(from: WebhookJSON.encode(minimal))
        #expect(minimalJSON.objectValue.map { Set($0.keys) } == ["name", "events", "url"])
    }

    @Test("the configuration's description hides the secret")
    func secretRedacted() {
        let configuration = ConfluenceWebhookConfiguration(secret: "a-secret-string")
        #expect(!String(describing: configuration).contains("a-secret-string"))
        #expect(!String(reflecting: configuration).contains("a-secret-string"))
    }

    @Test("a registration without a required member fails with its path")
    func missingURL() {
        let bytes = Array(#"{"name": "x", "events": ["page_created"]}"#.utf8)
        do {
            _ = try WebhookJSON.decode(ConfluenceWebhookRegistration.self, from: bytes, vendor: .confluence)
            Issue.record("decoded without url")
        } catch {
            #expect(error.code == .invalidPayload)
            #expect(error.reason.contains("$.url"))
        }
    }

    @Test("the Connect descriptor's webhook modules decode and round-trip")
    func connectDescriptor() throws {
        let bytes = try ConfluenceFixtures.bytes("management/connect-descriptor.json")
        let descriptor = try WebhookJSON.decode(ConfluenceConnectDescriptor.self, from: bytes, vendor: .confluence)
        #expect(descriptor.authentication?.type == "none")
        #expect(descriptor.scopes == ["READ"])
        let webhooks = try #require(descriptor.modules?.webhooks)
        #expect(webhooks.map(\.event) == [.commentCreated, .pageCreated, .pageTrashed])
        #expect(webhooks.first?.url == "/cloud/comment_created?secret={{ .SharedSecret }}")
        #expect(descriptor.baseURL == nil)
        let encoded = try WebhookJSON.encode(descriptor)
        #expect(try WebhookJSON.value(from: encoded) == ConfluenceFixtures.json("management/connect-descriptor.json"))
        #expect(try WebhookJSON.decode(ConfluenceConnectDescriptor.self, from: encoded) == descriptor)
    }

    @Test("a webhook module encodes `event` and `url`")
    func connectModule() throws {
        let module = ConfluenceConnectWebhookModule(event: .pageCreated, url: "/webhooks/page-created")
        let json = try WebhookJSON.value(from: WebhookJSON.encode(module))
        #expect(json == .object(["event": .string("page_created"), "url": .string("/webhooks/page-created")]))
        #expect(try WebhookJSON.decode(ConfluenceConnectWebhookModule.self, from: WebhookJSON.encode(module)) == module)
    }
}
