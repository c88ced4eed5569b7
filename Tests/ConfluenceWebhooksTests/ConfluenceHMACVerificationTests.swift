import ConfluenceWebhooks
import Foundation
import Testing
import WebhookCore
import WebhookCrypto
import WebhookRegistry

/// HMAC mode: `X-Hub-Signature` over the raw body (vendor sheet §2.1 and Library decisions).
@Suite("Confluence HMAC verification")
struct ConfluenceHMACVerificationTests {
    typealias Values = ConfluenceTestValues

    let secret = HMACKey(utf8: ConfluenceTestValues.hmacSecret)
    var verifier: ConfluenceSignatureVerifier { .hmac(secrets: [secret]) }

    func signed(
        _ body: [UInt8],
        prefixed: Bool = true,
        secret: HMACKey? = nil,
        identifier: String? = nil
    ) throws -> WebhookRequest {
        try ConfluenceRequestSigner.hmac(secret: secret ?? self.secret, prefixed: prefixed)
            .sign(body: body, now: Values.now, webhookIdentifier: identifier)
    }

    func signature(of request: WebhookRequest) -> String {
        request.headers["X-Hub-Signature"] ?? ""
    }

    // MARK: Published vector

    @Test("GitHub's published HMAC-SHA256 vector authenticates (the body is then not JSON: a decoding error)")
    func publishedVector() async {
        let verifier = ConfluenceSignatureVerifier.hmac(secrets: [HMACKey(utf8: "It's a Secret to Everybody")])
        let body = Array("Hello, World!".utf8)
        let mac = "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"
        for value in ["sha256=" + mac, mac, "sha256=" + mac.uppercased(), mac.uppercased()] {
            let request = WebhookRequest(
                target: "/webhooks/confluence",
                headers: ["X-Hub-Signature": value],
                body: body
            )
            let error = await Values.rejection(verifier, request, eventName: "page_updated")
            #expect(error?.code == .malformedBody, "\(value)")
            #expect(error?.category == .decoding)
        }
        var wrong = Array(mac)
        wrong[10] = wrong[10] == "0" ? "1" : "0"
        let request = WebhookRequest(
            target: "/webhooks/confluence",
            headers: ["X-Hub-Signature": "sha256=" + String(wrong)],
            body: body
        )
        let error = await Values.rejection(verifier, request, eventName: "page_updated")
        #expect(error?.code == .signatureMismatch)
        #expect(error?.category == .authentication)
    }

    // MARK: Accepted

    @Test("a captured page_updated body signed with sha256=<hex> verifies and decodes")
    func validPrefixed() async throws {
        let body = try Values.pageUpdatedBody()
        let request = try signed(body, identifier: "3a1b6c1e-0001")
        #expect(signature(of: request).hasPrefix("sha256="))
        let verified = try await verifier.verify(request, eventName: "page_updated")
        #expect(verified.vendor == .confluence)
        #expect(verified.eventName == "page_updated")
        #expect(verified.body == body)
        #expect(verified.deliveryID == "3a1b6c1e-0001")
        #expect(verified.jwt == nil)
        guard case .pageUpdated(let update) = verified.event else {
            Issue.record("expected pageUpdated, got \(verified.event)")
            return
        }
        #expect(update.page?.title == "Telstra Stuff")
    }

    @Test("bare hex verifies")
    func validBare() async throws {
        let request = try signed(try Values.pageUpdatedBody(), prefixed: false)
        #expect(!signature(of: request).contains("="))
        #expect(signature(of: request).count == 64)
        let verified = try await verifier.verify(request, eventName: "page_updated")
        #expect(verified.eventName == "page_updated")
    }

    @Test("uppercase and mixed-case hex and an uppercase SHA256= prefix verify")
    func hexCase() async throws {
        let request = try signed(try Values.pageUpdatedBody())
        let hex = String(signature(of: request).dropFirst("sha256=".count))
        let mixed = String(
            hex.enumerated().map { $0.offset % 2 == 0 ? Character($0.element.uppercased()) : $0.element }
        )
        for value in [
            "sha256=" + hex.uppercased(), hex.uppercased(), "sha256=" + mixed, "SHA256=" + hex, " sha256=\(hex) ",
        ] {
            let variant = Values.replacingHeader(request, "X-Hub-Signature", value)
            let verified = try await verifier.verify(variant, eventName: "page_updated")
            #expect(verified.eventName == "page_updated", "\(value)")
        }
    }

    @Test("header names match case-insensitively")
    func headerNameCase() async throws {
        let request = try signed(try Values.pageUpdatedBody())
        let lowered = WebhookRequest(
            target: request.target,
            headers: ["x-hub-signature": signature(of: request)],
            body: request.body
        )
        _ = try await verifier.verify(lowered, eventName: "page_updated")
    }

