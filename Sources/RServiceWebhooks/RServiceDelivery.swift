public import WebhookCore
public import WebhookCrypto

/// The delivery headers of R-Service webhook requests.
///
/// Headers are not covered by the signature: use them for logs and de-duplication, never for authorization.
public enum RServiceDelivery {
    /// The delivery-id header of the 4me era.
    public static let deliveryHeader4me = "X-4me-Delivery"
    /// The delivery-id header of the Xurrent era.
    public static let deliveryHeaderXurrent = "x-xurrent-delivery"
    /// The headers that carry the original delivery's id on a re-delivery (Xurrent; the 4me form is unconfirmed).
    public static let originHeaders = ["x-xurrent-delivery-origin", "X-4me-Delivery-Origin"]
    /// The longest delivery id kept, in bytes; longer values are ignored.
    public static let maximumDeliveryIDLength = 256

    /// The delivery id (a UUID): `X-4me-Delivery`, else `x-xurrent-delivery` (names compared case-insensitively).
    /// - Returns: The trimmed value, or `nil` when both are absent, empty or over ``maximumDeliveryIDLength``.
    public static func deliveryID(in headers: WebhookHeaders) -> String? {
        firstValue(of: [deliveryHeader4me, deliveryHeaderXurrent], in: headers)
    }

    /// The original delivery's id on a re-delivery (`x-xurrent-delivery-origin` or `X-4me-Delivery-Origin`).
    public static func originalDeliveryID(in headers: WebhookHeaders) -> String? {
        firstValue(of: originHeaders, in: headers)
    }

    /// The delivery id that names a delivery across R-Service's re-deliveries, for the delivery key:
    /// `x-xurrent-delivery-origin` (on a re-delivery, the original delivery's id), else `x-xurrent-delivery`, else
    /// `X-4me-Delivery`. Names are compared case-insensitively; a value is trimmed of spaces and tabs and skipped
    /// when empty, longer than ``maximumDeliveryIDLength`` bytes or not printable ASCII.
    /// - Returns: The id, or `nil` when no header gives a usable one.
    public static func deliveryKeyID(in headers: WebhookHeaders) -> String? {
        for name in ["x-xurrent-delivery-origin", deliveryHeaderXurrent, deliveryHeader4me] {
            if let id = WebhookDeliveryKey.headerID(headers[name], maximumLength: maximumDeliveryIDLength) {
                return id
            }
        }
        return nil
    }

    private static func firstValue(of names: [String], in headers: WebhookHeaders) -> String? {
        for name in names {
            guard let value = headers[name] else { continue }
            let trimmed = value.trimmingASCIIWhitespace()
            if !trimmed.isEmpty && trimmed.utf8.count <= maximumDeliveryIDLength {
                return trimmed
            }
        }
        return nil
    }
}

extension String {
    fileprivate func trimmingASCIIWhitespace() -> String {
        func isBlank(_ byte: UInt8?) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        // The usual value has nothing to trim: keep it rather than copy it.
        if !isBlank(utf8.first) && !isBlank(utf8.last) { return self }
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}

extension RServiceEvent {
    /// The callback URL of a `webhook.verify` message (GET it to activate the webhook), or `nil` for other events.
    ///
    /// Call it only for a verified delivery, and only when its host is your account's: in unsigned mode anyone can
    /// post a `webhook.verify` message naming any URL.
    public var verificationCallbackURL: String? {
        if case .webhookVerify(let message) = self {
            return message.payload.callbackURL
        }
        return nil
    }
}

extension VerifiedWebhook where Event == RServiceEvent {
    /// The callback URL of a verified `webhook.verify` delivery, or `nil` for other events.
    public var verificationCallbackURL: String? {
        event.verificationCallbackURL
    }
}

extension RServiceJWTAlgorithm {
    /// The JWS algorithm of a policy's `jwt_alg` (e.g. `rs256` → `RS256`), or `nil` for `none` and unknown values.
    public var jwsAlgorithm: JWSAlgorithm? {
        let algorithm = JWSAlgorithm(rawValue: jwsName)
        return JWSAlgorithm.supported.contains(algorithm) && !algorithm.rawValue.hasPrefix("PS") ? algorithm : nil
    }
}
