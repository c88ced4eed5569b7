import COpenSSL
public import Foundation

/// HMAC key material.
///
/// The bytes are never shown: `description`, `debugDescription` and reflection print only the length.
public struct WebhookSecret: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let bytes: [UInt8]

    /// Creates a key from raw bytes.
    /// - Parameter bytes: The secret bytes (any length; longer than the hash block size is hashed first, per RFC 2104).
    public init(_ bytes: some DataProtocol) {
        self.bytes = Array(bytes)
    }

    /// Creates a key from the UTF-8 bytes of a shared-secret string.
    /// - Parameter secret: The secret text.
    public init(utf8 secret: String) {
        self.bytes = Array(secret.utf8)
    }

    /// The key length in bytes.
    package var count: Int { bytes.count }

    public var description: String { "WebhookSecret(\(bytes.count) bytes)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["count": bytes.count]) }
}

/// Computes and checks HMACs with one key and one hash function, through OpenSSL's `EVP_MAC` ("HMAC").
///
/// `init` makes one keyed `EVP_MAC_CTX`; each call works on its own copy of it (`EVP_MAC_CTX_dup`), so the keyed
/// context is only ever read. The value is `Sendable` and may be used from many tasks at once.
package struct HMACAuthenticator: Sendable {
    private let keyed: KeyedMACContext

    /// Prepares an authenticator.
    /// - Parameters:
    ///   - key: The secret key.
    ///   - algorithm: The hash function.
    package init(key: WebhookSecret, algorithm: HashAlgorithm) {
        self.keyed = KeyedMACContext(key: key.bytes, algorithm: algorithm)
    }

    /// The hash function.
    package var algorithm: HashAlgorithm { keyed.algorithm }

    /// Computes the MAC of a message.
    /// - Parameter message: The message bytes.
    /// - Returns: The full-length MAC (`HashAlgorithm.digestSize` bytes).
    package func authenticationCode(for message: some DataProtocol) -> [UInt8] {
        withContiguousBytes(message) { bytes in keyed.authenticationCode { $0.update(bytes) } }
    }

    /// Computes the MAC of the concatenation of `parts`, without concatenating them in memory.
    /// - Parameter parts: The message, in pieces.
    /// - Returns: The full-length MAC.
    package func authenticationCode(forParts parts: [[UInt8]]) -> [UInt8] {
        keyed.authenticationCode { $0.update(parts) }
    }

    /// Checks a presented MAC against the message, in constant time.
    ///
    /// Only a full-length MAC can be valid: a truncated MAC is rejected.
    /// - Parameters:
    ///   - mac: The presented MAC bytes (decode hex or Base64 first).
    ///   - message: The message bytes.
    /// - Returns: Whether the MAC is valid.
    package func isValidAuthenticationCode(_ mac: some DataProtocol, for message: some DataProtocol) -> Bool {
        withContiguousBytes(mac) { presented in
            withContiguousBytes(message) { isValidAuthenticationCode(presented, for: $0) }
        }
    }

    /// Checks a presented MAC against the concatenation of `parts`, in constant time.
    /// - Parameters:
    ///   - mac: The presented MAC bytes; only a full-length MAC can be valid.
    ///   - parts: The message, in pieces.
    /// - Returns: Whether the MAC is valid.
    package func isValidAuthenticationCode(_ mac: some DataProtocol, forParts parts: [[UInt8]]) -> Bool {
        withContiguousBytes(mac) { presented in keyed.isValid(presented) { $0.update(parts) } }
    }

    /// Checks a presented MAC over a contiguous message.
    func isValidAuthenticationCode(_ mac: UnsafeRawBufferPointer, for message: UnsafeRawBufferPointer) -> Bool {
        keyed.isValid(mac) { $0.update(message) }
    }
}

/// The `EVP_MAC` implementation of HMAC, fetched once per process.
enum FetchedMAC {
    nonisolated(unsafe) static let hmac: OpaquePointer = {
        defer { ERR_clear_error() }
        guard let mac = EVP_MAC_fetch(nil, "HMAC", nil) else {
            fatalError("OpenSSL does not provide HMAC")
        }
        return mac
    }()
}

