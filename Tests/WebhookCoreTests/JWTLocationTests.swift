import Testing
import WebhookCore

@Suite("JWT location")
struct JWTLocationTests {
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
}
