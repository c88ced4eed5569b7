import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WebhookExampleServer
import WebhookExampleSupport
import WebhookKit

@Suite("Load test (Scripts/load-test.sh)")
struct LoadTestTests {
    static func corpus(deliveries: Int, lanes: Int) async throws -> LoadTestCorpus {
        try await LoadTestCorpus(
            configuration: ExampleConfiguration(environment: [:]),
            deliveries: deliveries,
            lanes: lanes,
            tokenLifetime: 600
        )
    }

    @Test func theCorpusHasDistinctDeliveriesOfEveryVendorAndEveryKind() async throws {
        let corpus = try await Self.corpus(deliveries: 200, lanes: 2)
        let valid = corpus.entries.filter { $0.kind == .valid }
        #expect(valid.count == 200)
        #expect(Set(valid.map(\.delivery)) == Set(1...200))
        #expect(Set(valid.compactMap(\.deliveryKey)).count == 200)
        #expect(Set(valid.map(\.vendor)) == Set(WebhookVendor.supported))
        for kind in LoadTestCorpus.Kind.allCases {
            #expect(corpus.entries.contains { $0.kind == kind }, "\(kind)")
        }
        #expect(Set(corpus.entries.map(\.id)) == Set(1...corpus.entries.count))
    }

    @Test func eachLaneSendsItsOwnDeliveriesAndReplaysThemLater() async throws {
        let corpus = try await Self.corpus(deliveries: 600, lanes: 2)
        let byID = Dictionary(uniqueKeysWithValues: corpus.entries.map { ($0.id, $0) })
        #expect(corpus.lanes.count == 2)
        var replays = 0
        for (index, order) in corpus.lanes.enumerated() {
            var first: [Int: Int] = [:]  // delivery: the position of its first copy
            for (position, id) in order.enumerated() {
                let entry = try #require(byID[id])
                #expect(entry.lane == 0 || entry.lane == index + 1)
                guard entry.kind == .valid else { continue }
                if let earlier = first[entry.delivery] {
                    #expect(position - earlier >= LoadTestCorpus.replayGap)
                    replays += 1
                } else {
                    first[entry.delivery] = position
                }
            }
            #expect(first.count == 300)
        }
        #expect(replays > 0)
    }

    @Test func theCorpusFileHoldsEveryLaneAndRequest() async throws {
        let corpus = try await Self.corpus(deliveries: 16, lanes: 2)
        // Read the file the way Scripts/load-test.lua does.
        let bytes = corpus.serialized()
        var index = 0
        func line() -> String? {
            guard index < bytes.count, let end = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            defer { index = end + 1 }
            return String(decoding: bytes[index..<end], as: UTF8.self)
        }
        var lanes: [[Int]] = []
        var raw: [Int: [UInt8]] = [:]
        while let line = line() {
            let fields = line.split(separator: " ")
            if fields.first == "lane" {
                lanes.append(fields.dropFirst(2).compactMap { Int($0) })
            } else {
                #expect(fields.count == 7 && fields[0] == "request", "\(line.prefix(80))")
                let length = try #require(Int(fields[6]))
                raw[try #require(Int(fields[1]))] = Array(bytes[index..<(index + length)])
                index += length + 1
            }
        }
        #expect(lanes == corpus.lanes)
        #expect(raw.count == corpus.entries.count)
        for entry in corpus.entries {
            let text = String(decoding: try #require(raw[entry.id]), as: UTF8.self)
            #expect(text.hasPrefix("POST /webhooks/\(entry.vendor.rawValue)"))
            #expect(text.contains("\r\nx-load-test-entry: \(entry.id)\r\n"))
            #expect(text.contains("\r\nContent-Length: \(entry.request.body.count)\r\n"))
            #expect(text.hasSuffix("\r\n\r\n" + String(decoding: entry.request.body, as: UTF8.self)))
        }
    }

    @Test func distinctBodiesStayJSONObjects() throws {
        #expect(
            try LoadTestCorpus.distinctBody(Array("{}".utf8), delivery: 7) == Array(#"{"loadTestDelivery":7}"#.utf8)
        )
        #expect(
            try LoadTestCorpus.distinctBody(Array(" {\"a\":1}".utf8), delivery: 12)
                == Array(#" {"loadTestDelivery":12,"a":1}"#.utf8)
        )
        #expect(throws: LoadTestCorpusError.self) { try LoadTestCorpus.distinctBody(Array("[1]".utf8), delivery: 1) }
    }

    @Test func theServerAnswersEveryRequestAsTheCorpusExpectsAndHandlesEachDeliveryOnce() async throws {
        let corpus = try await Self.corpus(deliveries: 16, lanes: 1)
        let stats = LoadTestStats()
        let app = Application(
            router: buildLoadTestRouter(
                verifiers: try ExampleConfiguration(environment: [:]).makeVerifiers(),
                stats: stats
            )
        )
        try await app.test(.router) { client in
            // Every distinct request, then every valid delivery again: the copies are duplicates.
            let copies = corpus.entries.filter { $0.kind == .valid }
            for (entry, isCopy) in corpus.entries.map({ ($0, false) }) + copies.map({ ($0, true) }) {
                var headers = HTTPFields()
                for field in entry.request.headers {
                    headers.append(HTTPField(name: HTTPField.Name(field.name)!, value: field.value))
                }
                headers[LoadTestHeaders.entry] = String(entry.id)
                let response = try await client.execute(
                    uri: entry.requestTarget,
                    method: .post,
                    headers: headers,
                    body: ByteBuffer(bytes: entry.request.body)
                )
                let label = "\(entry.kind) \(entry.vendor) \(entry.id)\(isCopy ? " (copy)" : "")"
                #expect(response.status.code == entry.expectedStatus, "\(label)")
                #expect(response.headers[LoadTestHeaders.entry] == String(entry.id), "\(label)")
                let ran = entry.kind == .valid && !isCopy
                #expect(response.headers[LoadTestHeaders.handlerRuns] == (ran ? "1" : nil), "\(label)")
            }
            let report = try await client.execute(uri: "/load-test/stats", method: .get)
            #expect(String(buffer: report.body) == stats.report.text)
        }
        #expect(stats.report == LoadTestStats.Report(handlerRuns: 16, deliveries: 16))
    }

    @Test func theStatsCountASecondRunOfOneDelivery() {
        let stats = LoadTestStats()
        #expect(stats.recordHandlerRun(deliveryKey: "apitree:sha256:1") == 1)
        #expect(stats.recordHandlerRun(deliveryKey: "apitree:sha256:2") == 1)
        #expect(stats.recordHandlerRun(deliveryKey: "apitree:sha256:1") == 2)
        #expect(stats.recordHandlerRun(deliveryKey: "apitree:sha256:1") == 3)
        #expect(stats.recordHandlerRun(deliveryKey: nil) == 1)
        let expected = LoadTestStats.Report(
            handlerRuns: 5,
            deliveries: 2,
            deliveriesHandledMoreThanOnce: 1,
            runsWithoutKey: 1
        )
        #expect(stats.report == expected)
        #expect(
            expected.text
                == "handler_runs 5\ndeliveries 2\ndeliveries_handled_more_than_once 1\nruns_without_key 1\n"
        )
    }
}
