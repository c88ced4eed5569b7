import Foundation
import Testing
import WebhookCore
import WebhookCrypto

/// Finding F4: an RSA key with e = 1 makes every value its own signature. Even exponents and e < 3 are refused when
/// the key is read, whatever its form.
@Suite("RSA public exponents")
struct RSAExponentTests {
    /// The modulus of `TestKeys.rsa2048PublicKeyPEM` (2048 bits), printed with `openssl rsa -pubin -noout -modulus`.
    static let modulus = TestSupport.hex(
        "9C5D6412238D419D063FAAD17A2696DA3B5B1A555D0636903201ED2D96D624C1B7BBFF46E937A3F4C0671CEE1636C489"
            + "B4B585B8AE4285F678BCFB0C10312F366BB3046C5333BB0F62A967F6D5626E3E9FE6230E39DAF0337C2927CE4EF2294A"
            + "0CF053E050A9C83CA77A06E99973F911B6A061C574978953F0D8D2FA2EC88A7872AD4187275DD11B883487258DCC0AB0"
            + "821B9E23E9C5ED2F8A959FB6943522C5A2E80C678D2DB1D564907B3569884E206B318FC2729C67CC9B28F5EBC4685AEA"
            + "AE319CD97A74E7094A9FFCE321D2B728F25521A782504161ADFE2C0CDBEB57737B08B7736B8461F8572559E65A6598AE"
            + "46113ACEFF7F0F83E44A256C1C199243"
    )

    static let rejected: [UInt64] = [1, 2, 4, 65_536]
    static let accepted: [UInt64] = [3, 65_537]

    /// The exponent as big-endian bytes without leading zeros.
    static func bytes(_ exponent: UInt64) -> [UInt8] {
        var bytes = withUnsafeBytes(of: exponent.bigEndian, Array.init)
        while bytes.count > 1 && bytes[0] == 0 { bytes.removeFirst() }
        return bytes
    }

    /// A DER tag-length-value.
    static func der(_ tag: UInt8, _ content: [UInt8]) -> [UInt8] {
        let count = content.count
        let length: [UInt8] =
            count < 0x80
            ? [UInt8(count)]
            : count < 0x100 ? [0x81, UInt8(count)] : [0x82, UInt8(count >> 8), UInt8(count & 0xFF)]
        return [tag] + length + content
    }

    /// A non-negative DER INTEGER.
    static func integer(_ magnitude: [UInt8]) -> [UInt8] {
        var content = Array(magnitude.drop { $0 == 0 })
        if content.isEmpty || content[0] & 0x80 != 0 { content.insert(0, at: 0) }
        return der(0x02, content)
    }

    /// PKCS#1 `RSAPublicKey`.
    static func pkcs1(exponent: UInt64) -> [UInt8] {
        der(0x30, integer(modulus) + integer(bytes(exponent)))
    }

    /// SubjectPublicKeyInfo with the `rsaEncryption` algorithm identifier.
    static func subjectPublicKeyInfo(exponent: UInt64) -> [UInt8] {
        let rsaEncryption: [UInt8] = [0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01, 0x05, 0x00]
        return der(0x30, der(0x30, rsaEncryption) + der(0x03, [0] + pkcs1(exponent: exponent)))
    }

    static func pem(_ der: [UInt8], label: String) -> String {
        "-----BEGIN \(label)-----\n" + Data(der).base64EncodedString(options: .lineLength64Characters)
            + "\n-----END \(label)-----\n"
    }

