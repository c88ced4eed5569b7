import Foundation
import RServiceWebhooks
import Testing
import WebhookCore
import WebhookCrypto
import WebhookRegistry
import WebhookTesting

@Suite("R-Service signed sample requests (Fixtures/rservice/requests)")
struct RServiceSignedRequestTests {
    static let folders = ["requests/", "requests/shared-secret/", "requests/unsigned/", "requests/discovery/"]

    /// Every sample file, as (folder, file name).
    static let samples: [String] = folders.flatMap { folder in
        Fixtures.files(in: folder).filter { $0 != "config.json" }.map { folder + $0 }
    }

    @Test(
        "Writes the samples (only with RSERVICE_WRITE_FIXTURES=1)",
        .enabled(if: ProcessInfo.processInfo.environment["RSERVICE_WRITE_FIXTURES"] == "1")
    )
    func write() throws {
        for (path, text) in try SampleRequestGenerator.files() {
            let url = Fixtures.root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try Data(text.utf8).write(to: url)
        }
    }

    @Test("Each folder has its configuration and verified and rejected samples")
    func inventory() throws {
        #expect(Self.samples.count >= 24)
        for folder in Self.folders {
            _ = try JSONDecoder().decode(
                SampleConfiguration.self,
                from: Data(try Fixtures.bytes(folder + "config.json"))
            )
            let names = Fixtures.files(in: folder)
            #expect(names.contains { $0.hasPrefix("verified-") }, "\(folder)")
            #expect(names.contains { $0.hasPrefix("rejected-") }, "\(folder)")
        }
        let secrets = try JSONDecoder().decode(
            [String: String].self,
            from: Data(try Fixtures.bytes("keys/secrets.json"))
        )
        let shared = try JSONDecoder().decode(
            SampleConfiguration.self,
            from: Data(try Fixtures.bytes("requests/shared-secret/config.json"))
        )
        #expect(secrets["sharedSecret"] == shared.secret)
    }

    @Test("Each sample verifies or is rejected as its file says", arguments: samples)
    func sample(path: String) async throws {
        let folder = String(path[..<(path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex)])
        let configuration = try JSONDecoder().decode(
            SampleConfiguration.self,
            from: Data(try Fixtures.bytes(folder + "config.json"))
        )
        let sample = try WebhookRequestFile(bytes: Fixtures.bytes(path))
        let result =
            switch try #require(sample.expectation) {
            case .verified: "verified"
            case .rejected: "rejected"
            }
        #expect(path.contains("/\(result)-"), "file name and expectation agree")
        let verifier = try configuration.verifier(now: try #require(sample.now))
        do {
            let verified = try await verifier.verify(sample.request)
            #expect(
                sample.expectation == .verified(event: verified.eventName),
                "\(path) verified as \(verified.eventName ?? "?")"
            )
        } catch {
            #expect(sample.expectation == .rejected(code: error.code), "\(path): \(error)")
        }
    }

    @Test("The committed samples are what the generator writes (deterministic ones byte for byte)")
    func upToDate() throws {
        for (path, text) in try SampleRequestGenerator.files() {
            let committed = String(decoding: try Fixtures.bytes(path), as: UTF8.self)
            // ECDSA signatures and random jti/delivery ids differ per run: compare the parts that must not drift.
            if path.hasSuffix("config.json") || path.hasPrefix("keys/") {
                #expect(committed == text, "\(path) is stale: run RSERVICE_WRITE_FIXTURES=1 swift test")
            } else if path.hasSuffix(".json"), path.hasPrefix("requests/") {
                let generated = try WebhookRequestFile(bytes: Array(text.utf8))
                let stored = try WebhookRequestFile(bytes: Array(committed.utf8))
                #expect(stored.description == generated.description, "\(path)")
                #expect(stored.expectation == generated.expectation, "\(path)")
                #expect(stored.now == generated.now, "\(path)")
                #expect(stored.request.target == generated.request.target, "\(path)")
            }
        }
    }
}

@Suite("R-Service: the real 4me staging delivery of 2021")
struct RServiceRealDeliveryTests {
    static let publicKey = TestSupport.fixturePublicKey("4me-staging-2021.pub.pem")

