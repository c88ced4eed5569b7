import Foundation
import Testing
import WebhookKit

@Suite("WebhookReceiver.decode")
struct ReceiverDecodeTests {
    /// Every event fixture of every vendor, as (vendor, file name).
    static let eventFixtures: [(String, String)] = WebhookVendor.supported.flatMap { vendor in
        jsonFiles(in: fixturesRoot.appending(path: "\(vendor.rawValue)/events")).map { (vendor.rawValue, $0) }
    }

    @Test("there are event fixtures for all four vendors")
    func fixturesExist() {
        for vendor in WebhookVendor.supported {
            #expect(Self.eventFixtures.contains { $0.0 == vendor.rawValue }, "no fixtures for \(vendor)")
        }
    }

    @Test(
        "every event fixture decodes into its vendor's case, with the registry's name and Swift type",
        arguments: eventFixtures
    )
    func decodesFixture(vendorName: String, file: String) throws {
        let vendor = WebhookVendor(rawValue: vendorName)
        let body = Array(try Data(contentsOf: fixturesRoot.appending(path: "\(vendorName)/events/\(file)")))
        let name = eventName(ofFixture: file)
        let event = try WebhookReceiver.decode(body, from: vendor, eventName: name)
        #expect(event.vendor == vendor)
        #expect(event.eventName == name)
        #expect(!event.isUnknown)
        let descriptor = try #require(EventRegistry.descriptor(vendor: vendor, name: name))
        #expect(event.typeName == descriptor.swiftType)
    }

    @Test("the case matches the vendor", arguments: WebhookVendor.supported)
    func caseMatchesVendor(vendor: WebhookVendor) throws {
        let file = try #require(jsonFiles(in: fixturesRoot.appending(path: "\(vendor.rawValue)/events")).first)
        let body = Array(try Data(contentsOf: fixturesRoot.appending(path: "\(vendor.rawValue)/events/\(file)")))
        let event = try WebhookReceiver.decode(body, from: vendor, eventName: eventName(ofFixture: file))
        switch (vendor, event) {
        case (.hipChat, .hipChat), (.confluence, .confluence), (.rService, .rService), (.apiTree, .apiTree): break
        default: Issue.record("\(vendor) decoded into \(event.vendor)")
        }
    }

    @Test("an unknown event name decodes into the fallback, typed JSONValue", arguments: WebhookVendor.supported)
    func unknownName(vendor: WebhookVendor) throws {
        let body = Array(
            try Data(contentsOf: fixturesRoot.appending(path: "\(vendor.rawValue)/edge/unknown-event-name.json"))
        )
        let event = try WebhookReceiver.decode(body, from: vendor)
        #expect(event.isUnknown)
        #expect(event.typeName == "JSONValue")
        #expect(event.vendor == vendor)
        let name = try #require(event.eventName)
        #expect(!EventRegistry.contains(vendor: vendor, name: name))
    }

    @Test("Confluence takes the caller's event name; without one a Cloud body is missing_event_name")
    func confluenceEventName() throws {
        let body = Array(try Data(contentsOf: fixturesRoot.appending(path: "confluence/events/page_created.json")))
        #expect(
            try WebhookReceiver.decode(body, from: .confluence, eventName: "page_updated").eventName == "page_updated"
        )
        let error = #expect(throws: WebhookError.self) {
            try WebhookReceiver.decode(body, from: .confluence)
        }
        #expect(error?.code == .missingEventName)
        #expect(error?.category == .decoding)
    }

    @Test("malformed bodies are decoding errors attributed to the vendor", arguments: WebhookVendor.supported)
    func malformed(vendor: WebhookVendor) throws {
        let directory = fixturesRoot.appending(path: "\(vendor.rawValue)/malformed")
        let files = jsonFiles(in: directory)
        #expect(!files.isEmpty)
        for file in files {
            let body = Array(try Data(contentsOf: directory.appending(path: file)))
            let error = #expect(throws: WebhookError.self, "\(vendor)/malformed/\(file)") {
                try WebhookReceiver.decode(body, from: vendor)
            }
            #expect(error?.category == .decoding, "\(file): \(String(describing: error))")
            #expect(error?.vendor == vendor)
        }
    }

    @Test("a signed R-Service body is not decoded without verification")
    func rServiceSignedBody() {
        let body = Array(#"{"jwt":"eyJhbGciOiJSUzI1NiJ9.eyJkYXRhIjp7fX0.c2ln"}"#.utf8)
        let error = #expect(throws: WebhookError.self) {
            try WebhookReceiver.decode(body, from: .rService)
        }
        #expect(error?.code == .malformedBody)
        #expect(error?.category == .decoding)
        #expect(error?.reason.contains("verify") == true)
        #expect(error?.reason.contains("eyJ") == false)
    }

    @Test("a vendor this version does not support is a configuration error")
    func unsupportedVendor() {
        let error = #expect(throws: WebhookError.self) {
            try WebhookReceiver.decode(Array("{}".utf8), from: WebhookVendor(rawValue: "slack"))
        }
        #expect(error?.code == .invalidConfiguration)
    }

    @Test("WebhookEvent encodes as the vendor's event")
    func encodes() throws {
        let body = Array(try Data(contentsOf: fixturesRoot.appending(path: "apitree/events/release.released.json")))
        let event = try WebhookReceiver.decode(body, from: .apiTree)
        guard case .apiTree(let apiTree) = event else {
            Issue.record("not an ApiTree event")
            return
        }
        #expect(try WebhookJSON.encode(event) == WebhookJSON.encode(apiTree))
        let again = try WebhookReceiver.decode(try WebhookJSON.encode(event), from: .apiTree)
        #expect(again == event)
    }
}
