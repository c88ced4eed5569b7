import WebhookCore
public import WebhookValues

/// A webhook policy of the R-Service Webhook Policies API: how the vendor signs a webhook's messages as a JWT.
public struct RServiceWebhookPolicy: Codable, Sendable, Equatable {
    /// The policy's id.
    public var id: Int64
    /// The policy's generated name (56 hex characters in the examples).
    public var name: String?
    /// Whether the policy is disabled.
    public var disabled: FlexibleBool?
    /// The signing algorithm (`jwt_alg`).
    public var jwtAlgorithm: RServiceJWTAlgorithm?
    /// The `aud` claim of the tokens (`jwt_audience`).
    public var jwtAudience: String?
    /// How long tokens are valid (`jwt_claim_expires_in`); documented as a duration, whose unit (minutes or
    /// seconds) the vendor does not state clearly.
    public var jwtClaimExpiresIn: Int?
    /// The public key as SPKI PEM (`public_key_pem`); only in the response to `POST /webhook_policies`.
    public var publicKeyPEM: String?
    /// When the policy was created (`created_at`).
    public var createdAt: WebhookTimestamp?
    /// When the policy was last updated (`updated_at`).
    public var updatedAt: WebhookTimestamp?

    /// Creates a webhook policy resource.
    public init(
        id: Int64,
        name: String? = nil,
        disabled: FlexibleBool? = nil,
        jwtAlgorithm: RServiceJWTAlgorithm? = nil,
        jwtAudience: String? = nil,
        jwtClaimExpiresIn: Int? = nil,
        publicKeyPEM: String? = nil,
        createdAt: WebhookTimestamp? = nil,
        updatedAt: WebhookTimestamp? = nil
    ) {
        self.id = id
        self.name = name
        self.disabled = disabled
        self.jwtAlgorithm = jwtAlgorithm
        self.jwtAudience = jwtAudience
        self.jwtClaimExpiresIn = jwtClaimExpiresIn
        self.publicKeyPEM = publicKeyPEM
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Whether the policy is disabled (`false` when the field is absent).
    public var isDisabled: Bool { disabled?.value ?? false }

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case disabled
        case jwtAlgorithm = "jwt_alg"
        case jwtAudience = "jwt_audience"
        case jwtClaimExpiresIn = "jwt_claim_expires_in"
        case publicKeyPEM = "public_key_pem"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// The body of `POST /webhook_policies`: the writable fields; optional ones are left out when `nil`.
public struct RServiceWebhookPolicyCreateRequest: Codable, Sendable, Equatable {
    /// The signing algorithm (`jwt_alg`, required).
    public var jwtAlgorithm: RServiceJWTAlgorithm
    /// The `aud` claim of the tokens (`jwt_audience`, at most 2 KB).
    public var jwtAudience: String?
    /// How long tokens are valid (`jwt_claim_expires_in`).
    public var jwtClaimExpiresIn: Int?
    /// Whether the policy starts disabled.
    public var disabled: Bool?

    /// Creates a request body.
    public init(
        jwtAlgorithm: RServiceJWTAlgorithm,
        jwtAudience: String? = nil,
        jwtClaimExpiresIn: Int? = nil,
        disabled: Bool? = nil
    ) {
        self.jwtAlgorithm = jwtAlgorithm
        self.jwtAudience = jwtAudience
        self.jwtClaimExpiresIn = jwtClaimExpiresIn
        self.disabled = disabled
    }

    enum CodingKeys: String, CodingKey {
        case jwtAlgorithm = "jwt_alg"
        case jwtAudience = "jwt_audience"
        case jwtClaimExpiresIn = "jwt_claim_expires_in"
        case disabled
    }
}

/// The body of `PATCH /webhook_policies/:id`: only the fields to change; `nil` fields are left out.
public struct RServiceWebhookPolicyUpdateRequest: Codable, Sendable, Equatable {
    /// The new signing algorithm (`jwt_alg`).
    public var jwtAlgorithm: RServiceJWTAlgorithm?
    /// The new audience (`jwt_audience`).
    public var jwtAudience: String?
    /// The new validity (`jwt_claim_expires_in`).
    public var jwtClaimExpiresIn: Int?
    /// Disables or enables the policy.
    public var disabled: Bool?

    /// Creates a request body.
    public init(
        jwtAlgorithm: RServiceJWTAlgorithm? = nil,
        jwtAudience: String? = nil,
        jwtClaimExpiresIn: Int? = nil,
        disabled: Bool? = nil
    ) {
        self.jwtAlgorithm = jwtAlgorithm
        self.jwtAudience = jwtAudience
        self.jwtClaimExpiresIn = jwtClaimExpiresIn
        self.disabled = disabled
    }

    enum CodingKeys: String, CodingKey {
        case jwtAlgorithm = "jwt_alg"
        case jwtAudience = "jwt_audience"
        case jwtClaimExpiresIn = "jwt_claim_expires_in"
        case disabled
    }
}

/// A webhook policy's signing algorithm (`jwt_alg`), lower case as the API sends it. An open set.
public struct RServiceJWTAlgorithm: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The value as the API sends it, e.g. `rs256`.
    public let rawValue: String

    /// Creates an algorithm from its API value.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }

    public var description: String { rawValue }

    /// The name the JWS header uses for it, e.g. `RS256` (the API value in upper case).
    public var jwsName: String { rawValue.uppercased() }

    /// `none`: messages are not signed.
    public static let none = RServiceJWTAlgorithm(rawValue: "none")
    /// `hs256`: HMAC with SHA-256.
    public static let hs256 = RServiceJWTAlgorithm(rawValue: "hs256")
    /// `hs384`: HMAC with SHA-384.
    public static let hs384 = RServiceJWTAlgorithm(rawValue: "hs384")
    /// `hs512`: HMAC with SHA-512.
    public static let hs512 = RServiceJWTAlgorithm(rawValue: "hs512")
    /// `rs256`: RSA PKCS #1 v1.5 with SHA-256.
    public static let rs256 = RServiceJWTAlgorithm(rawValue: "rs256")
    /// `rs384`: RSA PKCS #1 v1.5 with SHA-384.
    public static let rs384 = RServiceJWTAlgorithm(rawValue: "rs384")
    /// `rs512`: RSA PKCS #1 v1.5 with SHA-512.
    public static let rs512 = RServiceJWTAlgorithm(rawValue: "rs512")
    /// `es256`: ECDSA on P-256 with SHA-256.
    public static let es256 = RServiceJWTAlgorithm(rawValue: "es256")
    /// `es384`: ECDSA on P-384 with SHA-384.
    public static let es384 = RServiceJWTAlgorithm(rawValue: "es384")
    /// `es512`: ECDSA on P-521 with SHA-512.
    public static let es512 = RServiceJWTAlgorithm(rawValue: "es512")

    /// The ten values the API documents.
    public static let documented: [RServiceJWTAlgorithm] = [
        .none, .hs256, .hs384, .hs512, .rs256, .rs384, .rs512, .es256, .es384, .es512,
    ]

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
