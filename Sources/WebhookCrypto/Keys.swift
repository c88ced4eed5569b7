import COpenSSL
import CWebhookCryptoShims
public import Foundation
public import WebhookCore

/// A NIST prime curve supported for ECDSA.
package struct ECCurve: Hashable, Sendable, CustomStringConvertible {
    enum Identifier: Hashable, Sendable {
        case p256, p384, p521
    }

    let identifier: Identifier

    private init(_ identifier: Identifier) {
        self.identifier = identifier
    }

    /// P-256 (secp256r1, prime256v1), used by ES256.
    package static let p256 = ECCurve(.p256)
    /// P-384 (secp384r1), used by ES384.
    package static let p384 = ECCurve(.p384)
    /// P-521 (secp521r1), used by ES512.
    package static let p521 = ECCurve(.p521)

    /// The JWK `crv` name, such as `"P-256"`.
    package var description: String { jwkName }

    var jwkName: String {
        switch identifier {
        case .p256: "P-256"
        case .p384: "P-384"
        case .p521: "P-521"
        }
    }

    /// The OpenSSL group name as a static C string (for `OSSL_PARAM_BLD`, which keeps the pointer).
    var staticGroupName: UnsafePointer<CChar> {
        switch identifier {
        case .p256: cString("P-256")
        case .p384: cString("P-384")
        case .p521: cString("P-521")
        }
    }

    /// Bytes per coordinate and per signature half (R or S).
    var fieldSize: Int {
        switch identifier {
        case .p256: 32
        case .p384: 48
        case .p521: 66
        }
    }

    /// The one JWS algorithm for this curve.
    var jwsAlgorithm: JWSAlgorithm {
        switch identifier {
        case .p256: .es256
        case .p384: .es384
        case .p521: .es512
        }
    }

    init?(jwkName: String) {
        switch jwkName {
        case "P-256": self = .p256
        case "P-384": self = .p384
        case "P-521": self = .p521
        default: return nil
        }
    }

    init?(openSSLGroupName name: String) {
        switch name {
        case "prime256v1", "P-256", "secp256r1": self = .p256
        case "secp384r1", "P-384": self = .p384
        case "secp521r1", "P-521": self = .p521
        default: return nil
        }
    }
}

/// The kind of an asymmetric key. (A closed set: only RSA and the NIST curves are supported.)
package enum PublicKeyType: Hashable, Sendable {
    /// An RSA key with a modulus of this many bits (at least 2048).
    case rsa(modulusBits: Int)
    /// An EC key on this curve.
    case ec(ECCurve)

    /// Whether a JWS algorithm can be used with a key of this type.
    func allows(_ algorithm: JWSAlgorithm) -> Bool {
        guard let family = algorithm.parameters?.family else { return false }
        switch (self, family) {
        case (.rsa, .rsaPKCS1), (.rsa, .rsaPSS): return true
        case (.ec(let curve), .ecdsa(let algorithmCurve)): return curve == algorithmCurve
        default: return false
        }
    }

    /// The algorithms a key of this type allows by default.
    var defaultAlgorithms: Set<JWSAlgorithm> {
        switch self {
        case .rsa: [.rs256, .rs384, .rs512, .ps256, .ps384, .ps512]
        case .ec(let curve): [curve.jwsAlgorithm]
        }
    }
}

/// Owns one `EVP_PKEY` and frees it when the last reference goes away.
///
/// An `EVP_PKEY` is safe for concurrent read-only use (verification, signing) in OpenSSL 3, and nothing else is
/// stored here, so the box may be shared between threads.
final class EVPKeyBox: @unchecked Sendable {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        EVP_PKEY_free(pointer)
    }
}

/// The minimum and maximum RSA modulus sizes accepted.
enum RSALimits {
    static let minimumBits = 2048
    static let maximumBits = 16384
}

