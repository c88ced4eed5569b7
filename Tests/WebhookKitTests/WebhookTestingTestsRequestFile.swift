import Foundation
import HipChatWebhooks
import Testing
import WebhookCore
import WebhookCrypto
import WebhookRegistry
import WebhookTesting

@Suite("WebhookRequestFile")
struct WebhookTestingTestsRequestFile {
    static let complete = """
        {
          "description": "what this request shows",
          "mode": "hmac",
          "method": "PUT",
          "url": "https://receiver.example.com/webhooks/confluence?a=1",
          "headers": [
            ["Content-Type", "application/json"],
            ["X-Hub-Signature", "sha256=00"],
            ["x-hub-signature", "sha256=01"]
          ],
          "body": "{\\"a\\": \\"é\\\\n\\"}\\n",
          "now": 1750000000,
          "eventName": "page_updated",
          "expect": {"result": "rejected", "code": "signature_mismatch"},
          "comment": "members the format does not define are ignored"
        }

        """

    @Test("a complete file: every member, the body's exact UTF-8, headers in order")
    func readsAGoodFile() throws {
        let file = try WebhookRequestFile(bytes: Array(Self.complete.utf8))
        #expect(file.description == "what this request shows")
        #expect(file.mode == "hmac")
        #expect(file.request.method == "PUT")
        #expect(file.request.target == "https://receiver.example.com/webhooks/confluence?a=1")
        #expect(file.request.headers.map(\.name) == ["Content-Type", "X-Hub-Signature", "x-hub-signature"])
        #expect(file.request.headers.values("X-Hub-Signature") == ["sha256=00", "sha256=01"])
        #expect(file.request.body == Array("{\"a\": \"é\\n\"}\n".utf8))
        #expect(file.now == 1_750_000_000)
        #expect(file.eventName == "page_updated")
        #expect(file.expectation == .rejected(code: .signatureMismatch))
    }

    @Test("only url and body are required: POST, no headers, nothing else")
    func readsAMinimalFile() throws {
        let file = try WebhookRequestFile(bytes: Array(#"{"url": "/webhooks/hipchat", "body": ""}"#.utf8))
        #expect(file == WebhookRequestFile(request: WebhookRequest(target: "/webhooks/hipchat", body: [])))
        #expect(file.request.method == "POST")
        let verified = try WebhookRequestFile(
            bytes: Array(#"{"url": "/", "body": "{}", "now": 1.5, "expect": {"result": "verified"}}"#.utf8)
        )
        #expect(verified.now == 1.5)
        #expect(verified.expectation == .verified(event: nil))
    }

    @Test("encoded() writes the format: one member a line, headers one a line, a final newline")
    func writes() throws {
        let file = try WebhookRequestFile(bytes: Array(Self.complete.utf8))
        let expected = Self.complete.replacingOccurrences(
            of: "  \"comment\": \"members the format does not define are ignored\"\n",
            with: ""
        ).replacingOccurrences(of: "\"signature_mismatch\"},\n", with: "\"signature_mismatch\"}\n")
        #expect(String(decoding: try file.encoded(), as: UTF8.self) == expected)
        #expect(try WebhookRequestFile(bytes: try file.encoded()) == file)
        let empty = WebhookRequestFile(request: WebhookRequest(target: "/", body: Array("\u{1}\t\u{1F}/é".utf8)))
        #expect(
            String(decoding: try empty.encoded(), as: UTF8.self)
                == "{\n  \"method\": \"POST\",\n  \"url\": \"/\",\n  \"headers\": [],\n  \"body\": \"\\u0001\\t\\u001f/é\"\n}\n"
        )
        #expect(try WebhookRequestFile(bytes: try empty.encoded()) == empty)
    }

    @Test("encodedLine() writes one line with sorted keys, as webhookkit sign prints it")
    func writesOneLine() throws {
        let file = WebhookRequestFile(
            request: WebhookRequest(target: "/hooks", headers: ["A": "1", "B": "2"], body: Array("{}".utf8)),
            now: 1_700_000_000,
            eventName: "page_created"
        )
        #expect(
            String(decoding: try file.encodedLine(), as: UTF8.self)
                == #"{"body":"{}","eventName":"page_created","headers":[["A","1"],["B","2"]],"method":"POST","#
                + #""now":1700000000,"url":"/hooks"}"#
        )
        var rejected = file
        rejected.now = 0.25
        rejected.expectation = .rejected(code: .expired)
        #expect(String(decoding: try rejected.encodedLine(), as: UTF8.self).contains(#""now":0.25,"#))
        #expect(
            String(decoding: try rejected.encodedLine(), as: UTF8.self).contains(
                #""expect":{"code":"expired","result":"rejected"}"#
            )
        )
        #expect(try WebhookRequestFile(bytes: try rejected.encodedLine()) == rejected)
    }

