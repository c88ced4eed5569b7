import FuzzSupport
import WebhookKit

// R-Service's signature is its body (`{"jwt":"<token>"}`): the whole verifier on a fixture request whose body is
// the input, with the fixtures' public keys, with their shared secret, and unsigned (no hook is configured, so no
// outbound request is ever attempted).
let file = FuzzFixtures.request("rservice/requests/verified-rs256-request-note-added.json")
let clock: @Sendable () -> Double = { FuzzKeys.rServiceNow }
let verifiers = [
    try! RServiceSignatureVerifier(
        keys: try! .publicKeys([FuzzKeys.rs256PublicKey, FuzzKeys.es256PublicKey]),
        issuer: FuzzKeys.rServiceIssuer,
        audience: FuzzKeys.rServiceAudience,
        clock: clock
    ),
    try! RServiceSignatureVerifier(
        keys: try! .sharedSecrets([FuzzKeys.rServiceSecret]),
        issuer: FuzzKeys.rServiceIssuer,
        audience: FuzzKeys.rServiceAudience,
        clock: clock
    ),
    try! RServiceSignatureVerifier(keys: .unsigned, issuer: FuzzKeys.rServiceIssuer, clock: clock),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBodyRService(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var request = file.request
    request.body = Fuzz.bytes(data, size)
    Fuzz.runBlocking {
        for verifier in verifiers {
            _ = try? await verifier.verify(request, eventName: nil)
        }
    }
    return 0
}
