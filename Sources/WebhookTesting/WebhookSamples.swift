public import WebhookCore
import WebhookRegistry

/// One sample payload: the exact bytes of an event fixture shipped in `Fixtures/<vendor>/events/`.
public struct WebhookSample: Sendable, Hashable {
    /// The vendor that sends this event.
    public let vendor: WebhookVendor
    /// The event name, as registered in `EventRegistry`.
    public let eventName: String
    /// The variant, for a second sample of the same event (`data-center` for
    /// `page_created--data-center.json`); `nil` for the main sample.
    public let variant: String?
    /// The fixture the bytes come from, relative to `Fixtures/` (`hipchat/events/room_message.json`).
    public let fixture: String
    /// The payload bytes, exactly as in the fixture.
    public let body: [UInt8]

    init(vendor: WebhookVendor, eventName: String, variant: String?, fixture: String, text: String) {
        self.init(vendor: vendor, eventName: eventName, variant: variant, fixture: fixture, bytes: Array(text.utf8))
    }

    init(vendor: WebhookVendor, eventName: String, variant: String?, fixture: String, bytes: [UInt8]) {
        self.vendor = vendor
        self.eventName = eventName
        self.variant = variant
        self.fixture = fixture
        self.body = bytes
    }

    /// The payload as text (the fixtures are UTF-8).
    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// Sample payloads for every registered event of every vendor, in code: no file paths, no bundle resources.
///
/// The samples are generated from `Fixtures/<vendor>/events/*.json` by `Scripts/generate-samples.py`; a test
/// fails when the generated file and the fixtures differ.
///
/// ```swift
/// let body = WebhookSamples.body(vendor: .confluence, event: "page_created")!
/// let request = try WebhookTestSigner().sign(body, for: .confluence, event: "page_created")
/// ```
public enum WebhookSamples {
    /// Every sample, variants included, vendor by vendor (in `WebhookVendor.supported` order), then by file name.
    public static var all: [WebhookSample] { generated }

    private struct Key: Hashable {
        var vendor: WebhookVendor
        var eventName: String
        var variant: String?
    }

    private static let index: [Key: WebhookSample] = {
        var index: [Key: WebhookSample] = [:]
        for sample in generated {
            index[Key(vendor: sample.vendor, eventName: sample.eventName, variant: sample.variant)] = sample
        }
        return index
    }()

    /// The samples of one vendor, variants included.
    public static func all(for vendor: WebhookVendor) -> [WebhookSample] {
        generated.filter { $0.vendor == vendor }
    }

    /// The main samples of one vendor: one per event name, no variants.
    public static func main(for vendor: WebhookVendor) -> [WebhookSample] {
        generated.filter { $0.vendor == vendor && $0.variant == nil }
    }

    /// The sample of an event, or `nil` when there is none.
    /// - Parameters:
    ///   - vendor: The vendor.
    ///   - event: The event name (`room_message`, `page_created`, `request.create`, `api.created`).
    ///   - variant: A variant name, or `nil` for the main sample.
    public static func sample(vendor: WebhookVendor, event: String, variant: String? = nil) -> WebhookSample? {
        index[Key(vendor: vendor, eventName: event, variant: variant)]
    }

    /// The payload bytes of an event's main sample, or `nil` when there is none.
    public static func body(vendor: WebhookVendor, event: String) -> [UInt8]? {
        sample(vendor: vendor, event: event)?.body
    }

    /// The event names that have a sample, in file-name order.
    public static func eventNames(for vendor: WebhookVendor) -> [String] {
        main(for: vendor).map(\.eventName)
    }
}
