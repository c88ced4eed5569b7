import Foundation
import RServiceWebhooks
public import WebhookCore
public import WebhookCrypto
import WebhookRegistry

/// Produces R-Service webhook requests as the vendor sends them, for tests, the command-line tool and
/// `WebhookTesting`.
///
/// A signed request is a `POST` with `Content-Type: application/json; charset=utf-8`, the vendor's `User-Agent`,
/// a delivery-id header and the body `{"jwt":"<compact JWS>"}`. The claims are, in the vendor's order:
/// `data` (the message bytes, embedded as given), `jti`, `sub` (the webhook id as a string), `iss`, `nbf`, `iat`,
/// then `aud` and `exp` when configured. Every value can be chosen, so expired, future-dated, wrongly addressed or
/// replayed requests can be made on purpose. (The `Link` header, which names the record, is not produced.)
public struct RServiceRequestSigner: Sendable {
    private let signer: JWTSigner
    private let issuer: String
    private let audience: String?
    private let keyID: String?

    private init(signer: JWTSigner, issuer: String, audience: String?, keyID: String?) {
        self.signer = signer
        self.issuer = issuer
        self.audience = audience
        self.keyID = keyID
    }

    /// A signer with a policy's private key (R-Service keeps it; tests make their own).
    /// - Parameters:
    ///   - key: The RSA or EC private key.
    ///   - algorithm: RS256/384/512 for RSA, the ES* of the key's curve for EC. (PS* is accepted too, to make
    ///     requests R-Service never sends.)
    ///   - issuer: The `iss` claim: the account URL, or the policy URL with OpenID Connect discovery.
    ///   - audience: The `aud` claim (the policy's `jwt_audience`), if any.
    ///   - keyID: The header's `kid` (set with OpenID Connect discovery).
    /// - Throws: `WebhookError/Code/invalidConfiguration` when the algorithm does not fit the key.
    public static func privateKey(
        _ key: WebhookSigningKey,
        algorithm: JWSAlgorithm,
        issuer: String,
        audience: String? = nil,
        keyID: String? = nil
    ) throws(WebhookError) -> RServiceRequestSigner {
        do {
            let signer = try JWTSigner.privateKey(key.key, algorithm: algorithm)
            return RServiceRequestSigner(signer: signer, issuer: issuer, audience: audience, keyID: keyID)
        } catch {
            throw WebhookError(.invalidConfiguration, error.reason, vendor: .rService)
        }
    }

    /// A signer with a shared HMAC secret (policies with `jwt_alg` HS256, HS384 or HS512).
    /// - Parameters:
    ///   - secret: The secret; not empty.
    ///   - algorithm: HS256 (default), HS384 or HS512.
    ///   - issuer: The `iss` claim.
    ///   - audience: The `aud` claim, if any.
    /// - Throws: `WebhookError/Code/invalidConfiguration` for a non-HS algorithm,
    ///   `WebhookError/Code/invalidKey` for an empty secret.
    public static func sharedSecret(
        _ secret: WebhookSecret,
        algorithm: JWSAlgorithm = .hs256,
        issuer: String,
        audience: String? = nil
    ) throws(WebhookError) -> RServiceRequestSigner {
        do {
            let signer = try JWTSigner.hmac(secret, algorithm: algorithm)
            return RServiceRequestSigner(signer: signer, issuer: issuer, audience: audience, keyID: nil)
        } catch {
            let code: WebhookError.Code = error.code == .invalidKey ? .invalidKey : .invalidConfiguration
            throw WebhookError(code, error.reason, vendor: .rService)
        }
    }

    /// The algorithm tokens are signed with.
    public var algorithm: JWSAlgorithm { signer.algorithm }

