import Foundation
import HipChatWebhooks
public import WebhookCore
public import WebhookCrypto
import WebhookRegistry
import WebhookValues

/// Produces HipChat deliveries as HipChat would send them: a `POST` with the JSON body and an HS256 JWT signed with
/// the installation's OAuth secret, in the `Authorization` header or the `signed_request` query parameter.
///
/// The claims are those HipChat documents: `iss` (the OAuth client id), `sub` (the user id), `iat`, `exp` and
/// `jti` (20 random characters). For tests, the command-line tool's `sign` command and `WebhookTesting`; give
/// `now` and `lifetime` to make an expired or future token on purpose.
public struct HipChatRequestSigner: Sendable {
    /// Where the token goes.
    public enum TokenPlacement: Sendable {
        /// `Authorization: JWT <token>`, as HipChat's API reference shows.
        case authorizationHeader
        /// `Authorization: JWT token=<token>`, the form some add-on frameworks expect.
        case authorizationTokenEquals
        /// `?signed_request=<token>` appended to the target.
        case signedRequestQuery
    }

    /// The installation's OAuth client id: the token's `iss`.
    public let oauthClientID: String
    private let secret: WebhookSecret

    /// Creates a signer.
    /// - Parameters:
    ///   - oauthClientID: The installation's `oauthId`, put in `iss`.
    ///   - secret: The installation's `oauthSecret`, as `WebhookSecret(utf8:)`.
    public init(oauthClientID: String, secret: WebhookSecret) {
        self.oauthClientID = oauthClientID
        self.secret = secret
    }

    /// A signed token.
    /// - Parameters:
    ///   - now: UNIX seconds for `iat` (rounded down).
    ///   - lifetime: Seconds from `now` to `exp` (default 300; negative for an expired token).
    ///   - subject: The `sub` claim, or `nil` for none.
    ///   - jwtID: The `jti` claim; `nil` for 20 random letters and digits.
    /// - Returns: The compact JWS.
    /// - Throws: `WebhookError` `invalid_key` for an empty secret, `invalid_configuration` for a time that is not
    ///   finite.
    public func token(
        now: Double,
        lifetime: Double = 300,
        subject: String? = nil,
        jwtID: String? = nil
    ) throws(WebhookError) -> String {
        let expiresAt = now + lifetime
        guard now.isFinite, expiresAt.isFinite, abs(now) < 1e15, abs(expiresAt) < 1e15 else {
            throw WebhookError(.invalidConfiguration, "now and lifetime must be finite times", vendor: .hipChat)
        }
        let claims = Claims(
            iss: oauthClientID,
            sub: subject,
            iat: Int64(now.rounded(.down)),
            exp: Int64(expiresAt.rounded(.down)),
            jti: jwtID ?? Self.randomJWTID()
        )
        let payload: [UInt8]
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            payload = Array(try encoder.encode(claims))
        } catch {
            throw WebhookError(.internalError, "the claims could not be encoded", vendor: .hipChat)
        }
        do throws(WebhookError) {
            return try JWTSigner.hmac(secret, algorithm: .hs256).sign(payload: payload)
        } catch {
            throw error.attributed(to: .hipChat)
        }
    }

    /// A complete signed delivery.
    /// - Parameters:
    ///   - body: The exact body bytes.
    ///   - target: The request target (path and query, or a whole URL).
    ///   - now: UNIX seconds for `iat`.
    ///   - lifetime: Seconds from `now` to `exp` (default 300).
    ///   - subject: The `sub` claim; `nil` for the id of the body's sender (`item.sender`, else `item.message.from`),
    ///     as HipChat sets it, or no `sub` when the body names none.
    ///   - placement: Where the token goes (default the `Authorization: JWT` header).
    ///   - jwtID: The `jti` claim; `nil` for 20 random characters.
    /// - Returns: `POST` with `Content-Type: application/json` and the token.
    /// - Throws: `WebhookError`; see ``token(now:lifetime:subject:jwtID:)``.
    public func sign(
        body: [UInt8],
        target: String = "/webhooks/hipchat",
        now: Double,
        lifetime: Double = 300,
        subject: String? = nil,
        placement: TokenPlacement = .authorizationHeader,
        jwtID: String? = nil
    ) throws(WebhookError) -> WebhookRequest {
        let subject = subject ?? (try? HipChatEvent.decode(from: body))?.sender?.id?.stringValue
        let token = try token(now: now, lifetime: lifetime, subject: subject, jwtID: jwtID)
        var headers: WebhookHeaders = ["Content-Type": "application/json"]
        var target = target
        switch placement {
        case .authorizationHeader:
            headers.add(name: "Authorization", value: "JWT " + token)
        case .authorizationTokenEquals:
            headers.add(name: "Authorization", value: "JWT token=" + token)
        case .signedRequestQuery:
            let fragment = target.firstIndex(of: "#").map { String(target[$0...]) } ?? ""
            target = String(target.dropLast(fragment.count))
            target += (target.contains("?") ? "&" : "?") + HipChatSignatureVerifier.queryParameter + "=" + token
            target += fragment
        }
        return WebhookRequest(method: "POST", target: target, headers: headers, body: body)
    }

    private struct Claims: Encodable {
        var iss: String
        var sub: String?
        var iat: Int64
        var exp: Int64
        var jti: String
    }

    private static func randomJWTID() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alphabet[Int(generator.next(upperBound: UInt(alphabet.count)))] })
    }
}
