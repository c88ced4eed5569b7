/// A failure of the small JSON reader; callers turn it into the right ``WebhookCryptoError``.
struct JSONSyntaxError: Error {}

/// A parsed JSON value (used for JWK and JWKS documents, which are read rarely).
enum JSONValue: Equatable {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// Parses one complete JSON document.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        var scanner = JSONScanner(bytes)
        let value = try scanner.parseValue()
        try scanner.expectEnd()
        return value
    }
}

/// A strict, allocation-light JSON scanner over UTF-8 bytes (RFC 8259).
///
/// It never recurses deeper than ``maximumDepth``, rejects duplicate member names in objects it
/// materialises, rejects invalid UTF-8 in strings and never reads out of bounds.
struct JSONScanner {
    static let maximumDepth = 32

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    enum Kind {
        case object, array, string, number, bool, null
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func peek() -> UInt8? {
        skipWhitespace()
        return index < bytes.count ? bytes[index] : nil
    }

    private mutating func consume(_ byte: UInt8) throws(JSONSyntaxError) {
        guard peek() == byte else { throw JSONSyntaxError() }
        index += 1
    }

    mutating func expectEnd() throws(JSONSyntaxError) {
        skipWhitespace()
        guard index == bytes.count else { throw JSONSyntaxError() }
    }

    /// The kind of the next value.
    mutating func peekKind() throws(JSONSyntaxError) -> Kind {
        guard let byte = peek() else { throw JSONSyntaxError() }
        switch byte {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        default: throw JSONSyntaxError()
        }
    }

    /// Reads an object like ``parseObject(_:)``, but hands `member` the name's raw bytes instead of a `String`.
    ///
    /// A name without escapes is passed as a slice of the input (no copy); a name with escapes is decoded into a
    /// temporary buffer. Non-ASCII names are checked to be valid UTF-8, exactly as ``parseString()`` does.
    mutating func parseObjectRaw(
        _ member: (inout JSONScanner, UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> Void
    ) throws(JSONSyntaxError) {
        try consume(UInt8(ascii: "{"))
        depth += 1
        guard depth <= Self.maximumDepth else { throw JSONSyntaxError() }
        if peek() == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return
        }
        while true {
            guard peek() == UInt8(ascii: "\"") else { throw JSONSyntaxError() }
            if let name = try scanPlainString() {
                try consume(UInt8(ascii: ":"))
                try member(&self, name)
            } else {
                // Escapes: decode (rare in practice), then hand over the decoded bytes.
                let name = try parseString()
                try consume(UInt8(ascii: ":"))
                let utf8 = Array(name.utf8)
                try utf8.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in try member(&self, buffer) }
            }
            switch peek() {
            case UInt8(ascii: ","):
                index += 1
            case UInt8(ascii: "}"):
                index += 1
                depth -= 1
                return
            default:
                throw JSONSyntaxError()
            }
        }
    }

