public import WebhookCrypto
public import WebhookRegistry

/// A request that passed verification, with its decoded event.
public struct VerifiedWebhook<Event: Sendable>: Sendable {
    /// The vendor that sent it.
    public var vendor: WebhookVendor
    /// The event name, when it can be told (Confluence Cloud bodies name none).
    public var eventName: String?
    /// The typed event.
    public var event: Event
    /// The verified bytes the event was decoded from: the body exactly as received, except for R-Service
    /// signed deliveries, whose body is `{"jwt": ...}` and whose message is the token's `data` claim: there
    /// these are the exact bytes of that claim, as signed.
    public var body: [UInt8]
    /// The vendor's delivery identifier, when it sends one (R-Service, Confluence).
    public var deliveryID: String?
    /// The verified token, for vendors that sign with a JWT (HipChat, Confluence Connect, R-Service).
    public var jwt: VerifiedJWT?

    /// Creates a verified webhook.
    public init(
        vendor: WebhookVendor,
        eventName: String?,
        event: Event,
        body: [UInt8],
        deliveryID: String? = nil,
        jwt: VerifiedJWT? = nil
    ) {
        self.vendor = vendor
        self.eventName = eventName
        self.event = event
        self.body = body
        self.deliveryID = deliveryID
        self.jwt = jwt
    }

    /// The same delivery with another event value.
    public func map<Other: Sendable>(_ transform: (Event) throws -> Other) rethrows -> VerifiedWebhook<Other> {
        VerifiedWebhook<Other>(
            vendor: vendor,
            eventName: eventName,
            event: try transform(event),
            body: body,
            deliveryID: deliveryID,
            jwt: jwt
        )
    }
}

/// A vendor's verifier: checks a request's authenticity over its exact bytes, then decodes its event.
public protocol WebhookVerifier: Sendable {
    /// The vendor's event type.
    associatedtype Event: Sendable

    /// The vendor this verifier checks.
    var vendor: WebhookVendor { get }

    /// Verifies the request and decodes its event.
    /// - Parameters:
    ///   - request: The request as received.
    ///   - eventName: The event name known from outside the body (for Confluence Cloud, the URL the caller
    ///     registered for that event); `nil` to take it from the body or the token.
    /// - Throws: ``WebhookError``; its ``WebhookError/category`` separates "not authentic" from
    ///   "authentic but not decodable".
    func verify(_ request: WebhookRequest, eventName: String?) async throws(WebhookError) -> VerifiedWebhook<Event>
}

extension WebhookVerifier {
    /// Verifies the request and decodes its event, taking the event name from the body or the token.
    public func verify(_ request: WebhookRequest) async throws(WebhookError) -> VerifiedWebhook<Event> {
        try await verify(request, eventName: nil)
    }
}

/// A vendor's event type: decodes the verified body into one case per event, with a fallback that keeps
/// unknown names and their raw JSON.
public protocol WebhookEventDecodable: Sendable {
    /// Decodes an event.
    /// - Parameters:
    ///   - body: The verified body bytes (for R-Service, the message JSON).
    ///   - eventName: The event name from outside the body (the caller, a URL, a token), if any;
    ///     used when the body names none.
    /// - Throws: ``WebhookError`` of category ``WebhookError/Category/decoding``.
    static func decode(from body: [UInt8], eventName: String?) throws(WebhookError) -> Self

    /// The event's name as the vendor sent it, or `nil` when it cannot be told.
    var eventName: String? { get }
}