/// Reads the type of an `EVP_PKEY`, rejecting weak or unsupported keys.
func classify(_ pkey: OpaquePointer) throws(WebhookError) -> PublicKeyType {
    defer { ERR_clear_error() }
    if EVP_PKEY_is_a(pkey, "RSA") == 1 {
        let bits = Int(EVP_PKEY_get_bits(pkey))
        guard bits >= RSALimits.minimumBits else {
            throw WebhookError(.invalidKey, "RSA modulus of \(bits) bits is under the minimum of 2048")
        }
        guard bits <= RSALimits.maximumBits else {
            throw WebhookError(.invalidKey, "RSA modulus of \(bits) bits is over the maximum of 16384")
        }
        try checkRSAExponent(pkey)
        return .rsa(modulusBits: bits)
    }
    if EVP_PKEY_is_a(pkey, "EC") == 1 {
        var buffer = [CChar](repeating: 0, count: 80)
        var length = 0
        let ok = buffer.withUnsafeMutableBufferPointer {
            EVP_PKEY_get_utf8_string_param(pkey, "group", $0.baseAddress, $0.count, &length) == 1
        }
        guard ok, length > 0, length < buffer.count else {
            throw WebhookError(.invalidKey, "EC key without a named curve")
        }
        let name = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let curve = ECCurve(openSSLGroupName: name) else {
            throw WebhookError(.invalidKey, "unsupported EC curve \(name)")
        }
        return .ec(curve)
    }
    throw WebhookError(.invalidKey, "unsupported key type (only RSA and EC P-256/384/521)")
}

/// Refuses an RSA public exponent that is even or under 3.
///
/// With e = 1 every value is its own signature, so anyone could forge RS* tokens; an even e is not a valid RSA
/// exponent at all (it shares the factor 2 with φ(n)).
private func checkRSAExponent(_ pkey: OpaquePointer) throws(WebhookError) {
    var exponent: OpaquePointer?
    guard EVP_PKEY_get_bn_param(pkey, "e", &exponent) == 1, let exponent else {
        throw WebhookError(.invalidKey, "RSA key without a readable public exponent")
    }
    defer { BN_free(exponent) }
    guard BN_is_negative(exponent) == 0, BN_is_odd(exponent) == 1, BN_is_one(exponent) == 0 else {
        throw WebhookError(.invalidKey, "RSA public exponent must be odd and at least 3")
    }
}

/// An immutable RSA or EC public key.
///
/// RSA moduli under 2048 or over 16384 bits, RSA public exponents that are even or under 3, and curves other than
/// P-256, P-384 and P-521 are rejected with `WebhookError.Code.invalidKey`. The value is `Sendable` and may be used from many tasks at once.
public struct WebhookPublicKey: Sendable {
    let box: EVPKeyBox
    /// The key's type and size.
    package let type: PublicKeyType

    /// Takes ownership of `pkey` (freed on failure too).
    init(taking pkey: OpaquePointer) throws(WebhookError) {
        let box = EVPKeyBox(pkey)
        self.type = try classify(pkey)
        self.box = box
    }

    /// Reads a PEM public key.
    /// - Parameter pem: Text with a `BEGIN PUBLIC KEY` (SubjectPublicKeyInfo) or `BEGIN RSA PUBLIC KEY`
    ///   (PKCS#1) block.
    /// - Throws: `WebhookError.Code.invalidKey`.
    public init(pem: String) throws(WebhookError) {
        let block = try PEM.firstBlock(in: pem, labels: ["PUBLIC KEY", "RSA PUBLIC KEY"])
        if block.label == "PUBLIC KEY" {
            try self.init(der: block.der)
        } else {
            let pkey = block.der.withUnsafeBufferPointer { buffer -> OpaquePointer? in
                var cursor = buffer.baseAddress
                guard let pkey = d2i_PublicKey(EVP_PKEY_RSA, nil, &cursor, buffer.count) else { return nil }
                guard cursor == buffer.baseAddress.map({ $0 + buffer.count }) else {
                    EVP_PKEY_free(pkey)
                    return nil
                }
                return pkey
            }
            ERR_clear_error()
            guard let pkey else { throw WebhookError(.invalidKey, "invalid PKCS#1 RSA public key") }
            try self.init(taking: pkey)
        }
    }

