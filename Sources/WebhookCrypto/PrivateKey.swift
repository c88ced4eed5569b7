import COpenSSL
package import Foundation
package import WebhookCore

/// An RSA or EC private key, for signers (tests, the command-line tool).
///
/// The value is `Sendable` and may be used from many tasks at once.
package struct PrivateKey: Sendable {
    private let box: EVPKeyBox
    /// The key's type and size.
    package let type: PublicKeyType
    /// The public half.
    package let publicKey: WebhookPublicKey

    private init(taking pkey: OpaquePointer) throws(WebhookError) {
        let box = EVPKeyBox(pkey)
        self.type = try classify(pkey)
        let spki = encodeDER(pkey) { i2d_PUBKEY($0, $1) }
        guard !spki.isEmpty else { throw WebhookError(.invalidKey, "could not derive the public key") }
        self.publicKey = try WebhookPublicKey(der: spki)
        self.box = box
    }

    /// Reads a PEM private key: PKCS#8 (`BEGIN PRIVATE KEY`), `BEGIN RSA PRIVATE KEY` or `BEGIN EC PRIVATE KEY`.
    ///
    /// Encrypted keys are not supported.
    /// - Parameter pem: The PEM text.
    /// - Throws: `WebhookError.Code.invalidKey`.
    package init(pem: String) throws(WebhookError) {
        let block = try PEM.firstBlock(in: pem, labels: ["PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY"])
        let pkey = block.der.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            var cursor = buffer.baseAddress
            let pkey: OpaquePointer?
            switch block.label {
            case "RSA PRIVATE KEY": pkey = d2i_PrivateKey(EVP_PKEY_RSA, nil, &cursor, buffer.count)
            case "EC PRIVATE KEY": pkey = d2i_PrivateKey(EVP_PKEY_EC, nil, &cursor, buffer.count)
            default: pkey = d2i_AutoPrivateKey(nil, &cursor, buffer.count)
            }
            guard let pkey else { return nil }
            guard cursor == buffer.baseAddress.map({ $0 + buffer.count }) else {
                EVP_PKEY_free(pkey)
                return nil
            }
            return pkey
        }
        ERR_clear_error()
        guard let pkey else { throw WebhookError(.invalidKey, "invalid \(block.label)") }
        try self.init(taking: pkey)
    }

    /// Generates a new key.
    /// - Parameter type: `.rsa(modulusBits:)` (2048 to 16384) or `.ec(curve)`.
    /// - Returns: The new key.
    /// - Throws: `WebhookError.Code.invalidKey` for a size under 2048 bits.
    package static func generate(_ type: PublicKeyType) throws(WebhookError) -> PrivateKey {
        defer { ERR_clear_error() }
        let keyType: String
        switch type {
        case .rsa(let bits):
            guard bits >= RSALimits.minimumBits, bits <= RSALimits.maximumBits else {
                throw WebhookError(.invalidKey, "RSA keys must be 2048 to 16384 bits")
            }
            keyType = "RSA"
        case .ec:
            keyType = "EC"
        }
        guard let context = EVP_PKEY_CTX_new_from_name(nil, keyType, nil) else {
            throw WebhookError(.internalError, "could not create a key generation context")
        }
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_keygen_init(context) == 1 else {
            throw WebhookError(.internalError, "could not start key generation")
        }
        let configured: Bool
        switch type {
        case .rsa(let bits): configured = EVP_PKEY_CTX_set_rsa_keygen_bits(context, Int32(bits)) == 1
        case .ec(let curve): configured = EVP_PKEY_CTX_set_group_name(context, curve.jwkName) == 1
        }
        var pkey: OpaquePointer?
        guard configured, EVP_PKEY_generate(context, &pkey) == 1, let pkey else {
            throw WebhookError(.internalError, "key generation failed")
        }
        return try PrivateKey(taking: pkey)
    }

    /// The SubjectPublicKeyInfo PEM (`BEGIN PUBLIC KEY`) of the public half.
    package func publicKeyPEM() -> String {
        publicKey.pemRepresentation()
    }

    /// The unencrypted PKCS#8 PEM (`BEGIN PRIVATE KEY`) of this key.
    package func pem() -> String {
        defer { ERR_clear_error() }
        guard let info = EVP_PKEY2PKCS8(box.pointer) else { return "" }
        defer { PKCS8_PRIV_KEY_INFO_free(info) }
        var der = encodeDER(info) { i2d_PKCS8_PRIV_KEY_INFO($0, $1) }
        defer { der.withUnsafeMutableBytes { OPENSSL_cleanse($0.baseAddress, $0.count) } }
        return PEM.encode(der, label: "PRIVATE KEY")
    }

    /// Signs a message for a JWS algorithm.
    /// - Parameters:
    ///   - message: The bytes to sign.
    ///   - algorithm: RS*/PS* for an RSA key, the ES* of the key's curve for an EC key.
    /// - Returns: The signature; for ES* the raw R‖S form JOSE uses.
    /// - Throws: `WebhookError.Code.algorithmNotAllowed` when the algorithm does not fit the key.
    package func signature(
        for message: some DataProtocol,
        algorithm: JWSAlgorithm
    ) throws(WebhookError) -> [UInt8] {
        try publicKey.checkAllowed(algorithm)
        guard let (family, hash) = algorithm.parameters else {
            throw WebhookError(.unsupportedAlgorithm, "unsupported algorithm")
        }
        let signature = try withContiguousBytes(message) { bytes throws(WebhookError) in
            try sign(bytes, family: family, hash: hash)
        }
        if case .ecdsa(let curve) = family {
            guard let raw = ECDSASignature.rawFromDER(signature, fieldSize: curve.fieldSize) else {
                throw WebhookError(.internalError, "could not convert the ECDSA signature")
            }
            return raw
        }
        return signature
    }

    private func sign(
        _ message: UnsafeRawBufferPointer,
        family: JWSAlgorithm.Family,
        hash: HashAlgorithm
    ) throws(WebhookError) -> [UInt8] {
        defer { ERR_clear_error() }
        guard let context = EVP_MD_CTX_new() else { throw WebhookError(.internalError, "out of memory") }
        defer { EVP_MD_CTX_free(context) }
        var pkeyContext: OpaquePointer?
        guard EVP_DigestSignInit_ex(context, &pkeyContext, hash.openSSLName, nil, nil, box.pointer, nil) == 1 else {
            throw WebhookError(.internalError, "could not start signing")
        }
        if family == .rsaPSS {
            guard let pkeyContext, configurePSS(pkeyContext, hash: hash) else {
                throw WebhookError(.internalError, "could not configure PSS")
            }
        }
        let input = message.baseAddress?.assumingMemoryBound(to: UInt8.self)
        var length = 0
        guard EVP_DigestSign(context, nil, &length, input, message.count) == 1, length > 0 else {
            throw WebhookError(.internalError, "signing failed")
        }
        var output = [UInt8](repeating: 0, count: length)
        let ok = output.withUnsafeMutableBufferPointer {
            EVP_DigestSign(context, $0.baseAddress, &length, input, message.count) == 1
        }
        guard ok, length <= output.count else { throw WebhookError(.internalError, "signing failed") }
        output.removeLast(output.count - length)
        return output
    }
}
