import Foundation
import HipChatWebhooks
import Testing
import WebhookCore
import WebhookCrypto
import WebhookFixtureSupport
import WebhookTesting

/// The signed sample requests of `Fixtures/hipchat/requests/`: each verifies (or fails) as its `expect` says, and
/// each is exactly what ``HipChatRequestSigner`` (or, for the forged ones, `JWTSigner`) produces from
/// `Fixtures/hipchat/keys/`.
///
/// Run with `WEBHOOKKIT_WRITE_FIXTURES=1` to rewrite the files after changing the generator.
@Suite("HipChat signed sample requests")
struct HipChatSignedRequestTests {
    struct Secrets: Decodable {
        var oauthId: String
        var oauthSecret: String
        var wrongSecret: String
        var otherOAuthId: String
    }

    /// `requests/config.json`: how to configure the verifier for the samples.
    struct Config: Decodable {
        var issuer: String
        var secret: String
        var leeway: Double?
    }

    static let now = 1_700_000_000.0
    static let url = "https://receiver.example.com/webhooks/hipchat"

    static func secrets() throws -> Secrets {
        try JSONDecoder().decode(Secrets.self, from: Data(try fixtures.bytes("keys", "secrets.json")))
    }

    static func config() throws -> Config {
        try JSONDecoder().decode(Config.self, from: Data(try fixtures.bytes("requests", "config.json")))
    }

    /// A request carrying a hand-made token in `Authorization: JWT`.
    static func request(_ body: [UInt8], token: String) -> WebhookRequest {
        WebhookRequest(
            target: url,
            headers: ["Content-Type": "application/json", "Authorization": "JWT " + token],
            body: body
        )
    }

