// The fuzz targets' way into the package's internal parsers. `Fuzz/` is a package of its own (libFuzzer needs
// tools version 5.4) and cannot see `package` declarations, so the parsers it drives directly are reached through
// this namespace, behind the `Fuzzing` SPI: not part of WebhookKit's API, not shown without
// `@_spi(Fuzzing) import WebhookKit`, and free to change. Each function runs every entry point of one parser on
// the input and discards the results: a fuzz target checks that nothing crashes, hangs or leaks.
import WebhookCore
import WebhookCrypto

@_spi(Fuzzing)
public enum WebhookFuzzing {
    /// The JSON byte reader: `JSONReader.parse` (through `WebhookJSON.value`) and `JSONReader.validate` followed by
    /// Foundation (through `WebhookJSON.decode`).
    public static func json(_ bytes: [UInt8]) {
        _ = try? WebhookJSON.value(from: bytes)
        _ = try? WebhookJSON.decode([String: JSONValue].self, from: bytes)
    }

    /// The request target and its query: path, raw query, query items, one value, the query parser and the
    /// percent-decoder.
    public static func requestTarget(_ target: String) {
        let request = WebhookRequest(target: target, body: [])
        _ = request.path
        let query = request.rawQuery
        _ = WebhookRequest.rawQuery(of: target)
        _ = request.queryItems
        _ = request.queryValue("event")
        _ = request.queryValue("jwt")
        _ = QueryString.parse(query)
        _ = QueryString.parse(target)
        _ = QueryString.percentDecode(target)
    }

    /// JWT compact parsing and verification with an HS256 secret, an RSA and an EC public key, each alone and all
    /// three in one key set, claims checked at a fixed clock.
    public struct JWT: Sendable {
        private let verifiers: [JWTVerifier]

        /// Prepares the four verifiers once.
        public init(secret: WebhookSecret, rsaKey: WebhookPublicKey, ecKey: WebhookPublicKey, now: Double) {
            let options = JWTValidationOptions(clock: { now })
            let hmac = try! JWTVerificationKey.hmac(secret, algorithms: [.hs256])
            let rsa = try! JWTVerificationKey.publicKey(rsaKey)
            let ec = try! JWTVerificationKey.publicKey(ecKey)
            verifiers = [[hmac], [rsa], [ec], [hmac, rsa, ec]].map {
                JWTVerifier(keys: JWTKeySet($0), options: options)
            }
        }

        /// Parses the input as a token, verifies it with each verifier, and verifies its text once more.
        public func run(_ bytes: [UInt8], text: String) {
            if let token = try? UnverifiedJWT(bytes) {
                _ = token.header
                for verifier in verifiers {
                    if let verified = try? verifier.verify(token) {
                        _ = try? verified.stringClaim("qsh")
                    }
                }
            }
            _ = try? verifiers[3].verify(text)
        }
    }

    /// PEM key parsing: a public key (then made a JWT key) and a private key.
    public static func pem(_ text: String) {
        if let key = try? WebhookPublicKey(pem: text) {
            _ = try? JWTVerificationKey.publicKey(key)
        }
        _ = try? PrivateKey(pem: text)
    }

    /// DER key parsing (SubjectPublicKeyInfo), then made a JWT key.
    public static func der(_ bytes: [UInt8]) {
        if let key = try? WebhookPublicKey(der: bytes) {
            _ = try? JWTVerificationKey.publicKey(key)
        }
    }

    /// JWK and JWKS parsing, then one verification with the key set (its `kid` selection and algorithm checks) of
    /// a fixed RS256 token whose signature is not valid.
    public static func jwk(_ bytes: [UInt8]) {
        _ = try? WebhookPublicKey(jwk: bytes)
        if let keys = try? JWTKeySet(jwks: bytes) {
            _ = try? JWTVerifier(keys: keys).verify(invalidRS256Token)
        }
    }

    private static let invalidRS256Token = Array(
        ("eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJpc3MiOiJ4In0."
            + "c2lnbmF0dXJlLW5vdC12YWxpZC1ub3QtdmFsaWQtbm90LXZhbGlkLW5vdC12YWxpZA").utf8
    )
}
