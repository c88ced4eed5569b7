import FuzzSupport
@_spi(Fuzzing) import WebhookKit

// The request target and its query: `WebhookRequest.path`, `rawQuery`, `queryItems`, `queryValue(_:)`,
// `QueryString.parse` and `QueryString.percentDecode`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequestTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    WebhookFuzzing.requestTarget(Fuzz.text(data, size))
    return 0
}
