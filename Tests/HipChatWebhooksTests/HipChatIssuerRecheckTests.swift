import Testing
import WebhookCore
import WebhookCrypto

@testable import HipChatWebhooks

/// The verified `iss` is checked again against the issuer whose secrets were looked up. Through the public API the
/// two always agree (they come from the same bytes, and duplicate claims are refused), so this drives the step
/// directly.
@Suite("HipChat issuer re-check")
struct HipChatIssuerRecheckTests {
    typealias Support = HipChatTestSupport

    @Test("a token whose verified iss is not the issuer looked up is issuer_mismatch")
    func wrongIssuerAfterLookup() throws {
        let verifier = Support.verifier()
        let token = try UnverifiedJWT(Support.hmacToken())
        let keys = JWTKeySet([try JWTVerificationKey.hmac(Support.secret, algorithms: [.hs256])])
        let verified = try verifier.token.verifyToken(token, keys: keys, lookedUpIssuer: Support.clientID)
        #expect(verified.claims.issuer == Support.clientID)
        #expect(throws: WebhookError(.issuerMismatch, "")) {
            try verifier.token.verifyToken(token, keys: keys, lookedUpIssuer: "another-installation")
        }
    }

    @Test("a token with iss given twice is malformed, so the lookup and the check read the same iss")
    func duplicateIssuer() async {
        let claims = #"{"iss":"\#(Support.clientID)","iss":"other","exp":\#(Int64(Support.now + 300))}"#
        let token = Support.hmacToken(claims: claims)
        #expect(await Support.rejection(Support.verifier(), Support.request(token: token))?.code == .malformedToken)
    }
}
