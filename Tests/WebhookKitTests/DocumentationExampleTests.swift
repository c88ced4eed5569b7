import Foundation
import Testing
import WebhookKit
import WebhookTesting

/// The examples of the DocC articles and Docs/CLI.md, run as written.
@Suite("Documentation examples")
struct DocumentationExampleTests {
    @Test("DecodingInTests: an ApiTree release decodes")
    func decodesARelease() throws {
        let body = Array(
            #"{"name": "release.released", "timestamp": "2019-11-12T14:53:47+00:00", "user": {"id": 1, "nickname": "jdoe"}, "resourceType": "Release", "resource": {"id": 7}}"#
                .utf8
        )
        let event = try WebhookReceiver.decode(body, from: .apiTree)
        #expect(event.eventName == "release.released")
        #expect(event.typeName == "ApiTreeEventPayload")
        #expect(!event.isUnknown)
    }

    @Test("DecodingInTests: a HipChat request from the signer verifies with a fixed clock")
    func verifiesASignedRequest() async throws {
        let now = 1_700_000_000.0
        let secret = WebhookSecret(utf8: "oauth-secret")
        let roomMessage = try Samples.body("hipchat/events/room_message.json")
        let request = try HipChatRequestSigner(oauthClientID: "client-1", secret: secret)
            .sign(body: roomMessage, now: now)
        let receiver = WebhookReceiver(
            hipChat: try HipChatSignatureVerifier(secrets: ["client-1": [secret]], clock: { now })
        )
        let webhook = try await receiver.verify(request, from: .hipChat)
        #expect(webhook.event.eventName == "room_message")
    }

    @Test("Docs/CLI.md: the decode examples print what the page shows")
    func cliDecodeExamples() throws {
        let hipChat = try Tool.run(["decode", "hipchat", "Fixtures/hipchat/events/room_message.json"])
        #expect(
            hipChat.stdout
                == #"{"event":"room_message","type":"HipChatMessageEvent","unknown":false,"vendor":"hipchat","#
                + #""verified":false}"# + "\n"
        )
        let confluence = try Tool.run([
            "decode", "confluence", "--event", "page_created", "Fixtures/confluence/events/page_created.json",
        ])
        #expect(
            confluence.stdout
                == #"{"event":"page_created","type":"ConfluencePageEvent","unknown":false,"vendor":"confluence","#
                + #""verified":false}"# + "\n"
        )
    }

    @Test("Docs/CLI.md: the sign and verify round trip prints what the page shows")
    func cliRoundTrip() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = "https://receiver.example.com/hooks/apitree"
        let signed = try Tool.run([
            "sign", "apitree", "--secret", "s3cret", "--url", url, "--now", "1700000000",
            "Fixtures/apitree/events/api.created.json",
        ])
        let file = try directory.write("request.json", Array(signed.stdout.utf8))
        let verified = try Tool.run(["verify", "apitree", "--secret", "s3cret", "--url", url, "--request", file])
        #expect(
            verified.stdout
                == #"{"deliveryID":null,"event":"api.created","type":"ApiTreeEventPayload","unknown":false,"vendor":"apitree","verified":true}"#
                + "\n"
        )
        let wrong = try Tool.run(["verify", "apitree", "--secret", "wrong", "--url", url, "--request", file])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.hasPrefix("signature_mismatch: "))
    }
}

/// Docs/Verification.md's "One entry point" example, with its free names defined.
private enum VerificationPageExample {
    struct Installations {
        func oauthSecrets(for oauthClientID: String) async throws -> [String] {
            oauthClientID == Samples.hipChatClient ? ["hipchat-oauth-secret"] : []
        }
    }

    static let installations = Installations()
    static let newSecret = "confluence-webhook-secret"
    static let oldSecret = "confluence-webhook-secret-2024"
    static let apiTreeSecret = "apitree-webhook-secret"