    /// Signs a message into a complete request.
    /// - Parameters:
    ///   - message: The message JSON object (see `Fixtures/rservice/events/`); embedded byte for byte as the
    ///     `data` claim (surrounding whitespace dropped).
    ///   - target: The request target (path and query, or the whole URL).
    ///   - now: UNIX seconds of signing: `nbf` and `iat` (whole seconds, rounded down).
    ///   - lifetime: Seconds until `exp`; `nil` (the default, as in the vendor's captures) sends no `exp`.
    ///   - subject: The `sub` claim; `nil` for the message's `webhook_id` as a string (no `sub` when it has none).
    ///   - jwtID: The `jti` claim; `nil` for 64 random hex characters.
    ///   - deliveryID: The delivery id; `nil` for a random lower-case UUID.
    ///   - deliveryHeader: `X-4me-Delivery` (default) or `x-xurrent-delivery`; the `User-Agent` follows the brand.
    /// - Returns: The request.
    /// - Throws: `WebhookError/Code/invalidPayload` when the message is not a JSON object;
    ///   `WebhookError/Code/invalidConfiguration` when `now` or `lifetime` is not a finite number of seconds.
    public func sign(
        message: [UInt8],
        target: String = "/webhooks/rservice",
        now: Double,
        lifetime: Double? = nil,
        subject: String? = nil,
        jwtID: String? = nil,
        deliveryID: String? = nil,
        deliveryHeader: String = "X-4me-Delivery"
    ) throws(WebhookError) -> WebhookRequest {
        let token = try token(message: message, now: now, lifetime: lifetime, subject: subject, jwtID: jwtID)
        return Self.request(
            body: Array(#"{"jwt":"\#(token)"}"#.utf8),
            target: target,
            deliveryID: deliveryID,
            deliveryHeader: deliveryHeader
        )
    }

    /// Signs a message into a compact JWS (the value of the body's `jwt` member).
    /// - Parameters: As in ``sign(message:target:now:lifetime:subject:jwtID:deliveryID:deliveryHeader:)``.
    /// - Returns: The compact JWS.
    /// - Throws: `WebhookError/Code/invalidPayload` when the message is not a JSON object.
    public func token(
        message: [UInt8],
        now: Double,
        lifetime: Double? = nil,
        subject: String? = nil,
        jwtID: String? = nil
    ) throws(WebhookError) -> String {
        let claims = try Self.claims(
            message: message,
            issuer: issuer,
            audience: audience,
            now: now,
            lifetime: lifetime,
            subject: subject,
            jwtID: jwtID
        )
        do {
            return try signer.sign(payload: claims, keyID: keyID)
        } catch {
            throw WebhookError(.invalidPayload, error.reason, vendor: .rService)
        }
    }

    /// A plain-JSON delivery, as R-Service sends it for a webhook without a policy.
    /// - Parameters:
    ///   - message: The message JSON, sent as the body byte for byte.
    ///   - target: The request target.
    ///   - deliveryID: The delivery id; `nil` for a random lower-case UUID.
    ///   - deliveryHeader: `X-4me-Delivery` (default) or `x-xurrent-delivery`.
    /// - Returns: The request.
    public static func unsignedRequest(
        message: [UInt8],
        target: String = "/webhooks/rservice",
        deliveryID: String? = nil,
        deliveryHeader: String = "X-4me-Delivery"
    ) -> WebhookRequest {
        request(body: message, target: target, deliveryID: deliveryID, deliveryHeader: deliveryHeader)
    }

    /// 64 random hex characters, the shape of R-Service's `jti`.
    public static func randomJWTID() -> String {
        var generator = SystemRandomNumberGenerator()
        return Hex.encode((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    static func claims(
        message: [UInt8],
        issuer: String,
        audience: String?,
        now: Double,
        lifetime: Double?,
        subject: String?,
        jwtID: String?
    ) throws(WebhookError) -> [UInt8] {
        let limit = 1e15
        guard now.isFinite, abs(now) < limit, (lifetime.map { $0.isFinite && abs($0) < limit } ?? true) else {
            throw WebhookError(.invalidConfiguration, "now and lifetime must be finite seconds", vendor: .rService)
        }
        guard let members = RServiceJSON.members(of: message) else {
            throw WebhookError(.invalidPayload, "message is not a JSON object", vendor: .rService)
        }
        var start = message.startIndex
        var end = message.endIndex
        while start < end, [0x20, 0x09, 0x0A, 0x0D].contains(message[start]) { start += 1 }
        while end > start, [0x20, 0x09, 0x0A, 0x0D].contains(message[end - 1]) { end -= 1 }
        var subject = subject
        if subject == nil, let webhookID = RServiceJSON.first(named: "webhook_id", in: members).member,
            RServiceJSON.isNumber(webhookID, in: message)
        {
            subject = String(decoding: message[webhookID.value], as: UTF8.self)
        }
        let issuedAt = Int64(now.rounded(.down))
        var claims: [UInt8] = Array(#"{"data":"#.utf8)
        claims += message[start..<end]
        claims += Array(#","jti":"#.utf8) + quoted(jwtID ?? randomJWTID())
        if let subject {
            claims += Array(#","sub":"#.utf8) + quoted(subject)
        }
        claims += Array(#","iss":"#.utf8) + quoted(issuer)
        claims += Array(#","nbf":\#(issuedAt),"iat":\#(issuedAt)"#.utf8)
        if let audience {
            claims += Array(#","aud":"#.utf8) + quoted(audience)
        }
        if let lifetime {
            claims += Array(#","exp":\#(Int64((now + lifetime).rounded(.down)))"#.utf8)
        }
        claims.append(UInt8(ascii: "}"))
        return claims
    }

    /// A JSON string literal.
    static func quoted(_ text: String) -> [UInt8] {
        var output: [UInt8] = [UInt8(ascii: "\"")]
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output += Array(#"\""#.utf8)
            case UInt8(ascii: "\\"): output += Array(#"\\"#.utf8)
            case 0x00..<0x20:
                let hex = String(byte, radix: 16)
                output += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
        return output
    }

    private static func request(
        body: [UInt8],
        target: String,
        deliveryID: String?,
        deliveryHeader: String
    ) -> WebhookRequest {
        let isXurrent = deliveryHeader.lowercased().hasPrefix("x-xurrent")
        let headers: WebhookHeaders = [
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": isXurrent
                ? "xurrent/1.0 (https://developer.xurrent.com/v1/webhooks)"
                : "4me/1.0 (https://developer.4me.com/v1/webhooks)",
            deliveryHeader: deliveryID ?? UUID().uuidString.lowercased(),
        ]
        return WebhookRequest(method: "POST", target: target, headers: headers, body: body)
    }
}
