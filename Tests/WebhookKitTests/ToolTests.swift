import Foundation
import Testing
import WebhookKit
import WebhookTesting

/// A signed request for one vendor, and the `verify` options that accept it.
private struct SignedCase {
    var request: WebhookRequest
    /// Key options that verify it (`--secret`, `--public-key`, `--issuer`, `--url` for ApiTree, ...).
    var keyOptions: [String]
    /// Key options with the wrong key.
    var wrongKeyOptions: [String]
    /// Options besides keys (`--event`, `--now`).
    var otherOptions: [String]

    /// The request as `verify` options: method, URL and every header.
    var requestOptions: [String] {
        var options = ["--method", request.method, "--url", request.target]
        for field in request.headers {
            options += ["--header", "\(field.name): \(field.value)"]
        }
        return options
    }

    static func make(_ vendor: WebhookVendor, in directory: TemporaryDirectory) throws -> SignedCase {
        let now = ["--now", String(Int(Samples.now) + 5)]
        switch vendor {
        case .hipChat:
            let request = try HipChatRequestSigner(oauthClientID: Samples.hipChatClient, secret: Samples.hipChatSecret)
                .sign(body: try Samples.body("hipchat/events/room_message.json"), now: Samples.now)
            return SignedCase(
                request: request,
                keyOptions: ["--secret", "hipchat-oauth-secret"],
                wrongKeyOptions: ["--secret", "another-secret"],
                otherOptions: now
            )
        case .confluence:
            let request = try ConfluenceRequestSigner.hmac(secret: Samples.confluenceSecret)
                .sign(body: try Samples.body("confluence/events/page_created.json"), now: Samples.now)
            return SignedCase(
                request: request,
                keyOptions: ["--secret", "confluence-webhook-secret"],
                wrongKeyOptions: ["--secret", "another-secret"],
                otherOptions: now + ["--event", "page_created"]
            )
        case .rService:
            let key = try WebhookSigningKey.p256()
            let otherKey = try WebhookSigningKey.p256()
            let request = try RServiceRequestSigner.privateKey(key, algorithm: .es256, issuer: Samples.rServiceIssuer)
                .sign(message: try Samples.body("rservice/events/request.create.json"), now: Samples.now)
            let keyFile = try directory.write("rservice.pub.pem", Array(key.publicKeyPEM().utf8))
            let otherKeyFile = try directory.write("other.pub.pem", Array(otherKey.publicKeyPEM().utf8))
            return SignedCase(
                request: request,
                keyOptions: ["--public-key", keyFile, "--issuer", Samples.rServiceIssuer],
                wrongKeyOptions: ["--public-key", otherKeyFile, "--issuer", Samples.rServiceIssuer],
                otherOptions: now
            )
        default:
            let request = ApiTreeRequestSigner(secret: Samples.apiTreeSecret, webhookURL: Samples.apiTreeURL)
                .sign(body: try Samples.body("apitree/events/release.released.json"))
            return SignedCase(
                request: request,
                keyOptions: ["--secret", "apitree-webhook-secret"],
                wrongKeyOptions: ["--secret", "another-secret"],
                otherOptions: now
            )
        }
    }
}

/// Standard error holds exactly one line of the form `<code>: <reason>`.
private func expectOneErrorLine(
    _ result: Tool.Result,
    code: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 1, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    guard let line = lines.first else { return }
    let parts = line.split(separator: ":", maxSplits: 1)
    #expect(parts.count == 2, "not '<code>: <reason>': \(line)", sourceLocation: sourceLocation)
    #expect(parts.first?.allSatisfy { $0.isLowercase || $0 == "_" } == true, "\(line)", sourceLocation: sourceLocation)
    if let code {
        #expect(parts.first.map(String.init) == code, "\(line)", sourceLocation: sourceLocation)
    }
}

