import WebhookCore

/// A Confluence string value from an open set (account types, content types, statuses).
///
/// A value this version does not list is still valid: decoding never fails on a new vendor value, and
/// encoding gives back the same string.
public protocol ConfluenceOpenValue: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
where RawValue == String {
    /// Creates a value from the string Confluence sends.
    init(rawValue: String)
}

extension ConfluenceOpenValue {
    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A coding key for any member name, used to keep the members a model does not type.
struct ConfluenceAnyKey: CodingKey {
    let stringValue: String
    let intValue: Int? = nil

    init(_ name: String) {
        stringValue = name
    }

    init?(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        nil
    }
}

/// Reads and writes the members of a JSON object that a model does not type, so nothing is lost.
enum ConfluenceAdditionalFields {
    /// The members of the decoder's object whose names are not in `known`.
    static func decode(from decoder: any Decoder, known: Set<String>) throws -> [String: JSONValue] {
        let container = try decoder.container(keyedBy: ConfluenceAnyKey.self)
        var fields: [String: JSONValue] = [:]
        for key in container.allKeys where !known.contains(key.stringValue) {
            fields[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
        }
        return fields
    }

    /// Writes the members whose names are not in `known` (a typed member always wins).
    static func encode(_ fields: [String: JSONValue], to encoder: any Encoder, known: Set<String>) throws {
        guard !fields.isEmpty else { return }
        var container = encoder.container(keyedBy: ConfluenceAnyKey.self)
        for (name, value) in fields where !known.contains(name) {
            try container.encode(value, forKey: ConfluenceAnyKey(name))
        }
    }
}

extension CaseIterable where Self: CodingKey {
    /// The wire names of all keys.
    static var wireNames: Set<String> { Set(allCases.map(\.stringValue)) }
}
