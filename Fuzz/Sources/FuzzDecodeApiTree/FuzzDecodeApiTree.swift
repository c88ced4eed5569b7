import FuzzSupport
import WebhookKit

// `ApiTreeEvent.decode(from:eventName:)` on any body: without an event name, and with one registered name chosen by
// the input's length (so that the fuzzer reaches every typed payload without spending a byte on the choice).
let names = EventRegistry.names(for: .apiTree)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecodeApiTree(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    _ = try? ApiTreeEvent.decode(from: bytes, eventName: nil)
    if !names.isEmpty {
        _ = try? ApiTreeEvent.decode(from: bytes, eventName: names[size % names.count])
    }
    return 0
}