@Suite("webhookkit verify (process)")
struct ToolVerifyTests {
    @Test("a correctly signed request: exit 0 and one JSON line", arguments: WebhookVendor.supported)
    func verified(vendor: WebhookVendor) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let signed = try SignedCase.make(vendor, in: directory)
        let bodyFile = try directory.write("body", signed.request.body)
        let result = try Tool.run(
            ["verify", vendor.rawValue] + signed.keyOptions + signed.requestOptions + signed.otherOptions + [bodyFile]
        )
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.lines.count == 1)
        let json = try result.json()
        #expect(json["vendor"] as? String == vendor.rawValue)
        #expect(json["verified"] as? Bool == true)
        #expect(json["event"] is String)
        #expect((json["type"] as? String)?.isEmpty == false)
        #expect(json.keys.contains("deliveryID"))
    }

    @Test("an authentic Confluence Cloud body without --event: exit 0, event null, the fallback type")
    func confluenceWithoutEventName() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let signed = try SignedCase.make(.confluence, in: directory)
        let bodyFile = try directory.write("body", signed.request.body)
        let withoutEvent = signed.otherOptions.filter { $0 != "--event" && $0 != "page_created" }
        let result = try Tool.run(
            ["verify", "confluence"] + signed.keyOptions + signed.requestOptions + withoutEvent + [bodyFile]
        )
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.lines.count == 1)
        let json = try result.json()
        #expect(json["event"] is NSNull)
        #expect(json["type"] as? String == "JSONValue")
        #expect(json["unknown"] as? Bool == true)
        #expect(json["verified"] as? Bool == true)
        #expect(result.stderr.hasPrefix("warning: "))
        // Without the right secret the same body is still rejected: the name is looked for only after verifying.
        let wrong = try Tool.run(
            ["verify", "confluence"] + signed.wrongKeyOptions + signed.requestOptions + withoutEvent + [bodyFile]
        )
        #expect(wrong.status == 1)
        expectOneErrorLine(wrong, code: "signature_mismatch")
    }

    @Test("the body from standard input verifies too")
    func standardInput() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let signed = try SignedCase.make(.apiTree, in: directory)
        let result = try Tool.run(
            ["verify", "apitree"] + signed.keyOptions + signed.requestOptions + ["-"],
            stdin: signed.request.body
        )
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(try result.json()["event"] as? String == "release.released")
    }

    @Test("the wrong key: exit 1, one '<code>: <reason>' line on stderr", arguments: WebhookVendor.supported)
    func wrongKey(vendor: WebhookVendor) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let signed = try SignedCase.make(vendor, in: directory)
        let bodyFile = try directory.write("body", signed.request.body)
        let result = try Tool.run(
            ["verify", vendor.rawValue] + signed.wrongKeyOptions + signed.requestOptions + signed.otherOptions
                + [bodyFile]
        )
        #expect(result.status == 1, "stdout: \(result.stdout) stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        expectOneErrorLine(result, code: "signature_mismatch")
    }

    @Test("a tampered body: exit 1 with signature_mismatch", arguments: [WebhookVendor.confluence, .apiTree])
    func tampered(vendor: WebhookVendor) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let signed = try SignedCase.make(vendor, in: directory)
        var body = signed.request.body
        body[body.count / 2] ^= 0x01
        let bodyFile = try directory.write("body", body)
        let result = try Tool.run(
            ["verify", vendor.rawValue] + signed.keyOptions + signed.requestOptions + signed.otherOptions + [bodyFile]
        )
        #expect(result.status == 1)
        expectOneErrorLine(result, code: "signature_mismatch")
    }

    @Test("no signature: exit 1 with missing_signature", arguments: WebhookVendor.supported)
    func unsigned(vendor: WebhookVendor) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let signed = try SignedCase.make(vendor, in: directory)
        let message =
            vendor == .rService ? try Samples.body("rservice/events/request.create.json") : signed.request.body
        let bodyFile = try directory.write("body", message)
        let result = try Tool.run(
            ["verify", vendor.rawValue] + signed.keyOptions + ["--url", signed.request.target] + signed.otherOptions
                + [bodyFile]
        )
        #expect(result.status == 1)
        expectOneErrorLine(result)
    }

    @Test("a missing key option: exit 2", arguments: WebhookVendor.supported)
    func missingKey(vendor: WebhookVendor) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let signed = try SignedCase.make(vendor, in: directory)
        let bodyFile = try directory.write("body", signed.request.body)
        let result = try Tool.run(["verify", vendor.rawValue] + signed.requestOptions + [bodyFile])
        #expect(result.status == 2, "stderr: \(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test("an unreadable body file: exit 2", arguments: WebhookVendor.supported)
    func unreadable(vendor: WebhookVendor) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let signed = try SignedCase.make(vendor, in: directory)
        let result = try Tool.run(
            ["verify", vendor.rawValue] + signed.keyOptions + signed.requestOptions + [directory.path("missing.json")]
        )
        #expect(result.status == 2)
        #expect(result.stderr.contains("missing.json"))
    }

    @Test("usage errors: exit 2")
    func usage() throws {
        #expect(try Tool.run(["verify"]).status == 2)
        #expect(try Tool.run(["verify", "slack", "--secret", "s", "body.json"]).status == 2)
        #expect(try Tool.run(["verify", "apitree", "--secret", "s"]).status == 2)
        #expect(try Tool.run(["verify", "apitree", "--header", "no-colon", "Package.swift"]).status == 2)
        #expect(try Tool.run(["verify", "apitree", "--now", "soon", "Package.swift"]).status == 2)
        #expect(try Tool.run(["frobnicate"]).status == 2)
        #expect(try Tool.run(["verify", "rservice", "--secret", "s", "Package.swift"]).status == 2, "no --issuer")
        #expect(try Tool.run(["verify", "apitree", "--secret", "s", "Package.swift"]).status == 2, "no --url")
        #expect(
            try Tool.run(["verify", "rservice", "--public-key", "Package.swift", "--issuer", "x", "Package.swift"])
                .status == 2,
            "a key file that is no key"
        )
    }

    @Test("R-Service key modes: JWKS by kid, unsigned, and the webhook.verify callback URL")
    func rServiceModes() throws {
        let requests = "Fixtures/rservice/requests"
        let issuer = ["--issuer", "https://wdc.4me-staging.com"]
        let jwks = ["--jwks", "Fixtures/rservice/keys/discovery/jwks.json"]
        let discovered = try Tool.run(
            ["verify", "rservice"] + jwks + issuer + [
                "--request", "\(requests)/discovery/verified-es256-discovered-key.json",
            ]
        )
        #expect(discovered.status == 0, "stderr: \(discovered.stderr)")
        let unknownKid = try Tool.run(
            ["verify", "rservice"] + jwks + issuer + ["--request", "\(requests)/discovery/rejected-unknown-kid.json"]
        )
        #expect(unknownKid.status == 1)
        expectOneErrorLine(unknownKid, code: "unknown_key_id")
        let unsigned = try Tool.run(
            [
                "verify", "rservice", "--unsigned", "--request",
                "\(requests)/unsigned/verified-unsigned-request-note-added.json",
            ]
        )
        #expect(unsigned.status == 0, "stderr: \(unsigned.stderr)")
        #expect(try unsigned.json()["event"] as? String == "request.note-added")
        let handshake = try Tool.run(
            ["verify", "rservice", "--public-key", "Fixtures/rservice/keys/4me-staging-2021.pub.pem"] + issuer
                + ["--request", "\(requests)/verified-4me-staging-2021-webhook-verify.json"]
        )
        #expect(handshake.status == 0, "stderr: \(handshake.stderr)")
        #expect((try handshake.json()["callbackURL"] as? String)?.hasPrefix("https://") == true)
        let twoModes = try Tool.run(
            ["verify", "rservice", "--unsigned", "--secret", "s"] + issuer
                + ["--request", "\(requests)/unsigned/verified-unsigned-request-note-added.json"]
        )
        #expect(twoModes.status == 2)
    }

    @Test("--help exits 0 and names every subcommand")
    func help() throws {
        let result = try Tool.run(["--help"])
        #expect(result.status == 0)
        for command in ["verify", "decode", "sign", "events", "check"] {
            #expect(result.stdout.contains(command))
        }
    }

    @Test("an expired HipChat token: exit 1 with expired")
    func expired() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let signed = try SignedCase.make(.hipChat, in: directory)
        let bodyFile = try directory.write("body", signed.request.body)
        let result = try Tool.run(
            ["verify", "hipchat"] + signed.keyOptions + signed.requestOptions
                + ["--now", String(Int(Samples.now) + 3600), bodyFile]
        )
        #expect(result.status == 1)
        expectOneErrorLine(result, code: "expired")
    }
}