    /// Reads a DER SubjectPublicKeyInfo.
    /// - Parameter der: The DER bytes (no trailing data allowed).
    /// - Throws: `WebhookError.Code.invalidKey`.
    public init(der: some DataProtocol) throws(WebhookError) {
        let bytes = Array(der)
        let pkey = bytes.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            var cursor = buffer.baseAddress
            guard !buffer.isEmpty, let pkey = d2i_PUBKEY(nil, &cursor, buffer.count) else { return nil }
            guard cursor == buffer.baseAddress.map({ $0 + buffer.count }) else {
                EVP_PKEY_free(pkey)
                return nil
            }
            return pkey
        }
        ERR_clear_error()
        guard let pkey else { throw WebhookError(.invalidKey, "invalid SubjectPublicKeyInfo DER") }
        try self.init(taking: pkey)
    }

    /// Reads one JWK (RFC 7517) JSON object: `kty` `RSA` with `n` and `e`, or `kty` `EC` with `crv`, `x` and `y`.
    /// - Parameter jwk: The JSON bytes.
    /// - Throws: `WebhookError.Code.invalidKey`.
    public init(jwk: some DataProtocol) throws(WebhookError) {
        let value: JSONValue
        do {
            value = try JSONReader.parse(
                Array(jwk),
                limits: VerifiedJWT.jsonLimits,
                rejectDuplicates: true,
                acceptsOverflowingNumbers: true
            )
        } catch {
            throw WebhookError(.invalidKey, "JWK is not valid JSON")
        }
        guard case .object(let members) = value else {
            throw WebhookError(.invalidKey, "JWK is not a JSON object")
        }
        try self.init(jwkMembers: members)
    }

    init(jwkMembers members: [String: JSONValue]) throws(WebhookError) {
        switch members["kty"]?.stringValue {
        case "RSA":
            let modulus = try JWK.base64URLMember("n", of: members)
            let exponent = try JWK.base64URLMember("e", of: members)
            try self.init(taking: JWK.makeRSA(modulus: modulus, exponent: exponent))
        case "EC":
            guard let name = members["crv"]?.stringValue, let curve = ECCurve(jwkName: name) else {
                throw WebhookError(.invalidKey, "JWK has an unsupported or missing crv")
            }
            let x = try JWK.base64URLMember("x", of: members)
            let y = try JWK.base64URLMember("y", of: members)
            guard x.count == curve.fieldSize, y.count == curve.fieldSize else {
                throw WebhookError(.invalidKey, "JWK EC coordinates must be \(curve.fieldSize) bytes each")
            }
            try self.init(taking: JWK.makeEC(curve: curve, point: [0x04] + x + y))
        default:
            throw WebhookError(.invalidKey, "JWK has an unsupported or missing kty")
        }
    }

    /// The DER SubjectPublicKeyInfo of this key.
    package func derRepresentation() -> [UInt8] {
        encodeDER(box.pointer) { i2d_PUBKEY($0, $1) }
    }

    /// The PEM (`BEGIN PUBLIC KEY`) form of this key.
    package func pemRepresentation() -> String {
        PEM.encode(derRepresentation(), label: "PUBLIC KEY")
    }

    /// Verifies a raw JWS signature.
    ///
    /// For ES* the signature must be the raw R‖S form of exactly twice the curve's field size
    /// (64, 96 or 132 bytes); any other length (including DER) is invalid.
    /// - Parameters:
    ///   - signature: The signature bytes.
    ///   - message: The signed bytes.
    ///   - algorithm: The JWS algorithm.
    /// - Returns: Whether the signature is valid.
    /// - Throws: `WebhookError.Code.algorithmNotAllowed` when the algorithm does not fit the key (HS* always,
    ///   RS*/PS* with an EC key, ES* with an RSA key or of another curve);
    ///   `WebhookError.Code.unsupportedAlgorithm` for an unknown algorithm.
    package func isValidSignature(
        _ signature: some DataProtocol,
        for message: some DataProtocol,
        algorithm: JWSAlgorithm
    ) throws(WebhookError) -> Bool {
        try checkAllowed(algorithm)
        return withContiguousBytes(signature) { signatureBytes in
            withContiguousBytes(message) { messageBytes in
                verify(signatureBytes, message: messageBytes, algorithm: algorithm)
            }
        }
    }

    func checkAllowed(_ algorithm: JWSAlgorithm) throws(WebhookError) {
        guard algorithm.parameters != nil else {
            throw WebhookError(.unsupportedAlgorithm, "unsupported algorithm \(algorithm.rawValue.prefix(16))")
        }
        guard type.allows(algorithm) else {
            throw WebhookError(.algorithmNotAllowed, "algorithm \(algorithm.rawValue) does not fit this key")
        }
    }

    /// Verifies a signature whose algorithm is already known to fit the key.
    ///
    /// ES* signatures are converted from JOSE's raw R‖S to DER first; RS*, PS* and ES* then all go through
    /// `EVP_DigestVerifyInit_ex` and `EVP_DigestVerify` on a fresh `EVP_MD_CTX`.
    func verify(_ signature: UnsafeRawBufferPointer, message: UnsafeRawBufferPointer, algorithm: JWSAlgorithm) -> Bool {
        defer { ERR_clear_error() }
        guard let (family, hash) = algorithm.parameters, type.allows(algorithm) else { return false }
        if case .ecdsa(let curve) = family {
            guard let der = ECDSASignature.derFromRaw(signature, fieldSize: curve.fieldSize) else { return false }
            return der.withUnsafeBytes { verifyDigestSignature($0, message: message, family: family, hash: hash) }
        }
        return verifyDigestSignature(signature, message: message, family: family, hash: hash)
    }

    /// `EVP_DigestVerify` of `signature` over `message`: PKCS#1 v1.5 for RS*, PSS with MGF1 over the same hash and
    /// a salt as long as the digest for PS*, DER ECDSA for ES*.
    private func verifyDigestSignature(
        _ signature: UnsafeRawBufferPointer,
        message: UnsafeRawBufferPointer,
        family: JWSAlgorithm.Family,
        hash: HashAlgorithm
    ) -> Bool {
        guard let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }
        // The EVP_PKEY_CTX that init sets here belongs to `context` and is freed with it.
        var pkeyContext: OpaquePointer?
        guard
            EVP_DigestVerifyInit_ex(context, &pkeyContext, EVP_MD_get0_name(hash.evpMD), nil, nil, box.pointer, nil)
                == 1,
            let pkeyContext
        else { return false }
        switch family {
        case .rsaPKCS1:
            guard EVP_PKEY_CTX_set_rsa_padding(pkeyContext, RSA_PKCS1_PADDING) == 1 else { return false }
        case .rsaPSS:
            guard configurePSS(pkeyContext, hash: hash) else { return false }
        default:
            break
        }
        // A zero-length message may come with a nil base address; OpenSSL accepts that for a count of 0.
        let result = EVP_DigestVerify(
            context,
            signature.baseAddress?.assumingMemoryBound(to: UInt8.self),
            signature.count,
            message.baseAddress?.assumingMemoryBound(to: UInt8.self),
            message.count
        )
        return result == 1
    }
}

