import Foundation
import Testing
import WebhookCore
import WebhookCrypto
import WebhookTesting

@testable import ConfluenceWebhooks

/// Connect mode: `Authorization: JWT <token>`, HS256 with the tenant's shared secret, `exp` and `qsh`
/// (vendor sheet §2.2 and Library decisions).
@Suite("Confluence Connect verification")
struct ConfluenceConnectVerificationTests {
    typealias Values = ConfluenceTestValues

    static let baseURL = "https://receiver.example.com/confluence"
    static let moduleURL = "/webhooks/page-created?spaceKey=ENG&lic=none"

    let secret = WebhookSecret(utf8: ConfluenceTestValues.sharedSecret)
    var signer: ConfluenceRequestSigner {
        .connect(clientKey: Values.clientKey, sharedSecret: secret, baseURL: Self.baseURL)
    }

    func verifier(
        lookup: CountingSecretLookup? = nil,
        baseURL: String? = Self.baseURL,
        leeway: Duration = .seconds(60),
        limits: WebhookLimits = .default,
        now: Double = ConfluenceTestValues.now
    ) -> ConfluenceSignatureVerifier {
        let lookup = lookup ?? CountingSecretLookup([Values.clientKey: [secret]])
        // Valid settings only: the ones the initialiser refuses are tested with it directly.
        return try! ConfluenceSignatureVerifier(
            sharedSecrets: lookup.lookup,
            baseURL: baseURL,
            leeway: leeway,
            limits: limits,
            clock: { now }
        )
    }

    func body() throws -> [UInt8] {
        try ConfluenceFixtures.bytes("events/page_created.json")
    }

    func signed(
        target: String = Self.moduleURL,
        method: String = "POST",
        lifetime: Double = 180,
        identifier: String? = nil,
        placement: ConfluenceRequestSigner.TokenPlacement = .authorizationHeader,
        signer: ConfluenceRequestSigner? = nil,
        editClaims: (inout [String: JSONValue]) -> Void = { _ in }
    ) throws -> WebhookRequest {
        try (signer ?? self.signer).sign(
            body: try body(),
            target: target,
            method: method,
            now: Values.now,
            lifetime: lifetime,
            webhookIdentifier: identifier,
            placement: placement,
            editClaims: editClaims
        )
    }

