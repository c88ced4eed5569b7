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
    ///
    /// A target is a whole URL only when it starts with a scheme and `://` (`https://host/p`); a `://` further on,
    /// as in `/p?next=https://x`, belongs to the path or query. Scanned as UTF-8 bytes: every delimiter is ASCII.
    public var path: Substring {
        let bytes = target.utf8
        var start = bytes.startIndex
        if let authority = Self.authorityStart(of: target) {
            guard let slash = bytes[authority...].firstIndex(where: { $0 == .slash || $0 == .question || $0 == .hash })
            else { return "/" }
            start = slash
        }
        let end = bytes[start...].firstIndex(where: { $0 == .question || $0 == .hash }) ?? bytes.endIndex
        return start == end ? "/" : target[start..<end]
    }

    /// The raw query of ``target`` (without `?` and fragment), or an empty string.
    package var rawQuery: Substring {
        Self.rawQuery(of: target)
    }

    /// The raw query of a request target (without `?` and fragment), or an empty string.
    /// - Parameter target: An origin-form target or a whole URL.
    /// - Returns: The text between the first `?` and the first `#`.
    package static func rawQuery(of target: String) -> Substring {
        let bytes = target.utf8
        let end = bytes.firstIndex(of: .hash) ?? bytes.endIndex
        guard let question = bytes[..<end].firstIndex(of: .question) else { return "" }
        return target[bytes.index(after: question)..<end]
    }

    /// Where the authority starts (after `scheme://`) when `target` is a whole URL; nil for an origin-form target.
    /// A scheme is a letter followed by letters, digits, `+`, `-` or `.` (RFC 3986 section 3.1).
    static func authorityStart(of target: String) -> String.Index? {
        let bytes = target.utf8
        var index = bytes.startIndex
        guard index < bytes.endIndex, bytes[index].isASCIILetter else { return nil }
        index = bytes.index(after: index)
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: ":") {
                let rest = bytes[bytes.index(after: index)...]
                guard rest.starts(with: [UInt8.slash, .slash]) else { return nil }
                return bytes.index(index, offsetBy: 3)
            }
            guard
                byte.isASCIILetter || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            else { return nil }
            index = bytes.index(after: index)
        }
        return nil
    }

    /// The query parameters in order, percent-decoded (`+` is a space), repeated names kept.
    package var queryItems: [(name: String, value: String)] {
        QueryString.parse(rawQuery)
    }

    /// The first value of a query parameter, percent-decoded.
    public func queryValue(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }
}

/// Parsing and encoding of URL query strings.
package enum QueryString {
    /// Splits a raw query into percent-decoded name-value pairs; `+` decodes to a space.
    /// Malformed percent escapes are kept literally rather than rejected.
    package static func parse(_ query: some StringProtocol) -> [(name: String, value: String)] {
        let bytes = Array(query.utf8)
        return bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true).map { pair in
            if let equals = pair.firstIndex(of: UInt8(ascii: "=")) {
                return (percentDecode(bytes: pair[..<equals]), percentDecode(bytes: pair[(equals + 1)...]))
            }
            return (percentDecode(bytes: pair), "")
        }
    }

    /// Percent-decodes a query component; `+` becomes a space. Invalid escapes and invalid UTF-8 are kept as they are.
    package static func percentDecode(_ text: some StringProtocol) -> String {
        percentDecode(bytes: Array(text.utf8)[...])
    }

    /// Splits a raw query into percent-decoded name-value pairs of bytes; `+` decodes to a space. Nothing is
    /// turned into a Swift `String`, so invalid UTF-8 stays as it is and canonically equivalent spellings stay
    /// apart: for anything that decides trust (Connect's `qsh`).
    package static func parseBytes(_ query: some StringProtocol) -> [(name: [UInt8], value: [UInt8])] {
        let bytes = Array(query.utf8)
        return bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true).map { pair in
            if let equals = pair.firstIndex(of: UInt8(ascii: "=")) {
                return (percentDecodeBytes(pair[..<equals]), percentDecodeBytes(pair[(equals + 1)...]))
            }
            return (percentDecodeBytes(pair), [])
        }
    }

    /// ``percentDecode(_:)`` of UTF-8 bytes.
    static func percentDecode(bytes text: ArraySlice<UInt8>) -> String {
        String(decoding: percentDecodeBytes(text), as: UTF8.self)
    }

    /// Percent-decodes bytes; `+` becomes a space; invalid escapes are kept literally.
    static func percentDecodeBytes(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count)
        var iterator = text
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
        return bytes
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

extension UInt8 {
    fileprivate static let slash = UInt8(ascii: "/")
    fileprivate static let question = UInt8(ascii: "?")
    fileprivate static let hash = UInt8(ascii: "#")

    fileprivate var isASCIILetter: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self | 0x20)
    }
}
