import WebhookCore

/// How R-Service's JSON is read where a value's exact bytes matter: the `{"jwt": ...}` wrapper, the token's `data`
/// claim, a message's `event` name.
///
/// It is `JSONReader.topLevelMembers(_:limits:rejectDuplicates:acceptsOverflowingNumbers:)`, which validates the
/// whole document (RFC 8259 grammar, UTF-8, nesting depth) before it gives any range, so a range is only used from a
/// document that every conforming parser reads the same way. Members named twice are kept, so that each caller can
/// refuse an ambiguous member; names are compared as bytes after unescaping (`"d\u0061ta"` is `data`).
package enum RServiceJSON {
    /// One top-level member: its unescaped name and the range of its value (without surrounding whitespace; a
    /// string's range includes its quotes).
    package typealias Member = (name: String, value: Range<Int>)

    /// Nesting up to 256 levels; no limit on the number of containers, which the body size bounds.
    static let limits = JSONReader.Limits(maximumDepth: 256, maximumContainers: .max)

    /// The members of `bytes` in document order, or nil unless it is exactly one valid JSON object.
    package static func members(of bytes: [UInt8]) -> [Member]? {
        try? JSONReader.topLevelMembers(bytes, limits: limits, rejectDuplicates: false, acceptsOverflowingNumbers: true)
    }

    /// The first member named `name`, and how many members have that name.
    package static func first(named name: String, in members: [Member]) -> (member: Member?, count: Int) {
        var first: Member?
        var count = 0
        for member in members where member.name.utf8.elementsEqual(name.utf8) {
            if first == nil { first = member }
            count += 1
        }
        return (first, count)
    }

    /// The first byte of a value: `{`, `[`, `"`, `-` or a digit, or a literal's first letter.
    static func lead(of member: Member, in bytes: [UInt8]) -> UInt8 {
        bytes[member.value.lowerBound]
    }

    /// Whether the value is a number.
    package static func isNumber(_ member: Member, in bytes: [UInt8]) -> Bool {
        let byte = lead(of: member, in: bytes)
        return byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// The bytes between a string value's quotes, and whether they hold a backslash escape; nil for any other value.
    static func string(_ member: Member, in bytes: [UInt8]) -> (text: ArraySlice<UInt8>, hasEscapes: Bool)? {
        guard lead(of: member, in: bytes) == UInt8(ascii: "\"") else { return nil }
        let text = bytes[(member.value.lowerBound + 1)..<(member.value.upperBound - 1)]
        return (text, text.contains(UInt8(ascii: "\\")))
    }
}
