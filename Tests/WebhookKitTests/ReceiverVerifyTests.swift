import Foundation
import Testing
import WebhookKit
import WebhookTesting

/// Signed requests made with each vendor's request signer, and verifiers that accept them.
enum Samples {
    static let now: Double = 1_700_000_000
    static let hipChatClient = "2f0a8c3e-hipchat-client"
    static let hipChatSecret = WebhookSecret(utf8: "hipchat-oauth-secret")
    static let confluenceSecret = WebhookSecret(utf8: "confluence-webhook-secret")
    static let confluenceClientKey = "confluence-client-key"
    static let rServiceIssuer = "https://acme.4me.com"
    static let apiTreeSecret = WebhookSecret(utf8: "apitree-webhook-secret")
    static let apiTreeURL = "https://receiver.example.com/hooks/apitree"

    static func body(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: fixturesRoot.appending(path: path)))
    }

    static var clock: @Sendable () -> Double { { now + 5 } }

    static func hipChatVerifier() -> HipChatSignatureVerifier {
        try! HipChatSignatureVerifier(secrets: [hipChatClient: [hipChatSecret]], clock: clock)
    }

    static func confluenceHMACVerifier() -> ConfluenceSignatureVerifier {
        try! ConfluenceSignatureVerifier(secrets: [confluenceSecret])
    }

    static func confluenceConnectVerifier() -> ConfluenceSignatureVerifier {
        try! ConfluenceSignatureVerifier(sharedSecrets: { _ in [confluenceSecret] }, clock: clock)
    }

    static func apiTreeVerifier() -> ApiTreeSignatureVerifier {
        try! ApiTreeSignatureVerifier(secrets: [apiTreeSecret], webhookURL: apiTreeURL)
    }
}

@Suite("WebhookReceiver.verify")
struct ReceiverVerifyTests {
    @Test("HipChat: a request from HipChatRequestSigner verifies and decodes into .hipChat")
    func hipChat() async throws {
        let body = try Samples.body("hipchat/events/room_message.json")
        let request = try HipChatRequestSigner(oauthClientID: Samples.hipChatClient, secret: Samples.hipChatSecret)
            .sign(body: body, now: Samples.now)
        let receiver = WebhookReceiver(hipChat: Samples.hipChatVerifier())
        let webhook = try await receiver.verify(request, from: .hipChat)
        #expect(webhook.vendor == .hipChat)
        #expect(webhook.body == body)
        #expect(webhook.event.eventName == "room_message")
        #expect(webhook.event.typeName == "HipChatMessageEvent")
        #expect(webhook.jwt?.claims.issuer == Samples.hipChatClient)
        guard case .hipChat(.roomMessage) = webhook.event else {
            Issue.record("decoded as \(webhook.event)")
            return
        }
    }

    @Test("Confluence HMAC mode: the caller's event name decodes the Cloud body")
    func confluenceHMAC() async throws {
        let body = try Samples.body("confluence/events/page_created.json")
        let request = try ConfluenceRequestSigner.hmac(secret: Samples.confluenceSecret)
            .sign(body: body, now: Samples.now, webhookIdentifier: "delivery-1")
        let receiver = WebhookReceiver(confluence: Samples.confluenceHMACVerifier())
        let webhook = try await receiver.verify(request, from: .confluence, eventName: "page_created")
        #expect(webhook.event.eventName == "page_created")
        #expect(webhook.event.typeName == "ConfluencePageEvent")
        #expect(webhook.deliveryID == "delivery-1")
        guard case .confluence(.pageCreated) = webhook.event else {
            Issue.record("decoded as \(webhook.event)")
            return
        }
    }

    @Test("Confluence Connect mode: a request from the Connect signer verifies")
    func confluenceConnect() async throws {
        let body = try Samples.body("confluence/events/page_updated.json")
        let request = try ConfluenceRequestSigner.connect(
            clientKey: Samples.confluenceClientKey,
            sharedSecret: Samples.confluenceSecret
        ).sign(body: body, now: Samples.now)
        let receiver = WebhookReceiver(confluence: Samples.confluenceConnectVerifier())
        let webhook = try await receiver.verify(request, from: .confluence, eventName: "page_updated")
        #expect(webhook.event.eventName == "page_updated")
        #expect(webhook.jwt?.claims.issuer == Samples.confluenceClientKey)
    }

    @Test("R-Service: an ES256-signed {\"jwt\": ...} body verifies; the message decodes into .rService")
    func rServiceEC() async throws {
        let message = try Samples.body("rservice/events/request.create.json")
        let key = try WebhookSigningKey.p256()
        let request = try RServiceRequestSigner.privateKey(key, algorithm: .es256, issuer: Samples.rServiceIssuer)
            .sign(message: message, now: Samples.now, deliveryID: "delivery-42")
        let verifier = try RServiceSignatureVerifier(
            keys: try .publicKeys([key.publicKey]),
            issuer: Samples.rServiceIssuer,
            clock: Samples.clock
        )
        let webhook = try await WebhookReceiver(rService: verifier).verify(request, from: .rService)
        #expect(webhook.event.eventName == "request.create")
        #expect(webhook.event.typeName == "RServiceRecordPayload")
        #expect(webhook.deliveryID == "delivery-42")
        guard case .rService(.requestCreate) = webhook.event else {
            Issue.record("decoded as \(webhook.event)")
            return
        }
    }

