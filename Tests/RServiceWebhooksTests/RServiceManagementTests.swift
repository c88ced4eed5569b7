import Foundation
import RServiceWebhooks
import Testing
import WebhookCore
import WebhookRegistry
import WebhookValues

@Suite("R-Service management API models")
struct RServiceManagementTests {
    static func decode<T: Decodable>(_ type: T.Type, _ file: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(Fixtures.bytes("management/\(file)")))
    }

    static func json(_ value: some Encodable) throws -> JSONValue {
        try WebhookJSON.value(from: WebhookJSON.encode(value))
    }

    static func roundTrip<T: Codable & Equatable>(_ value: T) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(WebhookJSON.encode(value)))
    }

    @Test("webhook list example, with disabled as the string \"true\"")
    func webhookList() throws {
        let webhooks = try Self.decode([RServiceWebhook].self, "webhooks-list.json")
        #expect(webhooks.count == 2)
        #expect(webhooks[0].id == 2)
        #expect(webhooks[0].name == "Problem Update")
        #expect(webhooks[0].event == .problemUpdate)
        #expect(webhooks[0].uri == "https://myserver.example.com/mywebhook")
        #expect(webhooks[0].disabled == nil)
        #expect(!webhooks[0].isDisabled)
        #expect(webhooks[0].createdAt?.secondsSince1970 == 1_458_254_171)
        #expect(webhooks[0].createdAt?.utcOffsetSeconds == -6 * 3600)
        #expect(webhooks[1].event == .requestTeamChanged)
        #expect(webhooks[1].uri == "http://postbin.org/axbxd3")
        #expect(webhooks[1].disabled?.value == true)
        #expect(webhooks[1].disabled?.wasString == true)
        #expect(webhooks[1].isDisabled)
        #expect(webhooks[1].lastError == "404 Not Found")
        #expect(webhooks[1].createdAt?.secondsSince1970 == 1_458_254_099)
        // The string form is kept on encoding.
        let encoded = try Self.json(webhooks[1])
        #expect(encoded["disabled"] == .string("true"))
        #expect(try Self.roundTrip(webhooks) == webhooks)
    }

    @Test("single webhook example")
    func singleWebhook() throws {
        let webhook = try Self.decode(RServiceWebhook.self, "webhook.json")
        #expect(webhook.id == 2)
        #expect(webhook.name == "problem.update")
        #expect(webhook.description == "Update requests related to the problem by adding a note.")
        #expect(webhook.mailExceptionsTo == "webhook.monitor@example.com")
        #expect(webhook.updatedAt?.rawValue == "2016-03-17T17:09:18-06:00")
        #expect(webhook.webhookPolicy == nil)
        #expect(try Self.roundTrip(webhook) == webhook)
    }

    @Test("a webhook with every field survives encode and decode")
    func fullWebhookRoundTrip() throws {
        let webhook = RServiceWebhook(
            id: 44,
            name: "Secrets",
            event: .appInstanceSecretsUpdate,
            uri: "https://app.example.com/hooks",
            description: "App secrets",
            mailExceptionsTo: "ops@example.com",
            disabled: false,
            openIDConnectDiscovery: true,
            source: "app-builder",
            sourceID: "typeform-1",
            appOfferingReferences: ["typeform"],
            webhookPolicy: RServiceReference(id: 5, name: "41c87abb"),
            lastError: "500 Internal Server Error",
            createdAt: WebhookTimestamp("2026-01-02T03:04:05+01:00"),
            updatedAt: WebhookTimestamp("2026-01-02T03:04:05Z")
        )
        let json = try Self.json(webhook)
        #expect(json["openid_connect_discovery"] == .bool(true))
        #expect(json["app_offering_references"] == .array([.string("typeform")]))
        #expect(json["webhook_policy"]?["id"] == .integer(5))
        #expect(try Self.roundTrip(webhook) == webhook)
    }

    @Test("webhook policy example")
    func policy() throws {
        let policy = try Self.decode(RServiceWebhookPolicy.self, "webhook-policy.json")
        #expect(policy.id == 312)
        #expect(policy.name == "41c87abb02950b7541ee1d4fcea20cc05cc8a6f361612d7a86cb9577")
        #expect(policy.isDisabled)
        #expect(policy.disabled?.wasString == false)
        #expect(policy.jwtAlgorithm == .rs256)
        #expect(policy.jwtAlgorithm?.jwsName == "RS256")
        #expect(policy.jwtAudience == "some audience")
        #expect(policy.jwtClaimExpiresIn == 12)
        #expect(policy.publicKeyPEM == nil)
        #expect(policy.createdAt?.secondsSince1970 == 1_441_905_316)
        #expect(try Self.roundTrip(policy) == policy)
    }

    @Test("an unknown jwt_alg decodes")
    func unknownAlgorithm() throws {
        let policy = try JSONDecoder().decode(
            RServiceWebhookPolicy.self,
            from: Data(#"{"id":1,"jwt_alg":"ps256","public_key_pem":"-----BEGIN PUBLIC KEY-----\n"}"#.utf8)
        )
        #expect(policy.jwtAlgorithm?.rawValue == "ps256")
        #expect(!RServiceJWTAlgorithm.documented.contains(policy.jwtAlgorithm!))
        #expect(policy.publicKeyPEM == "-----BEGIN PUBLIC KEY-----\n")
        #expect(RServiceJWTAlgorithm.documented.count == 10)
    }

    @Test("webhook create body: required and set fields only")
    func webhookCreateRequest() throws {
        let minimal = RServiceWebhookCreateRequest(event: .requestNoteAdded, uri: "https://example.com/hook")
        #expect(
            try Self.json(minimal)
                == .object(["event": .string("request.note-added"), "uri": .string("https://example.com/hook")])
        )
        let full = RServiceWebhookCreateRequest(
            event: .webhookVerify,
            uri: "https://example.com/hook",
            name: "Verify",
            description: "d",
            mailExceptionsTo: "a@example.com",
            disabled: true,
            openIDConnectDiscovery: false,
            source: "s",
            sourceID: "sid",
            appOfferingReferences: ["x"],
            webhookPolicyID: 312
        )
        let json = try Self.json(full)
        #expect(
            Set(json.objectValue?.keys.map { $0 } ?? []) == [
                "event", "uri", "name", "description", "mail_exceptions_to", "disabled", "openid_connect_discovery",
                "source", "sourceID", "app_offering_references", "webhook_policy_id",
            ]
        )
        #expect(json["webhook_policy_id"] == .integer(312))
        #expect(json["disabled"] == .bool(true))
        #expect(try Self.roundTrip(full) == full)
    }

    @Test("webhook update body: only the changed fields")
    func webhookUpdateRequest() throws {
        let update = RServiceWebhookUpdateRequest(disabled: false, webhookPolicyID: 7)
        #expect(try Self.json(update) == .object(["disabled": .bool(false), "webhook_policy_id": .integer(7)]))
        #expect(try Self.json(RServiceWebhookUpdateRequest()) == .object([:]))
        #expect(try Self.roundTrip(update) == update)
    }

    @Test("policy create and update bodies")
    func policyRequests() throws {
        let create = RServiceWebhookPolicyCreateRequest(jwtAlgorithm: .es256, jwtAudience: "my-app")
        #expect(try Self.json(create) == .object(["jwt_alg": .string("es256"), "jwt_audience": .string("my-app")]))
        let update = RServiceWebhookPolicyUpdateRequest(jwtClaimExpiresIn: 5, disabled: true)
        #expect(try Self.json(update) == .object(["jwt_claim_expires_in": .integer(5), "disabled": .bool(true)]))
        #expect(try Self.roundTrip(create) == create)
        #expect(try Self.roundTrip(update) == update)
    }

    @Test("validation error with [field, message] tuples")
    func validationError() throws {
        let error = try Self.decode(RServiceErrorResponse.self, "error-validation.json")
        #expect(error.message == "Validation Failed")
        #expect(
            error.errors == [
                RServiceFieldError(field: "subject", message: "Subject can't be blank"),
                RServiceFieldError(field: "category", message: "Category can't be blank"),
            ]
        )
        #expect(error.documentationURL == nil)
        let encoded = String(decoding: try WebhookJSON.encode(error), as: UTF8.self)
        #expect(
            encoded
                == #"{"errors":[["subject","Subject can't be blank"],["category","Category can't be blank"]],"message":"Validation Failed"}"#
        )
        #expect(try Self.roundTrip(error) == error)
    }

    @Test("rate-limit error with documentation_url")
    func rateLimitError() throws {
        let error = try Self.decode(RServiceErrorResponse.self, "error-rate-limit.json")
        #expect(error.message == "Too Many Requests")
        #expect(error.errors == nil)
        #expect(error.documentationURL == "https://developer.xurrent.com/v1/#rate-limiting")
        #expect(try Self.roundTrip(error) == error)
    }

    @Test("a field error that is not a pair fails")
    func badFieldError() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(RServiceErrorResponse.self, from: Data(#"{"message":"x","errors":[["a"]]}"#.utf8))
        }
    }

    @Test("management fixtures folder holds exactly the sheet's examples")
    func managementFiles() {
        #expect(
            Fixtures.files(in: "management") == [
                "error-rate-limit.json", "error-validation.json", "webhook-policy.json", "webhook.json",
                "webhooks-list.json",
            ]
        )
    }
}

