import Foundation
import Testing
import WebhookCore

@Suite("JSONReader: strict, bounded, and the same as Foundation")
struct JSONReaderTests {
    static func parse(_ text: String) throws(JSONReader.Failure) -> JSONValue {
        try JSONReader.parse(Array(text.utf8))
    }

    @Test(arguments: [
        #"{}"#, #"[]"#, #"0"#, #"-0"#, #"1.5e-3"#, #"1E+2"#, #""""#, #"" \u00e9\ud83d\ude00\/""#,
        #" {"a" : [1 , 2] } "#,
        #"true"#, #"null"#, #"9223372036854775807"#, #"9223372036854775808"#, #"[[[]]]"#, "\"\u{E9}\u{1F600}\"",
    ])
    func acceptsValidJSON(text: String) throws {
        _ = try Self.parse(text)
        try JSONReader.validate(Array(text.utf8))
    }

    @Test(arguments: [
        "", " ", "{", "[1,]", #"{"a":1,}"#, "01", "-01", "1.", ".1", "-", "1e", "1e+", "+1", "NaN", "Infinity",
        "nul", "tru", #""abc"#, "\"a\u{01}b\"", #""\x""#, #""\u12""#, #""\ud800""#, #""\udc00""#, #""\ud800\u0041""#,
        "[1 2]", #"{"a" 1}"#, #"{1:2}"#, "{}{}", "1e999", "[1]x",
    ])
    func rejectsInvalidJSON(text: String) {
        #expect(throws: JSONReader.Failure.self) { try Self.parse(text) }
        #expect(throws: JSONReader.Failure.self) { try JSONReader.validate(Array(text.utf8)) }
    }

    @Test(
        arguments: [
            [0x22, 0xC0, 0x80, 0x22],  // overlong NUL
            [0x22, 0xED, 0xA0, 0x80, 0x22],  // an encoded surrogate
            [0x22, 0xF5, 0x80, 0x80, 0x80, 0x22],  // beyond U+10FFFF
            [0x22, 0xE2, 0x82, 0x22],  // truncated sequence
            [0x22, 0x80, 0x22],  // a lone continuation byte
            [0x22, 0xF0, 0x8F, 0xBF, 0xBF, 0x22],  // overlong four-byte form
        ] as [[UInt8]]
    )
    func rejectsInvalidUTF8InsteadOfReplacingIt(bytes: [UInt8]) {
        #expect(throws: JSONReader.Failure.self) { try JSONReader.parse(bytes) }
    }