    /// Every sample.
    static func generate() throws -> [String: WebhookRequestFile] {
        let keys = try secrets()
        let secret = WebhookSecret(utf8: keys.oauthSecret)
        let signer = HipChatRequestSigner(oauthClientID: keys.oauthId, secret: secret)
        let message = try fixtures.bytes("events", "room_message.json")
        let enter = try fixtures.bytes("events", "room_enter.json")
        let notification = try fixtures.bytes("events", "room_notification.json")
        var files: [String: WebhookRequestFile] = [:]

        files["header-jwt.json"] = .verified(
            "room_message with Authorization: JWT <token> (HS256, iss = oauthId, sub = the sender). The captured "
                + "body names another oauth_client_id, which the verifier never reads",
            try signer.sign(body: message, target: url, now: now, jwtID: "hdr0000000000000000a"),
            now: now,
            event: "room_message"
        )
        files["header-jwt-token-equals.json"] = .verified(
            "room_enter with Authorization: JWT token=<token>",
            try signer.sign(
                body: enter,
                target: url,
                now: now,
                placement: .authorizationTokenEquals,
                jwtID: "teq0000000000000000b"
            ),
            now: now,
            event: "room_enter"
        )
        files["query-signed-request.json"] = .verified(
            "room_notification with the token in the signed_request query parameter (no sub: the sender is a label)",
            try signer.sign(
                body: notification,
                target: url + "?room=9610",
                now: now,
                placement: .signedRequestQuery,
                jwtID: "qry0000000000000000c"
            ),
            now: now,
            event: "room_notification"
        )
        files["within-leeway.json"] = .verified(
            "exp passed 30 seconds ago: accepted within the 60-second leeway",
            try signer.sign(body: message, target: url, now: now - 330, jwtID: "lwy0000000000000000d"),
            now: now,
            event: "room_message"
        )

        files["rejected-expired.json"] = .rejected(
            "issued an hour ago with a 5-minute lifetime",
            try signer.sign(body: message, target: url, now: now - 3_600, jwtID: "exp0000000000000000e"),
            now: now,
            code: .expired
        )
        files["rejected-issued-in-future.json"] = .rejected(
            "iat 10 minutes ahead of the clock (beyond the leeway)",
            try signer.sign(body: message, target: url, now: now + 600, jwtID: "fut0000000000000000f"),
            now: now,
            code: .issuedInFuture
        )

        let valid = try signer.sign(body: message, target: url, now: now, jwtID: "tmp0000000000000000g")
        let token = try #require(valid.headers["Authorization"]).dropFirst("JWT ".count)
        let parts = token.split(separator: ".").map(String.init)
        let longer =
            #"{"exp":\#(Int64(now) + 86_400),"iat":\#(Int64(now)),"iss":"\#(keys.oauthId)","#
            + #""jti":"tmp0000000000000000g","sub":"3450167"}"#
        let tamperedToken = [parts[0], Base64URL.encode(Array(longer.utf8)), parts[2]].joined(separator: ".")
        files["rejected-tampered-token.json"] = .rejected(
            "the token's claims were changed after signing (exp a day later), its signature kept",
            request(message, token: tamperedToken),
            now: now,
            code: .signatureMismatch
        )

        let wrong = HipChatRequestSigner(oauthClientID: keys.oauthId, secret: WebhookSecret(utf8: keys.wrongSecret))
        files["rejected-wrong-secret.json"] = .rejected(
            "the right iss, signed with keys/secrets.json's wrongSecret",
            try wrong.sign(body: message, target: url, now: now, jwtID: "wrg0000000000000000h"),
            now: now,
            code: .signatureMismatch
        )

        let stranger = HipChatRequestSigner(oauthClientID: keys.otherOAuthId, secret: secret)
        files["rejected-unknown-issuer.json"] = .rejected(
            "iss is an installation the receiver does not know",
            try stranger.sign(body: message, target: url, now: now, jwtID: "unk0000000000000000i"),
            now: now,
            code: .unknownIssuer
        )

        let claims =
            #"{"exp":\#(Int64(now) + 300),"iat":\#(Int64(now)),"iss":"\#(keys.oauthId)","#
            + #""jti":"alg0000000000000000j","sub":"3450167"}"#
        let none =
            Base64URL.encode(Array(#"{"alg":"none","typ":"JWT"}"#.utf8)) + "."
            + Base64URL.encode(Array(claims.utf8)) + "."
        files["rejected-alg-none.json"] = .rejected(
            "an unsigned token (alg none)",
            request(message, token: none),
            now: now,
            code: .unsupportedAlgorithm
        )
        let hs512 = try JWTSigner.hmac(secret, algorithm: .hs512).sign(payload: Array(claims.utf8))
        files["rejected-alg-hs512.json"] = .rejected(
            "HS512 with the right secret: HipChat tokens are HS256 only",
            request(message, token: hs512),
            now: now,
            code: .algorithmNotAllowed
        )
        let attacker = try PrivateKey(
            pem: String(decoding: try fixtures.bytes("keys", "attacker-rs256.pem"), as: UTF8.self)
        )
        let rs256 = try JWTSigner.privateKey(attacker, algorithm: .rs256).sign(payload: Array(claims.utf8))
        files["rejected-alg-rs256.json"] = .rejected(
            "RS256, signed with keys/attacker-rs256.pem",
            request(message, token: rs256),
            now: now,
            code: .algorithmNotAllowed
        )
        let pem = WebhookSecret(try fixtures.bytes("keys", "attacker-rs256.pub.pem"))
        let confused = try JWTSigner.hmac(pem, algorithm: .hs256).sign(payload: Array(claims.utf8))
        files["rejected-public-key-as-secret.json"] = .rejected(
            "HS256 keyed with the bytes of keys/attacker-rs256.pub.pem (the key-confusion attack)",
            request(message, token: confused),
            now: now,
            code: .signatureMismatch
        )
        let withoutExp = #"{"iat":\#(Int64(now)),"iss":"\#(keys.oauthId)","jti":"noe0000000000000000k"}"#
        files["rejected-missing-exp.json"] = .rejected(
            "signed with the right secret, but without exp",
            request(message, token: try JWTSigner.hmac(secret).sign(payload: Array(withoutExp.utf8))),
            now: now,
            code: .missingClaim
        )

        var unsigned = valid
        unsigned.headers = ["Content-Type": "application/json"]
        files["rejected-missing-token.json"] = .rejected(
            "no token: neither signed_request nor Authorization (the body's oauth_client_id does not stand in)",
            unsigned,
            now: now,
            code: .missingSignature
        )

        var conflicting = try signer.sign(
            body: message,
            target: url,
            now: now,
            placement: .signedRequestQuery,
            jwtID: "cf10000000000000000l"
        )
        let second = try signer.sign(body: message, target: url, now: now, jwtID: "cf20000000000000000m")
        conflicting.headers.add(name: "Authorization", value: try #require(second.headers["Authorization"]))
        files["rejected-conflicting-tokens.json"] = .rejected(
            "two valid tokens that differ, one in the query and one in the header",
            conflicting,
            now: now,
            code: .malformedToken
        )
        return files
    }

    @Test("the files are exactly what the signers generate")
    func filesMatchGenerator() throws {
        let generated = try Self.generate()
        #expect(try fixtures.sync(generated) == [])
        #expect(fixtures.requestFileNames() == generated.keys.sorted())
    }

    @Test("config.json agrees with keys/secrets.json")
    func configMatchesKeys() throws {
        let config = try Self.config()
        let keys = try Self.secrets()
        #expect(config.issuer == keys.oauthId)
        #expect(config.secret == keys.oauthSecret)
        #expect(config.leeway == 60)
    }

    @Test("every sample request verifies or fails as its file expects", arguments: fixtures.requestFileNames())
    func sample(_ name: String) async throws {
        let fixture = try fixtures.requestFile("requests", name)
        let now = try #require(fixture.now)
        let config = try Self.config()
        let verifier = try HipChatSignatureVerifier(
            secrets: [config.issuer: [WebhookSecret(utf8: config.secret)]],
            leeway: .seconds(config.leeway ?? 60),
            clock: { now }
        )
        do {
            let verified = try await verifier.verify(fixture.request, eventName: fixture.eventName)
            #expect(fixture.expectation == .verified(event: verified.eventName), "\(name) verified")
            #expect(verified.jwt?.claims.issuer == config.issuer)
        } catch {
            #expect(fixture.expectation == .rejected(code: error.code), "\(name): \(error)")
        }
    }

    @Test("the samples cover the header, token= and query forms and the required rejections")
    func coverage() throws {
        let files = try fixtures.requestFileNames().map { try fixtures.requestFile("requests", $0) }
        let verified = files.filter { if case .verified? = $0.expectation { true } else { false } }.map(\.request)
        #expect(verified.contains { $0.headers.contains { $0.value.hasPrefix("JWT ey") } })
        #expect(verified.contains { $0.headers.contains { $0.value.hasPrefix("JWT token=") } })
        #expect(verified.contains { $0.target.contains("signed_request=") })
        let codes = Set(
            files.compactMap { if case .rejected(let code?)? = $0.expectation { code.rawValue } else { nil } }
        )
        #expect(codes.isSuperset(of: ["expired", "signature_mismatch", "missing_signature", "unsupported_algorithm"]))
    }
}
