import Foundation
public import WebhookKit
import WebhookTesting

/// The requests of the load test (`Scripts/load-test.sh`): many distinct valid deliveries, each with its own
/// delivery key, and tampered, malformed and oversized requests, all made by `WebhookTestSigner` with the keys the
/// example server verifies with, in the order each wrk thread (a *lane*) sends them.
///
/// One pass of a lane sends each of the lane's valid deliveries once, many of them again ``replayGap`` steps
/// later (a replay: the same bytes), a tampered copy of every second one (before or after it; one byte of the
/// body or of the signature changed), and now and then a malformed or an oversized request. wrk repeats the pass
/// until its time is up, so from the second pass on every valid delivery is a replay too. Valid deliveries of one
/// lane are never sent by another, so two copies of one delivery are never in flight at once.
///
/// This file is the only part of the load test that calls WebhookKit's signing and verification API.
public struct LoadTestCorpus: Sendable {
    /// What a request is, and so which answer it must get.
    public enum Kind: String, Sendable, CaseIterable {
        /// A correctly signed delivery with its own delivery key: `200`, the handler runs for its first copy only.
        case valid
        /// A valid delivery with one byte of the body or of the signature changed: `401`.
        case tampered
        /// Signed but not JSON (`400`), or without a signature (`401`).
        case malformed
        /// Correctly signed, with a body one byte over the verifier's limit: `413`.
        case oversized
    }

    /// One distinct request.
    public struct Entry: Sendable {
        /// The entry's number, sent in the `X-Load-Test-Entry` header and echoed by the load-test server.
        public var id: Int
        /// The lane (wrk thread, from 1) that sends it; 0 for entries every lane sends (malformed, oversized).
        public var lane: Int
        /// What it is.
        public var kind: Kind
        /// The status the server must answer.
        public var expectedStatus: Int
        /// For a valid delivery its number (from 1); 0 otherwise.
        public var delivery: Int
        /// The vendor it is sent to.
        public var vendor: WebhookVendor
        /// The request as signed.
        public var request: WebhookRequest
        /// For a valid delivery, the delivery key the middleware's ledger records, as the verifier derived it.
        public var deliveryKey: String?

        /// The name of the header that carries ``id``.
        public static let entryHeader = "x-load-test-entry"

        /// The request target on the wire: ApiTree's target is its registered URL, and the request goes to its path.
        public var requestTarget: String {
            request.target.hasPrefix("http") ? String(request.path) : request.target
        }

