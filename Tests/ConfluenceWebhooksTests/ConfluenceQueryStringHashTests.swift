import ConfluenceWebhooks
import Foundation
import Testing

/// The Connect `qsh` canonical request (vendor sheet §2.2).
///
/// Expected values in `crossChecked` were computed outside this package by two independent implementations: the
/// Python `atlassian-jwt` 3.0.0 package (`atlassian_jwt.url_utils.canonicalize_request`, for the ASCII, base-URL-free
/// cases it handles the same way) and a port of the JavaScript `atlassian-jwt` canonicalisation run on Node.js
/// with its own `url.parse`, `querystring.parse`, `encodeURIComponent` and `Array.prototype.sort` (all cases).
@Suite("Confluence Connect query string hash")
struct ConfluenceQueryStringHashTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let method: String
        let target: String
        let baseURL: String?
        let canonical: String
        let hash: String
        let what: String

        var testDescription: String { what }
    }

    static let crossChecked: [Vector] = [
        Vector(
            method: "POST",
            target: "/webhooks/page-created",
            baseURL: nil,
            canonical: "POST&/webhooks/page-created&",
            hash: "550c1ea551d291fee0264431ea3baf5439bf2b73b7fca012d12f09ca29204dc3",
            what: "the sheet's derived vector: empty query, string ends with &"
        ),
        Vector(
            method: "post",
            target: "/webhooks/page-created?space=ENG&lic=none",
            baseURL: nil,
            canonical: "POST&/webhooks/page-created&lic=none&space=ENG",
            hash: "8ddc47f821ac6c5fc4a65986b17e8c511284b115932ef17f171af7c6c1daf355",
            what: "method upper-cased, keys sorted"
        ),
        Vector(
            method: "POST",
            target: "https://receiver.example.com/confluence/webhooks/page-created?space=ENG&lic=none",
            baseURL: "https://receiver.example.com/confluence",
            canonical: "POST&/webhooks/page-created&lic=none&space=ENG",
            hash: "8ddc47f821ac6c5fc4a65986b17e8c511284b115932ef17f171af7c6c1daf355",
            what: "whole URL; the baseURL path is stripped"
        ),
        Vector(
            method: "GET",
            target: "/path/to/service?zee_last=param&repeated=parameter%201&first=param&repeated=parameter%202",
            baseURL: nil,
            canonical: "GET&/path/to/service&first=param&repeated=parameter%201,parameter%202&zee_last=param",
            hash: "e52bb281606c3bd9ca16cfe96fe2df78f5d9ffa126f06befd750dfa10fa1a897",
            what: "Atlassian's documented example: repeated key joined with a comma"
        ),
        Vector(
            method: "POST",
            target: "/hook?b=2&a=1&a=0&A=3&_=4&~=5",
            baseURL: nil,
            canonical: "POST&/hook&A=3&_=4&a=0,1&b=2&~=5",
            hash: "fd50c329c944ef4245185f9b6cf88c3ecdc6ccca3c85d91fb38943243d2bd2f5",
            what: "sorting by code unit (A < _ < a < ~), repeated values sorted"
        ),
        Vector(
            method: "POST",
            target: "/hook?q=a+b%20c&bang=!&star=*&tilde=~&paren=(x)&quote='&slash=/&plus=%2B",
            baseURL: nil,
            canonical:
                "POST&/hook&bang=%21&paren=%28x%29&plus=%2B&q=a%20b%20c&quote=%27&slash=%2F&star=%2A&tilde=~",
            hash: "35f679bb3bf8cb11d51d43b6f904e2b5af422c35d8b5224588850c7e0e67b5ce",
            what: "RFC 3986 encoding: space, ! * ' ( ) / + escaped, ~ kept; + in a query is a space"
        ),
        Vector(
            method: "POST",
            target: "/rest/api/2/project&a=b?x=y",
            baseURL: nil,
            canonical: "POST&/rest/api/2/project%26a=b&x=y",
            hash: "fa48f57a98d3995f12c96664dae66fccc41a5b5dd8305ff6838d04b4b469cb17",
            what: "& in the path becomes %26"
        ),
        Vector(
            method: "POST",
            target: "/webhooks/page-created/",
            baseURL: nil,
            canonical: "POST&/webhooks/page-created&",
            hash: "550c1ea551d291fee0264431ea3baf5439bf2b73b7fca012d12f09ca29204dc3",
            what: "one trailing slash dropped"
        ),
        Vector(
            method: "POST",
            target: "/app",
            baseURL: "https://receiver.example.com/app",
            canonical: "POST&/&",
            hash: "6dfb58321692d08d44565d1331846fc24e7dc08b33259d262f4eff79b21d8e05",
            what: "path equal to the base path becomes /"
        ),
        Vector(
            method: "POST",
            target: "/app/",
            baseURL: "https://receiver.example.com/app",
            canonical: "POST&/&",
            hash: "6dfb58321692d08d44565d1331846fc24e7dc08b33259d262f4eff79b21d8e05",
            what: "base path plus / stays /"
        ),
        Vector(
            method: "POST",
            target: "https://receiver.example.com/webhooks/x?jwt=abc.def.ghi&x=1",
            baseURL: "https://receiver.example.com",
            canonical: "POST&/webhooks/x&x=1",
            hash: "2589538ea79369bf35e9ac8a42ed6b9b014854a96f10dadaafbbbbd5dfbca372",
            what: "the jwt parameter is dropped; a root baseURL strips nothing in effect"
        ),
        Vector(
            method: "POST",
            target: "/webhooks/x?jwt=abc&jwt=def",
            baseURL: nil,
            canonical: "POST&/webhooks/x&",
            hash: "43a6b1ebe91cafc5b57c075cbde16102515008fa8de59b508e9620d4f1991398",
            what: "a repeated jwt parameter is dropped too"
        ),
        Vector(
            method: "POST",
            target: "/hook?k=%EF%BC%81&%F0%9F%98%80=1&%EF%BC%81=2&z=%C3%A9&z=e%CC%81",
            baseURL: nil,
            canonical: "POST&/hook&k=%EF%BC%81&z=e%CC%81,%C3%A9&%F0%9F%98%80=1&%EF%BC%81=2",
            hash: "04dc73e42c0bc01ab11de74d733c7e67f049e052b5505da2dc028555e52562fa",
            what: "UTF-16 order: U+1F600 (a surrogate pair) before U+FF01; é and e+U+0301 stay distinct"
        ),
        Vector(
            method: "POST",
            target: "/hook?flag&empty=&=v",
            baseURL: nil,
            canonical: "POST&/hook&=v&empty=&flag=",
            hash: "3ce09efe864bdf612b1e910d5999e820d32100aa18b88b5acec36abab67bf63a",
            what: "keys without values and an empty key"
        ),
        Vector(
            method: "POST",
            target: "/hook?r=b&r=a&r=B&r=",
            baseURL: nil,
            canonical: "POST&/hook&r=,B,a,b",
            hash: "e28a9eda5693c3eb24473e0d40542262a923eb687abee59a0530e3e0accc5bb4",
            what: "repeated values sorted raw, empty first"
        ),
        Vector(
            method: "PUT",
            target: "/hook#frag?x=1",
            baseURL: nil,
            canonical: "PUT&/hook&",
            hash: "28a2f8c413e1d3897f40e7ef128fe58175c52f476aafd643e825fe71e3cf9072",
            what: "a fragment is not part of the path or the query"
        ),
        Vector(
            method: "POST",
            target: "webhooks/x",
            baseURL: nil,
            canonical: "POST&/webhooks/x&",
            hash: "43a6b1ebe91cafc5b57c075cbde16102515008fa8de59b508e9620d4f1991398",
            what: "a leading slash is added"
        ),
    ]

    @Test("canonical request and hash match the cross-checked vectors", arguments: crossChecked)
    func vectors(_ vector: Vector) {
        let canonical = ConfluenceQueryStringHash.canonicalRequest(
            method: vector.method,
            target: vector.target,
            baseURL: vector.baseURL
        )
        #expect(canonical == vector.canonical)
        let hash = ConfluenceQueryStringHash.hash(method: vector.method, target: vector.target, baseURL: vector.baseURL)
        #expect(hash == vector.hash)
    }

    @Test("the sheet's derived vector")
    func sheetVector() {
        #expect(
            ConfluenceQueryStringHash.hash(method: "POST", target: "/webhooks/page-created")
                == "550c1ea551d291fee0264431ea3baf5439bf2b73b7fca012d12f09ca29204dc3"
        )
    }

    @Test("every part of the request changes the hash")
    func sensitivity() {
        let base = ConfluenceQueryStringHash.hash(method: "POST", target: "/webhooks/page-created?space=ENG")
        let others = [
            ConfluenceQueryStringHash.hash(method: "PUT", target: "/webhooks/page-created?space=ENG"),
            ConfluenceQueryStringHash.hash(method: "POST", target: "/webhooks/page-removed?space=ENG"),
            ConfluenceQueryStringHash.hash(method: "POST", target: "/webhooks/page-created?space=DEV"),
            ConfluenceQueryStringHash.hash(method: "POST", target: "/webhooks/page-created?spacE=ENG"),
            ConfluenceQueryStringHash.hash(method: "POST", target: "/webhooks/page-created"),
            ConfluenceQueryStringHash.hash(method: "POST", target: "/webhooks/page-created?space=ENG&x=1"),
            ConfluenceQueryStringHash.hash(method: "POST", target: "/webhooks/page-created&space=ENG"),
        ]
        for other in others {
            #expect(other != base)
        }
        #expect(Set(others).count == others.count)
    }

    @Test("the path is hashed as received (percent-encoding kept, not normalised)")
    func rawPath() {
        #expect(
            ConfluenceQueryStringHash.canonicalRequest(method: "POST", target: "/hooks/a%20b/%C3%A9")
                == "POST&/hooks/a%20b/%C3%A9&"
        )
        #expect(
            ConfluenceQueryStringHash.hash(method: "POST", target: "/hooks/a%20b")
                != ConfluenceQueryStringHash.hash(method: "POST", target: "/hooks/a b")
        )
    }

    @Test("a base path is stripped only when the request path starts with it")
    func basePathPrefix() {
        #expect(
            ConfluenceQueryStringHash.canonicalRequest(
                method: "POST",
                target: "/other/webhooks/x",
                baseURL: "https://receiver.example.com/app"
            ) == "POST&/other/webhooks/x&"
        )
        #expect(
            ConfluenceQueryStringHash.canonicalRequest(
                method: "POST",
                target: "/app/webhooks/x?b=1&a=2",
                baseURL: "https://receiver.example.com/app/"
            ) == "POST&/webhooks/x&a=2&b=1"
        )
    }

    // MARK: F5: canonicalisation on bytes

    @Test("canonically equivalent keys stay apart (K and the Kelvin sign, NFC and NFD)")
    func equivalentKeysDoNotMerge() {
        let pairs = [
            ("/h?K=1&%E2%84%AA=2", "/h?K=1,2"),  // U+212A KELVIN SIGN vs K
            ("/h?%C3%A9=1&e%CC%81=2", "/h?%C3%A9=1,2"),  // é precomposed vs e + combining acute
        ]
        for (split, merged) in pairs {
            let canonical = ConfluenceQueryStringHash.canonicalRequest(method: "POST", target: split)
            #expect(canonical.components(separatedBy: "&").count == 4, "\(canonical)")
            #expect(
                ConfluenceQueryStringHash.hash(method: "POST", target: split)
                    != ConfluenceQueryStringHash.hash(method: "POST", target: merged)
            )
        }
    }

    @Test("invalid UTF-8 is hashed as its bytes, never as a replacement character")
    func invalidUTF8IsNotReplaced() {
        let invalid = ConfluenceQueryStringHash.canonicalRequest(method: "POST", target: "/h?a=%FF")
        let otherInvalid = ConfluenceQueryStringHash.canonicalRequest(method: "POST", target: "/h?a=%FE")
        let replacement = ConfluenceQueryStringHash.canonicalRequest(method: "POST", target: "/h?a=%EF%BF%BD")
        #expect(invalid == "POST&/h&a=%FF")
        #expect(invalid != otherInvalid)
        #expect(invalid != replacement)
    }

    /// A second canonical query, written from Atlassian's description alone and sharing no code with the
    /// package: split on `&`, split once on `=`, decode `%XX` and `+`, drop `jwt`, group by the decoded bytes,
    /// sort keys and values by UTF-16 code units, encode with `encodeURIComponent` plus `!'()*`.
    static func referenceCanonicalQuery(_ query: String) -> String {
        func decode(_ part: Substring) -> [UInt8] {
            var out: [UInt8] = []
            var bytes = Array(part.utf8)[...]
            while let byte = bytes.popFirst() {
                if byte == 0x2B {
                    out.append(0x20)
                } else if byte == 0x25, bytes.count >= 2, bytes.prefix(2).allSatisfy({ $0.isHexDigit }),
                    let value = UInt8(String(decoding: bytes.prefix(2), as: UTF8.self), radix: 16)
                {
                    out.append(value)
                    bytes = bytes.dropFirst(2)
                } else {
                    out.append(byte)
                }
            }
            return out
        }
        func encode(_ bytes: [UInt8]) -> String {
            let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
            return bytes.map { unreserved.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }
                .joined()
        }
        func order(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
            let left = Array(String(decoding: lhs, as: UTF8.self).utf16)
            let right = Array(String(decoding: rhs, as: UTF8.self).utf16)
            return left == right ? lhs.lexicographicallyPrecedes(rhs) : left.lexicographicallyPrecedes(right)
        }
        var groups: [([UInt8], [[UInt8]])] = []
        for piece in query.split(separator: "&") {
            let halves = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = decode(halves[0])
            if key == Array("jwt".utf8) { continue }
            let value = halves.count > 1 ? decode(halves[1]) : []
            if let index = groups.firstIndex(where: { $0.0 == key }) {
                groups[index].1.append(value)
            } else {
                groups.append((key, [value]))
            }
        }
        return groups.sorted { order($0.0, $1.0) }
            .map { encode($0.0) + "=" + $0.1.sorted(by: order).map(encode).joined(separator: ",") }
            .joined(separator: "&")
    }

    @Test("the canonical query agrees with an independent implementation on generated queries")
    func differentialAgainstReference() {
        let pieces = [
            "a", "B", "k", "K", "%E2%84%AA", "e%CC%81", "%C3%A9", "%FF", "+", "%20", "jwt", "~", "%2C", "x.y",
            "%F0%9F%98%80", "%EF%BC%A1", "=", "%", "%G1", "_",
        ]
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<2_000 {
            let query = (0..<(1 + next(5))).map { _ in
                (0..<(1 + next(3))).map { _ in pieces[next(pieces.count)] }.joined()
            }.joined(separator: "&")
            let ours = ConfluenceQueryStringHash.canonicalRequest(method: "GET", target: "/p?" + query)
            #expect(ours == "GET&/p&" + Self.referenceCanonicalQuery(query), "query: \(query)")
        }
    }
}

extension UInt8 {
    fileprivate var isHexDigit: Bool {
        (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
    }
}
