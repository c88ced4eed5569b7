import ApiTreeWebhooks
import Foundation
import Testing
import WebhookCore
import WebhookCrypto
import WebhookRegistry
import WebhookTesting
import WebhookValues

/// Shared values and helpers for the ApiTree verifier tests.
enum ApiTreeTestSupport {
    static let secret = WebhookSecret(utf8: "s3cr3t-apitree")
    static let otherSecret = WebhookSecret(utf8: "another-secret")
    static let url = "https://hooks.example.org/apitree?tenant=7"
    static let body = Array(#"{"name":"api.created","timestamp":"2019-11-12T14:53:47+00:00"}"#.utf8)

    static func verifier(
        secrets: [WebhookSecret] = [secret],
        url: String = url,
        scheme: ApiTreeSignatureVerifier.Scheme = .default,
        limits: WebhookLimits = .default
    ) -> ApiTreeSignatureVerifier {
        // Valid settings only: the ones the initialiser refuses are tested with it directly.
        try! ApiTreeSignatureVerifier(secrets: secrets, webhookURL: url, scheme: scheme, limits: limits)
    }

    static func signed(
        _ body: [UInt8] = body,
        secret: WebhookSecret = secret,
        url: String = url,
        scheme: ApiTreeSignatureVerifier.Scheme = .default
    ) -> WebhookRequest {
        ApiTreeRequestSigner(secret: secret, webhookURL: url, scheme: scheme).sign(body: body)
    }

    /// The error a verification throws, or `nil` when it passes.
    static func rejection(_ verifier: ApiTreeSignatureVerifier, _ request: WebhookRequest) async -> WebhookError? {
        do {
            _ = try await verifier.verify(request)
            return nil
        } catch {
            return error
        }
    }

    /// The request with its signature header replaced.
    static func withSignature(_ value: String?, _ request: WebhookRequest = signed()) -> WebhookRequest {
        var request = request
        var headers = WebhookHeaders()
        for field in request.headers where field.name != ApiTreeSignatureVerifier.signatureHeader {
            headers.add(name: field.name, value: field.value)
        }
        if let value {
            headers.add(name: ApiTreeSignatureVerifier.signatureHeader, value: value)
        }
        request.headers = headers
        return request
    }
}

@Suite("ApiTree signature verifier")
struct ApiTreeVerifierTests {
    typealias Support = ApiTreeTestSupport

    // MARK: The sheet's test vectors (§2.6)

    struct Vector: Sendable, CustomStringConvertible {
        var scheme: ApiTreeSignatureVerifier.Scheme
        var signature: String
        var description: String {
            "\(scheme.layout) \(scheme.algorithm) \(scheme.encoding)"
        }
    }

    static let vectors: [Vector] = [
        Vector(scheme: .init(algorithm: .sha1, encoding: .base64), signature: "+/FI0wQZXTPyvz3MOMDt55P0Tlc="),
        Vector(scheme: .init(algorithm: .sha1, encoding: .hex), signature: "fbf148d304195d33f2bf3dcc38c0ede793f44e57"),
        Vector(
            scheme: .init(algorithm: .sha256, encoding: .base64),
            signature: "zLPpBY9ZraCrbwGowAiIElRuCN61mph7BuVQoRs3s0A="
        ),
        Vector(
            scheme: .init(algorithm: .sha256, encoding: .hex),
            signature: "ccb3e9058f59ada0ab6f01a8c0088812546e08deb59a987b06e550a11b37b340"
        ),
        Vector(
            scheme: .init(algorithm: .sha1, encoding: .base64, layout: .bodyOnly),
            signature: "oLvTeKr2aWBH/1u9NVk2YWMuEZY="
        ),
        Vector(
            scheme: .init(algorithm: .sha1, encoding: .hex, layout: .bodyOnly),
            signature: "a0bbd378aaf6696047ff5bbd35593661632e1196"
        ),
        Vector(
            scheme: .init(algorithm: .sha256, encoding: .base64, layout: .bodyOnly),
            signature: "UPA4eadsamAJAG+qeGH74RpRVP45Lw+3fQAz1ka/0ec="
        ),
        Vector(
            scheme: .init(algorithm: .sha256, encoding: .hex, layout: .bodyOnly),
            signature: "50f03879a76c6a6009006faa7861fbe11a5154fe392f0fb77d0033d646bfd1e7"
        ),
    ]

