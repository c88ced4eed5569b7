/// An event name Confluence sends. An open set: unknown names are valid values.
public struct ConfluenceEventName: VendorEventName {
    public static let vendor = WebhookVendor.confluence
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }
}

extension ConfluenceEventName {
    /// The registry entries for Confluence, filled in by the events issue.
    static let descriptors: [EventDescriptor] = []
}
