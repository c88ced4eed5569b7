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
}
