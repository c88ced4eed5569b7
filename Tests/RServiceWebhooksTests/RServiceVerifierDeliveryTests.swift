import Foundation
import RServiceWebhooks
import Synchronization
import Testing
import WebhookCore
import WebhookCrypto
import WebhookRegistry

/// Records what the verifier puts into the replay store.
final class RecordingReplayStore: ReplayStore {
    let inner = InMemoryReplayStore(clock: { TestSupport.now })
    let records = Mutex<[(String, Double)]>([])

    func insertIfAbsent(_ key: String, expiresAt: Double) async -> Bool {
        records.withLock { $0.append((key, expiresAt)) }
        return await inner.insertIfAbsent(key, expiresAt: expiresAt)
    }
}

@Suite("R-Service verifier: replay")
struct RServiceVerifierReplayTests {
    @Test("The same token delivered twice is rejected the second time")
    func replay() async throws {
        let verifier = TestSupport.verifier(TestSupport.rsaKeys())
        let request = try TestSupport.signer().sign(message: TestSupport.message(), now: TestSupport.now)
        _ = try await verifier.verify(request)
        let error = await TestSupport.error(verifier, request)
        #expect(error?.code == .replayed)
        #expect(error?.category == .replay)
        // Another token with another jti still verifies.
        _ = try await verifier.verify(
            try TestSupport.signer().sign(message: TestSupport.message(), now: TestSupport.now)
        )
    }

    @Test("The same token from many tasks at once is accepted exactly once")
    func concurrentReplay() async throws {
        let verifier = TestSupport.verifier(TestSupport.rsaKeys())
        let request = try TestSupport.signer().sign(message: TestSupport.message(), now: TestSupport.now)
        let results = await withTaskGroup(of: WebhookError.Code?.self) { group in
            for _ in 0..<64 {
                group.addTask { await TestSupport.error(verifier, request)?.code }
            }
            var results: [WebhookError.Code?] = []
            for await result in group { results.append(result) }
            return results
        }
        #expect(results.filter { $0 == nil }.count == 1)
        #expect(results.filter { $0 == .replayed }.count == 63)
    }

    @Test("A forged token does not burn the jti of the genuine one")
    func forgeryDoesNotConsumeJTI() async throws {
        let verifier = TestSupport.verifier(TestSupport.rsaKeys())
        let request = try TestSupport.signer().sign(
            message: TestSupport.message(),
            now: TestSupport.now,
            jwtID: "shared-jti"
        )
        let forged = try TestSupport.signer(TestSupport.unlistedRSA).sign(
            message: TestSupport.message(),
            now: TestSupport.now,
            jwtID: "shared-jti"
        )
        await TestSupport.expectRejection(.signatureMismatch, verifier, forged)
        _ = try await verifier.verify(request)
    }

    @Test("jti is remembered under rservice:jti:<jti> for as long as the token could be accepted")
    func replayExpiry() async throws {
        let now = TestSupport.now
        let cases: [(Double?, Double?, Double)] = [
            (600, 300, now + 600 + 60),  // exp: exp + leeway
            (-30, 300, now + 60),  // exp passed within leeway: now + leeway
            (nil, 300, now + 300 + 60),  // no exp: iat + maximum age + leeway
            (nil, nil, now + 120 + 60),  // no exp, no maximum age: now + 2 min + leeway
        ]
        for (lifetime, maximumAge, expected) in cases {
            let store = RecordingReplayStore()
            let verifier = TestSupport.verifier(TestSupport.rsaKeys(), maximumTokenAge: maximumAge, replayStore: store)
            let request = try TestSupport.signer().sign(
                message: TestSupport.message(),
                now: now,
                lifetime: lifetime,
                jwtID: "abc"
            )
            _ = try await verifier.verify(request)
            let records = store.records.withLock { $0 }
            #expect(records.count == 1)
            #expect(records.first?.0 == "rservice:jti:abc")
            #expect(records.first?.1 == expected, "lifetime \(String(describing: lifetime))")
        }
    }