    /// Every signed request in `Fixtures/` reads, and is byte for byte what `encoded()` writes for it: one format,
    /// one writer.
    @Test("every request file in Fixtures/ is what encoded() writes for it")
    func fixturesRoundTrip() throws {
        var count = 0
        for vendor in ["hipchat", "confluence", "rservice", "apitree"] {
            let requests = fixturesRoot.appending(path: "\(vendor)/requests")
            let folders = [requests] + ["shared-secret", "unsigned", "discovery"].map { requests.appending(path: $0) }
            for folder in folders {
                for name in jsonFiles(in: folder) where name != "config.json" {
                    let bytes = Array(try Data(contentsOf: folder.appending(path: name)))
                    let file = try WebhookRequestFile(bytes: bytes)
                    #expect(try file.encoded() == bytes, "\(vendor)/\(name)")
                    #expect(file.expectation != nil && file.now != nil && file.description != nil, "\(name)")
                    count += 1
                }
            }
        }
        #expect(count == 68)
    }

    // snippet.request-file
    @Test func aSignedRequestFileVerifiesAsItExpects() async throws {
        let url = fixturesRoot.appending(path: "hipchat/requests/header-jwt.json")
        let file = try WebhookRequestFile(bytes: Data(contentsOf: url))
        let verifier = try HipChatSignatureVerifier(
            secrets: [
                "6c1a4e1e-7b8f-4d2a-9c3e-2f5d8a9b0c11": [WebhookSecret(utf8: "hVq3tR8sLz0mWn5yXb2cKd7fGj4pQe9u")]
            ],
            clock: { file.now ?? 0 }
        )
        do {
            let verified = try await verifier.verify(file.request, eventName: file.eventName)
            #expect(file.expectation == .verified(event: verified.eventName))
        } catch {
            #expect(file.expectation == .rejected(code: error.code))
        }
    }
    // snippet.end

    // MARK: Rejections

    static func rejection(_ text: String) -> WebhookRequestFileError? {
        rejection(Array(text.utf8))
    }

