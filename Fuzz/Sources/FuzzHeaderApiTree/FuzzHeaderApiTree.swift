import FuzzSupport
import WebhookKit

// The whole ApiTree verifier on a fixture request whose `X-ApiTree-Signature` is the input, with the default scheme
// (Base64 of HMAC-SHA1) and with hex of HMAC-SHA256.
let file = FuzzFixtures.request("apitree/requests/api-created.json")
let verifiers = [
    try! ApiTreeSignatureVerifier(secrets: [FuzzKeys.apiTreeSecret], webhookURL: FuzzKeys.apiTreeWebhookURL),
    try! ApiTreeSignatureVerifier(
        secrets: [FuzzKeys.apiTreeSecret],
        webhookURL: FuzzKeys.apiTreeWebhookURL,
        scheme: .init(algorithm: .sha256, encoding: .hex)
    ),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHeaderApiTree(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let request = FuzzFixtures.replacing("X-ApiTree-Signature", with: Fuzz.text(data, size), in: file.request)
    Fuzz.runBlocking {
        for verifier in verifiers {
            _ = try? await verifier.verify(request, eventName: nil)
        }
    }
    return 0
}
