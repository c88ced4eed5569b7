import Foundation

/// One incoming webhook request as the server received it: the input of every verifier.
///
/// The body is kept as the exact bytes that arrived; nothing in this package re-encodes it.
public struct WebhookRequest: Sendable, Hashable {
    /// The HTTP method, such as `POST`.
    public var method: String
    /// The request target: either origin form (`/hooks/page?x=1`) or a full URL (`https://host/hooks/page?x=1`).
    public var target: String
    /// The header fields.
    public var headers: WebhookHeaders
    /// The raw body bytes.
    public var body: [UInt8]

    /// Creates a request.
    /// - Parameters:
    ///   - method: The HTTP method; `POST` for every vendor's deliveries.
    ///   - target: The path and query, or the whole URL.
    ///   - headers: The header fields.
    ///   - body: The raw body bytes.
    public init(method: String = "POST", target: String, headers: WebhookHeaders = [:], body: [UInt8]) {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
    }

    /// The path of ``target`` (without scheme, host and query), still percent-encoded; `/` when empty.
    public var path: Substring {
        var rest = Substring(target)
        if let schemeEnd = rest.range(of: "://") {
            rest = rest[schemeEnd.upperBound...]
            if let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) {
                rest = rest[slash...]
            } else {
                return "/"
            }
        }
        if let end = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            rest = rest[..<end]
        }
        return rest.isEmpty ? "/" : rest
    }

    /// The raw query of ``target`` (without `?` and fragment), or an empty string.
    public var rawQuery: Substring {
        var withoutFragment = Substring(target)
        if let hash = withoutFragment.firstIndex(of: "#") {
            withoutFragment = withoutFragment[..<hash]
        }
        guard let question = withoutFragment.firstIndex(of: "?") else { return "" }
        return withoutFragment[withoutFragment.index(after: question)...]
    }

    /// The query parameters in order, percent-decoded (`+` is a space), repeated names kept.
    public var queryItems: [(name: String, value: String)] {
        QueryString.parse(rawQuery)
    }

    /// The first value of a query parameter, percent-decoded.
    public func queryValue(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }
}

/// Parsing and encoding of URL query strings.
public enum QueryString {
    /// Splits a raw query into percent-decoded name-value pairs; `+` decodes to a space.
    /// Malformed percent escapes are kept literally rather than rejected.
    public static func parse(_ query: some StringProtocol) -> [(name: String, value: String)] {
        guard !query.isEmpty else { return [] }
        return query.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            if let equals = pair.firstIndex(of: "=") {
                return (percentDecode(pair[..<equals]), percentDecode(pair[pair.index(after: equals)...]))
            }
            return (percentDecode(pair), "")
        }
    }

    /// Percent-decodes a query component; `+` becomes a space. Invalid escapes and invalid UTF-8 are kept as they are.
    public static func percentDecode(_ text: some StringProtocol) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), iterator.count >= 2,
                let high = hexValue(iterator[iterator.startIndex]),
                let low = hexValue(iterator[iterator.startIndex + 1])
            {
                bytes.append(high << 4 | low)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
