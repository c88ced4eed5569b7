import Foundation
import WebhookCore

// Generic helpers between JSONValue and Codable models. Candidates for WebhookCore.

extension JSONValue {
    /// The value decoded as a model, or `nil` when it does not have that shape.
    func decoded<T: Decodable>(as type: T.Type) -> T? {
        guard let data = try? JSONEncoder().encode(self) else { return nil }
        return try? JSONDecoder().decode(T.self, from: data)
    }

    /// A model turned into a JSON value, or `nil` when it cannot be encoded.
    init?(encoding value: some Encodable) {
        guard let data = try? JSONEncoder().encode(value),
            let json = try? JSONDecoder().decode(JSONValue.self, from: data)
        else { return nil }
        self = json
    }
}
