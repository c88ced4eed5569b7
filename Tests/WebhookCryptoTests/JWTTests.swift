import Foundation
import Testing
import WebhookCore
import WebhookCrypto

/// RFC 7515 appendix A examples. Their `exp` (1300819380) is in the past, so a fixed clock is used.
@Suite("RFC 7515 examples")
struct RFC7515Tests {
    static let payloadSegment =
        "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
    static let options = JWTValidationOptions(clock: TestSupport.clock(1_300_819_300))

    @Test("A.1 HS256")
    func hs256() throws {
        let token =
            "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9." + Self.payloadSegment
            + ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
        let secret = try Base64URL.decode(
            "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"
        )
        let verifier = JWTVerifier(keys: JWTKeySet([try .hmac(WebhookSecret(secret))]), options: Self.options)
        let verified = try verifier.verify(token)
        #expect(verified.header.algorithm == "HS256")
        #expect(verified.header.type == "JWT")
        #expect(verified.claims.issuer == "joe")
        #expect(verified.claims.expiresAt == 1_300_819_380)
        struct Vendor: Decodable {
            var isRoot: Bool
            enum CodingKeys: String, CodingKey { case isRoot = "http://example.com/is_root" }
        }
        #expect(try verified.decodePayload(as: Vendor.self).isRoot)
        // With the real clock the token has long expired.
        let now = JWTVerifier(keys: verifier.keys)
        #expect(throws: WebhookError(.expired, "")) { try now.verify(token) }
    }

