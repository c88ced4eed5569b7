// The benchmarks' way into the package's internal primitives. `Benchmarks/` is a package of its own (it depends on
// package-benchmark, swift-crypto and jwt-kit, which WebhookKit must not) and cannot see `package` declarations,
// so the primitives it measures side by side with a peer (our HMAC against swift-crypto's, our JWT verification
// against jwt-kit's, WebhookJSON against JSONDecoder) are reached through this namespace, behind the
// `Benchmarking` SPI: not part of WebhookKit's API, not shown without `@_spi(Benchmarking) import WebhookKit`, and
// free to change. Every member only forwards to one primitive, so that a benchmark measures the primitive; the
// public paths (the vendors' verifiers and decoders) are benchmarked through the public API, not through here.
import WebhookCore
import WebhookCrypto

@_spi(Benchmarking)
public enum WebhookBenchmarking {
    /// HMAC-SHA256 with the key prepared once (`HMACAuthenticator`).
    public struct HMACSHA256: Sendable {
        private let authenticator: HMACAuthenticator

        /// Prepares the authenticator.
        public init(secret: WebhookSecret) {
            authenticator = HMACAuthenticator(key: secret, algorithm: .sha256)
        }

        /// `HMACAuthenticator.authenticationCode(for:)`.
        public func authenticationCode(for message: [UInt8]) -> [UInt8] {
            authenticator.authenticationCode(for: message)
        }

        /// `HMACAuthenticator.isValidAuthenticationCode(_:for:)`: the constant-time comparison included.
        public func isValid(_ mac: [UInt8], for message: [UInt8]) -> Bool {
            authenticator.isValidAuthenticationCode(mac, for: message)
        }
    }

    /// A `JWTVerifier` with one key and `exp` required (default leeway), claims checked at `clock`.
    public struct JWT: Sendable {
        private let verifier: JWTVerifier

        /// A verifier with a shared HMAC secret (`JWTVerificationKey.hmac`).
        /// - Parameters:
        ///   - secret: The secret.
        ///   - algorithm: The one HS* algorithm the key allows.
        ///   - keyID: The `kid` tokens must name, if any.
        ///   - clock: The current time in UNIX seconds, read per verification (pass the system clock to measure
        ///     what the vendor verifiers do, or a fixed time).
        public init(
            secret: WebhookSecret,
            algorithm: JWSAlgorithm,
            keyID: String?,
            clock: @escaping @Sendable () -> Double
        ) throws(WebhookError) {
            self.init(key: try .hmac(secret, algorithms: [algorithm], keyID: keyID), clock: clock)
        }

        /// A verifier with an RSA or EC public key (`JWTVerificationKey.publicKey`).
        /// - Parameters:
        ///   - publicKey: The key.
        ///   - algorithm: The one algorithm the key allows.
        ///   - keyID: The `kid` tokens must name, if any.
        ///   - clock: As in ``init(secret:algorithm:keyID:clock:)``.
        public init(
            publicKey: WebhookPublicKey,
            algorithm: JWSAlgorithm,
            keyID: String?,
            clock: @escaping @Sendable () -> Double
        ) throws(WebhookError) {
            self.init(key: try .publicKey(publicKey, algorithms: [algorithm], keyID: keyID), clock: clock)
        }

        private init(key: JWTVerificationKey, clock: @escaping @Sendable () -> Double) {
            verifier = JWTVerifier(
                keys: JWTKeySet([key]),
                options: JWTValidationOptions(requiredClaims: [.exp], clock: clock)
            )
        }

        /// `JWTVerifier.verify(_:)` on the compact token text; the verified token is what the verifier made anyway.
        public func verify(_ token: String) throws(WebhookError) -> VerifiedJWT {
            try verifier.verify(token)
        }
    }

    /// A compact JWS of `payload` signed with an HMAC secret (`JWTSigner.hmac`), for fixtures: header
    /// `{"alg":…,"typ":"JWT"}` plus `"kid"` when given.
    public static func signedToken(
        payload: [UInt8],
        secret: WebhookSecret,
        algorithm: JWSAlgorithm = .hs256,
        keyID: String? = nil
    ) throws(WebhookError) -> String {
        try JWTSigner.hmac(secret, algorithm: algorithm).sign(payload: payload, keyID: keyID)
    }

    /// `Hex.encode(_:)`: lower-case hexadecimal text.
    public static func hexEncode(_ bytes: [UInt8]) -> String {
        Hex.encode(bytes)
    }

    /// `Hex.decode(_:)`: strict hexadecimal text, either case.
    public static func hexDecode(_ text: some StringProtocol) throws(WebhookError) -> [UInt8] {
        try Hex.decode(text)
    }

    /// `WebhookJSON.decode(_:from:vendor:)`: the object check and the byte reader's validation, then `JSONDecoder`.
    public static func decodeJSON<T: Decodable>(
        _ type: T.Type,
        from bytes: [UInt8],
        vendor: WebhookVendor? = nil
    ) throws(WebhookError) -> T {
        try WebhookJSON.decode(type, from: bytes, vendor: vendor)
    }
}
