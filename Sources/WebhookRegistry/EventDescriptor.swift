public import WebhookCore

/// How well an event name is established.
public struct EventConfirmation: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The identifier: `documented`, `observed`, `third-party` or `unconfirmed`.
    public let rawValue: String

    /// Creates a confirmation level from its identifier.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Named in the vendor's own documentation.
    public static let documented = EventConfirmation(rawValue: "documented")
    /// Seen in a real delivery captured in public, but not in the vendor's event list.
    public static let observed = EventConfirmation(rawValue: "observed")
    /// Seen only in other people's code or documentation.
    public static let thirdParty = EventConfirmation(rawValue: "third-party")
    /// No good evidence; kept so that such deliveries still decode with a known name.
    public static let unconfirmed = EventConfirmation(rawValue: "unconfirmed")

    /// True when the vendor itself documents the name.
    public var isConfirmedByVendor: Bool { self == .documented }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Everything the registry knows about one event name of one vendor.
public struct EventDescriptor: Hashable, Sendable, Codable {
    /// The vendor that sends the event.
    public let vendor: WebhookVendor
    /// The event name exactly as the vendor sends or registers it.
    public let name: String
    /// A one-line summary, in the vendor's own wording where one exists.
    public let summary: String
    /// The family the event belongs to (Confluence `page`, R-Service noun such as `request`, HipChat `room`).
    public let category: String
    /// The verb, where the vendor's naming has one (R-Service `note-added`, ApiTree `released`).
    public let action: String?
    /// The name of the Swift type that decodes the event's payload.
    public let swiftType: String
    /// How well the name is established.
    public let confirmation: EventConfirmation

    /// Creates a descriptor.
    public init(
        vendor: WebhookVendor,
        name: String,
        summary: String,
        category: String,
        action: String? = nil,
        swiftType: String,
        confirmation: EventConfirmation
    ) {
        self.vendor = vendor
        self.name = name
        self.summary = summary
        self.category = category
        self.action = action
        self.swiftType = swiftType
        self.confirmation = confirmation
    }
}
