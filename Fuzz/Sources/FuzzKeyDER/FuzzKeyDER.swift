import FuzzSupport
@_spi(Fuzzing) import WebhookKit

// DER key parsing: `WebhookPublicKey(der:)` (SubjectPublicKeyInfo).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeyDER(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    WebhookFuzzing.der(Fuzz.bytes(data, size))
    return 0
}
