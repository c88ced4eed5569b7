import ConfluenceWebhooks
public import WebhookCore
public import WebhookCrypto
import WebhookRegistry

/// Produces Confluence webhook requests exactly as Confluence would send them, for tests, the command-line tool
/// and `WebhookTesting`.
///
/// - ``hmac(secret:prefixed:)``: `X-Hub-Signature: sha256=<hex>` (or bare hex) over the body.
/// - ``connect(clientKey:sharedSecret:baseURL:)``: `Authorization: JWT <token>`, an HS256 token with `iss`, `iat`,
///   `exp` and the `qsh` of the request.
///
/// Every input is under the caller's control (clock, lifetime, claims, delivery identifier), so an expired or
/// otherwise bad request can be made on purpose with
/// ``sign(body:target:method:now:lifetime:webhookIdentifier:placement:editClaims:)``.
public struct ConfluenceRequestSigner: Sendable {
    /// Where a Connect token goes.
    public enum TokenPlacement: Sendable, Hashable {
        /// `Authorization: JWT <token>`, as Atlassian sends webhooks.
        case authorizationHeader
        /// The `jwt` query parameter, which some Connect frameworks also accept.
        case queryParameter
    }

    enum Mode: Sendable {
        case hmac(HMACAuthenticator, prefixed: Bool)
        case connect(clientKey: String, signer: JWTSigner?, baseURL: String?)
    }

    let mode: Mode

    /// A signer for webhooks with a secret (`X-Hub-Signature`).
    ///
    /// - Parameters:
    ///   - secret: The webhook secret.
    ///   - prefixed: `true` for `sha256=<hex>` (as Jira Cloud sends), `false` for bare hex.
    /// - Returns: The signer.
    public static func hmac(secret: WebhookSecret, prefixed: Bool = true) -> ConfluenceRequestSigner {
        ConfluenceRequestSigner(mode: .hmac(HMACAuthenticator(key: secret, algorithm: .sha256), prefixed: prefixed))
    }

    /// A signer for the webhooks of a Connect app.
    ///
    /// - Parameters:
    ///   - clientKey: The installation's `clientKey`, sent as `iss`.
    ///   - sharedSecret: The installation's `sharedSecret`; signing fails with `invalidKey` when it is empty.
    ///   - baseURL: The app's `baseUrl`. When given, an origin-form `target` (the module URL, such as
    ///     `/webhooks/page-created`) is sent to `baseURL + target`, and `qsh` covers the module URL.
    /// - Returns: The signer.
    public static func connect(
        clientKey: String,
        sharedSecret: WebhookSecret,
        baseURL: String? = nil
    ) -> ConfluenceRequestSigner {
        ConfluenceRequestSigner(
            mode: .connect(clientKey: clientKey, signer: try? JWTSigner.hmac(sharedSecret), baseURL: baseURL)
        )
    }

    /// Signs a body as a `POST` webhook delivery.
    ///
    /// - Parameters:
    ///   - body: The exact body bytes.
    ///   - target: The request target: a path with its query, or a whole URL. In Connect mode with a `baseURL`, a
    ///     path is the module URL and is appended to `baseURL`.
    ///   - now: UNIX seconds; the token's `iat` (Connect mode).
    ///   - lifetime: Seconds until the token's `exp` (Connect mode; Atlassian uses about 180).
    ///   - webhookIdentifier: An `X-Atlassian-Webhook-Identifier` to send, if any.
    /// - Returns: The request, with `Content-Type: application/json`.
    /// - Throws: `WebhookError` with code `invalidKey` for an empty Connect shared secret.
    public func sign(
        body: [UInt8],
        target: String = "/webhooks/confluence",
        now: Double,
        lifetime: Double = 180,
        webhookIdentifier: String? = nil
    ) throws(WebhookError) -> WebhookRequest {
        try sign(
            body: body,
            target: target,
            method: "POST",
            now: now,
            lifetime: lifetime,
            webhookIdentifier: webhookIdentifier,
            placement: .authorizationHeader,
            editClaims: { _ in }
        )
    }

    /// Signs a body with full control over the request, for making bad requests on purpose.
    ///
    /// - Parameters:
    ///   - body: The exact body bytes.
    ///   - target: The request target; see ``sign(body:target:now:lifetime:webhookIdentifier:)``.
    ///   - method: The HTTP method, sent and (Connect mode) hashed into `qsh`.
    ///   - now: UNIX seconds; the token's `iat`.
    ///   - lifetime: Seconds until the token's `exp`.
    ///   - webhookIdentifier: An `X-Atlassian-Webhook-Identifier` to send, if any.
    ///   - placement: Where the Connect token goes (ignored in HMAC mode).
    ///   - editClaims: Changes the Connect claims (`iss`, `iat`, `exp`, `qsh`) before signing: set a member to
    ///     replace or add it, remove it to leave it out (ignored in HMAC mode).
    /// - Returns: The request.
    /// - Throws: `WebhookError` with code `invalidKey` for an empty Connect shared secret.
    public func sign(
        body: [UInt8],
        target: String,
        method: String,
        now: Double,
        lifetime: Double,
        webhookIdentifier: String?,
        placement: TokenPlacement,
        editClaims: (inout [String: JSONValue]) -> Void
    ) throws(WebhookError) -> WebhookRequest {
        var headers: WebhookHeaders = ["Content-Type": "application/json"]
        var requestTarget = target
        switch mode {
        case .hmac(let authenticator, let prefixed):
            let hex = Hex.encode(authenticator.authenticationCode(for: body))
            headers.add(name: ConfluenceSignatureVerifier.signatureHeader, value: prefixed ? "sha256=" + hex : hex)
        case .connect(let clientKey, let signer, let baseURL):
            guard let signer else {
                throw WebhookError(.invalidKey, "the Connect shared secret is empty", vendor: .confluence)
            }
            if let baseURL, target.hasPrefix("/") {
                requestTarget = Self.join(baseURL: baseURL, path: target)
            }
            var claims: [String: JSONValue] = [
                "iss": .string(clientKey),
                "iat": .integer(Self.seconds(now)),
                "exp": .integer(Self.seconds(now + lifetime)),
                "qsh": .string(
                    ConfluenceQueryStringHash.hash(method: method, target: requestTarget, baseURL: baseURL)
                ),
            ]
            editClaims(&claims)
            let token: String
            do {
                token = try signer.sign(payload: try WebhookJSON.encode(claims))
            } catch {
                throw WebhookError(.internalError, "the Connect token cannot be signed", vendor: .confluence)
            }
            switch placement {
            case .authorizationHeader:
                headers.add(name: "Authorization", value: "JWT " + token)
            case .queryParameter:
                requestTarget += (requestTarget.contains("?") ? "&" : "?") + "jwt=" + token
            }
        }
        if let webhookIdentifier {
            headers.add(name: ConfluenceSignatureVerifier.deliveryIdentifierHeader, value: webhookIdentifier)
        }
        return WebhookRequest(method: method, target: requestTarget, headers: headers, body: body)
    }

    /// Whole seconds, rounded down, clamped to the range of `Int64`.
    static func seconds(_ time: Double) -> Int64 {
        guard time.isFinite else { return time > 0 ? Int64.max : Int64.min }
        let floored = time.rounded(.down)
        if floored >= 9.2e18 { return Int64.max }
        if floored <= -9.2e18 { return Int64.min }
        return Int64(floored)
    }

    /// `baseURL` without its trailing `/`, then `path`.
    static func join(baseURL: String, path: String) -> String {
        var base = Substring(baseURL)
        while base.hasSuffix("/") {
            base = base.dropLast()
        }
        return String(base) + path
    }
}
