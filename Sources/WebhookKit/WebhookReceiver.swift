public import ApiTreeWebhooks
public import ConfluenceWebhooks
public import HipChatWebhooks
public import RServiceWebhooks
public import WebhookCore
import WebhookRegistry

/// One entry point for every vendor: holds a verifier per vendor you receive from, and turns a request into a
/// verified, typed ``WebhookEvent``.
///
/// Configure only the vendors you receive from; a request for any other vendor is rejected with
/// `invalidConfiguration`.
///
/// ```swift
/// let receiver = WebhookReceiver(
///     apiTree: try ApiTreeSignatureVerifier(
///         secrets: [WebhookSecret(utf8: apiTreeSecret)],
///         webhookURL: "https://hooks.example.com/apitree"
///     )
/// )
/// let webhook = try await receiver.verify(request, from: .apiTree)
/// if case .apiTree(.releaseReleased(let message)) = webhook.event { ... }
/// ```
public struct WebhookReceiver: Sendable {
    /// The HipChat verifier, or `nil` when HipChat requests are not accepted.
    public var hipChat: HipChatSignatureVerifier?
    /// The Confluence verifier, or `nil` when Confluence requests are not accepted.
    public var confluence: ConfluenceSignatureVerifier?
    /// The R-Service verifier, or `nil` when R-Service requests are not accepted.
    public var rService: RServiceSignatureVerifier?
    /// The ApiTree verifier, or `nil` when ApiTree requests are not accepted.
    public var apiTree: ApiTreeSignatureVerifier?

    /// Creates a receiver.
    /// - Parameters:
    ///   - hipChat: The HipChat verifier, if HipChat requests are accepted.
    ///   - confluence: The Confluence verifier (HMAC or Connect mode), if Confluence requests are accepted.
    ///   - rService: The R-Service verifier, if R-Service requests are accepted.
    ///   - apiTree: The ApiTree verifier, if ApiTree requests are accepted.
    public init(
        hipChat: HipChatSignatureVerifier? = nil,
        confluence: ConfluenceSignatureVerifier? = nil,
        rService: RServiceSignatureVerifier? = nil,
        apiTree: ApiTreeSignatureVerifier? = nil
    ) {
        self.hipChat = hipChat
        self.confluence = confluence
        self.rService = rService
        self.apiTree = apiTree
    }

    /// The vendors this receiver has a verifier for, in `WebhookVendor.supported` order.
    public var configuredVendors: [WebhookVendor] {
        var vendors: [WebhookVendor] = []
        if hipChat != nil { vendors.append(.hipChat) }
        if confluence != nil { vendors.append(.confluence) }
        if rService != nil { vendors.append(.rService) }
        if apiTree != nil { vendors.append(.apiTree) }
        return vendors
    }

    /// Verifies a request with the vendor's verifier, then decodes its event.
    ///
    /// The request is checked over its exact bytes before anything is decoded; the vendor's verifier applies all
    /// of that vendor's rules (signature, claims, replay, limits).
    /// - Parameters:
    ///   - request: The request as received.
    ///   - vendor: The vendor the request claims to come from (usually told by the route it arrived on).
    ///   - eventName: The event name known from outside the body: for Confluence Cloud, the event the receiving
    ///     URL was registered for. `nil` to take it from the body or the token.
    /// - Returns: The verified webhook, its event wrapped in ``WebhookEvent``.
    /// - Throws: `WebhookError` from the vendor's verifier (its `category` separates "not authentic" from
    ///   "authentic but not decodable"), or `invalidConfiguration` when no verifier is configured for `vendor`.
    public func verify(
        _ request: WebhookRequest,
        from vendor: WebhookVendor,
        eventName: String? = nil
    ) async throws(WebhookError) -> VerifiedWebhook<WebhookEvent> {
        switch vendor {
        case .hipChat:
            let verifier = try configured(hipChat, vendor)
            return try await verifier.verify(request, eventName: eventName).map { .hipChat($0) }
        case .confluence:
            let verifier = try configured(confluence, vendor)
            return try await verifier.verify(request, eventName: eventName).map { .confluence($0) }
        case .rService:
            let verifier = try configured(rService, vendor)
            return try await verifier.verify(request, eventName: eventName).map { .rService($0) }
        case .apiTree:
            let verifier = try configured(apiTree, vendor)
            return try await verifier.verify(request, eventName: eventName).map { .apiTree($0) }
        default:
            throw WebhookError(
                .invalidConfiguration,
                "'\(vendor.rawValue)' is not a vendor this version supports",
                vendor: vendor
            )
        }
    }