/// One keyed `EVP_MAC_CTX`, made in `init` and freed in `deinit`.
///
/// It is never updated or finalised itself: every computation runs on an `EVP_MAC_CTX_dup` of it, which only reads
/// it, so one instance may be shared between threads.
final class KeyedMACContext: @unchecked Sendable {
    let algorithm: HashAlgorithm
    private let context: OpaquePointer

    init(key: [UInt8], algorithm: HashAlgorithm) {
        defer { ERR_clear_error() }
        self.algorithm = algorithm
        guard let context = EVP_MAC_CTX_new(FetchedMAC.hmac) else {
            fatalError("OpenSSL could not allocate a MAC context")
        }
        self.context = context
        var digestName = Array(algorithm.openSSLName.utf8CString)
        let ok = digestName.withUnsafeMutableBufferPointer { name in
            let params = [
                OSSL_PARAM_construct_utf8_string(cString("digest"), name.baseAddress, 0),
                OSSL_PARAM_construct_end(),
            ]
            // An empty key still needs a non-nil pointer: with nil, EVP_MAC_init keeps the context unkeyed.
            let placeholder: [UInt8] = [0]
            let keyBytes = key.isEmpty ? placeholder : key
            return keyBytes.withUnsafeBufferPointer { keyBuffer in
                params.withUnsafeBufferPointer {
                    EVP_MAC_init(context, keyBuffer.baseAddress, key.count, $0.baseAddress) == 1
                }
            }
        }
        guard ok else { fatalError("OpenSSL could not prepare the HMAC key") }
    }

    deinit {
        EVP_MAC_CTX_free(context)
    }

    /// A keyed work context (a copy) that a computation updates and finalises.
    struct Work {
        let context: OpaquePointer
        var ok = true

        mutating func update(_ bytes: UnsafeRawBufferPointer) {
            guard !bytes.isEmpty else { return }
            ok = ok && EVP_MAC_update(context, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count) == 1
        }

        mutating func update(_ parts: [[UInt8]]) {
            for part in parts {
                part.withUnsafeBytes { update($0) }
            }
        }
    }

    /// Runs `absorb` on a copy of the keyed context and writes the MAC into `output` (`HashAlgorithm.digestSize`
    /// bytes); false only when OpenSSL fails (out of memory).
    private func compute(into output: UnsafeMutableRawBufferPointer, absorb: (inout Work) -> Void) -> Bool {
        defer { ERR_clear_error() }
        guard output.count >= algorithm.digestSize, let copy = EVP_MAC_CTX_dup(context) else { return false }
        defer { EVP_MAC_CTX_free(copy) }
        var work = Work(context: copy)
        absorb(&work)
        var length = 0
        return work.ok
            && EVP_MAC_final(copy, output.baseAddress?.assumingMemoryBound(to: UInt8.self), &length, output.count) == 1
            && length == algorithm.digestSize
    }

    /// The full-length MAC of what `absorb` feeds in.
    func authenticationCode(_ absorb: (inout Work) -> Void) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: algorithm.digestSize)
        let ok = output.withUnsafeMutableBytes { compute(into: $0, absorb: absorb) }
        guard ok else { fatalError("OpenSSL HMAC failed (out of memory)") }
        return output
    }

    /// Whether `presented` is the full-length MAC of what `absorb` feeds in: the lengths first, then
    /// `CRYPTO_memcmp` over the whole MAC (`ConstantTime.equals`).
    func isValid(_ presented: UnsafeRawBufferPointer, absorb: (inout Work) -> Void) -> Bool {
        let size = algorithm.digestSize
        guard presented.count == size else { return false }
        return withUnsafeTemporaryAllocation(byteCount: Int(EVP_MAX_MD_SIZE), alignment: 1) { buffer in
            defer { OPENSSL_cleanse(buffer.baseAddress, buffer.count) }
            guard compute(into: buffer, absorb: absorb) else { return false }
            return ConstantTime.equals(UnsafeRawBufferPointer(rebasing: buffer[0..<size]), presented)
        }
    }
}