    /// A compact JWS with the given header and claims JSON, signed with HMAC-SHA256 under `key` (or unsigned).
    static func handMadeToken(header: String, claims: String, key: [UInt8]?) -> String {
        let input = Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(claims.utf8))
        guard let key else { return input + "." }
        let mac = HMACAuthenticator(key: WebhookSecret(key), algorithm: .sha256).authenticationCode(
            for: Array(input.utf8)
        )
        return input + "." + Base64URL.encode(mac)
    }

    func claimsJSON(qsh: String? = nil) -> String {
        let hash = qsh ?? ConfluenceQueryStringHash.hash(method: "POST", target: Self.moduleURL)
        let now = Int(Values.now)
        return #"{"iss":"\#(Values.clientKey)","iat":\#(now),"exp":\#(now + 180),"qsh":"\#(hash)"}"#
    }

    func withToken(_ token: String) throws -> WebhookRequest {
        Values.replacingHeader(try signed(), "Authorization", "JWT " + token)
    }

    // MARK: Accepted

    @Test("a signed delivery with a query string verifies; jwt and deliveryID are exposed")
    func valid() async throws {
        let request = try signed(identifier: "wh-0001")
        #expect(request.target == Self.baseURL + Self.moduleURL)
        #expect(request.headers["Authorization"]?.hasPrefix("JWT ") == true)
        let verified = try await verifier().verify(request, eventName: "page_created")
        #expect(verified.eventName == "page_created")
        #expect(verified.deliveryID == "wh-0001")
        let jwt = try #require(verified.jwt)
        #expect(jwt.header.algorithm == "HS256")
        #expect(jwt.claims.issuer == Values.clientKey)
        #expect(jwt.claims.expiresAt == Values.now + 180)
        guard case .pageCreated(let created) = verified.event else {
            Issue.record("expected pageCreated")
            return
        }
        #expect(created.page?.title == "Test Page")
    }

    @Test("an origin-form target and a whole URL verify alike")
    func originForm() async throws {
        let request = try signed()
        var originForm = request
        originForm.target = "/confluence" + Self.moduleURL
        _ = try await verifier().verify(originForm, eventName: "page_created")
    }

    @Test("an app served at the root needs no baseURL")
    func rootApp() async throws {
        let rootSigner = ConfluenceRequestSigner.connect(clientKey: Values.clientKey, sharedSecret: secret)
        let request = try signed(signer: rootSigner)
        #expect(request.target == Self.moduleURL)
        _ = try await verifier(baseURL: nil).verify(request, eventName: "page_created")
        _ = try await verifier(baseURL: "https://receiver.example.com").verify(request, eventName: "page_created")
        _ = try await verifier(baseURL: "https://receiver.example.com/").verify(request, eventName: "page_created")
    }

    @Test("the token in the jwt query parameter verifies")
    func tokenInQuery() async throws {
        let request = try signed(placement: .queryParameter)
        #expect(request.headers["Authorization"] == nil)
        #expect(request.target.contains("&jwt="))
        let verified = try await verifier().verify(request, eventName: "page_created")
        #expect(verified.jwt?.claims.issuer == Values.clientKey)
    }

    @Test("key rotation: any of the installation's shared secrets verifies")
    func rotation() async throws {
        let old = WebhookSecret(utf8: "previous-shared-secret")
        let oldSigner = ConfluenceRequestSigner.connect(
            clientKey: Values.clientKey,
            sharedSecret: old,
            baseURL: Self.baseURL
        )
        let request = try signed(signer: oldSigner)
        let both = CountingSecretLookup([Values.clientKey: [secret, old]])
        _ = try await verifier(lookup: both).verify(request, eventName: "page_created")
        let currentOnly = CountingSecretLookup([Values.clientKey: [secret]])
        #expect(
            await Values.rejection(verifier(lookup: currentOnly), request, eventName: "page_created")?.code
                == .signatureMismatch
        )
    }

    @Test("the fixed-table initialiser looks secrets up by clientKey")
    func fixedTable() async throws {
        let table = try ConfluenceSignatureVerifier(
            sharedSecrets: [Values.clientKey: [secret]],
            baseURL: Self.baseURL,
            clock: { Values.now }
        )
        #expect(table.isConnect)
        _ = try await table.verify(try signed(), eventName: "page_created")
        let other = try ConfluenceSignatureVerifier(
            sharedSecrets: ["someone-else": [secret]],
            clock: { Values.now }
        )
        #expect(await Values.rejection(other, try signed(), eventName: "page_created")?.code == .unknownIssuer)
    }

    @Test("the fixed table prepares each client's keys once; rotation works with the prepared keys")
    func fixedTablePrepared() async throws {
        let old = WebhookSecret(utf8: "the-previous-shared-secret")
        let table = try ConfluenceSignatureVerifier(
            sharedSecrets: [Values.clientKey: [old, secret]],
            baseURL: Self.baseURL,
            clock: { Values.now }
        )
        // Rotation: the second prepared key verifies; a token under another secret still fails.
        _ = try await table.verify(try signed(), eventName: "page_created")
        let wrong = ConfluenceRequestSigner.connect(
            clientKey: Values.clientKey,
            sharedSecret: WebhookSecret(utf8: "not-the-shared-secret"),
            baseURL: Self.baseURL
        )
        let mismatch = await Values.rejection(table, try signed(signer: wrong), eventName: "page_created")
        #expect(mismatch?.code == .signatureMismatch)
    }

    @Test("a table with an empty secret fails the initialiser with invalidKey")
    func fixedTableEmptySecret() {
        #expect(throws: WebhookError(.invalidKey, "")) {
            try ConfluenceSignatureVerifier(sharedSecrets: [
                Values.clientKey: [secret], "broken": [WebhookSecret([UInt8]())],
            ])
        }
    }

    @Test("an empty table or a clientKey without a secret fails the initialiser with invalidConfiguration")
    func fixedTableWithoutSecrets() {
        #expect(throws: WebhookError(.invalidConfiguration, "")) {
            try ConfluenceSignatureVerifier(sharedSecrets: [String: [WebhookSecret]]())
        }
        #expect(throws: WebhookError(.invalidConfiguration, "")) {
            try ConfluenceSignatureVerifier(sharedSecrets: [Values.clientKey: [secret], "none": []])
        }
    }

    @Test(
        "a negative leeway fails both Connect initialisers (no longer clamped)",
        arguments: [Duration.seconds(-1), .milliseconds(-1), .nanoseconds(-1)]
    )
    func invalidLeeway(_ leeway: Duration) {
        let error = #expect(throws: WebhookError.self) {
            try ConfluenceSignatureVerifier(sharedSecrets: { _ in [] }, leeway: leeway)
        }
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.vendor == .confluence)
        #expect(throws: WebhookError(.invalidConfiguration, "")) {
            try ConfluenceSignatureVerifier(sharedSecrets: [Values.clientKey: [secret]], leeway: leeway)
        }
    }

    @Test(
        "a baseURL that is not an https URL with a host fails the Connect initialisers",
        arguments: [
            "http://receiver.example.com", "receiver.example.com/app", "https://", "https:///app", "", "https://a b",
        ]
    )
    func invalidBaseURL(_ baseURL: String) {
        #expect(throws: WebhookError(.invalidConfiguration, "")) {
            try ConfluenceSignatureVerifier(sharedSecrets: { _ in [] }, baseURL: baseURL)
        }
        #expect(throws: WebhookError(.invalidConfiguration, "")) {
            try ConfluenceSignatureVerifier(sharedSecrets: [Values.clientKey: [secret]], baseURL: baseURL)
        }
    }

    @Test("qsh does not cover the body: a changed body still verifies (Connect's documented limit)")
    func bodyNotCovered() async throws {
        var request = try signed()
        request.body = try ConfluenceFixtures.bytes("events/page_created--enriched.json")
        let verified = try await verifier().verify(request)
        #expect(verified.eventName == "page_created")
    }

    // MARK: Signature and key

    @Test("a token signed with another secret is rejected")
    func wrongSecret() async throws {
        let other = ConfluenceRequestSigner.connect(
            clientKey: Values.clientKey,
            sharedSecret: WebhookSecret(utf8: "not-the-shared-secret"),
            baseURL: Self.baseURL
        )
        let error = await Values.rejection(verifier(), try signed(signer: other), eventName: "page_created")
        #expect(error?.code == .signatureMismatch)
    }

    @Test("an unknown clientKey is unknownIssuer: absent from the lookup or an empty lookup result")
    func unknownClientKey() async throws {
        let stranger = ConfluenceRequestSigner.connect(
            clientKey: "stranger",
            sharedSecret: secret,
            baseURL: Self.baseURL
        )
        let request = try signed(signer: stranger)
        #expect(await Values.rejection(verifier(), request, eventName: "page_created")?.code == .unknownIssuer)
        let empty = CountingSecretLookup([Values.clientKey: []])
        #expect(await Values.rejection(verifier(lookup: empty), try signed())?.code == .unknownIssuer)
    }

    @Test("a lookup that throws is keyFetchFailed (unavailable: 503), as in HipChat, once per request")
    func lookupThrows() async throws {
        let failing = CountingSecretLookup([Values.clientKey: [secret]], failing: true)
        let error = await Values.rejection(verifier(lookup: failing), try signed(), eventName: "page_created")
        #expect(error?.code == .keyFetchFailed)
        #expect(error?.category == .unavailable)
        #expect(failing.count == 1)
    }

    @Test("an empty shared secret from the lookup is invalidKey (configuration), as in HipChat")
    func emptySecret() async throws {
        let lookup = CountingSecretLookup([Values.clientKey: [WebhookSecret([UInt8]()), secret]])
        let error = await Values.rejection(verifier(lookup: lookup), try signed(), eventName: "page_created")
        #expect(error?.code == .invalidKey)
        #expect(error?.category == .configuration)
    }

    @Test(
        "an alg this package does not know is unsupportedAlgorithm, as in HipChat, before any lookup",
        arguments: ["XS999", "hs256", "HS256 ", ""]
    )
    func unknownAlgorithm(_ alg: String) async throws {
        let lookup = CountingSecretLookup([Values.clientKey: [secret]])
        let token = Self.handMadeToken(
            header: #"{"alg":"\#(alg)"}"#,
            claims: claimsJSON(),
            key: Array(Values.sharedSecret.utf8)
        )
        let error = await Values.rejection(verifier(lookup: lookup), try withToken(token), eventName: "page_created")
        #expect(error?.code == .unsupportedAlgorithm)
        #expect(error?.category == .authentication)
        #expect(lookup.count == 0)
    }

    @Test("alg none is rejected before the secret lookup", arguments: ["none", "None", "NONE"])
    func algNone(_ alg: String) async throws {
        let lookup = CountingSecretLookup([Values.clientKey: [secret]])
        let token = Self.handMadeToken(header: #"{"alg":"\#(alg)","typ":"JWT"}"#, claims: claimsJSON(), key: nil)
        let error = await Values.rejection(verifier(lookup: lookup), try withToken(token), eventName: "page_created")
        #expect(error?.code == .unsupportedAlgorithm)
        #expect(lookup.count == 0)
        let signedNone = Self.handMadeToken(
            header: #"{"alg":"\#(alg)","typ":"JWT"}"#,
            claims: claimsJSON(),
            key: Array(Values.sharedSecret.utf8)
        )
        #expect(
            await Values.rejection(verifier(lookup: lookup), try withToken(signedNone))?.code == .unsupportedAlgorithm
        )
    }

    @Test("HS384, HS512 and RS256 tokens are not allowed: Connect webhooks are HS256 only")
    func otherAlgorithms() async throws {
        for algorithm in [JWSAlgorithm.hs384, .hs512] {
            let hsSigner = try JWTSigner.hmac(secret, algorithm: algorithm)
            let token = try hsSigner.sign(payload: Array(claimsJSON().utf8))
            let lookup = CountingSecretLookup([Values.clientKey: [secret]])
            let error = await Values.rejection(
                verifier(lookup: lookup),
                try withToken(token),
                eventName: "page_created"
            )
            #expect(error?.code == .algorithmNotAllowed, "\(algorithm)")
            #expect(lookup.count == 0)
        }
        let rsa = try PrivateKey(
            pem: String(decoding: try ConfluenceFixtures.bytes("keys/rs256-not-atlassian.pem"), as: UTF8.self)
        )
        let rsToken = try JWTSigner.privateKey(rsa, algorithm: .rs256).sign(payload: Array(claimsJSON().utf8))
        #expect(await Values.rejection(verifier(), try withToken(rsToken))?.code == .algorithmNotAllowed)
        let unknown = Self.handMadeToken(header: #"{"alg":"XS999"}"#, claims: claimsJSON(), key: nil)
        #expect(await Values.rejection(verifier(), try withToken(unknown))?.code == .unsupportedAlgorithm)
    }

    @Test("HS256 signed with an RSA public key PEM as the secret (algorithm confusion) is rejected")
    func keyConfusion() async throws {
        let pem = try ConfluenceFixtures.bytes("keys/rs256-not-atlassian.pub.pem")
        let pemText = String(decoding: pem, as: UTF8.self)
        for key in [pem, Array(pemText.trimmingCharacters(in: .whitespacesAndNewlines).utf8)] {
            let token = Self.handMadeToken(header: #"{"alg":"HS256","typ":"JWT"}"#, claims: claimsJSON(), key: key)
            #expect(
                await Values.rejection(verifier(), try withToken(token), eventName: "page_created")?.code
                    == .signatureMismatch
            )
        }
    }

    // MARK: Claims

    @Test("expired beyond the leeway is rejected; within the leeway it verifies")
    func expiry() async throws {
        let request = try signed(lifetime: 180)
        let exp = Values.now + 180
        _ = try await verifier(now: exp - 1).verify(request, eventName: "page_created")
        _ = try await verifier(now: exp + 30).verify(request, eventName: "page_created")
        _ = try await verifier(now: exp + 59).verify(request, eventName: "page_created")
        let error = await Values.rejection(verifier(now: exp + 60), request, eventName: "page_created")
        #expect(error?.code == .expired)
        #expect(await Values.rejection(verifier(now: exp + 3600), request)?.code == .expired)
        #expect(await Values.rejection(verifier(leeway: .zero, now: exp), request)?.code == .expired)
        _ = try await verifier(leeway: .zero, now: exp - 1).verify(request, eventName: "page_created")
    }

    @Test("a token without exp is rejected")
    func missingExp() async throws {
        let request = try signed { $0["exp"] = nil }
        #expect(await Values.rejection(verifier(), request, eventName: "page_created")?.code == .missingClaim)
    }

    @Test("nbf and iat in the future beyond the leeway are rejected")
    func futureClaims() async throws {
        let notYet = try signed { $0["nbf"] = .integer(Int64(Values.now) + 120) }
        #expect(await Values.rejection(verifier(), notYet)?.code == .notYetValid)
        let future = try signed { $0["iat"] = .integer(Int64(Values.now) + 120) }
        #expect(await Values.rejection(verifier(), future)?.code == .issuedInFuture)
        let nearFuture = try signed { $0["iat"] = .integer(Int64(Values.now) + 30) }
        _ = try await verifier().verify(nearFuture, eventName: "page_created")
    }

    @Test("iss missing, not a string, empty or too long is rejected before the lookup")
    func issuerClaim() async throws {
        let cases: [(String, JSONValue?, WebhookError.Code)] = [
            ("missing", nil, .missingClaim),
            ("number", .integer(42), .invalidClaim),
            ("array", .array([.string(Values.clientKey)]), .invalidClaim),
            ("empty", .string(""), .invalidClaim),
            ("long", .string(String(repeating: "k", count: 257)), .invalidClaim),
        ]
        for (what, value, code) in cases {
            let lookup = CountingSecretLookup([Values.clientKey: [secret]])
            let request = try signed { $0["iss"] = value }
            let error = await Values.rejection(verifier(lookup: lookup), request, eventName: "page_created")
            #expect(error?.code == code, "\(what)")
            #expect(lookup.count == 0, "\(what)")
        }
        let longest = String(repeating: "k", count: ConfluenceSignatureVerifier.maximumClientKeyLength)
        let lookup = CountingSecretLookup([longest: [secret]])
        let request = try signed { $0["iss"] = .string(longest) }
        _ = try await verifier(lookup: lookup).verify(request, eventName: "page_created")
    }

    @Test("qsh for another path, query or method is rejected")
    func queryHashMismatch() async throws {
        let request = try signed()
        let variants: [(String, (inout WebhookRequest) -> Void)] = [
            ("other path", { $0.target = Self.baseURL + "/webhooks/page-removed?spaceKey=ENG&lic=none" }),
            ("other query value", { $0.target = Self.baseURL + "/webhooks/page-created?spaceKey=DEV&lic=none" }),
            ("extra query parameter", { $0.target += "&admin=true" }),
            ("query parameter dropped", { $0.target = Self.baseURL + "/webhooks/page-created?spaceKey=ENG" }),
            ("no query", { $0.target = Self.baseURL + "/webhooks/page-created" }),
            ("other method", { $0.method = "PUT" }),
            ("& moved into the path", { $0.target = Self.baseURL + "/webhooks/page-created&lic=none?spaceKey=ENG" }),
            (
                "other base path",
                { $0.target = "https://receiver.example.com/other/webhooks/page-created?spaceKey=ENG&lic=none" }
            ),
        ]
        for (what, change) in variants {
            var variant = request
            change(&variant)
            let error = await Values.rejection(verifier(), variant, eventName: "page_created")
            #expect(error?.code == .queryHashMismatch, "\(what)")
            #expect(error?.category == .authentication)
        }
        let noBase = await Values.rejection(verifier(baseURL: nil), request, eventName: "page_created")
        #expect(noBase?.code == .queryHashMismatch, "baseURL not configured")
    }

    @Test("query parameter order, a trailing slash and a lowercase method do not matter")
    func queryHashEquivalents() async throws {
        var request = try signed()
        request.target = Self.baseURL + "/webhooks/page-created/?lic=none&spaceKey=ENG"
        request.method = "post"
        _ = try await verifier().verify(request, eventName: "page_created")
    }

    @Test("qsh missing, not a string, or a context qsh is rejected")
    func queryHashClaim() async throws {
        let missing = try signed { $0["qsh"] = nil }
        #expect(await Values.rejection(verifier(), missing)?.code == .missingClaim)
        let null = try signed { $0["qsh"] = .null }
        #expect(await Values.rejection(verifier(), null)?.code == .missingClaim)
        let number = try signed { $0["qsh"] = .integer(1) }
        #expect(await Values.rejection(verifier(), number)?.code == .invalidClaim)
        let context = try signed { $0["qsh"] = .string("context-qsh") }
        #expect(await Values.rejection(verifier(), context)?.code == .queryHashMismatch)
        let expected = ConfluenceQueryStringHash.hash(method: "POST", target: Self.moduleURL)
        let uppercase = try signed { $0["qsh"] = .string(expected.uppercased()) }
        #expect(await Values.rejection(verifier(), uppercase)?.code == .queryHashMismatch)
        let exact = try signed { $0["qsh"] = .string(expected) }
        _ = try await verifier().verify(exact, eventName: "page_created")
    }

    // MARK: Token location and shape

    @Test("no token is missingSignature, including an unsigned connect_addon_disabled after uninstall")
    func missingToken() async throws {
        let request = Values.removingHeader(try signed(), "Authorization")
        #expect(await Values.rejection(verifier(), request, eventName: "page_created")?.code == .missingSignature)
        let disabled = WebhookRequest(
            target: Self.baseURL + "/webhooks/addon-disabled",
            headers: ["Content-Type": "application/json"],
            body: try ConfluenceFixtures.bytes("events/connect_addon_disabled.json")
        )
        let error = await Values.rejection(verifier(), disabled, eventName: "connect_addon_disabled")
        #expect(error?.code == .missingSignature)
        #expect(error?.category == .authentication)
        let bearer = Values.replacingHeader(request, "Authorization", "Bearer abc.def.ghi")
        #expect(await Values.rejection(verifier(), bearer)?.code == .missingSignature)
        let hmacOnly = Values.replacingHeader(request, "X-Hub-Signature", "sha256=" + String(repeating: "0", count: 64))
        #expect(await Values.rejection(verifier(), hmacOnly)?.code == .missingSignature)
    }

    @Test("a token both in the header and in the query, twice in the query, or two Authorization headers is rejected")
    func ambiguousToken() async throws {
        let header = try signed()
        let query = try signed(placement: .queryParameter)
        var both = query
        both.headers = header.headers
        #expect(await Values.rejection(verifier(), both)?.code == .malformedToken)
        var twiceInQuery = query
        twiceInQuery.target += "&jwt=x.y.z"
        #expect(await Values.rejection(verifier(), twiceInQuery)?.code == .malformedToken)
        var twoHeaders = header
        twoHeaders.headers.add(name: "authorization", value: header.headers["Authorization"] ?? "")
        #expect(await Values.rejection(verifier(), twoHeaders)?.code == .malformedToken)
        var emptyQuery = header
        emptyQuery.headers = Values.removingHeader(header, "Authorization").headers
        emptyQuery.target += "&jwt="
        #expect(await Values.rejection(verifier(), emptyQuery)?.code == .malformedToken)
    }

    @Test(
        "malformed tokens are rejected before the lookup",
        arguments: ["abc", "a.b", "a.b.c.d", "!!.??.**", "e30.e30.e30"]
    )
    func malformedToken(_ token: String) async throws {
        let lookup = CountingSecretLookup([Values.clientKey: [secret]])
        let error = await Values.rejection(verifier(lookup: lookup), try withToken(token), eventName: "page_created")
        #expect(error?.code == .malformedToken)
        #expect(error?.category == .authentication)
        #expect(lookup.count == 0)
    }

    @Test("a token over the limit is rejected before parsing; a body over the limit before the token")
    func sizeLimits() async throws {
        let request = try signed()
        let token = try #require(request.headers["Authorization"]).dropFirst("JWT ".count)
        let lookup = CountingSecretLookup([Values.clientKey: [secret]])
        let small = verifier(lookup: lookup, limits: WebhookLimits(maximumTokenSize: token.utf8.count - 1))
        let error = await Values.rejection(small, request, eventName: "page_created")
        #expect(error?.code == .tokenTooLarge)
        #expect(error?.category == .limit)
        #expect(lookup.count == 0)
        let huge = Values.replacingHeader(request, "Authorization", "JWT " + String(repeating: "a", count: 20_000))
        #expect(await Values.rejection(verifier(), huge)?.code == .tokenTooLarge)
        let exact = verifier(limits: WebhookLimits(maximumTokenSize: token.utf8.count))
        _ = try await exact.verify(request, eventName: "page_created")

        let bodyLimited = verifier(lookup: lookup, limits: WebhookLimits(maximumBodySize: request.body.count - 1))
        #expect(await Values.rejection(bodyLimited, request)?.code == .bodyTooLarge)
        let unsigned = Values.removingHeader(request, "Authorization")
        #expect(await Values.rejection(bodyLimited, unsigned)?.code == .bodyTooLarge)
        #expect(lookup.count == 0)
    }

    @Test("a non-UTF-8 body with a valid token authenticates and fails only as a decoding error")
    func nonUTF8Body() async throws {
        var request = try signed()
        request.body = [0xFF, 0xFE, 0x00, 0x7B, 0xC0, 0xAF]
        let error = await Values.rejection(verifier(), request, eventName: "page_created")
        #expect(error?.code == .malformedBody)
        #expect(error?.category == .decoding)
    }

    @Test("reasons never contain the token, its signature or the shared secret")
    func reasonsAreClean() async throws {
        let request = try signed()
        let token = String(try #require(request.headers["Authorization"]).dropFirst("JWT ".count))
        let signature = String(token.split(separator: ".").last ?? "")
        var failures: [WebhookError] = []
        var wrongPath = request
        wrongPath.target += "&x=1"
        for (candidate, now) in [(wrongPath, Values.now), (request, Values.now + 1000)] {
            if let error = await Values.rejection(verifier(now: now), candidate) { failures.append(error) }
        }
        let other = ConfluenceRequestSigner.connect(
            clientKey: Values.clientKey,
            sharedSecret: WebhookSecret(utf8: "x"),
            baseURL: Self.baseURL
        )
        if let error = await Values.rejection(verifier(), try signed(signer: other)) { failures.append(error) }
        #expect(failures.count == 3)
        for error in failures {
            #expect(!error.reason.contains(token))
            #expect(!error.reason.contains(signature))
            #expect(!error.reason.contains(Values.sharedSecret))
        }
    }

    // MARK: Delivery key

    @Test("Connect: the identifier under the clientKey, else the jti, else a digest of the token and the body")
    func deliveryKeys() async throws {
        let verifier = verifier()
        let identified = try signed(identifier: "wh-1")
        let byIdentifier = try await verifier.verify(identified, eventName: "page_created")
        #expect(byIdentifier.deliveryKey == "confluence:id:\(Values.clientKey):wh-1")
        #expect(
            try await verifier.verify(identified, eventName: "page_created").deliveryKey == byIdentifier.deliveryKey
        )

        let withJTI = try signed(editClaims: { $0["jti"] = .string("jti-7") })
        #expect(
            try await verifier.verify(withJTI, eventName: "page_created").deliveryKey
                == "confluence:jti:\(Values.clientKey):jti-7"
        )
        let identifiedWithJTI = try signed(identifier: "wh-2", editClaims: { $0["jti"] = .string("jti-7") })
        #expect(
            try await verifier.verify(identifiedWithJTI, eventName: "page_created").deliveryKey
                == "confluence:id:\(Values.clientKey):wh-2"
        )

        let bare = try signed(editClaims: { $0["jti"] = nil })
        let digest = try #require(try await verifier.verify(bare, eventName: "page_created").deliveryKey)
        #expect(digest.hasPrefix("confluence:sha256:"))
        #expect(try await verifier.verify(bare, eventName: "page_created").deliveryKey == digest)
        // Connect does not sign the body, but the key still tells two bodies under one token apart.
        var otherBody = bare
        otherBody.body += [UInt8(ascii: " ")]
        #expect(try await verifier.verify(otherBody, eventName: "page_created").deliveryKey != digest)
    }

    @Test("Connect: an outside event name that differs from the body's is event_name_mismatch")
    func eventNameMismatch() async throws {
        let body = Array(#"{"event":"page_created","page":{"id":1}}"#.utf8)
        let request = try signer.sign(body: body, target: Self.moduleURL, now: Values.now)
        #expect(try await verifier().verify(request, eventName: "page_created").eventName == "page_created")
        #expect(await Values.rejection(verifier(), request, eventName: "page_removed")?.code == .eventNameMismatch)
    }

    @Test("Connect tokens are bounded only by their own exp: the minimum retention is zero")
    func retention() {
        #expect(verifier().minimumDeliveryRetention == .zero)
    }

    // MARK: Signer

    @Test("the signer's claims: iss, iat, exp = iat + lifetime, and the qsh of the module URL")
    func signerClaims() async throws {
        let request = try signed(lifetime: 300)
        let token = String(try #require(request.headers["Authorization"]).dropFirst("JWT ".count))
        let unverified = try UnverifiedJWT(token)
        #expect(unverified.header.algorithm == "HS256")
        #expect(unverified.claims.issuer == Values.clientKey)
        #expect(unverified.claims.issuedAt == Values.now)
        #expect(unverified.claims.expiresAt == Values.now + 300)
        let payload = try WebhookJSON.value(from: unverified.payload)
        #expect(payload["qsh"]?.stringValue == ConfluenceQueryStringHash.hash(method: "POST", target: Self.moduleURL))
        #expect(request.headers["Content-Type"] == "application/json")
    }

    @Test("an empty shared secret cannot sign")
    func signerEmptySecret() throws {
        let empty = ConfluenceRequestSigner.connect(clientKey: Values.clientKey, sharedSecret: WebhookSecret([UInt8]()))
        #expect(throws: WebhookError(.invalidKey, "")) {
            try empty.sign(body: [], now: Values.now)
        }
    }
}
