import Foundation
import Testing
import WebhookCore
import WebhookCrypto
import WebhookKit
import WebhookRegistry
import WebhookTesting

@Suite("WebhookTestSigner")
struct WebhookTestingTestsSigner {
    /// A fixed clock, so time claims are reproducible.
    static let now: Double = 1_760_000_000
    static let signer = WebhookTestSigner(clock: { WebhookTestingTestsSigner.now })

    /// Every sample of every vendor, signed, verifies with the matching verifier into its event.
    @Test(arguments: WebhookSamples.all.map(\.fixture))
    func everySignedSampleVerifies(fixture: String) async throws {
        let sample = try #require(WebhookSamples.all.first { $0.fixture == fixture })
        let request = try Self.signer.sign(sample.body, for: sample.vendor, event: sample.eventName)
        let verified = try await Self.signer.receiver().verify(request, from: sample.vendor)
        #expect(verified.vendor == sample.vendor)
        #expect(verified.eventName == sample.eventName)
        switch (sample.vendor, verified.event) {
        case (.hipChat, .hipChat), (.confluence, .confluence), (.rService, .rService), (.apiTree, .apiTree): break
        default: Issue.record("\(fixture) verified into \(verified.event)")
        }
        if sample.vendor == .rService {
            // The verified bytes of R-Service are the message: the sample, as signed.
            #expect(
                try JSONSerialization.jsonObject(with: Data(verified.body)) as? NSDictionary
                    == JSONSerialization.jsonObject(with: Data(sample.body)) as? NSDictionary
            )
        } else {
            #expect(verified.body == sample.body)
        }
    }

    static let oneEventPerVendor: [(WebhookVendor, String)] = [
        (.hipChat, "room_message"), (.confluence, "page_created"), (.rService, "request.create"),
        (.apiTree, "api.created"),
    ]

    @Test(arguments: oneEventPerVendor.map { "\($0.0.rawValue) \($0.1)" })
    func tamperedRequestsFailAsSignatureMismatch(label: String) async throws {
        let (vendor, event) = try #require(Self.oneEventPerVendor.first { "\($0.0.rawValue) \($0.1)" == label })
        let request = try Self.signer.signSample(vendor, event: event)
        let receiver = try Self.signer.receiver()
        for forged in [request.tampered(), request.tamperedSignature()] {
            #expect(forged != request)
            await #expect(throws: WebhookError(.signatureMismatch, "")) {
                _ = try await receiver.verify(forged, from: vendor)
            }
        }
        if vendor != .hipChat {
            // A body flip is caught where the body is signed (HipChat's token does not cover the body).
            await #expect(throws: WebhookError.self) {
                _ = try await receiver.verify(request.tamperedBody(), from: vendor)
            }
        }
    }

    @Test func tamperingChangesExactlyOneByte() throws {
        let request = try Self.signer.signSample(.apiTree, event: "api.created")
        let forged = request.tamperedBody()
        #expect(forged.body.count == request.body.count)
        #expect(zip(forged.body, request.body).filter { $0 != $1 }.count == 1)
        #expect(forged.headers == request.headers)
        let signature = request.tamperedSignature()
        #expect(signature.body == request.body)
        #expect(signature.headers["X-ApiTree-Signature"] != request.headers["X-ApiTree-Signature"])
        #expect(signature.headers["X-ApiTree-Signature"]?.count == request.headers["X-ApiTree-Signature"]?.count)
    }

    @Test(arguments: [WebhookVendor.hipChat, .confluence, .apiTree])
    func requestsWithoutSignatureFailAsMissing(vendor: WebhookVendor) async throws {
        let event = try #require(Self.oneEventPerVendor.first { $0.0 == vendor }?.1)
        let request = try Self.signer.signSample(vendor, event: event).withoutSignature()
        await #expect(throws: WebhookError(.missingSignature, "")) {
            _ = try await Self.signer.receiver().verify(request, from: vendor)
        }
    }

    @Test func expiredTokensFailAsExpired() async throws {
        let receiver = try Self.signer.receiver()
        let hipChat = try Self.signer.signSample(.hipChat, event: "room_enter", options: .expired)
        await #expect(throws: WebhookError(.expired, "")) { _ = try await receiver.verify(hipChat, from: .hipChat) }

        let rService = try Self.signer.signSample(.rService, event: "request.create", options: .expired)
        await #expect(throws: WebhookError(.expired, "")) { _ = try await receiver.verify(rService, from: .rService) }

        var connect = Self.signer
        connect.confluence.mode = .connect(clientKey: "tenant-client-key", baseURL: nil)
        let confluence = try connect.signSample(.confluence, event: "page_created", options: .expired)
        await #expect(throws: WebhookError(.expired, "")) {
            _ = try await connect.receiver().verify(confluence, from: .confluence)
        }
        // A token from just now, with the same lifetime, is still fine.
        let fresh = try Self.signer.signSample(.hipChat, event: "room_enter", options: .at(offset: -30))
        _ = try await receiver.verify(fresh, from: .hipChat)
    }

    @Test func aSignerWithOtherKeysIsRejected() async throws {
        var other = Self.signer
        other.hipChat.secret = WebhookSecret(utf8: "another installation secret")
        other.rService.key = .sharedSecret(WebhookSecret(utf8: "another policy secret"), .hs256)
        other.apiTree.secret = WebhookSecret(utf8: "another webhook secret")
        other.confluence.secret = WebhookSecret(utf8: "another confluence secret")
        let receiver = try Self.signer.receiver()
        for (vendor, event) in Self.oneEventPerVendor {
            let request = try other.signSample(vendor, event: event)
            await #expect(throws: WebhookError(.signatureMismatch, "")) {
                _ = try await receiver.verify(request, from: vendor)
            }
        }
    }

    @Test func aRepeatedRServiceDeliveryKeepsItsKey() async throws {
        let receiver = try Self.signer.receiver()
        let options = WebhookTestSigner.Options(jwtID: "jti-1", deliveryID: "delivery-1")
        let request = try Self.signer.signSample(.rService, event: "request.update", options: options)
        let verified = try await receiver.verify(request, from: .rService)
        #expect(verified.deliveryID == "delivery-1")
        #expect(verified.jwt?.claims.jwtID == "jti-1")
        #expect(verified.deliveryKey == "rservice:delivery:delivery-1")
        let again = try await receiver.verify(request, from: .rService)
        #expect(again.deliveryKey == verified.deliveryKey)
    }

    @Test func aRepeatedConfluenceIdentifierKeepsItsKey() async throws {
        let receiver = try Self.signer.receiver()
        let options = WebhookTestSigner.Options(deliveryID: "confluence-identifier-1")
        let first = try Self.signer.signSample(.confluence, event: "page_updated", options: options)
        let verified = try await receiver.verify(first, from: .confluence)
        #expect(verified.deliveryKey == "confluence:id:confluence-identifier-1")
        let again = try await receiver.verify(first, from: .confluence)
        #expect(again.deliveryKey == verified.deliveryKey)
    }

    @Test func rServiceWithAnECKeyAndXurrentHeaders() async throws {
        var signer = Self.signer
        let key = try WebhookSigningKey.p256()
        signer.rService.key = .privateKey(key, .es256, keyID: "policy-key-1")
        signer.rService.issuer = "https://wdc.xurrent-demo.com/webhook_policies/test-policy"
        signer.rService.deliveryHeader = "x-xurrent-delivery"
        signer.rService.audience = "https://receiver.example"
        let options = WebhookTestSigner.Options(deliveryID: "xurrent-delivery-7")
        let request = try signer.signSample(.rService, event: "webhook.verify", options: options)
        #expect(request.headers["x-xurrent-delivery"] == "xurrent-delivery-7")
        let verified = try await signer.receiver().verify(request, from: .rService)
        #expect(verified.deliveryID == "xurrent-delivery-7")
        #expect(verified.jwt?.header.keyID == "policy-key-1")
        guard case .rService(.webhookVerify(let message)) = verified.event else {
            Issue.record("expected webhook.verify, got \(verified.event)")
            return
        }
        #expect(message.payload.callbackURL.hasPrefix("https://"))
    }

    @Test(arguments: [HipChatRequestSigner.TokenPlacement.authorizationTokenEquals, .signedRequestQuery])
    func hipChatTokenPlacements(placement: HipChatRequestSigner.TokenPlacement) async throws {
        var signer = Self.signer
        signer.hipChat.placement = placement
        let request = try signer.signSample(.hipChat, event: "room_notification")
        _ = try await signer.receiver().verify(request, from: .hipChat)
        await #expect(throws: WebhookError(.signatureMismatch, "")) {
            _ = try await signer.receiver().verify(request.tampered(), from: .hipChat)
        }
    }

    @Test func confluenceConnectAndUnprefixedHMAC() async throws {
        for mode in [
            WebhookTestSigner.Confluence.Mode.connect(
                clientKey: "tenant",
                baseURL: "https://example.atlassian.net/wiki"
            ),
            .hmac(prefixed: false),
        ] {
            var signer = Self.signer
            signer.confluence.mode = mode
            let request = try signer.signSample(.confluence, event: "comment_created")
            let verified = try await signer.receiver().verify(request, from: .confluence)
            #expect(verified.eventName == "comment_created")
            await #expect(throws: WebhookError(.signatureMismatch, "")) {
                _ = try await signer.receiver().verify(request.tampered(), from: .confluence)
            }
        }
    }

    @Test func targetsAndOptions() throws {
        #expect(
            Self.signer.target(for: .confluence, event: "page_created") == "/webhooks/confluence?event=page_created"
        )
        #expect(Self.signer.target(for: .hipChat, event: "room_message") == "/webhooks/hipchat")
        #expect(Self.signer.target(for: .apiTree, event: nil) == Self.signer.apiTree.webhookURL)
        let request = try Self.signer.sign(Array("{}".utf8), for: .hipChat, options: .init(target: "/custom?x=1"))
        #expect(request.target == "/custom?x=1")
        #expect(request.method == "POST")
        #expect(throws: WebhookError.self) {
            _ = try Self.signer.sign([], for: WebhookVendor(rawValue: "nobody"))
        }
        #expect(throws: WebhookError.self) { _ = try Self.signer.signSample(.hipChat, event: "no_such_event") }
    }
}
