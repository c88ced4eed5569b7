/// HTTP header fields as they arrived: names compared case-insensitively, repeated names kept in order.
public struct WebhookHeaders: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// One header field.
    public struct Field: Sendable, Hashable {
        /// The name as sent.
        public var name: String
        /// The value as sent.
        public var value: String

        /// Creates a field.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    private var fields: [Field]

    /// Creates an empty header list.
    package init() {
        fields = []
    }

    /// Creates a header list from fields in arrival order.
    package init(_ fields: [Field]) {
        self.fields = fields
    }

    /// Creates a header list from name-value pairs in arrival order.
    public init(_ pairs: [(String, String)]) {
        fields = pairs.map { Field(name: $0.0, value: $0.1) }
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }

    /// Appends a field, keeping any earlier field of the same name.
    public mutating func add(name: String, value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// Replaces every field of that name with one field.
    package mutating func replaceOrAdd(name: String, value: String) {
        fields.removeAll { Self.namesMatch($0.name, name) }
        fields.append(Field(name: name, value: value))
    }

    /// The first value of the named header, compared case-insensitively.
    public subscript(name: String) -> String? {
        first(name)
    }

    /// The first value of the named header, compared case-insensitively.
    public func first(_ name: String) -> String? {
        for field in fields where Self.namesMatch(field.name, name) {
            return field.value
        }
        return nil
    }

    /// Every value of the named header, in arrival order.
    public func values(_ name: String) -> [String] {
        // One pass, and an array only when a field matches (verifiers ask for each of their headers per request).
        var values: [String] = []
        for field in fields where Self.namesMatch(field.name, name) {
            values.append(field.value)
        }
        return values
    }

    /// How often a header appears: for one that must not be repeated.
    package enum Occurrence: Sendable, Hashable {
        /// The header is not there.
        case absent
        /// The header appears once, with this value.
        case once(String)
        /// The header appears more than once.
        case repeated
    }

    /// The named header, compared case-insensitively, for a header that must appear at most once; unlike
    /// ``values(_:)`` it builds no array.
    /// - Parameter name: The header name.
    /// - Returns: Whether it is absent, its value when it appears once, or `repeated`.
    package func occurrence(of name: String) -> Occurrence {
        var found: String?
        for field in fields where Self.namesMatch(field.name, name) {
            guard found == nil else { return .repeated }
            found = field.value
        }
        return found.map(Occurrence.once) ?? .absent
    }

    /// Whether a header of that name is present.
    package func contains(_ name: String) -> Bool {
        first(name) != nil
    }

    /// The number of fields.
    package var count: Int { fields.count }

    public func makeIterator() -> IndexingIterator<[Field]> {
        fields.makeIterator()
    }

    /// ASCII case-insensitive comparison of header names, without allocating.
    static func namesMatch(_ lhs: String, _ rhs: String) -> Bool {
        // Names of different lengths never match (a native string knows its UTF-8 count without a scan).
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        var lhs = lhs
        var rhs = rhs
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                for index in left.indices where left[index] != right[index] {
                    guard lowercased(left[index]) == lowercased(right[index]) else { return false }
                }
                return true
            }
        }
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
    }
}
