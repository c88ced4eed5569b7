import Foundation
import RServiceWebhooks
import WebhookCore
import WebhookCrypto
import WebhookTesting

/// The configuration of one folder of sample requests (`config.json`).
struct SampleConfiguration: Codable {
    var mode: String
    var issuer: String
    var audience: String?
    var publicKeys: [String]?
    var algorithm: String?
    var secret: String?
    var documents: [String: String]?
    var leeway: Double?
    var maximumTokenAge: Double?

    /// A verifier for one sample, with the sample's clock and a fresh replay store.
    func verifier(now: Double) throws -> RServiceSignatureVerifier {
        let keys: RServiceSignatureVerifier.KeySource
        switch mode {
        case "publicKeys":
            let pems = try (publicKeys ?? []).map { String(decoding: try Fixtures.bytes($0), as: UTF8.self) }
            keys = try .publicKeys(
                pems.map { try WebhookPublicKey(pem: $0) },
                algorithm: algorithm.map(JWSAlgorithm.init)
            )
        case "sharedSecrets":
            keys = try .sharedSecrets([WebhookSecret(utf8: secret ?? "")])
        case "discovery":
            var served: [String: [UInt8]] = [:]
            for (url, path) in documents ?? [:] {
                served[url] = try Fixtures.bytes(path)
            }
            let documents = served
            keys = .discovery(
                try RServiceOpenIDDiscovery(
                    fetch: { url in
                        guard let bytes = documents[url] else { throw FakeFetch.NotFound() }
                        return bytes
                    },
                    clock: { now }
                )
            )
        default:
            keys = .unsigned
        }
        return try RServiceSignatureVerifier(
            keys: keys,
            issuer: issuer,
            audience: audience,
            leeway: .seconds(leeway ?? 60),
            maximumTokenAge: .seconds(maximumTokenAge ?? 300),
            clock: { now }
        )
    }
}

/// Writes the sample requests (run with `RSERVICE_WRITE_FIXTURES=1`).
enum SampleRequestGenerator {
    static let url = "https://receiver.example.com/webhooks/rservice"
    static let now = TestSupport.now
    static let policyIssuer =
        "https://wdc.xurrent-staging.com/webhook_policies/41c87abb02950b7541ee1d4fcea20cc05cc8a6f361612d7a86cb9577"

