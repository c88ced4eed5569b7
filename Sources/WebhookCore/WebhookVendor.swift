/// A vendor that sends webhooks this package understands.
///
/// An open set: a value this version does not list is still a valid `WebhookVendor`.
public struct WebhookVendor: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The vendor's identifier as used by the command-line tool and the registry (`hipchat`, `confluence`, ...).
    public let rawValue: String

    /// Creates a vendor from its identifier.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// HipChat API v2 add-on webhooks (discontinued 2019).
    public static let hipChat = WebhookVendor(rawValue: "hipchat")
    /// Confluence Cloud (Connect and admin webhooks) and Data Center.
    public static let confluence = WebhookVendor(rawValue: "confluence")
    /// R-Service, whose wire format is 4me's (now Xurrent).
    public static let rService = WebhookVendor(rawValue: "rservice")
    /// ApiTree's Event-API.
    public static let apiTree = WebhookVendor(rawValue: "apitree")

    /// The four vendors this version supports, in a stable order.
    public static let supported: [WebhookVendor] = [.hipChat, .confluence, .rService, .apiTree]

    /// The vendor's display name.
    public var displayName: String {
        switch self {
        case .hipChat: "HipChat"
        case .confluence: "Confluence"
        case .rService: "R-Service"
        case .apiTree: "ApiTree"
        default: rawValue
        }
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
