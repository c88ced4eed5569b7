import Foundation
import HipChatWebhooks
import Testing
import WebhookCore
import WebhookCrypto
import WebhookFixtureSupport
import WebhookRegistry
import WebhookTesting

/// Shared values and helpers for the HipChat verifier tests.
enum HipChatTestSupport {
    static let clientID = "3d1b0c1e-5f4a-4e2b-9a7c-0f1e2d3c4b5a"
    static let secretText = "oauth-secret-of-installation-A"
    static let secret = WebhookSecret(utf8: secretText)
    static let now = 1_700_000_000.0
    /// A captured `room_message` whose sender is user 3450167 and whose `oauth_client_id` is another client.
    static let body: [UInt8] = (try? fixtures.bytes("events", "room_message.json")) ?? []
    static let senderID = "3450167"

    static func verifier(
        secrets: [String: [WebhookSecret]] = [clientID: [secret]],
        leeway: Duration = .seconds(60),
        requireSubjectMatchesSender: Bool = false,
        limits: WebhookLimits = .default,
        now: Double = now
    ) -> HipChatSignatureVerifier {
        // Valid settings only: the ones the initialiser refuses are tested with it directly.
        try! HipChatSignatureVerifier(
            secrets: secrets,
            leeway: leeway,
            requireSubjectMatchesSender: requireSubjectMatchesSender,
            limits: limits,
            clock: { now }
        )
    }

    static func signer(clientID: String = clientID, secret: WebhookSecret = secret) -> HipChatRequestSigner {
        HipChatRequestSigner(oauthClientID: clientID, secret: secret)
    }

    /// A delivery signed by the signer at ``now``.
    static func signed(
        _ body: [UInt8] = body,
        clientID: String = clientID,
        secret: WebhookSecret = secret,
        now: Double = now,
        lifetime: Double = 300,
        subject: String? = nil,
        placement: HipChatRequestSigner.TokenPlacement = .authorizationHeader,
        jwtID: String? = nil
    ) throws -> WebhookRequest {
        try signer(clientID: clientID, secret: secret).sign(
            body: body,
            now: now,
            lifetime: lifetime,
            subject: subject,
            placement: placement,
            jwtID: jwtID
        )
    }