    static func rejection(_ bytes: [UInt8]) -> WebhookRequestFileError? {
        do {
            _ = try WebhookRequestFile(bytes: bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test(
        "not JSON, or not a JSON object: malformed_json",
        arguments: [
            "", "  \n", "{not json", #"{"url": "/", "body": "x"} trailing"#, "[]", #""a string""#, "42", "null",
            #"{"url": "/", "body": "\ud800"}"#,
        ]
    )
    func notJSON(text: String) throws {
        let error = try #require(Self.rejection(text))
        #expect(error.code == .malformedJSON, "\(error)")
        #expect(error == WebhookRequestFileError(.malformedJSON, "any reason"))
        #expect(!error.reason.isEmpty)
    }

    @Test("bytes that are not UTF-8: malformed_json")
    func notUTF8() throws {
        let bytes: [UInt8] = Array(#"{"url": "/", "body": ""#.utf8) + [0xFF, 0xFE] + Array(#""}"#.utf8)
        #expect(Self.rejection(bytes)?.code == .malformedJSON)
    }

    @Test("the reasons say what is wrong")
    func reasons() {
        #expect(Self.rejection("")?.reason == "not JSON: the file is empty")
        #expect(Self.rejection("[]")?.reason == "not a JSON object but an array")
        #expect(Self.rejection(#"{"body": ""}"#)?.reason == #"no "url" member"#)
        #expect(Self.rejection(#"{"url": "/"}"#)?.reason == #"no "body" member"#)
        #expect(
            Self.rejection(#"{"url": "/", "body": {"a": 1}}"#)?.reason
                == #""body" must be the exact body text as a JSON string, not an object"#
        )
        #expect(
            Self.rejection(#"{"url": "/", "body": "", "now": "1"}"#)?.reason == "now must be a number, not a string"
        )
        #expect(
            Self.rejection(#"{"url": "/", "body": "", "expect": {"result": "x"}}"#)?.reason
                == #"expect.result must be "verified" or "rejected", not "x""#
        )
        #expect(
            Self.rejection(#"{"url": "/", "body": "", "headers": [["A", "1"], ["B"]]}"#)?.reason
                == #"headers[1] must be a pair of strings ["Name", "value"], not an array of 1"#
        )
    }

    @Test(
        "a missing url, body or expect.result: missing_member",
        arguments: [
            #"{"body": ""}"#, #"{"url": null, "body": ""}"#, #"{"url": "/"}"#, #"{"url": "/", "body": null}"#,
            #"{"url": "/", "body": "", "expect": {}}"#, #"{"url": "/", "body": "", "expect": {"event": "x"}}"#,
        ]
    )
    func missingMember(text: String) throws {
        let error = try #require(Self.rejection(text))
        #expect(error.code == .missingMember, "\(error)")
    }

    @Test(
        "a body that is not a string: invalid_body",
        arguments: [
            #"{"url": "/", "body": 1}"#, #"{"url": "/", "body": {"event": "x"}}"#, #"{"url": "/", "body": ["x"]}"#,
            #"{"url": "/", "body": true}"#,
        ]
    )
    func bodyNotText(text: String) throws {
        let error = try #require(Self.rejection(text))
        #expect(error.code == .invalidBody, "\(error)")
    }

    @Test(
        "a member of the wrong shape: invalid_member",
        arguments: [
            #"{"url": 1, "body": ""}"#, #"{"url": "/", "body": "", "method": 1}"#,
            #"{"url": "/", "body": "", "headers": {"A": "1"}}"#, #"{"url": "/", "body": "", "headers": [["A"]]}"#,
            #"{"url": "/", "body": "", "headers": [["A", "1", "2"]]}"#,
            #"{"url": "/", "body": "", "headers": [["A", 1]]}"#,
            #"{"url": "/", "body": "", "headers": ["A: 1"]}"#, #"{"url": "/", "body": "", "now": "1700000000"}"#,
            #"{"url": "/", "body": "", "description": 1}"#, #"{"url": "/", "body": "", "eventName": []}"#,
            #"{"url": "/", "body": "", "mode": false}"#, #"{"url": "/", "body": "", "expect": "verified"}"#,
            #"{"url": "/", "body": "", "expect": {"result": "passed"}}"#,
            #"{"url": "/", "body": "", "expect": {"result": "verified", "event": 1}}"#,
            #"{"url": "/", "body": "", "expect": {"result": "rejected", "code": 401}}"#,
        ]
    )
    func invalidMember(text: String) throws {
        let error = try #require(Self.rejection(text))
        #expect(error.code == .invalidMember, "\(error)")
    }

    @Test("writing a body that is not UTF-8, or a now that is not finite, throws")
    func unwritable() {
        let binary = WebhookRequestFile(request: WebhookRequest(target: "/", body: [0x7B, 0xFF, 0x7D]))
        #expect(throws: WebhookRequestFileError(.invalidBody, "")) { try binary.encoded() }
        #expect(throws: WebhookRequestFileError(.invalidBody, "")) { try binary.encodedLine() }
        for now in [Double.nan, .infinity, -.infinity] {
            let file = WebhookRequestFile(request: WebhookRequest(target: "/", body: []), now: now)
            #expect(throws: WebhookRequestFileError(.invalidMember, "")) { try file.encoded() }
            #expect(throws: WebhookRequestFileError(.invalidMember, "")) { try file.encodedLine() }
        }
    }

    @Test("the error: equality by code, a description with code and reason")
    func error() {
        let error = WebhookRequestFileError(.missingMember, #"no "url" member"#)
        #expect(error == WebhookRequestFileError(.missingMember, "another reason"))
        #expect(error != WebhookRequestFileError(.invalidMember, #"no "url" member"#))
        #expect(error.description == #"missing_member: no "url" member"#)
        #expect(WebhookRequestFileError.Code(rawValue: "invalid_body") == .invalidBody)
    }
}
