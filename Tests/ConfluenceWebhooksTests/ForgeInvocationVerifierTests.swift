import ConfluenceWebhooks
import Foundation
import Testing
import WebhookCore
import WebhookCrypto
import WebhookValues

@Suite("Forge Remote: invocation-token verification")
struct ForgeInvocationVerifierTests {
    typealias Values = ForgeTestValues

    static func verifier(
        fetch: ForgeFakeFetch,
        clock: ManualClock = ManualClock(ForgeTestValues.now + 1),
        acceptsStaging: Bool = false,
        template: String? = nil,
        settings: CachingKeyProvider.Settings = .init()
    ) throws -> ForgeInvocationVerifier {
        try ForgeInvocationVerifier(
            appID: Values.appID,
            fetch: fetch.fetch,
            cacheSettings: settings,
            acceptsStaging: acceptsStaging,
            isolatedCloudJWKSURLTemplate: template,
            clock: clock.function
        )
    }

    /// Verifies `authorization` over the documented page body and returns the error's code, or nil when accepted.
    static func code(
        _ authorization: String?,
        verifier: ForgeInvocationVerifier? = nil,
        body: [UInt8]? = nil,
        eventName: String? = nil
    ) async throws -> WebhookError.Code? {
        let verifier = try verifier ?? Self.verifier(fetch: try .production())
        let request = Values.request(authorization: authorization, body: try body ?? Values.pageCreatedBody())
        do {
            _ = try await verifier.verify(request, eventName: eventName)
            return nil
        } catch {
            #expect(error.isAuthenticationFailure || error.category == .decoding || error.category == .unavailable)
            return error.code
        }
    }

    // MARK: Acceptance