    @Test func readsValuesExactly() throws {
        let value = try Self.parse(#"{"s":"a\"b\n\u00e9","i":-42,"d":2.5,"b":false,"n":null,"a":[1,"x"],"big":1e300}"#)
        #expect(value["s"] == .string("a\"b\n\u{E9}"))
        #expect(value["i"] == .integer(-42))
        #expect(value["d"] == .number(2.5))
        #expect(value["b"] == .bool(false))
        #expect(value["n"] == .null)
        #expect(value["a"] == .array([.integer(1), .string("x")]))
        #expect(value["big"] == .number(1e300))
    }

    @Test func depthAndContainerLimitsHold() throws {
        let limits = JSONReader.Limits(maximumDepth: 4, maximumContainers: 10)
        _ = try JSONReader.parse(Array("[[[[]]]]".utf8), limits: limits)
        #expect(throws: JSONReader.Failure.tooDeep) { try JSONReader.parse(Array("[[[[[]]]]]".utf8), limits: limits) }
        #expect(throws: JSONReader.Failure.tooDeep) {
            try JSONReader.validate(Array("[[[[[]]]]]".utf8), limits: limits)
        }
        let eleven = "[" + Array(repeating: "[]", count: 10).joined(separator: ",") + "]"
        #expect(throws: JSONReader.Failure.tooManyContainers) {
            try JSONReader.parse(Array(eleven.utf8), limits: limits)
        }
        // The default limits: 64 levels.
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(throws: JSONReader.Failure.tooDeep) { try JSONReader.parse(Array(deep.utf8)) }
        // A million nested openers is refused at the limit, without recursing further.
        let hostile = [UInt8](repeating: UInt8(ascii: "["), count: 1 << 20)
        #expect(throws: JSONReader.Failure.tooDeep) { try JSONReader.validate(hostile) }
    }

    @Test func duplicateMembersAreRefusedWhenAsked() throws {
        let text = Array(#"{"a":1,"a":2}"#.utf8)
        #expect(try JSONReader.parse(text)["a"] == .integer(2))
        #expect(throws: JSONReader.Failure.duplicateMember) { try JSONReader.parse(text, rejectDuplicates: true) }
        // Escaped and plain spellings of one name are the same member.
        let escaped = Array(#"{"a":1,"\u0061":2}"#.utf8)
        #expect(throws: JSONReader.Failure.duplicateMember) { try JSONReader.topLevelMembers(escaped) }
    }

    @Test func topLevelMembersGiveTheExactValueBytes() throws {
        let text = Array(#" {"jwt" : "a.b.c", "data":{"x": [1, 2]} } "#.utf8)
        let members = try JSONReader.topLevelMembers(text)
        #expect(members.map(\.name) == ["jwt", "data"])
        #expect(String(decoding: text[members[0].value], as: UTF8.self) == #""a.b.c""#)
        #expect(String(decoding: text[members[1].value], as: UTF8.self) == #"{"x": [1, 2]}"#)
        #expect(throws: JSONReader.Failure.self) { try JSONReader.topLevelMembers(Array("[1]".utf8)) }
    }

    // MARK: Differential: the reader against Foundation's JSONSerialization

    /// A small deterministic generator (SplitMix64), so a failure can be reproduced from its seed.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    static func randomString(_ generator: inout Generator) -> String {
        let pieces = [
            "a", "Z", "0", " ", "\u{E9}", "\u{1F600}", "\\\"", "\\\\", "\\n", "\\u00e9", "\\ud83d\\ude00", "\\/",
            "\u{4E2D}", "\\t",
        ]
        return (0..<generator.below(6)).map { _ in pieces[generator.below(pieces.count)] }.joined()
    }

    static func randomDocument(_ generator: inout Generator, depth: Int = 0) -> String {
        let space = [" ", "", "\n", "\t", ""][generator.below(5)]
        switch depth > 3 ? generator.below(5) : generator.below(7) {
        case 0: return "null"
        case 1: return generator.below(2) == 0 ? "true" : "false"
        case 2: return String(Int64(bitPattern: generator.next()) >> UInt64(generator.below(60)))
        case 3: return ["0.5", "-1.25e3", "3E-2", "-0.0", "123456.789"][generator.below(5)]
        case 4: return "\"" + randomString(&generator) + "\""
        case 5:
            let items = (0..<generator.below(4)).map { _ in randomDocument(&generator, depth: depth + 1) }
            return "[" + space + items.joined(separator: "," + space) + "]"
        default:
            let items = (0..<generator.below(4)).map { index in
                "\"k\(index)" + randomString(&generator) + "\"" + space + ":"
                    + randomDocument(&generator, depth: depth + 1)
            }
            return "{" + items.joined(separator: ",") + space + "}"
        }
    }

    /// Foundation's value, in the reader's terms.
    static func convert(_ object: Any) -> JSONValue? {
        switch object {
        case is NSNull: return .null
        case let string as String: return .string(string)
        case let array as [Any]:
            let items = array.compactMap(convert)
            return items.count == array.count ? .array(items) : nil
        case let dictionary as [String: Any]:
            var out: [String: JSONValue] = [:]
            for (key, value) in dictionary {
                guard let converted = convert(value) else { return nil }
                out[key] = converted
            }
            return .object(out)
        case let number as NSNumber:
            switch String(cString: number.objCType) {
            case "c": return .bool(number.boolValue)
            case "q", "l", "i", "s": return .integer(number.int64Value)
            default: return .number(number.doubleValue)
            }
        default: return nil
        }
    }

    /// Compares numbers by value, whatever their representation.
    static func same(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.array(let left), .array(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { same($0, $1) }
        case (.object(let left), .object(let right)):
            return left.count == right.count
                && left.allSatisfy { key, value in right[key].map { same(value, $0) } ?? false }
        case (.integer(let left), .integer(let right)):
            return left == right
        case (.integer(let left), .number(let right)) where left.magnitude > 1 << 53:
            // Foundation reads integers beyond 2^53 as a Double, not always the nearest one; ours is exact.
            return abs(Double(left) - right) <= abs(right) * 1e-15
        default:
            if let left = lhs.doubleValue, let right = rhs.doubleValue { return left == right }
            return lhs == rhs
        }
    }

    @Test func generatedDocumentsReadAsFoundationReadsThem() throws {
        var generator = Generator(state: 20_261_203)
        for round in 0..<2_000 {
            let text = Self.randomDocument(&generator)
            let bytes = Array(text.utf8)
            let ours = try JSONReader.parse(bytes)
            let theirs = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            let converted = try #require(Self.convert(theirs), "round \(round)")
            #expect(Self.same(ours, converted), "round \(round): \(text)")
        }
    }

    /// Whether a `,` is followed (after whitespace) by `]` or `}`, outside strings.
    static func hasTrailingComma(_ bytes: [UInt8]) -> Bool {
        var inString = false
        var escaped = false
        var lastSignificant: UInt8 = 0
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "]"), UInt8(ascii: "}"): if lastSignificant == UInt8(ascii: ",") { return true }
            default: break
            }
            lastSignificant = byte
        }
        return false
    }

    @Test func mutatedDocumentsGetTheSameDecision() {
        var generator = Generator(state: 7)
        let alphabet: [UInt8] = Array(#"{}[],:"\0123456789.eE+-tfnul ux"#.utf8) + [0x01, 0x80, 0xC3, 0xE9, 0xFF]
        var disagreements: [String] = []
        for _ in 0..<3_000 {
            var bytes = Array(Self.randomDocument(&generator).utf8)
            for _ in 0..<(1 + generator.below(2)) {
                let position = generator.below(bytes.count + 1)
                switch generator.below(3) {
                case 0 where position < bytes.count: bytes.remove(at: position)
                case 1 where position < bytes.count: bytes[position] = alphabet[generator.below(alphabet.count)]
                default: bytes.insert(alphabet[generator.below(alphabet.count)], at: position)
                }
            }
            let ours = (try? JSONReader.parse(bytes)) != nil
            let theirs = (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) != nil
            // Foundation accepts a comma before a closing bracket; RFC 8259 does not, and neither do we.
            if ours != theirs && !(theirs && Self.hasTrailingComma(bytes)) {
                disagreements.append("\(ours ? "we accept" : "we refuse"): \(bytes)")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    }
}

@Suite("JSONReader options for the JOSE readers")
struct JSONReaderJOSEOptionTests {
    @Test func overflowingNumbersAreRefusedUnlessAccepted() throws {
        #expect(throws: JSONReader.Failure.self) { try JSONReader.parse(Array(#"{"exp":1e999}"#.utf8)) }
        let value = try JSONReader.parse(Array(#"{"exp":1e999,"nbf":-1e999}"#.utf8), acceptsOverflowingNumbers: true)
        #expect(value["exp"]?.doubleValue == .infinity)
        #expect(value["nbf"]?.doubleValue == -.infinity)
        let members = try JSONReader.topLevelMembers(Array(#"{"a":1e999}"#.utf8), acceptsOverflowingNumbers: true)
        #expect(members.map(\.name) == ["a"])
        #expect(throws: JSONReader.Failure.self) { try JSONReader.topLevelMembers(Array(#"{"a":1e999}"#.utf8)) }
    }

    @Test func aSliceIsReadInPlaceWithOffsetsOfItsBase() throws {
        let document = Array(#"{"jwt":{"a":[1,"x"]},"b":"\u00e9"}"#.utf8)
        let members = try JSONReader.topLevelMembers(document)
        let jwt = try #require(members.first { $0.name == "jwt" })
        #expect(try JSONReader.parse(document[jwt.value]) == .object(["a": .array([.integer(1), .string("x")])]))
        let b = try #require(members.first { $0.name == "b" })
        #expect(try JSONReader.parse(document[b.value]) == .string("é"))
        // A slice ends where it ends: a value cut short is refused, and the offset is the base array's.
        let cut = document[jwt.value.lowerBound..<(jwt.value.upperBound - 1)]
        #expect(throws: JSONReader.Failure.syntax(offset: jwt.value.upperBound - 1, "expected '}'")) {
            try JSONReader.parse(cut)
        }
    }
}
