import FuzzSupport
import WebhookKit

// PEM key parsing: `PublicKey(pem:)` and `PrivateKey(pem:)`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeyPEM(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = Fuzz.text(data, size)
    if let key = try? PublicKey(pem: text) {
        _ = try? JWTVerificationKey.publicKey(key)
    }
    _ = try? PrivateKey(pem: text)
    return 0
}
