/// Where vendors put JSON Web Tokens in a request.
package enum JWTLocation {
    /// The token of an `Authorization` header in the Atlassian form: `JWT <token>`, or `JWT token=<token>`
    /// (accepted by some HipChat add-on frameworks). The scheme is case-insensitive.
    /// - Returns: The token, or `nil` when the header is absent or of another scheme.
    package static func authorizationToken(in headers: WebhookHeaders) -> Substring? {
        guard let value = headers["Authorization"] else { return nil }
        return authorizationToken(value)
    }

    /// The token of one `Authorization` header value: `JWT <token>` or `JWT token=<token>`.
    package static func authorizationToken(_ value: String) -> Substring? {
        var rest = Substring(value).drop { $0 == " " || $0 == "\t" }
        guard rest.count > 4, rest.prefix(3).lowercased() == "jwt" else { return nil }
        rest = rest.dropFirst(3)
        guard let separator = rest.first, separator == " " || separator == "\t" else { return nil }
        rest = rest.drop { $0 == " " || $0 == "\t" }
        if rest.prefix(6).lowercased() == "token=" {
            rest = rest.dropFirst(6)
        }
        while let last = rest.last, last == " " || last == "\t" {
            rest = rest.dropLast()
        }
        return rest.isEmpty ? nil : rest
    }
}
