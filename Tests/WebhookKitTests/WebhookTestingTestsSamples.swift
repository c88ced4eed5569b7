import ApiTreeWebhooks
import ConfluenceWebhooks
import Foundation
import HipChatWebhooks
import RServiceWebhooks
import Testing
import WebhookCore
import WebhookRegistry
import WebhookTesting

/// The repository root, found from this file.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@Suite("WebhookSamples")
struct WebhookTestingTestsSamples {
    static let vendorFolders: [(WebhookVendor, String)] = [
        (.hipChat, "hipchat"), (.confluence, "confluence"), (.rService, "rservice"), (.apiTree, "apitree"),
    ]

    /// Regenerate-and-compare, in Swift: the samples are exactly the event fixtures, byte for byte. Adding,
    /// changing or removing a fixture without running `Scripts/generate-samples.py` fails here.
    @Test func samplesAreInSyncWithFixtures() throws {
        var expected: [String: [UInt8]] = [:]
        for (_, folder) in Self.vendorFolders {
            let directory = repositoryRoot.appendingPathComponent("Fixtures/\(folder)/events")
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            for name in names where name.hasSuffix(".json") {
                let data = try Data(contentsOf: directory.appendingPathComponent(name))
                expected["\(folder)/events/\(name)"] = Array(data)
            }
        }
        let actual = Dictionary(uniqueKeysWithValues: WebhookSamples.all.map { ($0.fixture, $0.body) })
        #expect(!expected.isEmpty)
        let missing = Set(expected.keys).subtracting(actual.keys).sorted()
        let extra = Set(actual.keys).subtracting(expected.keys).sorted()
        #expect(missing.isEmpty, "fixtures without a sample: \(missing): run python3 Scripts/generate-samples.py")
        #expect(extra.isEmpty, "samples without a fixture: \(extra): run python3 Scripts/generate-samples.py")
        for (fixture, bytes) in expected.sorted(by: { $0.key < $1.key }) where actual[fixture] != nil {
            let same = actual[fixture] == bytes
            #expect(same, "\(fixture) differs from its sample: run python3 Scripts/generate-samples.py")
        }
    }

    @Test func sampleNamesFollowTheFileNames() {
        for sample in WebhookSamples.all {
            let file = sample.fixture.split(separator: "/").last.map(String.init) ?? ""
            let stem = sample.variant.map { "\(sample.eventName)--\($0)" } ?? sample.eventName
            #expect(file == "\(stem).json")
            #expect(sample.fixture.hasPrefix(sample.vendor.rawValue + "/events/"))
        }
    }

    @Test(arguments: WebhookVendor.supported)
    func everyRegisteredEventHasASample(vendor: WebhookVendor) {
        let names = Set(WebhookSamples.eventNames(for: vendor))
        // Forge names are decoded by ConfluenceForgeEvent from Fixtures/confluence/forge/events, which holds only the
        // names with a documented example (ConfluenceForgeEventTests); the samples cover Fixtures/<vendor>/events.
        for name in EventRegistry.names(for: vendor) where !ConfluenceEventName(rawValue: name).isForge {
            #expect(names.contains(name), "\(vendor) \(name) has no sample")
        }
        for name in names {
            #expect(EventRegistry.contains(vendor: vendor, name: name), "\(vendor) sample \(name) is not registered")
        }
    }

    @Test func lookUpBySampleAndBody() throws {
        let sample = try #require(WebhookSamples.sample(vendor: .hipChat, event: "room_message"))
        #expect(sample.variant == nil)
        #expect(WebhookSamples.body(vendor: .hipChat, event: "room_message") == sample.body)
        #expect(WebhookSamples.sample(vendor: .confluence, event: "page_created", variant: "data-center") != nil)
        #expect(WebhookSamples.body(vendor: .hipChat, event: "no_such_event") == nil)
        #expect(WebhookSamples.body(vendor: WebhookVendor(rawValue: "nobody"), event: "room_message") == nil)
        #expect(
            WebhookSamples.all.count == WebhookVendor.supported.map { WebhookSamples.all(for: $0).count }.reduce(0, +)
        )
        #expect(sample.text.contains("\"room_message\""))
    }

    /// Every sample decodes into its registered case, never into the `unknown` fallback.
    @Test(arguments: WebhookSamples.all.map(\.fixture))
    func everySampleDecodes(fixture: String) throws {
        let sample = try #require(WebhookSamples.all.first { $0.fixture == fixture })
        let name: String?
        var isUnknown = false
        switch sample.vendor {
        case .hipChat:
            let event = try HipChatEvent.decode(from: sample.body, eventName: sample.eventName)
            if case .unknown = event { isUnknown = true }
            name = event.eventName
        case .confluence:
            let event = try ConfluenceEvent.decode(from: sample.body, eventName: sample.eventName)
            if case .unknown = event { isUnknown = true }
            name = event.eventName
        case .rService:
            let event = try RServiceEvent.decode(from: sample.body, eventName: sample.eventName)
            if case .unknown = event { isUnknown = true }
            name = event.eventName
        case .apiTree:
            let event = try ApiTreeEvent.decode(from: sample.body, eventName: sample.eventName)
            if case .unknown = event { isUnknown = true }
            name = event.eventName
        default:
            Issue.record("unexpected vendor \(sample.vendor)")
            return
        }
        #expect(!isUnknown, "\(fixture) decoded into unknown")
        #expect(name == sample.eventName)
    }
}
