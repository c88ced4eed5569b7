import ApiTreeWebhooks
import Foundation
import Testing
import WebhookCore
import WebhookCrypto
import WebhookFixtureSupport
import WebhookTesting

/// The signed sample requests of `Fixtures/apitree/requests/`: each verifies (or fails) as its `expect` says, and
/// each is exactly what ``ApiTreeRequestSigner`` produces from `Fixtures/apitree/keys/secrets.json`.
///
/// Run with `WEBHOOKKIT_WRITE_FIXTURES=1` to rewrite the files after changing the generator.
@Suite("ApiTree signed sample requests")
struct ApiTreeSignedRequestTests {
    struct Secrets: Decodable {
        var secret: String
        var wrongSecret: String
        var webhookURL: String
    }

    /// `requests/config.json`: how to configure the verifier for the samples.
    struct Config: Decodable {
        var secret: String
        var webhookURL: String
        var algorithm: String?
        var encoding: String?
        var layout: String?

        func scheme() throws -> ApiTreeSignatureVerifier.Scheme {
            var scheme = ApiTreeSignatureVerifier.Scheme.default
            switch algorithm ?? "sha1" {
            case "sha1": scheme.algorithm = .sha1
            case "sha256": scheme.algorithm = .sha256
            default: throw ConfigError(field: "algorithm")
            }
            switch encoding ?? "base64" {
            case "base64": scheme.encoding = .base64
            case "hex": scheme.encoding = .hex
            default: throw ConfigError(field: "encoding")
            }
            switch layout ?? "urlThenBody" {
            case "urlThenBody": scheme.layout = .urlThenBody
            case "bodyOnly": scheme.layout = .bodyOnly
            default: throw ConfigError(field: "layout")
            }
            return scheme
        }
    }

    struct ConfigError: Error {
        var field: String
    }

    static let now = 1_700_000_000.0

    static func secrets() throws -> Secrets {
        try JSONDecoder().decode(Secrets.self, from: Data(try fixtures.bytes("keys", "secrets.json")))
    }

    static func config() throws -> Config {
        try JSONDecoder().decode(Config.self, from: Data(try fixtures.bytes("requests", "config.json")))
    }

    /// Every sample, made with the signer.
    static func generate() throws -> [String: WebhookRequestFile] {
        let keys = try secrets()
        let signer = ApiTreeRequestSigner(secret: WebhookSecret(utf8: keys.secret), webhookURL: keys.webhookURL)
        let apiCreated = try fixtures.bytes("events", "api.created.json")
        let endOfLife = try fixtures.bytes("events", "release.endOfLife.json")
        var files: [String: WebhookRequestFile] = [:]

        files["api-created.json"] = .verified(
            "api.created (tab-indented body, as ApiTree's example) signed with the default scheme: "
                + "Base64(HMAC-SHA1(secret, webhook URL + raw body))",
            signer.sign(body: apiCreated),
            now: now,
            event: "api.created"
        )
        files["release-endOfLife.json"] = .verified(
            "release.endOfLife signed with the default scheme",
            signer.sign(body: endOfLife),
            now: now,
            event: "release.endOfLife"
        )

        var behindProxy = signer.sign(body: apiCreated)
        behindProxy.target = "http://internal.example:8080/webhooks/apitree"
        behindProxy.headers.add(name: "Host", value: "event-api.apitree.com")
        files["behind-proxy.json"] = .verified(
            "received at another URL and Host (a proxy): still verified, the configured webhook URL is what is signed",
            behindProxy,
            now: now,
            event: "api.created"
        )

        var tampered = signer.sign(body: apiCreated)
        tampered.body = Array(String(decoding: apiCreated, as: UTF8.self).replacing("jdoe", with: "mallory").utf8)
        files["rejected-tampered-body.json"] = .rejected(
            "the body was changed after signing (user nickname)",
            tampered,
            now: now,
            code: .signatureMismatch
        )

        let wrongSigner = ApiTreeRequestSigner(
            secret: WebhookSecret(utf8: keys.wrongSecret),
            webhookURL: keys.webhookURL
        )
        files["rejected-wrong-secret.json"] = .rejected(
            "signed with keys/secrets.json's wrongSecret",
            wrongSigner.sign(body: apiCreated),
            now: now,
            code: .signatureMismatch
        )

        let otherURL = ApiTreeRequestSigner(
            secret: WebhookSecret(utf8: keys.secret),
            webhookURL: "https://attacker.example.net/webhooks/apitree"
        )
        var forOtherURL = otherURL.sign(body: apiCreated)
        forOtherURL.target = keys.webhookURL
        files["rejected-other-url.json"] = .rejected(
            "signed with the right secret for another webhook URL",
            forOtherURL,
            now: now,
            code: .signatureMismatch
        )

        var unsigned = signer.sign(body: apiCreated)
        unsigned.headers = ["Content-Type": "application/json"]
        files["rejected-missing-signature.json"] = .rejected(
            "no X-ApiTree-Signature header",
            unsigned,
            now: now,
            code: .missingSignature
        )

        let sha256 = ApiTreeRequestSigner(
            secret: WebhookSecret(utf8: keys.secret),
            webhookURL: keys.webhookURL,
            scheme: .init(algorithm: .sha256)
        )
        files["rejected-sha256-signature.json"] = .rejected(
            "HMAC-SHA256 with the right secret: 32 bytes where the configured SHA-1 gives 20, so malformed "
                + "(the algorithm is configured, never inferred from the length)",
            sha256.sign(body: apiCreated),
            now: now,
            code: .malformedSignature
        )

        files["authentic-invalid-payload.json"] = .rejected(
            "correctly signed, but timestamp is a number: authentic, not decodable (category decoding)",
            signer.sign(body: Array(#"{"name":"api.created","timestamp":1573570427}"#.utf8)),
            now: now,
            code: .invalidPayload
        )
        return files
    }

    @Test("the files are exactly what the signer generates")
    func filesMatchGenerator() throws {
        let generated = try Self.generate()
        #expect(try fixtures.sync(generated) == [])
        #expect(fixtures.requestFileNames() == generated.keys.sorted())
    }

    @Test("config.json agrees with keys/secrets.json")
    func configMatchesKeys() throws {
        let config = try Self.config()
        let keys = try Self.secrets()
        #expect(config.secret == keys.secret)
        #expect(config.webhookURL == keys.webhookURL)
        #expect(try config.scheme() == .default)
    }

    @Test("every sample request verifies or fails as its file expects", arguments: fixtures.requestFileNames())
    func sample(_ name: String) async throws {
        let fixture = try fixtures.requestFile("requests", name)
        let config = try Self.config()
        let verifier = try ApiTreeSignatureVerifier(
            secrets: [WebhookSecret(utf8: config.secret)],
            webhookURL: config.webhookURL,
            scheme: try config.scheme()
        )
        do {
            let verified = try await verifier.verify(fixture.request, eventName: fixture.eventName)
            #expect(fixture.expectation == .verified(event: verified.eventName), "\(name) verified")
        } catch {
            #expect(fixture.expectation == .rejected(code: error.code), "\(name): \(error)")
        }
    }

    @Test("the samples cover the required cases")
    func coverage() throws {
        let files = try fixtures.requestFileNames().map { try fixtures.requestFile("requests", $0) }
        #expect(files.contains { if case .verified? = $0.expectation { true } else { false } })
        let codes = Set(
            files.compactMap { if case .rejected(let code?)? = $0.expectation { code.rawValue } else { nil } }
        )
        #expect(codes.isSuperset(of: ["signature_mismatch", "missing_signature", "malformed_signature"]))
    }
}
