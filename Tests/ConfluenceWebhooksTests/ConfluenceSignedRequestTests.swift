import ConfluenceWebhooks
import Foundation
import Testing
import WebhookCore
import WebhookCrypto
import WebhookTesting

/// The signed sample requests in `Fixtures/confluence/requests/`: how they are made, and a check of every file.
///
/// The files are made by ``ConfluenceSampleRequests/make()`` with ``ConfluenceRequestSigner``. To write them again,
/// run `WEBHOOKKIT_WRITE_FIXTURES=1 swift test --filter ConfluenceSignedRequestTests`; without the variable, a
/// test asserts that the committed files are exactly what the generator makes (HMAC and HS256 are deterministic).
enum ConfluenceSampleRequests {
    struct Sample {
        var name: String
        var description: String
        var mode: String
        var request: WebhookRequest
        var now: Double
        var eventName: String?
        var expect: WebhookRequestFile.Expectation

        /// The sample's file.
        var file: WebhookRequestFile {
            WebhookRequestFile(
                description: description,
                request: request,
                now: now,
                eventName: eventName,
                mode: mode,
                expectation: expect
            )
        }
    }

    static let host = "https://receiver.example.com"
    static let hmacURL = host + "/webhooks/confluence"
    static let signedAt: Double = ConfluenceTestValues.now
    static let wrongSecret = "not-the-configured-secret"
    static let unknownClientKey = "00000000-0000-4000-8000-000000000000"

    static func body(_ path: String) throws -> [UInt8] {
        try ConfluenceFixtures.bytes(path)
    }

    static func verified(_ event: String) -> WebhookRequestFile.Expectation { .verified(event: event) }
    static func rejected(_ code: WebhookError.Code) -> WebhookRequestFile.Expectation { .rejected(code: code) }

    /// The mode told from the request alone: Connect when it carries a JWT, else HMAC.
    static func detectedMode(of request: WebhookRequest) -> String {
        let hasJWT =
            request.headers["Authorization"].flatMap { JWTLocation.authorizationToken($0) } != nil
            || request.queryValue("jwt") != nil
        return hasJWT ? "connect" : "hmac"
    }