@Suite("webhookkit decode (process)")
struct ToolDecodeTests {
    @Test("a fixture decodes: exit 0, one JSON line with vendor, event and type", arguments: WebhookVendor.supported)
    func decodes(vendor: WebhookVendor) throws {
        let file = try #require(jsonFiles(in: fixturesRoot.appending(path: "\(vendor.rawValue)/events")).first)
        let name = eventName(ofFixture: file)
        let result = try Tool.run([
            "decode", vendor.rawValue, "--event", name, "Fixtures/\(vendor.rawValue)/events/\(file)",
        ])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.lines.count == 1)
        let json = try result.json()
        #expect(json["vendor"] as? String == vendor.rawValue)
        #expect(json["event"] as? String == name)
        #expect(json["type"] as? String == EventRegistry.descriptor(vendor: vendor, name: name)?.swiftType)
        #expect(json["unknown"] as? Bool == false)
    }

    @Test("an unknown event name: exit 0 with the fallback", arguments: WebhookVendor.supported)
    func unknown(vendor: WebhookVendor) throws {
        let result = try Tool.run([
            "decode", vendor.rawValue, "Fixtures/\(vendor.rawValue)/edge/unknown-event-name.json",
        ])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let json = try result.json()
        #expect(json["unknown"] as? Bool == true)
        #expect(json["type"] as? String == "JSONValue")
        #expect(json["event"] is String)
    }

    @Test("a malformed body: exit 1 with a decoding code", arguments: WebhookVendor.supported)
    func malformed(vendor: WebhookVendor) throws {
        let result = try Tool.run([
            "decode", vendor.rawValue, "Fixtures/\(vendor.rawValue)/malformed/invalid-json.json",
        ])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        expectOneErrorLine(result, code: "malformed_body")
    }

    @Test("a Confluence Cloud body without --event: exit 0, event null, the fallback type")
    func confluenceWithoutName() throws {
        let result = try Tool.run(["decode", "confluence", "Fixtures/confluence/events/page_created.json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.lines.count == 1)
        let json = try result.json()
        #expect(json["event"] is NSNull)
        #expect(json["type"] as? String == "JSONValue")
        #expect(json["unknown"] as? Bool == true)
        #expect(json["verified"] as? Bool == false)
        // A body that is not JSON still fails, with its own code.
        let malformed = try Tool.run(["decode", "confluence", "Fixtures/confluence/malformed/invalid-json.json"])
        #expect(malformed.status == 1)
        expectOneErrorLine(malformed, code: "malformed_body")
    }

    @Test("a signed R-Service body decodes from its data claim, unverified, with a warning")
    func rServiceSignedBodyUnverified() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let signed = try SignedCase.make(.rService, in: directory)
        let bodyFile = try directory.write("body", signed.request.body)
        let result = try Tool.run(["decode", "rservice", bodyFile])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.lines.count == 1)
        let json = try result.json()
        #expect(json["event"] as? String == "request.create")
        #expect(json["unknown"] as? Bool == false)
        #expect(json["verified"] as? Bool == false)
        #expect(result.stderr.hasPrefix("warning: "))
        #expect(result.stderr.contains("NOT verified"))
        // The token is not checked: a token whose signature is garbage decodes all the same ...
        var text = String(decoding: signed.request.body, as: UTF8.self)
        let end = try #require(text.range(of: "\"}", options: .backwards))
        text.replaceSubrange(text.index(end.lowerBound, offsetBy: -4)..<end.lowerBound, with: "AAAA")
        let forged = try Tool.run(["decode", "rservice", try directory.write("forged", Array(text.utf8))])
        #expect(forged.status == 0, "stderr: \(forged.stderr)")
        #expect(try forged.json()["verified"] as? Bool == false)
        // ... and verify rejects that same body.
        let verify = try Tool.run(
            ["verify", "rservice"] + signed.keyOptions + signed.otherOptions + [directory.path("forged")]
        )
        #expect(verify.status == 1)
        // A wrapper without a usable token is still an error.
        let empty = try Tool.run(["decode", "rservice", try directory.write("empty", Array(#"{"jwt":""}"#.utf8))])
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("missing_signature"))
    }

    @Test("standard input, unreadable files and usage errors")
    func inputs() throws {
        let body = try Samples.body("hipchat/events/room_enter.json")
        let fromStdin = try Tool.run(["decode", "hipchat", "-"], stdin: body)
        #expect(fromStdin.status == 0)
        #expect(try fromStdin.json()["event"] as? String == "room_enter")
        #expect(try Tool.run(["decode", "hipchat", "Fixtures/no-such-file.json"]).status == 2)
        #expect(try Tool.run(["decode", "hipchat"]).status == 2)
        #expect(try Tool.run(["decode", "slack", "Package.swift"]).status == 2)
    }

    @Test("--payload prints the decoded payload on a second line")
    func payload() throws {
        let result = try Tool.run(["decode", "apitree", "--payload", "Fixtures/apitree/events/api.created.json"])
        #expect(result.status == 0)
        #expect(result.lines.count == 2)
        let payload = try JSONSerialization.jsonObject(with: Data(result.lines[1].utf8)) as? [String: Any]
        #expect(payload?["name"] as? String == "api.created")
    }
}

@Suite("webhookkit sign (process)")
struct ToolSignTests {
    /// `sign` options per vendor, and the `verify` options that accept what it prints.
    private static func options(
        _ vendor: WebhookVendor,
        in directory: TemporaryDirectory
    ) throws -> (sign: [String], verify: [String], body: String) {
        switch vendor {
        case .hipChat:
            return (
                ["--secret", "s3cret", "--issuer", "client-7"],
                ["--secret", "s3cret"],
                "Fixtures/hipchat/events/room_message.json"
            )
        case .confluence:
            return (
                ["--secret", "s3cret", "--event", "page_created"],
                ["--secret", "s3cret"],
                "Fixtures/confluence/events/page_created.json"
            )
        case .rService:
            let key = try WebhookSigningKey.p256()
            let privateFile = try directory.write("key.pem", Array(key.pem().utf8))
            let publicFile = try directory.write("key.pub.pem", Array(key.publicKeyPEM().utf8))
            return (
                ["--private-key", privateFile, "--issuer", "https://acme.4me.com", "--delivery-id", "d-1"],
                ["--public-key", publicFile, "--issuer", "https://acme.4me.com"],
                "Fixtures/rservice/events/request.create.json"
            )
        default:
            let url = "https://receiver.example.com/hooks/apitree"
            return (
                ["--secret", "s3cret", "--url", url],
                ["--secret", "s3cret", "--url", url],
                "Fixtures/apitree/events/api.created.json"
            )
        }
    }

    @Test("sign, then verify the printed request in a second process", arguments: WebhookVendor.supported)
    func roundTrip(vendor: WebhookVendor) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (signOptions, verifyOptions, body) = try Self.options(vendor, in: directory)
        let signed = try Tool.run(["sign", vendor.rawValue] + signOptions + [body])
        #expect(signed.status == 0, "stderr: \(signed.stderr)")
        #expect(signed.lines.count == 1)
        let object = try signed.json()
        #expect(object["method"] as? String == "POST")
        #expect(object["url"] is String)
        #expect(object["headers"] is [[String]])
        let bodyText = try #require(object["body"] as? String)
        if vendor == .rService {
            #expect(bodyText.hasPrefix("{\"jwt\":"))
        } else {
            #expect(Array(bodyText.utf8) == (try Samples.body(String(body.dropFirst("Fixtures/".count)))))
        }
        let requestFile = try directory.write("request.json", Array(signed.stdout.utf8))
        let verified = try Tool.run(["verify", vendor.rawValue] + verifyOptions + ["--request", requestFile])
        #expect(verified.status == 0, "stderr: \(verified.stderr)")
        #expect(try verified.json()["verified"] as? Bool == true)

        // The same request through --header, --url and a body file.
        let headers = (object["headers"] as? [[String]] ?? []).flatMap { ["--header", "\($0[0]): \($0[1])"] }
        let bodyFile = try directory.write("body", Array(bodyText.utf8))
        var options = verifyOptions
        if vendor != .apiTree { options += ["--url", object["url"] as? String ?? ""] }
        if let now = object["now"] as? Int { options += ["--now", String(now)] }
        if vendor == .confluence { options += ["--event", "page_created"] }
        let byHand = try Tool.run(["verify", vendor.rawValue] + options + headers + [bodyFile])
        #expect(byHand.status == 0, "stderr: \(byHand.stderr)")

        // And with the wrong key it is rejected.
        let wrong = try Tool.run(
            ["verify", vendor.rawValue]
                + (vendor == .rService
                    ? ["--secret", "other", "--issuer", "https://acme.4me.com"] : ["--secret", "other"])
                + (vendor == .apiTree ? ["--url", "https://receiver.example.com/hooks/apitree"] : [])
                + ["--request", requestFile]
        )
        #expect(wrong.status == 1, "stderr: \(wrong.stderr)")
    }

    @Test("Confluence Connect and HipChat query placement round trip")
    func otherModes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connect = try Tool.run([
            "sign", "confluence", "--secret", "shared", "--client-key", "tenant-1", "--event", "page_updated",
            "--url", "/webhooks/confluence?space=DEV", "Fixtures/confluence/events/page_updated.json",
        ])
        #expect(connect.status == 0, "stderr: \(connect.stderr)")
        #expect(connect.stdout.contains("JWT "))
        let connectFile = try directory.write("connect.json", Array(connect.stdout.utf8))
        let connectVerified = try Tool.run(["verify", "confluence", "--secret", "shared", "--request", connectFile])
        #expect(connectVerified.status == 0, "stderr: \(connectVerified.stderr)")
        #expect(try connectVerified.json()["event"] as? String == "page_updated")

        let query = try Tool.run([
            "sign", "hipchat", "--secret", "s", "--issuer", "client-1", "--placement", "query",
            "Fixtures/hipchat/events/room_enter.json",
        ])
        #expect(query.status == 0, "stderr: \(query.stderr)")
        let object = try query.json()
        #expect((object["url"] as? String)?.contains("signed_request=") == true)
        let queryFile = try directory.write("query.json", Array(query.stdout.utf8))
        #expect(try Tool.run(["verify", "hipchat", "--secret", "s", "--request", queryFile]).status == 0)
    }

    @Test("a request signed an hour ago is rejected as expired")
    func expired() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let signed = try Tool.run([
            "sign", "hipchat", "--secret", "s", "--issuer", "client-1", "--now", "1700000000",
            "Fixtures/hipchat/events/room_enter.json",
        ])
        let file = try directory.write("request.json", Array(signed.stdout.utf8))
        let result = try Tool.run(["verify", "hipchat", "--secret", "s", "--now", "1700003600", "--request", file])
        #expect(result.status == 1)
        expectOneErrorLine(result, code: "expired")
    }

    @Test("usage errors: exit 2")
    func usage() throws {
        let body = "Fixtures/apitree/events/api.created.json"
        #expect(try Tool.run(["sign", "apitree", "--secret", "s", body]).status == 2, "no --url")
        #expect(try Tool.run(["sign", "hipchat", "--secret", "s", body]).status == 2, "no --issuer")
        #expect(try Tool.run(["sign", "hipchat", "--issuer", "c", body]).status == 2, "no --secret")
        #expect(try Tool.run(["sign", "rservice", "--secret", "s", body]).status == 2, "no --issuer")
        #expect(try Tool.run(["sign", "apitree", "--secret", "s", "--url", "u", "Fixtures/missing.json"]).status == 2)
    }
}

