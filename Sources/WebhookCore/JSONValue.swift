import Foundation

/// Any JSON value, for content this package does not model (unknown events, free-form payloads).
///
/// Integers and other numbers are kept apart, so an encode-decode round trip gives back the same value.
public enum JSONValue: Sendable, Hashable, Codable, CustomStringConvertible {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let integer = try? container.decode(Int64.self) {
            self = .integer(integer)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let array = try? container.decode([JSONValue].self) {
            self = .array(array)
        } else if let object = try? container.decode([String: JSONValue].self) {
            self = .object(object)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a JSON value")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The member of an object, or `nil`.
    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// The element of an array, or `nil` when out of range.
    public subscript(index: Int) -> JSONValue? {
        if case .array(let array) = self, array.indices.contains(index) { return array[index] }
        return nil
    }

    /// The string, when this is one.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The integer, when this is an integer (or a number with no fraction).
    public var integerValue: Int64? {
        switch self {
        case .integer(let value): value
        case .number(let value) where value.rounded() == value && abs(value) < 9.2e18: Int64(value)
        default: nil
        }
    }

    /// The number, when this is any number.
    public var doubleValue: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        default: nil
        }
    }

    /// The Boolean, when this is one.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The members, when this is an object.
    public var objectValue: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The elements, when this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// Whether this is `null`.
    public var isNull: Bool { self == .null }

    public var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): String(value)
        case .integer(let value): String(value)
        case .number(let value): String(value)
        case .string(let value): "\"\(value)\""
        case .array(let value): "[" + value.map(\.description).joined(separator: ",") + "]"
        case .object(let value):
            "{" + value.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",") + "}"
        }
    }
}

extension JSONValue {
    /// Decodes the value as a model (by encoding it and decoding the JSON text with `JSONDecoder`).
    /// - Parameters:
    ///   - type: The model type.
    ///   - path: Where the value sits in the body (`$.resource`), used in the error's reason.
    ///   - vendor: The vendor, for the error.
    /// - Throws: ``WebhookError/Code/invalidPayload`` whose reason names the bad field's full path.
    package func decode<T: Decodable>(
        as type: T.Type,
        path: String,
        vendor: WebhookVendor?
    ) throws(WebhookError) -> T {
        let data: Data
        do {
            data = try JSONEncoder().encode(self)
        } catch {
            throw WebhookError(.invalidPayload, "value at \(path) cannot be re-encoded", vendor: vendor)
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            let reason = WebhookJSON.describe(error).replacingOccurrences(of: " at $", with: " at \(path)")
            throw WebhookError(.invalidPayload, reason, vendor: vendor)
        } catch {
            throw WebhookError(.invalidPayload, "value at \(path) cannot be decoded", vendor: vendor)
        }
    }

    /// The value decoded as a model, or `nil` when it does not have that shape.
    package func decoded<T: Decodable>(as type: T.Type) -> T? {
        try? decode(as: type, path: "$", vendor: nil)
    }

    /// A model turned into a JSON value, or `nil` when it cannot be encoded.
    package init?(encoding value: some Encodable) {
        guard let data = try? JSONEncoder().encode(value),
            let json = try? JSONDecoder().decode(JSONValue.self, from: data)
        else { return nil }
        self = json
    }
}
