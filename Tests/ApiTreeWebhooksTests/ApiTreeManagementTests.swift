import ApiTreeWebhooks
import Foundation
import Testing
import WebhookCore
import WebhookFixtureSupport
import WebhookRegistry
import WebhookValues

@Suite("ApiTree management models")
struct ApiTreeManagementTests {
    func decode<T: Decodable>(_ type: T.Type, _ file: String) throws -> T {
        try WebhookJSON.decode(type, from: try fixtures.bytes("management", file), vendor: .apiTree)
    }

    func keys(_ value: some Encodable) throws -> [String] {
        try WebhookJSON.value(from: try WebhookJSON.encode(value)).objectValue?.keys.sorted() ?? []
    }

    @Test("every management fixture is decoded by a test below")
    func covered() {
        #expect(
            fixtures.names(in: "management") == [
                "error-response.json", "webhook--disabled.json", "webhook-create-request.json",
                "webhook-delivery.json", "webhook-update-request.json", "webhook.json",
            ]
        )
    }

    @Test("the Event-API reference's ErrorResponse example")
    func errorResponse() throws {
        let body = try fixtures.bytes("management", "error-response.json")
        #expect(String(decoding: body, as: UTF8.self) == "{\n  \"code\": 401,\n  \"message\": \"Access denied\"\n}\n")
        let error = try decode(ApiTreeErrorResponse.self, "error-response.json")
        #expect(error == ApiTreeErrorResponse(code: 401, message: "Access denied"))
        #expect(error.description == "401: Access denied")
        #expect(try WebhookJSON.encode(error) == Array(#"{"code":401,"message":"Access denied"}"#.utf8))
        let wrong = #expect(throws: WebhookError.self) {
            try WebhookJSON.decode(ApiTreeErrorResponse.self, from: Array(#"{"code":"x","message":"m"}"#.utf8))
        }
        #expect(wrong?.reason.contains("$.code") == true)
    }

    @Test("a webhook with its secret and last delivery")
    func webhook() throws {
        let webhook = try decode(ApiTreeWebhook.self, "webhook.json")
        #expect(webhook.url == "https://www.apitree.com/testApp")
        #expect(webhook.events == [.apiCreated, .planSubscribed, .userCreated])
        #expect(webhook.secret == "3f9c2b7e8a1d4c6f9b0e2a5d7c8f1e3b")
        #expect(webhook.active == true)
        let delivery = try #require(webhook.lastDelivery)
        #expect(delivery.success == true)
        #expect(delivery.statusCode == 200)
        #expect(delivery.responseText == "OK")
        #expect(delivery.timestamp?.secondsSince1970 == 1_573_570_428)
        #expect(!webhook.description.contains("3f9c2b7e8a1d4c6f9b0e2a5d7c8f1e3b"))
        #expect(!String(reflecting: webhook).contains("3f9c2b7e8a1d4c6f9b0e2a5d7c8f1e3b"))
        #expect(webhook.description.contains("secret: <redacted>"))
        let again = try WebhookJSON.decode(ApiTreeWebhook.self, from: try WebhookJSON.encode(webhook))
        #expect(again == webhook)
        #expect(try keys(webhook) == ["active", "events", "lastDelivery", "secret", "url"])
    }

    @Test("a webhook that ApiTree disabled after a failing delivery")
    func disabledWebhook() throws {
        let webhook = try decode(ApiTreeWebhook.self, "webhook--disabled.json")
        #expect(webhook.active == false)
        #expect(webhook.secret == nil)
        #expect(webhook.events?.contains(.releaseEndOfLife) == true)
        #expect(webhook.lastDelivery?.success == false)
        #expect(webhook.lastDelivery?.statusCode == 410)
        #expect(webhook.lastDelivery?.timestamp?.rawValue == "2020-01-05T03:12:09.120+00:00")
        #expect(try WebhookJSON.decode(ApiTreeWebhook.self, from: try WebhookJSON.encode(webhook)) == webhook)
    }

    @Test("a delivery record, and one whose response is not a string")
    func delivery() throws {
        let delivery = try decode(ApiTreeWebhookDelivery.self, "webhook-delivery.json")
        #expect(
            delivery
                == ApiTreeWebhookDelivery(
                    success: false,
                    statusCode: 500,
                    response: .string("Internal Server Error"),
                    timestamp: WebhookTimestamp("2020-01-04T22:40:51+00:00")
                )
        )
        let objectResponse = try WebhookJSON.decode(
            ApiTreeWebhookDelivery.self,
            from: Array(#"{"response":{"error":"busy"},"statusCode":503}"#.utf8)
        )
        #expect(objectResponse.responseText == nil)
        #expect(objectResponse.response?["error"] == .string("busy"))
        #expect(try WebhookJSON.decode(ApiTreeWebhookDelivery.self, from: try WebhookJSON.encode(delivery)) == delivery)
    }

    @Test("create requests encode without read-only fields")
    func createRequest() throws {
        let fromFile = try decode(ApiTreeWebhookCreateRequest.self, "webhook-create-request.json")
        let built = ApiTreeWebhookCreateRequest(
            url: "https://hooks.example.org/apitree",
            events: [.apiCreated, .apiDeleted],
            active: true
        )
        #expect(fromFile == built)
        #expect(try keys(built) == ["active", "events", "url"])
        let minimal = ApiTreeWebhookCreateRequest(url: "https://a.example/h", events: [.releaseEndOfLife])
        #expect(try keys(minimal) == ["events", "url"])
        #expect(
            try WebhookJSON.encode(minimal)
                == Array(#"{"events":["release.endOfLife"],"url":"https://a.example/h"}"#.utf8)
        )
        // A webhook response decodes as a create request: the read-only fields are dropped.
        let fromWebhook = try decode(ApiTreeWebhookCreateRequest.self, "webhook.json")
        #expect(try keys(fromWebhook) == ["active", "events", "url"])
    }

    @Test("update requests encode only the fields that are set")
    func updateRequest() throws {
        let fromFile = try decode(ApiTreeWebhookUpdateRequest.self, "webhook-update-request.json")
        #expect(fromFile == ApiTreeWebhookUpdateRequest(active: true))
        #expect(try WebhookJSON.encode(fromFile) == Array(#"{"active":true}"#.utf8))
        let change = ApiTreeWebhookUpdateRequest(events: [.apiCreated])
        #expect(try keys(change) == ["events"])
        #expect(try WebhookJSON.encode(ApiTreeWebhookUpdateRequest()) == Array("{}".utf8))
        #expect(
            try WebhookJSON.decode(ApiTreeWebhookUpdateRequest.self, from: try WebhookJSON.encode(change)) == change
        )
    }

    @Test("list filters produce query items in a stable order")
    func listFilter() {
        #expect(ApiTreeWebhookListFilter().queryItems.isEmpty)
        let filter = ApiTreeWebhookListFilter(active: false, event: .releaseEndOfLife, page: 2, limit: 50)
        #expect(
            filter.queryItems == [
                URLQueryItem(name: "active", value: "false"),
                URLQueryItem(name: "event", value: "release.endOfLife"),
                URLQueryItem(name: "page", value: "2"),
                URLQueryItem(name: "limit", value: "50"),
            ]
        )
        #expect(ApiTreeWebhookListFilter(limit: 10).queryItems == [URLQueryItem(name: "limit", value: "10")])
    }
}
