import FuzzSupport
@_spi(Fuzzing) import WebhookKit

// JWK and JWKS parsing: `WebhookPublicKey(jwk:)` and `JWTKeySet(jwks:)`, then one verification with the key set (its
// `kid` selection and algorithm checks) of a fixed RS256 token whose signature is not valid.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeyJWK(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    WebhookFuzzing.jwk(Fuzz.bytes(data, size))
    return 0
}
