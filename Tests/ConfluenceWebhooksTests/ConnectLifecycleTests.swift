import ConfluenceWebhooks
import Foundation
import Testing
import WebhookCore
import WebhookCrypto
import WebhookTesting

/// Atlassian's install-key service, played by a table of PEMs by URL; it counts what is fetched.
final class InstallKeyService: WebhookKeyProvider {
    private let pems: [String: String]
    private let fetched = LockedValue<[String]>([])

    init(_ pems: [String: String]) {
        self.pems = pems
    }

    var urls: [String] { fetched.withLock { $0 } }

    func keySet(forIssuer issuer: String) async throws -> JWTKeySet {
        fetched.withLock { $0.append(issuer) }
        guard let pem = pems[issuer] else {
            throw WebhookError(.keyFetchFailed, "404 from the install-key service")
        }
        return try ConnectLifecycleVerifier.keySet(pem: pem)
    }
}

/// Signed-install callbacks, made the way Atlassian makes them.
enum SignedInstall {
    static let now: Double = 1_790_000_000
    static let appBaseURL = "https://app.example.com/connect"
    static let clientKey = "59ee2c28-25d8-3faf-a773-964c1a075df6"
    static let keyID = "3c7f5d4a-1b2e-4f60-9a8b-7c6d5e4f3a21"
    static let key = try! WebhookSigningKey.rsa()
    static let otherKey = try! WebhookSigningKey.rsa()

    static func body(
        eventType: String = "installed",
        clientKey: String = clientKey,
        sharedSecret: String? = "new-shared-secret"
    ) -> [UInt8] {
        var members = [
            #""key":"com.example.app""#, #""clientKey":"\#(clientKey)""#,
            #""baseUrl":"https://example.atlassian.net/wiki""#, #""productType":"confluence""#,
            #""eventType":"\#(eventType)""#, #""futureMember":{"kept":true}"#,
        ]
        if let sharedSecret {
            members.append(#""sharedSecret":"\#(sharedSecret)""#)
        }
        return Array(("{" + members.joined(separator: ",") + "}").utf8)
    }

    /// The token's claims: `iss` the clientKey, `aud` the app's base URL, `qsh` of the callback, three minutes.
    static func claims(
        target: String = "/connect/installed",
        issuer: String = clientKey,
        audience: String = #"["https://app.example.com/connect"]"#,
        expires: Double = now + 180
    ) -> String {
        let qsh = ConfluenceQueryStringHash.hash(method: "POST", target: target, baseURL: appBaseURL)
        return #"{"iss":"\#(issuer)","aud":\#(audience),"qsh":"\#(qsh)","iat":\#(Int(now)),"exp":\#(Int(expires))}"#
    }

    static func rs256(_ claims: String = claims(), key: WebhookSigningKey = key, keyID: String? = keyID) throws
        -> String
    {
        try JWTSigner.privateKey(key.key, algorithm: .rs256).sign(payload: Array(claims.utf8), keyID: keyID)
    }

    static func hs256(_ claims: String = claims(), secret: String) throws -> String {
        try JWTSigner.hmac(WebhookSecret(utf8: secret)).sign(payload: Array(claims.utf8))
    }

    /// A token with any header, unsigned (for `alg` tests, which fail before any signature).
    static func withHeader(_ header: String, claims: String = claims()) -> String {
        Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(claims.utf8)) + ".c2ln"
    }

    static func request(
        token: String?,
        body: [UInt8] = body(),
        target: String = "/connect/installed"
    ) -> WebhookRequest {
        var headers: WebhookHeaders = ["Content-Type": "application/json"]
        if let token {
            headers.add(name: "Authorization", value: "JWT \(token)")
        }
        return WebhookRequest(method: "POST", target: target, headers: headers, body: body)
    }

    static let service = InstallKeyService([
        ConnectLifecycleVerifier.productionInstallKeysURL + keyID: key.publicKeyPEM()
    ])

    static func verifier(
        keys: InstallKeyService = service,
        legacy: (any ConnectInstallationStore)? = nil
    ) throws -> ConnectLifecycleVerifier {
        try ConnectLifecycleVerifier(
            appBaseURLs: [appBaseURL],
            installKeys: keys,
            legacyReinstalls: legacy,
            clock: { now }
        )
    }
}

