public import WebhookCore

extension WebhookRequest {
    /// The same request with one change that makes it not authentic: for tests of the rejection path.
    ///
    /// Where the vendor signs the body (Confluence HMAC, ApiTree, R-Service, whose body is the token), one body
    /// byte changes; where the token does not cover the body (HipChat, Confluence Connect), one character of the
    /// token's signature changes. Either way the verifier answers `signature_mismatch`.
    public func tampered() -> WebhookRequest {
        if JWTLocation.authorizationToken(in: headers) != nil || queryValue("signed_request") != nil
            || String(decoding: body.prefix(16), as: UTF8.self).contains("\"jwt\"")
        {
            return tamperedSignature()
        }
        return tamperedBody()
    }

    /// The same request with one body byte changed: the first letter or digit from the middle of the body on is
    /// replaced by another letter or digit (so JSON stays JSON, a token stays Base64URL and hex stays hex); an
    /// empty body gets one byte.
    public func tamperedBody() -> WebhookRequest {
        var copy = self
        copy.body = Self.flipOne(in: body, from: body.count / 2)
        return copy
    }

    /// The same request with one character of the signature changed: in the `Authorization: JWT` token, the
    /// `signed_request` token, an R-Service body's token, `X-Hub-Signature` or `X-ApiTree-Signature`.
    public func tamperedSignature() -> WebhookRequest {
        var copy = self
        if let value = headers["Authorization"], JWTLocation.authorizationToken(value) != nil {
            copy.headers.replaceOrAdd(name: "Authorization", value: Self.flipInLastSegment(value))
        } else if queryValue("signed_request") != nil, let question = target.firstIndex(of: "?") {
            let path = target[..<question]
            let query = target[target.index(after: question)...].split(separator: "&").map { item in
                item.hasPrefix("signed_request=") ? Self.flipInLastSegment(String(item)) : String(item)
            }
            copy.target = path + "?" + query.joined(separator: "&")
        } else if let value = headers["X-Hub-Signature"] {
            let prefix = value.hasPrefix("sha256=") ? 7 : 0
            let bytes = Array(value.utf8)
            copy.headers.replaceOrAdd(
                name: "X-Hub-Signature",
                value: String(
                    decoding: Self.flipOne(in: bytes, from: prefix + (bytes.count - prefix) / 2),
                    as: UTF8.self
                )
            )
        } else if let value = headers["X-ApiTree-Signature"] {
            let bytes = Array(value.utf8)
            copy.headers.replaceOrAdd(
                name: "X-ApiTree-Signature",
                value: String(decoding: Self.flipOne(in: bytes, from: bytes.count / 2), as: UTF8.self)
            )
        } else if let dot = body.lastIndex(of: UInt8(ascii: ".")) {
            // An R-Service body {"jwt":"header.payload.signature"}: change the signature's middle.
            let end = body[dot...].firstIndex(of: UInt8(ascii: "\"")) ?? body.endIndex
            copy.body = Self.flipOne(in: body, from: dot + 1 + (end - dot - 1) / 2)
        } else {
            return tamperedBody()
        }
        return copy
    }

    /// The same request without its signature: no `Authorization`, `X-Hub-Signature` or `X-ApiTree-Signature`
    /// header and no `signed_request` query parameter. (An R-Service body still holds its token.)
    public func withoutSignature() -> WebhookRequest {
        var copy = self
        var headers = WebhookHeaders()
        for field in self.headers {
            let name = field.name.lowercased()
            if name == "authorization" || name == "x-hub-signature" || name == "x-apitree-signature" { continue }
            headers.add(name: field.name, value: field.value)
        }
        copy.headers = headers
        if let question = target.firstIndex(of: "?") {
            let kept = target[target.index(after: question)...].split(separator: "&")
                .filter { !$0.hasPrefix("signed_request=") }
            copy.target = String(target[..<question]) + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
        }
        return copy
    }

    /// Replaces the first letter or digit at or after `start` (wrapping around) by another one.
    static func flipOne(in bytes: [UInt8], from start: Int) -> [UInt8] {
        guard !bytes.isEmpty else { return [UInt8(ascii: "x")] }
        var copy = bytes
        for step in 0..<bytes.count {
            let index = (start + step) % bytes.count
            if let replacement = replacement(for: bytes[index]) {
                copy[index] = replacement
                return copy
            }
        }
        copy[start % bytes.count] ^= 0x01
        return copy
    }

    /// Changes one character in the middle of the text after its last `.` (a token's signature).
    static func flipInLastSegment(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let start = bytes.lastIndex(of: UInt8(ascii: ".")).map { $0 + 1 } ?? 0
        let middle = start + max(0, bytes.count - start) / 2
        return String(decoding: flipOne(in: bytes, from: middle), as: UTF8.self)
    }

    private static func replacement(for byte: UInt8) -> UInt8? {
        switch byte {
        // Hex digits stay hex digits, so a hex MAC stays well-formed and fails as a mismatch.
        case UInt8(ascii: "9"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "z"), UInt8(ascii: "Z"):
            byte - 1
        case UInt8(ascii: "0")...UInt8(ascii: "8"), UInt8(ascii: "a")...UInt8(ascii: "y"),
            UInt8(ascii: "A")...UInt8(ascii: "Y"):
            byte + 1
        default:
            nil
        }
    }
}
