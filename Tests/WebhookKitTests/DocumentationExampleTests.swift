import Foundation
import Testing
import WebhookKit

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
        let secret = HMACKey(utf8: "oauth-secret")
        let roomMessage = try Samples.body("hipchat/events/room_message.json")
        let request = try HipChatRequestSigner(oauthClientID: "client-1", secret: secret)
            .sign(body: roomMessage, now: now)
        let receiver = WebhookReceiver(
            hipChat: HipChatSignatureVerifier(secrets: ["client-1": [secret]], clock: { now })
        )
        let webhook = try await receiver.verify(request, from: .hipChat)
        #expect(webhook.event.eventName == "room_message")
    }

    @Test("Docs/CLI.md: the decode examples print what the page shows")
    func cliDecodeExamples() throws {
        let hipChat = try Tool.run(["decode", "hipchat", "Fixtures/hipchat/events/room_message.json"])
        #expect(
            hipChat.stdout
                == #"{"event":"room_message","type":"HipChatMessageEvent","unknown":false,"vendor":"hipchat"}"# + "\n"
        )
        let confluence = try Tool.run([
            "decode", "confluence", "--event", "page_created", "Fixtures/confluence/events/page_created.json",
        ])
        #expect(
            confluence.stdout
                == #"{"event":"page_created","type":"ConfluencePageEvent","unknown":false,"vendor":"confluence"}"#
                + "\n"
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