    @Test("R-Service: an HS256 request verifies with the explicitly configured shared secret")
    func rServiceHMAC() async throws {
        let message = try Samples.body("rservice/events/webhook.verify.json")
        let secret = WebhookSecret(utf8: "rservice-policy-secret")
        let request = try RServiceRequestSigner.sharedSecret(secret, issuer: Samples.rServiceIssuer)
            .sign(message: message, now: Samples.now)
        let verifier = try RServiceSignatureVerifier(
            keys: try .sharedSecrets([secret]),
            issuer: Samples.rServiceIssuer,
            clock: Samples.clock
        )
        let webhook = try await WebhookReceiver(rService: verifier).verify(request, from: .rService)
        guard case .rService(.webhookVerify(let verification)) = webhook.event else {
            Issue.record("decoded as \(webhook.event)")
            return
        }
        #expect(verification.payload.callbackURL.hasPrefix("https://"))
    }

    @Test("ApiTree: a request from ApiTreeRequestSigner verifies and decodes into .apiTree")
    func apiTree() async throws {
        let body = try Samples.body("apitree/events/release.released.json")
        let request = ApiTreeRequestSigner(secret: Samples.apiTreeSecret, webhookURL: Samples.apiTreeURL)
            .sign(body: body)
        let webhook = try await WebhookReceiver(apiTree: Samples.apiTreeVerifier()).verify(request, from: .apiTree)
        #expect(webhook.event.eventName == "release.released")
        #expect(webhook.event.typeName == "ApiTreeEventPayload")
        guard case .apiTree(.releaseReleased) = webhook.event else {
            Issue.record("decoded as \(webhook.event)")
            return
        }
    }

    @Test("a tampered body is rejected as not authentic, attributed to the vendor")
    func tampered() async throws {
        var body = try Samples.body("apitree/events/release.released.json")
        var request = ApiTreeRequestSigner(secret: Samples.apiTreeSecret, webhookURL: Samples.apiTreeURL)
            .sign(body: body)
        body[body.count / 2] ^= 0x01
        request.body = body
        let receiver = WebhookReceiver(apiTree: Samples.apiTreeVerifier())
        let error = await #expect(throws: WebhookError.self) {
            try await receiver.verify(request, from: .apiTree)
        }
        #expect(error?.code == .signatureMismatch)
        #expect(error?.category == .authentication)
        #expect(error?.vendor == .apiTree)
    }

    @Test("an authentic body that cannot be decoded keeps the decoding category")
    func authenticButUndecodable() async throws {
        let body = try Samples.body("apitree/malformed/wrong-type.json")
        let request = ApiTreeRequestSigner(secret: Samples.apiTreeSecret, webhookURL: Samples.apiTreeURL)
            .sign(body: body)
        let receiver = WebhookReceiver(apiTree: Samples.apiTreeVerifier())
        let error = await #expect(throws: WebhookError.self) {
            try await receiver.verify(request, from: .apiTree)
        }
        #expect(error?.category == .decoding)
        #expect(error?.code == .invalidPayload)
    }

    @Test("a vendor without a configured verifier is rejected", arguments: WebhookVendor.supported)
    func unconfigured(vendor: WebhookVendor) async throws {
        // A receiver configured for every vendor but this one.
        let receiver = WebhookReceiver(
            hipChat: vendor == .hipChat ? nil : Samples.hipChatVerifier(),
            confluence: vendor == .confluence ? nil : Samples.confluenceHMACVerifier(),
            rService: vendor == .rService
                ? nil : try RServiceSignatureVerifier(keys: .unsigned, issuer: Samples.rServiceIssuer),
            apiTree: vendor == .apiTree ? nil : Samples.apiTreeVerifier()
        )
        #expect(!receiver.configuredVendors.contains(vendor))
        #expect(receiver.configuredVendors.count == 3)
        let request = WebhookRequest(target: "/webhooks", body: Array(#"{"event":"x"}"#.utf8))
        let error = await #expect(throws: WebhookError.self) {
            try await receiver.verify(request, from: vendor)
        }
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.vendor == vendor)
    }

    @Test("an empty receiver and an unsupported vendor are rejected")
    func emptyReceiver() async {
        let request = WebhookRequest(target: "/webhooks", body: Array("{}".utf8))
        for vendor in WebhookVendor.supported + [WebhookVendor(rawValue: "slack")] {
            let error = await #expect(throws: WebhookError.self) {
                try await WebhookReceiver().verify(request, from: vendor)
            }
            #expect(error?.code == .invalidConfiguration)
        }
    }

    @Test("a request signed for one vendor does not verify as another")
    func wrongVendor() async throws {
        let body = try Samples.body("hipchat/events/room_message.json")
        let request = try HipChatRequestSigner(oauthClientID: Samples.hipChatClient, secret: Samples.hipChatSecret)
            .sign(body: body, now: Samples.now)
        let receiver = WebhookReceiver(hipChat: Samples.hipChatVerifier(), apiTree: Samples.apiTreeVerifier())
        let error = await #expect(throws: WebhookError.self) {
            try await receiver.verify(request, from: .apiTree)
        }
        #expect(error?.code == .missingSignature)
        #expect(error?.vendor == .apiTree)
    }
}