    @Test("key rotation: a delivery signed with any configured secret verifies")
    func rotation() async throws {
        let previous = HMACKey(utf8: Values.previousHMACSecret)
        let request = try signed(try Values.pageUpdatedBody(), secret: previous)
        let both = ConfluenceSignatureVerifier.hmac(secrets: [secret, previous])
        _ = try await both.verify(request, eventName: "page_updated")
        let reversed = ConfluenceSignatureVerifier.hmac(secrets: [previous, secret])
        _ = try await reversed.verify(request, eventName: "page_updated")
        let currentOnly = ConfluenceSignatureVerifier.hmac(secrets: [secret])
        #expect(await Values.rejection(currentOnly, request, eventName: "page_updated")?.code == .signatureMismatch)
    }

    // MARK: Rejected

    @Test("a tampered body is rejected", arguments: ["change", "append", "prepend", "truncate"])
    func tamperedBody(_ how: String) async throws {
        let body = try Values.pageUpdatedBody()
        var request = try signed(body)
        switch how {
        case "change": request.body[40] ^= 0x01
        case "append": request.body.append(0x0A)
        case "prepend": request.body.insert(0x20, at: 0)
        default: request.body.removeLast()
        }
        let error = await Values.rejection(verifier, request, eventName: "page_updated")
        #expect(error?.code == .signatureMismatch)
        #expect(error?.category == .authentication)
    }

    @Test("a delivery signed with another secret is rejected")
    func wrongSecret() async throws {
        let request = try signed(try Values.pageUpdatedBody(), secret: HMACKey(utf8: "not-the-configured-secret"))
        #expect(await Values.rejection(verifier, request, eventName: "page_updated")?.code == .signatureMismatch)
    }

    @Test("no X-Hub-Signature is missingSignature, even with a Connect JWT present")
    func missingHeader() async throws {
        let request = try signed(try Values.pageUpdatedBody())
        let unsigned = Values.removingHeader(request, "X-Hub-Signature")
        #expect(await Values.rejection(verifier, unsigned, eventName: "page_updated")?.code == .missingSignature)
        let withJWT = Values.replacingHeader(unsigned, "Authorization", "JWT a.b.c")
        #expect(await Values.rejection(verifier, withJWT, eventName: "page_updated")?.code == .missingSignature)
    }

    @Test(
        "malformed signature values are rejected before any MAC is computed",
        arguments: [
            "", "sha256=", "   ", "sha256=abc", "sha256=zz" + String(repeating: "0", count: 62),
            "sha256=" + String(repeating: "0", count: 63), "sha256=" + String(repeating: "0", count: 64) + "0",
            "sha256=0x" + String(repeating: "0", count: 62), "sha256 = " + String(repeating: "0", count: 64),
            "sha256=" + String(repeating: "0", count: 32) + " " + String(repeating: "0", count: 32),
            "sha256=" + String(repeating: "0", count: 200),
            // Other prefixes: another algorithm, a control character where a digit belongs, non-ASCII letters.
            "sha1=" + String(repeating: "0", count: 64), "sha\u{12}56=" + String(repeating: "0", count: 64),
            "ｓｈａ256=" + String(repeating: "0", count: 64), "=" + String(repeating: "0", count: 64),
        ]
    )
    func malformed(_ value: String) async throws {
        let request = Values.replacingHeader(try signed(try Values.pageUpdatedBody()), "X-Hub-Signature", value)
        let error = await Values.rejection(verifier, request, eventName: "page_updated")
        #expect(error?.code == .malformedSignature)
        #expect(error?.category == .authentication)
    }

    @Test("a truncated or over-long MAC is rejected, never accepted as a prefix")
    func truncated() async throws {
        let request = try signed(try Values.pageUpdatedBody())
        let hex = String(signature(of: request).dropFirst("sha256=".count))
        for length in [0, 2, 32, 40, 62] {
            let variant = Values.replacingHeader(request, "X-Hub-Signature", "sha256=" + hex.prefix(length))
            #expect(await Values.rejection(verifier, variant, eventName: "page_updated")?.code == .malformedSignature)
        }
        let longer = Values.replacingHeader(request, "X-Hub-Signature", "sha256=" + hex + "00")
        #expect(await Values.rejection(verifier, longer, eventName: "page_updated")?.code == .malformedSignature)
    }

