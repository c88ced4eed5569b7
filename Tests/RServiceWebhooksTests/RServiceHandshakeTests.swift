import Foundation
import RServiceWebhooks
import Testing
import WebhookCore
import WebhookCrypto
import WebhookRegistry
import WebhookTesting

/// Records the callback URLs the handshake hook was called with; throws when told to.
final class HandshakeRecorder: Sendable {
    struct Failure: Error {}

    let calls = LockedValue<[String]>([])
    let fails: Bool

    init(fails: Bool = false) {
        self.fails = fails
    }

    var hook: RServiceSignatureVerifier.VerificationRequestHook {
        { url in
            self.calls.withLock { $0.append(url) }
            if self.fails { throw Failure() }
        }
    }

    var called: [String] { calls.withLock { $0 } }
}

@Suite("R-Service verifier: the webhook.verify handshake")
struct RServiceHandshakeTests {
    static let account = "https://mycompany.xurrent.com"
    static let fixtureCallback =
        "https://mycompany.xurrent.com/webhooks/219/verify?code=EmzqeGYTj5LAIwY-hWoYNLJQ&expires_at=1610618451"

    /// The `webhook.verify` fixture with another callback URL.
    static func message(callback: String = fixtureCallback) -> [UInt8] {
        let text = String(decoding: TestSupport.message("webhook.verify"), as: UTF8.self)
        precondition(text.contains(fixtureCallback))
        return Array(text.replacingOccurrences(of: fixtureCallback, with: callback).utf8)
    }

    /// Verifies a signed `webhook.verify` delivery to `issuer`'s verifier, then asks for the handshake's answer.
    static func answer(
        callback: String,
        recorder: HandshakeRecorder,
        issuer: String = account
    ) async throws -> WebhookAnswer? {
        let verifier = TestSupport.verifier(TestSupport.rsaKeys(), issuer: issuer, onVerificationRequest: recorder.hook)
        let request = try TestSupport.signer(issuer: issuer).sign(
            message: message(callback: callback),
            now: TestSupport.now
        )
        let webhook = try await verifier.verify(request)
        #expect(webhook.jwt != nil)
        #expect(webhook.verificationCallbackURL == callback)
        return await verifier.answerBeforeHandler(webhook)
    }

    @Test("Unsigned mode never calls the hook, whatever the URL")
    func unsignedNeverCalls() async throws {
        for callback in ["http://169.254.169.254/latest/meta-data/", Self.fixtureCallback] {
            let recorder = HandshakeRecorder()
            let verifier = TestSupport.verifier(.unsigned, issuer: Self.account, onVerificationRequest: recorder.hook)
            let request = WebhookRequest(target: "/hook", body: Self.message(callback: callback))
            let webhook = try await verifier.verify(request)
            #expect(webhook.jwt == nil)
            #expect(webhook.eventName == "webhook.verify")
            #expect(await verifier.answerBeforeHandler(webhook) == nil)
            #expect(recorder.called.isEmpty)
        }
    }

    @Test(
        "A signed delivery whose callback is not https on the account's host and port goes to the handler",
        arguments: [
            "https://evil.example.com/webhooks/219/verify?code=x",
            "http://mycompany.xurrent.com/webhooks/219/verify?code=x",
            "https://acct@evil/",
            "https://acct@mycompany.xurrent.com/webhooks/219/verify?code=x",
            "https://mycompany.xurrent.com:8443/webhooks/219/verify?code=x",
            "https://mycompany.xurrent.com.evil.com/webhooks/219/verify",
            "https://evilmycompany.xurrent.com/webhooks/219/verify",
            "https://other.xurrent.com/webhooks/219/verify",
            "https://169.254.169.254/",
            "https://mycompany.xurrent.com./webhooks/219/verify",
            "ftp://mycompany.xurrent.com/webhooks/219/verify",
            "//mycompany.xurrent.com/webhooks/219/verify",
            "not a url",
        ]
    )
    func foreignCallbackNotCalled(callback: String) async throws {
        let recorder = HandshakeRecorder()
        #expect(try await Self.answer(callback: callback, recorder: recorder) == nil)
        #expect(recorder.called.isEmpty)
    }

    @Test(
        "A signed delivery with a callback on the account's host or its 4me/Xurrent twin is answered 200 after the hook",
        arguments: [
            (account, fixtureCallback),
            ("https://mycompany.4me.com", fixtureCallback),
            (account, "https://MyCompany.Xurrent.COM/webhooks/219/verify?code=x"),
            (account, "https://mycompany.xurrent.com:443/webhooks/219/verify?code=x"),
            ("https://wdc.4me-staging.com", "https://wdc.xurrent-staging.com/webhooks/1/verify?code=x"),
        ]
    )
    func accountCallbackCalled(issuer: String, callback: String) async throws {
        let recorder = HandshakeRecorder()
        let answer = try await Self.answer(callback: callback, recorder: recorder, issuer: issuer)
        #expect(answer == WebhookAnswer(status: 200, body: "ok"))
        #expect(recorder.called == [callback])
    }

    @Test("A hook that throws gives 502 bad gateway, never 500")
    func hookThrows() async throws {
        let recorder = HandshakeRecorder(fails: true)
        let answer = try await Self.answer(callback: Self.fixtureCallback, recorder: recorder)
        #expect(answer == WebhookAnswer(status: 502, body: "bad gateway"))
        #expect(recorder.called == [Self.fixtureCallback])
    }

    @Test("Without a hook, or for another event, the handler is called")
    func noHookOrOtherEvent() async throws {
        let plain = TestSupport.verifier(TestSupport.rsaKeys(), issuer: Self.account)
        let request = try TestSupport.signer(issuer: Self.account).sign(message: Self.message(), now: TestSupport.now)
        #expect(await plain.answerBeforeHandler(try await plain.verify(request)) == nil)

        let recorder = HandshakeRecorder()
        let hooked = TestSupport.verifier(
            TestSupport.rsaKeys(),
            issuer: Self.account,
            onVerificationRequest: recorder.hook
        )
        let note = try TestSupport.signer(issuer: Self.account).sign(
            message: TestSupport.message(),
            now: TestSupport.now
        )
        #expect(await hooked.answerBeforeHandler(try await hooked.verify(note)) == nil)
        #expect(recorder.called.isEmpty)
    }
}