    /// Claims JSON; `nil` leaves a claim out.
    static func claims(
        iss: String? = clientID,
        sub: String? = nil,
        iat: Double? = now,
        exp: Double? = now + 300,
        jti: String? = "jti-0001",
        extra: [String] = []
    ) -> String {
        var members: [String] = []
        if let iss { members.append(#""iss":"\#(iss)""#) }
        if let sub { members.append(#""sub":"\#(sub)""#) }
        if let iat { members.append(#""iat":\#(Int64(iat))"#) }
        if let exp { members.append(#""exp":\#(Int64(exp))"#) }
        if let jti { members.append(#""jti":"\#(jti)""#) }
        members += extra
        return "{" + members.joined(separator: ",") + "}"
    }

    /// A compact JWS with any header and claims, signed by `sign` over the signing input.
    static func token(
        header: String = #"{"alg":"HS256","typ":"JWT"}"#,
        claims: String,
        sign: ([UInt8]) throws -> [UInt8]
    ) rethrows -> String {
        let input = Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(claims.utf8))
        return input + "." + Base64URL.encode(try sign(Array(input.utf8)))
    }

    /// An HMAC-signed token (`hash` SHA-256 for HS256).
    static func hmacToken(
        header: String = #"{"alg":"HS256","typ":"JWT"}"#,
        claims: String = claims(),
        secret: [UInt8] = Array(secretText.utf8),
        hash: HashAlgorithm = .sha256
    ) -> String {
        token(header: header, claims: claims) {
            HMACAuthenticator(key: WebhookSecret(secret), algorithm: hash).authenticationCode(for: $0)
        }
    }

    /// A delivery carrying `token` in the `Authorization: JWT` header.
    static func request(token: String, body: [UInt8] = body) -> WebhookRequest {
        WebhookRequest(
            target: "/webhooks/hipchat",
            headers: ["Content-Type": "application/json", "Authorization": "JWT " + token],
            body: body
        )
    }

    /// The error a verification throws, or `nil` when it passes.
    static func rejection(_ verifier: HipChatSignatureVerifier, _ request: WebhookRequest) async -> WebhookError? {
        do {
            _ = try await verifier.verify(request)
            return nil
        } catch {
            return error
        }
    }

    /// The token a signed request carries.
    static func token(of request: WebhookRequest) -> String? {
        if let header = request.headers["Authorization"] {
            return JWTLocation.authorizationToken(header).map(String.init)
        }
        return request.queryValue("signed_request")
    }
}

/// A secret lookup that records the ids it is asked for.
final class LookupRecorder: Sendable {
    private let calls = LockedValue<[String]>([])
    private let table: [String: [WebhookSecret]]
    private let failure: Bool

    init(
        _ table: [String: [WebhookSecret]] = [HipChatTestSupport.clientID: [HipChatTestSupport.secret]],
        fails: Bool = false
    ) {
        self.table = table
        self.failure = fails
    }

    var requested: [String] { calls.withLock { $0 } }

    struct StoreDown: Error, CustomStringConvertible {
        var description: String { "database password=hunter2 unreachable" }
    }

    var lookup: HipChatSignatureVerifier.SecretLookup {
        { id in
            self.calls.withLock { $0.append(id) }
            if self.failure { throw StoreDown() }
            return self.table[id] ?? []
        }
    }

    func verifier(requireSubjectMatchesSender: Bool = false) -> HipChatSignatureVerifier {
        try! HipChatSignatureVerifier(
            secrets: lookup,
            requireSubjectMatchesSender: requireSubjectMatchesSender,
            clock: { HipChatTestSupport.now }
        )
    }
}

@Suite("HipChat signature verifier")
struct HipChatVerifierTests {
    typealias Support = HipChatTestSupport

    // MARK: Token locations

    @Test(
        "a token in Authorization: JWT, Authorization: JWT token= or ?signed_request= verifies",
        arguments: [
            HipChatRequestSigner.TokenPlacement.authorizationHeader, .authorizationTokenEquals, .signedRequestQuery,
        ]
    )
    func placements(_ placement: HipChatRequestSigner.TokenPlacement) async throws {
        let request = try Support.signed(placement: placement)
        let verified = try await Support.verifier().verify(request)
        #expect(verified.vendor == .hipChat)
        #expect(verified.eventName == "room_message")
        #expect(verified.body == Support.body)
        #expect(verified.deliveryID == nil)
        let jwt = try #require(verified.jwt)
        #expect(jwt.header.algorithm == "HS256")
        #expect(jwt.claims.issuer == Support.clientID)
        #expect(jwt.claims.subject == Support.senderID)
        #expect(jwt.claims.expiresAt == Support.now + 300)
        guard case .roomMessage(let payload) = verified.event else {
            Issue.record("expected .roomMessage, got \(verified.event)")
            return
        }
        #expect(payload.item.message.text.hasPrefix("/sql"))
    }

    @Test("the signer puts the token where asked")
    func signerPlacements() throws {
        let header = try Support.signed(placement: .authorizationHeader)
        #expect(header.headers["Authorization"]?.hasPrefix("JWT ey") == true)
        #expect(header.target == "/webhooks/hipchat")
        let equals = try Support.signed(placement: .authorizationTokenEquals)
        #expect(equals.headers["Authorization"]?.hasPrefix("JWT token=ey") == true)
        let query = try Support.signer().sign(
            body: Support.body,
            target: "https://addon.example.com/hook?room=1#top",
            now: Support.now,
            placement: .signedRequestQuery
        )
        #expect(query.target.hasPrefix("https://addon.example.com/hook?room=1&signed_request=ey"))
        #expect(query.target.hasSuffix("#top"))
        #expect(query.headers["Authorization"] == nil)
        #expect(query.headers["Content-Type"] == "application/json")
        #expect(query.method == "POST")
    }

    @Test("the scheme and token= prefix of the header are case-insensitive")
    func headerCase() async throws {
        let token = try #require(Support.token(of: try Support.signed()))
        for value in ["jwt \(token)", "Jwt TOKEN=\(token)", "JWT  \(token) "] {
            var request = try Support.signed()
            request.headers.replaceOrAdd(name: "authorization", value: value)
            _ = try await Support.verifier().verify(request)
        }
    }

    @Test("the same token in the query and the header verifies")
    func sameTokenTwice() async throws {
        var request = try Support.signed(placement: .signedRequestQuery)
        let token = try #require(request.queryValue("signed_request"))
        request.headers.add(name: "Authorization", value: "JWT " + token)
        _ = try await Support.verifier().verify(request)
    }

    @Test("different tokens in the query and the header are malformed_token")
    func conflictingTokens() async throws {
        var request = try Support.signed(placement: .signedRequestQuery, jwtID: "first")
        let other = try #require(Support.token(of: try Support.signed(jwtID: "second")))
        request.headers.add(name: "Authorization", value: "JWT " + other)
        let error = await Support.rejection(Support.verifier(), request)
        #expect(error?.code == .malformedToken)
        #expect(error?.vendor == .hipChat)
    }

    @Test("two Authorization headers with different tokens are malformed_token")
    func twoHeaders() async throws {
        var request = try Support.signed(jwtID: "first")
        let other = try #require(Support.token(of: try Support.signed(jwtID: "second")))
        request.headers.add(name: "Authorization", value: "JWT token=" + other)
        #expect(await Support.rejection(Support.verifier(), request)?.code == .malformedToken)
    }

    // MARK: Missing and malformed tokens

    @Test("no token anywhere is missing_signature")
    func missingToken() async throws {
        var request = try Support.signed()
        request.headers = ["Content-Type": "application/json"]
        #expect(await Support.rejection(Support.verifier(), request)?.code == .missingSignature)
        for header in ["Bearer abc.def.ghi", "Basic dXNlcjpwYXNz", "JWT", "JWT   ", "JWTabc.def.ghi"] {
            request.headers.replaceOrAdd(name: "Authorization", value: header)
            #expect(await Support.rejection(Support.verifier(), request)?.code == .missingSignature, "\(header)")
        }
        request.headers = [:]
        request.target = "/webhooks/hipchat?signed_request=&room=1"
        #expect(await Support.rejection(Support.verifier(), request)?.code == .missingSignature)
    }

    @Test(
        "tokens that are not a compact JWS are malformed_token",
        arguments: [
            "abc", "abc.def", "a.b.c.d", "eyJhbGciOiJIUzI1NiJ9.e30", "!!!.???.###", "eyJhbGciOiJIUzI1NiJ9.eyJ9.sig",
            "W10.e30.c2ln",  // header is a JSON array
            "eyJhbGciOiJIUzI1NiJ9.W10.c2ln",  // claims are a JSON array
            "e30.e30.c2ln",  // header without alg
        ]
    )
    func malformedToken(_ token: String) async {
        let error = await Support.rejection(Support.verifier(), Support.request(token: token))
        #expect(error?.code == .malformedToken)
    }

    // MARK: Signature

    @Test("a token signed with another secret is rejected")
    func wrongSecret() async throws {
        let request = try Support.signed(secret: WebhookSecret(utf8: "not-the-secret"))
        let error = await Support.rejection(Support.verifier(), request)
        #expect(error?.code == .signatureMismatch)
        #expect(error?.category == .authentication)
    }

    @Test("a tampered token is rejected: changed claims, changed header, changed signature")
    func tamperedToken() async throws {
        let token = try #require(Support.token(of: try Support.signed()))
        let parts = token.split(separator: ".").map(String.init)
        // Claims replaced (a later exp), old signature kept.
        let later = Base64URL.encode(Array(Support.claims(exp: Support.now + 86_400).utf8))
        let newClaims = [parts[0], later, parts[2]].joined(separator: ".")
        #expect(
            await Support.rejection(Support.verifier(), Support.request(token: newClaims))?.code == .signatureMismatch
        )
        // Header re-encoded with another member, old signature kept.
        let header = Base64URL.encode(Array(#"{"alg":"HS256","typ":"JWT","x":1}"#.utf8))
        let newHeader = [header, parts[1], parts[2]].joined(separator: ".")
        #expect(
            await Support.rejection(Support.verifier(), Support.request(token: newHeader))?.code == .signatureMismatch
        )
        // One bit of the signature flipped.
        var signature = try Base64URL.decode(parts[2])
        signature[0] ^= 0x80
        let newSignature = [parts[0], parts[1], Base64URL.encode(signature)].joined(separator: ".")
        #expect(
            await Support.rejection(Support.verifier(), Support.request(token: newSignature))?.code
                == .signatureMismatch
        )
        // A truncated signature.
        let truncated = [parts[0], parts[1], Base64URL.encode(signature.dropLast())].joined(separator: ".")
        #expect(
            await Support.rejection(Support.verifier(), Support.request(token: truncated))?.code == .signatureMismatch
        )
    }

    // MARK: Algorithm

    @Test("alg none is unsupported_algorithm, and no secret is looked up", arguments: ["none", "None", "NONE"])
    func algNone(_ alg: String) async {
        let recorder = LookupRecorder()
        let unsigned =
            Base64URL.encode(Array(#"{"alg":"\#(alg)","typ":"JWT"}"#.utf8)) + "."
            + Base64URL.encode(Array(Support.claims().utf8)) + "."
        let error = await Support.rejection(recorder.verifier(), Support.request(token: unsigned))
        #expect(error?.code == .unsupportedAlgorithm)
        #expect(recorder.requested.isEmpty)
        // With a signature made by the right secret, none is still refused.
        let signed = Support.hmacToken(header: #"{"alg":"\#(alg)"}"#)
        #expect(
            await Support.rejection(recorder.verifier(), Support.request(token: signed))?.code == .unsupportedAlgorithm
        )
    }

    @Test(
        "an alg this package does not know is unsupported_algorithm, as in Confluence, before any lookup",
        arguments: ["XS999", "XYZ", "hs256", "HS256 ", ""]
    )
    func unknownAlgorithm(_ alg: String) async {
        let recorder = LookupRecorder()
        let token = Support.hmacToken(header: #"{"alg":"\#(alg)","typ":"JWT"}"#)
        let error = await Support.rejection(recorder.verifier(), Support.request(token: token))
        #expect(error?.code == .unsupportedAlgorithm)
        #expect(error?.category == .authentication)
        #expect(recorder.requested.isEmpty)
    }

    @Test(
        "HS384 and HS512 made with the right secret are algorithm_not_allowed: HS256 is pinned",
        arguments: [("HS384", HashAlgorithm.sha384), ("HS512", .sha512)]
    )
    func otherHMAC(_ alg: String, _ hash: HashAlgorithm) async {
        let recorder = LookupRecorder()
        let token = Support.hmacToken(header: #"{"alg":"\#(alg)","typ":"JWT"}"#, hash: hash)
        let error = await Support.rejection(recorder.verifier(), Support.request(token: token))
        #expect(error?.code == .algorithmNotAllowed)
        #expect(recorder.requested.isEmpty)
    }

    @Test("an RS256 token is algorithm_not_allowed, before any secret is looked up")
    func rs256() async throws {
        let key = try PrivateKey(pem: String(decoding: try fixtures.bytes("keys", "attacker-rs256.pem"), as: UTF8.self))
        let token = try Support.token(header: #"{"alg":"RS256","typ":"JWT"}"#, claims: Support.claims()) {
            try key.signature(for: $0, algorithm: .rs256)
        }
        let recorder = LookupRecorder()
        let error = await Support.rejection(recorder.verifier(), Support.request(token: token))
        #expect(error?.code == .algorithmNotAllowed)
        #expect(recorder.requested.isEmpty)
    }

    @Test("an HS256 token whose secret is an RSA public key PEM is rejected (key confusion)")
    func publicKeyAsSecret() async throws {
        let pem = try fixtures.bytes("keys", "attacker-rs256.pub.pem")
        let token = Support.hmacToken(secret: pem)
        let error = await Support.rejection(Support.verifier(), Support.request(token: token))
        #expect(error?.code == .signatureMismatch)
    }

    @Test(
        "asymmetric alg values are algorithm_not_allowed (unknown and lower-case ones: see unknownAlgorithm)",
        arguments: ["ES256", "PS256", "RS512", "ES512"]
    )
    func otherAlgorithms(_ alg: String) async {
        let token = Support.hmacToken(header: #"{"alg":"\#(alg)"}"#)
        #expect(
            await Support.rejection(Support.verifier(), Support.request(token: token))?.code == .algorithmNotAllowed
        )
    }

    @Test("an iss canonically equivalent to an installation's id does not find its secrets (F6: bytes decide)")
    func equivalentIssuerIsAnotherInstallation() async {
        let verifier = Support.verifier(secrets: ["K-tenant": [Support.secret]])
        let kelvin = Support.hmacToken(claims: Support.claims(iss: "\u{212A}-tenant"))
        #expect(await Support.rejection(verifier, Support.request(token: kelvin))?.code == .unknownIssuer)
        let plain = Support.hmacToken(claims: Support.claims(iss: "K-tenant"))
        #expect(await Support.rejection(verifier, Support.request(token: plain)) == nil)
    }

    @Test("a crit header is refused; a kid does not stop the installation's secrets (they have no kid) from verifying")
    func critAndKid() async {
        let crit = Support.hmacToken(header: #"{"alg":"HS256","crit":["exp"],"exp":1}"#)
        #expect(
            await Support.rejection(Support.verifier(), Support.request(token: crit))?.code == .unknownCriticalHeader
        )
        let kid = Support.hmacToken(header: #"{"alg":"HS256","kid":"k1"}"#)
        #expect(await Support.rejection(Support.verifier(), Support.request(token: kid)) == nil)
    }

    // MARK: Claims

    @Test("exp beyond the leeway is expired; within the leeway it verifies")
    func expiry() async throws {
        // exp = now - 61 with the default 60 s leeway: expired.
        let expired = try Support.signed(now: Support.now - 361)
        let error = await Support.rejection(Support.verifier(), expired)
        #expect(error?.code == .expired)
        #expect(error?.category == .authentication)
        // exp = now - 30: accepted within the leeway, rejected with none.
        let late = try Support.signed(now: Support.now - 330)
        _ = try await Support.verifier().verify(late)
        #expect(await Support.rejection(Support.verifier(leeway: .zero), late)?.code == .expired)
        // A longer leeway accepts the first.
        _ = try await Support.verifier(leeway: .seconds(120)).verify(expired)
    }

    @Test("iat in the future beyond the leeway is issued_in_future; within it verifies")
    func issuedInFuture() async throws {
        let future = try Support.signed(now: Support.now + 61)
        #expect(await Support.rejection(Support.verifier(), future)?.code == .issuedInFuture)
        _ = try await Support.verifier().verify(try Support.signed(now: Support.now + 59))
    }

    @Test("nbf in the future is not_yet_valid")
    func notBefore() async {
        let token = Support.hmacToken(claims: Support.claims(extra: [#""nbf":\#(Int64(Support.now + 600))"#]))
        #expect(await Support.rejection(Support.verifier(), Support.request(token: token))?.code == .notYetValid)
    }

    @Test("a token without exp is missing_claim")
    func missingExp() async {
        let token = Support.hmacToken(claims: Support.claims(exp: nil))
        let error = await Support.rejection(Support.verifier(), Support.request(token: token))
        #expect(error?.code == .missingClaim)
        #expect(error?.reason.contains("exp") == true)
    }

    @Test("exp of the wrong type is invalid_claim")
    func expWrongType() async {
        let token = Support.hmacToken(claims: #"{"iss":"\#(Support.clientID)","exp":"tomorrow"}"#)
        #expect(await Support.rejection(Support.verifier(), Support.request(token: token))?.code == .invalidClaim)
    }

    @Test("iat is optional")
    func withoutIssuedAt() async throws {
        let token = Support.hmacToken(claims: Support.claims(iat: nil))
        _ = try await Support.verifier().verify(Support.request(token: token))
    }

    // MARK: Issuer and secret lookup

    @Test("a missing, non-string, empty or over-long iss is rejected before the lookup")
    func issuerBounds() async {
        let cases: [(String, WebhookError.Code)] = [
            (Support.claims(iss: nil), .missingClaim),
            (#"{"iss":12345,"exp":\#(Int64(Support.now + 300))}"#, .invalidClaim),
            (#"{"iss":["a"],"exp":\#(Int64(Support.now + 300))}"#, .invalidClaim),
            (Support.claims(iss: ""), .invalidClaim),
            (Support.claims(iss: String(repeating: "a", count: 257)), .invalidClaim),
            (Support.claims(iss: String(repeating: "é", count: 129)), .invalidClaim),  // 258 UTF-8 bytes
        ]
        for (claims, code) in cases {
            let recorder = LookupRecorder()
            let error = await Support.rejection(
                recorder.verifier(),
                Support.request(token: Support.hmacToken(claims: claims))
            )
            #expect(error?.code == code, "\(claims.prefix(40))")
            #expect(recorder.requested.isEmpty)
        }
        // 256 bytes is still handed to the lookup (which knows no such installation).
        let recorder = LookupRecorder()
        let longest = String(repeating: "a", count: 256)
        let token = Support.hmacToken(claims: Support.claims(iss: longest))
        #expect(await Support.rejection(recorder.verifier(), Support.request(token: token))?.code == .unknownIssuer)
        #expect(recorder.requested == [longest])
    }

    @Test("the lookup gets the token's iss; an unknown issuer is unknown_issuer")
    func unknownIssuer() async throws {
        let recorder = LookupRecorder()
        _ = try await recorder.verifier().verify(try Support.signed())
        #expect(recorder.requested == [Support.clientID])
        let stranger = try Support.signed(clientID: "someone-else")
        let error = await Support.rejection(recorder.verifier(), stranger)
        #expect(error?.code == .unknownIssuer)
        #expect(error?.category == .authentication)
        #expect(recorder.requested == [Support.clientID, "someone-else"])
        // The fixed table matches ids exactly.
        let upper = try Support.signed(clientID: Support.clientID.uppercased())
        #expect(await Support.rejection(Support.verifier(), upper)?.code == .unknownIssuer)
    }

    @Test("a lookup that throws is key_fetch_failed (unavailable: 503), without the thrown error's text")
    func lookupThrows() async throws {
        let recorder = LookupRecorder(fails: true)
        let error = try #require(await Support.rejection(recorder.verifier(), try Support.signed()))
        #expect(error.code == .keyFetchFailed)
        #expect(error.category == .unavailable)
        #expect(!error.reason.contains("hunter2"))
    }

    @Test(
        "a negative leeway fails both initialisers with invalid_configuration",
        arguments: [Duration.seconds(-1), .milliseconds(-1), .nanoseconds(-1)]
    )
    func invalidLeeway(_ leeway: Duration) {
        let error = #expect(throws: WebhookError.self) {
            try HipChatSignatureVerifier(secrets: [Support.clientID: [Support.secret]], leeway: leeway)
        }
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.vendor == .hipChat)
        #expect(throws: WebhookError(.invalidConfiguration, "")) {
            try HipChatSignatureVerifier(secrets: { _ in [] }, leeway: leeway)
        }
    }

    @Test("an empty table or an installation without a secret fails the initialiser with invalid_configuration")
    func emptyTable() {
        #expect(throws: WebhookError(.invalidConfiguration, "")) {
            try HipChatSignatureVerifier(secrets: [String: [WebhookSecret]]())
        }
        #expect(throws: WebhookError(.invalidConfiguration, "")) {
            try HipChatSignatureVerifier(secrets: [Support.clientID: [Support.secret], "other": []])
        }
    }

    @Test("an empty secret fails the table initialiser, and is invalid_key when a lookup returns it")
    func emptySecret() async throws {
        let table = [Support.clientID: [Support.secret, WebhookSecret([UInt8]())]]
        #expect(throws: WebhookError(.invalidKey, "")) {
            try HipChatSignatureVerifier(secrets: table)
        }
        let lookup = LookupRecorder(table)
        let error = await Support.rejection(lookup.verifier(), try Support.signed())
        #expect(error?.code == .invalidKey)
        #expect(error?.category == .configuration)
    }

    @Test("rotation: any of an installation's secrets verifies, from the table and from a lookup")
    func rotation() async throws {
        let old = WebhookSecret(utf8: "old-secret")
        let table = [Support.clientID: [old, Support.secret]]
        let verifier = Support.verifier(secrets: table)
        let lookup = LookupRecorder(table).verifier()
        for secret in [old, Support.secret] {
            _ = try await verifier.verify(try Support.signed(secret: secret))
            _ = try await lookup.verify(try Support.signed(secret: secret))
        }
        let retired = try Support.signed(secret: WebhookSecret(utf8: "retired-secret"))
        #expect(await Support.rejection(verifier, retired)?.code == .signatureMismatch)
        #expect(await Support.rejection(lookup, retired)?.code == .signatureMismatch)
    }

    @Test("one verifier serves many installations, each with its own secret")
    func manyInstallations() async throws {
        let table = [Support.clientID: [Support.secret], "client-B": [WebhookSecret(utf8: "secret-B")]]
        let verifier = Support.verifier(secrets: table)
        _ = try await verifier.verify(try Support.signed())
        _ = try await verifier.verify(try Support.signed(clientID: "client-B", secret: WebhookSecret(utf8: "secret-B")))
        // B's id with A's secret, and A's id with B's secret: rejected.
        let crossed = try Support.signed(clientID: "client-B", secret: Support.secret)
        #expect(await Support.rejection(verifier, crossed)?.code == .signatureMismatch)
        let crossedBack = try Support.signed(secret: WebhookSecret(utf8: "secret-B"))
        #expect(await Support.rejection(verifier, crossedBack)?.code == .signatureMismatch)
    }

    // MARK: The body's oauth_client_id

    @Test("the body's oauth_client_id is never used for authentication")
    func bodyClientIDIgnored() async throws {
        let bodyClient = "b80f3c24-76ce-442a-9499-33dd895ccebf"  // the oauth_client_id of the captured body
        let recorder = LookupRecorder([
            Support.clientID: [Support.secret], bodyClient: [WebhookSecret(utf8: "secret-B")],
        ])
        // Signed for the right installation while the body names another client: verified, by the token's iss.
        let verified = try await recorder.verifier().verify(try Support.signed())
        guard case .roomMessage(let payload) = verified.event else {
            Issue.record("expected .roomMessage")
            return
        }
        #expect(payload.oauthClientID == bodyClient)
        #expect(verified.jwt?.claims.issuer == Support.clientID)
        #expect(recorder.requested == [Support.clientID])
        // Signed for the body's client id with a wrong secret: rejected.
        let forged = try Support.signed(clientID: bodyClient, secret: Support.secret)
        #expect(await Support.rejection(recorder.verifier(), forged)?.code == .signatureMismatch)
        // No token at all: the body's client id does not stand in for one.
        var unsigned = try Support.signed()
        unsigned.headers = ["Content-Type": "application/json"]
        #expect(await Support.rejection(recorder.verifier(), unsigned)?.code == .missingSignature)
        #expect(recorder.requested == [Support.clientID, bodyClient])
    }

    @Test("the token does not cover the body: a changed body still verifies (documented limitation)")
    func bodyNotSigned() async throws {
        var request = try Support.signed()
        request.body = (try? fixtures.bytes("events", "room_message--hipchat-server.json")) ?? []
        let verified = try await Support.verifier().verify(request)
        #expect(verified.body == request.body)
    }

    // MARK: Subject

    @Test("with requireSubjectMatchesSender, sub must equal the body's sender id")
    func subjectMatches() async throws {
        let verifier = Support.verifier(requireSubjectMatchesSender: true)
        // The signer sets sub to the sender's id, as HipChat does.
        let verified = try await verifier.verify(try Support.signed())
        #expect(verified.jwt?.claims.subject == Support.senderID)
        let error = await Support.rejection(verifier, try Support.signed(subject: "999"))
        #expect(error?.code == .subjectMismatch)
        #expect(error?.category == .authentication)
        // item.sender is used where there is one.
        let enter = try fixtures.bytes("events", "room_enter.json")
        _ = try await verifier.verify(try Support.signed(enter))
        #expect(
            await Support.rejection(verifier, try Support.signed(enter, subject: Support.senderID))?.code
                == .subjectMismatch
        )
    }

    @Test("with requireSubjectMatchesSender, a missing sub is missing_claim")
    func subjectMissing() async {
        let verifier = Support.verifier(requireSubjectMatchesSender: true)
        let token = Support.hmacToken(claims: Support.claims(sub: nil))
        #expect(await Support.rejection(verifier, Support.request(token: token))?.code == .missingClaim)
    }

    @Test("with requireSubjectMatchesSender, a body without a user sender is subject_mismatch")
    func subjectWithoutSender() async throws {
        let verifier = Support.verifier(requireSubjectMatchesSender: true)
        // A notification's sender is a label without an id.
        let notification = try fixtures.bytes("events", "room_notification.json")
        let error = await Support.rejection(verifier, try Support.signed(notification, subject: "SomeDude"))
        #expect(error?.code == .subjectMismatch)
        let noSender = Array(#"{"event":"room_deleted","item":{"room":{"id":1}},"webhook_id":5}"#.utf8)
        #expect(await Support.rejection(verifier, try Support.signed(noSender, subject: "1"))?.code == .subjectMismatch)
    }

    @Test("a sub sent as a JSON number matches the sender id")
    func numericSubjectClaim() async throws {
        let verifier = Support.verifier(requireSubjectMatchesSender: true)
        let matching = Support.hmacToken(claims: Support.claims(extra: [#""sub":\#(Support.senderID)"#]))
        let verified = try await verifier.verify(Support.request(token: matching))
        #expect(verified.jwt?.claims.subject == Support.senderID)
        let other = Support.hmacToken(claims: Support.claims(extra: [#""sub":999"#]))
        #expect(await Support.rejection(verifier, Support.request(token: other))?.code == .subjectMismatch)
        // Without the sender check a numeric sub is simply accepted.
        _ = try await Support.verifier().verify(Support.request(token: other))
    }

    @Test("a numeric sender id is compared as a string")
    func subjectAsString() async throws {
        let body = Array(
            #"{"event":"room_enter","item":{"sender":{"id":"77"},"room":{"id":1,"name":"r"}},"webhook_id":5}"#.utf8
        )
        let verifier = Support.verifier(requireSubjectMatchesSender: true)
        _ = try await verifier.verify(try Support.signed(body, subject: "77"))
        let numeric = Array(
            #"{"event":"room_enter","item":{"sender":{"id":77},"room":{"id":1,"name":"r"}},"webhook_id":5}"#.utf8
        )
        _ = try await verifier.verify(try Support.signed(numeric, subject: "77"))
        #expect(
            await Support.rejection(verifier, try Support.signed(numeric, subject: "077"))?.code == .subjectMismatch
        )
    }

    @Test("without requireSubjectMatchesSender, sub is not compared")
    func subjectOffByDefault() async throws {
        _ = try await Support.verifier().verify(try Support.signed(subject: "999"))
        _ = try await Support.verifier().verify(
            Support.request(token: Support.hmacToken(claims: Support.claims(sub: nil)))
        )
    }

    // MARK: Delivery key

    @Test("two copies of one token both verify and share the key hipchat:jti:<iss>:<jti>")
    func sameTokenSameKey() async throws {
        let verifier = Support.verifier()
        let request = try Support.signed(jwtID: "AbCdEfGhIjKlMnOpQrSt")
        let first = try await verifier.verify(request)
        let second = try await verifier.verify(request)
        #expect(first.deliveryKey == "hipchat:jti:\(Support.clientID):AbCdEfGhIjKlMnOpQrSt")
        #expect(second.deliveryKey == first.deliveryKey)
    }

    @Test("another jti, or the same jti from another installation, is another key")
    func otherTokenOtherKey() async throws {
        let verifier = Support.verifier(secrets: [Support.clientID: [Support.secret], "client-B": [Support.secret]])
        let first = try await verifier.verify(try Support.signed(jwtID: "AbCdEfGhIjKlMnOpQrSt"))
        let next = try await verifier.verify(try Support.signed(jwtID: "AbCdEfGhIjKlMnOpQrSu"))
        let otherInstallation = try await verifier.verify(
            try Support.signed(clientID: "client-B", jwtID: "AbCdEfGhIjKlMnOpQrSt")
        )
        #expect(next.deliveryKey != first.deliveryKey)
        #expect(otherInstallation.deliveryKey == "hipchat:jti:client-B:AbCdEfGhIjKlMnOpQrSt")
        #expect(otherInstallation.deliveryKey != first.deliveryKey)
    }

    @Test("the token does not cover the body: two bodies under one token share one key")
    func bodyNotCovered() async throws {
        let request = try Support.signed(jwtID: "AbCdEfGhIjKlMnOpQrSt")
        var altered = request
        let text = String(decoding: Support.body, as: UTF8.self)
        altered.body = Array(text.replacingOccurrences(of: "\"room_message\"", with: "\"room_message\" ").utf8)
        #expect(altered.body != request.body)
        let original = try await Support.verifier().verify(request)
        let copy = try await Support.verifier().verify(altered)
        #expect(copy.deliveryKey == original.deliveryKey)
    }

    @Test("a token without a jti, or with an empty one, verifies without a delivery key")
    func noJWTIDNoKey() async throws {
        let none = Support.hmacToken(claims: Support.claims(jti: nil))
        #expect(try await Support.verifier().verify(Support.request(token: none)).deliveryKey == nil)
        let empty = Support.hmacToken(claims: Support.claims(jti: ""))
        #expect(try await Support.verifier().verify(Support.request(token: empty)).deliveryKey == nil)
    }

    @Test("a long jti, or one with a colon, gives a hashed key")
    func hashedKey() async throws {
        for jti in [String(repeating: "j", count: 257), "a:b"] {
            let token = Support.hmacToken(claims: Support.claims(jti: jti))
            let key = try await Support.verifier().verify(Support.request(token: token)).deliveryKey
            #expect(key?.hasPrefix("hipchat:jti-sha256:") == true)
            #expect(key?.utf8.count == "hipchat:jti-sha256:".utf8.count + 64)
        }
    }

    @Test("HipChat does not bound token lifetimes, so the minimum retention is zero")
    func retention() {
        #expect(Support.verifier().minimumDeliveryRetention == .zero)
    }

    @Test("the signer's default jti is 20 random letters and digits")
    func randomJWTID() async throws {
        let first = try await Support.verifier().verify(try Support.signed())
        let second = try await Support.verifier().verify(try Support.signed())
        let id = try #require(first.jwt?.claims.jwtID)
        #expect(id.count == 20)
        #expect(id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
        #expect(id != second.jwt?.claims.jwtID)
    }

    // MARK: Limits

    @Test("a body over the limit is rejected before the token is looked at")
    func bodyTooLarge() async throws {
        let limits = WebhookLimits(maximumBodySize: 64)
        let error = await Support.rejection(Support.verifier(limits: limits), try Support.signed())
        #expect(error?.code == .bodyTooLarge)
        #expect(error?.category == .limit)
        let unsigned = WebhookRequest(target: "/webhooks/hipchat", body: Support.body)
        #expect(await Support.rejection(Support.verifier(limits: limits), unsigned)?.code == .bodyTooLarge)
    }

    @Test("a token over the limit is rejected before it is parsed, in the header or the query")
    func tokenTooLarge() async throws {
        let limits = WebhookLimits(maximumTokenSize: 100)
        let garbage = String(repeating: "x", count: 101)
        #expect(
            await Support.rejection(Support.verifier(limits: limits), Support.request(token: garbage))?.code
                == .tokenTooLarge
        )
        let query = WebhookRequest(target: "/webhooks/hipchat?signed_request=" + garbage, body: Support.body)
        #expect(await Support.rejection(Support.verifier(limits: limits), query)?.code == .tokenTooLarge)
        // A real token over the default limit.
        let huge = Support.hmacToken(
            claims: Support.claims(extra: [#""pad":"\#(String(repeating: "p", count: 17_000))""#])
        )
        #expect(await Support.rejection(Support.verifier(), Support.request(token: huge))?.code == .tokenTooLarge)
        // An oversized token also loses to a conflicting one only after the size check.
        var both = Support.request(token: Support.hmacToken())
        both.target += "?signed_request=" + garbage
        #expect(await Support.rejection(Support.verifier(limits: limits), both)?.code == .tokenTooLarge)
    }

    // MARK: Authentic but not decodable

    @Test("a non-UTF-8 body with a valid token fails decoding, never crashes")
    func nonUTF8Body() async throws {
        let body: [UInt8] = [0x7B, 0x22, 0x65, 0xFF, 0xFE, 0xC3, 0x28, 0x80, 0x7D]
        for requireSubject in [false, true] {
            let verifier = Support.verifier(requireSubjectMatchesSender: requireSubject)
            let error = await Support.rejection(verifier, try Support.signed(body, subject: "1"))
            #expect(error?.code == .malformedBody)
            #expect(error?.category == .decoding)
            #expect(error?.vendor == .hipChat)
        }
        // Under a forged token the same body never reaches the decoder.
        let forged = try Support.signed(body, secret: WebhookSecret(utf8: "wrong"), subject: "1")
        #expect(await Support.rejection(Support.verifier(), forged)?.code == .signatureMismatch)
    }

    @Test("an authentic body of the wrong shape fails with a decoding code")
    func authenticButInvalid() async throws {
        let body = Array(#"{"event":"room_message","item":{"message":42},"webhook_id":1}"#.utf8)
        let error = await Support.rejection(Support.verifier(), try Support.signed(body, subject: "1"))
        #expect(error?.code == .invalidPayload)
        #expect(error?.category == .decoding)
    }

    @Test("the event name argument is used when the body has none")
    func eventNameArgument() async throws {
        let body = try fixtures.bytes("edge", "missing-event-name.json")
        let request = try Support.signed(body, subject: "1")
        #expect(await Support.rejection(Support.verifier(), request)?.code == .missingEventName)
        let verified = try await Support.verifier().verify(request, eventName: "room_enter")
        #expect(verified.eventName == "room_enter")
    }

    // MARK: Errors and the signer

    @Test("error reasons never contain the token or the secret")
    func reasonsLeakNothing() async throws {
        let requests = [
            try Support.signed(secret: WebhookSecret(utf8: "wrong")),
            try Support.signed(now: Support.now - 10_000),
            try Support.signed(clientID: "unknown"),
            Support.request(token: Support.hmacToken(header: #"{"alg":"HS512"}"#)),
        ]
        for request in requests {
            let token = try #require(Support.token(of: request))
            let error = try #require(await Support.rejection(Support.verifier(), request))
            #expect(!error.reason.contains(token))
            #expect(!error.reason.contains(token.split(separator: ".")[2]))
            #expect(!error.reason.contains(Support.secretText))
        }
    }

    @Test("the signer refuses an empty secret and times that are not finite")
    func signerErrors() throws {
        #expect(throws: WebhookError(.invalidKey, "")) {
            try HipChatRequestSigner(oauthClientID: "x", secret: WebhookSecret([UInt8]())).token(now: Support.now)
        }
        #expect(throws: WebhookError(.invalidConfiguration, "")) {
            try Support.signer().token(now: .infinity)
        }
        #expect(throws: WebhookError(.invalidConfiguration, "")) {
            try Support.signer().token(now: Support.now, lifetime: .nan)
        }
    }

    @Test("the signer's claims: iss, sub, iat, exp and jti")
    func signerClaims() throws {
        let token = try Support.signer().token(now: Support.now + 0.9, lifetime: 60, subject: "7", jwtID: "j")
        let unverified = try UnverifiedJWT(token)
        #expect(unverified.header.algorithm == "HS256")
        #expect(unverified.claims.issuer == Support.clientID)
        #expect(unverified.claims.subject == "7")
        #expect(unverified.claims.issuedAt == Support.now)
        #expect(unverified.claims.expiresAt == Support.now + 60)
        #expect(unverified.claims.jwtID == "j")
    }
}