    @Test(
        "an unknown prefix is rejected, even with a correct MAC of that algorithm",
        arguments: ["sha1", "sha512", "md5"]
    )
    func unknownPrefix(_ prefix: String) async throws {
        let body = try Values.pageUpdatedBody()
        let algorithm: HashAlgorithm = prefix == "sha512" ? .sha512 : prefix == "sha1" ? .sha1 : .sha256
        let mac = Hex.encode(HMACAuthenticator(key: secret, algorithm: algorithm).authenticationCode(for: body))
        let request = WebhookRequest(
            target: "/webhooks/confluence",
            headers: ["X-Hub-Signature": prefix + "=" + mac],
            body: body
        )
        #expect(await Values.rejection(verifier, request, eventName: "page_updated")?.code == .malformedSignature)
        let sha256 = Hex.encode(HMACAuthenticator(key: secret, algorithm: .sha256).authenticationCode(for: body))
        let wrongLabel = Values.replacingHeader(request, "X-Hub-Signature", prefix + "=" + sha256)
        #expect(await Values.rejection(verifier, wrongLabel, eventName: "page_updated")?.code == .malformedSignature)
    }

    @Test("several X-Hub-Signature headers are rejected, even when each is valid")
    func severalHeaders() async throws {
        let request = try signed(try Values.pageUpdatedBody())
        var doubled = request
        doubled.headers.add(name: "x-hub-signature", value: signature(of: request))
        #expect(await Values.rejection(verifier, doubled, eventName: "page_updated")?.code == .malformedSignature)
    }

    @Test("a body over the limit is rejected before the signature is looked at")
    func bodyTooLarge() async throws {
        let body = try Values.pageUpdatedBody()
        let limited = ConfluenceSignatureVerifier.hmac(
            secrets: [secret],
            limits: WebhookLimits(maximumBodySize: body.count - 1)
        )
        let request = try signed(body)
        let error = await Values.rejection(limited, request, eventName: "page_updated")
        #expect(error?.code == .bodyTooLarge)
        #expect(error?.category == .limit)
        let unsigned = Values.removingHeader(request, "X-Hub-Signature")
        #expect(await Values.rejection(limited, unsigned, eventName: "page_updated")?.code == .bodyTooLarge)
        let exact = ConfluenceSignatureVerifier.hmac(
            secrets: [secret],
            limits: WebhookLimits(maximumBodySize: body.count)
        )
        _ = try await exact.verify(request, eventName: "page_updated")
    }

    @Test("a signed non-UTF-8 body authenticates and fails only as a decoding error")
    func nonUTF8Body() async throws {
        let body: [UInt8] = [0x7B, 0x22, 0xFF, 0xFE, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D]
        let request = try signed(body)
        let error = await Values.rejection(verifier, request, eventName: "page_updated")
        #expect(error?.category == .decoding)
        var tampered = request
        tampered.body[2] = 0xFD
        #expect(await Values.rejection(verifier, tampered, eventName: "page_updated")?.code == .signatureMismatch)
    }

    @Test("no secret or an empty secret is a configuration error")
    func misconfigured() async throws {
        let request = try signed(try Values.pageUpdatedBody())
        for secrets in [[], [HMACKey(utf8: "")], [secret, HMACKey([UInt8]())]] {
            let error = await Values.rejection(.hmac(secrets: secrets), request, eventName: "page_updated")
            #expect(error?.code == .invalidConfiguration)
            #expect(error?.category == .configuration)
        }
    }

    @Test("reasons never contain the secret or the presented signature")
    func reasonsAreClean() async throws {
        let request = try signed(try Values.pageUpdatedBody(), secret: HMACKey(utf8: "not-the-configured-secret"))
        let hex = String(signature(of: request).dropFirst("sha256=".count))
        for variant in [request, Values.replacingHeader(request, "X-Hub-Signature", "sha1=" + hex)] {
            let error = await Values.rejection(verifier, variant, eventName: "page_updated")
            let text = error?.description ?? ""
            #expect(!text.contains(Values.hmacSecret))
            #expect(!text.contains(hex))
            #expect(!text.contains(String(hex.prefix(16))))
        }
    }

    // MARK: Event name and decoding

    @Test("a Cloud body without a caller's event name is authentic but missingEventName (decoding)")
    func missingEventName() async throws {
        let request = try signed(try Values.pageUpdatedBody())
        let error = await Values.rejection(verifier, request)
        #expect(error?.code == .missingEventName)
        #expect(error?.category == .decoding)
    }