    static let vectorSecret = WebhookSecret(utf8: "test-secret")
    static let vectorURL = "https://example.com/apitree-hook"
    static let vectorBody = Array(#"{"name":"api.created","timestamp":"2019-11-12T14:53:47+00:00"}"#.utf8)

    @Test("the sheet's §2.6 vectors verify, and the signer reproduces them", arguments: vectors)
    func sheetVector(_ vector: Vector) async throws {
        let verifier = Support.verifier(secrets: [Self.vectorSecret], url: Self.vectorURL, scheme: vector.scheme)
        let request = Support.withSignature(vector.signature, WebhookRequest(target: "/hook", body: Self.vectorBody))
        let verified = try await verifier.verify(request)
        #expect(verified.eventName == "api.created")
        #expect(verified.body == Self.vectorBody)
        let signer = ApiTreeRequestSigner(secret: Self.vectorSecret, webhookURL: Self.vectorURL, scheme: vector.scheme)
        #expect(signer.signature(for: Self.vectorBody) == vector.signature)
    }

    @Test("each §2.6 vector is rejected by every other scheme", arguments: vectors)
    func vectorOnlyFitsItsScheme(_ vector: Vector) async {
        let request = Support.withSignature(vector.signature, WebhookRequest(target: "/hook", body: Self.vectorBody))
        for other in Self.vectors where other.scheme != vector.scheme {
            let verifier = Support.verifier(secrets: [Self.vectorSecret], url: Self.vectorURL, scheme: other.scheme)
            let error = await Support.rejection(verifier, request)
            #expect(error?.code == .signatureMismatch || error?.code == .malformedSignature, "\(other)")
        }
    }

    @Test("hex signatures are accepted in upper case")
    func upperCaseHex() async throws {
        let scheme = ApiTreeSignatureVerifier.Scheme(encoding: .hex)
        let verifier = Support.verifier(secrets: [Self.vectorSecret], url: Self.vectorURL, scheme: scheme)
        let request = Support.withSignature(
            "FBF148D304195D33F2BF3DCC38C0EDE793F44E57",
            WebhookRequest(target: "/hook", body: Self.vectorBody)
        )
        _ = try await verifier.verify(request)
    }

    // MARK: The published example's shape

    @Test("the published example decodes to a 20-byte MAC: the default scheme reads it, and rejects a 32-byte one")
    func publishedExampleShape() async throws {
        let example = "dlKtqg0PqTfBZrCLQjepMVrt/Gk="
        #expect(try Base64.decode(example).count == 20)
        let verifier = Support.verifier()
        // A 20-byte Base64 MAC is well-formed for the default scheme: it fails only on the MAC itself.
        #expect(await Support.rejection(verifier, Support.withSignature(example))?.code == .signatureMismatch)
        // A 32-byte MAC (what SHA-256 would give) is malformed for the default scheme.
        let sha256 = Support.signed(scheme: .init(algorithm: .sha256))
        let sha256Signature = try #require(sha256.headers[ApiTreeSignatureVerifier.signatureHeader])
        #expect(try Base64.decode(sha256Signature).count == 32)
        #expect(await Support.rejection(verifier, sha256)?.code == .malformedSignature)
    }

    @Test("the algorithm is fixed by configuration, never inferred from the signature's length")
    func algorithmIsConfigured() async throws {
        let sha256Verifier = Support.verifier(scheme: .init(algorithm: .sha256))
        // A correct SHA-1 signature is malformed for a SHA-256 verifier, and the reverse.
        #expect(await Support.rejection(sha256Verifier, Support.signed())?.code == .malformedSignature)
        _ = try await sha256Verifier.verify(Support.signed(scheme: .init(algorithm: .sha256)))
        #expect(
            await Support.rejection(Support.verifier(), Support.signed(scheme: .init(algorithm: .sha256)))?.code
                == .malformedSignature
        )
    }

    @Test("encoded lengths follow the configured algorithm and encoding")
    func encodedLengths() {
        #expect(ApiTreeSignatureVerifier.Scheme.default.encodedLength == 28)
        #expect(ApiTreeSignatureVerifier.Scheme(algorithm: .sha256).encodedLength == 44)
        #expect(ApiTreeSignatureVerifier.Scheme(encoding: .hex).encodedLength == 40)
        #expect(ApiTreeSignatureVerifier.Scheme(algorithm: .sha256, encoding: .hex).encodedLength == 64)
    }

