import Foundation
import RServiceWebhooks
import Testing
import WebhookCore
import WebhookCrypto
import WebhookRegistry
import WebhookTesting

@Suite("R-Service verifier: keys decide the algorithms")
struct RServiceVerifierAlgorithmTests {
    typealias KeySource = RServiceSignatureVerifier.KeySource

    @Test("A valid RS256 delivery verifies and decodes the data claim's exact bytes")
    func validRS256() async throws {
        let message = TestSupport.message("request.note-added")
        let request = try TestSupport.signer().sign(
            message: message,
            now: TestSupport.now,
            deliveryID: "8fd93dc6-1d43-49c2-892e-2ab5cb029e4e"
        )
        let verified = try await TestSupport.verifier(TestSupport.rsaKeys()).verify(request)
        #expect(verified.vendor == .rService)
        #expect(verified.eventName == "request.note-added")
        guard case .requestNoteAdded(let note) = verified.event else {
            Issue.record("expected requestNoteAdded, got \(verified.event)")
            return
        }
        #expect(note.webhookID == 945)
        let trimmed = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(verified.body == Array(trimmed.utf8))
        #expect(verified.deliveryID == "8fd93dc6-1d43-49c2-892e-2ab5cb029e4e")
        let jwt = try #require(verified.jwt)
        #expect(jwt.header.algorithm == "RS256")
        #expect(jwt.claims.issuer == TestSupport.account)
        #expect(jwt.claims.subject == "945")
        #expect(jwt.claims.jwtID?.count == 64)
    }

    @Test("RSA keys accept RS256, RS384 and RS512", arguments: [JWSAlgorithm.rs256, .rs384, .rs512])
    func rsaAlgorithms(algorithm: JWSAlgorithm) async throws {
        let request = try TestSupport.signer(TestSupport.rsa, algorithm).sign(
            message: TestSupport.message("problem.update"),
            now: TestSupport.now
        )
        let verified = try await TestSupport.verifier(TestSupport.rsaKeys()).verify(request)
        #expect(verified.eventName == "problem.update")
        #expect(verified.jwt?.header.algorithm == algorithm.rawValue)
    }

    @Test("EC keys accept the ES* of their curve", arguments: [0, 1, 2])
    func ecAlgorithms(index: Int) async throws {
        let (key, algorithm): (PrivateKey, JWSAlgorithm) =
            [(TestSupport.ec256, .es256), (TestSupport.ec384, .es384), (TestSupport.ec521, .es512)][index]
        let request = try TestSupport.signer(key, algorithm).sign(
            message: TestSupport.message("webhook.verify"),
            now: TestSupport.now
        )
        let verified = try await TestSupport.verifier(try .publicKeys([key.publicKey])).verify(request)
        #expect(verified.eventName == "webhook.verify")
        #expect(verified.jwt?.header.algorithm == algorithm.rawValue)
    }

    @Test(
        "HS256, HS384 and HS512 verify only with explicitly configured shared secrets",
        arguments: [JWSAlgorithm.hs256, .hs384, .hs512]
    )
    func sharedSecretAlgorithms(algorithm: JWSAlgorithm) async throws {
        let signer = try RServiceRequestSigner.sharedSecret(
            TestSupport.sharedSecret,
            algorithm: algorithm,
            issuer: TestSupport.account
        )
        let request = try signer.sign(message: TestSupport.message(), now: TestSupport.now)
        let verified = try await TestSupport.verifier(try .sharedSecrets([TestSupport.sharedSecret])).verify(request)
        #expect(verified.jwt?.header.algorithm == algorithm.rawValue)
        // The same token against public keys: no key allows HS*.
        await TestSupport.expectRejection(.algorithmNotAllowed, TestSupport.verifier(TestSupport.rsaKeys()), request)
    }

    @Test("Shared secrets restricted to the policy's algorithm reject the other HS*")
    func sharedSecretPolicyAlgorithm() async throws {
        let signer = try RServiceRequestSigner.sharedSecret(TestSupport.sharedSecret, issuer: TestSupport.account)
        let request = try signer.sign(message: TestSupport.message(), now: TestSupport.now)
        let verifier = TestSupport.verifier(try .sharedSecrets([TestSupport.sharedSecret], algorithms: [.hs512]))
        await TestSupport.expectRejection(.algorithmNotAllowed, verifier, request)
    }

    @Test("HS256 signed with the RSA public key's PEM or DER as the secret is rejected (key confusion)")
    func keyConfusion() async throws {
        let publicKey = TestSupport.rsa.publicKey
        for secret in [
            WebhookSecret(utf8: publicKey.pemRepresentation()), WebhookSecret(publicKey.derRepresentation()),
        ] {
            let signer = try RServiceRequestSigner.sharedSecret(secret, issuer: TestSupport.account)
            let request = try signer.sign(message: TestSupport.message(), now: TestSupport.now)
            await TestSupport.expectRejection(
                .algorithmNotAllowed,
                TestSupport.verifier(TestSupport.rsaKeys()),
                request
            )
            await TestSupport.expectRejection(
                .algorithmNotAllowed,
                TestSupport.verifier(TestSupport.rsaKeys(algorithm: .rs256)),
                request
            )
        }
    }

