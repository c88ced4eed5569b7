public import WebhookCore

/// An event name ApiTree sends. An open set: unknown names are valid values.
public struct ApiTreeEventName: VendorEventName {
    public static let vendor = WebhookVendor.apiTree
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }
}

extension ApiTreeEventName {
    /// `api.created`: a user created a new API.
    public static let apiCreated = ApiTreeEventName(rawValue: "api.created")
    /// `api.deleted`: a user deleted an API.
    public static let apiDeleted = ApiTreeEventName(rawValue: "api.deleted")
    /// `release.released`: a user released a new API version.
    public static let releaseReleased = ApiTreeEventName(rawValue: "release.released")
    /// `release.deprecated`: a user marked a release as deprecated.
    public static let releaseDeprecated = ApiTreeEventName(rawValue: "release.deprecated")
    /// `release.endOfLife`: a user marked a release as end-of-life (the vendor spells it in camelCase).
    public static let releaseEndOfLife = ApiTreeEventName(rawValue: "release.endOfLife")
    /// `release.deleted`: a user deleted a release.
    public static let releaseDeleted = ApiTreeEventName(rawValue: "release.deleted")
    /// `webhook.created`: a webhook was created (seen in the Event-API reference's examples only).
    public static let webhookCreated = ApiTreeEventName(rawValue: "webhook.created")
    /// `plan.subscribed`: a plan was subscribed to (seen in the Event-API reference's examples only).
    public static let planSubscribed = ApiTreeEventName(rawValue: "plan.subscribed")
    /// `user.created`: a user was created (seen in the Event-API reference's examples only).
    public static let userCreated = ApiTreeEventName(rawValue: "user.created")

    /// The part before the first dot (`release` in `release.endOfLife`), or the whole name when it has no dot.
    public var category: String {
        guard let dot = rawValue.firstIndex(of: ".") else { return rawValue }
        return String(rawValue[..<dot])
    }

    /// The part after the first dot (`endOfLife` in `release.endOfLife`), or `nil` when the name has no dot.
    public var action: String? {
        guard let dot = rawValue.firstIndex(of: ".") else { return nil }
        return String(rawValue[rawValue.index(after: dot)...])
    }

    private static let exampleOnly = " (seen in the Event-API reference's examples, not in its event list)"

    /// The registry entries for ApiTree.
    ///
    /// The six names of the webhooks page's event list, and three names that ApiTree's Event-API reference shows
    /// only in its examples (an example event message and an example webhook's subscriptions).
    static let descriptors: [EventDescriptor] = [
        descriptor(.apiCreated, "A user creates a new API."),
        descriptor(.apiDeleted, "A user deletes an API."),
        descriptor(.releaseReleased, "A user releases a new API version."),
        descriptor(.releaseDeprecated, "A user marks a release as \"deprecated\"."),
        descriptor(.releaseEndOfLife, "A user marks a release as \"end-of-life\"."),
        descriptor(.releaseDeleted, "A user deletes a release."),
        descriptor(.webhookCreated, "A webhook was created" + exampleOnly + "."),
        descriptor(.planSubscribed, "A plan was subscribed to" + exampleOnly + "."),
        descriptor(.userCreated, "A user was created" + exampleOnly + "."),
    ]

    private static func descriptor(_ name: ApiTreeEventName, _ summary: String) -> EventDescriptor {
        EventDescriptor(
            vendor: vendor,
            name: name.rawValue,
            summary: summary,
            category: name.category,
            action: name.action,
            swiftType: "ApiTreeEventPayload",
            confirmation: .documented
        )
    }
}