@Suite("webhookkit events and check (process)")
struct ToolRegistryAndCheckTests {
    @Test("events --json prints one line per registry entry")
    func events() throws {
        let result = try Tool.run(["events", "--json"])
        #expect(result.status == 0)
        #expect(result.lines.count == EventRegistry.all.count)
        for vendor in WebhookVendor.supported {
            let one = try Tool.run(["events", vendor.rawValue, "--json"])
            #expect(one.lines.count == EventRegistry.events(for: vendor).count)
        }
        #expect(try Tool.run(["events", "slack"]).status == 2)
    }

    @Test("check on the shipped Fixtures: exit 0 and the summary line")
    func checkFixtures() throws {
        let result = try Tool.run(["check", "Fixtures"])
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        let summary = try #require(result.lines.last)
        #expect(summary.hasSuffix(" passed, 0 failed"), "\(summary)")
        let passed = Int(summary.prefix { $0.isNumber }) ?? 0
        #expect(passed == result.lines.count - 2, "one row per request, a header and the summary")
        for vendor in WebhookVendor.supported {
            #expect(result.lines.contains { $0.hasPrefix(vendor.rawValue + " ") }, "no \(vendor) row")
        }
        #expect(try Tool.run(["check"]).status == 0, "Fixtures is the default")
    }

