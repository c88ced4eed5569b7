import ConfluenceWebhooks
import Foundation
import Testing
import WebhookCore
import WebhookCrypto
import WebhookTesting

/// The signed Forge Remote sample requests in `Fixtures/confluence/forge/requests/`, made with the test-only key
/// in `Fixtures/confluence/forge/keys/`. RS256 (PKCS #1 v1.5) is deterministic, so the committed files must be exactly
/// what ``ForgeSampleRequests/make()`` makes; write them again with
/// `WEBHOOKKIT_WRITE_FIXTURES=1 swift test --filter ForgeSignedRequestTests`.
///
/// Forge Invocation Tokens live 25 s: every file holds the `now` to verify at, and tests verify with a clock
/// fixed there.
enum ForgeSampleRequests {
    typealias Values = ForgeTestValues

    struct Sample {
        var name: String
        var description: String
        var request: WebhookRequest
        var now: Double
        var expect: WebhookRequestFile.Expectation

        var file: WebhookRequestFile {
            WebhookRequestFile(
                description: description,
                request: request,
                now: now,
                mode: "forge",
                expectation: expect
            )
        }
    }

    static func events(_ name: String) throws -> [UInt8] {
        try ConfluenceFixtures.bytes("forge/events/" + name)
    }

    static func make() throws -> [Sample] {
        let bearer = "Bearer " + (try Values.token())
        let page = try events("avi.confluence.created.page.json")
        let verifyAt = Values.now + 2
        func sample(
            _ name: String,
            _ description: String,
            authorization: String?,
            body: [UInt8],
            now: Double = verifyAt,
            _ expect: WebhookRequestFile.Expectation
        ) -> Sample {
            Sample(
                name: name,
                description: description,
                request: Values.request(authorization: authorization, body: body),
                now: now,
                expect: expect
            )
        }
        var staging = Values.claims(apiBaseURL: Values.stagingAPIBaseURL)
        staging["jti"] = "5a1e0000000000000000000000000000000000aa"
        return [
            sample(
                "forge-page-created",
                "The documented avi:confluence:created:page example with a FIT for the configured app.",
                authorization: bearer,
                body: page,
                .verified(event: "avi:confluence:created:page")
            ),
            sample(
                "forge-page-created-payload-envelope",
                "The same event under payload, with retryContext, as the retry section of the docs shows it.",
                authorization: bearer,
                body: try events("avi.confluence.created.page--payload-envelope.json"),
                .verified(event: "avi:confluence:created:page")
            ),
            sample(
                "forge-installed",
                "avi:forge:installed:app as the remote-agents guide shows it delivered to a remote (eventType in the body).",
                authorization: "bearer " + (try Values.token()),
                body: try events("avi.forge.installed.app--remote-agents.json"),
                .verified(event: "avi:forge:installed:app")
            ),
            sample(
                "forge-expired",
                "The good request, verified 31 s after the token was issued: past exp (25 s) plus the 5 s leeway.",
                authorization: bearer,
                body: page,
                now: Values.now + 31,
                .rejected(code: .expired)
            ),
            sample(
                "forge-alg-none",
                "alg none, no signature.",
                authorization: "Bearer "
                    + Base64URL.encode(Array(#"{"alg":"none","kid":"\#(Values.keyID)"}"#.utf8)) + "."
                    + Base64URL.encode(try Values.json(Values.claims())) + ".",
                body: page,
                .rejected(code: .unsupportedAlgorithm)
            ),
            sample(
                "forge-wrong-audience",
                "A FIT for another app (aud and app.id).",
                authorization: "Bearer "
                    + (try Values.token(
                        Values.claims(
                            audience: "ari:cloud:ecosystem::app/00000000-0000-4000-8000-000000000000",
                            appIDClaim: "ari:cloud:ecosystem::app/00000000-0000-4000-8000-000000000000"
                        )
                    )),
                body: page,
                .rejected(code: .audienceMismatch)
            ),
            sample(
                "forge-unknown-kid",
                "Signed with the test key but naming a kid the JWKS does not hold.",
                authorization: "Bearer " + (try Values.token(keyID: "forge/invocation-token/not-in-the-jwks")),
                body: page,
                .rejected(code: .unknownKeyID)
            ),
            sample(
                "forge-staging",
                "A staging FIT (app.apiBaseUrl on api.stg.atlassian.com); staging is not enabled in config.json.",
                authorization: "Bearer " + (try Values.token(staging)),
                body: page,
                .rejected(code: .unknownIssuer)
            ),
            sample(
                "forge-missing-authorization",
                "No Authorization header.",
                authorization: nil,
                body: page,
                .rejected(code: .missingSignature)
            ),
        ]
    }

    static func renderConfig() -> String {
        """
        {
          "description": "How to configure ForgeInvocationVerifier for the samples in this folder; see README.md.",
          "appID": "\(Values.appID)",
          "jwks": "../keys/jwks.json",
          "jwksURL": "\(ForgeInvocationVerifier.productionJWKSURL)",
          "acceptsStaging": false,
          "leeway": 5
        }

        """
    }

    static func files() throws -> [String: String] {
        var files: [String: String] = [:]
        for sample in try make() {
            files["forge/requests/\(sample.name).json"] = String(decoding: try sample.file.encoded(), as: UTF8.self)
        }
        files["forge/requests/config.json"] = renderConfig()
        return files
    }
}

@Suite("Forge Remote: signed sample requests")
struct ForgeSignedRequestTests {
    static let requestFiles = ConfluenceFixtures.files(in: "forge/requests").filter { $0 != "config.json" }

    @Test("the committed files are exactly what the generator makes")
    func filesMatchTheGenerator() throws {
        let files = try ForgeSampleRequests.files()
        if ProcessInfo.processInfo.environment["WEBHOOKKIT_WRITE_FIXTURES"] == "1" {
            for (path, text) in files {
                try Data(text.utf8).write(to: ConfluenceFixtures.root.appendingPathComponent(path))
            }
            return
        }
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let committed = String(decoding: try ConfluenceFixtures.bytes(path), as: UTF8.self)
            #expect(committed == text, "\(path) differs from the generator's output")
        }
        let generated = Set(files.keys.filter { $0 != "forge/requests/config.json" })
        #expect(Set(Self.requestFiles.map { "forge/requests/" + $0 }) == generated)
    }

    @Test("every sample request gives its expected result at its now", arguments: requestFiles)
    func verifyEachFile(name: String) async throws {
        let file = try WebhookRequestFile(bytes: try ConfluenceFixtures.bytes("forge/requests/" + name))
        #expect(file.mode == "forge")
        let now = try #require(file.now)
        let config = try #require(
            JSONSerialization.jsonObject(with: Data(try ConfluenceFixtures.bytes("forge/requests/config.json")))
                as? [String: Any]
        )
        let appID = try #require(config["appID"] as? String)
        let jwks = try ConfluenceFixtures.bytes("forge/keys/jwks.json")
        let verifier = try ForgeInvocationVerifier(
            appID: appID,
            fetch: { url in
                guard url == ForgeInvocationVerifier.productionJWKSURL else { throw ForgeFakeFetch.NotFound() }
                return jwks
            },
            leeway: .seconds(try #require(config["leeway"] as? Int)),
            clock: { now }
        )
        let expectation = try #require(file.expectation)
        do {
            let verified = try await verifier.verify(file.request, eventName: file.eventName)
            #expect(expectation == .verified(event: verified.eventName), "\(name)")
            #expect(verified.event.invocation.installationID == ForgeTestValues.installationID)
        } catch {
            #expect(expectation == .rejected(code: error.code), "\(name): \(error)")
        }
    }
}