    @Test("A good token is accepted; the claims come back typed and the event decoded")
    func acceptsGoodToken() async throws {
        let fetch = try ForgeFakeFetch.production()
        let verifier = try Self.verifier(fetch: fetch)
        let request = Values.request(
            authorization: "Bearer " + (try Values.token()),
            body: try Values.pageCreatedBody()
        )
        let verified = try await verifier.verify(request)
        #expect(verified.vendor == .confluence)
        #expect(verified.eventName == "avi:confluence:created:page")
        let invocation = verified.event.invocation
        #expect(invocation.appID == Values.appID)
        #expect(invocation.installationID == Values.installationID)
        #expect(invocation.apiBaseURL == Values.apiBaseURL)
        #expect(invocation.appVersion == "2.0.0")
        #expect(
            invocation.environment
                == .init(
                    type: "PRODUCTION",
                    id: "ari:cloud:ecosystem::environment/8db33809-1f32-48bb-8c52-5877dab48107/aa911f10"
                )
        )
        #expect(invocation.module == .init(type: "core:endpoint", key: "forge-remote-events"))
        #expect(invocation.context == .init(cloudId: Values.cloudID, siteUrl: "https://example.atlassian.net"))
        #expect(invocation.license == nil)
        #expect(invocation.principal == nil)
        #expect(invocation.jwtID == "d8a496253ec8c18a54631e4c82cbedd5d0ae8570")
        #expect(invocation.isolatedCloudLabel == nil)
        #expect(invocation.expiresAt == Values.now + 25)
        #expect(verified.jwt?.claims.issuer == "forge/invocation-token")
        #expect(verified.event.event.product?.content?.id == "838205441")
        #expect(fetch.fetched == [ForgeInvocationVerifier.productionJWKSURL])
        #expect(verified.body == (try Values.pageCreatedBody()))
    }

    @Test("The scheme is case-insensitive", arguments: ["Bearer", "bearer", "BEARER", "bEaReR"])
    func schemeCaseInsensitive(scheme: String) async throws {
        #expect(try await Self.code("\(scheme) " + (try Values.token())) == nil)
    }

    @Test("aud as an array containing the app id is accepted")
    func audienceArray() async throws {
        let token = try Values.token(Values.claims(audience: ["someone-else", Values.appID]))
        #expect(try await Self.code("Bearer " + token) == nil)
    }

    @Test("The documented FIT example's claims decode (license, principal, icLabel) through an Isolated Cloud key")
    func documentedClaimsExample() async throws {
        let example = try #require(
            JSONSerialization.jsonObject(with: Data(try ConfluenceFixtures.bytes("forge/fit-claims-example.json")))
                as? [String: Any]
        )
        var shifted = example
        shifted["iat"] = Int(Values.now)
        shifted["nbf"] = Int(Values.now)
        shifted["exp"] = Int(Values.now) + 25
        let fetch = ForgeFakeFetch([
            "https://forge.cdn.orange.example.com/.well-known/jwks.json": try Values.jwks()
        ])
        let verifier = try ForgeInvocationVerifier(
            appID: "ari:cloud:ecosystem::app/8db33809-1f32-48bb-8c52-5877dab48107",
            fetch: fetch.fetch,
            isolatedCloudJWKSURLTemplate: Values.isolatedCloudTemplate,
            clock: { Values.now }
        )
        let request = Values.request(
            authorization: "Bearer " + (try Values.token(shifted)),
            body: try Values.pageCreatedBody()
        )
        let invocation = try await verifier.verify(request).event.invocation
        #expect(invocation.isolatedCloudLabel == "orange")
        #expect(invocation.principal == "655362:312d3308-8954-42b0-aa38-771a10c88656")
        #expect(invocation.license?.active == true)
        #expect(invocation.license?.capabilitySet == "capabilityAdvanced")
        #expect(invocation.license?.modes == ["USER_ACCESS"])
        #expect(invocation.context?.siteUrl == "https://pbray2.jira-dev.com")
        #expect(invocation.module?.type == "xen:macro")
        #expect(fetch.fetched == ["https://forge.cdn.orange.example.com/.well-known/jwks.json"])
    }

    // MARK: Rejections

    @Test("A missing Authorization header is missing_signature")
    func missingHeader() async throws {
        #expect(try await Self.code(nil) == .missingSignature)
    }

    @Test("Another scheme, or Bearer without a token, is missing_signature; two headers are malformed_token")
    func wrongScheme() async throws {
        let token = try Values.token()
        #expect(try await Self.code("JWT " + token) == .missingSignature)
        #expect(try await Self.code("Basic " + token) == .missingSignature)
        #expect(try await Self.code("Bearer") == .missingSignature)
        #expect(try await Self.code("Bearer   ") == .missingSignature)
        #expect(try await Self.code("Bearer" + token) == .missingSignature)
        let request = WebhookRequest(
            target: Values.url,
            headers: WebhookHeaders([("Authorization", "Bearer " + token), ("Authorization", "Bearer " + token)]),
            body: try Values.pageCreatedBody()
        )
        await #expect(throws: WebhookError(.malformedToken, "")) {
            try await Self.verifier(fetch: try .production()).verify(request)
        }
    }

    @Test(
        "alg is pinned to RS256 before any key is fetched",
        arguments: [
            (
                #"{"alg":"none","kid":"forge/invocation-token/test-only-not-atlassian"}"#,
                WebhookError.Code.unsupportedAlgorithm
            ),
            (#"{"alg":"NONE","kid":"forge/invocation-token/test-only-not-atlassian"}"#, .unsupportedAlgorithm),
            (#"{"alg":"HS256","kid":"forge/invocation-token/test-only-not-atlassian"}"#, .algorithmNotAllowed),
            (#"{"alg":"ES256","kid":"forge/invocation-token/test-only-not-atlassian"}"#, .algorithmNotAllowed),
            (#"{"alg":"RS512","kid":"forge/invocation-token/test-only-not-atlassian"}"#, .algorithmNotAllowed),
            (#"{"alg":"XS999","kid":"forge/invocation-token/test-only-not-atlassian"}"#, .unsupportedAlgorithm),
        ]
    )
    func algorithmPinned(header: String, code: WebhookError.Code) async throws {
        let fetch = try ForgeFakeFetch.production()
        let verifier = try Self.verifier(fetch: fetch)
        #expect(try await Self.code("Bearer " + (try Values.token(header: header)), verifier: verifier) == code)
        #expect(fetch.fetched.isEmpty)
    }

    @Test("A missing, empty or overlong kid is unknown_key_id, before any fetch")
    func missingKeyID() async throws {
        let fetch = try ForgeFakeFetch.production()
        let verifier = try Self.verifier(fetch: fetch)
        for header in [
            #"{"alg":"RS256"}"#, #"{"alg":"RS256","kid":""}"#,
            #"{"alg":"RS256","kid":""# + String(repeating: "k", count: 257) + #""}"#,
        ] {
            #expect(
                try await Self.code("Bearer " + (try Values.token(header: header)), verifier: verifier) == .unknownKeyID
            )
        }
        #expect(fetch.fetched.isEmpty)
    }

    @Test("A kid the JWKS lacks is unknown_key_id, never verified with another key")
    func unknownKeyID() async throws {
        let token = try Values.token(keyID: "forge/invocation-token/someone-else")
        #expect(try await Self.code("Bearer " + token) == .unknownKeyID)
    }

    @Test("A bad signature is signature_mismatch")
    func badSignature() async throws {
        let token = try Values.token()
        var parts = token.split(separator: ".").map(String.init)
        let other = try Values.token(Values.claims(issuedAt: Values.now - 1))
        parts[2] = String(other.split(separator: ".")[2])
        #expect(try await Self.code("Bearer " + parts.joined(separator: ".")) == .signatureMismatch)
        // Claims changed after signing.
        var tampered = token.split(separator: ".").map(String.init)
        var claims = Values.claims()
        claims["aud"] = "ari:cloud:ecosystem::app/attacker"
        tampered[1] = Base64URL.encode(try Values.json(claims))
        #expect(try await Self.code("Bearer " + tampered.joined(separator: ".")) == .signatureMismatch)
    }

    @Test("iss must be exactly forge/invocation-token")
    func wrongIssuer() async throws {
        for issuer in ["forge/invocation-token2", "Forge/invocation-token", "https://forge.example"] {
            var claims = Values.claims()
            claims["iss"] = issuer
            #expect(try await Self.code("Bearer " + (try Values.token(claims))) == .issuerMismatch)
        }
        var claims = Values.claims()
        claims["iss"] = nil
        #expect(try await Self.code("Bearer " + (try Values.token(claims))) == .missingClaim)
    }

    @Test("aud must be the configured app id")
    func wrongAudience() async throws {
        let other = "ari:cloud:ecosystem::app/00000000-0000-4000-8000-000000000000"
        #expect(
            try await Self.code("Bearer " + (try Values.token(Values.claims(audience: other)))) == .audienceMismatch
        )
        #expect(
            try await Self.code("Bearer " + (try Values.token(Values.claims(audience: [other])))) == .audienceMismatch
        )
        var claims = Values.claims()
        claims["aud"] = nil
        #expect(try await Self.code("Bearer " + (try Values.token(claims))) == .missingClaim)
    }

    @Test("app.id must equal the configured app id (and aud)")
    func appIDMismatch() async throws {
        let token = try Values.token(
            Values.claims(appIDClaim: "ari:cloud:ecosystem::app/00000000-0000-4000-8000-000000000000")
        )
        #expect(try await Self.code("Bearer " + token) == .audienceMismatch)
    }

    @Test("An expired token is rejected once exp plus the 5 s leeway has passed")
    func expired() async throws {
        let token = "Bearer " + (try Values.token())
        let fetch = try ForgeFakeFetch.production()
        let clock = ManualClock(Values.now + 29)
        let verifier = try Self.verifier(fetch: fetch, clock: clock)
        #expect(try await Self.code(token, verifier: verifier) == nil)
        clock.advance(by: 1)
        #expect(try await Self.code(token, verifier: verifier) == .expired)
        var claims = Values.claims()
        claims["exp"] = nil
        #expect(try await Self.code("Bearer " + (try Values.token(claims))) == .missingClaim)
    }

    @Test("A token not yet valid (nbf) or issued in the future (iat) is rejected beyond the leeway")
    func notYetValid() async throws {
        var claims = Values.claims()
        claims["nbf"] = Int(Values.now) + 7
        #expect(try await Self.code("Bearer " + (try Values.token(claims))) == .notYetValid)
        claims = Values.claims()
        claims["iat"] = Int(Values.now) + 7
        #expect(try await Self.code("Bearer " + (try Values.token(claims))) == .issuedInFuture)
        // Within the leeway: accepted.
        claims = Values.claims()
        claims["nbf"] = Int(Values.now) + 5
        #expect(try await Self.code("Bearer " + (try Values.token(claims))) == nil)
    }

    @Test(
        "Missing required app claims are missing_claim; wrong types are invalid_claim",
        arguments: ["id", "installationId", "apiBaseUrl"]
    )
    func missingRequiredClaims(name: String) async throws {
        var claims = Values.claims()
        var app = try #require(claims["app"] as? [String: Any])
        app[name] = nil
        claims["app"] = app
        let expected: WebhookError.Code = .missingClaim
        #expect(try await Self.code("Bearer " + (try Values.token(claims))) == expected)
        app[name] = 42
        claims["app"] = app
        #expect(try await Self.code("Bearer " + (try Values.token(claims))) == .invalidClaim)
    }

    @Test("An optional claim of an unexpected type is read as absent, not a rejection")
    func optionalClaimOfAnotherType() async throws {
        var claims = Values.claims()
        claims["principal"] = 5
        claims["context"] = "ari:cloud:confluence::site/x"
        let verifier = try Self.verifier(fetch: try .production())
        let request = Values.request(
            authorization: "Bearer " + (try Values.token(claims)),
            body: try Values.pageCreatedBody()
        )
        let invocation = try await verifier.verify(request).event.invocation
        #expect(invocation.principal == nil)
        #expect(invocation.context == nil)
        #expect(invocation.installationID == Values.installationID)
    }

    @Test("A token without an app object is missing_claim")
    func missingApp() async throws {
        var claims = Values.claims()
        claims["app"] = nil
        #expect(try await Self.code("Bearer " + (try Values.token(claims))) == .missingClaim)
    }

    @Test(
        "A bad icLabel is invalid_claim, before any fetch",
        arguments: [
            "../x", "Orange", "ORANGE", String(repeating: "a", count: 51), "", "a b", "a.b", "a/b", "é", "a%2e",
        ]
    )
    func badIsolatedCloudLabel(label: String) async throws {
        var claims = Values.claims()
        claims["icLabel"] = label
        let fetch = try ForgeFakeFetch.production()
        let verifier = try Self.verifier(fetch: fetch, template: Values.isolatedCloudTemplate)
        #expect(try await Self.code("Bearer " + (try Values.token(claims)), verifier: verifier) == .invalidClaim)
        #expect(fetch.fetched.isEmpty)
    }

    @Test("icLabel of 50 characters from [a-z0-9_-] is accepted and picks the templated JWKS URL")
    func goodIsolatedCloudLabel() async throws {
        let label = "a0_-" + String(repeating: "z", count: 46)
        var claims = Values.claims()
        claims["icLabel"] = label
        let url = "https://forge.cdn.\(label).example.com/.well-known/jwks.json"
        let fetch = ForgeFakeFetch([url: try Values.jwks()])
        let verifier = try Self.verifier(fetch: fetch, template: Values.isolatedCloudTemplate)
        #expect(try await Self.code("Bearer " + (try Values.token(claims)), verifier: verifier) == nil)
        #expect(fetch.fetched == [url])
    }

    @Test("icLabel without a configured template is unknown_issuer, and nothing is fetched")
    func isolatedCloudWithoutTemplate() async throws {
        var claims = Values.claims()
        claims["icLabel"] = "orange"
        let fetch = try ForgeFakeFetch.production()
        let verifier = try Self.verifier(fetch: fetch)
        #expect(try await Self.code("Bearer " + (try Values.token(claims)), verifier: verifier) == .unknownIssuer)
        #expect(fetch.fetched.isEmpty)
    }

    @Test("A staging token is rejected unless staging is enabled; then the staging JWKS is used")
    func staging() async throws {
        let token = "Bearer " + (try Values.token(Values.claims(apiBaseURL: Values.stagingAPIBaseURL)))
        let fetch = ForgeFakeFetch([ForgeInvocationVerifier.stagingJWKSURL: try Values.jwks()])
        #expect(try await Self.code(token, verifier: try Self.verifier(fetch: fetch)) == .unknownIssuer)
        #expect(fetch.fetched.isEmpty)
        #expect(try await Self.code(token, verifier: try Self.verifier(fetch: fetch, acceptsStaging: true)) == nil)
        #expect(fetch.fetched == [ForgeInvocationVerifier.stagingJWKSURL])
        // A production token never goes to the staging JWKS, even with staging enabled.
        let production = "Bearer " + (try Values.token())
        #expect(
            try await Self.code(production, verifier: try Self.verifier(fetch: fetch, acceptsStaging: true))
                == .keyFetchFailed
        )
    }

    @Test("A JWKS outage is key_fetch_failed (503) for the configured URLs, issuer_keys_unavailable for Isolated Cloud")
    func fetchFailures() async throws {
        let token = "Bearer " + (try Values.token())
        let empty = ForgeFakeFetch([:])
        let code = try await Self.code(token, verifier: try Self.verifier(fetch: empty))
        #expect(code == .keyFetchFailed)
        #expect(WebhookError(.keyFetchFailed, "").category == .unavailable)
        var claims = Values.claims()
        claims["icLabel"] = "orange"
        let isolated = try await Self.code(
            "Bearer " + (try Values.token(claims)),
            verifier: try Self.verifier(fetch: empty, template: Values.isolatedCloudTemplate)
        )
        #expect(isolated == .issuerKeysUnavailable)
    }

    @Test("An unknown kid refetches through the provider at most once per cool-down")
    func unknownKeyIDRefetch() async throws {
        let clock = ManualClock(Values.now + 1)
        // Before the rotation the JWKS holds the key under another kid only.
        let fetch = ForgeFakeFetch([ForgeInvocationVerifier.productionJWKSURL: try Self.jwksWithOtherKeyID()])
        let settings = CachingKeyProvider.Settings(minimumRefreshInterval: .seconds(300))
        let verifier = try Self.verifier(fetch: fetch, clock: clock, settings: settings)
        let token = "Bearer " + (try Values.token())
        #expect(try await Self.code(token, verifier: verifier) == .unknownKeyID)
        #expect(fetch.fetched.count == 1)  // the first fetch is fresh: no refetch for it
        #expect(try await Self.code(token, verifier: verifier) == .unknownKeyID)
        #expect(try await Self.code(token, verifier: verifier) == .unknownKeyID)
        #expect(fetch.fetched.count == 1)  // within the cool-down: no refetch
        // Atlassian rotates its keys; after the cool-down one refetch finds the new key.
        fetch.set(ForgeInvocationVerifier.productionJWKSURL, try Values.jwks())
        clock.advance(by: 301)
        let fresh = "Bearer " + (try Values.token(Values.claims(issuedAt: clock.now)))
        #expect(try await Self.code(fresh, verifier: verifier) == nil)
        #expect(fetch.fetched.count == 2)
        #expect(try await Self.code(fresh, verifier: verifier) == nil)
        #expect(fetch.fetched.count == 2)
    }

    @Test("Error reasons never hold the token or the header text")
    func reasonsHoldNoToken() async throws {
        let token = try Values.token(Values.claims(audience: "ari:cloud:ecosystem::app/other"))
        let verifier = try Self.verifier(fetch: try .production())
        let body = try Values.pageCreatedBody()
        for authorization in ["Bearer " + token, "Basic " + token, "Bearer x.\(token)"] {
            do throws(WebhookError) {
                _ = try await verifier.verify(Values.request(authorization: authorization, body: body))
                Issue.record("accepted")
            } catch {
                #expect(!error.reason.contains(token))
                #expect(!error.reason.contains(String(token.split(separator: ".")[1])))
                #expect(!error.reason.contains("Basic"))
            }
        }
    }

    @Test("An event name given outside the body must equal its eventType")
    func eventNameMismatch() async throws {
        let token = "Bearer " + (try Values.token())
        #expect(try await Self.code(token, eventName: "avi:confluence:created:page") == nil)
        #expect(try await Self.code(token, eventName: "avi:confluence:deleted:page") == .eventNameMismatch)
    }

    /// The test JWKS with its key under another kid.
    static func jwksWithOtherKeyID() throws -> [UInt8] {
        let text = String(decoding: try Values.jwks(), as: UTF8.self)
        return Array(text.replacingOccurrences(of: Values.keyID, with: "forge/invocation-token/rotated-away").utf8)
    }

    // MARK: Configuration

    @Test("Bad configuration fails at set-up")
    func configuration() throws {
        let fetch = try ForgeFakeFetch.production()
        #expect(throws: WebhookError(.invalidConfiguration, "")) {
            try ForgeInvocationVerifier(appID: "", fetch: fetch.fetch)
        }
        #expect(throws: WebhookError(.invalidConfiguration, "")) {
            try ForgeInvocationVerifier(appID: Values.appID, fetch: fetch.fetch, leeway: .seconds(-1))
        }
        for template in [
            "http://forge.{icLabel}.example/jwks.json", "https://forge.example/jwks.json",
            "https://{icLabel}.{icLabel}.example", "https://forge example/{icLabel}", "{icLabel}",
        ] {
            #expect(throws: WebhookError(.invalidConfiguration, ""), "\(template)") {
                try ForgeInvocationVerifier(
                    appID: Values.appID,
                    fetch: fetch.fetch,
                    isolatedCloudJWKSURLTemplate: template
                )
            }
        }
        #expect(throws: WebhookError(.invalidConfiguration, "")) {
            try ForgeInvocationVerifier(
                appID: Values.appID,
                fetch: fetch.fetch,
                cacheSettings: .init(cacheDuration: .zero)
            )
        }
        let verifier = try ForgeInvocationVerifier(
            appID: Values.appID,
            keys: StaticKeyProvider(keys: try JWTKeySet(jwks: try Values.jwks()))
        )
        #expect(verifier.minimumDeliveryRetention == .seconds(600))
        #expect(verifier.vendor == .confluence)
    }

    @Test("A user-built provider (StaticKeyProvider) works as the key source")
    func staticProvider() async throws {
        let verifier = try ForgeInvocationVerifier(
            appID: Values.appID,
            keys: StaticKeyProvider(keys: try JWTKeySet(jwks: try Values.jwks())),
            clock: { Values.now }
        )
        #expect(try await Self.code("Bearer " + (try Values.token()), verifier: verifier) == nil)
    }
}