    static func makeReceiver(webhookPolicyPublicKeyPEM: String) throws -> WebhookReceiver {
        // As on the page, from here.
        let receiver = WebhookReceiver(
            hipChat: try HipChatSignatureVerifier(secrets: { oauthClientID in
                try await installations.oauthSecrets(for: oauthClientID).map { WebhookSecret(utf8: $0) }
            }),
            confluence: try ConfluenceSignatureVerifier(secrets: [
                WebhookSecret(utf8: newSecret), WebhookSecret(utf8: oldSecret),
            ]),
            rService: try RServiceSignatureVerifier(
                keys: try .publicKeys([try WebhookPublicKey(pem: webhookPolicyPublicKeyPEM)]),
                issuer: "https://acme.4me.com",
                audience: "acme-receiver"
            ),
            apiTree: try ApiTreeSignatureVerifier(
                secrets: [WebhookSecret(utf8: apiTreeSecret)],
                webhookURL: "https://hooks.example.com/apitree"  // exactly as registered with ApiTree
            )
        )
        return receiver
    }

    static func receive(
        _ request: WebhookRequest,
        vendor: WebhookVendor,
        registeredEvent: String?,
        receiver: WebhookReceiver
    ) async -> Int {
        do {
            let webhook = try await receiver.verify(request, from: vendor, eventName: registeredEvent)
            switch webhook.event {
            case .confluence(.pageCreated(let page)): print("page created:", page.page?.title ?? "")
            case .rService(.webhookVerify(let message)): print("activate at", message.payload.callbackURL)
            case .apiTree(.releaseReleased(let message)): print("released by", message.user?.nickname ?? "")
            default: print(webhook.event.vendor, webhook.event.eventName ?? "-", webhook.event.typeName)
            }
            return 200
        } catch {
            switch error.category {
            case .decoding: return 400
            case .unavailable: return 503
            case .limit: return 413
            case .configuration: return 500
            default: return 401
            }
        }
    }
}

@Suite("Docs/Verification.md example")
struct VerificationPageExampleTests {
    @Test("the one-entry-point example answers 200, 401, 400 and 500 as the page says")
    func statuses() async throws {
        let key = try WebhookSigningKey.p256()
        let receiver = try VerificationPageExample.makeReceiver(webhookPolicyPublicKeyPEM: key.publicKeyPEM())
        let signer = ApiTreeRequestSigner(
            secret: WebhookSecret(utf8: VerificationPageExample.apiTreeSecret),
            webhookURL: "https://hooks.example.com/apitree"
        )
        let good = signer.sign(body: try Samples.body("apitree/events/release.released.json"))
        #expect(
            await VerificationPageExample.receive(good, vendor: .apiTree, registeredEvent: nil, receiver: receiver)
                == 200
        )
        var forged = good
        forged.body.append(0x20)
        #expect(
            await VerificationPageExample.receive(forged, vendor: .apiTree, registeredEvent: nil, receiver: receiver)
                == 401
        )
        let undecodable = signer.sign(body: try Samples.body("apitree/malformed/wrong-type.json"))
        #expect(
            await VerificationPageExample.receive(
                undecodable,
                vendor: .apiTree,
                registeredEvent: nil,
                receiver: receiver
            )
                == 400
        )
        let rotated = try ConfluenceRequestSigner.hmac(secret: WebhookSecret(utf8: VerificationPageExample.oldSecret))
            .sign(body: try Samples.body("confluence/events/page_created.json"), now: Samples.now)
        #expect(
            await VerificationPageExample.receive(
                rotated,
                vendor: .confluence,
                registeredEvent: "page_created",
                receiver: receiver
            )
                == 200
        )
        let hipChat = try HipChatRequestSigner(oauthClientID: Samples.hipChatClient, secret: Samples.hipChatSecret)
            .sign(body: try Samples.body("hipchat/events/room_message.json"), now: WebhookClock.now())
        #expect(
            await VerificationPageExample.receive(hipChat, vendor: .hipChat, registeredEvent: nil, receiver: receiver)
                == 200
        )
        let empty = WebhookReceiver()
        #expect(
            await VerificationPageExample.receive(good, vendor: .apiTree, registeredEvent: nil, receiver: empty) == 500
        )
    }
}
