import Foundation
import RServiceWebhooks
import Testing
import WebhookCore
import WebhookCrypto
import WebhookRegistry
import WebhookTesting

@Suite("R-Service verifier: OpenID Connect discovery")
struct RServiceDiscoveryTests {
    static let host = "https://wdc.xurrent-staging.com"
    static let policy = host + "/webhook_policies/41c87abb02950b7541ee1d4fcea20cc05cc8a6f361612d7a86cb9577"
    static let configurationURL = policy + "/.well-known/openid-configuration"
    static let jwksURL = policy + "/jwks"

    static func discoveryDocument(jwksURI: String = jwksURL, issuer: String? = policy) -> String {
        var members = [#""jwks_uri":"\#(jwksURI)""#, #""id_token_signing_alg_values_supported":["RS256","ES256"]"#]
        if let issuer { members.append(#""issuer":"\#(issuer)""#) }
        return "{" + members.joined(separator: ",") + "}"
    }

    static func jwks(_ entries: [String]) -> String {
        #"{"keys":["# + entries.joined(separator: ",") + "]}"
    }

    static let twoKeys = jwks([
        DER.jwk(TestSupport.rsa.publicKey, keyID: "rsa-1"),
        DER.jwk(TestSupport.ec256.publicKey, keyID: "ec-1", algorithm: "ES256"),
    ])

    /// A fake vendor with the two-key JWKS, a provider over it and a verifier for the 4me account.
    struct Setup {
        let fake: FakeFetch
        let clock: TestClock
        let provider: RServiceOpenIDDiscovery
        let verifier: RServiceSignatureVerifier

        init(documents: [String: String]? = nil, issuer: String = TestSupport.account) throws {
            let fake = FakeFetch(
                documents ?? [
                    RServiceDiscoveryTests.configurationURL: RServiceDiscoveryTests.discoveryDocument(),
                    RServiceDiscoveryTests.jwksURL: RServiceDiscoveryTests.twoKeys,
                ]
            )
            let clock = TestClock(TestSupport.now)
            self.fake = fake
            self.clock = clock
            self.provider = try RServiceOpenIDDiscovery(fetch: fake.fetch, clock: { clock.now })
            self.verifier = try RServiceSignatureVerifier(
                keys: .discovery(provider),
                issuer: issuer,
                clock: { clock.now }
            )
        }

        func advance(_ seconds: Double) {
            clock.advance(seconds)
        }

        func request(
            _ key: PrivateKey = TestSupport.ec256,
            _ algorithm: JWSAlgorithm = .es256,
            keyID: String? = "ec-1",
            issuer: String = RServiceDiscoveryTests.policy
        ) throws -> WebhookRequest {
            try TestSupport.signer(key, algorithm, issuer: issuer, keyID: keyID).sign(
                message: TestSupport.message("problem.update"),
                now: clock.now
            )
        }
    }

    @Test("Keys are selected by kid: each of two keys verifies its own tokens")
    func keySelection() async throws {
        let setup = try Setup()
        let ec = try await setup.verifier.verify(try setup.request())
        #expect(ec.eventName == "problem.update")
        #expect(ec.jwt?.header.keyID == "ec-1")
        let rsa = try await setup.verifier.verify(try setup.request(TestSupport.rsa, .rs256, keyID: "rsa-1"))
        #expect(rsa.jwt?.header.keyID == "rsa-1")
        // A kid naming the other key does not fall back to the right one.
        await TestSupport.expectRejection(.algorithmNotAllowed, setup.verifier, try setup.request(keyID: "rsa-1"))
        await TestSupport.expectRejection(
            .algorithmNotAllowed,
            setup.verifier,
            try setup.request(TestSupport.rsa, .rs256, keyID: "ec-1")
        )
        #expect(setup.fake.fetched == [Self.configurationURL, Self.jwksURL])
    }

    @Test("An unknown or missing kid is rejected, never verified with another key")
    func unknownKeyID() async throws {
        let setup = try Setup()
        await TestSupport.expectRejection(
            .unknownKeyID,
            setup.verifier,
            try setup.request(TestSupport.rsa, .rs256, keyID: "nope")
        )
        await TestSupport.expectRejection(
            .unknownKeyID,
            setup.verifier,
            try setup.request(TestSupport.rsa, .rs256, keyID: nil)
        )
        await TestSupport.expectRejection(.unknownKeyID, setup.verifier, try setup.request(keyID: nil))
    }

    @Test("The issuer is checked before anything is fetched")
    func issuerBeforeFetch() async throws {
        let setup = try Setup()
        let rejected = [
            "https://evil.example/webhook_policies/41c87abb",
            "https://wdc.4me-staging.com.evil.example/webhook_policies/41c87abb",
            TestSupport.account,  // the account URL itself: discovery needs a policy URL
            TestSupport.account + "/webhook_policies/",
            TestSupport.account + "/webhook_policies/a/../../evil",
            TestSupport.account + "/webhook_policies/a?x=1",
            TestSupport.account + "/other/41c87abb",
            "http://wdc.4me-staging.com/webhook_policies/41c87abb",
            "https://wdc.4me-staging.com:444/webhook_policies/41c87abb",
            "https://x@wdc.4me-staging.com/webhook_policies/41c87abb",
        ]
        for issuer in rejected {
            await TestSupport.expectRejection(.issuerMismatch, setup.verifier, try setup.request(issuer: issuer))
        }
        let noIssuer = TestSupport.token(
            claims: TestSupport.claims(issuer: nil),
            key: TestSupport.ec256,
            algorithm: .es256,
            keyID: "ec-1"
        )
        await TestSupport.expectRejection(.missingClaim, setup.verifier, TestSupport.request(token: noIssuer))
        #expect(setup.fake.fetched.isEmpty)
    }

    @Test("A configured policy URL accepts only that policy (and its 4me/Xurrent twin)")
    func configuredPolicy() async throws {
        let setup = try Setup(
            issuer: TestSupport.account + "/webhook_policies/41c87abb02950b7541ee1d4fcea20cc05cc8a6f361612d7a86cb9577"
        )
        _ = try await setup.verifier.verify(try setup.request())
        await TestSupport.expectRejection(
            .issuerMismatch,
            setup.verifier,
            try setup.request(issuer: TestSupport.account + "/webhook_policies/other")
        )
    }

    @Test(
        "jwks_uri must be https on the issuer's host and port",
        arguments: [
            "https://keys.example.com/jwks",
            "http://wdc.xurrent-staging.com/jwks",
            "https://wdc.xurrent-staging.com:8443/jwks",
            "https://wdc.4me-staging.com/jwks",
            "https://user@wdc.xurrent-staging.com/jwks",
            "/jwks",
        ]
    )
    func jwksOnAnotherHost(jwksURI: String) async throws {
        let setup = try Setup(documents: [
            Self.configurationURL: Self.discoveryDocument(jwksURI: jwksURI),
            jwksURI: Self.twoKeys,
        ])
        await TestSupport.expectRejection(.issuerKeysUnavailable, setup.verifier, try setup.request())
        #expect(setup.fake.fetched == [Self.configurationURL])
    }

    @Test(
        "Fetch failures and bad documents: 401 issuer_keys_unavailable when the token chose the issuer, 503 key_fetch_failed when the configuration pinned it"
    )
    func fetchFailures() async throws {
        let cases: [[String: String]] = [
            [:],
            [Self.configurationURL: "not json"],
            [Self.configurationURL: #"{"issuer":"\#(Self.policy)"}"#],
            [
                Self.configurationURL: Self.discoveryDocument(issuer: "https://other.example"),
                Self.jwksURL: Self.twoKeys,
            ],
            [Self.configurationURL: Self.discoveryDocument()],
            [Self.configurationURL: Self.discoveryDocument(), Self.jwksURL: "[]"],
            [Self.configurationURL: Self.discoveryDocument(), Self.jwksURL: #"{"keys":[]}"#],
            [
                Self.configurationURL: Self.discoveryDocument(),
                Self.jwksURL: Self.jwks([#"{"kty":"oct","k":"c2VjcmV0","kid":"ec-1"}"#]),
            ],
            [
                Self.configurationURL: Self.discoveryDocument(),
                Self.jwksURL: Self.jwks([DER.jwk(TestSupport.ec256.publicKey, keyID: "ec-1", use: "enc")]),
            ],
            [Self.configurationURL: Self.discoveryDocument() + String(repeating: " ", count: 70_000)],
        ]
        for (index, documents) in cases.enumerated() {
            // The account URL is configured: the token names the policy, so anyone can make the verifier fetch.
            let setup = try Setup(documents: documents)
            let error = await TestSupport.error(setup.verifier, try setup.request())
            #expect(error?.code == .issuerKeysUnavailable, "case \(index): \(String(describing: error))")
            #expect(error?.category == .authentication)
            // The policy URL is configured: only that issuer is ever fetched, and a failure is an outage.
            let pinned = try Setup(documents: documents, issuer: Self.policy)
            let pinnedError = await TestSupport.error(pinned.verifier, try pinned.request())
            #expect(pinnedError?.code == .keyFetchFailed, "case \(index): \(String(describing: pinnedError))")
            #expect(pinnedError?.category == .unavailable)
        }
    }

    @Test("The 4me/Xurrent twin of the account host is accepted for policy issuers")
    func twinIssuer() async throws {
        let setup = try Setup(issuer: TestSupport.twinAccount)
        _ = try await setup.verifier.verify(try setup.request())
        let fourMePolicy = TestSupport.account + "/webhook_policies/p1"
        let fourMe = try Setup(
            documents: [
                fourMePolicy + "/.well-known/openid-configuration": Self.discoveryDocument(
                    jwksURI: TestSupport.account + "/webhook_policies/p1/jwks",
                    issuer: fourMePolicy
                ),
                TestSupport.account + "/webhook_policies/p1/jwks": Self.twoKeys,
            ],
            issuer: TestSupport.twinAccount
        )
        _ = try await fourMe.verifier.verify(try fourMe.request(issuer: fourMePolicy))
    }

    @Test("Key sets are cached per issuer for the cache duration")
    func caching() async throws {
        let setup = try Setup()
        _ = try await setup.verifier.verify(try setup.request())
        setup.advance(3000)
        _ = try await setup.verifier.verify(try setup.request())
        #expect(setup.fake.fetched.count == 2)
        setup.advance(700)
        _ = try await setup.verifier.verify(try setup.request())
        #expect(setup.fake.fetched.count == 4)
    }

    @Test("After a key rotation an unknown kid refetches, at most once per refresh interval")
    func rotationRefetch() async throws {
        let setup = try Setup()
        _ = try await setup.verifier.verify(try setup.request())
        let newKey = TestSupport.otherEC256
        setup.fake.set(Self.jwksURL, Self.jwks([DER.jwk(newKey.publicKey, keyID: "ec-2")]))
        setup.advance(10)
        // Too soon for a refetch: the cached set has no ec-2.
        await TestSupport.expectRejection(.unknownKeyID, setup.verifier, try setup.request(newKey, keyID: "ec-2"))
        #expect(setup.fake.fetched.count == 2)
        setup.advance(300)
        let verified = try await setup.verifier.verify(try setup.request(newKey, keyID: "ec-2"))
        #expect(verified.jwt?.header.keyID == "ec-2")
        #expect(setup.fake.fetched.count == 4)
        // A random kid right after does not cause another fetch.
        await TestSupport.expectRejection(.unknownKeyID, setup.verifier, try setup.request(newKey, keyID: "random"))
        #expect(setup.fake.fetched.count == 4)
    }

    @Test("Only RS* and ES* are accepted with discovered keys")
    func discoveryAlgorithms() async throws {
        let setup = try Setup()
        await TestSupport.expectRejection(
            .algorithmNotAllowed,
            setup.verifier,
            try setup.request(TestSupport.rsa, .ps256, keyID: "rsa-1")
        )
        let hmac = try RServiceRequestSigner.sharedSecret(
            WebhookSecret(utf8: TestSupport.rsa.publicKey.pemRepresentation()),
            issuer: Self.policy
        ).token(message: TestSupport.message(), now: TestSupport.now)
        let withKeyID = TestSupport.withHeader(hmac, #"{"alg":"HS256","typ":"JWT","kid":"rsa-1"}"#)
        await TestSupport.expectRejection(.algorithmNotAllowed, setup.verifier, TestSupport.request(token: withKeyID))
        #expect(setup.fake.fetched.isEmpty)
    }

    @Test("Concurrent requests on a cold cache share one fetch")
    func coalescing() async throws {
        let documents = [Self.configurationURL: Self.discoveryDocument(), Self.jwksURL: Self.twoKeys]
        let fake = FakeFetch(documents)
        let slow: RServiceOpenIDDiscovery.Fetch = { url in
            try await Task.sleep(for: .milliseconds(100))
            return try await fake.fetch(url)
        }
        let verifier = TestSupport.verifier(
            .discovery(try RServiceOpenIDDiscovery(fetch: slow, clock: { TestSupport.now }))
        )
        let requests = try (0..<16).map { _ in
            try TestSupport.signer(TestSupport.ec256, .es256, issuer: Self.policy, keyID: "ec-1")
                .sign(message: TestSupport.message(), now: TestSupport.now)
        }
        let failures = await withTaskGroup(of: WebhookError?.self) { group in
            for request in requests {
                group.addTask { await TestSupport.error(verifier, request) }
            }
            var failures: [WebhookError] = []
            for await error in group { if let error { failures.append(error) } }
            return failures
        }
        #expect(failures.isEmpty)
        #expect(fake.fetched == [Self.configurationURL, Self.jwksURL])
    }

    struct Broken: Error {}

    struct ThrowingProvider: WebhookKeyProvider {
        let error: any Error
        func keySet(forIssuer issuer: String) async throws -> JWTKeySet { throw error }
    }

    @Test("A provider's WebhookError keeps its code; other errors become key-fetch failures")
    func providerErrors() async throws {
        let request = try TestSupport.signer(TestSupport.ec256, .es256, issuer: Self.policy, keyID: "ec-1")
            .sign(message: TestSupport.message(), now: TestSupport.now)
        let custom = TestSupport.verifier(.discovery(ThrowingProvider(error: WebhookError(.unknownIssuer, "no"))))
        await TestSupport.expectRejection(.unknownIssuer, custom, request)
        let broken = TestSupport.verifier(.discovery(ThrowingProvider(error: Broken())))
        await TestSupport.expectRejection(.issuerKeysUnavailable, broken, request)
        let pinned = TestSupport.verifier(.discovery(ThrowingProvider(error: Broken())), issuer: Self.policy)
        await TestSupport.expectRejection(.keyFetchFailed, pinned, request)
    }

    @Test("Discovery needs an https account URL: the initialiser throws otherwise")
    func httpAccount() {
        #expect(throws: WebhookError(.invalidConfiguration, "")) {
            try Setup(issuer: "http://wdc.xurrent-staging.com")
        }
        #expect(throws: WebhookError(.invalidConfiguration, "")) {
            try Setup(issuer: "not a URL")
        }
    }
}
