import Foundation
import FuzzSupport
import WebhookKit

// The package's JSON byte reader, through its public entry points: `WebhookJSON.value(from:)` (`JSONReader.parse`)
// and `WebhookJSON.decode(_:from:)` (`JSONReader.validate`, then Foundation for documents that pass).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    _ = try? WebhookJSON.value(from: bytes)
    _ = try? WebhookJSON.decode([String: JSONValue].self, from: bytes)
    return 0
}
