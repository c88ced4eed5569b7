import Testing
import WebhookCore
import WebhookCrypto
import WebhookRegistry

@Suite("JWT support")
struct JWTSupportTests {
    @Test(arguments: [
        ("JWT abc.def.ghi", "abc.def.ghi"),
        ("jwt abc.def.ghi", "abc.def.ghi"),
        ("JWT   abc.def.ghi  ", "abc.def.ghi"),
        ("JWT token=abc.def.ghi", "abc.def.ghi"),
        ("JWT Token=abc.def.ghi", "abc.def.ghi"),
    ])
    func authorizationTokenIsFoundInBothAtlassianForms(header: String, token: String) {
        #expect(JWTLocation.authorizationToken(header) == Substring(token))
        #expect(JWTLocation.authorizationToken(in: ["authorization": header]) == Substring(token))
    }

    @Test(arguments: ["Bearer abc.def.ghi", "JWT", "JWT ", "JWTabc.def.ghi", "Basic dXNlcjpwYXNz", ""])
    func otherSchemesGiveNoToken(header: String) {
        #expect(JWTLocation.authorizationToken(header) == nil)
    }

    @Test func missingHeaderGivesNoToken() {
        #expect(JWTLocation.authorizationToken(in: ["X-Other": "JWT a.b.c"]) == nil)
    }

    @Test func cryptoErrorsKeepTheirCodes() {
        let mapped = WebhookError(WebhookCryptoError(.expired, "token expired"), vendor: .rService)
        #expect(mapped.code == .expired)
        #expect(mapped.vendor == .rService)
        #expect(mapped.category == .authentication)
        #expect(WebhookError(WebhookCryptoError(.tooLarge, "x")).code == .tokenTooLarge)
        #expect(WebhookError(WebhookCryptoError(.invalidEncoding, "x")).code == .malformedToken)
        #expect(WebhookError(WebhookCryptoError(.unknownKeyID, "x")).code == .unknownKeyID)
        #expect(WebhookError(WebhookCryptoError(.algorithmNotAllowed, "x")).code == .algorithmNotAllowed)
    }
}