    /// Decodes a body without verifying it: for tests, fixtures and tools, never for requests from outside.
    ///
    /// An R-Service body signed as `{"jwt": "..."}` holds its message inside the token, which can only be read
    /// trustworthily after verification; such a body is rejected with `malformedBody` (category `decoding`)
    /// rather than read unverified. Pass the plain message JSON (an unsigned delivery, or the token's `data`
    /// claim) instead.
    /// - Parameters:
    ///   - body: The body bytes.
    ///   - vendor: The vendor whose event format the body has.
    ///   - eventName: The event name when the body names none (Confluence Cloud). For Confluence it wins over a
    ///     name in the body; for the other vendors the body's own name wins.
    /// - Returns: The event; an unknown event name gives the vendor event's `unknown` case
    ///   (``WebhookEvent/isUnknown``).
    /// - Throws: `WebhookError` of category `decoding` (`malformedBody`, `invalidPayload`, `missingEventName`),
    ///   or `invalidConfiguration` for a vendor this version does not support.
    public static func decode(
        _ body: [UInt8],
        from vendor: WebhookVendor,
        eventName: String? = nil
    ) throws(WebhookError) -> WebhookEvent {
        switch vendor {
        case .hipChat:
            return .hipChat(try HipChatEvent.decode(from: body, eventName: eventName))
        case .confluence:
            return .confluence(try ConfluenceEvent.decode(from: body, eventName: eventName))
        case .rService:
            let json = try WebhookJSON.value(from: body, vendor: .rService)
            if json["jwt"]?.stringValue != nil && json["event"] == nil {
                throw WebhookError(
                    .malformedBody,
                    "a signed R-Service body ({\"jwt\": ...}) carries its message inside the token: verify it to "
                        + "read the message; decoding reads plain messages only",
                    vendor: .rService
                )
            }
            return .rService(try RServiceEvent.decode(from: body, eventName: eventName))
        case .apiTree:
            return .apiTree(try ApiTreeEvent.decode(from: body, eventName: eventName))
        default:
            throw WebhookError(
                .invalidConfiguration,
                "'\(vendor.rawValue)' is not a vendor this version supports",
                vendor: vendor
            )
        }
    }

    /// This receiver as the verifier of one vendor's route, for the middleware: its handler gets
    /// `VerifiedWebhook<WebhookEvent>`, so one handler function can serve the routes of several vendors.
    /// A route that receives one vendor only is simpler with that vendor's verifier itself.
    ///
    /// - Parameter vendor: The vendor the route receives from.
    /// - Returns: A verifier whose event type is ``WebhookEvent``.
    public func `for`(_ vendor: WebhookVendor) -> VendorVerifier {
        VendorVerifier(receiver: self, vendor: vendor)
    }

    /// A ``WebhookReceiver`` bound to one vendor: a `WebhookVerifier` whose event is ``WebhookEvent``.
    public struct VendorVerifier: WebhookVerifier {
        /// The receiver.
        public let receiver: WebhookReceiver
        /// The vendor this route receives from.
        public let vendor: WebhookVendor

        /// The vendor verifier's limits (the defaults when the vendor is not configured).
        public var limits: WebhookLimits {
            switch vendor {
            case .hipChat: receiver.hipChat?.limits ?? .default
            case .confluence: receiver.confluence?.limits ?? .default
            case .rService: receiver.rService?.limits ?? .default
            case .apiTree: receiver.apiTree?.limits ?? .default
            default: .default
            }
        }

        /// The vendor verifier's minimum retention of completed delivery keys.
        public var minimumDeliveryRetention: Duration {
            switch vendor {
            case .hipChat: receiver.hipChat?.minimumDeliveryRetention ?? .zero
            case .confluence: receiver.confluence?.minimumDeliveryRetention ?? .zero
            case .rService: receiver.rService?.minimumDeliveryRetention ?? .zero
            case .apiTree: receiver.apiTree?.minimumDeliveryRetention ?? .zero
            default: .zero
            }
        }

        public func verify(
            _ request: WebhookRequest,
            eventName: String?
        ) async throws(WebhookError) -> VerifiedWebhook<WebhookEvent> {
            try await receiver.verify(request, from: vendor, eventName: eventName)
        }

        /// The vendor verifier's answer before the handler (R-Service's `webhook.verify`).
        public func answerBeforeHandler(_ webhook: VerifiedWebhook<WebhookEvent>) async -> WebhookAnswer? {
            switch webhook.event {
            case .hipChat(let event):
                await receiver.hipChat?.answerBeforeHandler(webhook.map { _ in event })
            case .confluence(let event):
                await receiver.confluence?.answerBeforeHandler(webhook.map { _ in event })
            case .rService(let event):
                await receiver.rService?.answerBeforeHandler(webhook.map { _ in event })
            case .apiTree(let event):
                await receiver.apiTree?.answerBeforeHandler(webhook.map { _ in event })
            }
        }
    }

    private func configured<Verifier>(_ verifier: Verifier?, _ vendor: WebhookVendor) throws(WebhookError) -> Verifier {
        guard let verifier else {
            throw WebhookError(
                .invalidConfiguration,
                "no \(vendor.displayName) verifier is configured on this receiver",
                vendor: vendor
            )
        }
        return verifier
    }
}
