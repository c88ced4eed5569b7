import FuzzSupport
import WebhookKit

// The whole Confluence Connect verifier (JWT with `qsh`) on a fixture request whose `Authorization` is the input.
let file = FuzzFixtures.request("confluence/requests/connect-page-created.json")
let verifier = try! ConfluenceSignatureVerifier(
    sharedSecrets: [FuzzKeys.confluenceClientKey: [FuzzKeys.confluenceSharedSecret]],
    baseURL: FuzzKeys.confluenceBaseURL,
    clock: { FuzzKeys.confluenceNow }
)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHeaderConnect(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let request = FuzzFixtures.replacing("Authorization", with: Fuzz.text(data, size), in: file.request)
    Fuzz.runBlocking {
        _ = try? await verifier.verify(request, eventName: file.eventName)
    }
    return 0
}
