import Foundation
import RServiceWebhooks
import Testing
import WebhookCore
import WebhookCrypto
import WebhookRegistry
import WebhookTesting

@Suite("R-Service verifier: delivery key")
struct RServiceVerifierDeliveryKeyTests {
    /// A signed request with the given token id and exactly the given headers.
    func signed(
        jwtID: String = "jti-1",
        headers: WebhookHeaders = [:],
        message: [UInt8] = TestSupport.message()
    ) throws -> WebhookRequest {
        var request = try TestSupport.signer().sign(message: message, now: TestSupport.now, jwtID: jwtID)
        request.headers = headers
        return request
    }

    func key(_ request: WebhookRequest) async throws -> String? {
        try await TestSupport.verifier(TestSupport.rsaKeys()).verify(request).deliveryKey
    }

    @Test("Two copies of one token both verify and share one key: the ledger, not the verifier, tells duplicates")
    func twoCopiesOneKey() async throws {
        let verifier = TestSupport.verifier(TestSupport.rsaKeys())
        let request = try signed()
        let first = try await verifier.verify(request)
        let second = try await verifier.verify(request)
        #expect(first.deliveryKey == "rservice:jti:jti-1")
        #expect(second.deliveryKey == first.deliveryKey)
    }

    @Test("The same token from many tasks at once verifies every time, with one key")
    func concurrentCopies() async throws {
        let verifier = TestSupport.verifier(TestSupport.rsaKeys())
        let request = try signed(headers: ["x-xurrent-delivery": "d-1"])
        let keys = await withTaskGroup(of: String?.self) { group in
            for _ in 0..<64 {
                group.addTask { try? await verifier.verify(request).deliveryKey }
            }
            var keys: [String?] = []
            for await key in group { keys.append(key) }
            return keys
        }
        #expect(keys.count == 64)
        #expect(keys.allSatisfy { $0 == "rservice:delivery:d-1" })
    }

    @Test("Without a delivery header the key is the token's jti; another token has another key")
    func jtiFallback() async throws {
        #expect(try await key(signed(jwtID: "jti-1")) == "rservice:jti:jti-1")
        #expect(try await key(signed(jwtID: "jti-2")) == "rservice:jti:jti-2")
        // Another message is another token: R-Service's signature covers the message, so its key differs.
        let other = try TestSupport.signer().sign(message: TestSupport.message("webhook.verify"), now: TestSupport.now)
        let original = try TestSupport.signer().sign(message: TestSupport.message(), now: TestSupport.now)
        #expect(try await key(other) != key(original))
    }

