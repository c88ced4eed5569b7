import FuzzSupport
import WebhookKit

// The whole HipChat verifier on a fixture request whose `Authorization` is the input.
let file = FuzzFixtures.request("hipchat/requests/header-jwt.json")
let verifier = try! HipChatSignatureVerifier(
    secrets: [FuzzKeys.hipChatOAuthID: [FuzzKeys.hipChatSecret]],
    requireSubjectMatchesSender: true,
    clock: { FuzzKeys.hipChatNow }
)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHeaderHipChat(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let request = FuzzFixtures.replacing("Authorization", with: Fuzz.text(data, size), in: file.request)
    Fuzz.runBlocking {
        _ = try? await verifier.verify(request, eventName: nil)
    }
    return 0
}