    @Test("A token older than the replay window is rejected by age, so an old jti cannot come back")
    func replayAfterWindow() async throws {
        let issued = TestSupport.now
        let store = InMemoryReplayStore(clock: { issued + 1000 })
        let request = try TestSupport.signer().sign(message: TestSupport.message(), now: issued)
        _ = try await TestSupport.verifier(TestSupport.rsaKeys(), replayStore: store, now: issued).verify(request)
        // The store has forgotten the jti by now, but the token is too old.
        let later = TestSupport.verifier(TestSupport.rsaKeys(), replayStore: store, now: issued + 1000)
        await TestSupport.expectRejection(.expired, later, request)
    }
}

@Suite("R-Service verifier: the {\"jwt\":…} wrapper and limits")
struct RServiceVerifierWrapperTests {
    let verifier = TestSupport.verifier(TestSupport.rsaKeys())

    func token() throws -> String {
        TestSupport.token(of: try TestSupport.signer().sign(message: TestSupport.message(), now: TestSupport.now))
    }

    @Test("A plain message in a signed mode is an unsigned delivery")
    func unsignedDelivery() async throws {
        let plain = WebhookRequest(target: "/hook", body: TestSupport.message())
        await TestSupport.expectRejection(.unsignedDelivery, verifier, plain)
        await TestSupport.expectRejection(.unsignedDelivery, verifier, TestSupport.request(body: #"{"webhook_id":1}"#))
        let secrets = TestSupport.verifier(try .sharedSecrets([TestSupport.sharedSecret]))
        await TestSupport.expectRejection(.unsignedDelivery, secrets, plain)
        let discovery = TestSupport.verifier(.discovery(try RServiceOpenIDDiscovery(fetch: FakeFetch([:]).fetch)))
        await TestSupport.expectRejection(.unsignedDelivery, discovery, plain)
    }

    @Test(
        "Bodies without a usable jwt member are rejected as not authentic",
        arguments: [
            ("{}", WebhookError.Code.missingSignature),
            (#"{"token":"a.b.c"}"#, .missingSignature),
            (#"{"jwt":""}"#, .missingSignature),
            ("", .malformedToken),
            ("not json", .malformedToken),
            (#"["a.b.c"]"#, .malformedToken),
            (#""a.b.c""#, .malformedToken),
            (#"{"jwt":42}"#, .malformedToken),
            (#"{"jwt":null}"#, .malformedToken),
            (#"{"jwt":{"a":1}}"#, .malformedToken),
            (#"{"jwt":"a.b.c","jwt":"d.e.f"}"#, .malformedToken),
            (#"{"jwt":"a.b"}"#, .malformedToken),
            (#"{"jwt":"a.b.c.d"}"#, .malformedToken),
            (#"{"jwt":"e30.e30.!!"}"#, .malformedToken),
            (#"{"jwt":"a\u002eb.c"}"#, .malformedToken),
            (#"{"jwt":"a.b.c"} trailing"#, .malformedToken),
            (#"{"jwt":"a.b.c",}"#, .malformedToken),
        ]
    )
    func badWrappers(body: String, code: WebhookError.Code) async {
        await TestSupport.expectRejection(code, verifier, TestSupport.request(body: body))
    }

    @Test("A valid token next to a second jwt member, or in a body that is not strict JSON, is rejected")
    func strictWrapper() async throws {
        let token = try token()
        let bodies: [[UInt8]] = [
            Array(#"{"jwt":"\#(token)","jwt":"\#(token)"}"#.utf8),
            Array(#"{"jwt":"\#(token)","x":"a"#.utf8) + [0x01] + Array(#"b"}"#.utf8),
            Array(#"{"jwt":"\#(token)","x":01}"#.utf8),
            Array(#"{"jwt":"\#(token)","x":"\ud800"}"#.utf8),
            Array(#"{"jwt":"\#(token)","x":tru}"#.utf8),
            Array(#"{"jwt":"\#(token)","x":"#.utf8) + Array(repeating: UInt8(ascii: "["), count: 300)
                + Array(repeating: UInt8(ascii: "]"), count: 300) + [UInt8(ascii: "}")],
            Array(#"{"jwt":"\#(token)"}{}"#.utf8),
        ]
        for (index, body) in bodies.enumerated() {
            let error = await TestSupport.error(verifier, WebhookRequest(target: "/", body: body))
            #expect(error?.code == .malformedToken, "body \(index): \(String(describing: error))")
        }
        // The same token alone verifies, and nesting within the depth limit is fine.
        _ = try await verifier.verify(TestSupport.request(token: token))
        let nested =
            #"{"x":"# + String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
            + #","jwt":"\#(token)"}"#
        _ = try await TestSupport.verifier(TestSupport.rsaKeys()).verify(TestSupport.request(body: nested))
    }

    @Test("A non-UTF-8 body is rejected without a crash")
    func nonUTF8() async throws {
        let bodies: [[UInt8]] = [
            [0xFF, 0xFE, 0x00],
            Array(#"{"jwt":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8),
            Array(#"{"jw"#.utf8) + [0xED, 0xA0, 0x80] + Array(#"t":"a.b.c"}"#.utf8),
            Array(#"{"jwt":"a.b.c","x":""#.utf8) + [0xF8] + Array(#""}"#.utf8),
        ]
        for body in bodies {
            await TestSupport.expectRejection(.malformedToken, verifier, WebhookRequest(target: "/", body: body))
        }
        let unsigned = TestSupport.verifier(.unsigned)
        let error = await TestSupport.error(unsigned, WebhookRequest(target: "/", body: [0xFF, 0xFE]))
        #expect(error?.code == .malformedBody)
    }

    @Test(
        "A byte a string may not hold is found at every offset of a long string (the reader skips 8 bytes at a time)",
        arguments: [
            ([0x01], false), ([0x1F], false), ([0x7F], true), ([0x20], true), ([0x80], false), ([0xC3, 0x28], false),
            ([0xC3, 0xA9], true), ([0xE2, 0x82, 0xAC], true), ([0xED, 0xA0, 0x80], false),
            (Array(#"\n"#.utf8), true), (Array(#"\""#.utf8), true), (Array(#"\x"#.utf8), false),
        ] as [([UInt8], Bool)]
    )
    func stringBytesAtEveryOffset(inserted: [UInt8], accepted: Bool) async throws {
        let token = try token()
        for offset in 0..<17 {
            let text =
                Array(repeating: UInt8(ascii: "a"), count: offset) + inserted
                + Array(repeating: UInt8(ascii: "b"), count: 17 - offset)
            let body = Array(#"{"jwt":"\#(token)","x":""#.utf8) + text + Array(#""}"#.utf8)
            let verifier = TestSupport.verifier(TestSupport.rsaKeys())
            let error = await TestSupport.error(verifier, WebhookRequest(target: "/", body: body))
            #expect(error?.code == (accepted ? nil : .malformedToken), "offset \(offset)")
        }
    }

    @Test("Whitespace, other members and escaped member names in the wrapper are fine")
    func lenientWrapper() async throws {
        let token = try token()
        let bodies = [
            "{ \"jwt\" : \"\(token)\" }\n",
            #"{"delivery":"x","jwt":"\#(token)","extra":{"a":[1,2,{"b":null}]}}"#,
            #"{"j\u0077t":"\#(token)"}"#,
        ]
        for (index, body) in bodies.enumerated() {
            let verifier = TestSupport.verifier(TestSupport.rsaKeys())
            let verified = try await verifier.verify(TestSupport.request(body: body))
            #expect(verified.eventName == "request.note-added", "body \(index)")
        }
    }

    @Test("The body limit applies before any parsing")
    func bodyLimit() async throws {
        let limits = WebhookLimits(maximumBodySize: 64)
        let limited = TestSupport.verifier(TestSupport.rsaKeys(), limits: limits)
        await TestSupport.expectRejection(
            .bodyTooLarge,
            limited,
            TestSupport.request(body: String(repeating: "x", count: 65))
        )
        await TestSupport.expectRejection(.bodyTooLarge, limited, TestSupport.request(token: try token()))
        let unsigned = TestSupport.verifier(.unsigned, limits: limits)
        await TestSupport.expectRejection(
            .bodyTooLarge,
            unsigned,
            WebhookRequest(target: "/", body: TestSupport.message())
        )
        let error = await TestSupport.error(limited, TestSupport.request(body: String(repeating: "x", count: 65)))
        #expect(error?.category == .limit)
    }

    @Test("The token limit applies before the token is parsed")
    func tokenLimit() async throws {
        let token = try token()
        let limits = WebhookLimits(maximumBodySize: 1 << 20, maximumTokenSize: token.utf8.count - 1)
        let limited = TestSupport.verifier(TestSupport.rsaKeys(), limits: limits)
        await TestSupport.expectRejection(.tokenTooLarge, limited, TestSupport.request(token: token))
        let garbage = String(repeating: "!", count: 20_000)
        await TestSupport.expectRejection(.tokenTooLarge, verifier, TestSupport.request(token: garbage))
        let exact = TestSupport.verifier(
            TestSupport.rsaKeys(),
            limits: WebhookLimits(maximumBodySize: 1 << 20, maximumTokenSize: token.utf8.count)
        )
        _ = try await exact.verify(TestSupport.request(token: token))
    }

    @Test("The delivery id comes from X-4me-Delivery or x-xurrent-delivery, in any case")
    func deliveryID() async throws {
        let message = TestSupport.message()
        let signer = TestSupport.signer()
        let xurrent = try signer.sign(
            message: message,
            now: TestSupport.now,
            deliveryID: "x-1",
            deliveryHeader: "X-Xurrent-Delivery"
        )
        #expect(try await TestSupport.verifier(TestSupport.rsaKeys()).verify(xurrent).deliveryID == "x-1")
        var lower = try signer.sign(message: message, now: TestSupport.now, deliveryID: "d-2")
        lower.headers = ["x-4me-delivery": "d-2"]
        #expect(try await TestSupport.verifier(TestSupport.rsaKeys()).verify(lower).deliveryID == "d-2")
        var none = try signer.sign(message: message, now: TestSupport.now)
        none.headers = [:]
        #expect(try await TestSupport.verifier(TestSupport.rsaKeys()).verify(none).deliveryID == nil)
        let both: WebhookHeaders = ["x-xurrent-delivery": "b", "X-4ME-DELIVERY": " a "]
        #expect(RServiceDelivery.deliveryID(in: both) == "a")
        #expect(RServiceDelivery.deliveryID(in: ["X-4me-Delivery": String(repeating: "a", count: 257)]) == nil)
        #expect(RServiceDelivery.originalDeliveryID(in: ["X-Xurrent-Delivery-Origin": "orig"]) == "orig")
    }
}

@Suite("R-Service verifier: unsigned mode")
struct RServiceVerifierUnsignedTests {
    @Test("Unsigned mode accepts the documented plain message")
    func acceptsPlain() async throws {
        let request = RServiceRequestSigner.unsignedRequest(
            message: TestSupport.message("request.note-added"),
            deliveryID: "u-1",
            deliveryHeader: "x-xurrent-delivery"
        )
        let verified = try await TestSupport.verifier(.unsigned).verify(request)
        #expect(verified.eventName == "request.note-added")
        #expect(verified.body == request.body)
        #expect(verified.jwt == nil)
        #expect(verified.deliveryID == "u-1")
    }

    @Test("Unsigned mode rejects signed bodies: configure the key instead")
    func rejectsSigned() async throws {
        let request = try TestSupport.signer().sign(message: TestSupport.message(), now: TestSupport.now)
        let error = await TestSupport.error(TestSupport.verifier(.unsigned), request)
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.category == .configuration)
    }

    @Test("Unsigned mode reports undecodable messages as decoding errors")
    func decodingErrors() async {
        let verifier = TestSupport.verifier(.unsigned)
        for (body, code) in [("not json", WebhookError.Code.malformedBody), (#"{"webhook_id":1}"#, .missingEventName)] {
            let error = await TestSupport.error(verifier, TestSupport.request(body: body))
            #expect(error?.code == code)
            #expect(error?.category == .decoding)
        }
    }

    @Test("The webhook.verify callback URL is exposed on the event and the verified webhook")
    func verificationCallback() async throws {
        let request = try TestSupport.signer().sign(
            message: TestSupport.message("webhook.verify"),
            now: TestSupport.now
        )
        let verified = try await TestSupport.verifier(TestSupport.rsaKeys()).verify(request)
        let expected =
            "https://mycompany.xurrent.com/webhooks/219/verify?code=EmzqeGYTj5LAIwY-hWoYNLJQ&expires_at=1610618451"
        #expect(verified.verificationCallbackURL == expected)
        #expect(verified.event.verificationCallbackURL == expected)
        let other = try TestSupport.signer().sign(message: TestSupport.message(), now: TestSupport.now)
        #expect(try await TestSupport.verifier(TestSupport.rsaKeys()).verify(other).verificationCallbackURL == nil)
    }
}
