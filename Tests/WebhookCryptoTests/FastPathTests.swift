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
}
