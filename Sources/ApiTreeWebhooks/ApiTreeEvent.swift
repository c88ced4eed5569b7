public import WebhookCore
public import WebhookRegistry

/// An ApiTree webhook, decoded: one case per event name, and ``unknown(name:json:)`` for names the registry
/// does not know.
///
/// The event name comes from the body's `name` field; the name passed by the caller is used only when the
/// body has none. Every known case carries the same ``ApiTreeEventPayload``.
public enum ApiTreeEvent: WebhookEventDecodable, Encodable, Equatable {
    /// `api.created`: a user created a new API.
    case apiCreated(ApiTreeEventPayload)
    /// `api.deleted`: a user deleted an API.
    case apiDeleted(ApiTreeEventPayload)
    /// `release.released`: a user released a new API version.
    case releaseReleased(ApiTreeEventPayload)
    /// `release.deprecated`: a user marked a release as deprecated.
    case releaseDeprecated(ApiTreeEventPayload)
    /// `release.endOfLife`: a user marked a release as end-of-life.
    case releaseEndOfLife(ApiTreeEventPayload)
    /// `release.deleted`: a user deleted a release.
    case releaseDeleted(ApiTreeEventPayload)
    /// `webhook.created`: a webhook was created (seen in the Event-API reference's examples only).
    case webhookCreated(ApiTreeEventPayload)
    /// `plan.subscribed`: a plan was subscribed to (seen in the Event-API reference's examples only).
    case planSubscribed(ApiTreeEventPayload)
    /// `user.created`: a user was created (seen in the Event-API reference's examples only).
    case userCreated(ApiTreeEventPayload)
    /// An event whose name the registry does not know, with its name and the whole body.
    case unknown(name: String?, json: JSONValue)

    /// Decodes an ApiTree webhook body.
    ///
    /// - Parameters:
    ///   - body: The verified body bytes.
    ///   - eventName: The event name to use when the body has no `name` field; the body's own name wins.
    /// - Returns: The event; ``unknown(name:json:)`` for a name the registry does not know.
    /// - Throws: `WebhookError` with code `malformedBody` (empty, not JSON, not an object), `invalidPayload`
    ///   (a field of the wrong type or a missing required field, named by its path) or `missingEventName`.
    public static func decode(from body: [UInt8], eventName: String?) throws(WebhookError) -> ApiTreeEvent {
        let probe = try WebhookJSON.decode(EventNameProbe.self, from: body, vendor: .apiTree)
        let bodyName = probe.name.flatMap { $0.isEmpty ? nil : $0 }
        guard let name = bodyName ?? eventName.flatMap({ $0.isEmpty ? nil : $0 }) else {
            throw WebhookError(
                .missingEventName,
                "the body has no \"name\" field and no event name was given",
                vendor: .apiTree
            )
        }
        guard let makeCase = cases[ApiTreeEventName(rawValue: name)] else {
            return .unknown(name: name, json: try WebhookJSON.value(from: body, vendor: .apiTree))
        }
        return makeCase(try WebhookJSON.decode(ApiTreeEventPayload.self, from: body, vendor: .apiTree))
    }

    /// Decodes an ApiTree webhook body that names its event in the `name` field.
    ///
    /// - Throws: `WebhookError`; see ``decode(from:eventName:)``.
    public static func decode(from body: [UInt8]) throws(WebhookError) -> ApiTreeEvent {
        try decode(from: body, eventName: nil)
    }

    private static let cases: [ApiTreeEventName: @Sendable (ApiTreeEventPayload) -> ApiTreeEvent] = [
        .apiCreated: ApiTreeEvent.apiCreated,
        .apiDeleted: ApiTreeEvent.apiDeleted,
        .releaseReleased: ApiTreeEvent.releaseReleased,
        .releaseDeprecated: ApiTreeEvent.releaseDeprecated,
        .releaseEndOfLife: ApiTreeEvent.releaseEndOfLife,
        .releaseDeleted: ApiTreeEvent.releaseDeleted,
        .webhookCreated: ApiTreeEvent.webhookCreated,
        .planSubscribed: ApiTreeEvent.planSubscribed,
        .userCreated: ApiTreeEvent.userCreated,
    ]

    /// The event name as ApiTree sent it (or as the caller gave it when the body had none).
    public var eventName: String? {
        name?.rawValue
    }

    /// The event name as a typed value; `nil` only for an unknown event without a name.
    public var name: ApiTreeEventName? {
        switch self {
        case .apiCreated: .apiCreated
        case .apiDeleted: .apiDeleted
        case .releaseReleased: .releaseReleased
        case .releaseDeprecated: .releaseDeprecated
        case .releaseEndOfLife: .releaseEndOfLife
        case .releaseDeleted: .releaseDeleted
        case .webhookCreated: .webhookCreated
        case .planSubscribed: .planSubscribed
        case .userCreated: .userCreated
        case .unknown(let name, _): name.map(ApiTreeEventName.init(rawValue:))
        }
    }

    /// The event message of a known event; `nil` for ``unknown(name:json:)``.
    public var message: ApiTreeEventPayload? {
        switch self {
        case .apiCreated(let message), .apiDeleted(let message), .releaseReleased(let message),
            .releaseDeprecated(let message), .releaseEndOfLife(let message), .releaseDeleted(let message),
            .webhookCreated(let message), .planSubscribed(let message), .userCreated(let message):
            message
        case .unknown:
            nil
        }
    }

    /// The decoded payload: the event message, or the raw JSON of an unknown event.
    public var payload: any Encodable & Sendable {
        switch self {
        case .unknown(_, let json): json
        default: message ?? JSONValue.null
        }
    }

    /// Encodes the payload (the event message, or the raw JSON of an unknown event).
    public func encode(to encoder: any Encoder) throws {
        try payload.encode(to: encoder)
    }
}

/// Reads only the `name` field, to choose the case before decoding the whole body.
private struct EventNameProbe: Decodable {
    var name: String?
}