@Suite("Connect lifecycle: signed install (RS256) before anything is stored")
struct ConnectLifecycleTests {
    @Test("a signed installed callback verifies: the key comes from the install-key URL of its kid")
    func signedInstallVerifies() async throws {
        let service = InstallKeyService([
            ConnectLifecycleVerifier.productionInstallKeysURL + SignedInstall.keyID: SignedInstall.key.publicKeyPEM()
        ])
        let verifier = try SignedInstall.verifier(keys: service)
        let webhook = try await verifier.verify(
            SignedInstall.request(token: try SignedInstall.rs256()),
            eventName: "installed"
        )
        guard case .installed(let installation) = webhook.event else {
            Issue.record("not installed: \(webhook.event)")
            return
        }
        #expect(installation.clientKey == SignedInstall.clientKey)
        #expect(installation.sharedSecret == "new-shared-secret")
        #expect(installation.baseURL == "https://example.atlassian.net/wiki")
        #expect(installation.additionalFields["futureMember"] == .object(["kept": .bool(true)]))
        #expect(webhook.jwt?.claims.issuer == SignedInstall.clientKey)
        #expect(service.urls == ["https://connect-install-keys.atlassian.com/\(SignedInstall.keyID)"])
        #expect(!String(describing: installation).contains("new-shared-secret"))
    }