/// Sets RSASSA-PSS padding with MGF1 over the same hash and a salt as long as the digest (RFC 7518 3.5).
func configurePSS(_ pkeyContext: OpaquePointer, hash: HashAlgorithm) -> Bool {
    EVP_PKEY_CTX_set_rsa_padding(pkeyContext, RSA_PKCS1_PSS_PADDING) == 1
        && EVP_PKEY_CTX_set_rsa_mgf1_md_name(pkeyContext, hash.openSSLName, nil) == 1
        && EVP_PKEY_CTX_set_rsa_pss_saltlen(pkeyContext, Int32(hash.digestSize)) == 1
}

/// Runs an `i2d_*` function twice (length, then bytes) and returns the DER.
func encodeDER(
    _ object: OpaquePointer,
    _ encode: (OpaquePointer, UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>?) -> Int32
) -> [UInt8] {
    defer { ERR_clear_error() }
    let length = encode(object, nil)
    guard length > 0 else { return [] }
    var output = [UInt8](repeating: 0, count: Int(length))
    let written = output.withUnsafeMutableBufferPointer { buffer -> Int32 in
        var cursor = buffer.baseAddress
        return encode(object, &cursor)
    }
    guard written == length else { return [] }
    return output
}

/// Conversions between JOSE's raw R‖S ECDSA signatures and DER `ECDSA-Sig-Value`.
enum ECDSASignature {
    /// The DER `ECDSA-Sig-Value` of a raw R‖S signature, through `BN_bin2bn`, `ECDSA_SIG_set0` and
    /// `i2d_ECDSA_SIG`; nil unless `raw` is exactly `2 * fieldSize` bytes.
    static func derFromRaw(_ raw: UnsafeRawBufferPointer, fieldSize: Int) -> [UInt8]? {
        guard raw.count == 2 * fieldSize, let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
            return nil
        }
        guard let signature = ECDSA_SIG_new() else { return nil }
        defer { ECDSA_SIG_free(signature) }
        guard let r = BN_bin2bn(base, Int32(fieldSize), nil) else { return nil }
        guard let s = BN_bin2bn(base + fieldSize, Int32(fieldSize), nil) else {
            BN_free(r)
            return nil
        }
        guard ECDSA_SIG_set0(signature, r, s) == 1 else {
            BN_free(r)
            BN_free(s)
            return nil
        }
        let der = encodeDER(signature) { i2d_ECDSA_SIG($0, $1) }
        return der.isEmpty ? nil : der
    }

    static func rawFromDER(_ der: [UInt8], fieldSize: Int) -> [UInt8]? {
        der.withUnsafeBufferPointer { buffer -> [UInt8]? in
            var cursor = buffer.baseAddress
            guard let signature = d2i_ECDSA_SIG(nil, &cursor, buffer.count) else { return nil }
            defer { ECDSA_SIG_free(signature) }
            var r: OpaquePointer?
            var s: OpaquePointer?
            ECDSA_SIG_get0(signature, &r, &s)
            guard let r, let s else { return nil }
            var raw = [UInt8](repeating: 0, count: 2 * fieldSize)
            let ok = raw.withUnsafeMutableBufferPointer { out -> Bool in
                guard let base = out.baseAddress else { return false }
                return BN_bn2binpad(r, base, Int32(fieldSize)) == Int32(fieldSize)
                    && BN_bn2binpad(s, base + fieldSize, Int32(fieldSize)) == Int32(fieldSize)
            }
            return ok ? raw : nil
        }
    }
}

