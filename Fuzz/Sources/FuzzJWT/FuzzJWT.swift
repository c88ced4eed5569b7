import FuzzSupport
import WebhookKit

// JWT compact parsing (`UnverifiedJWT`) and verification (`JWTVerifier`) with a fixed HS256 secret, an RSA and an
// EC public key, each alone and all three in one key set; claims checked at the fixtures' clock.
let options = JWTValidationOptions(clock: { FuzzKeys.rServiceNow })
let hmacKey = try! JWTVerificationKey.hmac(FuzzKeys.rServiceSecret, algorithms: [.hs256])
let rsaKey = try! JWTVerificationKey.publicKey(FuzzKeys.rs256PublicKey)
let ecKey = try! JWTVerificationKey.publicKey(FuzzKeys.es256PublicKey)
let verifiers = [
    JWTVerifier(keys: JWTKeySet([hmacKey]), options: options),
    JWTVerifier(keys: JWTKeySet([rsaKey]), options: options),
    JWTVerifier(keys: JWTKeySet([ecKey]), options: options),
    JWTVerifier(keys: JWTKeySet([hmacKey, rsaKey, ecKey]), options: options),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJWT(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    if let token = try? UnverifiedJWT(bytes) {
        _ = token.header
        for verifier in verifiers {
            if let verified = try? verifier.verify(token) {
                _ = try? verified.stringClaim("qsh")
            }
        }
    }
    _ = try? verifiers[3].verify(Fuzz.text(data, size))
    return 0
}
