import FuzzSupport
import WebhookKit

// `RServiceEvent.decode(from:eventName:)` on any body: without an event name, and with one registered name chosen by
// the input's length (so that the fuzzer reaches every typed payload without spending a byte on the choice).
let names = EventRegistry.names(for: .rService)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecodeRService(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    _ = try? RServiceEvent.decode(from: bytes, eventName: nil)
    if !names.isEmpty {
        _ = try? RServiceEvent.decode(from: bytes, eventName: names[size % names.count])
    }
    return 0
}