    func request() -> WebhookRequest {
        WebhookRequest(
            method: "POST",
            target: SampleRequestGenerator.capturedURL,
            headers: WebhookHeaders(SampleRequestGenerator.capturedHeaders.map { ($0[0], $0[1]) }),
            body: Array(SampleRequestGenerator.capturedBody.utf8)
        )
    }

    func verifier(
        now: Double = SampleRequestGenerator.capturedIssuedAt,
        issuer: String = "https://wdc.4me-staging.com",
        audience: String? = "integrations provided by wdc@4me-staging.com",
        algorithm: JWSAlgorithm? = nil
    ) throws -> RServiceSignatureVerifier {
        TestSupport.verifier(
            try .publicKeys([Self.publicKey], algorithm: algorithm),
            issuer: issuer,
            audience: audience,
            now: now
        )
    }

    @Test("Verifies with the policy's public key at its iat, and decodes the webhook.verify message")
    func verifies() async throws {
        let verified = try await verifier(algorithm: .rs256).verify(request())
        #expect(verified.eventName == "webhook.verify")
        #expect(verified.deliveryID == "8fd93dc6-1d43-49c2-892e-2ab5cb029e4e")
        #expect(
            verified.verificationCallbackURL
                == "https://wdc.4me-staging.com/webhooks/1/verify?code=FThErZe2Rr8wVBns-7lalATP&expires_at=1614686831"
        )
        let jwt = try #require(verified.jwt)
        #expect(jwt.header == JOSEHeader(algorithm: "RS256", type: "JWT"))
        #expect(
            jwt.claims
                == JWTClaims(
                    issuer: "https://wdc.4me-staging.com",
                    subject: "1",
                    audience: ["integrations provided by wdc@4me-staging.com"],
                    notBefore: 1_614_600_431,
                    issuedAt: 1_614_600_431,
                    jwtID: "96119b558943acdecb001b75d9eee781479b7d9efe4025cb14611b868a4f407b"
                )
        )
        guard case .webhookVerify(let message) = verified.event else {
            Issue.record("expected webhookVerify")
            return
        }
        #expect(message.webhookID == 1)
        #expect(message.accountID == "wdc")
        #expect(message.name == "integration_instance.secrets-update")
        #expect(message.personName == "Pluggable Integrations")
        // The body is the data claim exactly as signed.
        #expect(String(decoding: verified.body, as: UTF8.self).hasPrefix(#"{"webhook_id":1,"webhook_nodeID":"#))
        #expect(String(decoding: verified.body, as: UTF8.self).hasSuffix(#"expires_at=1614686831"}}"#))
    }

    @Test("Also verifies for the Xurrent twin of the account, and without an audience configured")
    func twin() async throws {
        _ = try await verifier(issuer: "https://wdc.xurrent-staging.com").verify(request())
        _ = try await verifier(audience: nil).verify(request())
    }

    @Test("Is rejected with another audience, issuer, key, algorithm, or too late")
    func rejections() async throws {
        await TestSupport.expectRejection(.audienceMismatch, try verifier(audience: "someone else"), request())
        await TestSupport.expectRejection(.issuerMismatch, try verifier(issuer: "https://wdc.4me.com"), request())
        await TestSupport.expectRejection(.algorithmNotAllowed, try verifier(algorithm: .rs512), request())
        await TestSupport.expectRejection(
            .signatureMismatch,
            TestSupport.verifier(
                TestSupport.rsaKeys(),
                issuer: "https://wdc.4me-staging.com",
                now: SampleRequestGenerator.capturedIssuedAt
            ),
            request()
        )
        await TestSupport.expectRejection(
            .expired,
            try verifier(now: SampleRequestGenerator.capturedIssuedAt + 361),
            request()
        )
        await TestSupport.expectRejection(
            .notYetValid,
            try verifier(now: SampleRequestGenerator.capturedIssuedAt - 61),
            request()
        )
    }

    @Test("The same delivery twice verifies twice with one key, its X-4me-Delivery id")
    func sameDeliveryTwice() async throws {
        let verifier = try verifier()
        let first = try await verifier.verify(request())
        let second = try await verifier.verify(request())
        #expect(first.deliveryKey == "rservice:delivery:8fd93dc6-1d43-49c2-892e-2ab5cb029e4e")
        #expect(second.deliveryKey == first.deliveryKey)
    }
}
