import FuzzSupport
import WebhookKit

// JWK and JWKS parsing: `PublicKey(jwk:)` and `JWTKeySet(jwks:)`, then one verification with the key set (its
// `kid` selection and algorithm checks) of a fixed RS256 token whose signature is not valid.
let token = Array(
    ("eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJpc3MiOiJ4In0."
        + "c2lnbmF0dXJlLW5vdC12YWxpZC1ub3QtdmFsaWQtbm90LXZhbGlkLW5vdC12YWxpZA").utf8
)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeyJWK(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    _ = try? PublicKey(jwk: bytes)
    if let keys = try? JWTKeySet(jwks: bytes) {
        _ = try? JWTVerifier(keys: keys).verify(token)
    }
    return 0
}
