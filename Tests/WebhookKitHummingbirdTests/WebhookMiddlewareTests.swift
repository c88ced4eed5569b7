#if Hummingbird
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Synchronization
import Testing
import WebhookCore
import WebhookKit
import WebhookKitHummingbird
import WebhookRegistry
import WebhookTesting

@Suite("Hummingbird WebhookMiddleware")
struct WebhookMiddlewareTests {
    static let vendors: [(vendor: WebhookVendor, event: String)] = [
        (.hipChat, "room_message"), (.confluence, "page_created"), (.rService, "request.create"),
        (.apiTree, "api.created"),
    ]

    /// What the handlers saw.
    final class Seen: Sendable {
        let events = Mutex<[VerifiedWebhook<WebhookEvent>]>([])
        var count: Int { events.withLock { $0.count } }
    }

    /// A router with one route per vendor, all verified by one receiver with one replay store.
    static func makeApplication(
        signer: WebhookTestSigner,
        seen: Seen,
        options: WebhookMiddlewareOptions = .init()
    ) throws -> some ApplicationProtocol {
        let receiver = try signer.receiver()
        let router = Router(context: BasicWebhookRequestContext.self)
        for (vendor, _) in vendors {
            router.group(RouterPath(signer.paths[vendor] ?? ""))
                .add(middleware: WebhookMiddleware(.receiver(receiver, vendor: vendor), options: options))
                .post { _, context in
                    let webhook = try context.requireWebhook()
                    seen.events.withLock { $0.append(webhook) }
                    return "\(webhook.vendor.rawValue) \(webhook.eventName ?? "-")"
                }
        }
        return Application(router: router)
    }

    static func send(_ request: WebhookRequest, with client: some TestClientProtocol) async throws -> TestResponse {
        var headers = HTTPFields()
        for field in request.headers {
            if let name = HTTPField.Name(field.name) { headers.append(HTTPField(name: name, value: field.value)) }
        }
        // ApiTree's target is the whole registered URL: send its path and query.
        let target = request.target.hasPrefix("http") ? String(request.path) : request.target
        return try await client.execute(
            uri: target,
            method: HTTPRequest.Method(request.method) ?? .post,
            headers: headers,
            body: ByteBuffer(bytes: request.body)
        )
    }

    static let signer = WebhookTestSigner(apiTree: .init(webhookURL: "http://localhost/webhooks/apitree"))

    @Test(arguments: vendors.map(\.vendor.rawValue))
    func aSignedRequestReachesTheHandlerWithItsTypedEvent(vendorName: String) async throws {
        let (vendor, event) = try #require(Self.vendors.first { $0.vendor.rawValue == vendorName })
        let seen = Seen()
        let app = try Self.makeApplication(signer: Self.signer, seen: seen)
        let request = try Self.signer.signSample(vendor, event: event)
        try await app.test(.router) { client in
            let response = try await Self.send(request, with: client)
            #expect(response.status == .ok)
            #expect(String(buffer: response.body) == "\(vendor.rawValue) \(event)")
        }
        let webhook = try #require(seen.events.withLock { $0.first })
        #expect(webhook.vendor == vendor)
        #expect(webhook.eventName == event)
        switch (vendor, webhook.event) {
        case (.hipChat, .hipChat(.roomMessage)), (.confluence, .confluence(.pageCreated)),
            (.rService, .rService(.requestCreate)), (.apiTree, .apiTree(.apiCreated)):
            break
        default:
            Issue.record("unexpected event \(webhook.event)")
        }
    }

    @Test(arguments: vendors.map(\.vendor.rawValue))
    func aTamperedRequestGets401WithNoDetail(vendorName: String) async throws {
        let (vendor, event) = try #require(Self.vendors.first { $0.vendor.rawValue == vendorName })
        let seen = Seen()
        let app = try Self.makeApplication(signer: Self.signer, seen: seen)
        let request = try Self.signer.signSample(vendor, event: event)
        try await app.test(.router) { client in
            // An R-Service body carries its token: without headers it is still signed.
            let unsigned = vendor == .rService ? request.tampered() : request.withoutSignature()
            for forged in [request.tampered(), unsigned] {
                let response = try await Self.send(forged, with: client)
                #expect(response.status == .unauthorized)
                #expect(String(buffer: response.body) == "unauthorized")
            }
        }
        #expect(seen.count == 0)
    }

