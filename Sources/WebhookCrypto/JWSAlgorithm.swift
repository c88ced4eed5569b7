/// A JWS `alg` value (RFC 7518). An open set: unknown values can be represented but never verify.
public struct JWSAlgorithm: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The header value, such as `"HS256"`.
    public let rawValue: String

    /// Creates an algorithm from its header value (case-sensitive, as in RFC 7515).
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// HMAC with SHA-256.
    public static let hs256 = JWSAlgorithm(rawValue: "HS256")
    /// HMAC with SHA-384.
    public static let hs384 = JWSAlgorithm(rawValue: "HS384")
    /// HMAC with SHA-512.
    public static let hs512 = JWSAlgorithm(rawValue: "HS512")
    /// RSASSA-PKCS1-v1_5 with SHA-256.
    public static let rs256 = JWSAlgorithm(rawValue: "RS256")
    /// RSASSA-PKCS1-v1_5 with SHA-384.
    public static let rs384 = JWSAlgorithm(rawValue: "RS384")
    /// RSASSA-PKCS1-v1_5 with SHA-512.
    public static let rs512 = JWSAlgorithm(rawValue: "RS512")
    /// RSASSA-PSS with SHA-256, MGF1 with SHA-256, 32-byte salt.
    public static let ps256 = JWSAlgorithm(rawValue: "PS256")
    /// RSASSA-PSS with SHA-384, MGF1 with SHA-384, 48-byte salt.
    public static let ps384 = JWSAlgorithm(rawValue: "PS384")
    /// RSASSA-PSS with SHA-512, MGF1 with SHA-512, 64-byte salt.
    public static let ps512 = JWSAlgorithm(rawValue: "PS512")
    /// ECDSA on P-256 with SHA-256 (raw R‖S signature).
    public static let es256 = JWSAlgorithm(rawValue: "ES256")
    /// ECDSA on P-384 with SHA-384 (raw R‖S signature).
    public static let es384 = JWSAlgorithm(rawValue: "ES384")
    /// ECDSA on P-521 with SHA-512 (raw R‖S signature).
    public static let es512 = JWSAlgorithm(rawValue: "ES512")

    /// Every algorithm this library implements.
    package static let supported: [JWSAlgorithm] = [
        .hs256, .hs384, .hs512, .rs256, .rs384, .rs512, .ps256, .ps384, .ps512, .es256, .es384, .es512,
    ]

    public var description: String { rawValue }

    enum Family: Hashable {
        case hmac
        case rsaPKCS1
        case rsaPSS
        case ecdsa(ECCurve)
    }

    /// The family and hash, or nil for an algorithm this library does not implement.
    var parameters: (family: Family, hash: HashAlgorithm)? {
        switch rawValue {
        case "HS256": (.hmac, .sha256)
        case "HS384": (.hmac, .sha384)
        case "HS512": (.hmac, .sha512)
        case "RS256": (.rsaPKCS1, .sha256)
        case "RS384": (.rsaPKCS1, .sha384)
        case "RS512": (.rsaPKCS1, .sha512)
        case "PS256": (.rsaPSS, .sha256)
        case "PS384": (.rsaPSS, .sha384)
        case "PS512": (.rsaPSS, .sha512)
        case "ES256": (.ecdsa(.p256), .sha256)
        case "ES384": (.ecdsa(.p384), .sha384)
        case "ES512": (.ecdsa(.p521), .sha512)
        default: nil
        }
    }

    var isHMAC: Bool { parameters?.family == .hmac }
}
