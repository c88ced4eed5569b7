public import WebhookCore
public import WebhookCrypto

/// An RSA or EC private key for signing test deliveries as R-Service does (``RServiceRequestSigner``,
/// ``WebhookTestSigner``).
///
/// Only tests and the `webhookkit sign` command sign; a server only verifies, so the key type lives here and not
/// in the verification modules. The value is `Sendable`.
public struct WebhookSigningKey: Sendable {
    package let key: PrivateKey

    package init(_ key: PrivateKey) {
        self.key = key
    }

    /// Reads a PEM private key: PKCS#8 (`BEGIN PRIVATE KEY`), `BEGIN RSA PRIVATE KEY` or `BEGIN EC PRIVATE KEY`.
    /// Encrypted keys are not supported.
    /// - Parameter pem: The PEM text.
    /// - Throws: `WebhookError.Code.invalidKey`.
    public init(pem: String) throws(WebhookError) {
        self.key = try PrivateKey(pem: pem)
    }

    /// A new RSA key of `bits` bits (2048 to 16384).
    /// - Throws: `WebhookError.Code.invalidKey` for a size out of range.
    public static func rsa(bits: Int = 2048) throws(WebhookError) -> WebhookSigningKey {
        WebhookSigningKey(try PrivateKey.generate(.rsa(modulusBits: bits)))
    }

    /// A new P-256 key (ES256).
    public static func p256() throws(WebhookError) -> WebhookSigningKey {
        WebhookSigningKey(try PrivateKey.generate(.ec(.p256)))
    }

    /// The public half as a `BEGIN PUBLIC KEY` PEM, to configure the verifier with.
    public func publicKeyPEM() -> String {
        key.publicKeyPEM()
    }

    /// The public half, to configure the verifier with.
    public var publicKey: WebhookPublicKey { key.publicKey }

    /// The key as a PKCS#8 `BEGIN PRIVATE KEY` PEM.
    public func pem() -> String {
        key.pem()
    }
}
