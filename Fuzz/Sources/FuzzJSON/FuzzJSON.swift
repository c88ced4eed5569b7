import FuzzSupport
@_spi(Fuzzing) import WebhookKit

// The package's JSON byte reader: `JSONReader.parse` (through `WebhookJSON.value(from:)`) and `JSONReader.validate`
// followed by Foundation (through `WebhookJSON.decode(_:from:)`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    WebhookFuzzing.json(Fuzz.bytes(data, size))
    return 0
}