    // MARK: Acceptance

    @Test("a delivery signed with the default scheme verifies and decodes")
    func valid() async throws {
        let verified = try await Support.verifier().verify(Support.signed())
        #expect(verified.vendor == .apiTree)
        #expect(verified.eventName == "api.created")
        #expect(verified.body == Support.body)
        #expect(verified.jwt == nil)
        #expect(verified.deliveryID == nil)
        guard case .apiCreated(let payload) = verified.event else {
            Issue.record("expected .apiCreated, got \(verified.event)")
            return
        }
        #expect(payload.timestamp.rawValue == "2019-11-12T14:53:47+00:00")
    }

    @Test("the signer builds a POST to the webhook URL with a JSON content type")
    func signerRequest() {
        let request = Support.signed()
        #expect(request.method == "POST")
        #expect(request.target == Support.url)
        #expect(request.headers["content-type"] == "application/json")
        #expect(request.headers["x-apitree-signature"]?.count == 28)
    }

    @Test("the configured URL is signed; the request's own URL and Host header are ignored")
    func configuredURLOnly() async throws {
        var request = Support.signed()
        request.target = "http://10.0.0.5:8080/internal/apitree"
        request.headers.add(name: "Host", value: "event-api.apitree.com")
        _ = try await Support.verifier().verify(request)
        // Signed for another URL: rejected, even when the request arrives at that URL.
        var elsewhere = Support.signed(url: "https://hooks.example.org/apitree")
        elsewhere.target = "https://hooks.example.org/apitree"
        #expect(await Support.rejection(Support.verifier(), elsewhere)?.code == .signatureMismatch)
    }

    @Test("surrounding spaces of the header value are ignored")
    func surroundingWhitespace() async throws {
        let signature = try #require(Support.signed().headers[ApiTreeSignatureVerifier.signatureHeader])
        _ = try await Support.verifier().verify(Support.withSignature("  \(signature)\t"))
    }