        /// The request as raw HTTP/1.1 bytes, with `Host`, `Content-Length` and the `X-Load-Test-Entry` header.
        public var httpRequest: [UInt8] {
            var head = "\(request.method) \(requestTarget) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            for field in request.headers {
                let name = field.name.lowercased()
                if name == "host" || name == "content-length" || name == Self.entryHeader { continue }
                head += "\(field.name): \(field.value)\r\n"
            }
            head += "Content-Length: \(request.body.count)\r\n\(Self.entryHeader): \(id)\r\n\r\n"
            return Array(head.utf8) + request.body
        }
    }

    /// Every distinct request.
    public private(set) var entries: [Entry]
    /// For each lane, the entry ids of one pass in the order they are sent.
    public private(set) var lanes: [[Int]]

    /// The events the valid deliveries cycle through: two per vendor, each with a sample in `WebhookSamples`.
    public static let events: [(vendor: WebhookVendor, event: String)] = [
        (.apiTree, "api.created"), (.confluence, "page_created"), (.rService, "request.create"),
        (.hipChat, "room_message"), (.apiTree, "release.released"), (.confluence, "blog_created"),
        (.rService, "problem.create"), (.hipChat, "room_enter"),
    ]

    /// How many steps (valid deliveries of the lane) after a delivery its replay is sent: about 245 requests, far
    /// more than the connections of a lane, so the first copy has almost always been answered (when it has not,
    /// the replay may run the handler and the first copy be the duplicate: still one run).
    public static let replayGap = 100

    /// Makes the corpus.
    /// - Parameters:
    ///   - configuration: The keys, the same the server verifies with.
    ///   - deliveries: The number of distinct valid deliveries (at least `lanes`).
    ///   - lanes: The number of lanes (wrk threads).
    ///   - tokenLifetime: Seconds the HipChat and R-Service tokens stay valid: longer than the run.
    /// - Throws: ``LoadTestCorpusError`` for bad arguments, a sample that cannot be made distinct, a request that
    ///   does not verify, or two deliveries with one key; `WebhookError` from the signer.
    public init(
        configuration: ExampleConfiguration,
        deliveries: Int,
        lanes laneCount: Int,
        tokenLifetime: Double
    ) async throws {
        guard laneCount >= 1, deliveries >= laneCount else {
            throw LoadTestCorpusError("need at least one lane and one delivery per lane")
        }
        let signer = configuration.signer
        let verifiers = try configuration.makeVerifiers()
        let receiver = verifiers.receiver
        var entries: [Entry] = []
        func add(_ kind: Kind, _ status: Int, _ vendor: WebhookVendor, _ request: WebhookRequest, lane: Int) -> Int {
            entries.append(
                Entry(
                    id: entries.count + 1,
                    lane: lane,
                    kind: kind,
                    expectedStatus: status,
                    delivery: 0,
                    vendor: vendor,
                    request: request
                )
            )
            return entries.count
        }
        func sample(_ vendor: WebhookVendor, _ event: String) throws -> [UInt8] {
            guard let body = WebhookSamples.body(vendor: vendor, event: event) else {
                throw LoadTestCorpusError("no sample for \(vendor.rawValue) \(event)")
            }
            return body
        }
        let options = WebhookTestSigner.Options(lifetime: tokenLifetime, deliveryID: "load-test-malformed")

        // Malformed: authentic but not JSON (the middleware's default answers 400), or not signed at all (401).
        let notJSON = Array("this is not JSON".utf8)
        let truncated = Array(#"{"event": "page_created", "page": {"#.utf8)
        let malformed: [Int] = [
            add(.malformed, 400, .apiTree, try signer.sign(notJSON, for: .apiTree), lane: 0),
            add(
                .malformed,
                400,
                .confluence,
                try signer.sign(truncated, for: .confluence, event: "page_created", options: options),
                lane: 0
            ),
            add(.malformed, 400, .hipChat, try signer.sign(notJSON, for: .hipChat, options: options), lane: 0),
            add(
                .malformed,
                401,
                .apiTree,
                try signer.sign(sample(.apiTree, "api.created"), for: .apiTree).withoutSignature(),
                lane: 0
            ),
            add(
                .malformed,
                401,
                .confluence,
                try signer.sign(sample(.confluence, "page_created"), for: .confluence, event: "page_created")
                    .withoutSignature(),
                lane: 0
            ),
            add(
                .malformed,
                401,
                .hipChat,
                try signer.sign(sample(.hipChat, "room_message"), for: .hipChat, options: options).withoutSignature(),
                lane: 0
            ),
            add(
                .malformed,
                401,
                .rService,
                WebhookRequest(target: signer.target(for: .rService, event: nil), body: notJSON),
                lane: 0
            ),
        ]

        // Oversized: correctly signed, one byte over the limit the verifier is configured with.
        func padded(to size: Int) -> [UInt8] {
            let open = Array(#"{"padding":""#.utf8)
            let close = Array(#""}"#.utf8)
            return open + [UInt8](repeating: UInt8(ascii: "a"), count: size - open.count - close.count) + close
        }
        let oversized: [Int] = [
            add(
                .oversized,
                413,
                .apiTree,
                try signer.sign(padded(to: verifiers.apiTree.limits.maximumBodySize + 1), for: .apiTree),
                lane: 0
            ),
            add(
                .oversized,
                413,
                .confluence,
                try signer.sign(
                    padded(to: verifiers.confluence.limits.maximumBodySize + 1),
                    for: .confluence,
                    event: "page_created",
                    options: options
                ),
                lane: 0
            ),
        ]

        // Valid deliveries, each with a tampered copy on every second step, in the lanes' order.
        var keys: Set<String> = []
        var lanes: [[Int]] = []
        for lane in 1...laneCount {
            var order: [Int] = []
            var validIDs: [Int] = []
            var extra = lane  // staggers the lanes' malformed and oversized choices
            for (step, delivery) in stride(from: lane, through: deliveries, by: laneCount).enumerated() {
                let (vendor, event) = Self.events[(delivery - 1) % Self.events.count]
                let request = try signer.sign(
                    try Self.distinctBody(sample(vendor, event), delivery: delivery),
                    for: vendor,
                    event: event,
                    options: WebhookTestSigner.Options(
                        lifetime: tokenLifetime,
                        jwtID: "load-test-\(delivery)",
                        deliveryID: "load-test-\(delivery)"
                    )
                )
                let verified = try await receiver.verify(request, from: vendor)
                guard let key = verified.deliveryKey, keys.insert(key).inserted else {
                    throw LoadTestCorpusError("delivery \(delivery) has no key of its own")
                }
                let valid = add(.valid, 200, vendor, request, lane: lane)
                entries[valid - 1].delivery = delivery
                entries[valid - 1].deliveryKey = key
                validIDs.append(valid)
                let tampered = step % 2 == 0 ? add(.tampered, 401, vendor, request.tampered(), lane: lane) : nil
                if step % 4 == 0, let tampered { order.append(tampered) }
                order.append(valid)
                if step % 4 == 2, let tampered { order.append(tampered) }
                if step >= Self.replayGap, step % 8 < 5 { order.append(validIDs[step - Self.replayGap]) }
                if [1, 4, 7].contains(step % 10) {
                    order.append(malformed[extra % malformed.count])
                    extra += 1
                }
                if step % 40 == 20 { order.append(oversized[(step / 40 + lane) % oversized.count]) }
            }
            lanes.append(order)
        }
        self.entries = entries
        self.lanes = lanes
    }

    /// The body with a member `"loadTestDelivery": <delivery>` put first, so that every delivery's bytes (and so
    /// its signature and, for ApiTree, its key) differ. Decoding ignores members it does not know.
    public static func distinctBody(_ body: [UInt8], delivery: Int) throws -> [UInt8] {
        let whitespace: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        guard let brace = body.firstIndex(where: { !whitespace.contains($0) }), body[brace] == UInt8(ascii: "{"),
            let next = body[(brace + 1)...].firstIndex(where: { !whitespace.contains($0) })
        else {
            throw LoadTestCorpusError("a sample body is not a JSON object")
        }
        let separator = body[next] == UInt8(ascii: "}") ? "" : ","
        let member = Array(#""loadTestDelivery":\#(delivery)\#(separator)"#.utf8)
        return Array(body[...brace]) + member + Array(body[(brace + 1)...])
    }

    /// The corpus file that `Scripts/load-test.lua` reads: a line `lane <n> <id> <id> …` per lane (one pass), then
    /// per entry a line `request <id> <lane> <kind> <status> <delivery> <length>`, the raw request's `<length>`
    /// bytes and a newline.
    public func serialized() -> [UInt8] {
        var out: [UInt8] = []
        for (index, order) in lanes.enumerated() {
            out += Array("lane \(index + 1) \(order.map(String.init).joined(separator: " "))\n".utf8)
        }
        for entry in entries {
            let raw = entry.httpRequest
            let header =
                "request \(entry.id) \(entry.lane) \(entry.kind.rawValue) \(entry.expectedStatus) \(entry.delivery) "
                + "\(raw.count)\n"
            out += Array(header.utf8) + raw + [UInt8(ascii: "\n")]
        }
        return out
    }
}

/// A corpus that cannot be made.
public struct LoadTestCorpusError: Error, CustomStringConvertible {
    /// What went wrong.
    public var description: String

    init(_ description: String) { self.description = description }
}
