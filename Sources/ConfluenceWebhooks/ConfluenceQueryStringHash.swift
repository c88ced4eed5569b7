import WebhookCore
import WebhookCrypto

/// The Atlassian Connect query string hash: the `qsh` claim that binds a Connect JWT to one request.
///
/// The canonical request is `UPPER(method) & canonicalURI & canonicalQuery`, as Atlassian's `atlassian-jwt`
/// library builds it, and `qsh` is the lowercase hexadecimal SHA-256 of its UTF-8 bytes:
///
/// - canonical URI: the request path exactly as received (still percent-encoded); the path of `baseURL` is removed
///   when the path starts with it; an empty path becomes `/`; every `&` becomes `%26` (so that a path cannot pose as
///   a query); a leading `/` is added when missing; one trailing `/` is dropped when the path is longer than `/`.
/// - canonical query: the query parameters, percent-decoded (`+` is a space), without `jwt`; keys sorted by UTF-16
///   code units (JavaScript's default sort); each emitted as `encode(key)=value`, where the values of a repeated key
///   are sorted raw, each encoded, and joined with `,`; pairs joined with `&`. An empty query gives an empty string,
///   so the canonical request then ends with `&`.
/// - encoding: RFC 3986, everything but `A-Z a-z 0-9 - . _ ~` percent-encoded from UTF-8 with uppercase hex
///   (`encodeURIComponent` with `!'()*` escaped too).
///
/// ```swift
/// ConfluenceQueryStringHash.canonicalRequest(method: "post", target: "/webhooks/page-created")
/// // "POST&/webhooks/page-created&"
/// ```
public enum ConfluenceQueryStringHash {
    /// The canonical request string for a method and a request target.
    ///
    /// - Parameters:
    ///   - method: The HTTP method; upper-cased.
    ///   - target: The request target as received: origin form (`/path?query`) or a whole URL.
    ///   - baseURL: The app's `baseUrl` from its Connect descriptor; its path is removed from the start of the
    ///     request path, so the hash covers the module URL that Atlassian signed. `nil` removes nothing.
    /// - Returns: The canonical request, such as `POST&/webhooks/page-created&space=ENG`.
    public static func canonicalRequest(method: String, target: String, baseURL: String? = nil) -> String {
        let request = WebhookRequest(method: method, target: target, body: [])
        let basePath = baseURL.map { WebhookRequest(target: $0, body: []).path }
        return method.uppercased() + "&" + canonicalURI(request.path, basePath: basePath) + "&"
            + canonicalQuery(WebhookRequest.rawQuery(of: target))
    }

    /// The `qsh` value for a method and a request target: lowercase hex of the SHA-256 of
    /// ``canonicalRequest(method:target:baseURL:)``.
    ///
    /// - Parameters:
    ///   - method: The HTTP method.
    ///   - target: The request target as received: origin form or a whole URL.
    ///   - baseURL: The app's `baseUrl`, whose path is removed from the request path; `nil` removes nothing.
    /// - Returns: 64 lowercase hexadecimal digits.
    public static func hash(method: String, target: String, baseURL: String? = nil) -> String {
        let canonical = canonicalRequest(method: method, target: target, baseURL: baseURL)
        return Hex.encode(Digest.hash(Array(canonical.utf8), using: .sha256))
    }

    /// The canonical URI of a raw (percent-encoded) path. Works on UTF-8 bytes, so no Unicode normalisation applies.
    static func canonicalURI(_ rawPath: Substring, basePath: Substring?) -> String {
        var path = Array(rawPath.utf8)[...]
        if let basePath, !basePath.isEmpty, path.starts(with: basePath.utf8) {
            path = path.dropFirst(basePath.utf8.count)
        }
        guard !path.isEmpty else { return "/" }
        var result: [UInt8] = []
        result.reserveCapacity(path.count + 3)
        if path.first != UInt8(ascii: "/") {
            result.append(UInt8(ascii: "/"))
        }
        for byte in path {
            if byte == UInt8(ascii: "&") {
                result.append(contentsOf: "%26".utf8)
            } else {
                result.append(byte)
            }
        }
        if result.count > 1 && result.last == UInt8(ascii: "/") {
            result.removeLast()
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The canonical query of a raw query string (without `?`).
    ///
    /// Works on the percent-decoded bytes: keys are grouped by their exact bytes (never by Swift `String`
    /// equality, which would merge `K` and the Kelvin sign, or NFC and NFD spellings), and invalid UTF-8 is
    /// percent-encoded as the bytes it is, never replaced. So two different queries never share a canonical form.
    static func canonicalQuery(_ rawQuery: Substring) -> String {
        var valuesByKey: [[UInt8]: [[UInt8]]] = [:]
        let jwt = Array("jwt".utf8)
        for item in QueryString.parseBytes(rawQuery) where item.name != jwt {
            valuesByKey[item.name, default: []].append(item.value)
        }
        let keys = valuesByKey.keys.sorted(by: precedesInUTF16)
        var parts: [String] = []
        parts.reserveCapacity(keys.count)
        for key in keys {
            let values = (valuesByKey[key] ?? []).sorted(by: precedesInUTF16)
            parts.append(encode(key) + "=" + values.map(encode).joined(separator: ","))
        }
        return parts.joined(separator: "&")
    }

    /// JavaScript's default `sort()` order: lexicographic by UTF-16 code units (not by Unicode scalars, and without
    /// Swift's canonical equivalence).
    static func precedesInUTF16(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf16.lexicographicallyPrecedes(rhs.utf16)
    }

    /// JavaScript's order for decoded bytes (UTF-16 code units of the text), then the bytes themselves, so that
    /// byte strings that decode to the same text (invalid UTF-8) still have one order.
    static func precedesInUTF16(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        let left = String(decoding: lhs, as: UTF8.self)
        let right = String(decoding: rhs, as: UTF8.self)
        if left.utf16.elementsEqual(right.utf16) {
            return lhs.lexicographicallyPrecedes(rhs)
        }
        return left.utf16.lexicographicallyPrecedes(right.utf16)
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// RFC 3986 percent-encoding of UTF-8: only `A-Z a-z 0-9 - . _ ~` stay as they are.
    static func encode(_ text: String) -> String {
        encode(Array(text.utf8))
    }

    /// RFC 3986 percent-encoding of bytes: only `A-Z a-z 0-9 - . _ ~` stay as they are.
    static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                output.append(byte)
            default:
                output.append(UInt8(ascii: "%"))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