    static func jwk(exponent: UInt64) -> [UInt8] {
        Array(#"{"kty":"RSA","n":"\#(Base64URL.encode(modulus))","e":"\#(Base64URL.encode(bytes(exponent)))"}"#.utf8)
    }

    /// Every way of reading the key with this exponent, each with the error code it gave (nil: read).
    static func loadCodes(exponent: UInt64) -> [(form: String, code: WebhookError.Code?)] {
        let spki = subjectPublicKeyInfo(exponent: exponent)
        let pkcs1 = pkcs1(exponent: exponent)
        return [
            ("DER", TestSupport.errorCode { () throws(WebhookError) in try WebhookPublicKey(der: spki) }),
            (
                "PEM PUBLIC KEY",
                TestSupport.errorCode { () throws(WebhookError) in
                    try WebhookPublicKey(pem: pem(spki, label: "PUBLIC KEY"))
                }
            ),
            (
                "PEM RSA PUBLIC KEY",
                TestSupport.errorCode { () throws(WebhookError) in
                    try WebhookPublicKey(pem: pem(pkcs1, label: "RSA PUBLIC KEY"))
                }
            ),
            (
                "JWK",
                TestSupport.errorCode { () throws(WebhookError) in try WebhookPublicKey(jwk: jwk(exponent: exponent)) }
            ),
        ]
    }

    @Test("the test's DER builder gives the fixed key's DER for e = 65537")
    func builderMatchesFixedKey() throws {
        let fixed = try WebhookPublicKey(pem: TestKeys.rsa2048PublicKeyPEM)
        #expect(fixed.derRepresentation() == Self.subjectPublicKeyInfo(exponent: 65_537))
    }

    @Test("e = 1, even e: invalidKey from DER, PEM and JWK", arguments: rejected)
    func rejectedExponents(exponent: UInt64) {
        for (form, code) in Self.loadCodes(exponent: exponent) {
            #expect(code == .invalidKey, "e = \(exponent) from \(form)")
        }
    }

    @Test("e = 3 and e = 65537 are read from DER, PEM and JWK", arguments: accepted)
    func acceptedExponents(exponent: UInt64) throws {
        for (form, code) in Self.loadCodes(exponent: exponent) {
            #expect(code == nil, "e = \(exponent) from \(form)")
        }
        #expect(try WebhookPublicKey(jwk: Self.jwk(exponent: exponent)).type == .rsa(modulusBits: 2048))
    }

    @Test("a JWKS skips an entry with e = 1 and keeps the good one")
    func jwksSkipsWeakExponent() throws {
        let weak = String(decoding: Self.jwk(exponent: 1), as: UTF8.self).dropLast() + #","kid":"weak"}"#
        let good = String(decoding: Self.jwk(exponent: 65_537), as: UTF8.self).dropLast() + #","kid":"good"}"#
        let set = try JWTKeySet(jwks: Array(#"{"keys":[\#(weak),\#(good)]}"#.utf8))
        #expect(set.keys.map(\.keyID) == ["good"])
    }
}

/// Finding F7: a clock that is not a finite time, or a leeway that is negative or not finite, must never make the
/// time checks pass.
@Suite("Clock and leeway")
struct ClockAndLeewayTests {
    static let secret = WebhookSecret(utf8: "a-long-enough-shared-secret-for-tests")
    static let now: Double = 1_700_000_000

    static func code(leeway: Double = 60, clock: Double, payload: String) -> WebhookError.Code? {
        let verifier = JWTVerifier(
            keys: JWTKeySet([try! .hmac(secret)]),
            options: JWTValidationOptions(leeway: leeway, clock: TestSupport.clock(clock))
        )
        let token = try! JWTSigner.hmac(secret).sign(payload: Array(payload.utf8))
        return TestSupport.errorCode { () throws(WebhookError) in try verifier.verify(token) }
    }

    static let expired = #"{"exp":\#(Int(now) - 3600)}"#
    static let current = #"{"exp":\#(Int(now) + 3600),"nbf":\#(Int(now) - 10),"iat":\#(Int(now) - 10)}"#

    @Test("the same tokens with a finite clock and leeway: expired, and accepted")
    func finiteBaseline() {
        #expect(Self.code(clock: Self.now, payload: Self.expired) == .expired)
        #expect(Self.code(clock: Self.now, payload: Self.current) == nil)
        #expect(Self.code(leeway: 0, clock: Self.now, payload: Self.current) == nil)
        #expect(Self.code(leeway: -0.0, clock: Self.now, payload: Self.current) == nil)
    }

    @Test("a clock that is NaN or infinite fails closed", arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteClock(clock: Double) {
        for payload in [Self.expired, Self.current, #"{"exp":\#(Int(Self.now) + 60)}"#, #"{"nbf":1}"#, "{}"] {
            #expect(Self.code(clock: clock, payload: payload) == .invalidConfiguration, "\(clock) \(payload)")
        }
    }

    @Test(
        "a leeway that is NaN, infinite or negative fails closed",
        arguments: [Double.nan, .infinity, -.infinity, -1]
    )
    func badLeeway(leeway: Double) {
        for payload in [Self.expired, Self.current, "{}"] {
            #expect(
                Self.code(leeway: leeway, clock: Self.now, payload: payload) == .invalidConfiguration,
                "\(leeway) \(payload)"
            )
        }
    }

    @Test("a bad leeway is reported before anything about the token")
    func badLeewayBeforeToken() {
        let verifier = JWTVerifier(keys: JWTKeySet([try! .hmac(Self.secret)]), options: .init(leeway: .nan))
        #expect(
            TestSupport.errorCode { () throws(WebhookError) in try verifier.verify("not a token") }
                == .invalidConfiguration
        )
    }
}
