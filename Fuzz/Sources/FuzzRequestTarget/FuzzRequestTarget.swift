import FuzzSupport
import WebhookKit

// The request target and its query: `WebhookRequest.path`, `rawQuery`, `queryItems`, `queryValue(_:)`,
// `QueryString.parse` and `QueryString.percentDecode`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequestTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let target = Fuzz.text(data, size)
    let request = WebhookRequest(target: target, body: [])
    _ = request.path
    let query = request.rawQuery
    _ = WebhookRequest.rawQuery(of: target)
    _ = request.queryItems
    _ = request.queryValue("event")
    _ = request.queryValue("jwt")
    _ = QueryString.parse(query)
    _ = QueryString.parse(target)
    _ = QueryString.percentDecode(target)
    return 0
}