@Suite("R-Service response headers")
struct RServiceHeaderTests {
    @Test("page-number pagination, names in any case")
    func pagination() {
        let pagination = RServicePagination(headers: [
            ("x-pagination-per-page", "20"),
            ("X-Pagination-Current-Page", "2"),
            ("X-PAGINATION-TOTAL-PAGES", "7"),
            ("X-Pagination-Total-Entries", " 131 "),
            (
                "Link",
                #"<https://api.xurrent.com/v1/requests?page=1&per_page=20>; rel="first", "#
                    + #"<https://api.xurrent.com/v1/requests?page=1&per_page=20>; rel="prev", "#
                    + #"<https://api.xurrent.com/v1/requests?page=3&per_page=20>; rel="next", "#
                    + #"<https://api.xurrent.com/v1/requests?page=7&per_page=20>; rel="last""#
            ),
        ])
        #expect(pagination.perPage == 20)
        #expect(pagination.currentPage == 2)
        #expect(pagination.totalPages == 7)
        #expect(pagination.totalEntries == 131)
        #expect(!pagination.isThrottled)
        #expect(pagination.first == "https://api.xurrent.com/v1/requests?page=1&per_page=20")
        #expect(pagination.previous == "https://api.xurrent.com/v1/requests?page=1&per_page=20")
        #expect(pagination.next == "https://api.xurrent.com/v1/requests?page=3&per_page=20")
        #expect(pagination.last == "https://api.xurrent.com/v1/requests?page=7&per_page=20")
    }

