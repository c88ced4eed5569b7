public import ApiTreeWebhooks
public import WebhookCore
public import WebhookCrypto

/// Produces ApiTree deliveries as ApiTree would send them: a `POST` to the webhook URL with the body and an
/// `X-ApiTree-Signature` header, computed with `ApiTreeSignatureVerifier.Scheme`.
///
/// For tests, the command-line tool's `sign` command and `WebhookTesting`.
public struct ApiTreeRequestSigner: Sendable {
    /// The webhook URL the signature covers; also the request's target.
    public let webhookURL: String
    /// The scheme signatures are computed with.
    public let scheme: ApiTreeSignatureVerifier.Scheme

    private let authenticator: HMACAuthenticator
    private let urlBytes: [UInt8]

    /// Creates a signer.
    /// - Parameters:
    ///   - secret: The webhook's secret, as `WebhookSecret(utf8:)`.
    ///   - webhookURL: The URL registered with ApiTree.
    ///   - scheme: The signature scheme (default `ApiTreeSignatureVerifier.Scheme.default`).
    public init(secret: WebhookSecret, webhookURL: String, scheme: ApiTreeSignatureVerifier.Scheme = .default) {
        self.webhookURL = webhookURL
        self.scheme = scheme
        self.authenticator = HMACAuthenticator(key: secret, algorithm: scheme.algorithm)
        self.urlBytes = Array(webhookURL.utf8)
    }

    /// The `X-ApiTree-Signature` value for a body.
    /// - Parameter body: The exact body bytes.
    /// - Returns: The encoded HMAC.
    public func signature(for body: [UInt8]) -> String {
        let parts = scheme.layout == .urlThenBody ? [urlBytes, body] : [body]
        return scheme.encode(authenticator.authenticationCode(forParts: parts))
    }

    /// A complete signed delivery.
    /// - Parameter body: The exact body bytes.
    /// - Returns: `POST` to ``webhookURL`` with `Content-Type: application/json` and `X-ApiTree-Signature`.
    public func sign(body: [UInt8]) -> WebhookRequest {
        WebhookRequest(
            method: "POST",
            target: webhookURL,
            headers: [
                "Content-Type": "application/json",
                ApiTreeSignatureVerifier.signatureHeader: signature(for: body),
            ],
            body: body
        )
    }
}
