import Foundation
import PropertyBased
import Testing
import WebhookCore
import WebhookCrypto
import WebhookKit
import WebhookTesting

/// Property-based tests (x-sheep/swift-property-based): whatever is signed verifies, and changing any one byte of
/// what a signature covers, or of the signature, is rejected.
@Suite("Properties: sign, verify, change one byte")
struct PropertyTests {
    static let now: Double = 1_760_000_000
    static let signer = WebhookTestSigner(clock: { PropertyTests.now })

    /// Up to 32 random bytes, put into each signed body so that no two cases sign the same bytes.
    static let filler = Gen<UInt8>.value(in: 0...255).array(of: 0...32)
    /// Which byte to change (taken modulo the length) and the non-zero mask it is XORed with.
    static let position = Gen.int(in: 0...1_000_000)
    static let mask = Gen<UInt8>.value(in: 1...255)

    /// A vendor's sample with one more member holding `filler` as hex (unknown members never break decoding).
    static func body(_ sample: WebhookSample, filler: [UInt8]) -> [UInt8] {
        var text = sample.text
        guard let brace = text.firstIndex(of: "{") else { return sample.body }
        text.insert(contentsOf: #""zz_property":"\#(Hex.encode(filler))","#, at: text.index(after: brace))
        return Array(text.utf8)
    }

    /// The vendor's samples, and a generator of an index into them.
    static func samples(_ vendor: WebhookVendor) -> ([WebhookSample], Generator<Int, Shrink.Integer<Int>>) {
        let samples = WebhookSamples.all(for: vendor)
        return (samples, Gen.int(in: 0...(samples.count - 1)))
    }

    /// Signs sample `index` of the vendor with `filler` in its body.
    static func signed(_ vendor: WebhookVendor, _ index: Int, _ filler: [UInt8]) throws -> WebhookRequest {
        let sample = WebhookSamples.all(for: vendor)[index]
        return try signer.sign(body(sample, filler: filler), for: vendor, event: sample.eventName)
    }

    /// `text` with the byte at `position` (modulo the count, from `start`) XORed with `mask`.
    static func changing(_ text: String, from start: Int = 0, at position: Int, mask: UInt8) -> String {
        var bytes = Array(text.utf8)
        bytes[start + position % (bytes.count - start)] ^= mask
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Vendors

    @Test(
        "every vendor: a signed sample with any extra member verifies into its event",
        arguments: [WebhookVendor.hipChat, .confluence, .rService, .apiTree]
    )
    func signThenVerify(vendor: WebhookVendor) async throws {
        let receiver = try Self.signer.receiver()
        let (samples, index) = Self.samples(vendor)
        await propertyCheck(count: 40, input: index, Self.filler) { index, filler in
            let request = try Self.signed(vendor, index, filler)
            let verified = try await receiver.verify(request, from: vendor)
            #expect(verified.eventName == samples[index].eventName)
        }
    }

    @Test(
        "Confluence HMAC, ApiTree, R-Service: any one changed byte of the body is rejected",
        arguments: [WebhookVendor.confluence, .apiTree, .rService]
    )
    func changedBodyByte(vendor: WebhookVendor) async throws {
        let receiver = try Self.signer.receiver()
        let (_, index) = Self.samples(vendor)
        await propertyCheck(count: 60, input: index, Self.filler, Self.position, Self.mask) {
            index,
            filler,
            position,
            mask in
            var request = try Self.signed(vendor, index, filler)
            request.body[position % request.body.count] ^= mask
            await #expect(throws: WebhookError.self) { try await receiver.verify(request, from: vendor) }
        }
    }

    @Test(
        "Confluence HMAC, ApiTree: any one changed byte of the signature is rejected",
        arguments: [("X-Hub-Signature", WebhookVendor.confluence), ("X-ApiTree-Signature", .apiTree)]
    )
    func changedSignatureByte(header: String, vendor: WebhookVendor) async throws {
        let receiver = try Self.signer.receiver()
        let (_, index) = Self.samples(vendor)
        await propertyCheck(count: 60, input: index, Self.filler, Self.position, Self.mask) {
            index,
            filler,
            position,
            mask in
            var request = try Self.signed(vendor, index, filler)
            let value = try #require(request.headers[header])
            // Confluence: only the hex digits after `sha256=`; hex of either case is the same signature.
            let start = vendor == .confluence ? try #require(value.firstIndex(of: "=")).utf16Offset(in: value) + 1 : 0
            let changed = Self.changing(value, from: start, at: position, mask: mask)
            if vendor == .confluence, changed.lowercased() == value.lowercased() { return }
            request.headers = WebhookHeaders(
                request.headers.map { $0.name == header ? .init(name: header, value: changed) : $0 }
            )
            await #expect(throws: WebhookError.self) { try await receiver.verify(request, from: vendor) }
        }
    }

    @Test("HipChat: any one changed byte of the token is rejected (its signature does not cover the body)")
    func changedHipChatTokenByte() async throws {
        let receiver = try Self.signer.receiver()
        let (_, index) = Self.samples(.hipChat)
        await propertyCheck(count: 60, input: index, Self.filler, Self.position, Self.mask) {
            index,
            filler,
            position,
            mask in
            var request = try Self.signed(.hipChat, index, filler)
            let value = try #require(request.headers["Authorization"])
            #expect(value.hasPrefix("JWT "))
            let changed = Self.changing(value, from: 4, at: position, mask: mask)
            request.headers = WebhookHeaders(
                request.headers.map { $0.name == "Authorization" ? .init(name: $0.name, value: changed) : $0 }
            )
            await #expect(throws: WebhookError.self) { try await receiver.verify(request, from: .hipChat) }
        }
    }

    // MARK: JWT algorithms

    static let rsaKey = try! PrivateKey.generate(.rsa(modulusBits: 2048))
    static let ecKey = try! PrivateKey.generate(.ec(.p256))

    /// A signer and the verifier that accepts what it signs, for HS256, RS256 and ES256.
    static func pair(_ algorithm: JWSAlgorithm) throws -> (JWTSigner, JWTVerifier) {
        let options = JWTValidationOptions(clock: { PropertyTests.now })
        switch algorithm {
        case .hs256:
            let secret = WebhookSecret(utf8: "property-test-secret")
            return (
                try .hmac(secret, algorithm: .hs256),
                JWTVerifier(keys: JWTKeySet([try .hmac(secret, algorithms: [.hs256])]), options: options)
            )
        case .rs256:
            return (
                try .privateKey(rsaKey, algorithm: .rs256),
                JWTVerifier(keys: JWTKeySet([try .publicKey(rsaKey.publicKey, algorithms: [.rs256])]), options: options)
            )
        default:
            return (
                try .privateKey(ecKey, algorithm: .es256),
                JWTVerifier(keys: JWTKeySet([try .publicKey(ecKey.publicKey, algorithms: [.es256])]), options: options)
            )
        }
    }

    /// Claims valid at ``now`` with `filler` as the subject.
    static func claims(_ filler: [UInt8]) -> [UInt8] {
        let now = Int(now)
        return Array(#"{"iss":"property","sub":"\#(Hex.encode(filler))","iat":\#(now),"exp":\#(now + 300)}"#.utf8)
    }

    @Test(
        "HS256, RS256, ES256: sign then verify; any one changed byte of the token is rejected",
        arguments: [JWSAlgorithm.hs256, .rs256, .es256]
    )
    func jwtRoundTripAndChangedByte(algorithm: JWSAlgorithm) async throws {
        let (signer, verifier) = try Self.pair(algorithm)
        await propertyCheck(count: 60, input: Self.filler, Self.position, Self.mask) { filler, position, mask in
            let payload = Self.claims(filler)
            let token = try signer.sign(payload: payload)
            let verified = try verifier.verify(token)
            #expect(verified.payload == payload)
            #expect(verified.header.algorithm == algorithm.rawValue)
            let changed = Self.changing(token, at: position, mask: mask)
            #expect(throws: WebhookError.self) { try verifier.verify(changed) }
        }
    }
}
