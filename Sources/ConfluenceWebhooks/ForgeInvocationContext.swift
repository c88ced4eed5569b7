import WebhookCore
public import WebhookValues

/// The verified claims of a Forge Invocation Token (FIT): who invoked the remote, for which installation.
///
/// Only `app.id`, `app.installationId` and `app.apiBaseUrl` are required (with `iss`, `aud` and `exp`, which the
/// verifier checks); every other member is optional, because Atlassian changes the token's contents (RFC-138 may
/// trim `context`) and documents some members only for UI invocations. Unknown members are ignored, and an
/// optional member of an unexpected JSON type is read as absent.
public struct ForgeInvocationContext: Sendable, Equatable {
    /// `app.id`: the app's ARI (`ari:cloud:ecosystem::app/<uuid>`), equal to the token's `aud`.
    public var appID: String
    /// `app.installationId`: the installation's ARI. Atlassian: "Use this value as the key for remote storage";
    /// it survives upgrades and changes on reinstall.
    public var installationID: String
    /// `app.apiBaseUrl`: where the app calls the product's REST API for this installation.
    public var apiBaseURL: String
    /// `app.appVersion`, such as `2.0.0`.
    public var appVersion: String?
    /// `app.environment`: the app environment invoked.
    public var environment: Environment?
    /// `app.module`: the module invoked (`core:endpoint` for events).
    public var module: Module?
    /// `app.license`: present only for paid apps in production.
    public var license: License?
    /// `context`: the invocation context (for events, at most the site's `cloudId`).
    public var context: Context?
    /// `principal`: the invoking user's account id (UI invocations only).
    public var principal: String?
    /// `jti`: the token's id. Unique per token; Forge's retries carry new tokens, so it does not identify a
    /// delivery.
    public var jwtID: String?
    /// `icLabel`: the Isolated Cloud the request came from, when it did.
    public var isolatedCloudLabel: String?
    /// `iat`: when the token was issued (UNIX seconds).
    public var issuedAt: Double?
    /// `exp`: when the token expires (UNIX seconds).
    public var expiresAt: Double?

    /// `app.environment`.
    public struct Environment: Sendable, Equatable, Codable {
        /// `DEVELOPMENT`, `STAGING` or `PRODUCTION`.
        public var type: String?
        /// The environment's ARI.
        public var id: String?

        /// Creates an environment.
        public init(type: String? = nil, id: String? = nil) {
            self.type = type
            self.id = id
        }
    }

    /// `app.module`.
    public struct Module: Sendable, Equatable, Codable {
        /// The module type, such as `core:endpoint` or `xen:macro`.
        public var type: String?
        /// The module key.
        public var key: String?

        /// Creates a module.
        public init(type: String? = nil, key: String? = nil) {
            self.type = type
            self.key = key
        }
    }

    /// `app.license`; every member is optional (the set changed during 2025–2026).
    public struct License: Sendable, Equatable, Codable {
        /// Whether the license is active (`active`; the deprecated `isActive` is not read).
        public var active: FlexibleBool?
        /// `MONTHLY`, `ANNUAL`, ….
        public var billingPeriod: String?
        /// The edition, such as `capabilityAdvanced`.
        public var capabilitySet: String?
        /// The entitlement id.
        public var ccpEntitlementId: String?
        /// The entitlement slug.
        public var ccpEntitlementSlug: String?
        /// Whether this is an evaluation.
        public var isEvaluation: FlexibleBool?
        /// When the subscription ends (ISO 8601).
        public var subscriptionEndDate: String?
        /// When the trial ends (ISO 8601).
        public var trialEndDate: String?
        /// The license type, such as `commercial`.
        public var type: String?
        /// The license modes, such as `USER_ACCESS`.
        public var modes: [String]?

        /// Creates a license.
        public init(active: FlexibleBool? = nil, type: String? = nil) {
            self.active = active
            self.type = type
        }
    }

    /// `context`; other members of it are ignored.
    public struct Context: Sendable, Equatable, Codable {
        /// The site's cloud id; "does not change upon app re-installation".
        public var cloudId: String?
        /// The site's URL.
        public var siteUrl: String?

        /// Creates a context.
        public init(cloudId: String? = nil, siteUrl: String? = nil) {
            self.cloudId = cloudId
            self.siteUrl = siteUrl
        }
    }

    /// Creates a context.
    public init(appID: String, installationID: String, apiBaseURL: String) {
        self.appID = appID
        self.installationID = installationID
        self.apiBaseURL = apiBaseURL
    }
}

extension ForgeInvocationContext {
    /// Reads the claims JSON of a token (verified by the caller).
    /// - Throws: `missingClaim` for a missing `app`, `app.id`, `app.installationId` or `app.apiBaseUrl`;
    ///   `invalidClaim` for one of them of the wrong JSON type. An optional member of another type is read as absent.
    static func read(claims: JSONValue) throws(WebhookError) -> ForgeInvocationContext {
        guard let app = claims["app"], !app.isNull else {
            throw WebhookError(.missingClaim, "required claim app is missing")
        }
        guard case .object = app else {
            throw WebhookError(.invalidClaim, "claim app is not a JSON object")
        }
        func requiredString(_ name: String) throws(WebhookError) -> String {
            guard let value = app[name], !value.isNull else {
                throw WebhookError(.missingClaim, "required claim app.\(name) is missing")
            }
            guard case .string(let text) = value, !text.isEmpty else {
                throw WebhookError(.invalidClaim, "claim app.\(name) is not a non-empty string")
            }
            return text
        }
        // An optional member of an unexpected type is read as absent: an authentic token is not refused because
        // Atlassian changed a member the receiver may not even use.
        func optional<T: Decodable>(_ value: JSONValue?, _ type: T.Type) -> T? {
            guard let value, !value.isNull else { return nil }
            return value.decoded(as: type)
        }
        var context = ForgeInvocationContext(
            appID: try requiredString("id"),
            installationID: try requiredString("installationId"),
            apiBaseURL: try requiredString("apiBaseUrl")
        )
        context.appVersion = optional(app["appVersion"], String.self)
        context.environment = optional(app["environment"], Environment.self)
        context.module = optional(app["module"], Module.self)
        context.license = optional(app["license"], License.self)
        context.context = optional(claims["context"], Context.self)
        context.principal = optional(claims["principal"], String.self)
        context.jwtID = optional(claims["jti"], String.self)
        context.isolatedCloudLabel = optional(claims["icLabel"], String.self)
        context.issuedAt = claims["iat"]?.doubleValue
        context.expiresAt = claims["exp"]?.doubleValue
        return context
    }
}
