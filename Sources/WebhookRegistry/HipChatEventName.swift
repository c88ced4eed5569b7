/// An event name HipChat sends. An open set: unknown names are valid values.
public struct HipChatEventName: VendorEventName {
    public static let vendor = WebhookVendor.hipChat
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }
}

extension HipChatEventName {
    /// The registry entries for HipChat, filled in by the events issue.
    static let descriptors: [EventDescriptor] = []
}
