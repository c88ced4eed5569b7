import Foundation
import RServiceWebhooks
import Testing
import WebhookCore
import WebhookCrypto
import WebhookRegistry
import WebhookTesting

@Suite("R-Service verifier: claims")
struct RServiceVerifierClaimTests {
    let verifier = TestSupport.verifier(TestSupport.rsaKeys())

    func signed(
        issuer: String = TestSupport.account,
        audience: String? = nil,
        now: Double = TestSupport.now,
        lifetime: Double? = nil
    ) throws -> WebhookRequest {
        try TestSupport.signer(issuer: issuer, audience: audience).sign(
            message: TestSupport.message(),
            now: now,
            lifetime: lifetime
        )
    }

    func claimsRequest(_ claims: String) -> WebhookRequest {
        TestSupport.request(token: TestSupport.token(claims: claims))
    }

    // MARK: iss

    @Test("iss must be the configured account URL")
    func issuerExact() async throws {
        _ = try await verifier.verify(try signed())
        await TestSupport.expectRejection(.issuerMismatch, verifier, try signed(issuer: "https://evil.4me-staging.com"))
        await TestSupport.expectRejection(.issuerMismatch, verifier, try signed(issuer: "https://wdc.4me.com"))
    }

    @Test("The 4me/Xurrent twin of the account host is accepted, both ways")
    func issuerTwin() async throws {
        _ = try await verifier.verify(try signed(issuer: TestSupport.twinAccount))
        let xurrentVerifier = TestSupport.verifier(TestSupport.rsaKeys(), issuer: TestSupport.twinAccount)
        _ = try await xurrentVerifier.verify(try signed(issuer: TestSupport.account))
        let production = TestSupport.verifier(TestSupport.rsaKeys(), issuer: "https://mycompany.xurrent.com")
        _ = try await production.verify(try signed(issuer: "https://mycompany.4me.com"))
        _ = try await production.verify(try signed(issuer: "https://mycompany.xurrent.com/"))
        let regional = TestSupport.verifier(TestSupport.rsaKeys(), issuer: "https://wdc.au.4me.com")
        _ = try await regional.verify(try signed(issuer: "https://wdc.au.xurrent.com"))
    }

    @Test(
        "Other hosts, schemes, ports, paths and look-alikes are rejected",
        arguments: [
            "https://wdx.xurrent-staging.com",  // another account
            "https://wdc.xurrent.com",  // another environment
            "http://wdc.xurrent-staging.com",  // another scheme
            "https://wdc.xurrent-staging.com:8443",  // another port
            "https://wdc.4me-staging.com/other",  // another path
            "https://wdc.4me-staging.com.evil.com",  // suffix
            "https://evil.com/wdc.4me-staging.com",
            "https://wdc.4me-staging.com@evil.com",  // user info
            "https://wdc.4me-staging.com?x=1",
            "https://wdc.4me-staging.com#x",
            "https://wdc.4me-stagingx.com",
            "https://wdc.xurrentx-staging.com",
            "https://xurrent.4me-staging.com",  // the account label never changes
            "wdc.4me-staging.com",
            "",
        ]
    )
    func issuerRejected(issuer: String) async throws {
        await TestSupport.expectRejection(.issuerMismatch, verifier, try signed(issuer: issuer))
    }