/// Building keys from JWK members with `OSSL_PARAM_BLD` and `EVP_PKEY_fromdata`.
enum JWK {
    static func base64URLMember(_ name: String, of members: [String: JSONValue]) throws(WebhookError) -> [UInt8] {
        guard let text = members[name]?.stringValue else {
            throw WebhookError(.invalidKey, "JWK member \(name) is missing or not a string")
        }
        do {
            let bytes = try Base64URL.decode(text)
            guard !bytes.isEmpty else { throw WebhookError(.invalidKey, "JWK member \(name) is empty") }
            return bytes
        } catch {
            throw WebhookError(.invalidKey, "JWK member \(name) is not valid Base64URL")
        }
    }

    static func makeRSA(modulus: [UInt8], exponent: [UInt8]) throws(WebhookError) -> OpaquePointer {
        defer { ERR_clear_error() }
        guard modulus.count <= RSALimits.maximumBits / 8 + 1, exponent.count <= 64 else {
            throw WebhookError(.invalidKey, "JWK RSA members are too large")
        }
        guard let builder = OSSL_PARAM_BLD_new() else { throw WebhookError(.internalError, "out of memory") }
        defer { OSSL_PARAM_BLD_free(builder) }
        let n = modulus.withUnsafeBufferPointer { BN_bin2bn($0.baseAddress, Int32($0.count), nil) }
        defer { BN_free(n) }
        let e = exponent.withUnsafeBufferPointer { BN_bin2bn($0.baseAddress, Int32($0.count), nil) }
        defer { BN_free(e) }
        // OSSL_PARAM_BLD keeps the key-name pointers until OSSL_PARAM_BLD_to_param: they must be static strings.
        guard let n, let e, OSSL_PARAM_BLD_push_BN(builder, cString("n"), n) == 1,
            OSSL_PARAM_BLD_push_BN(builder, cString("e"), e) == 1
        else {
            throw WebhookError(.internalError, "could not build RSA parameters")
        }
        return try fromData(builder: builder, keyType: "RSA")
    }