    @Test("the event name argument is used when the body has none")
    func eventNameArgument() async throws {
        let body = Array(#"{"timestamp":"2019-11-12T14:53:47+00:00"}"#.utf8)
        let verified = try await Support.verifier().verify(Support.signed(body), eventName: "api.deleted")
        #expect(verified.eventName == "api.deleted")
    }

    // MARK: Rejection

    @Test("a tampered body is rejected")
    func tamperedBody() async {
        var request = Support.signed()
        request.body = Array(#"{"name":"api.deleted","timestamp":"2019-11-12T14:53:47+00:00"}"#.utf8)
        let error = await Support.rejection(Support.verifier(), request)
        #expect(error?.code == .signatureMismatch)
        #expect(error?.vendor == .apiTree)
        #expect(error?.category == .authentication)
        // One byte more (a trailing newline) is a different message too.
        var newline = Support.signed()
        newline.body.append(UInt8(ascii: "\n"))
        #expect(await Support.rejection(Support.verifier(), newline)?.code == .signatureMismatch)
    }

    @Test("a signature made with another secret is rejected")
    func wrongSecret() async {
        let error = await Support.rejection(Support.verifier(), Support.signed(secret: Support.otherSecret))
        #expect(error?.code == .signatureMismatch)
    }

    @Test("a flipped bit anywhere in the MAC is rejected")
    func flippedBit() async throws {
        let signature = try #require(Support.signed().headers[ApiTreeSignatureVerifier.signatureHeader])
        let mac = try Base64.decode(signature)
        for index in mac.indices {
            var tampered = mac
            tampered[index] ^= 0x01
            let error = await Support.rejection(Support.verifier(), Support.withSignature(Base64.encode(tampered)))
            #expect(error?.code == .signatureMismatch, "byte \(index)")
        }
    }

    @Test("a missing or empty signature header is missing_signature")
    func missingSignature() async {
        #expect(await Support.rejection(Support.verifier(), Support.withSignature(nil))?.code == .missingSignature)
        #expect(await Support.rejection(Support.verifier(), Support.withSignature(""))?.code == .missingSignature)
        #expect(await Support.rejection(Support.verifier(), Support.withSignature("  "))?.code == .missingSignature)
    }

    @Test(
        "signatures that do not decode strictly to one MAC are malformed_signature",
        arguments: [
            "dlKtqg0PqTfBZrCLQjepMVrt/Gk",  // padding missing
            "dlKtqg0PqTfBZrCLQjepMVrt/Gk==",  // padding extra
            "dlKtqg0PqTfBZrCLQjepMVrt_Gk=",  // Base64URL alphabet
            "dlKtqg0PqTfBZr CLQjepMVrt/Gk=",  // inner space
            "dlKtqg0PqTfBZrCLQjepMVrt/Gl=",  // non-zero unused bits
            "7658adaa0d0fa937c1659ac8423 7a9315aedfc69",  // hex with a space
            "7658adaa0d0fa937c1659ac84237a9315aedfc69",  // hex in the Base64 scheme
            "sha1=dlKtqg0PqTfBZrCLQjepMVrt/Gk=",  // a prefix ApiTree does not send
            "dlKtqg0PqTfBZrCLQjepMVrt/Gk=dlKtqg0PqTfBZrCLQjepMVrt/Gk=",  // two values
            "ü",
        ]
    )
    func malformedBase64(_ signature: String) async {
        #expect(
            await Support.rejection(Support.verifier(), Support.withSignature(signature))?.code == .malformedSignature
        )
    }

    @Test("the hex scheme rejects Base64, odd lengths and non-hex digits as malformed_signature")
    func malformedHex() async {
        let verifier = Support.verifier(scheme: .init(encoding: .hex))
        for signature in [
            "dlKtqg0PqTfBZrCLQjepMVrt/Gk=", "7658adaa0d0fa937c1659ac84237a9315aedfc6",
            "7658adaa0d0fa937c1659ac84237a9315aedfcxz",
            "7658adaa0d0fa937c1659ac84237a9315aedfc6900",
        ] {
            #expect(await Support.rejection(verifier, Support.withSignature(signature))?.code == .malformedSignature)
        }
    }

    @Test("two signature headers are malformed_signature, even when one is right")
    func twoHeaders() async throws {
        var request = Support.signed()
        let signature = try #require(request.headers[ApiTreeSignatureVerifier.signatureHeader])
        request.headers.add(name: "x-apitree-signature", value: signature)
        #expect(await Support.rejection(Support.verifier(), request)?.code == .malformedSignature)
    }

    // MARK: Rotation

    @Test("several secrets: a delivery signed with any of them verifies")
    func rotation() async throws {
        let verifier = Support.verifier(secrets: [Support.otherSecret, Support.secret])
        _ = try await verifier.verify(Support.signed(secret: Support.secret))
        _ = try await verifier.verify(Support.signed(secret: Support.otherSecret))
        let third = Support.signed(secret: WebhookSecret(utf8: "retired-secret"))
        #expect(await Support.rejection(verifier, third)?.code == .signatureMismatch)
    }

    // MARK: Delivery key

    @Test("two copies of one delivery both verify and share the key apitree:sha256:<hex>")
    func sameDeliverySameKey() async throws {
        let verifier = Support.verifier()
        let request = Support.signed()
        let first = try await verifier.verify(request)
        let second = try await verifier.verify(request)
        let key = try #require(first.deliveryKey)
        #expect(key.hasPrefix("apitree:sha256:"))
        #expect(key.utf8.count == "apitree:sha256:".utf8.count + 64)
        #expect(key.dropFirst("apitree:sha256:".count).allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(second.deliveryKey == key)
    }

    @Test("another body is another key; the same MAC in upper-case hex is the same key")
    func keyFollowsBodyAndMAC() async throws {
        let verifier = Support.verifier()
        let key = try await verifier.verify(Support.signed()).deliveryKey
        let other = Support.signed(Array(#"{"name":"api.deleted","timestamp":"2019-11-12T14:53:48+00:00"}"#.utf8))
        #expect(try await verifier.verify(other).deliveryKey != key)

        let hexScheme = ApiTreeSignatureVerifier.Scheme(encoding: .hex)
        let hexVerifier = Support.verifier(scheme: hexScheme)
        let request = Support.signed(scheme: hexScheme)
        let hex = try #require(request.headers[ApiTreeSignatureVerifier.signatureHeader])
        let lower = try await hexVerifier.verify(Support.withSignature(hex.lowercased(), request)).deliveryKey
        let upper = try await hexVerifier.verify(Support.withSignature(hex.uppercased(), request)).deliveryKey
        #expect(lower != nil)
        #expect(lower == upper)
    }

    @Test("the key is the digest of the verified MAC and the body")
    func keyIsTheDigest() async throws {
        let request = Support.signed()
        let header = try #require(request.headers[ApiTreeSignatureVerifier.signatureHeader])
        let mac = try Base64.decode(header)
        var message = (0..<8).map { UInt8(truncatingIfNeeded: UInt64(mac.count) >> (56 - 8 * $0)) }
        message += mac + Digest.hash(request.body, using: .sha256)
        let expected = "apitree:sha256:" + Hex.encode(Digest.hash(message, using: .sha256))
        #expect(try await Support.verifier().verify(request).deliveryKey == expected)
    }

    @Test("ApiTree signatures carry no time: the minimum retention is zero")
    func retention() {
        #expect(Support.verifier().minimumDeliveryRetention == .zero)
    }

    // MARK: Limits

    @Test("a body over the limit is rejected before the signature is looked at")
    func bodyTooLarge() async {
        let limits = WebhookLimits(maximumBodySize: 16)
        let signed = await Support.rejection(Support.verifier(limits: limits), Support.signed())
        #expect(signed?.code == .bodyTooLarge)
        #expect(signed?.category == .limit)
        let unsigned = await Support.rejection(Support.verifier(limits: limits), Support.withSignature(nil))
        #expect(unsigned?.code == .bodyTooLarge)
        let atLimit = WebhookLimits(maximumBodySize: Support.body.count)
        #expect(await Support.rejection(Support.verifier(limits: atLimit), Support.signed()) == nil)
    }

    // MARK: Authentic but not decodable

    @Test("a non-UTF-8 body is verified over its raw bytes, then fails decoding")
    func nonUTF8Body() async {
        let body: [UInt8] = [0x7B, 0x22, 0x6E, 0xFF, 0xFE, 0xC3, 0x28, 0x80, 0x7D]
        let error = await Support.rejection(Support.verifier(), Support.signed(body))
        #expect(error?.code == .malformedBody)
        #expect(error?.category == .decoding)
        #expect(error?.vendor == .apiTree)
        // The same bytes under a wrong signature never reach the decoder.
        let forged = await Support.rejection(Support.verifier(), Support.signed(body, secret: Support.otherSecret))
        #expect(forged?.code == .signatureMismatch)
    }

    @Test("an authentic body of the wrong shape fails with a decoding code")
    func authenticButInvalid() async {
        let error = await Support.rejection(
            Support.verifier(),
            Support.signed(Array(#"{"name":"api.created","timestamp":42}"#.utf8))
        )
        #expect(error?.code == .invalidPayload)
        #expect(error?.category == .decoding)
    }

    // MARK: Configuration

    @Test("no secret fails the initialiser with invalid_configuration")
    func noSecret() {
        let error = #expect(throws: WebhookError.self) {
            try ApiTreeSignatureVerifier(secrets: [], webhookURL: Support.url)
        }
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.vendor == .apiTree)
    }

    @Test("an empty secret fails the initialiser with invalid_key")
    func emptySecret() {
        #expect(throws: WebhookError(.invalidKey, "")) {
            try ApiTreeSignatureVerifier(secrets: [Support.secret, WebhookSecret([UInt8]())], webhookURL: Support.url)
        }
    }

    @Test("an empty URL with the URL-then-body layout fails the initialiser; the body-only layout needs none")
    func emptyURL() async {
        #expect(throws: WebhookError(.invalidConfiguration, "")) {
            try ApiTreeSignatureVerifier(secrets: [Support.secret], webhookURL: "")
        }
        // The body-only layout needs no URL.
        let bodyOnly = ApiTreeSignatureVerifier.Scheme(layout: .bodyOnly)
        #expect(
            await Support.rejection(
                Support.verifier(url: "", scheme: bodyOnly),
                Support.signed(url: "", scheme: bodyOnly)
            ) == nil
        )
    }

    @Test("error reasons never contain the secret or the presented signature")
    func reasonsLeakNothing() async throws {
        let forged = Support.signed(secret: Support.otherSecret)
        let presented = try #require(forged.headers[ApiTreeSignatureVerifier.signatureHeader])
        let error = try #require(await Support.rejection(Support.verifier(), forged))
        #expect(!error.reason.contains(presented))
        #expect(!error.reason.contains("s3cr3t-apitree"))
        #expect(!String(describing: Support.verifier()).contains("s3cr3t-apitree"))
    }
}
