public import WebhookCore

/// The body of a Connect lifecycle callback (`installed`, `uninstalled`, `enabled`, `disabled`): who installed the
/// app, where, and (for `installed`) the shared secret that signs the installation's webhooks afterwards.
///
/// Members as Atlassian documents them (the old static lifecycle page, the 2023 licensing announcement, the Connect
/// descriptor schema, the 2026 Forge-adoption page). `clientKey` and `baseUrl` are required; every other member is
/// optional, and members this version does not type are kept in ``additionalFields``.
///
/// The value holds the shared secret: do not log it. `String(describing:)` and string interpolation show the
/// `clientKey`, the site and the event only.
public struct ConnectInstallation: Codable, Sendable, Equatable, CustomDebugStringConvertible {
    /// The app's key from its descriptor (`key`).
    public var key: String?
    /// The installation's identifier (`clientKey`): the `iss` of every JWT the installation signs.
    public var clientKey: String
    /// The secret the installation signs its webhooks with (`sharedSecret`); sent with `installed` only.
    public var sharedSecret: String?
    /// The site's address (`baseUrl`), such as `https://example.atlassian.net/wiki` for Confluence.
    public var baseURL: String
    /// The address users see, when the site has a custom domain (`displayUrl`).
    public var displayURL: String?
    /// The help-centre address of Jira Service Management sites (`displayUrlServicedeskHelpCenter`).
    public var displayURLServicedeskHelpCenter: String?
    /// The product (`productType`): `confluence`, `jira`.
    public var productType: String?
    /// A description of the site (`description`).
    public var description: String?
    /// The product's build (`serverVersion`).
    public var serverVersion: String?
    /// The Connect framework's version (`pluginsVersion`).
    public var pluginsVersion: String?
    /// The support entitlement number (`serviceEntitlementNumber`), for paid apps.
    public var serviceEntitlementNumber: String?
    /// The licence entitlement's id (`entitlementId`), since 2023.
    public var entitlementID: String?
    /// The licence entitlement's number (`entitlementNumber`), since 2023.
    public var entitlementNumber: String?
    /// The OAuth client id of the app (`oauthClientId`).
    public var oauthClientID: String?
    /// The Forge installation id (`installationId`, `ari:cloud:ecosystem::installation/<uuid>`), for apps adopted
    /// into Forge; until Connect's end of support.
    public var installationID: String?
    /// The site's cloud id (`cloudId`), when sent (some integrations store it; Atlassian does not document it).
    public var cloudID: String?
    /// The lifecycle event (`eventType`): `installed`, `uninstalled`, `enabled`, `disabled`.
    public var eventType: String?
    /// The deprecated `publicKey` member ("should not be used"); kept only so that nothing is dropped.
    public var publicKey: String?
    /// Members this version does not type.
    public var additionalFields: [String: JSONValue]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case key, clientKey, sharedSecret
        case baseURL = "baseUrl"
        case displayURL = "displayUrl"
        case displayURLServicedeskHelpCenter = "displayUrlServicedeskHelpCenter"
        case productType, description, serverVersion, pluginsVersion, serviceEntitlementNumber
        case entitlementID = "entitlementId"
        case entitlementNumber
        case oauthClientID = "oauthClientId"
        case installationID = "installationId"
        case cloudID = "cloudId"
        case eventType, publicKey
    }

    /// Creates an installation.
    public init(
        clientKey: String,
        baseURL: String,
        sharedSecret: String? = nil,
        key: String? = nil,
        eventType: String? = nil,
        productType: String? = nil,
        additionalFields: [String: JSONValue] = [:]
    ) {
        self.clientKey = clientKey
        self.baseURL = baseURL
        self.sharedSecret = sharedSecret
        self.key = key
        self.eventType = eventType
        self.productType = productType
        self.additionalFields = additionalFields
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = try container.decodeIfPresent(String.self, forKey: .key)
        clientKey = try container.decode(String.self, forKey: .clientKey)
        sharedSecret = try container.decodeIfPresent(String.self, forKey: .sharedSecret)
        baseURL = try container.decode(String.self, forKey: .baseURL)
        displayURL = try container.decodeIfPresent(String.self, forKey: .displayURL)
        displayURLServicedeskHelpCenter = try container.decodeIfPresent(
            String.self,
            forKey: .displayURLServicedeskHelpCenter
        )
        productType = try container.decodeIfPresent(String.self, forKey: .productType)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        serverVersion = try container.decodeIfPresent(String.self, forKey: .serverVersion)
        pluginsVersion = try container.decodeIfPresent(String.self, forKey: .pluginsVersion)
        serviceEntitlementNumber = try container.decodeIfPresent(String.self, forKey: .serviceEntitlementNumber)
        entitlementID = try container.decodeIfPresent(String.self, forKey: .entitlementID)
        entitlementNumber = try container.decodeIfPresent(String.self, forKey: .entitlementNumber)
        oauthClientID = try container.decodeIfPresent(String.self, forKey: .oauthClientID)
        installationID = try container.decodeIfPresent(String.self, forKey: .installationID)
        cloudID = try container.decodeIfPresent(String.self, forKey: .cloudID)
        eventType = try container.decodeIfPresent(String.self, forKey: .eventType)
        publicKey = try container.decodeIfPresent(String.self, forKey: .publicKey)
        additionalFields = try ConfluenceAdditionalFields.decode(from: decoder, known: CodingKeys.wireNames)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(key, forKey: .key)
        try container.encode(clientKey, forKey: .clientKey)
        try container.encodeIfPresent(sharedSecret, forKey: .sharedSecret)
        try container.encode(baseURL, forKey: .baseURL)
        try container.encodeIfPresent(displayURL, forKey: .displayURL)
        try container.encodeIfPresent(displayURLServicedeskHelpCenter, forKey: .displayURLServicedeskHelpCenter)
        try container.encodeIfPresent(productType, forKey: .productType)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeIfPresent(serverVersion, forKey: .serverVersion)
        try container.encodeIfPresent(pluginsVersion, forKey: .pluginsVersion)
        try container.encodeIfPresent(serviceEntitlementNumber, forKey: .serviceEntitlementNumber)
        try container.encodeIfPresent(entitlementID, forKey: .entitlementID)
        try container.encodeIfPresent(entitlementNumber, forKey: .entitlementNumber)
        try container.encodeIfPresent(oauthClientID, forKey: .oauthClientID)
        try container.encodeIfPresent(installationID, forKey: .installationID)
        try container.encodeIfPresent(cloudID, forKey: .cloudID)
        try container.encodeIfPresent(eventType, forKey: .eventType)
        try container.encodeIfPresent(publicKey, forKey: .publicKey)
        try ConfluenceAdditionalFields.encode(additionalFields, to: encoder, known: CodingKeys.wireNames)
    }

    /// `ConnectInstallation(clientKey: …, baseURL: …, eventType: …)`: never the shared secret.
    public var debugDescription: String {
        "ConnectInstallation(clientKey: \(clientKey), baseURL: \(baseURL), eventType: \(eventType ?? "nil"))"
    }
}