    static func makeEC(curve: ECCurve, point: [UInt8]) throws(WebhookError) -> OpaquePointer {
        defer { ERR_clear_error() }
        guard let builder = OSSL_PARAM_BLD_new() else { throw WebhookError(.internalError, "out of memory") }
        defer { OSSL_PARAM_BLD_free(builder) }
        // OSSL_PARAM_BLD keeps pointers to names and values until OSSL_PARAM_BLD_to_param (inside fromData), so the
        // names are static strings and the point buffer stays alive across the whole call.
        let result: Result<OpaquePointer, WebhookError> = point.withUnsafeBytes { pointBytes in
            guard OSSL_PARAM_BLD_push_utf8_string(builder, cString("group"), curve.staticGroupName, 0) == 1,
                OSSL_PARAM_BLD_push_octet_string(builder, cString("pub"), pointBytes.baseAddress, pointBytes.count) == 1
            else {
                return .failure(WebhookError(.internalError, "could not build EC parameters"))
            }
            do throws(WebhookError) {
                return .success(try fromData(builder: builder, keyType: "EC"))
            } catch {
                return .failure(error)
            }
        }
        let pkey = try result.get()
        // Make sure the point is on the curve (and not the point at infinity).
        guard let checkContext = EVP_PKEY_CTX_new_from_pkey(nil, pkey, nil) else {
            EVP_PKEY_free(pkey)
            throw WebhookError(.internalError, "out of memory")
        }
        defer { EVP_PKEY_CTX_free(checkContext) }
        guard EVP_PKEY_public_check(checkContext) == 1 else {
            EVP_PKEY_free(pkey)
            throw WebhookError(.invalidKey, "JWK EC point is not on the curve")
        }
        return pkey
    }

    private static func fromData(builder: OpaquePointer, keyType: String) throws(WebhookError) -> OpaquePointer {
        guard let params = OSSL_PARAM_BLD_to_param(builder) else {
            throw WebhookError(.internalError, "could not build key parameters")
        }
        defer { OSSL_PARAM_free(params) }
        guard let context = EVP_PKEY_CTX_new_from_name(nil, keyType, nil) else {
            throw WebhookError(.internalError, "could not create a key context")
        }
        defer { EVP_PKEY_CTX_free(context) }
        var pkey: OpaquePointer?
        guard EVP_PKEY_fromdata_init(context) == 1,
            EVP_PKEY_fromdata(context, &pkey, CWebhookCryptoShims_selection_public_key(), params) == 1,
            let pkey
        else {
            throw WebhookError(.invalidKey, "JWK does not describe a valid \(keyType) public key")
        }
        return pkey
    }
}

/// A C string with static lifetime (for APIs that keep the pointer).
func cString(_ text: StaticString) -> UnsafePointer<CChar> {
    UnsafeRawPointer(text.utf8Start).assumingMemoryBound(to: CChar.self)
}

/// Minimal PEM reading and writing (RFC 7468).
enum PEM {
    struct Block {
        var label: String
        var der: [UInt8]
    }

    /// Finds the first block whose label is one of `labels` and decodes its Base64 body strictly
    /// (line breaks and spaces between lines are allowed; encapsulated headers are not).
    static func firstBlock(in text: String, labels: Set<String>) throws(WebhookError) -> Block {
        var rest = Substring(text)
        while let begin = rest.range(of: "-----BEGIN ") {
            let afterBegin = rest[begin.upperBound...]
            guard let labelEnd = afterBegin.range(of: "-----") else { break }
            let label = String(afterBegin[..<labelEnd.lowerBound])
            let body = afterBegin[labelEnd.upperBound...]
            guard let end = body.range(of: "-----END \(label)-----") else {
                throw WebhookError(.invalidKey, "PEM block has no END line")
            }
            if labels.contains(label) {
                let base64 = body[..<end.lowerBound].utf8.filter {
                    $0 != 0x0A && $0 != 0x0D && $0 != 0x20 && $0 != 0x09
                }
                guard let der = try? Base64.decode(utf8: base64), !der.isEmpty else {
                    throw WebhookError(
                        .invalidKey,
                        "PEM body is not valid Base64 (encrypted keys are not supported)"
                    )
                }
                return Block(label: label, der: der)
            }
            rest = body[end.upperBound...]
        }
        throw WebhookError(
            .invalidKey,
            "no PEM block labelled \(labels.sorted().joined(separator: " or ")) found"
        )
    }

    static func encode(_ der: [UInt8], label: String) -> String {
        let base64 = Array(Base64.encode(der).utf8)
        var text = "-----BEGIN \(label)-----\n"
        var index = 0
        while index < base64.count {
            let end = min(index + 64, base64.count)
            text += String(decoding: base64[index..<end], as: UTF8.self)
            text += "\n"
            index = end
        }
        text += "-----END \(label)-----\n"
        return text
    }
}
