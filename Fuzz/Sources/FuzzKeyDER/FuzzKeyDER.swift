import FuzzSupport
import WebhookKit

// DER key parsing: `PublicKey(der:)` (SubjectPublicKeyInfo).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeyDER(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    if let key = try? PublicKey(der: Fuzz.bytes(data, size)) {
        _ = try? JWTVerificationKey.publicKey(key)
    }
    return 0
}
