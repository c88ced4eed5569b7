import COpenSSL
package import Foundation

/// A hash function. An open set: a struct with static members.
public struct HashAlgorithm: Hashable, Sendable, CustomStringConvertible {
    enum Identifier: Hashable, Sendable {
        case sha1, sha256, sha384, sha512
    }

    let identifier: Identifier

    private init(_ identifier: Identifier) {
        self.identifier = identifier
    }

    /// SHA-1 (only for HMAC-SHA1 webhooks; never for signatures).
    public static let sha1 = HashAlgorithm(.sha1)
    /// SHA-256.
    public static let sha256 = HashAlgorithm(.sha256)
    /// SHA-384.
    public static let sha384 = HashAlgorithm(.sha384)
    /// SHA-512.
    public static let sha512 = HashAlgorithm(.sha512)

    /// The digest length in bytes (20, 32, 48 or 64).
    package var digestSize: Int {
        switch identifier {
        case .sha1: 20
        case .sha256: 32
        case .sha384: 48
        case .sha512: 64
        }
    }

    /// The OpenSSL name of the digest.
    var openSSLName: String {
        switch identifier {
        case .sha1: "SHA1"
        case .sha256: "SHA256"
        case .sha384: "SHA384"
        case .sha512: "SHA512"
        }
    }

    /// The fetched `EVP_MD`, fetched once per process.
    var evpMD: OpaquePointer {
        switch identifier {
        case .sha1: FetchedDigests.sha1
        case .sha256: FetchedDigests.sha256
        case .sha384: FetchedDigests.sha384
        case .sha512: FetchedDigests.sha512
        }
    }

    public var description: String {
        switch identifier {
        case .sha1: "SHA-1"
        case .sha256: "SHA-256"
        case .sha384: "SHA-384"
        case .sha512: "SHA-512"
        }
    }
}

/// Explicitly fetched digests, fetched once and kept for the life of the process
/// (implicit fetching on every call is the slow path in OpenSSL 3).
enum FetchedDigests {
    nonisolated(unsafe) static let sha1: OpaquePointer = fetch("SHA1", fallback: EVP_sha1())
    nonisolated(unsafe) static let sha256: OpaquePointer = fetch("SHA256", fallback: EVP_sha256())
    nonisolated(unsafe) static let sha384: OpaquePointer = fetch("SHA384", fallback: EVP_sha384())
    nonisolated(unsafe) static let sha512: OpaquePointer = fetch("SHA512", fallback: EVP_sha512())

    private static func fetch(_ name: String, fallback: OpaquePointer?) -> OpaquePointer {
        defer { ERR_clear_error() }
        if let fetched = EVP_MD_fetch(nil, name, nil) {
            return fetched
        }
        guard let fallback else {
            fatalError("OpenSSL does not provide \(name)")
        }
        return fallback
    }
}

/// One-shot message digests.
package enum Digest {
    /// Hashes data.
    /// - Parameters:
    ///   - data: The bytes to hash.
    ///   - algorithm: The hash function.
    /// - Returns: The digest, `HashAlgorithm.digestSize` bytes.
    package static func hash(_ data: some DataProtocol, using algorithm: HashAlgorithm) -> [UInt8] {
        defer { ERR_clear_error() }
        guard let context = EVP_MD_CTX_new() else {
            fatalError("OpenSSL could not allocate a digest context")
        }
        defer { EVP_MD_CTX_free(context) }
        var ok = EVP_DigestInit_ex2(context, algorithm.evpMD, nil) == 1
        for region in data.regions where ok {
            ok = region.withUnsafeBytes { EVP_DigestUpdate(context, $0.baseAddress, $0.count) == 1 }
        }
        var output = [UInt8](repeating: 0, count: algorithm.digestSize)
        var length: UInt32 = 0
        if ok {
            ok = output.withUnsafeMutableBufferPointer { EVP_DigestFinal_ex(context, $0.baseAddress, &length) == 1 }
        }
        guard ok, Int(length) == algorithm.digestSize else {
            fatalError("OpenSSL digest failed")
        }
        return output
    }
}

/// Comparison that takes the same time wherever the inputs differ.
package enum ConstantTime {
    /// Compares two byte strings in constant time (for equal lengths).
    ///
    /// - Parameters:
    ///   - lhs: The first bytes.
    ///   - rhs: The second bytes.
    /// - Returns: `false` when the lengths differ (lengths are not secret); otherwise the result of
    ///   `CRYPTO_memcmp` over all bytes.
    package static func equals(_ lhs: some DataProtocol, _ rhs: some DataProtocol) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if lhs.isEmpty { return true }
        return withContiguousBytes(lhs) { left in
            withContiguousBytes(rhs) { right in
                CRYPTO_memcmp(left.baseAddress, right.baseAddress, left.count) == 0
            }
        }
    }

    /// `CRYPTO_memcmp` of two buffers known to have equal length.
    static func equals(_ lhs: UnsafeRawBufferPointer, _ rhs: UnsafeRawBufferPointer) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if lhs.isEmpty { return true }
        return CRYPTO_memcmp(lhs.baseAddress, rhs.baseAddress, lhs.count) == 0
    }
}

/// Runs `body` over the data's bytes, copying only when the data is not contiguous.
func withContiguousBytes<D: DataProtocol, R>(_ data: D, _ body: (UnsafeRawBufferPointer) -> R) -> R {
    if let result = data.withContiguousStorageIfAvailable({ body(UnsafeRawBufferPointer($0)) }) {
        return result
    }
    let regions = data.regions
    if regions.count == 1, let region = regions.first {
        return region.withUnsafeBytes(body)
    }
    return Array(data).withUnsafeBytes(body)
}

/// Runs `body` over the data's bytes, copying only when the data has more than one region.
func withContiguousBytes<D: DataProtocol, R, E: Error>(
    _ data: D,
    _ body: (UnsafeRawBufferPointer) throws(E) -> R
) throws(E) -> R {
    let regions = data.regions
    if regions.isEmpty {
        return try body(UnsafeRawBufferPointer(start: nil, count: 0))
    }
    if regions.count == 1, let region = regions.first {
        let result: Result<R, E> = region.withUnsafeBytes { buffer in
            do throws(E) { return .success(try body(buffer)) } catch { return .failure(error) }
        }
        return try result.get()
    }
    let result: Result<R, E> = Array(data).withUnsafeBytes { buffer in
        do throws(E) { return .success(try body(buffer)) } catch { return .failure(error) }
    }
    return try result.get()
}
