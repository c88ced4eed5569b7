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
    /// The key that identifies this delivery across the vendor's retries, namespaced by vendor
    /// (`confluence:id:<identifier>`): what the middleware claims in its ``DeliveryLedger`` so that the delivery
    /// is processed once. `nil` when the vendor gives nothing to tell deliveries apart; such a delivery is
    /// processed every time it arrives. Each vendor's verifier documents where its key comes from.
    public var deliveryKey: String?

    /// Creates a verified webhook.
    public init(
        vendor: WebhookVendor,
        eventName: String?,
        event: Event,
        body: [UInt8],
        deliveryID: String? = nil,
        jwt: VerifiedJWT? = nil,
        deliveryKey: String? = nil
    ) {
        self.vendor = vendor
        self.eventName = eventName
        self.event = event
        self.body = body
        self.deliveryID = deliveryID
        self.jwt = jwt
        self.deliveryKey = deliveryKey
    }

    /// The same delivery with another event value.
    public func map<Other: Sendable>(_ transform: (Event) throws -> Other) rethrows -> VerifiedWebhook<Other> {
        VerifiedWebhook<Other>(
            vendor: vendor,
            eventName: eventName,
            event: try transform(event),
            body: body,
            deliveryID: deliveryID,
            jwt: jwt,
            deliveryKey: deliveryKey
        )
    }
}

/// A vendor's verifier: checks a request's authenticity over its exact bytes, then decodes its event.
///
/// The middleware adapters are generic over it: a route configured with a vendor's verifier hands its handler
/// that vendor's `VerifiedWebhook<Event>`. Vendor-specific steps that answer a delivery before the handler runs
/// (R-Service's `webhook.verify` handshake) are reached through ``answerBeforeHandler(_:)``.
public protocol WebhookVerifier<Event>: Sendable {
    /// The vendor's event type.
    associatedtype Event: Sendable

    /// The vendor this verifier checks.
    var vendor: WebhookVendor { get }

    /// The size limits the verifier applies; the middleware reads at most `limits.maximumBodySize` bytes.
    var limits: WebhookLimits { get }

    /// How long a completed delivery key must at least be remembered: as long as the vendor's token or
    /// signature stays acceptable (the maximum token age plus the leeway), so that a captured delivery replayed
    /// inside that window is recognised as a duplicate, and outside it is rejected by the time checks.
    /// `.zero` (the default) for schemes with no time bound (Confluence HMAC, ApiTree).
    var minimumDeliveryRetention: Duration { get }

    /// A vendor's own answer to a verified delivery, given instead of calling the handler; `nil` (the default)
    /// to call the handler. R-Service answers its `webhook.verify` handshake here when configured to.
    /// - Parameter webhook: The verified delivery.
    /// - Returns: The answer, or `nil`.
    func answerBeforeHandler(_ webhook: VerifiedWebhook<Event>) async -> WebhookAnswer?

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
    public var minimumDeliveryRetention: Duration { .zero }

    public func answerBeforeHandler(_ webhook: VerifiedWebhook<Event>) async -> WebhookAnswer? { nil }

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

/// An HTTP answer the middleware gives without calling the handler: a fixed status and a short plain-text body
/// that tells an outside sender nothing it did not know.
public struct WebhookAnswer: Sendable, Hashable {
    /// The HTTP status code.
    public var status: Int
    /// The plain-text body.
    public var body: String
    /// The `Retry-After` header in seconds, when the sender should come back later.
    public var retryAfterSeconds: Int?

    /// Creates an answer.
    public init(status: Int, body: String, retryAfterSeconds: Int? = nil) {
        self.status = status
        self.body = body
        self.retryAfterSeconds = retryAfterSeconds
    }
}
