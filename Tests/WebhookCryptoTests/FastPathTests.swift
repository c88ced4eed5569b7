import Testing

@testable import WebhookCrypto

/// The allocation-free fast paths give exactly what the general code gives.
@Suite("Fast paths")
struct FastPathTests {
    @Test("Base64URL into a buffer equals the array decoder")
    func base64URL() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=. ".utf8)
        for length in 0..<40 {
            for _ in 0..<50 {
                let text = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
                let reference = text.withUnsafeBufferPointer { Base64Codec.decodeUnpaddedURL($0) }
                let fast = text.withUnsafeBufferPointer { Base64Codec.decodeUnpaddedURLArray($0) }
                #expect(fast == reference, "\(String(decoding: text, as: UTF8.self))")
            }
        }
        // Valid text of every length.
        for length in 0..<40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let text = Array(Base64Codec.encode(bytes, alphabet: Base64Codec.urlAlphabet, padded: false).utf8)
            #expect(text.withUnsafeBufferPointer { Base64Codec.decodeUnpaddedURLArray($0) } == bytes)
        }
    }

    @Test("integer fast path of the JSON number reader")
    func numbers() throws {
        for text in [
            "0", "-0", "7", "-12", "123456789012345", "-123456789012345", "1234567890123456", "1.5", "1e3",
            "-0.0", "9007199254740993", "1631606188966",
        ] {
            let bytes = Array(text.utf8)
            let value = try bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in
                var scanner = JSONScanner(buffer)
                return try scanner.parseNumber()
            }
            let expected = Double(text)!
            #expect(value == expected && value.sign == expected.sign, "\(text)")
        }
    }

    @Test("raw member names: escapes and invalid UTF-8 as before")
    func rawNames() throws {
        func names(_ json: [UInt8]) throws(JSONSyntaxError) -> [[UInt8]] {
            try json.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in
                var scanner = JSONScanner(buffer)
                var names: [[UInt8]] = []
                try scanner.parseObjectRaw { scanner, name throws(JSONSyntaxError) in
                    names.append(Array(name))
                    try scanner.skipValue()
                }
                try scanner.expectEnd()
                return names
            }
        }
        #expect(
            try names(Array(#"{"alg":"x","\u0061lg":1,"é":[true,null,{"a":"\n"}]}"#.utf8))
                == [Array("alg".utf8), Array("alg".utf8), Array("é".utf8)]
        )
        #expect(throws: JSONSyntaxError.self) { try names([0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D]) }
        #expect(throws: JSONSyntaxError.self) { try names(Array(#"{"a":"\#u{01}"}"#.utf8)) }
        #expect(throws: JSONSyntaxError.self) { try names([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x22, 0x7D]) }
    }
}
