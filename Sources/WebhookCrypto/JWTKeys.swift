public import Foundation
public import WebhookCore

/// One key a `JWTVerifier` may use. The key decides which algorithms are allowed; a token's `alg`
/// only selects among them.
package struct JWTVerificationKey: Sendable {
    enum Material: Sendable {
        /// One prepared authenticator per allowed algorithm.
        case hmac([(algorithm: JWSAlgorithm, authenticator: HMACAuthenticator)])
        case publicKey(WebhookPublicKey)
    }

    let material: Material
    /// The key ID a token's `kid` must equal for this key to be tried; nil for a key without one.
    package let keyID: String?
    /// The algorithms this key allows.
    package let algorithms: Set<JWSAlgorithm>
    /// The same, as a short array (cheaper to search per token than hashing into the set).
    let algorithmList: [JWSAlgorithm]

    init(material: Material, keyID: String?, algorithms: Set<JWSAlgorithm>) {
        self.material = material
        self.keyID = keyID
        self.algorithms = algorithms
        self.algorithmList = JWSAlgorithm.supported.filter(algorithms.contains)
    }

    /// A shared HMAC secret.
    /// - Parameters:
    ///   - key: The secret; it must not be empty.
    ///   - algorithms: The allowed HS* algorithms (default HS256, HS384 and HS512).
    ///   - keyID: The key ID, if tokens name one.
    /// - Returns: The key, with an authenticator prepared for every allowed algorithm.
    /// - Throws: `WebhookError.Code.algorithmNotAllowed` for an empty set or a non-HS algorithm;
    ///   `WebhookError.Code.invalidKey` for an empty secret.
    package static func hmac(
        _ key: WebhookSecret,
        algorithms: Set<JWSAlgorithm> = [.hs256, .hs384, .hs512],
        keyID: String? = nil
    ) throws(WebhookError) -> JWTVerificationKey {
        guard key.count > 0 else { throw WebhookError(.invalidKey, "HMAC secret is empty") }
        guard !algorithms.isEmpty else { throw WebhookError(.algorithmNotAllowed, "no algorithms given") }
        var authenticators: [(algorithm: JWSAlgorithm, authenticator: HMACAuthenticator)] = []
        for algorithm in JWSAlgorithm.supported where algorithms.contains(algorithm) {
            guard let (family, hash) = algorithm.parameters, family == .hmac else { continue }
            authenticators.append((algorithm, HMACAuthenticator(key: key, algorithm: hash)))
        }
        guard authenticators.count == algorithms.count else {
            throw WebhookError(.algorithmNotAllowed, "an HMAC key allows only HS256, HS384 and HS512")
        }
        return JWTVerificationKey(material: .hmac(authenticators), keyID: keyID, algorithms: algorithms)
    }

    /// An RSA or EC public key.
    /// - Parameters:
    ///   - key: The public key.
    ///   - algorithms: A subset of what the key allows; nil for the default (RSA: RS256/384/512 and PS256/384/512;
    ///     EC: exactly the ES* of its curve).
    ///   - keyID: The key ID, if tokens name one.
    /// - Returns: The key.
    /// - Throws: `WebhookError.Code.algorithmNotAllowed` for an empty set or an algorithm the key cannot use.
    package static func publicKey(
        _ key: WebhookPublicKey,
        algorithms: Set<JWSAlgorithm>? = nil,
        keyID: String? = nil
    ) throws(WebhookError) -> JWTVerificationKey {
        let allowed = algorithms ?? key.type.defaultAlgorithms
        guard !allowed.isEmpty else { throw WebhookError(.algorithmNotAllowed, "no algorithms given") }
        for algorithm in allowed where !key.type.allows(algorithm) {
            throw WebhookError(
                .algorithmNotAllowed,
                "algorithm \(algorithm.rawValue.prefix(16)) does not fit this \(key.type.kindName) key"
            )
        }
        return JWTVerificationKey(material: .publicKey(key), keyID: keyID, algorithms: allowed)
    }

    /// Verifies a signature over `signingInput`; the algorithm has been checked against ``algorithms``.
    func isValidSignature(
        _ signature: UnsafeRawBufferPointer,
        signingInput: UnsafeRawBufferPointer,
        algorithm: JWSAlgorithm
    ) -> Bool {
        switch material {
        case .hmac(let authenticators):
            return authenticators.withUnsafeBufferPointer { entries in
                for index in entries.indices where entries[index].algorithm == algorithm {
                    return entries[index].authenticator.isValidAuthenticationCode(signature, for: signingInput)
                }
                return false
            }
        case .publicKey(let key):
            return key.verify(signature, message: signingInput, algorithm: algorithm)
        }
    }
}

extension PublicKeyType {
    var kindName: String {
        switch self {
        case .rsa: "RSA"
        case .ec(let curve): "EC \(curve.jwkName)"
        }
    }
}

/// The keys a `JWTVerifier` may use, in the order they are tried.
public struct JWTKeySet: Sendable {
    /// The keys.
    package let keys: [JWTVerificationKey]

    /// Creates a key set.
    /// - Parameter keys: The keys, in the order they are tried for tokens without `kid`.
    package init(_ keys: [JWTVerificationKey]) {
        self.keys = keys
    }

    /// Reads a JWKS document (`{"keys":[...]}`, RFC 7517 section 5).
    ///
    /// Entries are skipped when `use` is present and not `"sig"`, when `kty` or `crv` is unsupported, when `alg`
    /// is present but unsupported or unfit for the key, or when the key itself is invalid (for example an RSA
    /// modulus under 2048 bits). `kid` is kept; `alg`, when present, becomes the key's only algorithm.
    /// - Parameter jwks: The JSON bytes.
    /// - Throws: `WebhookError.Code.invalidKey` when the document is not JSON or has no `keys` array.
    public init(jwks: some DataProtocol) throws(WebhookError) {
        let document: JSONValue
        do {
            document = try JSONReader.parse(
                Array(jwks),
                limits: VerifiedJWT.jsonLimits,
                rejectDuplicates: true,
                acceptsOverflowingNumbers: true
            )
        } catch {
            throw WebhookError(.invalidKey, "JWKS is not valid JSON")
        }
        guard case .object(let members) = document, case .array(let entries) = members["keys"] else {
            throw WebhookError(.invalidKey, "JWKS has no keys array")
        }
        var keys: [JWTVerificationKey] = []
        for entry in entries {
            guard case .object(let jwk) = entry else { continue }
            if let use = jwk["use"], use != .string("sig") { continue }
            var keyID: String?
            if let kid = jwk["kid"] {
                guard case .string(let value) = kid else { continue }
                keyID = value
            }
            var algorithms: Set<JWSAlgorithm>?
            if let alg = jwk["alg"] {
                guard case .string(let value) = alg else { continue }
                algorithms = [JWSAlgorithm(rawValue: value)]
            }
            guard let publicKey = try? WebhookPublicKey(jwkMembers: jwk),
                let key = try? JWTVerificationKey.publicKey(publicKey, algorithms: algorithms, keyID: keyID)
            else { continue }
            keys.append(key)
        }
        self.keys = keys
    }
}