    @Test("aud as a string, and a base URL written with a trailing slash, are accepted")
    func audienceForms() async throws {
        let verifier = try ConnectLifecycleVerifier(
            appBaseURLs: ["https://old.example.com", SignedInstall.appBaseURL + "/"],
            installKeys: SignedInstall.service,
            clock: { SignedInstall.now }
        )
        let claims = SignedInstall.claims(audience: #""https://app.example.com/connect/""#)
        let webhook = try await verifier.verify(
            SignedInstall.request(token: try SignedInstall.rs256(claims)),
            eventName: nil
        )
        #expect(webhook.event.eventName == "installed")
    }

    struct Rejection: Sendable, CustomTestStringConvertible {
        var name: String
        var code: WebhookError.Code
        var request: @Sendable () throws -> WebhookRequest
        var testDescription: String { name }
    }

    static let rejections: [Rejection] = [
        Rejection(name: "no token (an unsigned install or re-install)", code: .missingSignature) {
            SignedInstall.request(token: nil)
        },
        Rejection(name: "no token and a body that is not JSON: not authentic, not undecodable", code: .missingSignature)
        {
            SignedInstall.request(token: nil, body: Array("not json".utf8))
        },
        Rejection(name: "a forged token and a body without clientKey", code: .signatureMismatch) {
            SignedInstall.request(token: try SignedInstall.rs256(key: SignedInstall.otherKey), body: Array("{}".utf8))
        },
        Rejection(name: "alg none", code: .unsupportedAlgorithm) {
            SignedInstall.request(token: SignedInstall.withHeader(#"{"alg":"none","kid":"k"}"#))
        },
        Rejection(name: "HS256 with the secret of the same body (legacy re-installs off)", code: .algorithmNotAllowed) {
            SignedInstall.request(token: try SignedInstall.hs256(secret: "new-shared-secret"))
        },
        Rejection(name: "ES256 instead of RS256", code: .algorithmNotAllowed) {
            SignedInstall.request(token: SignedInstall.withHeader(#"{"alg":"ES256","kid":"k"}"#))
        },
        Rejection(name: "no kid", code: .unknownKeyID) {
            SignedInstall.request(token: try SignedInstall.rs256(keyID: nil))
        },
        Rejection(name: "a kid that would leave the key host's path", code: .invalidClaim) {
            SignedInstall.request(token: try SignedInstall.rs256(keyID: "../../evil.example/key"))
        },
        Rejection(name: "a kid the key service does not know (404)", code: .issuerKeysUnavailable) {
            SignedInstall.request(token: try SignedInstall.rs256(keyID: "0000-unknown"))
        },
        Rejection(name: "signed by another key under the published kid", code: .signatureMismatch) {
            SignedInstall.request(token: try SignedInstall.rs256(key: SignedInstall.otherKey))
        },
        Rejection(name: "iss is not the body's clientKey", code: .issuerMismatch) {
            SignedInstall.request(token: try SignedInstall.rs256(SignedInstall.claims(issuer: "another-client")))
        },
        Rejection(name: "aud is another app", code: .audienceMismatch) {
            SignedInstall.request(
                token: try SignedInstall.rs256(SignedInstall.claims(audience: #"["https://evil.example.com"]"#))
            )
        },
        Rejection(name: "expired", code: .expired) {
            SignedInstall.request(
                token: try SignedInstall.rs256(SignedInstall.claims(expires: SignedInstall.now - 600))
            )
        },
        Rejection(name: "qsh of another callback (uninstalled) posted to installed", code: .queryHashMismatch) {
            SignedInstall.request(
                token: try SignedInstall.rs256(SignedInstall.claims(target: "/connect/uninstalled"))
            )
        },
        Rejection(name: "an installed body without sharedSecret", code: .invalidPayload) {
            SignedInstall.request(token: try SignedInstall.rs256(), body: SignedInstall.body(sharedSecret: nil))
        },
        Rejection(name: "the route's event is not the body's eventType", code: .eventNameMismatch) {
            SignedInstall.request(token: try SignedInstall.rs256(), body: SignedInstall.body(eventType: "uninstalled"))
        },
    ]

    @Test("every rule rejects with its code, and nothing reaches the store", arguments: rejections)
    func rejected(_ rejection: Rejection) async throws {
        let verifier = try SignedInstall.verifier()
        let store = InMemoryConnectInstallationStore()
        let request = try rejection.request()
        do {
            let webhook = try await verifier.verify(request, eventName: "installed")
            try await store.apply(webhook.event)
            Issue.record("accepted")
        } catch let error as WebhookError {
            #expect(error.code == rejection.code, "\(error)")
            #expect(error.vendor == .confluence)
            #expect(!error.reason.contains("new-shared-secret"))
        }
        #expect(try await store.installation(forClientKey: SignedInstall.clientKey) == nil)
    }

    @Test("set-up faults fail at set-up")
    func badConfiguration() {
        for (urls, keysURL) in [
            ([String](), ConnectLifecycleVerifier.productionInstallKeysURL),
            (["http://app.example.com"], ConnectLifecycleVerifier.productionInstallKeysURL),
            ([SignedInstall.appBaseURL], "https://connect-install-keys.atlassian.com"),
        ] {
            #expect(throws: WebhookError(.invalidConfiguration, "")) {
                try ConnectLifecycleVerifier(
                    appBaseURLs: urls,
                    installKeys: SignedInstall.service,
                    installKeysURL: keysURL
                )
            }
        }
    }

    @Test("legacy re-installs: HS256 verified with the stored secret only, and only when enabled")
    func legacyReinstalls() async throws {
        let store = InMemoryConnectInstallationStore()
        try await store.save(
            ConnectInstallation(
                clientKey: SignedInstall.clientKey,
                baseURL: "https://example.atlassian.net/wiki",
                sharedSecret: "stored-secret"
            )
        )
        let verifier = try SignedInstall.verifier(legacy: store)
        let accepted = try await verifier.verify(
            SignedInstall.request(token: try SignedInstall.hs256(secret: "stored-secret")),
            eventName: "installed"
        )
        #expect(accepted.event.installation.sharedSecret == "new-shared-secret")
        // The secret the body brings never checks the token that brought it.
        let ownSecret = SignedInstall.request(token: try SignedInstall.hs256(secret: "new-shared-secret"))
        let error = await #expect(throws: WebhookError.self) {
            try await verifier.verify(ownSecret, eventName: "installed")
        }
        #expect(error?.code == .signatureMismatch)
        // A clientKey the store does not know cannot re-install with HS256.
        let stranger = SignedInstall.request(
            token: try SignedInstall.hs256(SignedInstall.claims(issuer: "stranger"), secret: "any"),
            body: SignedInstall.body(clientKey: "stranger")
        )
        let unknown = await #expect(throws: WebhookError.self) {
            try await verifier.verify(stranger, eventName: "installed")
        }
        #expect(unknown?.code == .unknownIssuer)
        // RS256 still works with legacy re-installs enabled.
        let signed = try await verifier.verify(
            SignedInstall.request(token: try SignedInstall.rs256()),
            eventName: "installed"
        )
        #expect(signed.event.eventName == "installed")
    }

    @Test("install, webhooks, uninstall: the store wires the Connect webhook verifier")
    func storeWiresWebhooks() async throws {
        let store = InMemoryConnectInstallationStore()
        let lifecycle = try SignedInstall.verifier()
        let webhooks = try ConfluenceSignatureVerifier(installations: store, clock: { SignedInstall.now })
        let signer = ConfluenceRequestSigner.connect(
            clientKey: SignedInstall.clientKey,
            sharedSecret: WebhookSecret(utf8: "new-shared-secret")
        )
        let delivery = try signer.sign(
            body: Array(#"{"page":{"id":1},"timestamp":1}"#.utf8),
            target: "/webhooks/confluence",
            now: SignedInstall.now
        )
        // Before the install, the installation is unknown.
        let before = await #expect(throws: WebhookError.self) {
            try await webhooks.verify(delivery, eventName: "page_created")
        }
        #expect(before?.code == .unknownIssuer)

        let installed = try await lifecycle.verify(
            SignedInstall.request(token: try SignedInstall.rs256()),
            eventName: "installed"
        )
        try await store.apply(installed.event)
        let verified = try await webhooks.verify(delivery, eventName: "page_created")
        #expect(verified.jwt?.claims.issuer == SignedInstall.clientKey)

        let claims = SignedInstall.claims(target: "/connect/uninstalled")
        let uninstalled = try await lifecycle.verify(
            SignedInstall.request(
                token: try SignedInstall.rs256(claims),
                body: SignedInstall.body(eventType: "uninstalled", sharedSecret: nil),
                target: "/connect/uninstalled"
            ),
            eventName: "uninstalled"
        )
        try await store.apply(uninstalled.event)
        let after = await #expect(throws: WebhookError.self) {
            try await webhooks.verify(delivery, eventName: "page_created")
        }
        #expect(after?.code == .unknownIssuer)
        let kept = try await store.installation(forClientKey: SignedInstall.clientKey)
        #expect(kept?.isInstalled == false)
        #expect(kept?.installation.sharedSecret == "new-shared-secret")
    }

    @Test(
        "the documented and logged lifecycle bodies decode, unknown members kept",
        arguments: [
            "installed--confluence-logged.json", "installed--entitlement-fields.json",
            "installed--forge-installation-id.json", "installed--legacy-static-docs.json", "uninstalled.json",
        ]
    )
    func fixturesDecode(file: String) throws {
        let bytes = try ConfluenceFixtures.bytes("lifecycle/\(file)")
        let event = try ConnectLifecycleEvent.decode(from: bytes, eventName: nil)
        #expect(event.eventName == (file.hasPrefix("uninstalled") ? "uninstalled" : "installed"))
        #expect(!event.installation.clientKey.isEmpty)
        #expect(event.installation.additionalFields.isEmpty, "every documented member is typed")
        let encoded = try WebhookJSON.value(from: WebhookJSON.encode(event.installation))
        #expect(encoded == (try ConfluenceFixtures.json("lifecycle/\(file)")))
        if file == "installed--forge-installation-id.json" {
            #expect(
                event.installation.installationID == "ari:cloud:ecosystem::installation/uuid-of-forge-installation"
            )
        }
        if file == "installed--entitlement-fields.json" {
            #expect(event.installation.entitlementID == "Entitlement-Id")
            #expect(event.installation.displayURLServicedeskHelpCenter == "https://support.example.com")
        }
    }

    @Test("the lifecycle folder holds exactly the tested files")
    func allLifecycleFixturesTested() {
        #expect(ConfluenceFixtures.files(in: "lifecycle").count == 5)
    }
}
