#if Vapor
import WebhookCore
import Testing
import Vapor
import VaporTesting
import WebhookFixtureSupport
import WebhookKit
import WebhookKitVapor
import WebhookRegistry
import WebhookTesting

@Suite("Vapor webhook routes and WebhookMiddleware")
struct WebhookVaporTests {
    static let vendors: [(vendor: WebhookVendor, event: String)] = [
        (.hipChat, "room_message"), (.confluence, "page_created"), (.rService, "request.create"),
        (.apiTree, "api.created"),
    ]

    /// What the handlers saw.
    final class Seen: Sendable {
        let events = LockedValue<[VerifiedWebhook<WebhookEvent>]>([])
        var count: Int { events.withLock { $0.count } }
    }

    static let signer = WebhookTestSigner(apiTree: .init(webhookURL: "http://localhost/webhooks/apitree"))

    /// Routes for every vendor sharing one receiver and one delivery ledger: HipChat and R-Service through the
    /// typed route helper, Confluence and ApiTree through the middleware and `request.requireWebhook(_:)`.
    static func configure(
        _ app: Application,
        seen: Seen,
        options: WebhookMiddlewareOptions = .init(),
        limits: WebhookLimits = .default
    ) throws {
        let receiver = try signer.receiver()
        for vendor in [WebhookVendor.hipChat, .rService] {
            let path = (signer.paths[vendor] ?? "").split(separator: "/").map {
                PathComponent(stringLiteral: String($0))
            }
            app.webhook(LimitedVerifier(receiver.for(vendor), limits), path, options: options) { _, webhook in
                seen.events.withLock { $0.append(webhook) }
                return "\(webhook.vendor.rawValue) \(webhook.eventName ?? "-")"
            }
        }
        for vendor in [WebhookVendor.confluence, .apiTree] {
            let path = (signer.paths[vendor] ?? "").split(separator: "/").map {
                PathComponent(stringLiteral: String($0))
            }
            app.grouped(WebhookMiddleware(LimitedVerifier(receiver.for(vendor), limits), options: options))
                .post(path) { request in
                    let webhook = try request.requireWebhook(WebhookEvent.self)
                    seen.events.withLock { $0.append(webhook) }
                    return "\(webhook.vendor.rawValue) \(webhook.eventName ?? "-")"
                }
        }
    }

