package import WebhookCore

/// Strict hexadecimal encoding and decoding.
package enum Hex {
    private static let lowerDigits: [UInt8] = Array("0123456789abcdef".utf8)
    private static let upperDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Encodes bytes as hexadecimal text, two digits per byte.
    /// - Parameters:
    ///   - bytes: The bytes to encode.
    ///   - uppercase: Whether to use `A`-`F` instead of `a`-`f`.
    /// - Returns: The hexadecimal text.
    package static func encode(_ bytes: some Sequence<UInt8>, uppercase: Bool = false) -> String {
        let digits = uppercase ? upperDigits : lowerDigits
        var output: [UInt8] = []
        output.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes hexadecimal text (upper or lower case).
    /// - Parameter text: The text; an odd length or any non-hex character is an error.
    /// - Returns: The decoded bytes.
    /// - Throws: `WebhookError.Code.invalidEncoding`.
    package static func decode(_ text: some StringProtocol) throws(WebhookError) -> [UInt8] {
        try decode(utf8: text.utf8)
    }

    /// Decodes hexadecimal text given as UTF-8 bytes (upper or lower case).
    /// - Parameter bytes: The text's bytes; an odd length or any non-hex character is an error.
    /// - Returns: The decoded bytes.
    /// - Throws: `WebhookError.Code.invalidEncoding`.
    package static func decode(utf8 bytes: some Collection<UInt8>) throws(WebhookError) -> [UInt8] {
        let result: [UInt8]? = withContiguousBuffer(bytes) { decodeHex($0) }
        guard let result else {
            throw WebhookError(.invalidEncoding, "invalid hexadecimal text")
        }
        return result
    }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return character &- UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return character &- UInt8(ascii: "a") &+ 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return character &- UInt8(ascii: "A") &+ 10
        default: return nil
        }
    }

    private static func decodeHex(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard input.count % 2 == 0 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(input.count / 2)
        var index = 0
        while index < input.count {
            guard let high = nibble(input[index]), let low = nibble(input[index + 1]) else { return nil }
            output.append(high << 4 | low)
            index += 2
        }
        return output
    }
}

/// Strict standard Base64 (RFC 4648 section 4): the `+` and `/` alphabet, with `=` padding.
///
/// Decoding requires the length to be a multiple of four, padding only at the end, zero unused
/// bits, and no whitespace or other stray characters.
package enum Base64 {
    /// Encodes bytes as padded standard Base64.
    /// - Parameter bytes: The bytes to encode.
    /// - Returns: The Base64 text.
    package static func encode(_ bytes: some Sequence<UInt8>) -> String {
        Base64Codec.encode(Array(bytes), alphabet: Base64Codec.standardAlphabet, padded: true)
    }

    /// Decodes padded standard Base64.
    /// - Parameter text: The text.
    /// - Returns: The decoded bytes.
    /// - Throws: `WebhookError.Code.invalidEncoding`.
    package static func decode(_ text: some StringProtocol) throws(WebhookError) -> [UInt8] {
        try decode(utf8: text.utf8)
    }

    /// Decodes padded standard Base64 given as UTF-8 bytes.
    /// - Parameter bytes: The text's bytes.
    /// - Returns: The decoded bytes.
    /// - Throws: `WebhookError.Code.invalidEncoding`.
    package static func decode(utf8 bytes: some Collection<UInt8>) throws(WebhookError) -> [UInt8] {
        let result: [UInt8]? = withContiguousBuffer(bytes) { Base64Codec.decodePadded($0) }
        guard let result else {
            throw WebhookError(.invalidEncoding, "invalid Base64 text")
        }
        return result
    }
}

/// Strict Base64URL (RFC 4648 section 5) without padding, as JOSE uses it.
///
/// Decoding rejects `=`, `+`, `/`, whitespace, a length of 4n+1, and non-zero unused trailing bits
/// (so every byte string has exactly one accepted encoding).
package enum Base64URL {
    /// Encodes bytes as unpadded Base64URL.
    /// - Parameter bytes: The bytes to encode.
    /// - Returns: The Base64URL text.
    package static func encode(_ bytes: some Sequence<UInt8>) -> String {
        Base64Codec.encode(Array(bytes), alphabet: Base64Codec.urlAlphabet, padded: false)
    }

    /// Decodes unpadded Base64URL.
    /// - Parameter text: The text.
    /// - Returns: The decoded bytes.
    /// - Throws: `WebhookError.Code.invalidEncoding`.
    package static func decode(_ text: some StringProtocol) throws(WebhookError) -> [UInt8] {
        try decode(utf8: text.utf8)
    }

    /// Decodes unpadded Base64URL given as UTF-8 bytes.
    /// - Parameter bytes: The text's bytes.
    /// - Returns: The decoded bytes.
    /// - Throws: `WebhookError.Code.invalidEncoding`.
    package static func decode(utf8 bytes: some Collection<UInt8>) throws(WebhookError) -> [UInt8] {
        let result: [UInt8]? = withContiguousBuffer(bytes) { Base64Codec.decodeUnpaddedURL($0) }
        guard let result else {
            throw WebhookError(.invalidEncoding, "invalid Base64URL text")
        }
        return result
    }
}

