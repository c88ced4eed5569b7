import Foundation

/// The registered JWT claim names (RFC 7519 section 4.1).
package enum RegisteredClaim: String, Hashable, Sendable, CaseIterable {
    case iss, sub, aud, exp, nbf, iat, jti
}

/// The JOSE header members this library reads.
package struct JOSEHeader: Sendable, Equatable {
    /// `alg`, as sent.
    package var algorithm: String
    /// `kid`, if present.
    package var keyID: String?
    /// `typ`, if present.
    package var type: String?
    /// `crit`, if present. (Any entry makes verification fail: this library understands no extension.)
    package var critical: [String]?

    /// Creates a header value.
    package init(algorithm: String, keyID: String? = nil, type: String? = nil, critical: [String]? = nil) {
        self.algorithm = algorithm
        self.keyID = keyID
        self.type = type
        self.critical = critical
    }
}

/// The registered claims of a token. Vendor claims are in the payload bytes.
public struct JWTClaims: Sendable, Equatable {
    /// `iss`.
    public var issuer: String?
    /// `sub`.
    public var subject: String?
    /// `aud`, always as a list (a single string becomes one element).
    public var audience: [String]?
    /// `exp` in UNIX seconds.
    public var expiresAt: Double?
    /// `nbf` in UNIX seconds.
    public var notBefore: Double?
    /// `iat` in UNIX seconds.
    public var issuedAt: Double?
    /// `jti`.
    public var jwtID: String?

    /// Creates a claims value.
    package init(
        issuer: String? = nil,
        subject: String? = nil,
        audience: [String]? = nil,
        expiresAt: Double? = nil,
        notBefore: Double? = nil,
        issuedAt: Double? = nil,
        jwtID: String? = nil
    ) {
        self.issuer = issuer
        self.subject = subject
        self.audience = audience
        self.expiresAt = expiresAt
        self.notBefore = notBefore
        self.issuedAt = issuedAt
        self.jwtID = jwtID
    }

    /// Whether the claim is present.
    package func contains(_ claim: RegisteredClaim) -> Bool {
        switch claim {
        case .iss: issuer != nil
        case .sub: subject != nil
        case .aud: audience != nil
        case .exp: expiresAt != nil
        case .nbf: notBefore != nil
        case .iat: issuedAt != nil
        case .jti: jwtID != nil
        }
    }
}

/// A token whose signature and claims have been verified (by `WebhookCrypto`'s `JWTVerifier`, which alone makes
/// these).
public struct VerifiedJWT: Sendable {
    /// The header.
    package let header: JOSEHeader
    /// The registered claims.
    public let claims: JWTClaims
    /// The decoded claims JSON exactly as signed, for vendor claims (`context`, `qsh`, ...).
    public let payload: [UInt8]

    /// Creates the value of a token that the caller has verified.
    package init(header: JOSEHeader, claims: JWTClaims, payload: [UInt8]) {
        self.header = header
        self.claims = claims
        self.payload = payload
    }

    /// The limits every JOSE document (header, claims, JWK) is read with.
    package static let jsonLimits = JSONReader.Limits(maximumDepth: 32)

    /// Decodes the payload with `JSONDecoder`.
    /// - Parameter type: The type to decode.
    /// - Returns: The decoded value.
    /// - Throws: ``WebhookError/Code/malformedToken`` when decoding fails.
    public func decodePayload<T: Decodable>(as type: T.Type) throws(WebhookError) -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(payload))
        } catch {
            throw WebhookError(.malformedToken, "payload does not decode as \(T.self)")
        }
    }

    /// Reads one top-level claim that must be a string, such as Atlassian Connect's `qsh`, with the package's own
    /// JSON reader: cheaper than ``decodePayload(as:)`` when one claim is all a caller needs.
    /// - Parameter name: The claim's name, matched exactly (after JSON unescaping).
    /// - Returns: The claim's value, or nil when the claim is absent or `null`.
    /// - Throws: ``WebhookError/Code/invalidClaim`` when the claim has another JSON type;
    ///   ``WebhookError/Code/malformedToken`` when the claim appears twice (or the payload does not parse).
    public func stringClaim(_ name: String) throws(WebhookError) -> String? {
        let value: JSONValue?
        do {
            let members = try JSONReader.topLevelMembers(
                payload,
                limits: Self.jsonLimits,
                rejectDuplicates: false,
                acceptsOverflowingNumbers: true
            )
            let named = members.filter { $0.name.utf8.elementsEqual(name.utf8) }
            guard named.count <= 1 else { throw JSONReader.Failure.duplicateMember }
            value = try named.first.map { member throws(JSONReader.Failure) in
                try JSONReader.parse(payload[member.value], limits: Self.jsonLimits, acceptsOverflowingNumbers: true)
            }
        } catch {
            throw WebhookError(.malformedToken, "payload cannot be read (or names a claim twice)")
        }
        switch value {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw WebhookError(.invalidClaim, "claim \(name.prefix(32)) is not a string")
        }
    }
}