    /// Reads a string without escapes and returns its bytes (a slice of the input), checked as ``parseString()``
    /// checks them; returns nil, consuming nothing, when the string has an escape.
    mutating func scanPlainString() throws(JSONSyntaxError) -> UnsafeBufferPointer<UInt8>? {
        guard peek() == UInt8(ascii: "\"") else { throw JSONSyntaxError() }
        let quote = index
        var position = index + 1
        var isASCII = true
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[(quote + 1)..<position])
                if !isASCII { _ = try Self.makeString(slice) }
                index = position + 1
                return slice
            }
            if byte == UInt8(ascii: "\\") { return nil }
            if byte < 0x20 { throw JSONSyntaxError() }
            if byte >= 0x80 { isASCII = false }
            position += 1
        }
        throw JSONSyntaxError()
    }

    /// Reads an object, calling `member` for each member name; `member` must consume the value.
    mutating func parseObject(
        _ member: (inout JSONScanner, String) throws(JSONSyntaxError) -> Void
    ) throws(JSONSyntaxError) {
        try consume(UInt8(ascii: "{"))
        depth += 1
        guard depth <= Self.maximumDepth else { throw JSONSyntaxError() }
        if peek() == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return
        }
        while true {
            guard peek() == UInt8(ascii: "\"") else { throw JSONSyntaxError() }
            let name = try parseString()
            try consume(UInt8(ascii: ":"))
            try member(&self, name)
            switch peek() {
            case UInt8(ascii: ","):
                index += 1
            case UInt8(ascii: "}"):
                index += 1
                depth -= 1
                return
            default:
                throw JSONSyntaxError()
            }
        }
    }

    /// Reads an array, calling `element` for each element; `element` must consume the value.
    mutating func parseArray(_ element: (inout JSONScanner) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) {
        try consume(UInt8(ascii: "["))
        depth += 1
        guard depth <= Self.maximumDepth else { throw JSONSyntaxError() }
        if peek() == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return
        }
        while true {
            try element(&self)
            switch peek() {
            case UInt8(ascii: ","):
                index += 1
            case UInt8(ascii: "]"):
                index += 1
                depth -= 1
                return
            default:
                throw JSONSyntaxError()
            }
        }
    }

    /// Reads a string value.
    mutating func parseString() throws(JSONSyntaxError) -> String {
        try consume(UInt8(ascii: "\""))
        let start = index
        // Fast path: no escapes.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                return try Self.makeString(slice)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw JSONSyntaxError() }
            index += 1
        }
        guard index < bytes.count else { throw JSONSyntaxError() }
        var decoded = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return try decoded.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in
                    try Self.makeString(buffer)
                }
            case UInt8(ascii: "\\"):
                try parseEscape(into: &decoded)
            case 0..<0x20:
                throw JSONSyntaxError()
            default:
                decoded.append(byte)
            }
        }
        throw JSONSyntaxError()
    }

    private mutating func parseEscape(into decoded: inout [UInt8]) throws(JSONSyntaxError) {
        guard index < bytes.count else { throw JSONSyntaxError() }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): decoded.append(0x22)
        case UInt8(ascii: "\\"): decoded.append(0x5C)
        case UInt8(ascii: "/"): decoded.append(0x2F)
        case UInt8(ascii: "b"): decoded.append(0x08)
        case UInt8(ascii: "f"): decoded.append(0x0C)
        case UInt8(ascii: "n"): decoded.append(0x0A)
        case UInt8(ascii: "r"): decoded.append(0x0D)
        case UInt8(ascii: "t"): decoded.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            if (0xD800..<0xDC00).contains(scalar) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                else { throw JSONSyntaxError() }
                index += 2
                let low = try parseHex4()
                guard (0xDC00..<0xE000).contains(low) else { throw JSONSyntaxError() }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(scalar) {
                throw JSONSyntaxError()
            }
            guard let unicodeScalar = Unicode.Scalar(scalar) else { throw JSONSyntaxError() }
            decoded.append(contentsOf: UTF8.encode(unicodeScalar) ?? UTF8.EncodedScalar())
        default:
            throw JSONSyntaxError()
        }
    }

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw JSONSyntaxError() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            index += 1
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw JSONSyntaxError()
            }
            value = value << 4 | digit
        }
        return value
    }

    /// Makes a String from UTF-8 bytes, rejecting invalid UTF-8 (no silent replacement).
    static func makeString(_ utf8: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> String {
        let string = String(decoding: utf8, as: UTF8.self)
        // ASCII is always valid; otherwise a lossless round trip proves the bytes were valid UTF-8.
        var isASCII = true
        for byte in utf8 where byte >= 0x80 {
            isASCII = false
            break
        }
        if isASCII { return string }
        var matches = string.utf8.count == utf8.count
        if matches {
            var index = 0
            for byte in string.utf8 {
                if byte != utf8[index] {
                    matches = false
                    break
                }
                index += 1
            }
        }
        guard matches else { throw JSONSyntaxError() }
        return string
    }

    /// Reads a number value.
    mutating func parseNumber() throws(JSONSyntaxError) -> Double {
        skipWhitespace()
        let start = index
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count else { throw JSONSyntaxError() }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if isDigit(at: index) {
            while isDigit(at: index) { index += 1 }
        } else {
            throw JSONSyntaxError()
        }
        var sawFractionOrExponent = false
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            sawFractionOrExponent = true
            index += 1
            guard isDigit(at: index) else { throw JSONSyntaxError() }
            while isDigit(at: index) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            sawFractionOrExponent = true
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard isDigit(at: index) else { throw JSONSyntaxError() }
            while isDigit(at: index) { index += 1 }
        }
        // Fast path: an integer of at most 15 digits is exact as a Double (below 2^53) and needs no text.
        if !sawFractionOrExponent, index - start <= 15 {
            var value: Int64 = 0
            var position = start
            let negative = bytes[position] == UInt8(ascii: "-")
            if negative { position += 1 }
            while position < index {
                value = value * 10 + Int64(bytes[position] &- UInt8(ascii: "0"))
                position += 1
            }
            return negative ? -Double(value) : Double(value)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text) else { throw JSONSyntaxError() }
        return value
    }

    private func isDigit(at position: Int) -> Bool {
        position < bytes.count && bytes[position] >= UInt8(ascii: "0") && bytes[position] <= UInt8(ascii: "9")
    }

    private mutating func parseLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        skipWhitespace()
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw JSONSyntaxError() }
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        for offset in 0..<count where bytes[index + offset] != expected[offset] {
            throw JSONSyntaxError()
        }
        index += count
    }

    /// Reads `true` or `false`.
    mutating func parseBool() throws(JSONSyntaxError) -> Bool {
        if peek() == UInt8(ascii: "t") {
            try parseLiteral("true")
            return true
        }
        try parseLiteral("false")
        return false
    }

    /// Reads and discards any value, checking its syntax.
    mutating func skipValue() throws(JSONSyntaxError) {
        switch try peekKind() {
        case .object: try parseObjectRaw { scanner, _ throws(JSONSyntaxError) in try scanner.skipValue() }
        case .array: try parseArray { scanner throws(JSONSyntaxError) in try scanner.skipValue() }
        case .string: if try scanPlainString() == nil { _ = try parseString() }
        case .number: _ = try parseNumber()
        case .bool: _ = try parseBool()
        case .null: try parseLiteral("null")
        }
    }

    /// Reads any value into a tree.
    mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        switch try peekKind() {
        case .object:
            var members: [String: JSONValue] = [:]
            try parseObject { scanner, name throws(JSONSyntaxError) in
                let value = try scanner.parseValue()
                guard members.updateValue(value, forKey: name) == nil else { throw JSONSyntaxError() }
            }
            return .object(members)
        case .array:
            var elements: [JSONValue] = []
            try parseArray { scanner throws(JSONSyntaxError) in elements.append(try scanner.parseValue()) }
            return .array(elements)
        case .string: return .string(try parseString())
        case .number: return .number(try parseNumber())
        case .bool: return .bool(try parseBool())
        case .null:
            try parseLiteral("null")
            return .null
        }
    }
}
