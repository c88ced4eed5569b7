import Testing

@testable import WebhookCrypto

/// The allocation-free fast paths give exactly what the general code gives.
@Suite("Fast paths")
struct FastPathTests {
    @Test("ECDSA DER on the stack equals i2d_ECDSA_SIG", arguments: [32, 48, 66])
    func derFromRaw(fieldSize: Int) {
        var generator = SystemRandomNumberGenerator()
        var cases: [[UInt8]] = []
        for _ in 0..<200 {
            cases.append((0..<(2 * fieldSize)).map { _ in UInt8.random(in: 0...255, using: &generator) })
        }
        let high = [UInt8](repeating: 0xFF, count: fieldSize)
        let zero = [UInt8](repeating: 0, count: fieldSize)
        var small = zero
        small[fieldSize - 1] = 0x80
        var leading = high
        leading[0] = 0
        leading[1] = 0
        cases += [high + high, zero + zero, zero + high, small + leading, leading + small, small + small]
        for raw in cases {
            let expected = raw.withUnsafeBytes { ECDSASignature.derFromRaw($0, fieldSize: fieldSize) }
            var output = [UInt8](repeating: 0, count: 2 * fieldSize + 9)
            let length = raw.withUnsafeBytes { rawBytes in
                output.withUnsafeMutableBytes {
                    ECDSASignature.writeDER(fromRaw: rawBytes, fieldSize: fieldSize, into: $0)
                }
            }
            #expect(length.map { Array(output[0..<$0]) } == expected)
        }
    }

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

    @Test("ES256 with the key's table gives what EVP_PKEY_verify gives")
    func p256KeyTableAgreesWithEVP() throws {
        let privateKey = try PrivateKey.generate(.ec(.p256))
        let plain = try PublicKey(pem: privateKey.publicKeyPEM())
        let prepared = try PublicKey(pem: privateKey.publicKeyPEM())
        try #require(prepared.prepareForRepeatedVerification())
        var generator = SystemRandomNumberGenerator()
        var verdicts: [Bool] = []
        for length in 0..<40 {
            let message = (0..<(length * 7)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let signature = try privateKey.signature(for: message, algorithm: .es256)
            var flipped = signature
            flipped[Int.random(in: 0..<64, using: &generator)] ^= 1 << UInt8.random(in: 0...7, using: &generator)
            let swapped = Array(signature[32...] + signature[..<32])
            var otherMessage = message + [0]
            otherMessage[0] ^= 0x80
            for (candidate, signed) in [
                (signature, message), (flipped, message), (swapped, message), (signature, otherMessage),
            ] {
                let expected = try plain.isValidSignature(candidate, for: signed, algorithm: .es256)
                let actual = try prepared.isValidSignature(candidate, for: signed, algorithm: .es256)
                #expect(actual == expected)
                verdicts.append(actual)
            }
        }
        // Each round has one good signature and three bad ones; a path that accepted or refused everything fails.
        #expect(verdicts.filter { $0 }.count == 40)
        // The comparison was between two paths: the plain key has not built a table (under 256 verifications).
        #expect(plain.box.table == nil)
        #expect(prepared.box.table != nil)
    }

    @Test("A P-256 key builds its table on its 256th verification")
    func p256KeyTableThreshold() throws {
        let privateKey = try PrivateKey.generate(.ec(.p256))
        let key = try PublicKey(pem: privateKey.publicKeyPEM())
        let message = Array("threshold".utf8)
        let signature = try privateKey.signature(for: message, algorithm: .es256)
        for _ in 1..<EVPKeyBox.automaticTableThreshold {
            #expect(try key.isValidSignature(signature, for: message, algorithm: .es256))
        }
        #expect(key.box.table == nil)
        #expect(try key.isValidSignature(signature, for: message, algorithm: .es256))
        #expect(key.box.table != nil)
        #expect(try key.isValidSignature(signature, for: message, algorithm: .es256))
        #expect(try !key.isValidSignature(signature, for: message + [0], algorithm: .es256))
    }

    @Test("Only P-256 keys have a table to prepare")
    func keyTableOnlyForP256() throws {
        #expect(try !PublicKey(pem: TestKeys.rsa2048PublicKeyPEM).prepareForRepeatedVerification())
        let p384 = try PublicKey(pem: PrivateKey.generate(.ec(.p384)).publicKeyPEM())
        #expect(!p384.prepareForRepeatedVerification())
        #expect(p384.box.table == nil)
        let p256 = try PublicKey(pem: TestKeys.p256PublicKeyPEM)
        #expect(p256.prepareForRepeatedVerification())
        #expect(p256.prepareForRepeatedVerification(), "a second call keeps the table")
    }
}