    static func make() throws -> [Sample] {
        let hmac = ConfluenceRequestSigner.hmac(secret: WebhookSecret(utf8: ConfluenceTestValues.hmacSecret))
        let hmacBare = ConfluenceRequestSigner.hmac(
            secret: WebhookSecret(utf8: ConfluenceTestValues.hmacSecret),
            prefixed: false
        )
        let hmacPrevious = ConfluenceRequestSigner.hmac(
            secret: WebhookSecret(utf8: ConfluenceTestValues.previousHMACSecret)
        )
        let hmacWrong = ConfluenceRequestSigner.hmac(secret: WebhookSecret(utf8: wrongSecret))
        let connect = ConfluenceRequestSigner.connect(
            clientKey: ConfluenceTestValues.clientKey,
            sharedSecret: WebhookSecret(utf8: ConfluenceTestValues.sharedSecret),
            baseURL: host
        )
        let connectWrong = ConfluenceRequestSigner.connect(
            clientKey: ConfluenceTestValues.clientKey,
            sharedSecret: WebhookSecret(utf8: wrongSecret),
            baseURL: host
        )
        let connectStranger = ConfluenceRequestSigner.connect(
            clientKey: unknownClientKey,
            sharedSecret: WebhookSecret(utf8: ConfluenceTestValues.sharedSecret),
            baseURL: host
        )
        let pageUpdated = try body("events/page_updated.json")
        let pageCreated = try body("events/page_created.json")
        let commentCreated = try body("events/comment_created.json")
        let moduleURL = "/webhooks/page-created?spaceKey=ENG&lic=none"

        func connectRequest(
            _ signer: ConfluenceRequestSigner,
            body: [UInt8],
            target: String = moduleURL,
            identifier: String? = nil,
            placement: ConfluenceRequestSigner.TokenPlacement = .authorizationHeader
        ) throws -> WebhookRequest {
            try signer.sign(
                body: body,
                target: target,
                method: "POST",
                now: signedAt,
                lifetime: 180,
                webhookIdentifier: identifier,
                placement: placement,
                editClaims: { _ in }
            )
        }

        var samples: [Sample] = []

        // MARK: HMAC, accepted
        samples.append(
            Sample(
                name: "hmac-page-updated",
                description:
                    "HMAC mode: the captured 2021 page_updated body (events/page_updated.json, byte for byte), "
                    + "X-Hub-Signature: sha256=<hex> with the current secret; "
                    + "Cloud bodies name no event, so eventName is given.",
                mode: "hmac",
                request: try hmac.sign(
                    body: pageUpdated,
                    target: hmacURL,
                    now: signedAt,
                    webhookIdentifier: "c0a8012e-5b1d-4f7e-9a53-2f9e6d1c0001"
                ),
                now: signedAt,
                eventName: "page_updated",
                expect: verified("page_updated")
            )
        )
        samples.append(
            Sample(
                name: "hmac-data-center-bare-hex",
                description:
                    "HMAC mode: a Data Center page_created body that names its event, "
                    + "signed as bare hex (no sha256= prefix).",
                mode: "hmac",
                request: try hmacBare.sign(
                    body: try body("events/page_created--data-center.json"),
                    target: hmacURL,
                    now: signedAt
                ),
                now: signedAt,
                eventName: nil,
                expect: verified("page_created")
            )
        )
        var uppercase = try hmac.sign(body: commentCreated, target: hmacURL, now: signedAt)
        uppercase.headers.replaceOrAdd(
            name: "X-Hub-Signature",
            value: "sha256=" + (uppercase.headers["X-Hub-Signature"] ?? "").dropFirst(7).uppercased()
        )
        samples.append(
            Sample(
                name: "hmac-uppercase-hex",
                description:
                    "HMAC mode: the captured comment_created body with the MAC in uppercase hex "
                    + "(accepted: hex is case-insensitive).",
                mode: "hmac",
                request: uppercase,
                now: signedAt,
                eventName: "comment_created",
                expect: verified("comment_created")
            )
        )
        samples.append(
            Sample(
                name: "hmac-rotated-secret",
                description: "HMAC mode: signed with the previous secret, still configured during a rotation.",
                mode: "hmac",
                request: try hmacPrevious.sign(
                    body: try body("events/page_updated--crewlet.json"),
                    target: hmacURL,
                    now: signedAt
                ),
                now: signedAt,
                eventName: "page_updated",
                expect: verified("page_updated")
            )
        )

        // MARK: HMAC, rejected
        var tampered = try hmac.sign(body: pageUpdated, target: hmacURL, now: signedAt)
        tampered.body = Array(
            String(decoding: pageUpdated, as: UTF8.self).replacingOccurrences(
                of: "Telstra Stuff\"",
                with: "Telstra Stuff (edited)\""
            ).utf8
        )
        samples.append(
            Sample(
                name: "hmac-tampered-body",
                description: "HMAC mode: the page_updated delivery with its title changed after signing.",
                mode: "hmac",
                request: tampered,
                now: signedAt,
                eventName: "page_updated",
                expect: rejected(.signatureMismatch)
            )
        )
        samples.append(
            Sample(
                name: "hmac-wrong-secret",
                description: "HMAC mode: signed with a secret that is not configured.",
                mode: "hmac",
                request: try hmacWrong.sign(body: pageUpdated, target: hmacURL, now: signedAt),
                now: signedAt,
                eventName: "page_updated",
                expect: rejected(.signatureMismatch)
            )
        )
        var sha1 = try hmac.sign(body: pageUpdated, target: hmacURL, now: signedAt)
        let sha1MAC = HMACAuthenticator(key: WebhookSecret(utf8: ConfluenceTestValues.hmacSecret), algorithm: .sha1)
            .authenticationCode(for: pageUpdated)
        sha1.headers.replaceOrAdd(name: "X-Hub-Signature", value: "sha1=" + Hex.encode(sha1MAC))
        samples.append(
            Sample(
                name: "hmac-sha1-prefix",
                description: "HMAC mode: a correct HMAC-SHA1 of the body labelled sha1=; only sha256 is accepted.",
                mode: "hmac",
                request: sha1,
                now: signedAt,
                eventName: "page_updated",
                expect: rejected(.malformedSignature)
            )
        )
        var truncated = try hmac.sign(body: pageUpdated, target: hmacURL, now: signedAt)
        truncated.headers.replaceOrAdd(
            name: "X-Hub-Signature",
            value: String((truncated.headers["X-Hub-Signature"] ?? "").prefix(7 + 40))
        )
        samples.append(
            Sample(
                name: "hmac-truncated-mac",
                description: "HMAC mode: the correct MAC cut to its first 20 bytes; a truncated MAC is never accepted.",
                mode: "hmac",
                request: truncated,
                now: signedAt,
                eventName: "page_updated",
                expect: rejected(.malformedSignature)
            )
        )
        var unsigned = try hmac.sign(body: pageUpdated, target: hmacURL, now: signedAt)
        unsigned.headers = WebhookHeaders(unsigned.headers.filter { $0.name != "X-Hub-Signature" })
        samples.append(
            Sample(
                name: "hmac-missing-signature",
                description: "HMAC mode: no X-Hub-Signature header.",
                mode: "hmac",
                request: unsigned,
                now: signedAt,
                eventName: "page_updated",
                expect: rejected(.missingSignature)
            )
        )
        samples.append(
            Sample(
                name: "hmac-authentic-not-json",
                description:
                    "HMAC mode: correctly signed, but the body is not JSON: "
                    + "authentic yet undecodable (category decoding).",
                mode: "hmac",
                request: try hmac.sign(body: Array("page_updated: Telstra Stuff".utf8), target: hmacURL, now: signedAt),
                now: signedAt,
                eventName: "page_updated",
                expect: rejected(.malformedBody)
            )
        )

        // MARK: Connect, accepted
        samples.append(
            Sample(
                name: "connect-page-created",
                description:
                    "Connect mode: the captured 2024 page_created body; "
                    + "Authorization: JWT with iss = clientKey, exp and the "
                    + "qsh of POST /webhooks/page-created?spaceKey=ENG&lic=none.",
                mode: "connect",
                request: try connectRequest(
                    connect,
                    body: pageCreated,
                    identifier: "c0a8012e-5b1d-4f7e-9a53-2f9e6d1c0002"
                ),
                now: signedAt + 5,
                eventName: "page_created",
                expect: verified("page_created")
            )
        )
        samples.append(
            Sample(
                name: "connect-token-in-query",
                description:
                    "Connect mode: the captured comment_created body with the token in the jwt query parameter.",
                mode: "connect",
                request: try connectRequest(
                    connect,
                    body: commentCreated,
                    target: "/webhooks/comment-created?spaceKey=ENG",
                    placement: .queryParameter
                ),
                now: signedAt + 5,
                eventName: "comment_created",
                expect: verified("comment_created")
            )
        )

        // MARK: Connect, rejected
        samples.append(
            Sample(
                name: "connect-expired",
                description:
                    "Connect mode: verified 241 s after signing; exp (iat + 180) plus the 60 s leeway has passed.",
                mode: "connect",
                request: try connectRequest(connect, body: pageCreated),
                now: signedAt + 241,
                eventName: "page_created",
                expect: rejected(.expired)
            )
        )
        var otherPath = try connectRequest(connect, body: pageCreated)
        otherPath.target = host + "/webhooks/page-removed?spaceKey=ENG&lic=none"
        samples.append(
            Sample(
                name: "connect-qsh-other-path",
                description:
                    "Connect mode: a token made for /webhooks/page-created delivered to /webhooks/page-removed.",
                mode: "connect",
                request: otherPath,
                now: signedAt + 5,
                eventName: "page_created",
                expect: rejected(.queryHashMismatch)
            )
        )
        samples.append(
            Sample(
                name: "connect-wrong-secret",
                description:
                    "Connect mode: the token is signed with a secret other than the installation's sharedSecret.",
                mode: "connect",
                request: try connectRequest(connectWrong, body: pageCreated),
                now: signedAt + 5,
                eventName: "page_created",
                expect: rejected(.signatureMismatch)
            )
        )
        samples.append(
            Sample(
                name: "connect-unknown-client-key",
                description: "Connect mode: iss is a clientKey the receiver has no shared secret for.",
                mode: "connect",
                request: try connectRequest(connectStranger, body: pageCreated),
                now: signedAt + 5,
                eventName: "page_created",
                expect: rejected(.unknownIssuer)
            )
        )
        var algNone = try connectRequest(connect, body: pageCreated)
        let token = String((algNone.headers["Authorization"] ?? "").dropFirst(4))
        let claims = token.split(separator: ".")[1]
        algNone.headers.replaceOrAdd(
            name: "Authorization",
            value: "JWT " + Base64URL.encode(Array(#"{"alg":"none","typ":"JWT"}"#.utf8)) + "." + claims + "."
        )
        samples.append(
            Sample(
                name: "connect-alg-none",
                description: "Connect mode: the valid claims re-sent with alg none and no signature.",
                mode: "connect",
                request: algNone,
                now: signedAt + 5,
                eventName: "page_created",
                expect: rejected(.unsupportedAlgorithm)
            )
        )
        var rs256 = try connectRequest(connect, body: pageCreated)
        let rsa = try PrivateKey(pem: String(decoding: try body("keys/rs256-not-atlassian.pem"), as: UTF8.self))
        let claimBytes = try Base64URL.decode(claims)
        rs256.headers.replaceOrAdd(
            name: "Authorization",
            value: "JWT " + (try JWTSigner.privateKey(rsa, algorithm: .rs256).sign(payload: claimBytes))
        )
        samples.append(
            Sample(
                name: "connect-rs256",
                description:
                    "Connect mode: the valid claims signed RS256 with keys/rs256-not-atlassian.pem; "
                    + "webhooks are HS256 only.",
                mode: "connect",
                request: rs256,
                now: signedAt + 5,
                eventName: "page_created",
                expect: rejected(.algorithmNotAllowed)
            )
        )
        samples.append(
            Sample(
                name: "connect-addon-disabled-unsigned",
                description:
                    "Connect mode: connect_addon_disabled without a JWT, as Atlassian sometimes sends it "
                    + "after uninstall (AC-2561); unsigned deliveries are never accepted.",
                mode: "connect",
                request: WebhookRequest(
                    target: host + "/webhooks/addon-disabled",
                    headers: ["Content-Type": "application/json"],
                    body: try body("events/connect_addon_disabled.json")
                ),
                now: signedAt + 5,
                eventName: "connect_addon_disabled",
                expect: rejected(.missingSignature)
            )
        )
        return samples
    }

    // MARK: Rendering

    /// A JSON string for the config and key files (the request files are ``WebhookRequestFile/encoded()``).
    static func quoted(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }

    static func renderConfig() -> String {
        let secrets = [ConfluenceTestValues.hmacSecret, ConfluenceTestValues.previousHMACSecret].map(quoted)
        return """
            {
              "description": "How to configure the Confluence verifiers for the samples in this folder; see README.md.",
              "hmacSecrets": [\(secrets.joined(separator: ", "))],
              "clientKey": \(quoted(ConfluenceTestValues.clientKey)),
              "sharedSecret": \(quoted(ConfluenceTestValues.sharedSecret)),
              "baseURL": \(quoted(host)),
              "leeway": 60
            }

            """
    }

    static func renderSecrets() -> String {
        """
        {
          "description": "Test values that sign the samples in ../requests/. Never use them for a real webhook.",
          "hmac": {
            "current": \(quoted(ConfluenceTestValues.hmacSecret)),
            "previous": \(quoted(ConfluenceTestValues.previousHMACSecret)),
            "wrong": \(quoted(wrongSecret))
          },
          "connect": {
            "clientKey": \(quoted(ConfluenceTestValues.clientKey)),
            "sharedSecret": \(quoted(ConfluenceTestValues.sharedSecret)),
            "baseURL": \(quoted(host)),
            "wrongSharedSecret": \(quoted(wrongSecret)),
            "unknownClientKey": \(quoted(unknownClientKey))
          },
          "rs256PrivateKey": "rs256-not-atlassian.pem",
          "rs256PublicKey": "rs256-not-atlassian.pub.pem"
        }

        """
    }

    /// Every generated file, by path relative to `Fixtures/confluence/`.
    static func files() throws -> [String: String] {
        var files: [String: String] = [:]
        for sample in try make() {
            files["requests/\(sample.name).json"] = String(decoding: try sample.file.encoded(), as: UTF8.self)
        }
        files["requests/config.json"] = renderConfig()
        files["keys/secrets.json"] = renderSecrets()
        return files
    }
}

struct ConfluenceSampleConfig: Decodable {
    var hmacSecrets: [String]
    var clientKey: String
    var sharedSecret: String
    var baseURL: String?
    var leeway: Double?

    func verifier(mode: String, now: Double) throws -> ConfluenceSignatureVerifier {
        if mode == "connect" {
            return try ConfluenceSignatureVerifier(
                sharedSecrets: [clientKey: [WebhookSecret(utf8: sharedSecret)]],
                baseURL: baseURL,
                leeway: .seconds(leeway ?? 60),
                clock: { now }
            )
        }
        return try ConfluenceSignatureVerifier(secrets: hmacSecrets.map { WebhookSecret(utf8: $0) }, clock: { now })
    }
}

@Suite("Confluence signed sample requests")
struct ConfluenceSignedRequestTests {
    static let requestFiles = ConfluenceFixtures.files(in: "requests").filter { $0 != "config.json" }

    @Test("the committed samples, config and secrets are exactly what the generator makes")
    func generated() throws {
        let files = try ConfluenceSampleRequests.files()
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
        let committedRequests = Set(Self.requestFiles.map { "requests/" + $0 })
        let generatedRequests = Set(files.keys.filter { $0.hasPrefix("requests/") && $0 != "requests/config.json" })
        #expect(committedRequests == generatedRequests)
    }

    @Test("the samples cover both modes, accepted and rejected")
    func coverage() throws {
        var seen: Set<String> = []
        for file in Self.requestFiles {
            let sample = try WebhookRequestFile(bytes: ConfluenceFixtures.bytes("requests/" + file))
            let mode = sample.mode ?? ConfluenceSampleRequests.detectedMode(of: sample.request)
            let result =
                switch try #require(sample.expectation) {
                case .verified: "verified"
                case .rejected: "rejected"
                }
            seen.insert(mode + ":" + result)
        }
        #expect(seen == ["hmac:verified", "hmac:rejected", "connect:verified", "connect:rejected"])
    }

    @Test("every sample request verifies or is rejected as its file expects", arguments: requestFiles)
    func sample(_ file: String) async throws {
        let config = try JSONDecoder().decode(
            ConfluenceSampleConfig.self,
            from: Data(try ConfluenceFixtures.bytes("requests/config.json"))
        )
        let sample = try WebhookRequestFile(bytes: ConfluenceFixtures.bytes("requests/" + file))
        let now = try #require(sample.now)
        let detectedMode = ConfluenceSampleRequests.detectedMode(of: sample.request)
        for mode in Set([sample.mode ?? detectedMode, detectedMode]) {
            let verifier = try config.verifier(mode: mode, now: now)
            do {
                let verified = try await verifier.verify(sample.request, eventName: sample.eventName)
                #expect(
                    sample.expectation == .verified(event: verified.eventName),
                    "\(file) verified in \(mode) mode, expected \(String(describing: sample.expectation))"
                )
                #expect(verified.body == sample.request.body)
            } catch {
                #expect(sample.expectation == .rejected(code: error.code), "\(file) in \(mode) mode: \(error)")
            }
        }
    }

    @Test("the keys in keys/ agree with config.json")
    func keysAgree() throws {
        let secrets = try ConfluenceFixtures.json("keys/secrets.json")
        let config = try ConfluenceFixtures.json("requests/config.json")
        #expect(config["hmacSecrets"]?[0] == secrets["hmac"]?["current"])
        #expect(config["hmacSecrets"]?[1] == secrets["hmac"]?["previous"])
        #expect(config["clientKey"] == secrets["connect"]?["clientKey"])
        #expect(config["sharedSecret"] == secrets["connect"]?["sharedSecret"])
        let pem = String(decoding: try ConfluenceFixtures.bytes("keys/rs256-not-atlassian.pem"), as: UTF8.self)
        let publicPEM = String(
            decoding: try ConfluenceFixtures.bytes("keys/rs256-not-atlassian.pub.pem"),
            as: UTF8.self
        )
        let key = try PrivateKey(pem: pem)
        #expect(
            key.publicKeyPEM().trimmingCharacters(in: .whitespacesAndNewlines)
                == publicPEM.trimmingCharacters(in: .whitespacesAndNewlines)
        )
    }
}
