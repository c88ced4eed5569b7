/// A strict reader of a JSON object's top-level members that keeps the exact bytes of each value.
///
/// The verifier uses it twice: to find the token in a delivery's `{"jwt":"…"}` wrapper and to cut the `data` claim
/// out of the verified claims without re-encoding it; ``RServiceEvent/decode(from:eventName:)`` uses it to read the
/// `event` name without a `JSONDecoder` pass of its own. It runs on every request, so strings (the bulk of a token)
/// are checked eight bytes at a time where they hold nothing but printable ASCII. The whole document is validated
/// (RFC 8259 grammar, UTF-8, nesting depth), so a value's range is only returned for a document that every
/// conforming parser reads the same way; member names are compared after unescaping (`"d\u0061ta"` is `data`).
struct RServiceJSONMembers {
    /// The JSON type of a member's value.
    enum Kind: Equatable {
        case object, array, string, number, literal
    }

    /// One top-level member.
    struct Member {
        /// The unescaped name.
        var name: String
        /// The type of the value.
        var kind: Kind
        /// The value's bytes in the document, without surrounding whitespace (for a string, with its quotes).
        var range: Range<Int>
        /// For a string value: whether it contains a backslash escape.
        var hasEscapes: Bool
    }

    /// The members in document order (repeated names kept).
    let members: [Member]

    /// The deepest nesting accepted.
    static let maximumDepth = 256