    @Test("event name: the argument wins, then the resolver, then the body's event field")
    func eventNameOrder() async throws {
        let dataCenter = try ConfluenceFixtures.bytes("events/page_created--data-center.json")
        let request = try signed(dataCenter)
        let fromBody = try await verifier.verify(request)
        #expect(fromBody.eventName == "page_created")

        let resolving = ConfluenceSignatureVerifier.hmac(
            secrets: [secret],
            eventName: { request in request.path.hasSuffix("/page-moved") ? "page_moved" : nil }
        )
        var moved = request
        moved.target = "/webhooks/page-moved"
        #expect(try await resolving.verify(moved).eventName == "page_moved")
        #expect(try await resolving.verify(moved, eventName: "page_updated").eventName == "page_updated")
        #expect(try await resolving.verify(moved, eventName: "").eventName == "page_moved")
        #expect(try await resolving.verify(request).eventName == "page_created")

        let cloud = try signed(try Values.pageUpdatedBody())
        var cloudMoved = cloud
        cloudMoved.target = "/webhooks/page-moved"
        let verified = try await resolving.verify(cloudMoved)
        guard case .pageMoved = verified.event else {
            Issue.record("expected pageMoved, got \(verified.event)")
            return
        }
    }

    @Test("an unregistered event name decodes to unknown, keeping the name")
    func unknownEvent() async throws {
        let verified = try await verifier.verify(try signed(try Values.pageUpdatedBody()), eventName: "page_archived")
        #expect(verified.eventName == "page_archived")
        guard case .unknown(let name, _) = verified.event else {
            Issue.record("expected unknown")
            return
        }
        #expect(name == "page_archived")
    }

    @Test("a body of the wrong shape is invalidPayload (decoding), after authentication")
    func invalidPayload() async throws {
        let body = try ConfluenceFixtures.bytes("malformed/wrong-type.json")
        let error = await Values.rejection(verifier, try signed(body), eventName: "page_updated")
        #expect(error?.code == .invalidPayload)
        #expect(error?.category == .decoding)
    }

    // MARK: Replay

    @Test("a repeated X-Atlassian-Webhook-Identifier is rejected as replayed for an hour")
    func replay() async throws {
        let clock = ManualClock(Values.now)
        let store = InMemoryReplayStore(clock: clock.function)
        let verifier = ConfluenceSignatureVerifier.hmac(secrets: [secret], replayStore: store, clock: clock.function)
        let body = try Values.pageUpdatedBody()
        let first = try signed(body, identifier: "delivery-1")
        _ = try await verifier.verify(first, eventName: "page_updated")
        let error = await Values.rejection(verifier, first, eventName: "page_updated")
        #expect(error?.code == .replayed)
        #expect(error?.category == .replay)

        _ = try await verifier.verify(try signed(body, identifier: "delivery-2"), eventName: "page_updated")
        clock.advance(by: 1800)
        #expect(await Values.rejection(verifier, first, eventName: "page_updated")?.code == .replayed)
        clock.advance(by: 1801)
        _ = try await verifier.verify(first, eventName: "page_updated")
    }

    @Test("deliveries without an identifier are not de-duplicated")
    func noIdentifier() async throws {
        let store = InMemoryReplayStore()
        let verifier = ConfluenceSignatureVerifier.hmac(secrets: [secret], replayStore: store)
        let request = try signed(try Values.pageUpdatedBody())
        _ = try await verifier.verify(request, eventName: "page_updated")
        _ = try await verifier.verify(request, eventName: "page_updated")
        let blank = Values.replacingHeader(request, "X-Atlassian-Webhook-Identifier", "  ")
        _ = try await verifier.verify(blank, eventName: "page_updated")
        _ = try await verifier.verify(blank, eventName: "page_updated")
        #expect(store.count == 0)
    }

    @Test("a forged delivery does not burn the identifier of the genuine one")
    func forgedDoesNotRecord() async throws {
        let store = InMemoryReplayStore()
        let verifier = ConfluenceSignatureVerifier.hmac(secrets: [secret], replayStore: store)
        let body = try Values.pageUpdatedBody()
        let forged = try signed(body, secret: HMACKey(utf8: "attacker"), identifier: "delivery-9")
        #expect(await Values.rejection(verifier, forged, eventName: "page_updated")?.code == .signatureMismatch)
        #expect(store.count == 0)
        _ = try await verifier.verify(try signed(body, identifier: "delivery-9"), eventName: "page_updated")
        #expect(store.count == 1)
    }

    @Test("the replay key is namespaced, and long identifiers are hashed")
    func replayKeys() {
        #expect(ConfluenceSignatureVerifier.replayKey(forDeliveryIdentifier: "abc") == "confluence:id:abc")
        let long = String(repeating: "x", count: 500)
        let key = ConfluenceSignatureVerifier.replayKey(forDeliveryIdentifier: long)
        #expect(key.hasPrefix("confluence:id-sha256:"))
        #expect(key.count == "confluence:id-sha256:".count + 64)
        #expect(key != ConfluenceSignatureVerifier.replayKey(forDeliveryIdentifier: long + "y"))
    }
}
