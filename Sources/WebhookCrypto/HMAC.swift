import COpenSSL
public import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// HMAC key material.
///
/// The bytes are never shown: `description`, `debugDescription` and reflection print only the length.
public struct HMACKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
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
    public var count: Int { bytes.count }

    public var description: String { "HMACKey(\(bytes.count) bytes)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["count": bytes.count]) }
}

/// Computes and checks HMACs with one key and one hash function.
///
/// The keyed state (the hash state after absorbing the inner and outer padded key) is prepared once in
/// `init`; each call copies it, so a call costs only the hashing of the message plus two context copies.
/// The value is `Sendable` and may be used from many tasks at once.
public struct HMACAuthenticator: Sendable {
    private let state: HMACState

    /// Prepares an authenticator.
    /// - Parameters:
    ///   - key: The secret key.
    ///   - algorithm: The hash function.
    public init(key: HMACKey, algorithm: HashAlgorithm) {
        self.state = HMACState(key: key.bytes, algorithm: algorithm)
    }

    /// The hash function.
    public var algorithm: HashAlgorithm { state.algorithm }

    /// Computes the MAC of a message.
    /// - Parameter message: The message bytes.
    /// - Returns: The full-length MAC (``HashAlgorithm/digestSize`` bytes).
    @inlinable
    public func authenticationCode(for message: some DataProtocol) -> [UInt8] {
        // Inlinable so that the caller's concrete type is specialized: the hot path is then one call into
        // non-generic code with a contiguous buffer.
        if let mac = message.withContiguousStorageIfAvailable({ authenticationCode(for: UnsafeRawBufferPointer($0)) }) {
            return mac
        }
        return Array(message).withUnsafeBytes { authenticationCode(for: $0) }
    }

    /// Computes the MAC of the concatenation of `parts`, without concatenating them in memory.
    /// - Parameter parts: The message, in pieces.
    /// - Returns: The full-length MAC.
    public func authenticationCode(forParts parts: [[UInt8]]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: state.algorithm.digestSize)
        let ok = output.withUnsafeMutableBytes { buffer in
            state.compute(into: buffer) { Self.absorb(parts, into: $0) }
        }
        guard ok else { fatalError("OpenSSL HMAC failed (out of memory)") }
        return output
    }

    /// Checks a presented MAC against the message, in constant time.
    ///
    /// Only a full-length MAC can be valid: a truncated MAC is rejected.
    /// - Parameters:
    ///   - mac: The presented MAC bytes (decode hex or Base64 first).
    ///   - message: The message bytes.
    /// - Returns: Whether the MAC is valid.
    @inlinable
    public func isValidAuthenticationCode(_ mac: some DataProtocol, for message: some DataProtocol) -> Bool {
        let result = mac.withContiguousStorageIfAvailable { macBuffer in
            message.withContiguousStorageIfAvailable { messageBuffer in
                isValidAuthenticationCode(UnsafeRawBufferPointer(macBuffer), for: UnsafeRawBufferPointer(messageBuffer))
            }
        }
        if let result, let result {
            return result
        }
        return Array(mac).withUnsafeBytes { macBytes in
            Array(message).withUnsafeBytes { isValidAuthenticationCode(macBytes, for: $0) }
        }
    }

    /// Checks a presented MAC against the concatenation of `parts`, in constant time.
    /// - Parameters:
    ///   - mac: The presented MAC bytes; only a full-length MAC can be valid.
    ///   - parts: The message, in pieces.
    /// - Returns: Whether the MAC is valid.
    public func isValidAuthenticationCode(_ mac: some DataProtocol, forParts parts: [[UInt8]]) -> Bool {
        guard mac.count == state.algorithm.digestSize else { return false }
        return withContiguousBytes(mac) { presented in
            state.verify(presented) { Self.absorb(parts, into: $0) }
        }
    }

    /// Checks a presented MAC over a contiguous message (the JWS hot path).
    @usableFromInline
    func isValidAuthenticationCode(_ mac: UnsafeRawBufferPointer, for message: UnsafeRawBufferPointer) -> Bool {
        guard mac.count == state.algorithm.digestSize else { return false }
        return state.verify(mac) { EVP_DigestUpdate($0, message.baseAddress, message.count) == 1 }
    }

    /// Computes the MAC of a contiguous message.
    @usableFromInline
    func authenticationCode(for message: UnsafeRawBufferPointer) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: state.algorithm.digestSize)
        let ok = output.withUnsafeMutableBytes { buffer in
            state.compute(into: buffer) { EVP_DigestUpdate($0, message.baseAddress, message.count) == 1 }
        }
        guard ok else { fatalError("OpenSSL HMAC failed (out of memory)") }
        return output
    }

    private static func absorb(_ parts: [[UInt8]], into context: OpaquePointer) -> Bool {
        for part in parts {
            let updated = part.withUnsafeBytes { EVP_DigestUpdate(context, $0.baseAddress, $0.count) == 1 }
            if !updated { return false }
        }
        return true
    }
}

/// The prepared HMAC state: two `EVP_MD_CTX` that have absorbed `key ^ ipad` and `key ^ opad`.
///
/// A call copies them into a work context of its thread (``ThreadDigestContext``), so that it allocates no context
/// of its own and shares nothing writable with calls on other threads. The two prepared contexts are only read.
final class HMACState: @unchecked Sendable {
    let algorithm: HashAlgorithm
    private let inner: OpaquePointer
    private let outer: OpaquePointer