/// Runs `body` over the collection's bytes, copying only when they are not contiguous.
func withContiguousBuffer<C: Collection<UInt8>, R>(_ bytes: C, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let result = bytes.withContiguousStorageIfAvailable(body) {
        return result
    }
    return Array(bytes).withUnsafeBufferPointer(body)
}

enum Base64Codec {
    static let standardAlphabet: [UInt8] = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8
    )
    static let urlAlphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    static let invalid: UInt8 = 0xFF
    static let standardTable: [UInt8] = makeTable(standardAlphabet)
    static let urlTable: [UInt8] = makeTable(urlAlphabet)

    private static func makeTable(_ alphabet: [UInt8]) -> [UInt8] {
        var table = [UInt8](repeating: invalid, count: 256)
        for (value, character) in alphabet.enumerated() {
            table[Int(character)] = UInt8(value)
        }
        return table
    }

    static func encode(_ input: [UInt8], alphabet: [UInt8], padded: Bool) -> String {
        let fullGroups = input.count / 3
        let remainder = input.count % 3
        let outputCount: Int
        if padded {
            outputCount = (input.count + 2) / 3 * 4
        } else {
            outputCount = fullGroups * 4 + (remainder == 0 ? 0 : remainder + 1)
        }
        return String(unsafeUninitializedCapacity: outputCount) { output in
            var out = 0
            var index = 0
            for _ in 0..<fullGroups {
                let value = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8 | UInt32(input[index + 2])
                output[out] = alphabet[Int(value >> 18 & 0x3F)]
                output[out + 1] = alphabet[Int(value >> 12 & 0x3F)]
                output[out + 2] = alphabet[Int(value >> 6 & 0x3F)]
                output[out + 3] = alphabet[Int(value & 0x3F)]
                out += 4
                index += 3
            }
            if remainder == 1 {
                let value = UInt32(input[index]) << 16
                output[out] = alphabet[Int(value >> 18 & 0x3F)]
                output[out + 1] = alphabet[Int(value >> 12 & 0x3F)]
                out += 2
                if padded {
                    output[out] = UInt8(ascii: "=")
                    output[out + 1] = UInt8(ascii: "=")
                    out += 2
                }
            } else if remainder == 2 {
                let value = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8
                output[out] = alphabet[Int(value >> 18 & 0x3F)]
                output[out + 1] = alphabet[Int(value >> 12 & 0x3F)]
                output[out + 2] = alphabet[Int(value >> 6 & 0x3F)]
                out += 3
                if padded {
                    output[out] = UInt8(ascii: "=")
                    out += 1
                }
            }
            return out
        }
    }

    /// Decodes the unpadded part of Base64 text with the given table; nil on any error.
    /// `count` characters are decoded; a trailing partial group must have zero unused bits.
    private static func decodeCore(
        _ input: UnsafeBufferPointer<UInt8>,
        count: Int,
        table: UnsafeBufferPointer<UInt8>,
        into output: inout [UInt8]
    ) -> Bool {
        let remainder = count % 4
        if remainder == 1 { return false }
        let fullGroups = count / 4
        output.reserveCapacity(fullGroups * 3 + (remainder == 0 ? 0 : remainder - 1))
        var index = 0
        for _ in 0..<fullGroups {
            let a = table[Int(input[index])]
            let b = table[Int(input[index + 1])]
            let c = table[Int(input[index + 2])]
            let d = table[Int(input[index + 3])]
            if (a | b | c | d) & 0xC0 != 0 { return false }
            let value = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
            output.append(UInt8(truncatingIfNeeded: value >> 16))
            output.append(UInt8(truncatingIfNeeded: value >> 8))
            output.append(UInt8(truncatingIfNeeded: value))
            index += 4
        }
        if remainder == 2 {
            let a = table[Int(input[index])]
            let b = table[Int(input[index + 1])]
            if (a | b) & 0xC0 != 0 || b & 0x0F != 0 { return false }
            output.append(a << 2 | b >> 4)
        } else if remainder == 3 {
            let a = table[Int(input[index])]
            let b = table[Int(input[index + 1])]
            let c = table[Int(input[index + 2])]
            if (a | b | c) & 0xC0 != 0 || c & 0x03 != 0 { return false }
            let value = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6
            output.append(UInt8(truncatingIfNeeded: value >> 16))
            output.append(UInt8(truncatingIfNeeded: value >> 8))
        }
        return true
    }

    /// The number of bytes `count` unpadded Base64 characters decode to, or nil when no text of that length is valid.
    static func unpaddedDecodedCount(_ count: Int) -> Int? {
        let remainder = count % 4
        if remainder == 1 { return nil }
        return count / 4 * 3 + (remainder == 0 ? 0 : remainder - 1)
    }

    /// Decodes unpadded Base64URL into `output`, which holds exactly `unpaddedDecodedCount(input.count)` bytes;
    /// false on any error (the same rules as `decodeCore`).
    static func decodeUnpaddedURL(
        _ input: UnsafeBufferPointer<UInt8>,
        into output: UnsafeMutableBufferPointer<UInt8>
    ) -> Bool {
        let count = input.count
        let remainder = count % 4
        if remainder == 1 { return false }
        let fullGroups = count / 4
        guard output.count == fullGroups * 3 + (remainder == 0 ? 0 : remainder - 1) else { return false }
        return urlTable.withUnsafeBufferPointer { table -> Bool in
            var index = 0
            var out = 0
            var bad: UInt8 = 0
            for _ in 0..<fullGroups {
                let a = table[Int(input[index])]
                let b = table[Int(input[index + 1])]
                let c = table[Int(input[index + 2])]
                let d = table[Int(input[index + 3])]
                bad |= a | b | c | d
                let value = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                output[out] = UInt8(truncatingIfNeeded: value >> 16)
                output[out + 1] = UInt8(truncatingIfNeeded: value >> 8)
                output[out + 2] = UInt8(truncatingIfNeeded: value)
                index += 4
                out += 3
            }
            if bad & 0xC0 != 0 { return false }
            if remainder == 2 {
                let a = table[Int(input[index])]
                let b = table[Int(input[index + 1])]
                if (a | b) & 0xC0 != 0 || b & 0x0F != 0 { return false }
                output[out] = a << 2 | b >> 4
            } else if remainder == 3 {
                let a = table[Int(input[index])]
                let b = table[Int(input[index + 1])]
                let c = table[Int(input[index + 2])]
                if (a | b | c) & 0xC0 != 0 || c & 0x03 != 0 { return false }
                let value = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6
                output[out] = UInt8(truncatingIfNeeded: value >> 16)
                output[out + 1] = UInt8(truncatingIfNeeded: value >> 8)
            }
            return true
        }
    }

    /// Decodes unpadded Base64URL into a new array of exactly the decoded size; nil on any error.
    static func decodeUnpaddedURLArray(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard let size = unpaddedDecodedCount(input.count) else { return nil }
        var ok = false
        let output = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            ok = decodeUnpaddedURL(input, into: UnsafeMutableBufferPointer(rebasing: buffer[0..<size]))
            if ok {
                initialized = size
            } else {
                // Initialise so the array is valid even though it is discarded.
                buffer.initialize(repeating: 0)
                initialized = size
            }
        }
        return ok ? output : nil
    }

    static func decodeUnpaddedURL(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var output: [UInt8] = []
        let ok = urlTable.withUnsafeBufferPointer { table in
            decodeCore(input, count: input.count, table: table, into: &output)
        }
        return ok ? output : nil
    }

    /// Appends the decoded bytes to `output`; false on any error.
    static func decodeUnpaddedURL(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Bool {
        urlTable.withUnsafeBufferPointer { table in
            decodeCore(input, count: input.count, table: table, into: &output)
        }
    }

    static func decodePadded(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard input.count % 4 == 0 else { return nil }
        var count = input.count
        if count > 0 && input[count - 1] == UInt8(ascii: "=") {
            count -= 1
            if input[count - 1] == UInt8(ascii: "=") {
                count -= 1
            }
        }
        // Padding is only valid as "xx==" or "xxx=": the unpadded length must then be 4n+2 or 4n+3.
        if count != input.count && count % 4 < 2 { return nil }
        var output: [UInt8] = []
        let ok = standardTable.withUnsafeBufferPointer { table in
            decodeCore(input, count: count, table: table, into: &output)
        }
        return ok ? output : nil
    }
}
