import Foundation
import RServiceWebhooks
import Testing
import WebhookCore
import WebhookCrypto
import WebhookRegistry
import WebhookTesting

@Suite("R-Service request signer")
struct RServiceRequestSignerTests {
    @Test("A signed request looks like the vendor's: headers, {\"jwt\"} body, claims in the vendor's order")
    func shape() throws {
        let message = TestSupport.message("webhook.verify")
        let signer = TestSupport.signer(audience: TestSupport.audience, keyID: "k1")
        let request = try signer.sign(
            message: message,
            target: "https://receiver.example.com/hook?x=1",
            now: 1_614_600_431.9,
            deliveryID: "8fd93dc6-1d43-49c2-892e-2ab5cb029e4e"
        )
        #expect(request.method == "POST")
        #expect(request.target == "https://receiver.example.com/hook?x=1")
        #expect(request.headers["Content-Type"] == "application/json; charset=utf-8")
        #expect(request.headers["User-Agent"] == "4me/1.0 (https://developer.4me.com/v1/webhooks)")
        #expect(request.headers["X-4me-Delivery"] == "8fd93dc6-1d43-49c2-892e-2ab5cb029e4e")
        let body = String(decoding: request.body, as: UTF8.self)
        #expect(body.hasPrefix(#"{"jwt":"eyJ"#) && body.hasSuffix(#""}"#))
        let token = try UnverifiedJWT(TestSupport.token(of: request))
        #expect(token.header == JOSEHeader(algorithm: "RS256", keyID: "k1", type: "JWT"))
        let claims = String(decoding: token.payload, as: UTF8.self)
        let messageText = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(claims.hasPrefix(#"{"data":"# + messageText + #","jti":""#))
        #expect(
            claims.hasSuffix(
                #","sub":"219","iss":"https://wdc.4me-staging.com","nbf":1614600431,"iat":1614600431,"#
                    + #""aud":"integrations provided by wdc@4me-staging.com"}"#
            )
        )
        let jwtID = try #require(token.claims.jwtID)
        #expect(jwtID.count == 64 && jwtID.allSatisfy(\.isHexDigit))
        #expect(token.claims.expiresAt == nil)
    }

    @Test("Lifetime, subject, jti and the Xurrent delivery header can be chosen")
    func options() throws {
        let request = try TestSupport.signer().sign(
            message: TestSupport.message(),
            now: 1000,
            lifetime: 720,
            subject: "7",
            jwtID: "fixed",
            deliveryID: "d",
            deliveryHeader: "x-xurrent-delivery"
        )
        let token = try UnverifiedJWT(TestSupport.token(of: request))
        #expect(
            token.claims
                == JWTClaims(
                    issuer: TestSupport.account,
                    subject: "7",
                    expiresAt: 1720,
                    notBefore: 1000,
                    issuedAt: 1000,
                    jwtID: "fixed"
                )
        )
        #expect(request.headers["x-xurrent-delivery"] == "d")
        #expect(request.headers["X-4me-Delivery"] == nil)
        #expect(request.headers["User-Agent"] == "xurrent/1.0 (https://developer.xurrent.com/v1/webhooks)")
        let random = try TestSupport.signer().sign(message: TestSupport.message(), now: 1000)
        let uuid = try #require(random.headers["X-4me-Delivery"])
        #expect(UUID(uuidString: uuid) != nil && uuid == uuid.lowercased())
        #expect(RServiceRequestSigner.randomJWTID() != RServiceRequestSigner.randomJWTID())
    }

    @Test("A message without a numeric webhook_id gets no sub")
    func noSubject() throws {
        let message = Array(#"{"event":"automation_rule","webhook_id":"x"}"#.utf8)
        let token = try TestSupport.signer().token(message: message, now: 1000)
        #expect(try UnverifiedJWT(token).claims.subject == nil)
    }

    @Test("The signer refuses non-object messages, unfit keys and non-finite times")
    func errors() throws {
        for message in ["[1]", "not json", "", #"{"a":1} {"#] {
            #expect(throws: WebhookError(.invalidPayload, "")) {
                try TestSupport.signer().sign(message: Array(message.utf8), now: 1)
            }
        }
        for now in [Double.nan, .infinity, 1e300] {
            #expect(throws: WebhookError(.invalidConfiguration, "")) {
                try TestSupport.signer().sign(message: TestSupport.message(), now: now)
            }
        }
        #expect(throws: WebhookError(.invalidConfiguration, "")) {
            try TestSupport.signer().sign(message: TestSupport.message(), now: 1, lifetime: .nan)
        }
        #expect(throws: WebhookError(.invalidConfiguration, "")) {
            try RServiceRequestSigner.privateKey(WebhookSigningKey(TestSupport.rsa), algorithm: .es256, issuer: "i")
        }
        #expect(throws: WebhookError(.invalidConfiguration, "")) {
            try RServiceRequestSigner.privateKey(WebhookSigningKey(TestSupport.ec256), algorithm: .es384, issuer: "i")
        }
        #expect(throws: WebhookError(.invalidConfiguration, "")) {
            try RServiceRequestSigner.sharedSecret(TestSupport.sharedSecret, algorithm: .rs256, issuer: "i")
        }
        #expect(throws: WebhookError(.invalidKey, "")) {
            try RServiceRequestSigner.sharedSecret(WebhookSecret([UInt8]()), issuer: "i")
        }
    }

    @Test("Strings in claims are escaped")
    func escaping() async throws {
        let issuer = "https://wdc.4me-staging.com"
        let audience = "quote \" backslash \\ newline \n tab \t nul \u{0}"
        let request = try TestSupport.signer(issuer: issuer, audience: audience).sign(
            message: TestSupport.message(),
            now: TestSupport.now
        )
        let verifier = TestSupport.verifier(TestSupport.rsaKeys(), audience: audience)
        let verified = try await verifier.verify(request)
        #expect(verified.jwt?.claims.audience == [audience])
    }
}
