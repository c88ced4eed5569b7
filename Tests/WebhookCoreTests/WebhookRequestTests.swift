import Testing
import WebhookCore

@Suite("WebhookRequest and WebhookHeaders")
struct WebhookRequestTests {
    @Test func headerNamesAreCaseInsensitiveAndRepeatedNamesAreKept() {
        let headers: WebhookHeaders = [
            "X-Hub-Signature": "sha256=aa",
            "x-atlassian-webhook-identifier": "one",
            "X-ATLASSIAN-WEBHOOK-IDENTIFIER": "two",
        ]
        #expect(headers["x-hub-signature"] == "sha256=aa")
        #expect(headers.first("X-HUB-SIGNATURE") == "sha256=aa")
        #expect(headers.values("X-Atlassian-Webhook-Identifier") == ["one", "two"])
        #expect(headers["Authorization"] == nil)
        #expect(!headers.contains("X-Hub-Signatur"))
        #expect(headers.count == 3)
    }

    @Test func replaceOrAddRemovesEveryFieldOfThatName() {
        var headers: WebhookHeaders = ["A": "1", "a": "2", "B": "3"]
        headers.replaceOrAdd(name: "A", value: "9")
        #expect(headers.values("a") == ["9"])
        #expect(headers.count == 2)
    }

    @Test("occurrence(of:) tells absent, once and repeated apart, case-insensitively")
    func headerOccurrence() {
        var headers: WebhookHeaders = ["X-Hub-Signature": "sha256=ab", "Content-Type": "application/json"]
        #expect(headers.occurrence(of: "x-hub-signature") == .once("sha256=ab"))
        #expect(headers.occurrence(of: "X-Missing") == .absent)
        headers.add(name: "X-HUB-SIGNATURE", value: "sha256=cd")
        #expect(headers.occurrence(of: "X-Hub-Signature") == .repeated)
        #expect(WebhookHeaders().occurrence(of: "X-Hub-Signature") == .absent)
    }

    @Test(arguments: [
        ("/hooks/page?x=1&y=2", "/hooks/page", "x=1&y=2"),
        ("https://example.com/hooks/page?x=1#frag", "/hooks/page", "x=1"),
        ("https://example.com", "/", ""),
        ("https://example.com?a=b", "/", "a=b"),
        ("", "/", ""),
        ("/only/path", "/only/path", ""),
        ("/x#frag?y=1", "/x", ""),
        ("/x?a=1#frag?y=1", "/x", "a=1"),
        // A `://` after the start is not a scheme: the path and query stay as they are.
        ("/cb?next=https://example.com/p", "/cb", "next=https://example.com/p"),
        ("/a/https://b/c", "/a/https://b/c", ""),
        ("HTTP://Example.com:8080/p?q", "/p", "q"),
        ("svn+ssh://host/repo", "/repo", ""),
        ("host:8080/p?q=1", "host:8080/p", "q=1"),
        ("1http://host/p", "1http://host/p", ""),
        ("/caf\u{E9}/\u{1F600}?k=\u{E9}", "/caf\u{E9}/\u{1F600}", "k=\u{E9}"),
    ])
    func pathAndQueryAreSplitFromTheTarget(target: String, path: String, query: String) {
        let request = WebhookRequest(target: target, body: [])
        #expect(request.path == Substring(path))
        #expect(request.rawQuery == Substring(query))
    }

    @Test func queryItemsArePercentDecodedInOrder() {
        let request = WebhookRequest(
            target: "/x?signed_request=a.b.c&name=Hello+World&e=%E2%9C%93&k&bad=%zz&k=2",
            body: []
        )
        let items = request.queryItems
        #expect(items.map(\.name) == ["signed_request", "name", "e", "k", "bad", "k"])
        #expect(request.queryValue("name") == "Hello World")
        #expect(request.queryValue("e") == "✓")
        #expect(request.queryValue("k") == "")
        #expect(request.queryValue("bad") == "%zz")
        #expect(request.queryValue("missing") == nil)
    }

    @Test func bodyBytesAreKeptExactlyEvenWhenNotUTF8() {
        let body: [UInt8] = [0xFF, 0xFE, 0x00, 0x7B]
        let request = WebhookRequest(target: "/", body: body)
        #expect(request.body == body)
        #expect(request.method == "POST")
    }
}

@Suite("WebhookLimits")
struct WebhookLimitsTests {
    @Test func bodyOverTheLimitIsRejected() throws {
        let limits = WebhookLimits(maximumBodySize: 10, maximumTokenSize: 5)
        try limits.checkBody(10)
        let error = #expect(throws: WebhookError.self) { try limits.checkBody(11) }
        #expect(error?.code == .bodyTooLarge)
        #expect(error?.category == .limit)
    }

    @Test func tokenOverTheLimitIsRejected() throws {
        let limits = WebhookLimits(maximumBodySize: 10, maximumTokenSize: 5)
        try limits.checkToken(5)
        let error = #expect(throws: WebhookError.self) { try limits.checkToken(6) }
        #expect(error?.code == .tokenTooLarge)
    }
}

@Suite("WebhookError")
struct WebhookErrorTests {
    @Test func equalityIsByCode() {
        #expect(WebhookError(.expired, "a") == WebhookError(.expired, "b"))
        #expect(WebhookError(.expired, "a") != WebhookError(.notYetValid, "a"))
    }

    @Test(arguments: [
        (WebhookError.Code.signatureMismatch, WebhookError.Category.authentication),
        (.missingSignature, .authentication),
        (.unknownKeyID, .authentication),
        (.eventNameMismatch, .authentication),
        (.ledgerUnavailable, .unavailable),
        (.bodyTooLarge, .limit),
        (.malformedBody, .decoding),
        (.invalidPayload, .decoding),
        (.missingEventName, .decoding),
        (.invalidConfiguration, .configuration),
    ])
    func categoriesSeparateNotAuthenticFromNotDecodable(code: WebhookError.Code, category: WebhookError.Category) {
        let error = WebhookError(code, "x")
        #expect(error.category == category)
        #expect(error.isAuthenticationFailure == (category == .authentication))
        #expect(error.description.hasPrefix(code.rawValue + ": "))
    }
}
