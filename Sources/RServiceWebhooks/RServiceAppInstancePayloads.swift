public import WebhookCore

/// The payload of `app_instance.secrets-update` (and of its 2021 name `integration_instance.secrets-update`):
/// the new client credentials and/or webhook-policy details of an app instance in a customer account.
///
/// Shape from the vendor's own app-builder and connector code; every field is optional.
public struct RServiceSecretsUpdate: RServicePayload {
    /// The id of the audit line that records the change (`audit_line_id`).
    public var auditLineID: Int64?
    /// The GraphQL node id of that audit line (`audit_line_nodeID`).
    public var auditLineNodeID: String?
    /// The app offering the instance belongs to (`app_offering`).
    public var appOffering: RServiceAppOfferingReference?
    /// The integration the instance belongs to (`integration`): the 2021 key in place of `app_offering`.
    public var integration: RServiceAppOfferingReference?
    /// The customer account the app instance lives in (`customer_account_id`).
    public var customerAccountID: String?
    /// The OAuth application created for the instance, with its client credentials (`application`).
    public var application: RServiceOAuthApplication?
    /// The webhook policy that signs the customer account's messages to the app (`policy`).
    public var policy: RServiceSecretsPolicy?
    /// The secrets the customer entered for the instance (`secrets`), as free JSON.
    public var secrets: JSONValue?

    /// Creates a payload.
    public init(
        auditLineID: Int64? = nil,
        auditLineNodeID: String? = nil,
        appOffering: RServiceAppOfferingReference? = nil,
        integration: RServiceAppOfferingReference? = nil,
        customerAccountID: String? = nil,
        application: RServiceOAuthApplication? = nil,
        policy: RServiceSecretsPolicy? = nil,
        secrets: JSONValue? = nil
    ) {
        self.auditLineID = auditLineID
        self.auditLineNodeID = auditLineNodeID
        self.appOffering = appOffering
        self.integration = integration
        self.customerAccountID = customerAccountID
        self.application = application
        self.policy = policy
        self.secrets = secrets
    }

    /// The app offering, read from `app_offering` or else from the 2021 `integration` key.
    public var offering: RServiceAppOfferingReference? { appOffering ?? integration }

    enum CodingKeys: String, CodingKey {
        case auditLineID = "audit_line_id"
        case auditLineNodeID = "audit_line_nodeID"
        case appOffering = "app_offering"
        case integration
        case customerAccountID = "customer_account_id"
        case application
        case policy
        case secrets
    }
}

/// The payload of `app_instance.create`, `app_instance.update` and `app_instance.delete`.
///
/// Not documented beyond the common keys; the app offering is assumed to be sent as in secrets updates.
public struct RServiceAppInstanceChange: RServicePayload {
    /// The id of the audit line that records the change (`audit_line_id`).
    public var auditLineID: Int64?
    /// The GraphQL node id of that audit line (`audit_line_nodeID`).
    public var auditLineNodeID: String?
    /// The app offering the instance belongs to (`app_offering`).
    public var appOffering: RServiceAppOfferingReference?
    /// The customer account the app instance lives in (`customer_account_id`).
    public var customerAccountID: String?
    /// The instance's source (`source`).
    public var source: String?
    /// The instance's id in its source (`sourceID`).
    public var sourceID: String?

    /// Creates a payload.
    public init(
        auditLineID: Int64? = nil,
        auditLineNodeID: String? = nil,
        appOffering: RServiceAppOfferingReference? = nil,
        customerAccountID: String? = nil,
        source: String? = nil,
        sourceID: String? = nil
    ) {
        self.auditLineID = auditLineID
        self.auditLineNodeID = auditLineNodeID
        self.appOffering = appOffering
        self.customerAccountID = customerAccountID
        self.source = source
        self.sourceID = sourceID
    }

    enum CodingKeys: String, CodingKey {
        case auditLineID = "audit_line_id"
        case auditLineNodeID = "audit_line_nodeID"
        case appOffering = "app_offering"
        case customerAccountID = "customer_account_id"
        case source
        case sourceID
    }
}

/// A reference to an app offering: `{reference, id, nodeID}`, e.g. `{"reference":"typeform","id":1,...}`.
public struct RServiceAppOfferingReference: Codable, Sendable, Equatable {
    /// The offering's reference, a stable name such as `typeform`.
    public var reference: String?
    /// The offering's id.
    public var id: Int64?
    /// The offering's GraphQL node id (`nodeID`).
    public var nodeID: String?

    /// Creates an app offering reference.
    public init(reference: String? = nil, id: Int64? = nil, nodeID: String? = nil) {
        self.reference = reference
        self.id = id
        self.nodeID = nodeID
    }
}

/// The OAuth application of an app instance, with its client credentials (`application` in a secrets update).
public struct RServiceOAuthApplication: Codable, Sendable, Equatable {
    /// The application's GraphQL node id (`nodeID`).
    public var nodeID: String?
    /// The OAuth client id (`client_id`).
    public var clientID: String?
    /// The OAuth client secret (`client_secret`).
    public var clientSecret: String?

    /// Creates an application.
    public init(nodeID: String? = nil, clientID: String? = nil, clientSecret: String? = nil) {
        self.nodeID = nodeID
        self.clientID = clientID
        self.clientSecret = clientSecret
    }

    enum CodingKeys: String, CodingKey {
        case nodeID
        case clientID = "client_id"
        case clientSecret = "client_secret"
    }
}

/// The webhook policy details in a secrets update (`policy`): what the app needs to verify the customer
/// account's signed messages.
public struct RServiceSecretsPolicy: Codable, Sendable, Equatable {
    /// The policy's GraphQL node id (`nodeID`).
    public var nodeID: String?
    /// The JWT audience (`audience`); `null` when the policy sets none.
    public var audience: String?
    /// The JWS algorithm as it appears in the token header, e.g. `RS256` (`algorithm`).
    public var algorithm: String?
    /// The policy's public key as SPKI PEM (`public_key`).
    public var publicKey: String?
    /// The expected JWT issuer (`issuer`), read by the vendor's connectors; not in the 2021 captures.
    public var issuer: String?

    /// Creates policy details.
    public init(
        nodeID: String? = nil,
        audience: String? = nil,
        algorithm: String? = nil,
        publicKey: String? = nil,
        issuer: String? = nil
    ) {
        self.nodeID = nodeID
        self.audience = audience
        self.algorithm = algorithm
        self.publicKey = publicKey
        self.issuer = issuer
    }

    enum CodingKeys: String, CodingKey {
        case nodeID
        case audience
        case algorithm
        case publicKey = "public_key"
        case issuer
    }
}
