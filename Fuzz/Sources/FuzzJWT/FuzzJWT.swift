import FuzzSupport
@_spi(Fuzzing) import WebhookKit

// JWT compact parsing (`UnverifiedJWT`) and verification (`JWTVerifier`) with a fixed HS256 secret, an RSA and an
// EC public key, each alone and all three in one key set; claims checked at the fixtures' clock
// (`WebhookFuzzing.JWT` in Sources/WebhookKit/FuzzingEntryPoints.swift).
let target = WebhookFuzzing.JWT(
    secret: FuzzKeys.rServiceSecret,
    rsaKey: FuzzKeys.rs256PublicKey,
    ecKey: FuzzKeys.es256PublicKey,
    now: FuzzKeys.rServiceNow
)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJWT(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    target.run(Fuzz.bytes(data, size), text: Fuzz.text(data, size))
    return 0
}