    @Test("check on a copy with one tampered request: exit 1 and one failure")
    func checkTampered() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let copy = directory.url.appending(path: "Fixtures")
        try FileManager.default.copyItem(at: fixturesRoot, to: copy)
        let requests = copy.appending(path: "apitree/requests")
        var tampered = false
        for name in jsonFiles(in: requests) where name != "config.json" && !tampered {
            let url = requests.appending(path: name)
            var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
            guard (object["expect"] as? [String: Any])?["result"] as? String == "verified",
                let body = object["body"] as? String
            else { continue }
            object["body"] = body.replacingOccurrences(of: "\"name\"", with: "\"name\" ")
            #expect(object["body"] as? String != body)
            try JSONSerialization.data(withJSONObject: object).write(to: url)
            tampered = true
        }
        #expect(tampered, "no verified ApiTree request to tamper with")
        let result = try Tool.run(["check", copy.path(percentEncoded: false)])
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAIL"))
        #expect(result.lines.contains { $0.hasSuffix(" passed, 1 failed") }, "\(result.stdout)")
    }

    @Test("check on a missing directory or an unreadable config: exit 2")
    func checkUnreadable() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(try Tool.run(["check", directory.path("nothing-here")]).status == 2)
        let copy = directory.url.appending(path: "Fixtures")
        try FileManager.default.copyItem(at: fixturesRoot, to: copy)
        try Data("{not json".utf8).write(to: copy.appending(path: "hipchat/requests/config.json"))
        let result = try Tool.run(["check", copy.path(percentEncoded: false)])
        #expect(result.status == 2)
        #expect(result.stderr.contains("config.json"))
    }
}
