import Foundation
import RServiceWebhooks
import Testing
import WebhookCore
import WebhookCrypto
import WebhookRegistry
import WebhookTesting

/// Keys, messages and helpers shared by the verifier tests.
enum TestSupport {
    static let account = "https://wdc.4me-staging.com"
    static let twinAccount = "https://wdc.xurrent-staging.com"
    static let audience = "integrations provided by wdc@4me-staging.com"
    /// 2026-01-01T00:00:00Z.
    static let now: Double = 1_767_225_600

    /// The committed fixture keys (`Fixtures/rservice/keys/`).
    static let rsa = fixturePrivateKey("rs256.pem")
    static let ec256 = fixturePrivateKey("es256.pem")
    static let unlistedRSA = fixturePrivateKey("unlisted-rs256.pem")
    /// Generated per run.
    static let ec384 = try! PrivateKey.generate(.ec(.p384))
    static let ec521 = try! PrivateKey.generate(.ec(.p521))
    static let otherEC256 = try! PrivateKey.generate(.ec(.p256))
    static let sharedSecret = WebhookSecret(utf8: "rservice-test-shared-secret-0123456789abcdef")

    static func fixturePrivateKey(_ name: String) -> PrivateKey {
        let text = String(decoding: try! Fixtures.bytes("keys/" + name), as: UTF8.self)
        return try! PrivateKey(pem: text)
    }

    static func fixturePublicKey(_ name: String) -> WebhookPublicKey {
        let text = String(decoding: try! Fixtures.bytes("keys/" + name), as: UTF8.self)
        return try! WebhookPublicKey(pem: text)
    }

    /// A message fixture's bytes.
    static func message(_ event: String = "request.note-added") -> [UInt8] {
        try! Fixtures.bytes("events/\(event).json")
    }

    /// A verifier with a fixed clock; the settings must be valid (see ``makeVerifier``).
    static func verifier(
        _ keys: RServiceSignatureVerifier.KeySource,
        issuer: String = account,
        audience: String? = nil,
        leeway: Duration = .seconds(60),
        maximumTokenAge: Duration? = .seconds(300),
        limits: WebhookLimits = .default,
        onVerificationRequest: RServiceSignatureVerifier.VerificationRequestHook? = nil,
        now: Double = now
    ) -> RServiceSignatureVerifier {
        try! RServiceSignatureVerifier(
            keys: keys,
            issuer: issuer,
            audience: audience,
            leeway: leeway,
            maximumTokenAge: maximumTokenAge,
            limits: limits,
            onVerificationRequest: onVerificationRequest,
            clock: { now }
        )
    }

    static func rsaKeys(algorithm: JWSAlgorithm? = nil) -> RServiceSignatureVerifier.KeySource {
        try! .publicKeys([rsa.publicKey], algorithm: algorithm)
    }

    static func signer(
        _ key: PrivateKey = rsa,
        _ algorithm: JWSAlgorithm = .rs256,
        issuer: String = account,
        audience: String? = nil,
        keyID: String? = nil
    ) -> RServiceRequestSigner {
        try! .privateKey(WebhookSigningKey(key), algorithm: algorithm, issuer: issuer, audience: audience, keyID: keyID)
    }