    /// Reads a document; `nil` unless it is exactly one valid JSON object (surrounding whitespace allowed).
    init?(_ bytes: [UInt8]) {
        let members = bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(bytes: buffer)
            return scanner.topLevelObject()
        }
        guard let members else { return nil }
        self.members = members
    }

    /// The members with that name.
    func members(named name: String) -> [Member] {
        members.filter { $0.name == name }
    }

    /// The first member with that name, and how many members have it (without building a list).
    func firstMember(named name: String) -> (member: Member?, count: Int) {
        var first: Member?
        var count = 0
        for member in members where member.name == name {
            if first == nil { first = member }
            count += 1
        }
        return (first, count)
    }

    /// Whether a member of that name exists.
    func contains(_ name: String) -> Bool {
        members.contains { $0.name == name }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        var depth = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func topLevelObject() -> [Member]? {
            skipWhitespace()
            guard peek() == UInt8(ascii: "{") else { return nil }
            index += 1
            depth = 1
            var members: [Member] = []
            members.reserveCapacity(8)
            skipWhitespace()
            if peek() == UInt8(ascii: "}") {
                index += 1
            } else {
                while true {
                    skipWhitespace()
                    guard peek() == UInt8(ascii: "\""), let name = string(decoding: true)?.text else { return nil }
                    skipWhitespace()
                    guard peek() == UInt8(ascii: ":") else { return nil }
                    index += 1
                    skipWhitespace()
                    let start = index
                    guard let (kind, hasEscapes) = value() else { return nil }
                    members.append(Member(name: name, kind: kind, range: start..<index, hasEscapes: hasEscapes))
                    skipWhitespace()
                    guard let next = peek() else { return nil }
                    index += 1
                    if next == UInt8(ascii: "}") { break }
                    guard next == UInt8(ascii: ",") else { return nil }
                }
            }
            skipWhitespace()
            return index == bytes.count ? members : nil
        }

        func peek() -> UInt8? {
            index < bytes.count ? bytes[index] : nil
        }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        /// Validates one value and returns its kind (and, for strings, whether it has escapes).
        mutating func value() -> (Kind, Bool)? {
            guard let first = peek() else { return nil }
            switch first {
            case UInt8(ascii: "{"):
                return container(close: UInt8(ascii: "}"), named: true) ? (.object, false) : nil
            case UInt8(ascii: "["):
                return container(close: UInt8(ascii: "]"), named: false) ? (.array, false) : nil
            case UInt8(ascii: "\""):
                guard let result = string(decoding: false) else { return nil }
                return (.string, result.hasEscapes)
            case UInt8(ascii: "t"):
                return literal("true") ? (.literal, false) : nil
            case UInt8(ascii: "f"):
                return literal("false") ? (.literal, false) : nil
            case UInt8(ascii: "n"):
                return literal("null") ? (.literal, false) : nil
            default:
                return number() ? (.number, false) : nil
            }
        }

        mutating func container(close: UInt8, named: Bool) -> Bool {
            depth += 1
            guard depth <= RServiceJSONMembers.maximumDepth else { return false }
            defer { depth -= 1 }
            index += 1
            skipWhitespace()
            if peek() == close {
                index += 1
                return true
            }
            while true {
                skipWhitespace()
                if named {
                    guard peek() == UInt8(ascii: "\""), string(decoding: false) != nil else { return false }
                    skipWhitespace()
                    guard peek() == UInt8(ascii: ":") else { return false }
                    index += 1
                    skipWhitespace()
                }
                guard value() != nil else { return false }
                skipWhitespace()
                guard let next = peek() else { return false }
                index += 1
                if next == close { return true }
                guard next == UInt8(ascii: ",") else { return false }
            }
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard bytes.count - index >= count else { return false }
            let matches = word.withUTF8Buffer { expected in
                for offset in 0..<count where bytes[index + offset] != expected[offset] {
                    return false
                }
                return true
            }
            guard matches else { return false }
            index += count
            return true
        }

        mutating func number() -> Bool {
            func isDigit(_ byte: UInt8?) -> Bool {
                guard let byte else { return false }
                return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            }
            if peek() == UInt8(ascii: "-") { index += 1 }
            if peek() == UInt8(ascii: "0") {
                index += 1
            } else {
                guard isDigit(peek()) else { return false }
                while isDigit(peek()) { index += 1 }
            }
            if peek() == UInt8(ascii: ".") {
                index += 1
                guard isDigit(peek()) else { return false }
                while isDigit(peek()) { index += 1 }
            }
            if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
                index += 1
                if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
                guard isDigit(peek()) else { return false }
                while isDigit(peek()) { index += 1 }
            }
            return true
        }

        /// Validates a string (the cursor is on its opening quote); decodes it when asked.
        mutating func string(decoding: Bool) -> (text: String?, hasEscapes: Bool)? {
            let start = index
            guard let hasEscapes = skipString() else { return nil }
            guard decoding else { return (nil, hasEscapes) }
            guard hasEscapes else {
                // Validated UTF-8 without escapes: the bytes between the quotes are the text.
                let content = UnsafeBufferPointer(rebasing: bytes[(start + 1)..<(index - 1)])
                return (String(decoding: content, as: UTF8.self), false)
            }
            let end = index
            index = start + 1
            var decoded: [UInt8] = []
            while index < end - 1 {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\") {
                    index += 1
                    guard let scalar = escape() else { return nil }
                    decoded.append(contentsOf: Array(String(Character(scalar)).utf8))
                } else {
                    decoded.append(byte)
                    index += 1
                }
            }
            index = end
            return (String(decoding: decoded, as: UTF8.self), true)
        }

        /// Validates a string (the cursor is on its opening quote) and moves past it; returns whether it has
        /// escapes, or `nil` for an unterminated string, a control character, a bad escape or invalid UTF-8.
        mutating func skipString() -> Bool? {
            index += 1
            var hasEscapes = false
            while true {
                // Eight bytes at a time while none of them needs a look (the bulk of a token).
                if let base = UnsafeRawPointer(bytes.baseAddress) {
                    while bytes.count - index >= 8,
                        Self.isPlainASCII(base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    {
                        index += 8
                    }
                }
                // Then one byte at a time up to the byte that stopped the 8-byte step (the end of a short string).
                guard index < bytes.count else { return nil }
                var byte = bytes[index]
                while byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
                    index += 1
                    guard index < bytes.count else { return nil }
                    byte = bytes[index]
                }
                switch byte {
                case UInt8(ascii: "\""):
                    index += 1
                    return hasEscapes
                case UInt8(ascii: "\\"):
                    hasEscapes = true
                    index += 1
                    guard escape() != nil else { return nil }
                case 0x00..<0x20:
                    return nil
                default:
                    guard let length = utf8SequenceLength(at: index) else { return nil }
                    index += length
                }
            }
        }

        /// Whether eight bytes are all printable ASCII other than `"` and `\` (nothing a string scan must stop at).
        static func isPlainASCII(_ word: UInt64) -> Bool {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highBits: UInt64 = 0x8080_8080_8080_8080
            func hasZeroByte(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highBits }
            let belowSpace = (word &- ones &* 0x20) & ~word & highBits
            let quote = hasZeroByte(word ^ (ones &* UInt64(UInt8(ascii: "\""))))
            let backslash = hasZeroByte(word ^ (ones &* UInt64(UInt8(ascii: "\\"))))
            return (word & highBits) | belowSpace | quote | backslash == 0
        }

        /// Reads an escape after its backslash.
        mutating func escape() -> Unicode.Scalar? {
            guard let byte = peek() else { return nil }
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return "\""
            case UInt8(ascii: "\\"): return "\\"
            case UInt8(ascii: "/"): return "/"
            case UInt8(ascii: "b"): return "\u{08}"
            case UInt8(ascii: "f"): return "\u{0C}"
            case UInt8(ascii: "n"): return "\n"
            case UInt8(ascii: "r"): return "\r"
            case UInt8(ascii: "t"): return "\t"
            case UInt8(ascii: "u"):
                guard let high = hexQuad() else { return nil }
                if (0xD800..<0xDC00).contains(high) {
                    guard peek() == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u")
                    else { return nil }
                    index += 2
                    guard let low = hexQuad(), (0xDC00..<0xE000).contains(low) else { return nil }
                    return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                }
                return Unicode.Scalar(high)
            default:
                return nil
            }
        }

        mutating func hexQuad() -> UInt32? {
            guard bytes.count - index >= 4 else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: return nil
                }
                value = value << 4 | UInt32(digit)
                index += 1
            }
            return value
        }

        /// The length of the well-formed UTF-8 sequence of two or more bytes at `start`, or `nil`.
        func utf8SequenceLength(at start: Int) -> Int? {
            let lead = bytes[start]
            let length: Int
            var secondRange: ClosedRange<UInt8> = 0x80...0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                secondRange = 0xA0...0xBF
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                secondRange = 0x80...0x9F
            case 0xF0:
                length = 4
                secondRange = 0x90...0xBF
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                secondRange = 0x80...0x8F
            default: return nil
            }
            guard bytes.count - start >= length, secondRange.contains(bytes[start + 1]) else { return nil }
            for offset in 2..<length where !(0x80...0xBF).contains(bytes[start + offset]) {
                return nil
            }
            return length
        }
    }
}
