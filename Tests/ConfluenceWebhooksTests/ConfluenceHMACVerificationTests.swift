import ConfluenceWebhooks
import Foundation
import Testing
import WebhookCore
import WebhookCrypto
import WebhookRegistry
import WebhookTesting

/// HMAC mode: `X-Hub-Signature` over the raw body (vendor sheet §2.1 and Library decisions).
@Suite("Confluence HMAC verification")
struct ConfluenceHMACVerificationTests {
    typealias Values = ConfluenceTestValues

    let secret = WebhookSecret(utf8: ConfluenceTestValues.hmacSecret)
    var verifier: ConfluenceSignatureVerifier { try! ConfluenceSignatureVerifier(secrets: [secret]) }

    func signed(
        _ body: [UInt8],
        prefixed: Bool = true,
        secret: WebhookSecret? = nil,
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
    func publishedVector() async throws {
        let verifier = try ConfluenceSignatureVerifier(secrets: [WebhookSecret(utf8: "It's a Secret to Everybody")])
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
        let previous = WebhookSecret(utf8: Values.previousHMACSecret)
        let request = try signed(try Values.pageUpdatedBody(), secret: previous)
        let both = try ConfluenceSignatureVerifier(secrets: [secret, previous])
        _ = try await both.verify(request, eventName: "page_updated")
        let reversed = try ConfluenceSignatureVerifier(secrets: [previous, secret])
        _ = try await reversed.verify(request, eventName: "page_updated")
        let currentOnly = try ConfluenceSignatureVerifier(secrets: [secret])
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
        let request = try signed(try Values.pageUpdatedBody(), secret: WebhookSecret(utf8: "not-the-configured-secret"))
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
        let limited = try ConfluenceSignatureVerifier(
            secrets: [secret],
            limits: WebhookLimits(maximumBodySize: body.count - 1)
        )
        let request = try signed(body)
        let error = await Values.rejection(limited, request, eventName: "page_updated")
        #expect(error?.code == .bodyTooLarge)
        #expect(error?.category == .limit)
        let unsigned = Values.removingHeader(request, "X-Hub-Signature")
        #expect(await Values.rejection(limited, unsigned, eventName: "page_updated")?.code == .bodyTooLarge)
        let exact = try ConfluenceSignatureVerifier(
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

    @Test("no secret fails the initialiser with invalid_configuration")
    func noSecret() {
        let error = #expect(throws: WebhookError.self) {
            try ConfluenceSignatureVerifier(secrets: [])
        }
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.vendor == .confluence)
    }

    @Test("an empty secret fails the initialiser with invalid_key")
    func emptySecret() {
        for secrets in [[WebhookSecret(utf8: "")], [secret, WebhookSecret([UInt8]())]] {
            #expect(throws: WebhookError(.invalidKey, "")) {
                try ConfluenceSignatureVerifier(secrets: secrets)
            }
        }
    }