    @Test("PS256 is rejected for RSA keys: R-Service signs RS* only")
    func psRejected() async throws {
        for algorithm in [JWSAlgorithm.ps256, .ps384, .ps512] {
            let request = try TestSupport.signer(TestSupport.rsa, algorithm).sign(
                message: TestSupport.message(),
                now: TestSupport.now
            )
            await TestSupport.expectRejection(
                .algorithmNotAllowed,
                TestSupport.verifier(TestSupport.rsaKeys()),
                request
            )
        }
        #expect(throws: WebhookError(.invalidConfiguration, "")) {
            try KeySource.publicKeys([TestSupport.rsa.publicKey], algorithm: .ps256)
        }
    }

    @Test("alg none is rejected in every mode and spelling")
    func algNone() async throws {
        let signed = try TestSupport.signer().sign(message: TestSupport.message(), now: TestSupport.now)
        let token = TestSupport.token(of: signed)
        let verifiers = [
            TestSupport.verifier(TestSupport.rsaKeys()),
            TestSupport.verifier(try .sharedSecrets([TestSupport.sharedSecret])),
            TestSupport.verifier(.discovery(try RServiceOpenIDDiscovery(fetch: FakeFetch([:]).fetch))),
        ]
        for spelling in ["none", "None", "NONE"] {
            let unsecured = TestSupport.withHeader(token, #"{"alg":"\#(spelling)","typ":"JWT"}"#, signature: "")
            for verifier in verifiers {
                await TestSupport.expectRejection(
                    .unsupportedAlgorithm,
                    verifier,
                    TestSupport.request(token: unsecured)
                )
            }
        }
    }

    @Test("A none policy is configured as unsigned, never as an algorithm")
    func nonePolicyConfiguration() {
        #expect(throws: WebhookError(.invalidConfiguration, "")) {
            try KeySource.publicKeys([TestSupport.rsa.publicKey], algorithm: JWSAlgorithm(rawValue: "none"))
        }
        #expect(RServiceJWTAlgorithm.none.jwsAlgorithm == nil)
        #expect(RServiceJWTAlgorithm.rs256.jwsAlgorithm == .rs256)
        #expect(RServiceJWTAlgorithm.es512.jwsAlgorithm == .es512)
        #expect(RServiceJWTAlgorithm(rawValue: "ps256").jwsAlgorithm == nil)
    }

    @Test("An ES256 token is rejected by a P-384 key")
    func curveMismatch() async throws {
        let request = try TestSupport.signer(TestSupport.ec256, .es256).sign(
            message: TestSupport.message(),
            now: TestSupport.now
        )
        let verifier = TestSupport.verifier(try .publicKeys([TestSupport.ec384.publicKey]))
        await TestSupport.expectRejection(.algorithmNotAllowed, verifier, request)
        #expect(throws: WebhookError(.invalidConfiguration, "")) {
            try KeySource.publicKeys([TestSupport.ec256.publicKey], algorithm: .es384)
        }
    }

    @Test("An ES256 signature in DER form, or all zero, is rejected")
    func ecdsaSignatureForms() async throws {
        let request = try TestSupport.signer(TestSupport.ec256, .es256).sign(
            message: TestSupport.message(),
            now: TestSupport.now
        )
        let token = TestSupport.token(of: request)
        let parts = token.split(separator: ".")
        let raw = try Base64URL.decode(parts[2])
        #expect(raw.count == 64)
        let der = DER.ecdsaSignature(fromRaw: raw)
        let verifier = TestSupport.verifier(try .publicKeys([TestSupport.ec256.publicKey]))
        for signature in [der, [UInt8](repeating: 0, count: 64)] {
            let forged = parts[0] + "." + parts[1] + "." + Base64URL.encode(signature)
            await TestSupport.expectRejection(.signatureMismatch, verifier, TestSupport.request(token: forged))
        }
        // The untouched token verifies, so the rejections above are about the signature form.
        _ = try await verifier.verify(request)
    }

    @Test("A token signed by another key is rejected")
    func wrongKey() async throws {
        let rsaRequest = try TestSupport.signer(TestSupport.unlistedRSA).sign(
            message: TestSupport.message(),
            now: TestSupport.now
        )
        await TestSupport.expectRejection(.signatureMismatch, TestSupport.verifier(TestSupport.rsaKeys()), rsaRequest)
        let ecRequest = try TestSupport.signer(TestSupport.otherEC256, .es256).sign(
            message: TestSupport.message(),
            now: TestSupport.now
        )
        let ecVerifier = TestSupport.verifier(try .publicKeys([TestSupport.ec256.publicKey]))
        await TestSupport.expectRejection(.signatureMismatch, ecVerifier, ecRequest)
        let secretRequest = try RServiceRequestSigner.sharedSecret(
            WebhookSecret(utf8: "another-secret-of-sufficient-length-0123"),
            issuer: TestSupport.account
        ).sign(message: TestSupport.message(), now: TestSupport.now)
        let secretVerifier = TestSupport.verifier(try .sharedSecrets([TestSupport.sharedSecret]))
        await TestSupport.expectRejection(.signatureMismatch, secretVerifier, secretRequest)
    }

    @Test("Tampered data, claims or header fail the signature")
    func tampered() async throws {
        let request = try TestSupport.signer().sign(message: TestSupport.message(), now: TestSupport.now)
        let token = TestSupport.token(of: request)
        let verifier = TestSupport.verifier(TestSupport.rsaKeys())
        let changedData = TestSupport.tampered(token) {
            $0.replacingOccurrences(of: "Tom Edwards", with: "Eve Edwards")
        }
        await TestSupport.expectRejection(.signatureMismatch, verifier, TestSupport.request(token: changedData))
        let changedClaims = TestSupport.tampered(token) {
            $0.replacingOccurrences(of: #""nbf":"#, with: #""exp":9999999999,"nbf":"#)
        }
        await TestSupport.expectRejection(.signatureMismatch, verifier, TestSupport.request(token: changedClaims))
        let changedHeader = TestSupport.withHeader(token, #"{"alg":"RS512","typ":"JWT"}"#)
        await TestSupport.expectRejection(.signatureMismatch, verifier, TestSupport.request(token: changedHeader))
        let parts = token.split(separator: ".")
        let shortened = Array(try Base64URL.decode(parts[2]).dropLast())
        let truncatedSignature = parts[0] + "." + parts[1] + "." + Base64URL.encode(shortened)
        await TestSupport.expectRejection(.signatureMismatch, verifier, TestSupport.request(token: truncatedSignature))
    }

    @Test("The policy's jwt_alg pins one algorithm")
    func pinnedAlgorithm() async throws {
        let verifier = TestSupport.verifier(TestSupport.rsaKeys(algorithm: .rs256))
        let rs256 = try TestSupport.signer(TestSupport.rsa, .rs256).sign(
            message: TestSupport.message(),
            now: TestSupport.now
        )
        _ = try await verifier.verify(rs256)
        let rs512 = try TestSupport.signer(TestSupport.rsa, .rs512).sign(
            message: TestSupport.message(),
            now: TestSupport.now
        )
        await TestSupport.expectRejection(.algorithmNotAllowed, verifier, rs512)
    }

    @Test("Several keys: tokens of the old and the new key verify during rotation, RSA and EC mixed")
    func rotation() async throws {
        let keys = try KeySource.publicKeys([
            TestSupport.unlistedRSA.publicKey, TestSupport.rsa.publicKey, TestSupport.ec256.publicKey,
        ])
        let verifier = TestSupport.verifier(keys)
        for (key, algorithm) in [
            (TestSupport.unlistedRSA, JWSAlgorithm.rs256), (TestSupport.rsa, .rs384), (TestSupport.ec256, .es256),
        ] {
            let request = try TestSupport.signer(key, algorithm).sign(
                message: TestSupport.message(),
                now: TestSupport.now
            )
            _ = try await verifier.verify(request)
        }
        let secrets = try KeySource.sharedSecrets([
            WebhookSecret(utf8: "old-secret-0123456789abcdef"), TestSupport.sharedSecret,
        ])
        let request = try RServiceRequestSigner.sharedSecret(TestSupport.sharedSecret, issuer: TestSupport.account)
            .sign(message: TestSupport.message(), now: TestSupport.now)
        _ = try await TestSupport.verifier(secrets).verify(request)
    }

    @Test("Key sources refuse configurations that cannot work")
    func configurationErrors() {
        #expect(throws: WebhookError(.invalidConfiguration, "")) { try KeySource.publicKeys([]) }
        #expect(throws: WebhookError(.invalidConfiguration, "")) {
            try KeySource.publicKeys([TestSupport.rsa.publicKey], algorithm: .hs256)
        }
        #expect(throws: WebhookError(.invalidConfiguration, "")) {
            try KeySource.publicKeys([TestSupport.rsa.publicKey], algorithm: .es256)
        }
        #expect(throws: WebhookError(.invalidConfiguration, "")) { try KeySource.sharedSecrets([]) }
        #expect(throws: WebhookError(.invalidConfiguration, "")) {
            try KeySource.sharedSecrets([TestSupport.sharedSecret], algorithms: [.rs256])
        }
        #expect(throws: WebhookError(.invalidConfiguration, "")) {
            try KeySource.sharedSecrets([TestSupport.sharedSecret], algorithms: [])
        }
        #expect(throws: WebhookError(.invalidKey, "")) { try KeySource.sharedSecrets([WebhookSecret([UInt8]())]) }
    }
}