    /// A request whose body is `{"jwt":"<token>"}`.
    static func request(token: String) -> WebhookRequest {
        WebhookRequest(target: "/webhooks/rservice", body: Array(#"{"jwt":"\#(token)"}"#.utf8))
    }

    /// A request with a raw body.
    static func request(body: String) -> WebhookRequest {
        WebhookRequest(target: "/webhooks/rservice", body: Array(body.utf8))
    }

    /// The compact JWS in a signed request's body.
    static func token(of request: WebhookRequest) -> String {
        let body = String(decoding: request.body, as: UTF8.self)
        return String(body.dropFirst(#"{"jwt":""#.count).dropLast(2))
    }

    /// A token signed with any key over hand-written claims (for claims the signer would not produce).
    static func token(
        claims: String,
        key: PrivateKey = rsa,
        algorithm: JWSAlgorithm = .rs256,
        keyID: String? = nil
    ) -> String {
        // Signed by hand: `JWTSigner` refuses claims that are not a JSON object without duplicate members.
        var header = #"{"alg":"\#(algorithm.rawValue)","typ":"JWT""#
        if let keyID { header += #","kid":"\#(keyID)""# }
        header += "}"
        let signingInput = Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(claims.utf8))
        let signature = try! key.signature(for: Array(signingInput.utf8), algorithm: algorithm)
        return signingInput + "." + Base64URL.encode(signature)
    }

    /// Claims JSON around a message.
    static func claims(
        message: [UInt8] = message(),
        issuer: String? = account,
        jwtID: String? = "a1",
        extra: String = ""
    ) -> String {
        var text =
            #"{"data":"# + String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if let jwtID { text += #","jti":"\#(jwtID)""# }
        if let issuer { text += #","iss":"\#(issuer)""# }
        text += #","nbf":\#(Int(now)),"iat":\#(Int(now))"#
        return text + extra + "}"
    }

    /// The token with its claims segment replaced by `transform(claims)`, header and signature kept.
    static func tampered(_ token: String, _ transform: (String) -> String) -> String {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        let claims = String(decoding: try! Base64URL.decode(parts[1]), as: UTF8.self)
        let changed = transform(claims)
        precondition(changed != claims, "tampering changed nothing")
        return parts[0] + "." + Base64URL.encode(Array(changed.utf8)) + "." + parts[2]
    }

    /// The token with a new header (e.g. `alg` changed), claims and signature kept.
    static func withHeader(_ token: String, _ header: String, signature: String? = nil) -> String {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        return Base64URL.encode(Array(header.utf8)) + "." + parts[1] + "." + (signature ?? String(parts[2]))
    }

    /// Expects `verify` to fail with `code`, attributed to R-Service.
    static func expectRejection(
        _ code: WebhookError.Code,
        _ verifier: RServiceSignatureVerifier,
        _ request: WebhookRequest,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async {
        do {
            let verified = try await verifier.verify(request)
            Issue.record("expected \(code), but verified \(verified.eventName ?? "?")", sourceLocation: sourceLocation)
        } catch {
            #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
            #expect(error.vendor == .rService, sourceLocation: sourceLocation)
        }
    }

    /// The error of `verify`, or `nil` when it succeeds.
    static func error(_ verifier: RServiceSignatureVerifier, _ request: WebhookRequest) async -> WebhookError? {
        do {
            _ = try await verifier.verify(request)
            return nil
        } catch {
            return error
        }
    }
}

/// DER helpers for tests: JWKs from SubjectPublicKeyInfo, and JOSE raw ECDSA signatures as DER.
enum DER {
    /// Reads one TLV at `index`: (tag, content range).
    static func element(_ bytes: [UInt8], at index: Int) -> (tag: UInt8, content: Range<Int>) {
        let tag = bytes[index]
        var length = Int(bytes[index + 1])
        var start = index + 2
        if length & 0x80 != 0 {
            let count = length & 0x7F
            length = 0
            for offset in 0..<count {
                length = length << 8 | Int(bytes[start + offset])
            }
            start += count
        }
        return (tag, start..<(start + length))
    }

    /// The JWK JSON of a public key, with `kid` (and `alg`, `use` when given).
    static func jwk(_ key: WebhookPublicKey, keyID: String, algorithm: String? = nil, use: String? = "sig") -> String {
        let der = key.derRepresentation()
        let spki = element(der, at: 0)
        let algorithmIdentifier = element(der, at: spki.content.lowerBound)
        let bitString = element(der, at: algorithmIdentifier.content.upperBound)
        let keyBytes = Array(der[(bitString.content.lowerBound + 1)..<bitString.content.upperBound])
        var members: [String] = []
        switch key.type {
        case .rsa:
            let sequence = element(keyBytes, at: 0)
            let modulus = element(keyBytes, at: sequence.content.lowerBound)
            let exponent = element(keyBytes, at: modulus.content.upperBound)
            let n = Array(keyBytes[modulus.content].drop { $0 == 0 })
            let e = Array(keyBytes[exponent.content])
            members = [#""kty":"RSA""#, #""n":"\#(Base64URL.encode(n))""#, #""e":"\#(Base64URL.encode(e))""#]
        case .ec(let curve):
            let coordinates = keyBytes.dropFirst()
            let size = coordinates.count / 2
            let x = Array(coordinates.prefix(size))
            let y = Array(coordinates.suffix(size))
            members = [
                #""kty":"EC""#, #""crv":"\#(curve.description)""#,
                #""x":"\#(Base64URL.encode(x))""#, #""y":"\#(Base64URL.encode(y))""#,
            ]
        }
        members.append(#""kid":"\#(keyID)""#)
        if let algorithm { members.append(#""alg":"\#(algorithm)""#) }
        if let use { members.append(#""use":"\#(use)""#) }
        return "{" + members.joined(separator: ",") + "}"
    }

    /// A raw R‖S ECDSA signature re-encoded as DER (`SEQUENCE { INTEGER r, INTEGER s }`).
    static func ecdsaSignature(fromRaw raw: [UInt8]) -> [UInt8] {
        func integer(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
            var value = Array(bytes.drop { $0 == 0 })
            if value.isEmpty { value = [0] }
            if value[0] & 0x80 != 0 { value.insert(0, at: 0) }
            return [0x02] + length(value.count) + value
        }
        func length(_ count: Int) -> [UInt8] {
            count < 0x80 ? [UInt8(count)] : [0x81, UInt8(count)]
        }
        let half = raw.count / 2
        let content = integer(raw[..<half]) + integer(raw[half...])
        return [0x30] + length(content.count) + content
    }
}

/// A fake HTTP GET for discovery tests: serves fixed documents and counts calls.
final class FakeFetch: Sendable {
    private let documents: LockedValue<[String: [UInt8]]>
    private let calls = LockedValue<[String]>([])

    init(_ documents: [String: String]) {
        self.documents = LockedValue(documents.mapValues { Array($0.utf8) })
    }

    /// Replaces a document (a key rotation at the vendor).
    func set(_ url: String, _ text: String?) {
        documents.withLock { $0[url] = text.map { Array($0.utf8) } }
    }

    /// Every URL fetched, in order.
    var fetched: [String] { calls.withLock { $0 } }

    struct NotFound: Error {}

    var fetch: RServiceOpenIDDiscovery.Fetch {
        { url in
            self.calls.withLock { $0.append(url) }
            guard let bytes = self.documents.withLock({ $0[url] }) else { throw NotFound() }
            return bytes
        }
    }
}

/// A settable clock shared by closures.
final class TestClock: Sendable {
    private let value: LockedValue<Double>

    init(_ start: Double) {
        value = LockedValue(start)
    }

    var now: Double { value.withLock { $0 } }

    func advance(_ seconds: Double) {
        value.withLock { $0 += seconds }
    }
}
