import ConfluenceWebhooks
import Foundation
import WebhookCore
import WebhookCrypto

/// The values the Forge tests and the signed Forge sample requests share.
enum ForgeTestValues {
    static let now: Double = 1_750_000_000
    static let appID = "ari:cloud:ecosystem::app/8db33809-1f32-48bb-8c52-5877dab48107"
    static let installationID = "ari:cloud:ecosystem::installation/0a3a7799-53ae-4a5b-9e7e-03338980abb5"
    static let apiBaseURL = "https://api.atlassian.com/ex/confluence/d0d52620-3203-4cfa-8db5-f2587155f0dd"
    static let stagingAPIBaseURL = "https://api.stg.atlassian.com/ex/confluence/d0d52620-3203-4cfa-8db5-f2587155f0dd"
    static let cloudID = "d0d52620-3203-4cfa-8db5-f2587155f0dd"
    static let keyID = "forge/invocation-token/test-only-not-atlassian"
    static let isolatedCloudTemplate = "https://forge.cdn.{icLabel}.example.com/.well-known/jwks.json"
    static let url = "https://receiver.example.com/forge/events"

    /// The test-only private key (`Fixtures/confluence/forge/keys/forge-test-only.pem`).
    static func privateKey() throws -> PrivateKey {
        try PrivateKey(
            pem: String(decoding: try ConfluenceFixtures.bytes("forge/keys/forge-test-only.pem"), as: UTF8.self)
        )
    }

    /// The JWKS holding the test key's public half under ``keyID``.
    static func jwks() throws -> [UInt8] {
        try ConfluenceFixtures.bytes("forge/keys/jwks.json")
    }

    /// Claims like Forge's for an event trigger: 25 s lifetime from ``now``.
    static func claims(
        issuedAt: Double = now,
        apiBaseURL: String = apiBaseURL,
        audience: Any = appID,
        appIDClaim: String? = appID
    ) -> [String: Any] {
        var app: [String: Any] = [
            "installationId": installationID,
            "apiBaseUrl": apiBaseURL,
            "appVersion": "2.0.0",
            "version": "16",
            "environment": [
                "type": "PRODUCTION",
                "id": "ari:cloud:ecosystem::environment/8db33809-1f32-48bb-8c52-5877dab48107/aa911f10",
            ],
            "module": ["type": "core:endpoint", "key": "forge-remote-events"],
            "installation": ["id": installationID, "contexts": [["name": "confluence", "apiBaseUrl": apiBaseURL]]],
        ]
        app["id"] = appIDClaim
        return [
            "app": app,
            "context": ["cloudId": cloudID, "siteUrl": "https://example.atlassian.net", "localId": "ignored"],
            "aud": audience,
            "iss": "forge/invocation-token",
            "iat": Int(issuedAt),
            "nbf": Int(issuedAt),
            "exp": Int(issuedAt) + 25,
            "jti": "d8a496253ec8c18a54631e4c82cbedd5d0ae8570",
        ]
    }

    /// The claims as JSON text with sorted keys (deterministic, so signed samples can be compared).
    static func json(_ claims: [String: Any]) throws -> [UInt8] {
        Array(try JSONSerialization.data(withJSONObject: claims, options: [.sortedKeys, .withoutEscapingSlashes]))
    }

    /// A token signed RS256 with the test key (deterministic: PKCS #1 v1.5).
    static func token(_ claims: [String: Any] = claims(), keyID: String? = keyID) throws -> String {
        try JWTSigner.privateKey(try privateKey(), algorithm: .rs256).sign(payload: try json(claims), keyID: keyID)
    }

    /// A token with a hand-made header and a signature of the test key over it (for `alg` and `kid` cases).
    static func token(header: String, claims: [String: Any] = claims()) throws -> String {
        let input = Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(try json(claims))
        let signature = try privateKey().signature(for: Array(input.utf8), algorithm: .rs256)
        return input + "." + Base64URL.encode(signature)
    }

    /// A request carrying `authorization` and `body`.
    static func request(authorization: String?, body: [UInt8]) -> WebhookRequest {
        var headers: [(String, String)] = [("Content-Type", "application/json"), ("x-b3-traceid", "a523b7549f0b88c9")]
        if let authorization { headers.append(("Authorization", authorization)) }
        return WebhookRequest(method: "POST", target: url, headers: WebhookHeaders(headers), body: body)
    }

    /// The documented `avi:confluence:created:page` example.
    static func pageCreatedBody() throws -> [UInt8] {
        try ConfluenceFixtures.bytes("forge/events/avi.confluence.created.page.json")
    }
}

/// A fake HTTP GET serving JWKS documents by URL and counting calls.
final class ForgeFakeFetch: Sendable {
    private let documents: LockedValue<[String: [UInt8]]>
    private let calls = LockedValue<[String]>([])

    init(_ documents: [String: [UInt8]]) {
        self.documents = LockedValue(documents)
    }

    /// Serves the test JWKS at the production URL.
    static func production() throws -> ForgeFakeFetch {
        ForgeFakeFetch([ForgeInvocationVerifier.productionJWKSURL: try ForgeTestValues.jwks()])
    }

    func set(_ url: String, _ bytes: [UInt8]?) {
        documents.withLock { $0[url] = bytes }
    }

    var fetched: [String] { calls.withLock { $0 } }

    struct NotFound: Error {}

    var fetch: ForgeInvocationVerifier.Fetch {
        { url in
            self.calls.withLock { $0.append(url) }
            guard let bytes = self.documents.withLock({ $0[url] }) else { throw NotFound() }
            return bytes
        }
    }
}
