/// An event name ApiTree sends. An open set: unknown names are valid values.
public struct ApiTreeEventName: VendorEventName {
    public static let vendor = WebhookVendor.apiTree
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }
}

extension ApiTreeEventName {
    /// The registry entries for ApiTree, filled in by the events issue.
    static let descriptors: [EventDescriptor] = []
}
