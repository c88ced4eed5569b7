import Testing

@testable import WebhookCrypto

@Suite("Delivery keys")
struct WebhookDeliveryKeyTests {
    @Test("short visible-ASCII parts without a colon are written as they are")
    func readableParts() {
        #expect(WebhookDeliveryKey.make(vendor: "v", kind: "id", parts: ["abc"]) == "v:id:abc")
        #expect(WebhookDeliveryKey.make(vendor: "v", kind: "jti", parts: ["tenant", "j-1"]) == "v:jti:tenant:j-1")
        let longest = String(repeating: "a", count: 128)
        #expect(WebhookDeliveryKey.make(vendor: "v", kind: "id", parts: [longest]) == "v:id:" + longest)
    }

    @Test(
        "a part with a colon, a space, a control or non-ASCII character, empty or over 128 bytes is hashed",
        arguments: ["a:b", "a b", "a\u{01}", "caf\u{E9}", "", String(repeating: "a", count: 129)]
    )
    func hashedParts(part: String) {
        let key = WebhookDeliveryKey.make(vendor: "v", kind: "id", parts: [part])
        #expect(key.hasPrefix("v:id-sha256:"))
        #expect(key.utf8.count == "v:id-sha256:".utf8.count + 64)
    }

    @Test("different part lists never give the same key")
    func unambiguous() {
        let joined = WebhookDeliveryKey.make(vendor: "v", kind: "id", parts: ["a:b"])
        let split = WebhookDeliveryKey.make(vendor: "v", kind: "id", parts: ["a", "b"])
        #expect(split == "v:id:a:b")
        #expect(joined != split)
        let shifted = WebhookDeliveryKey.make(vendor: "v", kind: "id", parts: ["a:", ":b"])
        let other = WebhookDeliveryKey.make(vendor: "v", kind: "id", parts: ["a::", "b"])
        #expect(shifted != other)
    }

    @Test("the digest key covers the signature and the body, and the boundary between them")
    func digest() {
        let key = WebhookDeliveryKey.digest(vendor: "v", signature: [1, 2], body: [3])
        #expect(key.hasPrefix("v:sha256:"))
        #expect(key == WebhookDeliveryKey.digest(vendor: "v", signature: [1, 2], body: [3]))
        #expect(key != WebhookDeliveryKey.digest(vendor: "v", signature: [1, 2], body: [4]))
        #expect(key != WebhookDeliveryKey.digest(vendor: "v", signature: [1, 3], body: [3]))
        #expect(key != WebhookDeliveryKey.digest(vendor: "v", signature: [1], body: [2, 3]))
    }

    @Test("a header id is trimmed, then kept only when 1 to maximumLength bytes of printable ASCII")
    func headerID() {
        #expect(WebhookDeliveryKey.headerID(" \tabc \t") == "abc")
        #expect(WebhookDeliveryKey.headerID("a b") == "a b")
        #expect(WebhookDeliveryKey.headerID(String(repeating: "a", count: 256)) != nil)
        for unusable in [nil, "", " \t ", String(repeating: "a", count: 257), "a\u{01}", "a\u{7F}", "caf\u{E9}"] {
            #expect(WebhookDeliveryKey.headerID(unusable) == nil, "\(String(describing: unusable))")
        }
        #expect(WebhookDeliveryKey.headerID("abcd", maximumLength: 3) == nil)
    }
}