    @Test("iss is required and must be a string")
    func issuerMissing() async {
        await TestSupport.expectRejection(.missingClaim, verifier, claimsRequest(TestSupport.claims(issuer: nil)))
        await TestSupport.expectRejection(
            .invalidClaim,
            verifier,
            claimsRequest(TestSupport.claims(issuer: nil, extra: #","iss":42"#))
        )
    }

    @Test("A configured issuer that is not a URL still matches exactly, and only exactly")
    func unparseableIssuer() async throws {
        let odd = TestSupport.verifier(TestSupport.rsaKeys(), issuer: "wdc account")
        _ = try await odd.verify(try signed(issuer: "wdc account"))
        await TestSupport.expectRejection(.issuerMismatch, odd, try signed(issuer: TestSupport.account))
    }

    // MARK: aud

    @Test("aud is checked when configured")
    func audience() async throws {
        let withAudience = TestSupport.verifier(TestSupport.rsaKeys(), audience: TestSupport.audience)
        _ = try await withAudience.verify(try signed(audience: TestSupport.audience))
        await TestSupport.expectRejection(.audienceMismatch, withAudience, try signed(audience: "someone else"))
        await TestSupport.expectRejection(.missingClaim, withAudience, try signed())
        let list = claimsRequest(TestSupport.claims(extra: #","aud":["x","\#(TestSupport.audience)"]"#))
        _ = try await withAudience.verify(list)
        // Not configured: any aud is accepted.
        _ = try await verifier.verify(try signed(audience: "anything"))
    }

    // MARK: exp, nbf, iat

    @Test("exp beyond the leeway is rejected; within it accepted")
    func expiry() async throws {
        let issued = TestSupport.now - 1000
        await TestSupport.expectRejection(.expired, verifier, try signed(now: issued, lifetime: 1000 - 61))
        _ = try await verifier.verify(try signed(now: issued, lifetime: 1000 - 59))
        _ = try await verifier.verify(try signed(now: issued, lifetime: 2000))
    }

    @Test("nbf and iat beyond the leeway in the future are rejected; within it accepted")
    func notBeforeAndIssuedAt() async throws {
        let now = Int(TestSupport.now)
        await TestSupport.expectRejection(.notYetValid, verifier, try signed(now: TestSupport.now + 61))
        _ = try await verifier.verify(try signed(now: TestSupport.now + 59))
        let futureIAT = claimsRequest(
            TestSupport.claims(extra: "").replacingOccurrences(of: #""iat":\#(now)"#, with: #""iat":\#(now + 61)"#)
        )
        await TestSupport.expectRejection(.issuedInFuture, verifier, futureIAT)
        let futureNBFOnly = claimsRequest(
            #"{"data":{"webhook_id":1,"account":"a","name":"n","event":"automation_rule","object_id":1,"payload":{}},"#
                + #""jti":"x","iss":"\#(TestSupport.account)","nbf":\#(now + 61),"exp":\#(now + 600)}"#
        )
        await TestSupport.expectRejection(.notYetValid, verifier, futureNBFOnly)
        await TestSupport.expectRejection(
            .invalidClaim,
            verifier,
            claimsRequest(TestSupport.claims(extra: #","exp":"tomorrow""#))
        )
    }

    @Test("Without exp, a token older than the maximum age (plus leeway) is rejected")
    func maximumAge() async throws {
        _ = try await verifier.verify(try signed(now: TestSupport.now - 359))
        await TestSupport.expectRejection(.expired, verifier, try signed(now: TestSupport.now - 361))
        // With exp, exp governs.
        _ = try await verifier.verify(try signed(now: TestSupport.now - 3600, lifetime: 7200))
        // No maximum age: any age is accepted.
        let ageless = TestSupport.verifier(TestSupport.rsaKeys(), maximumTokenAge: nil)
        _ = try await ageless.verify(try signed(now: TestSupport.now - 86400 * 365))
        // Neither exp nor iat: the age cannot be bounded.
        let noTimes =
            #"{"data":{"webhook_id":1,"account":"a","name":"n","event":"automation_rule","object_id":1,"payload":{}},"#
            + #""jti":"x","iss":"\#(TestSupport.account)"}"#
        await TestSupport.expectRejection(.missingClaim, verifier, claimsRequest(noTimes))
        _ = try await ageless.verify(claimsRequest(noTimes))
    }

    @Test(
        "A negative leeway or maximum age fails the initialiser",
        arguments: [
            (Duration.seconds(-1), Duration.seconds(300)), (.seconds(60), .seconds(-5)),
            (.milliseconds(-1), .seconds(300)),
        ]
    )
    func badTimeConfiguration(leeway: Duration, age: Duration) {
        #expect(throws: WebhookError(.invalidConfiguration, "")) {
            try RServiceSignatureVerifier(
                keys: TestSupport.rsaKeys(),
                issuer: TestSupport.account,
                leeway: leeway,
                maximumTokenAge: age
            )
        }
    }

    @Test("Signed deliveries with an empty issuer fail the initialiser; unsigned ones need none")
    func emptyIssuer() throws {
        #expect(throws: WebhookError(.invalidConfiguration, "")) {
            try RServiceSignatureVerifier(keys: TestSupport.rsaKeys(), issuer: "")
        }
        _ = try RServiceSignatureVerifier(keys: .unsigned, issuer: "")
    }

    // MARK: jti

    @Test("jti is required, not empty and at most 256 bytes")
    func jwtID() async throws {
        await TestSupport.expectRejection(.missingClaim, verifier, claimsRequest(TestSupport.claims(jwtID: nil)))
        await TestSupport.expectRejection(.invalidClaim, verifier, claimsRequest(TestSupport.claims(jwtID: "")))
        let long = String(repeating: "a", count: 257)
        await TestSupport.expectRejection(.invalidClaim, verifier, claimsRequest(TestSupport.claims(jwtID: long)))
        _ = try await verifier.verify(claimsRequest(TestSupport.claims(jwtID: String(repeating: "b", count: 256))))
        await TestSupport.expectRejection(
            .invalidClaim,
            verifier,
            claimsRequest(TestSupport.claims(jwtID: nil, extra: #","jti":7"#))
        )
    }

    // MARK: data

    @Test("A missing, non-object, doubled or undecodable data claim is a decoding error after authentication")
    func dataClaim() async throws {
        let cases: [(String, WebhookError.Code)] = [
            (#"{"jti":"1","iss":"\#(TestSupport.account)","iat":\#(Int(TestSupport.now))}"#, .invalidPayload),
            (
                #"{"data":"text","jti":"2","iss":"\#(TestSupport.account)","iat":\#(Int(TestSupport.now))}"#,
                .invalidPayload
            ),
            (
                #"{"data":[1],"jti":"3","iss":"\#(TestSupport.account)","iat":\#(Int(TestSupport.now))}"#,
                .invalidPayload
            ),
            (
                #"{"data":{},"data":{},"jti":"4","iss":"\#(TestSupport.account)","iat":\#(Int(TestSupport.now))}"#,
                .invalidPayload
            ),
            (
                #"{"data":{"event":"request.update"},"jti":"5","iss":"\#(TestSupport.account)","iat":\#(Int(TestSupport.now))}"#,
                .invalidPayload
            ),
            (
                #"{"data":{"webhook_id":1},"jti":"6","iss":"\#(TestSupport.account)","iat":\#(Int(TestSupport.now))}"#,
                .missingEventName
            ),
        ]
        for (claims, code) in cases {
            let error = await TestSupport.error(verifier, claimsRequest(claims))
            #expect(error?.code == code, "\(claims): \(String(describing: error))")
            #expect(error?.category == .decoding)
            #expect(error?.vendor == .rService)
        }
        // The same claims with a bad signature fail authentication first.
        let forged = TestSupport.tampered(TestSupport.token(claims: cases[0].0)) {
            $0.replacingOccurrences(of: #""1""#, with: #""9""#)
        }
        let error = await TestSupport.error(verifier, TestSupport.request(token: forged))
        #expect(error?.code == .signatureMismatch)
    }

    @Test("An unknown event name in a verified token decodes to unknown")
    func unknownEvent() async throws {
        let message = Array(
            #"{"webhook_id":1,"account":"a","name":"n","event":"brand_new.thing","object_id":1,"payload":{"x":1}}"#.utf8
        )
        let request = try TestSupport.signer().sign(message: message, now: TestSupport.now)
        let verified = try await verifier.verify(request)
        #expect(verified.event.isUnknown)
        #expect(verified.eventName == "brand_new.thing")
        #expect(verified.body == message)
    }

    @Test("Errors never contain the token")
    func reasonsDoNotLeakTokens() async throws {
        let request = try signed(issuer: "https://evil.example")
        let token = TestSupport.token(of: request)
        let error = try #require(await TestSupport.error(verifier, request))
        #expect(!error.reason.contains(token))
        #expect(!error.reason.contains(String(token.split(separator: ".")[2])))
    }
}