    static func send(_ request: WebhookRequest, to app: Application) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        for field in request.headers {
            headers.add(name: field.name, value: field.value)
        }
        let target = request.target.hasPrefix("http") ? String(request.path) : request.target
        return try await app.testing().sendRequest(
            HTTPMethod(rawValue: request.method),
            target,
            headers: headers,
            body: ByteBuffer(bytes: request.body)
        )
    }

    @Test(arguments: vendors.map(\.vendor.rawValue))
    func aSignedRequestReachesTheHandlerWithItsTypedEvent(vendorName: String) async throws {
        let (vendor, event) = try #require(Self.vendors.first { $0.vendor.rawValue == vendorName })
        let seen = Seen()
        try await withApp(configure: { try Self.configure($0, seen: seen) }) { app in
            let request = try Self.signer.signSample(vendor, event: event)
            let response = try await Self.send(request, to: app)
            #expect(response.status == .ok)
            #expect(response.body.string == "\(vendor.rawValue) \(event)")
        }
        let webhook = try #require(seen.events.withLock { $0.first })
        #expect(webhook.vendor == vendor)
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
        try await withApp(configure: { try Self.configure($0, seen: seen) }) { app in
            let request = try Self.signer.signSample(vendor, event: event)
            // An R-Service body carries its token: without headers it is still signed.
            let unsigned = vendor == .rService ? request.tampered() : request.withoutSignature()
            for forged in [request.tampered(), unsigned] {
                let response = try await Self.send(forged, to: app)
                #expect(response.status == .unauthorized)
                #expect(response.body.string == "unauthorized")
            }
        }
        #expect(seen.count == 0)
    }

    @Test(arguments: [WebhookVendor.rService, .apiTree])
    func anOversizedRequestGets413(vendor: WebhookVendor) async throws {
        let seen = Seen()
        try await withApp(configure: {
            try Self.configure($0, seen: seen, limits: WebhookLimits(maximumBodySize: 1024))
        }) {
            app in
            let big =
                Array(#"{"event":"api.created","padding":""#.utf8) + [UInt8](repeating: 0x61, count: 4096)
                + Array(#""}"#.utf8)
            let request = try Self.signer.sign(big, for: vendor)
            let response1 = try await Self.send(request, to: app)
            #expect(response1.status == .payloadTooLarge)
            // Exactly at the limit is fine (Vapor's own collector would refuse it): a sample padded with spaces.
            let sample = try #require(WebhookSamples.body(vendor: .apiTree, event: "api.deleted"))
            let exact = sample + [UInt8](repeating: 0x20, count: 1024 - sample.count)
            #expect(exact.count == 1024)
            if vendor == .apiTree {
                let response = try await Self.send(try Self.signer.sign(exact, for: .apiTree), to: app)
                #expect(response.status == .ok)
            }
        }
        #expect(seen.count == (vendor == .apiTree ? 1 : 0))
    }

    @Test func anOversizedStreamedRequestGets413OverTheNetwork() async throws {
        let seen = Seen()
        try await withApp(configure: {
            try Self.configure($0, seen: seen, limits: WebhookLimits(maximumBodySize: 1024))
        }) {
            app in
            let big =
                Array(#"{"event":"request.create","padding":""#.utf8) + [UInt8](repeating: 0x61, count: 256 * 1024)
                + Array(#""}"#.utf8)
            let request = try Self.signer.sign(big, for: .rService)
            var headers = HTTPHeaders()
            for field in request.headers { headers.add(name: field.name, value: field.value) }
            let response = try await app.testing(method: .running(port: 0)).sendRequest(
                .POST,
                request.target,
                headers: headers,
                body: ByteBuffer(bytes: request.body)
            )
            #expect(response.status == .payloadTooLarge)
        }
        #expect(seen.count == 0)
    }

    @Test func anUndecodableAuthenticBodyGets400Or202() async throws {
        let request = try Self.signer.sign(Array("[1, 2, 3]".utf8), for: .apiTree)
        for (policy, status) in [
            (WebhookDecodingFailurePolicy.reject, HTTPStatus.badRequest), (.acceptAndLog, .accepted),
        ] {
            let seen = Seen()
            try await withApp(configure: { try Self.configure($0, seen: seen, options: .init(decodingFailure: policy)) }
            ) {
                app in
                let response3 = try await Self.send(request, to: app)
                #expect(response3.status == status)
            }
            #expect(seen.count == 0)
        }
    }

    /// 50 copies of one R-Service delivery (same `jti`, route helper) and 50 of one Confluence delivery (same
    /// identifier, middleware), all at once: exactly one of each reaches the handler; the others are answered by
    /// the ledger (409 while the first is in progress, 200 once it completed).
    @Test(arguments: [WebhookVendor.rService, .confluence])
    func concurrentCopiesRunTheHandlerOnce(vendor: WebhookVendor) async throws {
        let seen = Seen()
        let event = vendor == .rService ? "request.update" : "page_updated"
        let request = try Self.signer.signSample(
            vendor,
            event: event,
            options: .init(jwtID: "the-same-jti", deliveryID: "the-same-identifier")
        )
        let statuses = try await withApp(configure: { try Self.configure($0, seen: seen) }) { app in
            try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<50 {
                    group.addTask { try await Self.send(request, to: app).status }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
        }
        #expect(statuses.count == 50)
        #expect(statuses.allSatisfy { $0 == .ok || $0 == .conflict })
        #expect(seen.count == 1)
    }

    @Test func aDuplicateOfAProcessedDeliveryIsAcknowledgedOrRejected() async throws {
        for (policy, status): (WebhookDuplicatePolicy, HTTPStatus) in [(.acknowledge, .ok), (.reject, .conflict)] {
            let seen = Seen()
            try await withApp(configure: { try Self.configure($0, seen: seen, options: .init(duplicate: policy)) }) {
                app in
                let request = try Self.signer.signSample(
                    .confluence,
                    event: "page_updated",
                    options: .init(deliveryID: "id-9")
                )
                let answer1 = try await Self.send(request, to: app)
                #expect(answer1.status == .ok)
                let answer2 = try await Self.send(request, to: app)
                #expect(answer2.status == status)
            }
            #expect(seen.count == 1)
        }
    }

    /// A single-vendor route: the handler gets `VerifiedWebhook<ConfluenceEvent>`; a failing handler releases
    /// the claim so that the retry is processed.
    @Test func aSingleVendorRouteGetsTheTypedEventAndAFailedHandlerLetsTheRetryThrough() async throws {
        let attempts = LockedValue(0)
        let request = try Self.signer.signSample(
            .confluence,
            event: "page_created",
            options: .init(target: "/hooks/confluence?event=page_created", deliveryID: "retry-me")
        )
        try await withApp(configure: { app in
            app.webhook(try Self.signer.confluenceVerifier(), "hooks", "confluence") { _, webhook -> HTTPStatus in
                guard case .pageCreated = webhook.event else { return .badRequest }
                let attempt = attempts.withLock {
                    $0 += 1; return $0
                }
                if attempt == 1 { throw Abort(.internalServerError) }
                return .noContent
            }
        }) { app in
            let answer3 = try await Self.send(request, to: app)
            #expect(answer3.status == .internalServerError)
            let answer4 = try await Self.send(request, to: app)
            #expect(answer4.status == .noContent)
            let answer5 = try await Self.send(request, to: app)
            #expect(answer5.status == .ok)
        }
        #expect(attempts.withLock { $0 } == 2)
    }
}
#endif
