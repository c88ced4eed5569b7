import FuzzSupport
import WebhookKit

// The whole Confluence HMAC verifier on a fixture request whose `X-Hub-Signature` is the input.
let file = FuzzFixtures.request("confluence/requests/hmac-page-updated.json")
let verifier = try! ConfluenceSignatureVerifier(
    secrets: FuzzKeys.confluenceHMACSecrets,
    clock: { FuzzKeys.confluenceNow }
)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHeaderConfluenceHMAC(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let request = FuzzFixtures.replacing("X-Hub-Signature", with: Fuzz.text(data, size), in: file.request)
    Fuzz.runBlocking {
        _ = try? await verifier.verify(request, eventName: file.eventName)
    }
    return 0
}
