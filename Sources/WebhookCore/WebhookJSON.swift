package import Foundation

/// JSON decoding and encoding with this package's error conventions.
package enum WebhookJSON {
    /// Decodes a JSON object body into a model.
    ///
    /// - Parameters:
    ///   - type: The model type.
    ///   - bytes: The exact body bytes (never re-encoded).
    ///   - vendor: The vendor, for the error.
    /// - Returns: The decoded model.
    /// - Throws: ``WebhookError`` with ``WebhookError/Code/malformedBody`` for an empty body, invalid JSON or a
    ///   top-level value that is not an object, and ``WebhookError/Code/invalidPayload`` naming the field's path
    ///   for a field of the wrong type or a missing required field.
    package static func decode<T: Decodable>(
        _ type: T.Type,
        from bytes: some DataProtocol,
        vendor: WebhookVendor? = nil
    ) throws(WebhookError) -> T {
        let data = Data(bytes)
        try requireObject(data, vendor: vendor)
        // Foundation's decoder is not linear on every shape; the byte reader checks the document and its depth
        // and container limits first, in one linear pass, so no body reaches it unbounded.
        try validate(Array(data), vendor: vendor)
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw WebhookError(
                error.isSyntaxError ? .malformedBody : .invalidPayload,
                describe(error),
                vendor: vendor
            )
        } catch {
            throw WebhookError(.malformedBody, "body is not valid JSON", vendor: vendor)
        }
    }

    /// Decodes any JSON object body into a ``JSONValue``, with the package's byte reader: linear in the input,
    /// at most 64 levels deep and 100 000 arrays and objects.
    /// - Throws: ``WebhookError`` with ``WebhookError/Code/malformedBody`` for an empty body, invalid JSON, a
    ///   top-level value that is not an object, or a document over the limits.
    package static func value(from bytes: some DataProtocol, vendor: WebhookVendor? = nil) throws(WebhookError)
        -> JSONValue
    {
        let array = Array(bytes)
        try requireObject(Data(array), vendor: vendor)
        do {
            return try JSONReader.parse(array)
        } catch {
            throw WebhookError(.malformedBody, error.description, vendor: vendor)
        }
    }

    /// Throws ``WebhookError/Code/malformedBody`` unless the bytes are one JSON document within the reader's
    /// limits.
    static func validate(_ bytes: [UInt8], vendor: WebhookVendor?) throws(WebhookError) {
        do {
            try JSONReader.validate(bytes)
        } catch {
            throw WebhookError(.malformedBody, error.description, vendor: vendor)
        }
    }

    /// Encodes a model with sorted keys (stable output for tests and the command-line tool).
    package static func encode(_ value: some Encodable) throws(WebhookError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(value))
        } catch {
            throw WebhookError(.invalidPayload, "value cannot be encoded as JSON")
        }
    }

    /// Throws ``WebhookError/Code/malformedBody`` unless the first non-space byte opens a JSON object.
    static func requireObject(_ data: Data, vendor: WebhookVendor?) throws(WebhookError) {
        let first = data.first { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }
        guard let first else {
            throw WebhookError(.malformedBody, "body is empty", vendor: vendor)
        }
        guard first == UInt8(ascii: "{") else {
            throw WebhookError(
                .malformedBody,
                "body is not a JSON object",
                vendor: vendor
            )
        }
    }

    /// A readable description of a decoding error that names the path of the bad field.
    package static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            guard !codingPath.isEmpty else { return "$" }
            return "$"
                + codingPath.map { key in
                    key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)"
                }.joined()
        }
        switch error {
        case .typeMismatch(let type, let context):
            return "wrong type at \(path(context.codingPath)): expected \(type)"
        case .valueNotFound(let type, let context):
            return "null at \(path(context.codingPath)): expected \(type)"
        case .keyNotFound(let key, let context):
            return "missing field at \(path(context.codingPath + [key]))"
        case .dataCorrupted(let context):
            if error.isSyntaxError { return "body is not valid JSON" }
            return "invalid value at \(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "body cannot be decoded"
        }
    }
}

extension DecodingError {
    /// True when the bytes are not JSON at all (as opposed to JSON of the wrong shape).
    var isSyntaxError: Bool {
        if case .dataCorrupted(let context) = self, context.codingPath.isEmpty {
            return true
        }
        return false
    }
}
