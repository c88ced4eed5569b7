/// The package's JSON byte reader: strict RFC 8259, linear in the input, with limits on nesting depth and on the
/// number of containers, so that no body can make decoding cost more than a constant per byte.
///
/// It reads bytes, never Swift `String`s, so invalid UTF-8 is an error rather than a replacement character, and
/// object member names are compared as the exact bytes they decode to.
package struct JSONReader {
    /// Limits applied while reading, before any value is built.
    package struct Limits: Sendable, Hashable {
        /// The deepest nesting of arrays and objects accepted.
        package var maximumDepth: Int
        /// The most arrays and objects in one document.
        package var maximumContainers: Int

        package init(maximumDepth: Int = 64, maximumContainers: Int = 100_000) {
            self.maximumDepth = maximumDepth
            self.maximumContainers = maximumContainers
        }

        /// The limits every body is read with unless a caller says otherwise.
        package static let `default` = Limits()
    }

    /// Why a document was refused.
    package enum Failure: Error, Sendable, Hashable {
        /// Not JSON; `offset` is the byte where reading stopped.
        case syntax(offset: Int, String)
        /// Nested deeper than ``Limits/maximumDepth``.
        case tooDeep
        /// More containers than ``Limits/maximumContainers``.
        case tooManyContainers
        /// An object names the same member twice (only when duplicates are refused).
        case duplicateMember

        /// A short description without any of the document's text.
        package var description: String {
            switch self {
            case .syntax(let offset, let what): "not valid JSON at byte \(offset): \(what)"
            case .tooDeep: "JSON nested deeper than the limit"
            case .tooManyContainers: "JSON with more arrays and objects than the limit"
            case .duplicateMember: "a JSON object names the same member twice"
            }
        }
    }

    private let bytes: ArraySlice<UInt8>
    private var index: Int
    private let limits: Limits
    private let rejectDuplicates: Bool
    private let acceptsOverflowingNumbers: Bool
    private var containers = 0

    private init(
        _ bytes: ArraySlice<UInt8>,
        limits: Limits,
        rejectDuplicates: Bool,
        acceptsOverflowingNumbers: Bool = false
    ) {
        self.bytes = bytes
        self.index = bytes.startIndex
        self.limits = limits
        self.rejectDuplicates = rejectDuplicates
        self.acceptsOverflowingNumbers = acceptsOverflowingNumbers
    }

    /// Reads one JSON document (any value, surrounded by optional whitespace).
    /// - Parameters:
    ///   - bytes: The document.
    ///   - limits: Depth and container limits.
    ///   - rejectDuplicates: Refuse objects that name a member twice (for tokens and signed wrappers, where an
    ///     ambiguous member must not be read one way here and another way elsewhere). Otherwise the last wins.
    ///   - acceptsOverflowingNumbers: Read a number too large for a `Double` (`1e999`) as an infinite
    ///     ``JSONValue/number(_:)`` instead of failing, so that a caller can refuse that one value and tell which
    ///     (the JOSE readers: an `exp` of `1e999` is an invalid claim, not an unreadable token).
    /// - Returns: The value.
    /// - Throws: ``Failure``.
    package static func parse(
        _ bytes: [UInt8],
        limits: Limits = .default,
        rejectDuplicates: Bool = false,
        acceptsOverflowingNumbers: Bool = false
    ) throws(Failure) -> JSONValue {
        try parse(
            bytes[...],
            limits: limits,
            rejectDuplicates: rejectDuplicates,
            acceptsOverflowingNumbers: acceptsOverflowingNumbers
        )
    }

    /// Reads one JSON document from a slice, without copying it, as the array form
    /// does; a syntax error's offset is an index of the slice's base array.
    package static func parse(
        _ bytes: ArraySlice<UInt8>,
        limits: Limits = .default,
        rejectDuplicates: Bool = false,
        acceptsOverflowingNumbers: Bool = false
    ) throws(Failure) -> JSONValue {
        var reader = JSONReader(
            bytes,
            limits: limits,
            rejectDuplicates: rejectDuplicates,
            acceptsOverflowingNumbers: acceptsOverflowingNumbers
        )
        reader.skipWhitespace()
        let value = try reader.readValue(depth: 0)
        reader.skipWhitespace()
        guard reader.index == bytes.endIndex else { throw reader.syntax("unexpected content after the value") }
        return value
    }

    /// Checks that `bytes` is one JSON document within the limits, without building it.
    /// - Throws: ``Failure``.
    package static func validate(_ bytes: [UInt8], limits: Limits = .default) throws(Failure) {
        var reader = JSONReader(bytes[...], limits: limits, rejectDuplicates: false)
        reader.skipWhitespace()
        try reader.skipValue(depth: 0)
        reader.skipWhitespace()
        guard reader.index == bytes.endIndex else { throw reader.syntax("unexpected content after the value") }
    }

    /// The members of a top-level object, each with the byte range of its value, in document order.
    ///
    /// For readers that need a member's exact bytes (R-Service's signed `data` claim) or only a few members (the
    /// `{"jwt": ...}` wrapper, an event-name probe) without building the rest.
    /// - Parameters:
    ///   - bytes: The document; it must be an object.
    ///   - limits: Depth and container limits, checked for the whole document.
    ///   - rejectDuplicates: Refuse a member named twice.
    ///   - acceptsOverflowingNumbers: Accept numbers too large for a `Double` (see
    ///     `parse(_:limits:rejectDuplicates:acceptsOverflowingNumbers:)`).
    /// - Returns: The members' decoded names and value ranges (indices of `bytes`).
    /// - Throws: ``Failure``.
    package static func topLevelMembers(
        _ bytes: [UInt8],
        limits: Limits = .default,
        rejectDuplicates: Bool = true,
        acceptsOverflowingNumbers: Bool = false
    ) throws(Failure) -> [(name: String, value: Range<Int>)] {
        var reader = JSONReader(
            bytes[...],
            limits: limits,
            rejectDuplicates: rejectDuplicates,
            acceptsOverflowingNumbers: acceptsOverflowingNumbers
        )
        reader.skipWhitespace()
        guard reader.peek == UInt8(ascii: "{") else { throw reader.syntax("expected an object") }
        reader.index += 1
        reader.containers = 1
        var members: [(name: String, value: Range<Int>)] = []
        var names = Set<[UInt8]>()
        reader.skipWhitespace()
        if reader.peek == UInt8(ascii: "}") {
            reader.index += 1
        } else {
            while true {
                reader.skipWhitespace()
                let nameBytes = try reader.readStringBytes()
                if rejectDuplicates && !names.insert(nameBytes).inserted { throw Failure.duplicateMember }
                reader.skipWhitespace()
                try reader.expect(UInt8(ascii: ":"))
                reader.skipWhitespace()
                let start = reader.index
                try reader.skipValue(depth: 1)
                members.append((String(decoding: nameBytes, as: UTF8.self), start..<reader.index))
                reader.skipWhitespace()
                if reader.peek == UInt8(ascii: ",") {
                    reader.index += 1
                    continue
                }
                try reader.expect(UInt8(ascii: "}"))
                break
            }
        }
        reader.skipWhitespace()
        guard reader.index == bytes.endIndex else { throw reader.syntax("unexpected content after the value") }
        return members
    }

    // MARK: Reading

    private var peek: UInt8? { index < bytes.endIndex ? bytes[index] : nil }

    private func syntax(_ what: String) -> Failure { .syntax(offset: index, what) }

    private mutating func expect(_ byte: UInt8) throws(Failure) {
        guard peek == byte else { throw syntax("expected '\(Character(Unicode.Scalar(byte)))'") }
        index += 1
    }

    private mutating func skipWhitespace() {
        while index < bytes.endIndex {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func enterContainer(depth: Int) throws(Failure) {
        guard depth < limits.maximumDepth else { throw .tooDeep }
        containers += 1
        guard containers <= limits.maximumContainers else { throw .tooManyContainers }
    }

    private mutating func readValue(depth: Int) throws(Failure) -> JSONValue {
        guard let byte = peek else { throw syntax("unexpected end of input") }
        switch byte {
        case UInt8(ascii: "{"):
            try enterContainer(depth: depth)
            index += 1
            var object: [String: JSONValue] = [:]
            skipWhitespace()
            if peek == UInt8(ascii: "}") {
                index += 1
                return .object(object)
            }
            while true {
                skipWhitespace()
                let name = String(decoding: try readStringBytes(), as: UTF8.self)
                skipWhitespace()
                try expect(UInt8(ascii: ":"))
                skipWhitespace()
                let value = try readValue(depth: depth + 1)
                if object.updateValue(value, forKey: name) != nil && rejectDuplicates { throw .duplicateMember }
                skipWhitespace()
                if peek == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                try expect(UInt8(ascii: "}"))
                return .object(object)
            }
        case UInt8(ascii: "["):
            try enterContainer(depth: depth)
            index += 1
            var array: [JSONValue] = []
            skipWhitespace()
            if peek == UInt8(ascii: "]") {
                index += 1
                return .array(array)
            }
            while true {
                skipWhitespace()
                array.append(try readValue(depth: depth + 1))
                skipWhitespace()
                if peek == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                try expect(UInt8(ascii: "]"))
                return .array(array)
            }
        case UInt8(ascii: "\""):
            return .string(String(decoding: try readStringBytes(), as: UTF8.self))
        case UInt8(ascii: "t"):
            try readLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try readLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try readLiteral("null")
            return .null
        default:
            return try readNumber()
        }
    }

    /// Skips one value, checking it as ``readValue(depth:)`` does, without building it.
    private mutating func skipValue(depth: Int) throws(Failure) {
        guard let byte = peek else { throw syntax("unexpected end of input") }
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let close = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            try enterContainer(depth: depth)
            index += 1
            skipWhitespace()
            if peek == close {
                index += 1
                return
            }
            while true {
                skipWhitespace()
                if close == UInt8(ascii: "}") {
                    _ = try readStringBytes()
                    skipWhitespace()
                    try expect(UInt8(ascii: ":"))
                    skipWhitespace()
                }
                try skipValue(depth: depth + 1)
                skipWhitespace()
                if peek == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                try expect(close)
                return
            }
        case UInt8(ascii: "\""):
            _ = try readStringBytes()
        case UInt8(ascii: "t"):
            try readLiteral("true")
        case UInt8(ascii: "f"):
            try readLiteral("false")
        case UInt8(ascii: "n"):
            try readLiteral("null")
        default:
            _ = try readNumber()
        }
    }

    private mutating func readLiteral(_ literal: StaticString) throws(Failure) {
        let count = literal.utf8CodeUnitCount
        guard bytes.endIndex - index >= count else { throw syntax("unexpected end of input") }
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        for offset in 0..<count where bytes[index + offset] != expected[offset] {
            throw syntax("invalid literal")
        }
        index += count
    }

    private mutating func readNumber() throws(Failure) -> JSONValue {
        let start = index
        var isInteger = true
        if peek == UInt8(ascii: "-") { index += 1 }
        guard let first = peek, first >= 0x30 && first <= 0x39 else { throw syntax("invalid value") }
        if first == 0x30 {
            index += 1
            if let next = peek, next >= 0x30 && next <= 0x39 { throw syntax("leading zero") }
        } else {
            while let digit = peek, digit >= 0x30 && digit <= 0x39 { index += 1 }
        }
        if peek == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard let digit = peek, digit >= 0x30 && digit <= 0x39 else { throw syntax("digit expected") }
            while let digit = peek, digit >= 0x30 && digit <= 0x39 { index += 1 }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            guard let digit = peek, digit >= 0x30 && digit <= 0x39 else { throw syntax("digit expected") }
            while let digit = peek, digit >= 0x30 && digit <= 0x39 { index += 1 }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let integer = Int64(text) {
            return .integer(integer)
        }
        guard let number = Double(text), number.isFinite || acceptsOverflowingNumbers else {
            throw syntax("number out of range")
        }
        return .number(number)
    }

    /// Reads a string token (the opening quote at `index`) and returns its decoded UTF-8 bytes.
    private mutating func readStringBytes() throws(Failure) -> [UInt8] {
        guard peek == UInt8(ascii: "\"") else { throw syntax("expected a string") }
        index += 1
        var out: [UInt8] = []
        while true {
            // Copy the run of plain bytes up to the next quote, backslash or control character at once.
            let runStart = index
            while index < bytes.endIndex {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { break }
                index += 1
            }
            out.append(contentsOf: bytes[runStart..<index])
            guard let byte = peek else { throw syntax("unterminated string") }
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return out
            case UInt8(ascii: "\\"):
                index += 1
                try readEscape(into: &out)
            case 0x80...:
                try readMultiByte(into: &out)
            default:
                throw syntax("control character in a string")
            }
        }
    }

    private mutating func readEscape(into out: inout [UInt8]) throws(Failure) {
        guard let byte = peek else { throw syntax("unterminated escape") }
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(byte)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try readHex4()
            if (0xD800..<0xDC00).contains(scalar) {
                guard peek == UInt8(ascii: "\\"), index + 1 < bytes.endIndex, bytes[index + 1] == UInt8(ascii: "u")
                else { throw syntax("unpaired surrogate") }
                index += 2
                let low = try readHex4()
                guard (0xDC00..<0xE000).contains(low) else { throw syntax("unpaired surrogate") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(scalar) {
                throw syntax("unpaired surrogate")
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw syntax("invalid escape") }
            out.append(contentsOf: UTF8.encode(unicode)!)
        default:
            throw syntax("invalid escape")
        }
    }

    private mutating func readHex4() throws(Failure) -> UInt32 {
        guard bytes.endIndex - index >= 4 else { throw syntax("unterminated escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw syntax("invalid escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// Copies one well-formed UTF-8 sequence of two to four bytes (no overlong forms, no surrogates).
    private mutating func readMultiByte(into out: inout [UInt8]) throws(Failure) {
        let lead = bytes[index]
        let count: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: count = 2
        case 0xE0:
            count = 3
            lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: count = 3
        case 0xED:
            count = 3
            upper = 0x9F
        case 0xF0:
            count = 4
            lower = 0x90
        case 0xF1...0xF3: count = 4
        case 0xF4:
            count = 4
            upper = 0x8F
        default: throw syntax("invalid UTF-8")
        }
        guard bytes.endIndex - index >= count else { throw syntax("invalid UTF-8") }
        let second = bytes[index + 1]
        guard second >= lower && second <= upper else { throw syntax("invalid UTF-8") }
        for offset in 2..<max(2, count) where bytes[index + offset] & 0xC0 != 0x80 {
            throw syntax("invalid UTF-8")
        }
        out.append(contentsOf: bytes[index..<index + count])
        index += count
    }
}
