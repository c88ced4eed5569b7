public import WebhookCore

/// Every event name of every supported vendor, with its metadata.
///
/// The registry stands on its own: it needs none of the vendor targets, so a router or a
/// subscription UI can list names without importing the models.
public enum EventRegistry {
    /// All descriptors, vendor by vendor in `WebhookVendor.supported` order.
    public static let all: [EventDescriptor] =
        HipChatEventName.descriptors + ConfluenceEventName.descriptors
        + RServiceEventName.descriptors + ApiTreeEventName.descriptors

    private struct Key: Hashable {
        var vendor: WebhookVendor
        var name: String
    }

    private static let index: [Key: EventDescriptor] = {
        var index: [Key: EventDescriptor] = [:]
        index.reserveCapacity(all.count)
        for descriptor in all {
            index[Key(vendor: descriptor.vendor, name: descriptor.name)] = descriptor
        }
        return index
    }()

    private static let byVendor: [WebhookVendor: [EventDescriptor]] = Dictionary(grouping: all, by: \.vendor)

    /// The descriptors of one vendor, in registry order; empty for a vendor this version does not know.
    public static func events(for vendor: WebhookVendor) -> [EventDescriptor] {
        byVendor[vendor] ?? []
    }

    /// The event names of one vendor, in registry order.
    public static func names(for vendor: WebhookVendor) -> [String] {
        events(for: vendor).map(\.name)
    }

    /// The descriptor of a vendor's event, or `nil` when the name is not registered.
    ///
    /// An unregistered name is still a valid event name: the vendor types are open sets.
    public static func descriptor(vendor: WebhookVendor, name: String) -> EventDescriptor? {
        index[Key(vendor: vendor, name: name)]
    }

    /// Whether the name is registered for the vendor.
    public static func contains(vendor: WebhookVendor, name: String) -> Bool {
        index[Key(vendor: vendor, name: name)] != nil
    }
}
