import Foundation
import WebhookKit

/// One whole request in the signed-sample-request format of `Fixtures/<vendor>/requests/<name>.json`:
///
/// ```json
/// {"description": "...", "method": "POST", "url": "https://receiver.example.com/path?query",
///  "headers": [["Name", "value"]], "body": "<exact body text>", "now": 1700000000,
///  "eventName": "page_created", "expect": {"result": "verified", "event": "page_created"}}
/// ```
///
/// `sign` prints this format (without `description` and `expect`); `verify --request` and `check` read it.
struct RequestFile: Codable {
    /// What the expected outcome is.
    struct Expectation: Codable {
        /// `verified` or `rejected`.
        var result: String
        /// The event name a verified request decodes to, when given.
        var event: String?
        /// The error code of a rejected request, when given.
        var code: String?
    }

    var description: String?
    /// Confluence: `hmac` or `connect`, when the file says which mode it is for.
    var mode: String?
    var method: String?
    var url: String
    var headers: [[String]]?
    /// The exact body text; the bytes verified are its UTF-8.
    var body: String
    /// The UNIX time to verify at.
    var now: Double?
    /// The event name known from outside the body (Confluence Cloud).
    var eventName: String?
    var expect: Expectation?

    /// Reads a request file.
    /// - Throws: ``ToolFailure/usage(_:)`` when it cannot be read or is not in this format.
    static func read(_ path: String) throws(ToolFailure) -> RequestFile {
        let bytes = try readInput(path)
        do {
            return try JSONDecoder().decode(RequestFile.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw .usage("'\(path)' is not a request file: \(WebhookJSON.describe(error))")
        } catch {
            throw .usage("'\(path)' is not a request file")
        }
    }

    /// The request it describes.
    /// - Throws: ``ToolFailure/usage(_:)`` for a header entry that is not a name-value pair.
    func request() throws(ToolFailure) -> WebhookRequest {
        var fields = WebhookHeaders()
        for pair in headers ?? [] {
            guard pair.count == 2 else {
                throw .usage("a header entry must be [\"Name\", \"value\"], not \(pair)")
            }
            fields.add(name: pair[0], value: pair[1])
        }
        return WebhookRequest(method: method ?? "POST", target: url, headers: fields, body: Array(body.utf8))
    }

    /// The JSON object `sign` prints for a request.
    /// - Throws: ``ToolFailure/usage(_:)`` when the body is not UTF-8 (the format holds text bodies only).
    static func summary(of request: WebhookRequest, eventName: String?, now: Double) throws(ToolFailure) -> [String:
        Any?]
    {
        guard let body = String(validating: request.body, as: UTF8.self) else {
            throw .usage("the body is not UTF-8 text, which the request format cannot hold")
        }
        var object: [String: Any?] = [
            "method": request.method,
            "url": request.target,
            "headers": request.headers.map { [$0.name, $0.value] as [Any?] },
            "body": body,
            "now": Int64(exactly: now).map { Int($0) as Any } ?? now,
        ]
        if let eventName {
            object["eventName"] = eventName
        }
        return object
    }
}