    @Test("A.2 RS256 with the JWK from the RFC")
    func rs256() throws {
        let jwk = #"""
            {"kty":"RSA",
             "n":"ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ",
             "e":"AQAB"}
            """#
        let key = try WebhookPublicKey(jwk: Array(jwk.utf8))
        #expect(key.type == .rsa(modulusBits: 2048))
        let token =
            "eyJhbGciOiJSUzI1NiJ9." + Self.payloadSegment + "."
            + "cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw"
        let verifier = JWTVerifier(keys: JWTKeySet([try .publicKey(key)]), options: Self.options)
        #expect(try verifier.verify(token).claims.issuer == "joe")
    }

    @Test("A.3 ES256 with the JWK from the RFC")
    func es256() throws {
        let jwk = #"""
            {"kty":"EC","crv":"P-256",
             "x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
             "y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}
            """#
        let key = try WebhookPublicKey(jwk: Array(jwk.utf8))
        #expect(key.type == .ec(.p256))
        let token =
            "eyJhbGciOiJFUzI1NiJ9." + Self.payloadSegment + "."
            + "DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q"
        let verifier = JWTVerifier(keys: JWTKeySet([try .publicKey(key)]), options: Self.options)
        #expect(try verifier.verify(token).claims.issuer == "joe")
        #expect(try verifier.verify(Array(token.utf8)).claims.expiresAt == 1_300_819_380)
        #expect(try verifier.verify(UnverifiedJWT(token)).claims.issuer == "joe")
    }
}

@Suite("JWT rejections")
struct JWTRejectionTests {
    static let secret = WebhookSecret(utf8: "a-long-enough-shared-secret-for-tests")
    static let now: Double = 1_700_000_000

    static func hmacVerifier(_ options: JWTValidationOptions = .init(clock: TestSupport.clock(now))) -> JWTVerifier {
        JWTVerifier(keys: JWTKeySet([try! .hmac(secret)]), options: options)
    }

    static func signed(_ payload: String, keyID: String? = nil) -> String {
        try! JWTSigner.hmac(secret).sign(payload: Array(payload.utf8), keyID: keyID)
    }

    static func code(_ verifier: JWTVerifier, _ token: String) -> WebhookError.Code? {
        TestSupport.errorCode { () throws(WebhookError) in try verifier.verify(token) }
    }

    @Test("alg none without a signature")
    func noneUnsigned() {
        let token = TestSupport.token(header: #"{"alg":"none"}"#, payload: #"{"sub":"x"}"#)
        #expect(token.hasSuffix("."))
        #expect(Self.code(Self.hmacVerifier(), token) == .unsupportedAlgorithm)
    }

    @Test("alg none with a signature segment")
    func noneSigned() {
        let token = TestSupport.token(header: #"{"alg":"none"}"#, payload: #"{"sub":"x"}"#, signature: [1, 2, 3])
        #expect(Self.code(Self.hmacVerifier(), token) == .unsupportedAlgorithm)
    }

    @Test("alg nOnE in any casing", arguments: ["nOnE", "NONE", "None"])
    func noneCasing(alg: String) {
        let token = TestSupport.token(header: #"{"alg":"\#(alg)"}"#, payload: "{}")
        #expect(Self.code(Self.hmacVerifier(), token) == .unsupportedAlgorithm)
    }

    @Test("unknown alg")
    func unknownAlgorithm() {
        let token = TestSupport.token(header: #"{"alg":"HS257"}"#, payload: "{}")
        #expect(Self.code(Self.hmacVerifier(), token) == .unsupportedAlgorithm)
    }

    @Test("HS256 signed with an RSA public key's PEM as the secret is rejected by that RSA key")
    func algorithmConfusion() throws {
        let rsa = try PrivateKey.generate(.rsa(modulusBits: 2048))
        let pem = rsa.publicKeyPEM()
        let forged = try JWTSigner.hmac(WebhookSecret(utf8: pem)).sign(payload: Array(#"{"sub":"admin"}"#.utf8))
        let verifier = JWTVerifier(keys: JWTKeySet([try .publicKey(rsa.publicKey)]))
        #expect(Self.code(verifier, forged) == .algorithmNotAllowed)
        // A public key can never be declared for HS*.
        #expect(throws: WebhookError(.algorithmNotAllowed, "")) {
            try JWTVerificationKey.publicKey(rsa.publicKey, algorithms: [.hs256])
        }
        #expect(throws: WebhookError(.algorithmNotAllowed, "")) {
            try rsa.publicKey.isValidSignature([UInt8](), for: [UInt8](), algorithm: .hs256)
        }
    }

    @Test("ES256 signature in DER form is rejected")
    func derSignature() throws {
        let key = try PrivateKey.generate(.ec(.p256))
        let token = try JWTSigner.privateKey(key, algorithm: .es256).sign(payload: Array("{}".utf8))
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        let raw = try Base64URL.decode(parts[2])
        #expect(raw.count == 64)
        let der = Self.der(r: Array(raw[0..<32]), s: Array(raw[32...]))
        let derToken = parts[0] + "." + parts[1] + "." + Base64URL.encode(der)
        let verifier = JWTVerifier(keys: JWTKeySet([try .publicKey(key.publicKey)]))
        #expect(throws: Never.self) { try verifier.verify(token) }
        #expect(Self.code(verifier, String(derToken)) == .signatureMismatch)
        #expect(
            try !key.publicKey.isValidSignature(der, for: Array((parts[0] + "." + parts[1]).utf8), algorithm: .es256)
        )
    }

    /// DER `ECDSA-Sig-Value` of two 32-byte integers (test helper).
    static func der(r: [UInt8], s: [UInt8]) -> [UInt8] {
        func integer(_ bytes: [UInt8]) -> [UInt8] {
            var value = Array(bytes.drop { $0 == 0 })
            if value.isEmpty { value = [0] }
            if value[0] & 0x80 != 0 { value.insert(0, at: 0) }
            return [0x02, UInt8(value.count)] + value
        }
        let body = integer(r) + integer(s)
        return [0x30, UInt8(body.count)] + body
    }

    @Test("ES256 token verified with a P-384 key is rejected")
    func wrongCurve() throws {
        let p256 = try PrivateKey.generate(.ec(.p256))
        let p384 = try PrivateKey.generate(.ec(.p384))
        let token = try JWTSigner.privateKey(p256, algorithm: .es256).sign(payload: Array("{}".utf8))
        let verifier = JWTVerifier(keys: JWTKeySet([try .publicKey(p384.publicKey)]))
        #expect(Self.code(verifier, token) == .algorithmNotAllowed)
        #expect(throws: WebhookError(.algorithmNotAllowed, "")) {
            try p384.publicKey.isValidSignature([UInt8](repeating: 1, count: 64), for: [UInt8](), algorithm: .es256)
        }
    }

    @Test("crit with any entry is rejected", arguments: [#"["exp"]"#, #"["b64"]"#, #"["x-vendor"]"#])
    func critical(list: String) throws {
        let header = #"{"alg":"HS256","crit":\#(list),"b64":false,"exp":1}"#
        let signingInput = Base64URL.encode(header.utf8) + "." + Base64URL.encode("{}".utf8)
        let mac = HMACAuthenticator(key: Self.secret, algorithm: .sha256).authenticationCode(
            for: Array(signingInput.utf8)
        )
        let token = signingInput + "." + Base64URL.encode(mac)
        #expect(Self.code(Self.hmacVerifier(), token) == .unknownCriticalHeader)
    }

    /// Decision: a segment that is not strict Base64URL is `.malformedToken` (not `.invalidEncoding`).
    @Test("bad Base64URL in a segment", arguments: ["=", "+", "/", " "])
    func badBase64URL(character: String) {
        let token = Self.signed(#"{"sub":"x"}"#)
        let parts = token.split(separator: ".").map(String.init)
        for index in 0..<3 {
            var mutated = parts
            mutated[index] += character
            #expect(Self.code(Self.hmacVerifier(), mutated.joined(separator: ".")) == .malformedToken)
        }
        // Padding on the signature segment.
        #expect(Self.code(Self.hmacVerifier(), token + "==") == .malformedToken)
    }

    @Test("two and four segments", arguments: ["a.b", "a.b.c.d", "", "...", "eyJhbGciOiJIUzI1NiJ9"])
    func segments(token: String) {
        #expect(Self.code(Self.hmacVerifier(), token) == .malformedToken)
    }

    @Test("header and claims must be JSON objects")
    func notObjects() {
        for (header, payload) in [
            ("[]", "{}"), (#"{"alg":"HS256"}"#, "[]"), (#"{"alg":"HS256"}"#, "{"), (#"{"alg":5}"#, "{}"), ("{}", "{}"),
            (#"{"alg":"HS256","alg":"HS256"}"#, "{}"), (#"{"alg":"HS256"}"#, #"{"exp":1,"exp":2}"#),
            (#"{"alg":"HS256"}"#, "{} x"),
        ] {
            let token = TestSupport.token(header: header, payload: payload, signature: [1])
            #expect(Self.code(Self.hmacVerifier(), token) == .malformedToken, "\(header) \(payload)")
        }
    }

    @Test("expired beyond the leeway; accepted within it")
    func expired() {
        let token = Self.signed(#"{"exp":\#(Int(Self.now) - 61)}"#)
        #expect(Self.code(Self.hmacVerifier(), token) == .expired)
        let within = Self.signed(#"{"exp":\#(Int(Self.now) - 59)}"#)
        #expect(Self.code(Self.hmacVerifier(), within) == nil)
        let decimal = Self.signed(#"{"exp":\#(Self.now - 60.5)}"#)
        #expect(Self.code(Self.hmacVerifier(), decimal) == .expired)
        let zeroLeeway = Self.hmacVerifier(.init(leeway: 0, clock: TestSupport.clock(Self.now)))
        #expect(Self.code(zeroLeeway, Self.signed(#"{"exp":\#(Int(Self.now))}"#)) == .expired)
    }

    @Test("nbf in the future beyond the leeway")
    func notYetValid() {
        #expect(Self.code(Self.hmacVerifier(), Self.signed(#"{"nbf":\#(Int(Self.now) + 61)}"#)) == .notYetValid)
        #expect(Self.code(Self.hmacVerifier(), Self.signed(#"{"nbf":\#(Int(Self.now) + 59)}"#)) == nil)
    }

    @Test("iat in the future beyond the leeway")
    func issuedInFuture() {
        #expect(Self.code(Self.hmacVerifier(), Self.signed(#"{"iat":\#(Int(Self.now) + 61)}"#)) == .issuedInFuture)
        #expect(Self.code(Self.hmacVerifier(), Self.signed(#"{"iat":\#(Int(Self.now) + 59)}"#)) == nil)
    }

    @Test("claims of the wrong JSON type")
    func invalidClaims() {
        for payload in [
            #"{"exp":"1"}"#, #"{"nbf":true}"#, #"{"iat":null}"#, #"{"iss":1}"#, #"{"sub":{}}"#, #"{"jti":[]}"#,
            #"{"aud":5}"#, #"{"aud":["a",1]}"#, #"{"exp":1e999}"#, #"{"sub":1.5}"#, #"{"sub":1e300}"#,
        ] {
            #expect(Self.code(Self.hmacVerifier(), Self.signed(payload)) == .invalidClaim, "\(payload)")
        }
    }

    @Test("JOSE member names are compared after unescaping, and must be valid UTF-8")
    func headerMemberNames() {
        func token(header: [UInt8], payload: String = "{}") -> String {
            let input = Base64URL.encode(header) + "." + Base64URL.encode(Array(payload.utf8))
            let mac = HMACAuthenticator(key: Self.secret, algorithm: .sha256).authenticationCode(for: Array(input.utf8))
            return input + "." + Base64URL.encode(mac)
        }
        #expect(Self.code(Self.hmacVerifier(), token(header: Array(#"{"\u0061lg":"HS256"}"#.utf8))) == nil)
        let twice = Array(#"{"alg":"HS256","\u0061lg":"HS256"}"#.utf8)
        #expect(Self.code(Self.hmacVerifier(), token(header: twice)) == .malformedToken)
        let badName: [UInt8] = Array(#"{"alg":"HS256",""#.utf8) + [0xFF] + Array(#"":1}"#.utf8)
        #expect(Self.code(Self.hmacVerifier(), token(header: badName)) == .malformedToken)
        let badValue: [UInt8] = Array(#"{"alg":"HS256","x":""#.utf8) + [0xC3] + Array(#""}"#.utf8)
        #expect(Self.code(Self.hmacVerifier(), token(header: badValue)) == .malformedToken)
        let control = Array("{\"alg\":\"HS256\",\"x\":\"\u{01}\"}".utf8)
        #expect(Self.code(Self.hmacVerifier(), token(header: control)) == .malformedToken)
        let claimTwice = token(header: Array(#"{"alg":"HS256"}"#.utf8), payload: #"{"exp":1,"e\u0078p":2}"#)
        #expect(Self.code(Self.hmacVerifier(), claimTwice) == .malformedToken, "a registered claim named twice")
    }

    @Test("stringClaim reads one string claim, and only a string")
    func stringClaim() throws {
        func read(_ payload: String, _ name: String = "qsh") throws(WebhookError) -> String? {
            try Self.hmacVerifier().verify(Self.signed(payload)).stringClaim(name)
        }
        #expect(try read(#"{"iss":"a","qsh":"abc","context":{"qsh":1}}"#) == "abc")
        #expect(try read(#"{"q\u0073h":"esc\u00e9"}"#) == "escé", "names and values are unescaped")
        #expect(try read(#"{"iss":"a"}"#) == nil, "absent")
        #expect(try read(#"{"qsh":null}"#) == nil, "null counts as absent")
        #expect(try read(#"{"context":{"qsh":"nested"}}"#) == nil, "only top-level members count")
        #expect(try read(#"{"qsh":"x"}"#, "QSH") == nil, "names are matched exactly")
        for payload in [#"{"qsh":1}"#, #"{"qsh":true}"#, #"{"qsh":["a"]}"#, #"{"qsh":{"v":"a"}}"#] {
            #expect(TestSupport.errorCode { () throws(WebhookError) in try read(payload) } == .invalidClaim)
        }
        // A claim named twice is ambiguous. (The signer refuses such a payload, so the token is assembled here.)
        let input =
            Base64URL.encode(Array(#"{"alg":"HS256"}"#.utf8)) + "."
            + Base64URL.encode(Array(#"{"qsh":"a","qsh":"b"}"#.utf8))
        let mac = HMACAuthenticator(key: Self.secret, algorithm: .sha256).authenticationCode(for: Array(input.utf8))
        let twice = try Self.hmacVerifier().verify(input + "." + Base64URL.encode(mac))
        #expect(
            TestSupport.errorCode { () throws(WebhookError) in try twice.stringClaim("qsh") } == .malformedToken
        )
    }

    @Test("an integral numeric sub is read as its decimal text")
    func numericSubject() throws {
        let verified = try Self.hmacVerifier().verify(Self.signed(#"{"sub":3450167}"#))
        #expect(verified.claims.subject == "3450167")
    }

    @Test("wrong iss")
    func issuerMismatch() {
        let verifier = Self.hmacVerifier(.init(issuers: ["good"], clock: TestSupport.clock(Self.now)))
        #expect(Self.code(verifier, Self.signed(#"{"iss":"evil"}"#)) == .issuerMismatch)
        #expect(Self.code(verifier, Self.signed(#"{"sub":"x"}"#)) == .missingClaim)
        #expect(Self.code(verifier, Self.signed(#"{"iss":"good"}"#)) == nil)
    }

    @Test("wrong aud")
    func audienceMismatch() {
        let verifier = Self.hmacVerifier(.init(audiences: ["me", "also-me"], clock: TestSupport.clock(Self.now)))
        #expect(Self.code(verifier, Self.signed(#"{"aud":"you"}"#)) == .audienceMismatch)
        #expect(Self.code(verifier, Self.signed(#"{"aud":["you","them"]}"#)) == .audienceMismatch)
        #expect(Self.code(verifier, Self.signed(#"{"sub":"x"}"#)) == .missingClaim)
        #expect(Self.code(verifier, Self.signed(#"{"aud":["you","also-me"]}"#)) == nil)
        #expect(Self.code(verifier, Self.signed(#"{"aud":"me"}"#)) == nil)
    }

    @Test("missing required claim")
    func missingClaim() {
        let verifier = Self.hmacVerifier(.init(requiredClaims: [.exp, .sub], clock: TestSupport.clock(Self.now)))
        #expect(Self.code(verifier, Self.signed(#"{"sub":"x"}"#)) == .missingClaim)
        #expect(Self.code(verifier, Self.signed(#"{"sub":"x","exp":\#(Int(Self.now) + 10)}"#)) == nil)
    }

    @Test("unknown kid is rejected even though another key would verify")
    func unknownKeyID() throws {
        let verifier = JWTVerifier(
            keys: JWTKeySet([try .hmac(Self.secret, keyID: "k1")]),
            options: .init(clock: TestSupport.clock(Self.now))
        )
        #expect(Self.code(verifier, Self.signed("{}", keyID: "k2")) == .unknownKeyID)
        #expect(Self.code(verifier, Self.signed("{}", keyID: "k1")) == nil)
        // A kid that is canonically equivalent but not the same bytes is another kid (Kelvin sign vs K).
        let kelvin = JWTVerifier(
            keys: JWTKeySet([try .hmac(Self.secret, keyID: "K1")]),
            options: .init(clock: TestSupport.clock(Self.now))
        )
        #expect(Self.code(kelvin, Self.signed("{}", keyID: "\u{212A}1")) == .unknownKeyID)
    }

    @Test("a key configured without a kid is a candidate for a token that names one")
    func keyWithoutIDIsACandidate() throws {
        // A PEM pasted from a webhook policy has no kid; real tokens carry one.
        #expect(Self.code(Self.hmacVerifier(), Self.signed("{}", keyID: "k1")) == nil)
        // Beside keys with kids, the kid-less key is still tried: the token verifies with it.
        let mixed = JWTVerifier(
            keys: JWTKeySet([try .hmac(WebhookSecret(utf8: "another secret"), keyID: "k1"), try .hmac(Self.secret)]),
            options: .init(clock: TestSupport.clock(Self.now))
        )
        #expect(Self.code(mixed, Self.signed("{}", keyID: "k9")) == nil)
        // Without a kid-less key, an unknown kid stays an error.
        let onlyWithIDs = JWTVerifier(
            keys: JWTKeySet([try .hmac(WebhookSecret(utf8: "another secret"), keyID: "k1")]),
            options: .init(clock: TestSupport.clock(Self.now))
        )
        #expect(Self.code(onlyWithIDs, Self.signed("{}", keyID: "k9")) == .unknownKeyID)
    }

    @Test("iss and aud compare exact bytes (F6): canonically equivalent text is another value")
    func claimsCompareBytes() {
        let issuer = Self.hmacVerifier(.init(issuers: ["K-tenant"], clock: TestSupport.clock(Self.now)))
        #expect(Self.code(issuer, Self.signed(#"{"iss":"\u212A-tenant"}"#)) == .issuerMismatch)
        #expect(Self.code(issuer, Self.signed(#"{"iss":"K-tenant"}"#)) == nil)
        let audience = Self.hmacVerifier(.init(audiences: ["caf\u{E9}"], clock: TestSupport.clock(Self.now)))
        #expect(Self.code(audience, Self.signed(#"{"aud":"cafe\u0301"}"#)) == .audienceMismatch)
        #expect(Self.code(audience, Self.signed(#"{"aud":"caf\u00e9"}"#)) == nil)
    }

    @Test("token over the maximum size")
    func tooLarge() {
        let verifier = Self.hmacVerifier(.init(maximumTokenSize: 100, clock: TestSupport.clock(Self.now)))
        let token = Self.signed(#"{"sub":"\#(String(repeating: "x", count: 200))"}"#)
        #expect(Self.code(verifier, token) == .tokenTooLarge)
        // Size is checked before any parsing: garbage over the limit is also tooLarge.
        #expect(Self.code(verifier, String(repeating: "!", count: 101)) == .tokenTooLarge)
        #expect(throws: WebhookError(.tokenTooLarge, "")) { try UnverifiedJWT(token, maximumSize: 100) }
        #expect(throws: WebhookError(.tokenTooLarge, "")) { try verifier.verify(UnverifiedJWT(token)) }
    }

    @Test("tampered payload")
    func tampered() throws {
        let token = Self.signed(#"{"sub":"user"}"#)
        let parts = token.split(separator: ".").map(String.init)
        let forged = parts[0] + "." + Base64URL.encode(#"{"sub":"admin"}"#.utf8) + "." + parts[2]
        #expect(Self.code(Self.hmacVerifier(), forged) == .signatureMismatch)
        // Claims of the wrong type are reported only after the signature.
        let forgedClaims = parts[0] + "." + Base64URL.encode(#"{"exp":"soon"}"#.utf8) + "." + parts[2]
        #expect(Self.code(Self.hmacVerifier(), forgedClaims) == .signatureMismatch)
    }

    @Test("RSA key under 2048 bits")
    func smallRSAKey() {
        #expect(throws: WebhookError(.invalidKey, "")) { try WebhookPublicKey(pem: TestKeys.rsa1024PublicKeyPEM) }
        #expect(throws: WebhookError(.invalidKey, "")) { try PrivateKey.generate(.rsa(modulusBits: 1024)) }
    }

    @Test("errors never echo the token or the secret")
    func errorsDoNotEcho() {
        let secretText = "a-long-enough-shared-secret-for-tests"
        let tokens = [
            Self.signed(#"{"exp":1}"#), Self.signed(#"{"exp":1}"#, keyID: "unknown-kid-value"),
            TestSupport.token(header: #"{"alg":"none"}"#, payload: "{}"),
            Self.signed(#"{"sub":"x"}"#) + "x",
        ]
        for token in tokens {
            do {
                _ = try Self.hmacVerifier().verify(token)
                Issue.record("expected a rejection")
            } catch {
                #expect(!error.reason.contains(token))
                #expect(!error.description.contains(token))
                #expect(!error.reason.contains(secretText))
                for segment in token.split(separator: ".") where segment.count > 8 {
                    #expect(!error.reason.contains(segment))
                }
            }
        }
    }
}

@Suite("JWT round trips and key sets")
struct JWTRoundTripTests {
    static let algorithms: [JWSAlgorithm] = [
        .hs256, .hs384, .hs512, .rs256, .rs384, .rs512, .ps256, .ps384, .ps512, .es256, .es384, .es512,
    ]

    static let rsaKey = Result { try PrivateKey.generate(.rsa(modulusBits: 2048)) }

    @Test("sign and verify", arguments: algorithms)
    func roundTrip(algorithm: JWSAlgorithm) throws {
        let payload = Array(#"{"iss":"me","sub":"you","aud":["x"],"data":{"n":1}}"#.utf8)
        let signer: JWTSigner
        let key: JWTVerificationKey
        switch algorithm {
        case .hs256, .hs384, .hs512:
            let secret = WebhookSecret(utf8: "round-trip-secret")
            signer = try .hmac(secret, algorithm: algorithm)
            key = try .hmac(secret, algorithms: [algorithm], keyID: "kid-1")
        case .es256, .es384, .es512:
            let curve: ECCurve = algorithm == .es256 ? .p256 : algorithm == .es384 ? .p384 : .p521
            let privateKey = try PrivateKey.generate(.ec(curve))
            #expect(privateKey.type == .ec(curve))
            signer = try .privateKey(privateKey, algorithm: algorithm)
            key = try .publicKey(WebhookPublicKey(pem: privateKey.publicKeyPEM()), keyID: "kid-1")
            #expect(key.algorithms == [algorithm])
        default:
            let privateKey = try Self.rsaKey.get()
            signer = try .privateKey(privateKey, algorithm: algorithm)
            key = try .publicKey(privateKey.publicKey, keyID: "kid-1")
        }
        let token = try signer.sign(payload: payload, keyID: "kid-1")
        let verifier = JWTVerifier(keys: JWTKeySet([key]))
        let verified = try verifier.verify(token)
        #expect(verified.payload == payload)
        #expect(verified.header.algorithm == algorithm.rawValue)
        #expect(verified.header.keyID == "kid-1")
        #expect(verified.header.type == "JWT")
        #expect(verified.claims == JWTClaims(issuer: "me", subject: "you", audience: ["x"]))
        let unverified = try UnverifiedJWT(token)
        #expect(unverified.claims.issuer == "me")
        #expect(unverified.payload == payload)
    }

    @Test("private key PEM round trips, traditional forms are read")
    func privateKeyPEM() throws {
        let generated = try PrivateKey.generate(.ec(.p384))
        let reread = try PrivateKey(pem: generated.pem())
        #expect(reread.publicKeyPEM() == generated.publicKeyPEM())
        #expect(generated.pem().hasPrefix("-----BEGIN PRIVATE KEY-----\n"))

        let rsa = try PrivateKey(pem: TestKeys.rsa2048TraditionalPrivateKeyPEM)
        #expect(rsa.type == .rsa(modulusBits: 2048))
        #expect(
            try rsa.publicKey.derRepresentation()
                == WebhookPublicKey(pem: TestKeys.rsa2048PublicKeyPEM).derRepresentation()
        )
        #expect(
            try WebhookPublicKey(pem: TestKeys.rsa2048PKCS1PublicKeyPEM).derRepresentation()
                == rsa.publicKey.derRepresentation()
        )
        let ec = try PrivateKey(pem: TestKeys.p256TraditionalPrivateKeyPEM)
        #expect(ec.publicKeyPEM() == TestKeys.p256PublicKeyPEM + "\n")
        let signature = try ec.signature(for: Array("m".utf8), algorithm: .es256)
        #expect(signature.count == 64)
        #expect(
            try WebhookPublicKey(pem: TestKeys.p256PublicKeyPEM).isValidSignature(
                signature,
                for: Array("m".utf8),
                algorithm: .es256
            )
        )
    }

    @Test("bad key input is invalidKey")
    func badKeys() {
        for pem in [
            "", "-----BEGIN PUBLIC KEY-----\n!!\n-----END PUBLIC KEY-----\n", "-----BEGIN PUBLIC KEY-----\nAAAA",
        ] {
            #expect(throws: WebhookError(.invalidKey, "")) { try WebhookPublicKey(pem: pem) }
        }
        #expect(throws: WebhookError(.invalidKey, "")) { try WebhookPublicKey(der: [0x30, 0x00]) }
        #expect(throws: WebhookError(.invalidKey, "")) { try PrivateKey(pem: TestKeys.p256PublicKeyPEM) }
        for jwk in [
            #"{"kty":"oct","k":"AAAA"}"#, #"{"kty":"EC","crv":"P-256","x":"AAAA","y":"AAAA"}"#,
            #"{"kty":"EC","crv":"secp256k1","x":"AAAA","y":"AAAA"}"#, #"{"kty":"RSA","n":"AQAB"}"#, "[]", "{",
        ] {
            #expect(throws: WebhookError(.invalidKey, "")) { try WebhookPublicKey(jwk: Array(jwk.utf8)) }
        }
        // A point not on the curve.
        let offCurve =
            #"{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a1"}"#
        #expect(throws: WebhookError(.invalidKey, "")) { try WebhookPublicKey(jwk: Array(offCurve.utf8)) }
        #expect(throws: WebhookError(.invalidKey, "")) { try JWTVerificationKey.hmac(WebhookSecret([UInt8]())) }
        #expect(throws: WebhookError(.algorithmNotAllowed, "")) {
            try JWTVerificationKey.hmac(WebhookSecret(utf8: "s"), algorithms: [.rs256])
        }
        #expect(throws: WebhookError(.algorithmNotAllowed, "")) {
            try JWTSigner.hmac(WebhookSecret(utf8: "s"), algorithm: .es256)
        }
    }

    @Test("key rotation: a token signed with the second secret verifies")
    func rotation() throws {
        let old = WebhookSecret(utf8: "old-secret")
        let new = WebhookSecret(utf8: "new-secret")
        let verifier = JWTVerifier(keys: JWTKeySet([try .hmac(old), try .hmac(new)]))
        let token = try JWTSigner.hmac(new).sign(payload: Array(#"{"sub":"x"}"#.utf8))
        #expect(try verifier.verify(token).claims.subject == "x")
        let stranger = try JWTSigner.hmac(WebhookSecret(utf8: "other")).sign(payload: Array("{}".utf8))
        #expect(throws: WebhookError(.signatureMismatch, "")) { try verifier.verify(stranger) }
        // Only HS256 allowed: an HS512 token finds no key that allows it.
        let narrow = JWTVerifier(keys: JWTKeySet([try .hmac(new, algorithms: [.hs256])]))
        let hs512 = try JWTSigner.hmac(new, algorithm: .hs512).sign(payload: Array("{}".utf8))
        #expect(throws: WebhookError(.algorithmNotAllowed, "")) { try narrow.verify(hs512) }
    }

    @Test("JWKS with two keys selects by kid; skips unusable entries")
    func jwks() throws {
        let first = try PrivateKey.generate(.ec(.p256))
        let second = try Self.rsaKey.get()
        func jwk(_ key: PrivateKey, kid: String, extra: String = "") throws -> String {
            let der = key.publicKey.derRepresentation()
            switch key.type {
            case .ec:
                // The last 65 bytes of a P-256 SPKI are 04 || x || y.
                let point = Array(der.suffix(65))
                return
                    #"{"kty":"EC","crv":"P-256","kid":"\#(kid)","x":"\#(Base64URL.encode(point[1...32]))","y":"\#(Base64URL.encode(point[33...]))"\#(extra)}"#
            case .rsa:
                // n and e from the SPKI: parse just enough of the fixed 2048-bit layout.
                let modulus = Array(der[33..<(33 + 256)])
                return
                    #"{"kty":"RSA","kid":"\#(kid)","n":"\#(Base64URL.encode(modulus))","e":"AQAB","use":"sig","alg":"RS256"\#(extra)}"#
            }
        }
        let document = """
            {"keys":[
              \(try jwk(first, kid: "ec-1")),
              \(try jwk(second, kid: "rsa-1")),
              {"kty":"RSA","kid":"enc","use":"enc","n":"AQAB","e":"AQAB"},
              {"kty":"OKP","crv":"Ed25519","kid":"ed","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"},
              {"kty":"EC","crv":"P-256K","kid":"k1","x":"AA","y":"AA"}
            ]}
            """
        let set = try JWTKeySet(jwks: Array(document.utf8))
        #expect(set.keys.map(\.keyID) == ["ec-1", "rsa-1"])
        #expect(set.keys[1].algorithms == [.rs256])
        let verifier = JWTVerifier(keys: set)
        let ecToken = try JWTSigner.privateKey(first, algorithm: .es256).sign(payload: Array("{}".utf8), keyID: "ec-1")
        let rsaToken = try JWTSigner.privateKey(second, algorithm: .rs256).sign(
            payload: Array("{}".utf8),
            keyID: "rsa-1"
        )
        #expect(throws: Never.self) { try verifier.verify(ecToken) }
        #expect(throws: Never.self) { try verifier.verify(rsaToken) }
        // RS256 key from the JWKS with "alg":"RS256" does not allow PS256.
        let psToken = try JWTSigner.privateKey(second, algorithm: .ps256).sign(
            payload: Array("{}".utf8),
            keyID: "rsa-1"
        )
        #expect(throws: WebhookError(.algorithmNotAllowed, "")) { try verifier.verify(psToken) }
        // The right key, the wrong kid.
        let wrongKid = try JWTSigner.privateKey(first, algorithm: .es256).sign(
            payload: Array("{}".utf8),
            keyID: "rsa-1"
        )
        #expect(throws: WebhookError(.algorithmNotAllowed, "")) { try verifier.verify(wrongKid) }
        #expect(throws: WebhookError(.invalidKey, "")) { try JWTKeySet(jwks: Array("{}".utf8)) }
        #expect(throws: WebhookError(.invalidKey, "")) { try JWTKeySet(jwks: Array("nope".utf8)) }
    }

    @Test("one verifier used from many tasks at once")
    func concurrentVerification() async throws {
        let secret = WebhookSecret(utf8: "concurrent-secret")
        let ecKey = try PrivateKey.generate(.ec(.p256))
        let verifier = JWTVerifier(keys: JWTKeySet([try .hmac(secret), try .publicKey(ecKey.publicKey)]))
        let hmacSigner = try JWTSigner.hmac(secret)
        let ecSigner = try JWTSigner.privateKey(ecKey, algorithm: .es256)
        var tokens: [(String, String?)] = []
        for index in 0..<32 {
            let payload = Array(#"{"sub":"user-\#(index)"}"#.utf8)
            let signer = index.isMultiple(of: 2) ? hmacSigner : ecSigner
            let token = try signer.sign(payload: payload)
            tokens.append((token, "user-\(index)"))
            tokens.append((String(token.dropLast(2)) + (token.hasSuffix("AA") ? "BA" : "AA"), nil))
        }
        let allTokens = tokens
        let failures = await withTaskGroup(of: Int.self) { group in
            for task in 0..<8 {
                group.addTask {
                    var failures = 0
                    for round in 0..<50 {
                        let (token, subject) = allTokens[(task * 13 + round) % allTokens.count]
                        let result = try? verifier.verify(token)
                        if result?.claims.subject != subject { failures += 1 }
                    }
                    return failures
                }
            }
            return await group.reduce(0, +)
        }
        #expect(failures == 0)
    }
}
