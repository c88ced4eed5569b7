import Foundation
import WebhookCore
import WebhookRegistry

// Generic helpers between JSONValue and Codable models. Candidates for WebhookCore.

extension JSONValue {
    /// Decodes the value as a model.
    ///
    /// - Parameters:
    ///   - type: The model type.
    ///   - path: Where the value sits in the body (`$.resource`), used in the error's reason.
    ///   - vendor: The vendor, for the error.
    /// - Throws: `WebhookError` with code `invalidPayload` whose reason names the bad field's full path.
    func decode<T: Decodable>(as type: T.Type, path: String, vendor: WebhookVendor) throws(WebhookError) -> T {
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
}
