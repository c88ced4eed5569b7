import FuzzSupport
import WebhookKit

// Atlassian Connect's `qsh` canonicalisation on any target, with and without a base URL, for two methods.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQueryStringHash(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let target = Fuzz.text(data, size)
    _ = ConfluenceQueryStringHash.canonicalRequest(method: "POST", target: target)
    _ = ConfluenceQueryStringHash.canonicalRequest(method: "get", target: target, baseURL: FuzzKeys.confluenceBaseURL)
    _ = ConfluenceQueryStringHash.canonicalRequest(method: "POST", target: target, baseURL: "https://example.com/wiki/")
    _ = ConfluenceQueryStringHash.hash(method: "POST", target: target, baseURL: FuzzKeys.confluenceBaseURL)
    return 0
}