    @Test("reasons never contain the secret or the presented signature")
    func reasonsAreClean() async throws {
        let request = try signed(try Values.pageUpdatedBody(), secret: WebhookSecret(utf8: "not-the-configured-secret"))
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

    @Test("event name: the body's own name is used; an outside name only when the body names none")
    func eventNameOrder() async throws {
        let dataCenter = try ConfluenceFixtures.bytes("events/page_created--data-center.json")
        let request = try signed(dataCenter)
        let fromBody = try await verifier.verify(request)
        #expect(fromBody.eventName == "page_created")

        let resolving = try ConfluenceSignatureVerifier(
            secrets: [secret],
            eventName: { request in request.path.hasSuffix("/page-moved") ? "page_moved" : nil }
        )
        #expect(try await resolving.verify(request).eventName == "page_created")

        let cloud = try signed(try Values.pageUpdatedBody())
        var cloudMoved = cloud
        cloudMoved.target = "/webhooks/page-moved"
        #expect(try await resolving.verify(cloudMoved).eventName == "page_moved")
        // The argument wins over the resolver; an empty argument is no name.
        #expect(try await resolving.verify(cloudMoved, eventName: "page_updated").eventName == "page_updated")
        #expect(try await resolving.verify(cloudMoved, eventName: "").eventName == "page_moved")
        let verified = try await resolving.verify(cloudMoved)
        guard case .pageMoved = verified.event else {
            Issue.record("expected pageMoved, got \(verified.event)")
            return
        }
    }

    // MARK: Event name from outside the signed body (F1)

    /// The resolver the test signer uses: the `event` query parameter.
    var queryResolving: ConfluenceSignatureVerifier {
        try! ConfluenceSignatureVerifier(secrets: [secret], eventName: { $0.queryValue("event") })
    }

    @Test("a signed page_created body re-sent with ?event=page_removed is event_name_mismatch (authentication)")
    func relabelledByQuery() async throws {
        var request = try signed(try ConfluenceFixtures.bytes("events/page_created--data-center.json"))
        request.target = "/webhooks/confluence?event=page_removed"
        let error = await Values.rejection(queryResolving, request)
        #expect(error?.code == .eventNameMismatch)
        #expect(error?.code.rawValue == "event_name_mismatch")
        #expect(error?.category == .authentication)
        #expect(error?.reason.contains("page_removed") == false)
        // The same from the caller's argument.
        request.target = "/webhooks/confluence"
        #expect(await Values.rejection(verifier, request, eventName: "page_removed")?.code == .eventNameMismatch)
    }

    @Test("an outside name equal to the body's is accepted")
    func sameNameAccepted() async throws {
        var request = try signed(try ConfluenceFixtures.bytes("events/page_created--data-center.json"))
        request.target = "/webhooks/confluence?event=page_created"
        #expect(try await queryResolving.verify(request).eventName == "page_created")
        #expect(try await verifier.verify(request, eventName: "page_created").eventName == "page_created")
    }

    @Test("the enriched variant's eventType is the body's name too")
    func eventTypeChecked() async throws {
        let request = try signed(try ConfluenceFixtures.bytes("events/page_created--enriched.json"))
        #expect(try await verifier.verify(request, eventName: "page_created").eventName == "page_created")
        #expect(await Values.rejection(verifier, request, eventName: "page_removed")?.code == .eventNameMismatch)
    }

    @Test("names are compared as bytes: a canonically equivalent spelling is a mismatch")
    func byteWiseComparison() async throws {
        let request = try signed(Array(#"{"event":"caf\#u{E9}_created","page":{"id":1}}"#.utf8))
        #expect("caf\u{E9}_created" == "cafe\u{301}_created")  // Swift String equality merges them
        #expect(try await verifier.verify(request, eventName: "caf\u{E9}_created").eventName == "caf\u{E9}_created")
        #expect(await Values.rejection(verifier, request, eventName: "cafe\u{301}_created")?.code == .eventNameMismatch)
        #expect(await Values.rejection(verifier, request, eventName: "Caf\u{E9}_created")?.code == .eventNameMismatch)
    }

    @Test("a body that would not decode under the outside name is still event_name_mismatch, not a decoding error")
    func mismatchBeforeDecodingError() async throws {
        let request = try signed(Array(#"{"event":"custom_event","page":"not an object"}"#.utf8))
        #expect(try await verifier.verify(request).eventName == "custom_event")
        let error = await Values.rejection(verifier, request, eventName: "page_created")
        #expect(error?.code == .eventNameMismatch)
        // Under its own name it decodes; a body that does not decode under its own name stays a decoding error.
        let broken = try signed(Array(#"{"event":"page_created","page":"not an object"}"#.utf8))
        #expect(await Values.rejection(verifier, broken, eventName: "page_created")?.category == .decoding)
    }

    @Test("a Cloud body without an event takes the URL's name (not authenticated: the body does not carry it)")
    func cloudTakesOutsideName() async throws {
        var request = try signed(try Values.pageUpdatedBody())
        request.target = "/webhooks/confluence?event=page_removed"
        let verified = try await queryResolving.verify(request)
        #expect(verified.eventName == "page_removed")
        guard case .pageRemoved = verified.event else {
            Issue.record("expected pageRemoved, got \(verified.event)")
            return
        }
    }

    @Test("a forged body is rejected for its signature before any name is compared")
    func signatureFirst() async throws {
        var request = try signed(
            try ConfluenceFixtures.bytes("events/page_created--data-center.json"),
            secret: WebhookSecret(utf8: "attacker")
        )
        request.target = "/webhooks/confluence?event=page_removed"
        #expect(await Values.rejection(queryResolving, request)?.code == .signatureMismatch)
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

    // MARK: Delivery key

    @Test("X-Atlassian-Webhook-Identifier gives the key confluence:id:<identifier>, the same for every copy")
    func identifierKey() async throws {
        let body = try Values.pageUpdatedBody()
        let first = try signed(body, identifier: "delivery-1")
        let one = try await verifier.verify(first, eventName: "page_updated")
        let two = try await verifier.verify(first, eventName: "page_updated")
        #expect(one.deliveryKey == "confluence:id:delivery-1")
        #expect(two.deliveryKey == one.deliveryKey)
        let other = try await verifier.verify(try signed(body, identifier: "delivery-2"), eventName: "page_updated")
        #expect(other.deliveryKey == "confluence:id:delivery-2")
    }

    @Test("an identifier with a colon or over 128 bytes is hashed; an unusable one falls back to the digest")
    func identifierForms() async throws {
        let body = try Values.pageUpdatedBody()
        for identifier in ["a:b", String(repeating: "x", count: 200)] {
            let key = try await verifier.verify(try signed(body, identifier: identifier), eventName: "page_updated")
                .deliveryKey
            #expect(key?.hasPrefix("confluence:id-sha256:") == true)
            #expect(key?.utf8.count == "confluence:id-sha256:".utf8.count + 64)
        }
        let digest = try await verifier.verify(try signed(body), eventName: "page_updated").deliveryKey
        for identifier in ["  ", String(repeating: "x", count: 257), "a\u{01}b", "caf\u{E9}"] {
            let request = Values.replacingHeader(try signed(body), "X-Atlassian-Webhook-Identifier", identifier)
            let key = try await verifier.verify(request, eventName: "page_updated").deliveryKey
            #expect(key == digest, "identifier \(identifier.debugDescription)")
        }
    }

    @Test("without an identifier the key is a digest of the MAC and the body: copies share it, other bodies do not")
    func digestKey() async throws {
        let body = try Values.pageUpdatedBody()
        let request = try signed(body)
        let key = try #require(try await verifier.verify(request, eventName: "page_updated").deliveryKey)
        #expect(key.hasPrefix("confluence:sha256:"))
        #expect(key.utf8.count == "confluence:sha256:".utf8.count + 64)
        #expect(try await verifier.verify(request, eventName: "page_updated").deliveryKey == key)
        // The same MAC written bare or in upper case is the same delivery.
        let bare = try signed(body, prefixed: false)
        #expect(try await verifier.verify(bare, eventName: "page_updated").deliveryKey == key)
        let upper = Values.replacingHeader(request, "X-Hub-Signature", signature(of: request).uppercased())
        #expect(try await verifier.verify(upper, eventName: "page_updated").deliveryKey == key)
        // Another body (one more space) is another delivery.
        let other = try signed(body + [UInt8(ascii: " ")])
        #expect(try await verifier.verify(other, eventName: "page_updated").deliveryKey != key)
    }

    @Test("HMAC signatures carry no time: the minimum retention is zero")
    func retention() {
        #expect(verifier.minimumDeliveryRetention == .zero)
    }
}
