public import ApiTreeWebhooks
public import ConfluenceWebhooks
public import HipChatWebhooks
public import RServiceWebhooks
import WebhookCore
import WebhookRegistry

/// A decoded webhook of any supported vendor: one case per vendor, holding that vendor's event.
///
/// Switch over it to reach the typed payload:
///
/// ```swift
/// switch webhook.event {
/// case .hipChat(.roomMessage(let message)): print(message.item.message.message)
/// case .rService(.webhookVerify(let message)): print(message.payload.callbackURL)
/// default: break
/// }
/// ```
public enum WebhookEvent: Sendable, Equatable, Encodable {
    /// A HipChat webhook.
    case hipChat(HipChatEvent)
    /// A Confluence webhook.
    case confluence(ConfluenceEvent)
    /// An R-Service webhook (the message, after the token around it was verified).
    case rService(RServiceEvent)
    /// An ApiTree webhook.
    case apiTree(ApiTreeEvent)

    /// The vendor that sent the event.
    public var vendor: WebhookVendor {
        switch self {
        case .hipChat: .hipChat
        case .confluence: .confluence
        case .rService: .rService
        case .apiTree: .apiTree
        }
    }

    /// The event name as the vendor sent it (or as the caller gave it when the body names none); `nil` when it
    /// cannot be told.
    public var eventName: String? {
        switch self {
        case .hipChat(let event): event.eventName
        case .confluence(let event): event.eventName
        case .rService(let event): event.eventName
        case .apiTree(let event): event.eventName
        }
    }

    /// The name of the Swift type that holds the decoded payload, such as `"HipChatMessageEvent"`.
    ///
    /// For a registered event name this is the registry's `EventDescriptor.swiftType` for that name. For an
    /// unknown name (``isUnknown``) it is `"JSONValue"`: the vendor event's `unknown` case keeps the body as a
    /// `JSONValue`. For R-Service it names the message's payload type (`RServiceRecordPayload`, ...), as the
    /// registry does.
    public var typeName: String {
        String(describing: type(of: payload))
    }

    /// Whether the event name is one the registry does not know (the vendor event's `unknown` case).
    public var isUnknown: Bool {
        switch self {
        case .hipChat(let event): if case .unknown = event { return true }
        case .confluence(let event): if case .unknown = event { return true }
        case .rService(let event): return event.isUnknown
        case .apiTree(let event): if case .unknown = event { return true }
        }
        return false
    }

    /// The decoded payload: the model of a known event, or the `JSONValue` of an unknown one.
    ///
    /// For R-Service this is the message's `payload`; the whole message is on the `RServiceEvent` case.
    public var payload: any Encodable & Sendable {
        switch self {
        case .hipChat(let event): return event.payload
        case .confluence(let event): return event.payload
        case .rService(let event):
            if let message = event.message { return message.payload }
            if case .unknown(_, let json) = event { return json }
            return JSONValue.null
        case .apiTree(let event): return event.payload
        }
    }

    /// Encodes the vendor's event as that vendor's event type encodes it.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .hipChat(let event): try event.encode(to: encoder)
        case .confluence(let event): try event.payload.encode(to: encoder)
        case .rService(let event): try event.encode(to: encoder)
        case .apiTree(let event): try event.encode(to: encoder)
        }
    }
}