    /// The real 4me staging delivery of 2021 (code4me/4me-app-builder-nodejs, MIT): its body, byte for byte.
    static let capturedBody =
        #"{"jwt":"eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJkYXRhIjp7IndlYmhvb2tfaWQiOjEsIndlYmhvb2tfbm9kZUlEIjoiTkcxbExYTjBZV2RwYm1jdVkyOXRMMWRsWW1odmIyc3ZNUSIsImFjY291bnRfaWQiOiJ3ZGMiLCJhY2NvdW50IjoiaHR0cHM6Ly93ZGMuNG1lLXN0YWdpbmcuY29tIiwibmFtZSI6ImludGVncmF0aW9uX2luc3RhbmNlLnNlY3JldHMtdXBkYXRlIiwiZXZlbnQiOiJ3ZWJob29rLnZlcmlmeSIsIm9iamVjdF9pZCI6MSwib2JqZWN0X25vZGVJRCI6Ik5HMWxMWE4wWVdkcGJtY3VZMjl0TDFkbFltaHZiMnN2TVEiLCJwZXJzb25faWQiOjU5MSwicGVyc29uX25vZGVJRCI6Ik5HMWxMWE4wWVdkcGJtY3VZMjl0TDFCbGNuTnZiaTgxT1RFIiwicGVyc29uX25hbWUiOiJQbHVnZ2FibGUgSW50ZWdyYXRpb25zIiwicGF5bG9hZCI6eyJjYWxsYmFjayI6Imh0dHBzOi8vd2RjLjRtZS1zdGFnaW5nLmNvbS93ZWJob29rcy8xL3ZlcmlmeT9jb2RlPUZUaEVyWmUyUnI4d1ZCbnMtN2xhbEFUUCZleHBpcmVzX2F0PTE2MTQ2ODY4MzEifX0sImp0aSI6Ijk2MTE5YjU1ODk0M2FjZGVjYjAwMWI3NWQ5ZWVlNzgxNDc5YjdkOWVmZTQwMjVjYjE0NjExYjg2OGE0ZjQwN2IiLCJzdWIiOiIxIiwiaXNzIjoiaHR0cHM6Ly93ZGMuNG1lLXN0YWdpbmcuY29tIiwibmJmIjoxNjE0NjAwNDMxLCJpYXQiOjE2MTQ2MDA0MzEsImF1ZCI6ImludGVncmF0aW9ucyBwcm92aWRlZCBieSB3ZGNANG1lLXN0YWdpbmcuY29tIn0.mIBnKhjnnanciVjWMH7KybfLkwEkWNF_EF6onTmy561u2oWo52M0CQIPUzbgofKAKlAV5OH1K22BybbWw-iZqJ_EdG-a_ScrCMraOuSpnyw3osKZFe7-zEjJayWEQ735YQe1ewpTlhlDejbluSMPc-DN2sz2D02c8n956Vw_psvNlnkvmSZKaDiEYtiYOM3pfkLDlEZQCVZWHhXrsYoF53LYt39v3T9FL6Gf-A1MRNrA_SVfmfqyq9a6bXUKigsZwYB-IuxnwGNqfQSScVTLZg0DXD79WMGsTUskHmOKtWTxzJgX9fuOfMQXXjhzIArhzv7rJBB9crYRgaRX_A89QQ"}"#
    static let capturedIssuedAt: Double = 1_614_600_431
    static let capturedHeaders = [
        ["Accept", "*/*"],
        ["Content-Type", "application/json; charset=utf-8"],
        ["Host", "cr0pj0mkoh.execute-api.eu-west-1.amazonaws.com"],
        [
            "Link",
            #"<https://wdc.4me-staging.com/webhooks/1>; rel="canonical", <https://api.4me-staging.com/v1/webhooks/1>; rel="resource""#,
        ],
        ["User-Agent", "4me/1.0 (https://developer.4me.com/v1/webhooks)"],
        ["X-4me-Delivery", "8fd93dc6-1d43-49c2-892e-2ab5cb029e4e"],
    ]
    static let capturedURL = "https://cr0pj0mkoh.execute-api.eu-west-1.amazonaws.com/Prod/secrets/"

    static let mainConfiguration = SampleConfiguration(
        mode: "publicKeys",
        issuer: TestSupport.account,
        audience: TestSupport.audience,
        publicKeys: ["keys/rs256.pub.pem", "keys/es256.pub.pem", "keys/4me-staging-2021.pub.pem"],
        leeway: 60,
        maximumTokenAge: 300
    )
    static let sharedSecret = "rservice-fixture-shared-secret-not-a-real-one"
    static let sharedSecretConfiguration = SampleConfiguration(
        mode: "sharedSecrets",
        issuer: TestSupport.account,
        audience: TestSupport.audience,
        secret: sharedSecret
    )
    static let unsignedConfiguration = SampleConfiguration(mode: "unsigned", issuer: "https://mycompany.xurrent.com")
    static let discoveryConfiguration = SampleConfiguration(
        mode: "discovery",
        issuer: TestSupport.account,
        documents: [
            policyIssuer + "/.well-known/openid-configuration": "keys/discovery/openid-configuration.json",
            policyIssuer + "/jwks": "keys/discovery/jwks.json",
        ]
    )