    init(key: [UInt8], algorithm: HashAlgorithm) {
        defer { ERR_clear_error() }
        self.algorithm = algorithm
        let blockSize = algorithm.blockSize
        var block = [UInt8](repeating: 0, count: blockSize)
        defer { block.withUnsafeMutableBytes { OPENSSL_cleanse($0.baseAddress, $0.count) } }
        if key.count > blockSize {
            var hashed = Digest.hash(key, using: algorithm)
            block.replaceSubrange(0..<hashed.count, with: hashed)
            hashed.withUnsafeMutableBytes { OPENSSL_cleanse($0.baseAddress, $0.count) }
        } else {
            block.replaceSubrange(0..<key.count, with: key)
        }
        guard let inner = EVP_MD_CTX_new(), let outer = EVP_MD_CTX_new() else {
            fatalError("OpenSSL could not allocate a digest context")
        }
        self.inner = inner
        self.outer = outer
        var ok = EVP_DigestInit_ex2(inner, algorithm.evpMD, nil) == 1
        ok = ok && EVP_DigestInit_ex2(outer, algorithm.evpMD, nil) == 1
        for index in block.indices { block[index] ^= 0x36 }
        ok = ok && block.withUnsafeBytes { EVP_DigestUpdate(inner, $0.baseAddress, $0.count) == 1 }
        for index in block.indices { block[index] ^= 0x36 ^ 0x5C }
        ok = ok && block.withUnsafeBytes { EVP_DigestUpdate(outer, $0.baseAddress, $0.count) == 1 }
        guard ok else { fatalError("OpenSSL could not prepare the HMAC key") }
    }

    deinit {
        EVP_MD_CTX_free(inner)
        EVP_MD_CTX_free(outer)
    }

    func compute(into output: UnsafeMutableRawBufferPointer, absorb: (OpaquePointer) -> Bool) -> Bool {
        // These calls push nothing on success; the error queue is cleared on the failure paths only.
        guard let context = ThreadDigestContext.take() else {
            ERR_clear_error()
            return false
        }
        var ok = EVP_MD_CTX_copy_ex(context, inner) == 1
        ok = ok && absorb(context)
        var innerDigest: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        ok =
            ok
            && withUnsafeMutableBytes(of: &innerDigest) { digest in
                var length: UInt32 = 0
                guard
                    EVP_DigestFinal_ex(context, digest.baseAddress?.assumingMemoryBound(to: UInt8.self), &length) == 1,
                    EVP_MD_CTX_copy_ex(context, outer) == 1,
                    EVP_DigestUpdate(context, digest.baseAddress, Int(length)) == 1
                else { return false }
                return EVP_DigestFinal_ex(context, output.baseAddress?.assumingMemoryBound(to: UInt8.self), &length)
                    == 1
            }
        if ok {
            ThreadDigestContext.give(context)
        } else {
            EVP_MD_CTX_free(context)
            ERR_clear_error()
        }
        return ok
    }

    /// Computes the MAC into a stack buffer and compares it with `presented` using `CRYPTO_memcmp`.
    func verify(_ presented: UnsafeRawBufferPointer, absorb: (OpaquePointer) -> Bool) -> Bool {
        let size = algorithm.digestSize
        guard presented.count == size else { return false }
        var expected: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &expected) { buffer in
            guard compute(into: buffer, absorb: absorb) else { return false }
            return ConstantTime.equals(UnsafeRawBufferPointer(rebasing: buffer[0..<size]), presented)
        }
    }
}

/// One spare `EVP_MD_CTX` per thread, for the HMAC computations of every key.
///
/// Nothing here is shared between threads: a pool per key behind a lock made two threads verifying with one key take
/// turns on the lock's cache line, and each verification cost about 10% more than from one thread. A context taken here is off the thread's slot until it is given back, so a nested call (none exists today) would
/// get a fresh one rather than share it. The context left in the slot holds the state of the last finished digest,
/// an outer hash whose output has already been returned; it is freed when its thread ends.
enum ThreadDigestContext {
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        let status = pthread_key_create(&key, freeDigestContext)
        precondition(status == 0, "pthread_key_create failed: \(status)")
        return key
    }()

    /// The thread's spare context, or a new one (nil only when OpenSSL cannot allocate).
    static func take() -> OpaquePointer? {
        if let spare = pthread_getspecific(key) {
            pthread_setspecific(key, nil)
            return OpaquePointer(spare)
        }
        return EVP_MD_CTX_new()
    }

    /// Keeps `context` as the thread's spare, or frees it when the thread has one already.
    static func give(_ context: OpaquePointer) {
        if pthread_getspecific(key) == nil {
            pthread_setspecific(key, UnsafeRawPointer(context))
        } else {
            EVP_MD_CTX_free(context)
        }
    }
}

#if canImport(Darwin)
private func freeDigestContext(_ pointer: UnsafeMutableRawPointer) {
    EVP_MD_CTX_free(OpaquePointer(pointer))
}
#else
private func freeDigestContext(_ pointer: UnsafeMutableRawPointer?) {
    if let pointer {
        EVP_MD_CTX_free(OpaquePointer(pointer))
    }
}
#endif
