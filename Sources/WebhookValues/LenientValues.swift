/// An identifier that vendors send as a JSON number or as a string.
///
/// It keeps the form it arrived in, so encoding gives back the same JSON.
public struct FlexibleID: Sendable, Hashable, Codable, CustomStringConvertible, ExpressibleByIntegerLiteral,
    ExpressibleByStringLiteral
{
    /// The identifier as text, whichever form it arrived in.
    public let stringValue: String
    /// Whether it arrived as a JSON number.
    public let isNumeric: Bool

    /// Creates an identifier from a number.
    public init(_ value: Int64) {
        stringValue = String(value)
        isNumeric = true
    }

    /// Creates an identifier from a string.
    public init(_ value: String) {
        stringValue = value
        isNumeric = false
    }

    public init(integerLiteral value: Int64) {
        self.init(value)
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// The identifier as an integer, when it is one (either form).
    public var intValue: Int64? { Int64(stringValue) }

    public var description: String { stringValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int64.self) {
            self.init(number)
        } else if let string = try? container.decode(String.self) {
            self.init(string)
        } else {
            throw DecodingError.typeMismatch(
                FlexibleID.self,
                .init(codingPath: decoder.codingPath, debugDescription: "expected an integer or a string id")
            )
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if isNumeric, let number = Int64(stringValue) {
            try container.encode(number)
        } else {
            try container.encode(stringValue)
        }
    }

    /// Equal when the text is equal: `12` and `"12"` name the same record.
    public static func == (lhs: FlexibleID, rhs: FlexibleID) -> Bool {
        lhs.stringValue == rhs.stringValue
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(stringValue)
    }
}

/// A Boolean that vendors send as `true`/`false` or as the strings `"true"`/`"false"`.
///
/// It keeps the form it arrived in, so encoding gives back the same JSON.
public struct FlexibleBool: Sendable, Hashable, Codable, CustomStringConvertible, ExpressibleByBooleanLiteral {
    /// The value.
    public let value: Bool
    /// Whether it arrived as a string.
    public let wasString: Bool

    /// Creates a value that encodes as a JSON Boolean.
    public init(_ value: Bool) {
        self.value = value
        wasString = false
    }

    public init(booleanLiteral value: Bool) {
        self.init(value)
    }

    public var description: String { String(value) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let bool = try? container.decode(Bool.self) {
            value = bool
            wasString = false
            return
        }
        if let string = try? container.decode(String.self) {
            switch string.lowercased() {
            case "true":
                value = true
            case "false":
                value = false
            default:
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "expected true, false, \"true\" or \"false\""
                )
            }
            wasString = true
            return
        }
        throw DecodingError.typeMismatch(
            FlexibleBool.self,
            .init(codingPath: decoder.codingPath, debugDescription: "expected a Boolean or \"true\"/\"false\"")
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if wasString {
            try container.encode(value ? "true" : "false")
        } else {
            try container.encode(value)
        }
    }

    /// Equal when the values are equal, whatever form they arrived in.
    public static func == (lhs: FlexibleBool, rhs: FlexibleBool) -> Bool {
        lhs.value == rhs.value
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(value)
    }
}
