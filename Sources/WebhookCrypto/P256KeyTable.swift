import COpenSSL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// ECDSA P-256 verification with a table of multiples of the public key, built once per key.
///
/// Checking an ECDSA signature (r, s) over a digest e computes the point u1·G + u2·Q, where G is the curve's
/// generator, Q the public key, w = s⁻¹ mod n, u1 = e·w and u2 = r·w, and accepts when its x coordinate is r mod n.
/// OpenSSL keeps a table of multiples of G, so u1·G costs a few additions; u2·Q is computed from scratch for every
/// signature, and is most of the time `EVP_PKEY_verify` takes. This type gives Q a table too: a second copy of the
/// P-256 group whose generator is Q, on which `EC_GROUP_precompute_mult` builds the same kind of table OpenSSL has for
/// G (for P-256 on x86-64 and ARM64, the 37 × 64 affine points of its `nistz256` code: 148 KiB, about 25 ms).
/// Both products are then table look-ups and additions; one verification costs about half as much.
///
/// The signature is public data, so nothing here needs to run in constant time. The arithmetic is OpenSSL's; only
/// the ECDSA verification equation (SEC 1 4.1.4, FIPS 186-5 6.4.2) is written out here. The Wycheproof P-256 vectors
/// run through this path as well as through `EVP_PKEY_verify` (`WycheproofTests`).
///
/// `EC_GROUP_precompute_mult` is deprecated in OpenSSL 3 (with the rest of the low-level `EC_KEY` era API) but
/// present in every 3.x release. It is looked up at run time, so that with a libcrypto built without deprecated
/// functions the table is simply not built and verification stays on `EVP_PKEY_verify`.
///
/// The two groups are only read after `init`; OpenSSL's point arithmetic on a `const EC_GROUP` is safe from many
/// threads at once.
final class P256KeyTable: @unchecked Sendable {
    /// P-256 with its own generator (and OpenSSL's built-in table for it).
    private let group: OpaquePointer
    /// P-256 with the public key as generator, and its table.
    private let keyGroup: OpaquePointer

    /// Builds the table for an EC P-256 `EVP_PKEY`; nil when the key is not on P-256, the point is invalid, or
    /// OpenSSL lacks `EC_GROUP_precompute_mult` or fails.
    init?(publicKey pkey: OpaquePointer) {
        defer { ERR_clear_error() }
        guard let precompute = Self.precomputeMultiples else { return nil }
        var point = [UInt8](repeating: 0, count: 65)
        var length = 0
        let read = point.withUnsafeMutableBytes {
            EVP_PKEY_get_octet_string_param(
                pkey,
                OSSL_PKEY_PARAM_PUB_KEY,
                $0.baseAddress?.assumingMemoryBound(to: UInt8.self),
                $0.count,
                &length
            ) == 1
        }
        guard read, length == 65, point[0] == 0x04 else { return nil }
        guard let group = EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1) else { return nil }
        guard let keyGroup = EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1) else {
            EC_GROUP_free(group)
            return nil
        }
        self.group = group
        self.keyGroup = keyGroup
        // From here on `deinit` frees both groups when `init` fails.
        guard let context = BN_CTX_new() else { return nil }
        defer { BN_CTX_free(context) }
        guard let key = EC_POINT_new(group) else { return nil }
        defer { EC_POINT_free(key) }
        guard
            EC_POINT_oct2point(group, key, point, length, context) == 1,
            EC_POINT_is_at_infinity(group, key) == 0,
            EC_POINT_is_on_curve(group, key, context) == 1,
            let order = EC_GROUP_get0_order(group),
            EC_GROUP_set_generator(keyGroup, key, order, BN_value_one()) == 1,
            precompute(keyGroup, context) == 1
        else { return nil }
    }

    deinit {
        EC_GROUP_free(keyGroup)
        EC_GROUP_free(group)
    }

    /// Verifies a raw R‖S signature (64 bytes) over a SHA-256 digest (32 bytes).
    func isValidSignature(_ signature: UnsafeRawBufferPointer, digest: UnsafeRawBufferPointer) -> Bool {
        defer { ERR_clear_error() }
        guard
            signature.count == 64, digest.count == 32,
            let signatureBytes = signature.baseAddress?.assumingMemoryBound(to: UInt8.self),
            let digestBytes = digest.baseAddress?.assumingMemoryBound(to: UInt8.self),
            let order = EC_GROUP_get0_order(group),
            let context = BN_CTX_new()
        else { return false }
        defer { BN_CTX_free(context) }
        BN_CTX_start(context)
        defer { BN_CTX_end(context) }
        // BN_CTX_get returns nil once it has failed, so checking the last one is enough.
        let r = BN_CTX_get(context)
        let s = BN_CTX_get(context)
        let e = BN_CTX_get(context)
        let w = BN_CTX_get(context)
        let u1 = BN_CTX_get(context)
        let u2 = BN_CTX_get(context)
        guard let x = BN_CTX_get(context) else { return false }
        // 1 <= r, s < n.
        guard
            BN_bin2bn(signatureBytes, 32, r) != nil,
            BN_bin2bn(signatureBytes + 32, 32, s) != nil,
            BN_is_zero(r) == 0, BN_is_zero(s) == 0,
            BN_cmp(r, order) < 0, BN_cmp(s, order) < 0
        else { return false }
        // e is the whole digest: SHA-256 is exactly as long as the order (256 bits), so nothing is truncated.
        guard
            BN_bin2bn(digestBytes, 32, e) != nil,
            BN_mod_inverse(w, s, order, context) != nil,
            BN_mod_mul(u1, e, w, order, context) == 1,
            BN_mod_mul(u2, r, w, order, context) == 1
        else { return false }
        guard let sum = EC_POINT_new(group) else { return false }
        defer { EC_POINT_free(sum) }
        guard let keyProduct = EC_POINT_new(keyGroup) else { return false }
        defer { EC_POINT_free(keyProduct) }
        // u1·G on the standard group, u2·Q on the key's group (its generator is Q), then their sum.
        guard
            EC_POINT_mul(group, sum, u1, nil, nil, context) == 1,
            EC_POINT_mul(keyGroup, keyProduct, u2, nil, nil, context) == 1,
            EC_POINT_add(group, sum, sum, keyProduct, context) == 1,
            EC_POINT_is_at_infinity(group, sum) == 0,
            EC_POINT_get_affine_coordinates(group, sum, x, nil, context) == 1,
            BN_nnmod(x, x, order, context) == 1
        else { return false }
        return BN_cmp(x, r) == 0
    }

    private typealias PrecomputeMultiples = @convention(c) (OpaquePointer?, OpaquePointer?) -> Int32

    /// `int EC_GROUP_precompute_mult(EC_GROUP *group, BN_CTX *ctx)` from the loaded libcrypto, or nil.
    private static let precomputeMultiples: PrecomputeMultiples? = {
        guard let process = dlopen(nil, RTLD_NOW) else { return nil }
        guard let symbol = dlsym(process, "EC_GROUP_precompute_mult") else { return nil }
        return unsafeBitCast(symbol, to: PrecomputeMultiples.self)
    }()
}
