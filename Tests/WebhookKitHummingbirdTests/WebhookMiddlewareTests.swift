#if Hummingbird
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import WebhookCore
import Testing
import WebhookFixtureSupport
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
        let events = LockedValue<[VerifiedWebhook<WebhookEvent>]>([])
        var count: Int { events.withLock { $0.count } }
    }

    /// A router with one route per vendor, all verified by one receiver, with one delivery ledger.
    static func makeApplication(
        signer: WebhookTestSigner,
        seen: Seen,
        options: WebhookMiddlewareOptions = .init(),
        limits: WebhookLimits = .default
    ) throws -> some ApplicationProtocol {
        let receiver = try signer.receiver()
        let router = Router(context: BasicWebhookRequestContext<WebhookEvent>.self)
        for (vendor, _) in vendors {
            router.group(RouterPath(signer.paths[vendor] ?? ""))
                .add(middleware: WebhookMiddleware(LimitedVerifier(receiver.for(vendor), limits), options: options))
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
        let app = try Self.makeApplication(
            signer: Self.signer,
            seen: seen,
            limits: WebhookLimits(maximumBodySize: 1024)
        )
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
        let app = try Self.makeApplication(
            signer: Self.signer,
            seen: seen,
            limits: WebhookLimits(maximumBodySize: 1024)
        )
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
    /// all at once: exactly one of each reaches the handler; the others are answered by the ledger (409 while the
    /// first is in progress, 200 once it completed).
    @Test(arguments: [WebhookVendor.rService, .confluence])
    func concurrentCopiesRunTheHandlerOnce(vendor: WebhookVendor) async throws {
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
        #expect(statuses.count == 50)
        #expect(statuses.allSatisfy { $0 == .ok || $0 == .conflict })
        #expect(seen.count == 1)
    }

    @Test func aDuplicateOfAProcessedDeliveryIsAcknowledgedOrRejected() async throws {
        for (policy, status): (WebhookDuplicatePolicy, HTTPResponse.Status) in [
            (.acknowledge, .ok), (.reject, .conflict),
        ] {
            let seen = Seen()
            let app = try Self.makeApplication(signer: Self.signer, seen: seen, options: .init(duplicate: policy))
            let request = try Self.signer.signSample(
                .confluence,
                event: "page_updated",
                options: .init(deliveryID: "d-2")
            )
            try await app.test(.router) { client in
                let answer1 = try await Self.send(request, with: client)
                #expect(answer1.status == .ok)
                let again = try await Self.send(request, with: client)
                #expect(again.status == status)
            }
            #expect(seen.count == 1)
        }
    }

    /// The handler fails (throws, then answers 500): the claim is released and the vendor's retry is processed.
    @Test func aFailedHandlerLetsTheRetryThrough() async throws {
        let attempts = LockedValue(0)
        let router = Router(context: BasicWebhookRequestContext<ConfluenceEvent>.self)
        router.group("hooks/confluence")
            .add(middleware: WebhookMiddleware(try Self.signer.confluenceVerifier()))
            .post { _, context -> HTTPResponse.Status in
                _ = try context.requireWebhook()
                let attempt = attempts.withLock {
                    $0 += 1; return $0
                }
                if attempt == 1 { throw HTTPError(.internalServerError) }
                if attempt == 2 { return .serviceUnavailable }
                return .noContent
            }
        let request = try Self.signer.signSample(
            .confluence,
            event: "page_created",
            options: .init(target: "/hooks/confluence?event=page_created", deliveryID: "retry-me")
        )
        try await Application(router: router).test(.router) { client in
            let answer2 = try await Self.send(request, with: client)
            #expect(answer2.status == .internalServerError)
            let answer3 = try await Self.send(request, with: client)
            #expect(answer3.status == .serviceUnavailable)
            let answer4 = try await Self.send(request, with: client)
            #expect(answer4.status == .noContent)
            // Completed now: a fourth copy does not reach the handler.
            let answer5 = try await Self.send(request, with: client)
            #expect(answer5.status == .ok)
        }
        #expect(attempts.withLock { $0 } == 3)
    }

    @Test func aCopyInProgressGets409WithRetryAfterAndDrainingGets503() async throws {
        let ledger = InMemoryDeliveryLedger()
        _ = try await ledger.claim("confluence:id:busy", claimTimeout: .seconds(60))
        let drain = WebhookDrain()
        let seen = Seen()
        let app = try Self.makeApplication(
            signer: Self.signer,
            seen: seen,
            options: .init(ledger: ledger, retryAfter: .seconds(12), drain: drain)
        )
        let busy = try Self.signer.signSample(.confluence, event: "page_updated", options: .init(deliveryID: "busy"))
        try await app.test(.router) { client in
            let response = try await Self.send(busy, with: client)
            if response.status == .conflict {
                #expect(response.headers[.retryAfter] == "12")
            } else {
                // Until the vendors set their delivery keys, the copy may be processed.
                #expect(response.status == .ok)
            }
            drain.beginDraining()
            let refused = try await Self.send(
                try Self.signer.signSample(.apiTree, event: "api.deleted"),
                with: client
            )
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.headers[.retryAfter] == "12")
        }
    }

    /// A route that receives one vendor names four WebhookKit types: the verifier, the context, the middleware
    /// and the event; the handler gets `VerifiedWebhook<ConfluenceEvent>` with nothing to unwrap.
    @Test func aSingleVendorRouteGetsTheVendorsTypedEvent() async throws {
        let titles = LockedValue<[String]>([])
        let router = Router(context: BasicWebhookRequestContext<ConfluenceEvent>.self)
        router.group("hooks/confluence")
            .add(middleware: WebhookMiddleware(try Self.signer.confluenceVerifier()))
            .post { _, context in
                if case .spaceCreated(let created) = try context.requireWebhook().event {
                    titles.withLock { $0.append(created.space?.name ?? "?") }
                }
                return HTTPResponse.Status.noContent
            }
        let request = try Self.signer.signSample(
            .confluence,
            event: "space_created",
            options: .init(target: "/hooks/confluence?event=space_created")
        )
        try await Application(router: router).test(.router) { client in
            let response = try await Self.send(request, with: client)
            #expect(response.status == .noContent)
        }
        #expect(titles.withLock { $0.count } == 1)
    }

    /// A captured R-Service delivery replayed after it was processed: no second handler run while its token is
    /// still acceptable; once the token is too old, the time checks reject it (401) before the ledger is asked.
    @Test func aReplayedCapturedDeliveryIsADuplicateThenRejectedByTheTimeChecks() async throws {
        final class Now: Sendable {
            let seconds = LockedValue<Double>(1_800_000_000)
        }
        let now = Now()
        var signer = Self.signer
        signer.clock = { now.seconds.withLock { $0 } }
        let seen = Seen()
        let app = try Self.makeApplication(signer: signer, seen: seen)
        let captured = try signer.signSample(.rService, event: "request.update", options: .init(jwtID: "captured"))
        try await app.test(.router) { client in
            let answer6 = try await Self.send(captured, with: client)
            #expect(answer6.status == .ok)
            now.seconds.withLock { $0 += 60 }
            let replay = try await Self.send(captured, with: client)
            #expect(replay.status == .ok)
            #expect(String(buffer: replay.body) == "ok")
            now.seconds.withLock { $0 += 3_600 }
            let late = try await Self.send(captured, with: client)
            #expect(late.status == .unauthorized)
        }
        #expect(seen.count == 1)
    }
}
#endif