    @Test(
        "Each delivery header gives the key, names compared case-insensitively",
        arguments: [
            "x-xurrent-delivery-origin", "X-Xurrent-Delivery-Origin", "x-xurrent-delivery", "X-XURRENT-DELIVERY",
            "X-4me-Delivery", "x-4me-delivery",
        ]
    )
    func eachHeader(name: String) async throws {
        #expect(
            try await key(signed(headers: [name: "8fd93dc6-1d43-49c2-892e-2ab5cb029e4e"]))
                == "rservice:delivery:8fd93dc6-1d43-49c2-892e-2ab5cb029e4e"
        )
    }

    @Test("Precedence: x-xurrent-delivery-origin, then x-xurrent-delivery, then X-4me-Delivery, then jti")
    func precedence() async throws {
        let all: WebhookHeaders = [
            "X-4me-Delivery": "four", "x-xurrent-delivery": "xurrent", "x-xurrent-delivery-origin": "origin",
        ]
        #expect(try await key(signed(headers: all)) == "rservice:delivery:origin")
        #expect(
            try await key(signed(headers: ["X-4me-Delivery": "four", "x-xurrent-delivery": "xurrent"]))
                == "rservice:delivery:xurrent"
        )
        #expect(try await key(signed(headers: ["X-4me-Delivery": "four"])) == "rservice:delivery:four")
        #expect(try await key(signed(headers: [:])) == "rservice:jti:jti-1")
        // The unconfirmed 4me form of the origin header is not read for the key.
        #expect(
            try await key(signed(headers: ["X-4me-Delivery-Origin": "old", "X-4me-Delivery": "four"]))
                == "rservice:delivery:four"
        )
    }

    @Test("A re-delivery (new id, new token, origin header) has the key of the original delivery")
    func redelivery() async throws {
        let original = try signed(jwtID: "jti-1", headers: ["x-xurrent-delivery": "d-1"])
        let again = try signed(
            jwtID: "jti-2",
            headers: ["x-xurrent-delivery": "d-2", "x-xurrent-delivery-origin": "d-1"]
        )
        #expect(try await key(original) == "rservice:delivery:d-1")
        #expect(try await key(again) == key(original))
    }

    @Test("An empty, over-long, non-printable or non-ASCII header value is ignored: the next source is used")
    func unusableValues() async throws {
        let unusable = ["", "   ", String(repeating: "a", count: 257), "a\u{01}b", "a\u{7F}b", "caf\u{E9}"]
        for value in unusable {
            #expect(
                try await key(signed(headers: ["x-xurrent-delivery-origin": value, "x-xurrent-delivery": "next"]))
                    == "rservice:delivery:next",
                "value \(value.debugDescription)"
            )
            #expect(try await key(signed(headers: ["X-4me-Delivery": value])) == "rservice:jti:jti-1")
        }
        // 256 bytes is the limit; spaces around a value are removed.
        let longest = String(repeating: "b", count: 256)
        #expect(try await key(signed(headers: ["x-xurrent-delivery": longest]))?.hasPrefix("rservice:delivery") == true)
        #expect(try await key(signed(headers: ["x-xurrent-delivery": " d-1\t"])) == "rservice:delivery:d-1")
    }

    @Test("An id with a colon, a space or over 128 bytes is hashed, the same way from either header")
    func hashedIDs() async throws {
        for id in ["a:b", "a b", String(repeating: "c", count: 129)] {
            let direct = try await key(signed(headers: ["x-xurrent-delivery": id]))
            let viaOrigin = try await key(
                signed(headers: ["x-xurrent-delivery-origin": id, "x-xurrent-delivery": "z"])
            )
            #expect(direct?.hasPrefix("rservice:delivery-sha256:") == true)
            #expect(direct?.utf8.count == "rservice:delivery-sha256:".utf8.count + 64)
            #expect(direct == viaOrigin)
        }
        let colon = try await key(signed(headers: ["x-xurrent-delivery": "a:b"]))
        let other = try await key(signed(headers: ["x-xurrent-delivery": "a:c"]))
        #expect(colon != other)
    }

    @Test("Unsigned mode: the key comes from the delivery headers, else there is none")
    func unsignedKey() async throws {
        let verifier = TestSupport.verifier(.unsigned)
        let plain = WebhookRequest(target: "/hook", headers: ["x-xurrent-delivery": "u-1"], body: TestSupport.message())
        #expect(try await verifier.verify(plain).deliveryKey == "rservice:delivery:u-1")
        let bare = WebhookRequest(target: "/hook", body: TestSupport.message())
        #expect(try await verifier.verify(bare).deliveryKey == nil)
    }

    @Test("A token older than the maximum age is rejected by the time checks")
    func oldTokenRejected() async throws {
        let issued = TestSupport.now
        let request = try TestSupport.signer().sign(message: TestSupport.message(), now: issued)
        _ = try await TestSupport.verifier(TestSupport.rsaKeys(), now: issued).verify(request)
        let later = TestSupport.verifier(TestSupport.rsaKeys(), now: issued + 1000)
        await TestSupport.expectRejection(.expired, later, request)
    }

    @Test("minimumDeliveryRetention is the maximum token age plus twice the leeway, or zero without an age bound")
    func retention() {
        #expect(TestSupport.verifier(TestSupport.rsaKeys()).minimumDeliveryRetention == .seconds(420))
        #expect(
            TestSupport.verifier(TestSupport.rsaKeys(), leeway: .zero, maximumTokenAge: .seconds(100))
                .minimumDeliveryRetention
                == .seconds(100)
        )
        #expect(TestSupport.verifier(TestSupport.rsaKeys(), maximumTokenAge: nil).minimumDeliveryRetention == .zero)
    }

    @Test("The retention covers the whole time a token without exp is accepted, from its first arrival")
    func retentionCoversAcceptance() async throws {
        let arrival = TestSupport.now
        // iat as far in the future as the leeway allows: the latest-expiring token a verifier accepts.
        let request = try TestSupport.signer().sign(message: TestSupport.message(), now: arrival + 60)
        let retention = TestSupport.verifier(TestSupport.rsaKeys()).minimumDeliveryRetention
        let seconds = Double(retention.components.seconds)
        _ = try await TestSupport.verifier(TestSupport.rsaKeys(), now: arrival).verify(request)
        _ = try await TestSupport.verifier(TestSupport.rsaKeys(), now: arrival + seconds - 1).verify(request)
        await TestSupport.expectRejection(
            .expired,
            TestSupport.verifier(TestSupport.rsaKeys(), now: arrival + seconds),
            request
        )
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

    @Test("Unsigned mode rejects signed bodies as not authentic, never as a configuration error")
    func rejectsSigned() async throws {
        let signed = try TestSupport.signer().sign(message: TestSupport.message(), now: TestSupport.now)
        for request in [
            signed, TestSupport.request(body: #"{"jwt":"a.b.c"}"#), TestSupport.request(body: #"{"jwt":1}"#),
        ] {
            let error = await TestSupport.error(TestSupport.verifier(.unsigned), request)
            #expect(error?.code == .algorithmNotAllowed)
            #expect(error?.category == .authentication)
            #expect(error?.isAuthenticationFailure == true)
        }
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