    @Test func anOversizedRequestGets413() async throws {
        let seen = Seen()
        let app = try Self.makeApplication(signer: Self.signer, seen: seen, options: .init(maximumBodySize: 1024))
        let big =
            Array(#"{"event":"api.created","padding":""#.utf8) + [UInt8](repeating: 0x61, count: 4096)
            + Array(#""}"#.utf8)
        let request = try Self.signer.sign(big, for: .apiTree)
        try await app.test(.router) { client in
            let response = try await Self.send(request, with: client)
            #expect(response.status == .contentTooLarge)
            // A request within the limit still passes.
            let small = try Self.signer.signSample(.apiTree, event: "api.deleted")
            #expect(small.body.count <= 1024)
            let response1 = try await Self.send(small, with: client)
            #expect(response1.status == .ok)
        }
        #expect(seen.count == 1)
    }

    @Test func anOversizedStreamedRequestGets413OverTheNetwork() async throws {
        let seen = Seen()
        let app = try Self.makeApplication(signer: Self.signer, seen: seen, options: .init(maximumBodySize: 1024))
        let request = try Self.signer.sign([UInt8](repeating: 0x20, count: 64 * 1024), for: .apiTree)
        try await app.test(.live) { client in
            let response = try await Self.send(request, with: client)
            #expect(response.status == .contentTooLarge)
        }
        #expect(seen.count == 0)
    }

    @Test func anUndecodableAuthenticBodyGets400Or202() async throws {
        let request = try Self.signer.sign(Array("[1, 2, 3]".utf8), for: .apiTree)
        for (policy, status) in [
            (WebhookDecodingFailurePolicy.reject, HTTPResponse.Status.badRequest), (.acceptAndLog, .accepted),
        ] {
            let seen = Seen()
            let app = try Self.makeApplication(signer: Self.signer, seen: seen, options: .init(decodingFailure: policy))
            try await app.test(.router) { client in
                let response2 = try await Self.send(request, with: client)
                #expect(response2.status == status)
            }
            #expect(seen.count == 0)
        }
    }

    /// 50 copies of one R-Service delivery (same `jti`) and 50 of one Confluence delivery (same identifier),
    /// all at once: exactly one of each reaches the handler, the others get 409.
    @Test(arguments: [WebhookVendor.rService, .confluence])
    func concurrentReplaysShareOneStore(vendor: WebhookVendor) async throws {
        let seen = Seen()
        let app = try Self.makeApplication(signer: Self.signer, seen: seen)
        let event = vendor == .rService ? "request.update" : "page_updated"
        let request = try Self.signer.signSample(
            vendor,
            event: event,
            options: .init(jwtID: "the-same-jti", deliveryID: "the-same-identifier")
        )
        let statuses = try await app.test(.router) { client in
            try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<50 {
                    group.addTask { try await Self.send(request, with: client).status }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
        }
        #expect(statuses.filter { $0 == .ok }.count == 1)
        #expect(statuses.filter { $0 == .conflict }.count == 49)
        #expect(seen.count == 1)
    }

    @Test func aReplayCanBeAcknowledgedAndIgnored() async throws {
        let seen = Seen()
        let app = try Self.makeApplication(signer: Self.signer, seen: seen, options: .init(replay: .acceptAndIgnore))
        let request = try Self.signer.signSample(.rService, event: "request.update", options: .init(jwtID: "jti-2"))
        try await app.test(.router) { client in
            let response3 = try await Self.send(request, with: client)
            #expect(response3.status == .ok)
            let again = try await Self.send(request, with: client)
            #expect(again.status == .ok)
            #expect(String(buffer: again.body) == "ok")
        }
        #expect(seen.count == 1)
    }

    @Test func webhookVerifyCallsTheCallbackAndAnswers200() async throws {
        let seen = Seen()
        let callbacks = Mutex<[String]>([])
        let options = WebhookMiddlewareOptions(onVerificationRequest: { url in callbacks.withLock { $0.append(url) } })
        let app = try Self.makeApplication(signer: Self.signer, seen: seen, options: options)
        let request = try Self.signer.signSample(.rService, event: "webhook.verify")
        try await app.test(.router) { client in
            let response = try await Self.send(request, with: client)
            #expect(response.status == .ok)
        }
        #expect(seen.count == 0)
        let urls = callbacks.withLock { $0 }
        #expect(urls.count == 1)
        #expect(urls.first?.contains("/verify?code=") == true)
    }

    @Test func aSingleVendorVerifierAndAQueryEventName() async throws {
        let seen = Seen()
        let router = Router(context: BasicWebhookRequestContext.self)
        router.group("hooks/confluence")
            .add(
                middleware: WebhookMiddleware(
                    .confluence(.hmac(secrets: [Self.signer.confluence.secret])),
                    options: .init(eventName: WebhookMiddlewareOptions.eventNameFromQuery("name"))
                )
            )
            .post { _, context in
                let webhook = try context.requireWebhook()
                seen.events.withLock { $0.append(webhook) }
                return HTTPResponse.Status.noContent
            }
        let request = try Self.signer.signSample(
            .confluence,
            event: "space_created",
            options: .init(target: "/hooks/confluence?name=space_created")
        )
        try await Application(router: router).test(.router) { client in
            let response4 = try await Self.send(request, with: client)
            #expect(response4.status == .noContent)
        }
        #expect(seen.events.withLock { $0.first?.eventName } == "space_created")
    }
}
#endif
