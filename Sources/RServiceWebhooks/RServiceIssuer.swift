import Foundation
import WebhookCore

/// An `http(s)` URL split into the parts the issuer rules compare: scheme and host (lower case), port and path.
///
/// Deliberately narrow: no user info, no IPv6 literals, no fragment, no query unless asked for, host labels of
/// letters, digits and hyphens only. Anything else is not a URL an R-Service account or key endpoint uses.
struct RServiceURL: Equatable, Sendable {
    /// `https` or `http`, lower case.
    var scheme: String
    /// The host name, lower case.
    var host: String
    /// The port as written, or `nil` when absent.
    var port: String?
    /// The path as written; empty when absent. Includes the query when one was allowed and present.
    var path: String

    /// Parses `text`; `nil` when it is not a URL of the narrow form above.
    init?(_ text: String, allowQuery: Bool = false) {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= 2048 else { return nil }
        for byte in bytes {
            // Printable ASCII only; no fragment, no backslash, no user info.
            guard byte > 0x20, byte < 0x7F, byte != UInt8(ascii: "#"), byte != UInt8(ascii: "\\"),
                byte != UInt8(ascii: "@")
            else { return nil }
            if byte == UInt8(ascii: "?") && !allowQuery { return nil }
        }
        guard let separator = text.range(of: "://") else { return nil }
        let scheme = text[..<separator.lowerBound].lowercased()
        guard scheme == "https" || scheme == "http" else { return nil }
        let rest = text[separator.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var host = authority
        var port: String?
        if let colon = authority.firstIndex(of: ":") {
            host = authority[..<colon]
            let digits = authority[authority.index(after: colon)...]
            guard (1...5).contains(digits.count), digits.allSatisfy(\.isASCIIDigit) else { return nil }
            port = String(digits)
        }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard !host.isEmpty, host.count <= 253,
            labels.allSatisfy({ label in
                !label.isEmpty && label.count <= 63
                    && label.allSatisfy { $0.isASCIILetterOrDigit || $0 == "-" }
            })
        else { return nil }
        let path = rest[authorityEnd...]
        if let first = path.first, first != "/" { return nil }
        self.scheme = scheme
        self.host = host.lowercased()
        self.port = port
        self.path = String(path)
    }

    /// The port, with the scheme's default when absent (`443` for `https`, `80` for `http`).
    var effectivePort: String {
        port ?? (scheme == "https" ? "443" : "80")
    }

    /// The host with the brand swapped between 4me and Xurrent, or `nil` when the host carries neither brand.
    ///
    /// The brand is the label before the top-level domain: `wdc.4me-staging.com` ↔ `wdc.xurrent-staging.com`,
    /// `mycompany.4me.com` ↔ `mycompany.xurrent.com`, `wdc.au.4me.com` ↔ `wdc.au.xurrent.com`. That label must be
    /// `4me` or `xurrent`, alone or followed by `-<environment>`; the account label before it never changes.
    var brandTwinHost: String? {
        var labels = host.split(separator: ".").map(String.init)
        guard labels.count >= 3 else { return nil }
        let brandIndex = labels.count - 2
        let brand = labels[brandIndex]
        for (from, to) in [("4me", "xurrent"), ("xurrent", "4me")] {
            if brand == from || brand.hasPrefix(from + "-") {
                labels[brandIndex] = to + brand.dropFirst(from.count)
                return labels.joined(separator: ".")
            }
        }
        return nil
    }

    /// Whether `other` has the same scheme and port, and this host or its brand twin.
    func hasSameOriginOrBrandTwin(_ other: RServiceURL) -> Bool {
        guard scheme == other.scheme, effectivePort == other.effectivePort else { return false }
        return host.hasSameBytes(as: other.host) || (brandTwinHost.map { $0.hasSameBytes(as: other.host) } ?? false)
    }

    /// The path with a lone `/` read as empty.
    var normalizedPath: String {
        path == "/" ? "" : path
    }
}

/// The issuer (`iss`) rules of R-Service tokens, for one configured account URL.
struct RServiceIssuerRule: Sendable {
    /// The account URL (or policy URL) as configured.
    let configured: String
    /// Its parts; `nil` when the configured text is not an `http(s)` URL.
    let url: RServiceURL?

    init(_ configured: String) {
        self.configured = configured
        self.url = RServiceURL(configured)
    }

    /// Static keys: `iss` equals the configured URL, or is it with the host's 4me/Xurrent brand swapped
    /// (same scheme, port and path).
    func acceptsStaticIssuer(_ issuer: String) -> Bool {
        if issuer.hasSameBytes(as: configured) { return true }
        guard let url, let candidate = RServiceURL(issuer) else { return false }
        return url.hasSameOriginOrBrandTwin(candidate) && url.normalizedPath.hasSameBytes(as: candidate.normalizedPath)
    }

    /// OpenID Connect discovery: `iss` is `https://<account host or its twin>/webhook_policies/<policy name>`, with
    /// the configured scheme and port. When the configured URL itself names a policy, only that policy is accepted.
    /// Whether the configured issuer is one policy's URL (`https://<host>/webhook_policies/<name>`), so that the
    /// only issuer whose keys are fetched is one the application chose.
    var isPinnedToPolicy: Bool {
        guard let url else { return false }
        return !url.normalizedPath.isEmpty
    }

    func acceptsDiscoveryIssuer(_ issuer: String) -> Bool {
        guard let url, url.scheme == "https", let candidate = RServiceURL(issuer),
            url.hasSameOriginOrBrandTwin(candidate),
            Self.isPolicyPath(candidate.path)
        else { return false }
        if url.normalizedPath.isEmpty { return true }
        return url.path == candidate.path
    }

    /// `/webhook_policies/<name>` with a name of 1 to 128 letters, digits, `_` or `-`.
    static func isPolicyPath(_ path: String) -> Bool {
        let prefix = "/webhook_policies/"
        guard path.hasPrefix(prefix) else { return false }
        let name = path.dropFirst(prefix.count)
        return (1...128).contains(name.count) && name.allSatisfy { $0.isASCIILetterOrDigit || $0 == "_" || $0 == "-" }
    }
}

extension Character {
    var isASCIIDigit: Bool {
        isASCII && isNumber
    }

    var isASCIILetterOrDigit: Bool {
        guard let scalar = unicodeScalars.first, unicodeScalars.count == 1, scalar.isASCII else { return false }
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": return true
        default: return false
        }
    }
}