    /// Every folder's configuration and samples, keyed by file path under `Fixtures/rservice/`.
    static func files() throws -> [String: String] {
        var files: [String: String] = [:]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        func config(_ folder: String, _ configuration: SampleConfiguration) throws {
            files[folder + "config.json"] = String(decoding: try encoder.encode(configuration), as: UTF8.self) + "\n"
        }
        func add(_ folder: String, _ name: String, _ sample: WebhookRequestFile) throws {
            files[folder + name + ".json"] = String(decoding: try sample.encoded(), as: UTF8.self)
        }
        func sample(
            _ description: String,
            _ request: WebhookRequest,
            body: String? = nil,
            now: Double = now,
            verified event: String? = nil,
            rejected code: WebhookError.Code? = nil
        ) -> WebhookRequestFile {
            var request = request
            if let body { request.body = Array(body.utf8) }
            return WebhookRequestFile(
                description: description,
                request: request,
                now: now,
                expectation: code.map { .rejected(code: $0) } ?? .verified(event: event)
            )
        }
        func jwtBody(_ token: String) -> String { #"{"jwt":"\#(token)"}"# }

        let rsa = TestSupport.signer(TestSupport.rsa, .rs256, audience: TestSupport.audience)
        let ec = TestSupport.signer(
            TestSupport.ec256,
            .es256,
            issuer: TestSupport.twinAccount,
            audience: TestSupport.audience
        )
        let noteAdded = TestSupport.message("request.note-added")
        let problemUpdate = TestSupport.message("problem.update")
        let webhookVerify = TestSupport.message("webhook.verify")

        // Main folder: public keys.
        let main = "requests/"
        try config(main, mainConfiguration)
        let rsaNote = try rsa.sign(message: noteAdded, target: url, now: now)
        try add(
            main,
            "verified-rs256-request-note-added",
            sample(
                "RS256 delivery of request.note-added (message: events/request.note-added.json), key keys/rs256.pem",
                rsaNote,
                verified: "request.note-added"
            )
        )
        try add(
            main,
            "verified-es256-problem-update-xurrent-issuer",
            sample(
                "ES256 delivery of problem.update (events/problem.update.json), key keys/es256.pem; iss is the Xurrent twin "
                    + "of the configured 4me account, exp 12 minutes after iat, x-xurrent-delivery header",
                try ec.sign(
                    message: problemUpdate,
                    target: url,
                    now: now,
                    lifetime: 720,
                    deliveryHeader: "x-xurrent-delivery"
                ),
                verified: "problem.update"
            )
        )
        try add(
            main,
            "verified-rs256-webhook-verify",
            sample(
                "RS256 webhook.verify handshake (events/webhook.verify.json); the callback URL is exposed to the caller",
                try rsa.sign(message: webhookVerify, target: url, now: now),
                verified: "webhook.verify"
            )
        )
        let captured = WebhookRequestFile(
            description:
                "REAL delivery captured on 4me staging on 2021-03-01 (webhook.verify, RS256, no exp), verified "
                + "with the policy's public key keys/4me-staging-2021.pub.pem at its iat. Source: "
                + "code4me/4me-app-builder-nodejs library/aws/events/verification.event.json and "
                + "library/aws/secrets-lambda/tests/handler-verification.test.js (MIT)",
            request: WebhookRequest(
                target: capturedURL,
                headers: WebhookHeaders(capturedHeaders.map { ($0[0], $0[1]) }),
                body: Array(capturedBody.utf8)
            ),
            now: capturedIssuedAt,
            expectation: .verified(event: "webhook.verify")
        )
        try add(main, "verified-4me-staging-2021-webhook-verify", captured)
        var tooOld = captured
        tooOld.description =
            "The real 2021 delivery an hour after its iat: it has no exp, so the maximum token age "
            + "(300 s + 60 s leeway) rejects it"
        tooOld.now = capturedIssuedAt + 3600
        tooOld.expectation = .rejected(code: .expired)
        try add(main, "rejected-4me-staging-2021-too-old", tooOld)
        var capturedTampered = captured
        let capturedToken = String(capturedBody.dropFirst(8).dropLast(2))
        capturedTampered.description =
            "The real 2021 delivery with its data changed (callback URL host), signature kept"
        capturedTampered.request.body = Array(
            jwtBody(
                TestSupport.tampered(capturedToken) {
                    $0.replacingOccurrences(
                        of: "https://wdc.4me-staging.com/webhooks/1/verify",
                        with: "https://evil.example/webhooks/1/verify"
                    )
                }
            ).utf8
        )
        capturedTampered.expectation = .rejected(code: .signatureMismatch)
        try add(main, "rejected-4me-staging-2021-tampered", capturedTampered)
        try add(
            main,
            "rejected-expired",
            sample(
                "RS256 token with exp 10 minutes after iat, verified an hour after iat",
                try rsa.sign(message: noteAdded, target: url, now: now - 3600, lifetime: 600),
                rejected: .expired
            )
        )
        try add(
            main,
            "rejected-tampered-data",
            sample(
                "RS256 token whose data claim was changed after signing (member name), signature kept",
                rsaNote,
                body: jwtBody(
                    TestSupport.tampered(TestSupport.token(of: rsaNote)) {
                        $0.replacingOccurrences(of: "Tom Edwards", with: "Eve Edwards")
                    }
                ),
                rejected: .signatureMismatch
            )
        )
        try add(
            main,
            "rejected-wrong-issuer",
            sample(
                "RS256 token with iss https://wdc.4me.com (production, not the configured staging account)",
                try TestSupport.signer(
                    TestSupport.rsa,
                    .rs256,
                    issuer: "https://wdc.4me.com",
                    audience: TestSupport.audience
                )
                .sign(message: noteAdded, target: url, now: now),
                rejected: .issuerMismatch
            )
        )
        try add(
            main,
            "rejected-wrong-audience",
            sample(
                "RS256 token with another policy's audience",
                try TestSupport.signer(
                    TestSupport.rsa,
                    .rs256,
                    audience: "integrations provided by widget@4me-staging.com"
                )
                .sign(message: noteAdded, target: url, now: now),
                rejected: .audienceMismatch
            )
        )
        try add(
            main,
            "rejected-wrong-key",
            sample(
                "RS256 token signed with keys/unlisted-rs256.pem, which the configuration does not list",
                try TestSupport.signer(TestSupport.unlistedRSA, .rs256, audience: TestSupport.audience)
                    .sign(message: noteAdded, target: url, now: now),
                rejected: .signatureMismatch
            )
        )
        try add(
            main,
            "rejected-missing-jti",
            sample(
                "RS256 token without jti (required: it feeds the replay check)",
                rsaNote,
                body: jwtBody(
                    TestSupport.token(
                        claims:
                            #"{"data":\#(String(decoding: noteAdded, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)),"#
                            + #""sub":"945","iss":"\#(TestSupport.account)","nbf":\#(Int(now)),"iat":\#(Int(now)),"#
                            + #""aud":"\#(TestSupport.audience)"}"#
                    )
                ),
                rejected: .missingClaim
            )
        )
        try add(
            main,
            "rejected-unsigned-body",
            sample(
                "A plain message (no policy) where the configuration requires a signed delivery",
                RServiceRequestSigner.unsignedRequest(message: noteAdded, target: url),
                rejected: .unsignedDelivery
            )
        )
        try add(
            main,
            "rejected-alg-none",
            sample(
                "The RS256 token with its header changed to alg none and no signature",
                rsaNote,
                body: jwtBody(
                    TestSupport.withHeader(
                        TestSupport.token(of: rsaNote),
                        #"{"typ":"JWT","alg":"none"}"#,
                        signature: ""
                    )
                ),
                rejected: .unsupportedAlgorithm
            )
        )
        let confusion = try RServiceRequestSigner.sharedSecret(
            WebhookSecret(utf8: TestSupport.rsa.publicKey.pemRepresentation()),
            issuer: TestSupport.account,
            audience: TestSupport.audience
        )
        try add(
            main,
            "rejected-hs256-key-confusion",
            sample(
                "HS256 token whose HMAC secret is the text of keys/rs256.pub.pem (RSA/HMAC key confusion)",
                try confusion.sign(message: noteAdded, target: url, now: now),
                rejected: .algorithmNotAllowed
            )
        )
        try add(
            main,
            "rejected-ps256",
            sample(
                "PS256 token signed with keys/rs256.pem: R-Service signs RSA keys with RS* only",
                try TestSupport.signer(TestSupport.rsa, .ps256, audience: TestSupport.audience)
                    .sign(message: noteAdded, target: url, now: now),
                rejected: .algorithmNotAllowed
            )
        )
        let ecRequest = try ec.sign(message: problemUpdate, target: url, now: now)
        let ecParts = TestSupport.token(of: ecRequest).split(separator: ".")
        let derSignature = DER.ecdsaSignature(fromRaw: try Base64URL.decode(ecParts[2]))
        try add(
            main,
            "rejected-es256-der-signature",
            sample(
                "ES256 token whose signature was re-encoded from JOSE raw R||S to DER",
                ecRequest,
                body: jwtBody(ecParts[0] + "." + ecParts[1] + "." + Base64URL.encode(derSignature)),
                rejected: .signatureMismatch
            )
        )

        // Shared secret.
        let shared = "requests/shared-secret/"
        try config(shared, sharedSecretConfiguration)
        let hmacSigner = try RServiceRequestSigner.sharedSecret(
            WebhookSecret(utf8: sharedSecret),
            issuer: TestSupport.account,
            audience: TestSupport.audience
        )
        try add(
            shared,
            "verified-hs256-request-note-added",
            sample(
                "HS256 delivery with the shared secret of config.json (a policy with jwt_alg hs256)",
                try hmacSigner.sign(message: noteAdded, target: url, now: now),
                verified: "request.note-added"
            )
        )
        try add(
            shared,
            "rejected-hs256-wrong-secret",
            sample(
                "HS256 delivery signed with another secret",
                try RServiceRequestSigner.sharedSecret(
                    WebhookSecret(utf8: "another-secret-of-the-same-length-000000"),
                    issuer: TestSupport.account,
                    audience: TestSupport.audience
                ).sign(message: noteAdded, target: url, now: now),
                rejected: .signatureMismatch
            )
        )

        // Unsigned.
        let unsigned = "requests/unsigned/"
        try config(unsigned, unsignedConfiguration)
        var plain = RServiceRequestSigner.unsignedRequest(
            message: noteAdded,
            target: url,
            deliveryID: "2f6b1c86-1f25-4e1b-9f54-3b8f0c1d4a77",
            deliveryHeader: "x-xurrent-delivery"
        )
        plain.headers.add(
            name: "Link",
            value: #"<https://mycompany.xurrent.com/requests/219>; rel="canonical", "#
                + #"<https://api.xurrent.com/v1/requests/219>; rel="resource", "#
                + #"<https://api.xurrent.com/v1/requests/219/notes/3455>; rel="related""#
        )
        try add(
            unsigned,
            "verified-unsigned-request-note-added",
            sample(
                "Unsigned delivery (no webhook policy): the documented request.note-added message as the body",
                plain,
                verified: "request.note-added"
            )
        )
        try add(
            unsigned,
            "rejected-signed-body",
            sample(
                "A signed {\"jwt\":…} delivery sent to a receiver configured for unsigned deliveries",
                rsaNote,
                rejected: .algorithmNotAllowed
            )
        )

        // OpenID Connect discovery.
        let discovery = "requests/discovery/"
        try config(discovery, discoveryConfiguration)
        files["keys/discovery/openid-configuration.json"] = """
            {"issuer":"\(policyIssuer)","jwks_uri":"\(policyIssuer)/jwks","id_token_signing_alg_values_supported":["RS256","ES256"]}

            """
        files["keys/discovery/jwks.json"] = """
            {"keys":[\(DER.jwk(TestSupport.rsa.publicKey, keyID: "rs256-2026")),\(DER.jwk(TestSupport.ec256.publicKey, keyID: "es256-2026", algorithm: "ES256"))]}

            """
        let discoverySigner = TestSupport.signer(TestSupport.ec256, .es256, issuer: policyIssuer, keyID: "es256-2026")
        try add(
            discovery,
            "verified-es256-discovered-key",
            sample(
                "ES256 delivery with OpenID Connect discovery: iss is the policy URL, kid es256-2026 selects the key from "
                    + "keys/discovery/jwks.json (served for the jwks_uri of keys/discovery/openid-configuration.json)",
                try discoverySigner.sign(
                    message: problemUpdate,
                    target: url,
                    now: now,
                    deliveryHeader: "x-xurrent-delivery"
                ),
                verified: "problem.update"
            )
        )
        try add(
            discovery,
            "rejected-unknown-kid",
            sample(
                "RS256 delivery naming kid rs256-2025, which the JWKS does not hold (no fallback to another key)",
                try TestSupport.signer(TestSupport.rsa, .rs256, issuer: policyIssuer, keyID: "rs256-2025")
                    .sign(message: problemUpdate, target: url, now: now),
                rejected: .unknownKeyID
            )
        )
        try add(
            discovery,
            "rejected-foreign-issuer",
            sample(
                "A token whose iss is a policy URL on another host: rejected before any key is fetched",
                try TestSupport.signer(
                    TestSupport.ec256,
                    .es256,
                    issuer: "https://attacker.example/webhook_policies/41c87abb",
                    keyID: "es256-2026"
                ).sign(message: problemUpdate, target: url, now: now),
                rejected: .issuerMismatch
            )
        )

        files["keys/secrets.json"] = """
            {
              "sharedSecret": "\(sharedSecret)"
            }

            """
        return files
    }
}
