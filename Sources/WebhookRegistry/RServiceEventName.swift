/// An event name RService sends. An open set: unknown names are valid values.
public struct RServiceEventName: VendorEventName {
    public static let vendor = WebhookVendor.rService
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }
}

extension RServiceEventName {
    /// The registry entries for RService, filled in by the events issue.
    static let descriptors: [EventDescriptor] = []
}