    @Test("cursor pagination: no last link, throttled, links over several fields")
    func cursorPagination() {
        var headers = WebhookHeaders()
        headers.add(name: "X-Pagination-Per-Page", value: "100")
        headers.add(name: "X-Pagination-Throttled", value: "true")
        headers.add(name: "link", value: #"<https://api.xurrent.com/v1/people?per_page=100>; rel="first""#)
        headers.add(
            name: "LINK",
            value: #"<https://api.xurrent.com/v1/people?per_page=100&search_after=a,b>; rel=next"#
        )
        let pagination = RServicePagination(headers: headers)
        #expect(pagination.perPage == 100)
        #expect(pagination.currentPage == nil)
        #expect(pagination.totalEntries == nil)
        #expect(pagination.isThrottled)
        #expect(pagination.first == "https://api.xurrent.com/v1/people?per_page=100")
        #expect(pagination.next == "https://api.xurrent.com/v1/people?per_page=100&search_after=a,b")
        #expect(pagination.last == nil)
        #expect(pagination.previous == nil)
    }

    @Test("no pagination headers")
    func noPagination() {
        #expect(RServicePagination(headers: [("Content-Type", "application/json")]) == RServicePagination())
    }

    @Test("delivery Link header of the documented example")
    func deliveryLinks() {
        let links = RServiceLinks(headers: [
            (
                "Link",
                #"<https://mycompany.xurrent.com/requests/219>; rel="canonical", "#
                    + #"<https://api.xurrent.com/v1/requests/219>; rel="resource", "#
                    + #"<https://api.xurrent.com/v1/requests/219/notes/3455>; rel="related""#
            )
        ])
        #expect(links.links.count == 3)
        #expect(links.canonical == "https://mycompany.xurrent.com/requests/219")
        #expect(links.resource == "https://api.xurrent.com/v1/requests/219")
        #expect(links.related == "https://api.xurrent.com/v1/requests/219/notes/3455")
        #expect(links.url(rel: "CANONICAL") == links.canonical)
    }

    @Test("malformed Link entries are skipped")
    func malformedLinks() {
        let links = RServiceLinks(headers: [
            ("Link", #"garbage, <https://a.example/2>; rel="next prev"; title="x, y", <https://a.example/3"#)
        ])
        #expect(links.links == [RServiceLinks.Link(url: "https://a.example/2", relations: ["next", "prev"])])
    }

    @Test("rate-limit headers")
    func rateLimit() {
        let limit = RServiceRateLimit(headers: [
            ("x-ratelimit-limit", "3600"),
            ("X-RateLimit-Remaining", "0"),
            ("X-Ratelimit-Reset", "1773328500"),
            ("Retry-After", "42"),
        ])
        #expect(limit.limit == 3600)
        #expect(limit.remaining == 0)
        #expect(limit.resetEpochSeconds == 1_773_328_500)
        #expect(limit.resetDate == Date(timeIntervalSince1970: 1_773_328_500))
        #expect(limit.retryAfterSeconds == 42)
        let none = RServiceRateLimit(headers: [("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT")])
        #expect(none == RServiceRateLimit())
    }
}
