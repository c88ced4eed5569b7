import FuzzSupport
@_spi(Fuzzing) import WebhookKit

// PEM key parsing: `WebhookPublicKey(pem:)` and the private-key reader the signers use.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeyPEM(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    WebhookFuzzing.pem(Fuzz.text(data, size))
    return 0
}
