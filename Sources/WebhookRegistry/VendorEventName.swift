public import WebhookCore

/// The shape every vendor's event-name type shares: an open set of strings with static members
/// for the names the registry knows.
///
/// A name the registry does not know is still a valid value, so a new vendor event never breaks decoding.
public protocol VendorEventName: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
where RawValue == String {
    /// The vendor whose names this type holds.
    static var vendor: WebhookVendor { get }
    /// Creates a name from the string the vendor sends.
    init(rawValue: String)
}

extension VendorEventName {
    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }

    public var description: String { rawValue }

    /// The registry's descriptor for this name, or `nil` when the name is not registered.
    public var descriptor: EventDescriptor? {
        EventRegistry.descriptor(vendor: Self.vendor, name: rawValue)
    }

    /// Whether the registry knows this name.
    public var isRegistered: Bool {
        EventRegistry.contains(vendor: Self.vendor, name: rawValue)
    }

    /// Every registered name of this vendor.
    public static var allRegistered: [Self] {
        EventRegistry.names(for: vendor).map(Self.init(rawValue:))
    }
}
