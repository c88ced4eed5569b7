import Foundation
import Testing
import WebhookCore
import WebhookCrypto

@Suite("Encodings")
struct EncodingTests {
    @Test("hex round trip and case")
    func hex() throws {
        #expect(Hex.encode([0x00, 0xAB, 0xFF]) == "00abff")
        #expect(Hex.encode([0x00, 0xAB, 0xFF], uppercase: true) == "00ABFF")
        #expect(try Hex.decode("00abff") == [0x00, 0xAB, 0xFF])
        #expect(try Hex.decode("00ABfF") == [0x00, 0xAB, 0xFF])
        #expect(try Hex.decode(utf8: Array("0a".utf8)) == [0x0A])
        #expect(try Hex.decode("") == [])
    }

    @Test("invalid hex", arguments: ["abc", "0g", "zz", " 00", "00 ", "0x00", "é0"])
    func invalidHex(text: String) {
        #expect(throws: WebhookError(.invalidEncoding, "")) { try Hex.decode(text) }
    }

    @Test(
        "Base64 known answers (RFC 4648 section 10)",
        arguments: [
            ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ]
    )
    func base64(plain: String, encoded: String) throws {
        #expect(Base64.encode(plain.utf8) == encoded)
        #expect(try Base64.decode(encoded) == Array(plain.utf8))
        let unpadded = String(encoded.filter { $0 != "=" })
        #expect(Base64URL.encode(plain.utf8) == unpadded)
        #expect(try Base64URL.decode(unpadded) == Array(plain.utf8))
    }

    @Test(
        "invalid Base64",
        arguments: [
            "Zg", "Zg=", "Zm8", "Z===", "====", "Zg==Zg==", "Zm9v\n", " Zm9v", "Zm9v YmFy", "Zm-v", "Zm_v", "Zh==",
            "Zm9=", "=Zm9", "Zg=a",
        ]
    )
    func invalidBase64(text: String) {
        #expect(throws: WebhookError(.invalidEncoding, "")) { try Base64.decode(text) }
    }

    @Test("Base64 alphabets")
    func alphabets() throws {
        let bytes: [UInt8] = [0xFB, 0xFF, 0xBF]
        #expect(Base64.encode(bytes) == "+/+/")
        #expect(Base64URL.encode(bytes) == "-_-_")
        #expect(try Base64.decode("+/+/") == bytes)
        #expect(try Base64URL.decode("-_-_") == bytes)
    }

    @Test(
        "invalid Base64URL",
        arguments: [
            "Zg==", "Zg=", "+/+/", "ab/c", "ab+c", "Zm9v\n", " Zm9v", "Zm 9v", "Z", "Zh", "Zm9", "Zm9vY", "Zg.",
            "Zm9vYmE=",
        ]
    )
    func invalidBase64URL(text: String) {
        #expect(throws: WebhookError(.invalidEncoding, "")) { try Base64URL.decode(text) }
    }

    @Test("random bytes round trip and random text never crashes")
    func randomInput() {
        var generator = SystemRandomNumberGenerator()
        for length in 0..<200 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect((try? Base64.decode(Base64.encode(bytes))) == bytes)
            #expect((try? Base64URL.decode(Base64URL.encode(bytes))) == bytes)
            #expect((try? Hex.decode(Hex.encode(bytes))) == bytes)
            // Arbitrary bytes as text: decoding either succeeds or throws, never crashes.
            _ = try? Base64.decode(utf8: bytes)
            _ = try? Base64URL.decode(utf8: bytes)
            _ = try? Hex.decode(utf8: bytes)
        }
    }

    // MARK: Differential: Base64 and Base64URL against Foundation

    /// Foundation's reading of an unpadded Base64URL text: the standard alphabet, padding added.
    static func foundationBase64URL(_ text: String) -> [UInt8]? {
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        if standard.count % 4 != 0 { standard += String(repeating: "=", count: 4 - standard.count % 4) }
        return Data(base64Encoded: standard).map(Array.init)
    }

    @Test("Base64 and Base64URL encode as Foundation does, for random bytes of every length up to 300")
    func encodingMatchesFoundation() {
        var generator = SystemRandomNumberGenerator()
        for length in 0...300 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let foundation = Data(bytes).base64EncodedString()
            #expect(Base64.encode(bytes) == foundation)
            let url = foundation.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
            #expect(Base64URL.encode(bytes) == url)
        }
    }

    @Test("Base64URL decoding agrees with Foundation on random texts: same bytes, and only canonical texts")
    func decodingMatchesFoundation() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        let noise = Array("=+/. \n")
        var accepted = 0
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...24, using: &generator)
            var text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            if Int.random(in: 0..<8, using: &generator) == 0, !text.isEmpty {
                let index = text.index(text.startIndex, offsetBy: Int.random(in: 0..<text.count, using: &generator))
                text.replaceSubrange(index...index, with: String(noise.randomElement(using: &generator)!))
            }
            let ours = try? Base64URL.decode(text)
            let theirs = Self.foundationBase64URL(text)
            if let ours {
                accepted += 1
                // Whatever we accept, Foundation reads to the same bytes.
                #expect(theirs == ours, "\(text)")
            } else if let theirs {
                // Foundation accepts more (non-zero unused bits); we refuse exactly the texts that are not the
                // canonical encoding of what they decode to.
                #expect(Base64URL.encode(theirs) != text, "\(text)")
            }
        }
        #expect(accepted > 500)
    }
}
