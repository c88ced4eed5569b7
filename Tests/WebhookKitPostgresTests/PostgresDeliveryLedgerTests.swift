#if PostgreSQL
import Foundation
import Logging
import PostgresNIO
import WebhookCore
import Testing
import WebhookKitPostgres
import WebhookRegistry
import Synchronization

/// The database the tests run against: `WEBHOOKKIT_POSTGRES_URL`, as `bash Scripts/postgres.sh start` prints it.
enum TestDatabase {
    static let url: String? = {
        guard let url = ProcessInfo.processInfo.environment["WEBHOOKKIT_POSTGRES_URL"], !url.isEmpty else {
            return nil
        }
        return url
    }()

    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    static let missingMessage: Comment = """
        WEBHOOKKIT_POSTGRES_URL is not set: the PostgreSQL ledger tests are skipped. Run \
        `export WEBHOOKKIT_POSTGRES_URL="$(bash Scripts/postgres.sh start)"` first.
        """

    /// A client configuration for a `postgres://user[:password]@host:port/database` URL.
    static func configuration(_ url: String) throws -> PostgresClient.Configuration {
        let parts = try #require(URLComponents(string: url), "not a URL: WEBHOOKKIT_POSTGRES_URL")
        var configuration = PostgresClient.Configuration(
            host: try #require(parts.host, "no host in WEBHOOKKIT_POSTGRES_URL"),
            port: parts.port ?? 5432,
            username: parts.user ?? "postgres",
            password: parts.password,
            database: parts.path.isEmpty ? nil : String(parts.path.dropFirst()),
            tls: .disable
        )
        configuration.options.maximumConnections = 4
        return configuration
    }

    /// A configuration for a port on loopback where nothing listens: every connection is refused.
    static var unreachable: PostgresClient.Configuration {
        PostgresClient.Configuration(
            host: "127.0.0.1",
            port: 1,
            username: "nobody",
            password: nil,
            database: "nothing",
            tls: .disable
        )
    }
}

/// Runs `body` with `count` running clients (each its own connection pool), cancelling them afterwards.
func withClients<T: Sendable>(
    _ configurations: [PostgresClient.Configuration],
    _ body: @Sendable ([PostgresClient]) async throws -> T
) async throws -> T {
    let clients = configurations.map { PostgresClient(configuration: $0) }
    return try await withThrowingTaskGroup(of: Void.self) { group in
        for client in clients {
            group.addTask { await client.run() }
        }
        defer { group.cancelAll() }
        return try await body(clients)
    }
}

/// Runs `body` with `count` ledgers over one new table, each on its own client; drops the table afterwards.
func withLedgers<T: Sendable>(
    count: Int = 1,
    claimsPerSweep: Int? = nil,
    _ body: @Sendable ([PostgresDeliveryLedger]) async throws -> T
) async throws -> T {
    let url = try #require(TestDatabase.url)
    let configuration = try TestDatabase.configuration(url)
    let table = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(24)
    return try await withClients(Array(repeating: configuration, count: count)) { clients in
        let ledgers = try clients.map {
            try PostgresDeliveryLedger(
                client: $0,
                tableName: table,
                operationTimeout: .seconds(30),
                sweepEvery: claimsPerSweep
            )
        }
        try await ledgers[0].createTableIfMissing()
        let drop = PostgresQuery(unsafeSQL: "DROP TABLE IF EXISTS \"\(table)\"")
        do {
            let result = try await body(ledgers)
            for try await _ in try await clients[0].query(drop) {}
            return result
        } catch {
            _ = try? await clients[0].query(drop)
            throw error
        }
    }
}

/// A verifier that accepts every request and gives it one fixed delivery key: every request is a copy of one
/// delivery.
struct FixedKeyVerifier: WebhookVerifier {
    typealias Event = String

    let key: String
    var vendor: WebhookVendor { .apiTree }
    var limits: WebhookLimits { WebhookLimits() }

    func verify(_ request: WebhookRequest, eventName: String?) async throws(WebhookError) -> VerifiedWebhook<String> {
        VerifiedWebhook(
            vendor: vendor,
            eventName: "test.delivered",
            event: String(decoding: request.body, as: UTF8.self),
            body: request.body,
            deliveryKey: key
        )
    }
}

/// Counts handler calls and collects the endpoint's log lines.
final class Recorder: Sendable {
    let calls = Atomic<Int>(0)
    let successes = Atomic<Int>(0)
    let lines = LockedValue<[WebhookLogLine]>([])

    func log(_ line: WebhookLogLine) { lines.withLock { $0.append(line) } }
    var warnings: [WebhookLogLine] { lines.withLock { $0.filter { $0.level == .warning } } }
}

struct HandlerFailed: Error {}

let request = WebhookRequest(target: "/webhooks/test", body: Array(#"{"event":"test.delivered"}"#.utf8))

extension DeliveryClaimResult {
    var heldClaim: DeliveryClaim? {
        if case .claimed(let claim) = self { claim } else { nil }
    }
    var isInProgress: Bool {
        if case .inProgress = self { true } else { false }
    }
}

@Suite("PostgreSQL delivery ledger: set-up")
struct PostgresLedgerSetUpTests {
    /// CI sets `CI=true`: there the database tests must run, never be skipped for want of a URL.
    @Test("CI provides the database (WEBHOOKKIT_POSTGRES_URL)")
    func databaseIsConfiguredInCI() {
        if TestDatabase.isCI {
            #expect(TestDatabase.url != nil, "CI=true but WEBHOOKKIT_POSTGRES_URL is unset: .ci/run starts the server")
        } else if TestDatabase.url == nil {
            print("note: \(TestDatabase.missingMessage.rawValue)")
        }
    }

    @Test(
        "table names other than plain lower-case identifiers are refused at set-up",
        arguments: [
            "x; drop table y", "", "Deliveries", "1deliveries", "webhook-deliveries", "public.deliveries",
            "\"deliveries\"", "délivrés", "deliveries ", String(repeating: "a", count: 64),
        ]
    )
    func rejectsTableName(_ name: String) {
        let client = PostgresClient(configuration: TestDatabase.unreachable)
        #expect(throws: WebhookError(.invalidConfiguration, "")) {
            try PostgresDeliveryLedger(client: client, tableName: name)
        }
    }

    @Test(
        "plain lower-case identifiers are accepted as table names",
        arguments: ["webhook_deliveries", "_d", "d2", String(repeating: "a", count: 63)]
    )
    func acceptsTableName(_ name: String) throws {
        let client = PostgresClient(configuration: TestDatabase.unreachable)
        let ledger = try PostgresDeliveryLedger(client: client, tableName: name)
        #expect(ledger.tableName == name)
        #expect(ledger.createTableStatements.allSatisfy { $0.contains("\"\(name)\"") })
    }

    @Test("long table names that share a beginning get different index names of at most 63 bytes")
    func indexNames() throws {
        let client = PostgresClient(configuration: TestDatabase.unreachable)
        let first = try PostgresDeliveryLedger(client: client, tableName: String(repeating: "a", count: 55) + "_one")
        let second = try PostgresDeliveryLedger(client: client, tableName: String(repeating: "a", count: 55) + "_two")
        let short = try PostgresDeliveryLedger(client: client, tableName: "deliveries")
        let names = [first, second, short].map { ledger in
            ledger.createTableStatements[1].split(separator: "\"")[1]
        }
        #expect(names[0] != names[1])
        #expect(names.allSatisfy { $0.utf8.count <= 63 && $0.hasSuffix("_expires_at") })
        #expect(names[2] == "deliveries_expires_at")
    }

    @Test("a timeout that is not positive and sweepEvery below 1 are refused")
    func rejectsSettings() {
        let client = PostgresClient(configuration: TestDatabase.unreachable)
        #expect(throws: WebhookError(.invalidConfiguration, "")) {
            try PostgresDeliveryLedger(client: client, operationTimeout: .zero)
        }
        #expect(throws: WebhookError(.invalidConfiguration, "")) {
            try PostgresDeliveryLedger(client: client, sweepEvery: 0)
        }
    }

    @Test("Docs/Delivery.md gives the exact SQL the ledger runs to create its table")
    func documentedSQL() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let docs = try String(contentsOf: root.appendingPathComponent("Docs/Delivery.md"), encoding: .utf8)
        let client = PostgresClient(configuration: TestDatabase.unreachable)
        let ledger = try PostgresDeliveryLedger(client: client)
        for statement in ledger.createTableStatements {
            #expect(docs.contains(statement + ";"), "not in Docs/Delivery.md: \(statement)")
        }
    }
}

@Suite("PostgreSQL delivery ledger: database unreachable")
struct PostgresLedgerOutageTests {
    /// Runs `body` with a ledger whose client can never connect, and a short operation timeout.
    func withUnreachableLedger(_ body: @Sendable (PostgresDeliveryLedger) async throws -> Void) async throws {
        try await withClients([TestDatabase.unreachable]) { clients in
            let ledger = try PostgresDeliveryLedger(client: clients[0], operationTimeout: .seconds(2))
            try await body(ledger)
        }
    }

    @Test("every operation fails with ledgerUnavailable, and the reason holds no connection setting")
    func operationsFail() async throws {
        try await withUnreachableLedger { ledger in
            let claim = DeliveryClaim(key: "k")
            let error = await #expect(throws: WebhookError(.ledgerUnavailable, "")) {
                try await ledger.claim("k", claimTimeout: .seconds(60))
            }
            #expect(error?.category == .unavailable)
            #expect(error?.reason.contains("127.0.0.1") == false)
            #expect(error?.reason.contains("nobody") == false)
            await #expect(throws: WebhookError(.ledgerUnavailable, "")) { try await ledger.createTableIfMissing() }
            await #expect(throws: WebhookError(.ledgerUnavailable, "")) {
                try await ledger.complete(claim, retention: .seconds(60))
            }
            await #expect(throws: WebhookError(.ledgerUnavailable, "")) { try await ledger.release(claim) }
            await #expect(throws: WebhookError(.ledgerUnavailable, "")) { try await ledger.sweep() }
        }
    }

    @Test("failing closed: 503 with Retry-After, the handler does not run, a warning is logged")
    func failClosed() async throws {
        try await withUnreachableLedger { ledger in
            let endpoint = WebhookEndpoint(
                verifier: FixedKeyVerifier(key: "test:outage"),
                options: WebhookMiddlewareOptions(ledger: ledger, ledgerFailure: .failClosed)
            )
            let recorder = Recorder()
            let result = try await endpoint.run(
                request,
                log: recorder.log,
                handler: { _ in
                    recorder.calls.add(1, ordering: .relaxed)
                    return 200
                },
                status: { $0 }
            )
            guard case .answered(let answer) = result else {
                Issue.record("the handler answered: \(result)")
                return
            }
            #expect(answer.status == 503)
            #expect(answer.retryAfterSeconds != nil)
            #expect(recorder.calls.load(ordering: .relaxed) == 0)
            #expect(
                recorder.warnings.contains { $0.metadata.contains { $0 == ("webhook.outcome", "ledger_unavailable") } }
            )
        }
    }

    @Test("failing open: the handler runs and a warning says the delivery may be processed twice")
    func failOpen() async throws {
        try await withUnreachableLedger { ledger in
            let endpoint = WebhookEndpoint(
                verifier: FixedKeyVerifier(key: "test:outage"),
                options: WebhookMiddlewareOptions(ledger: ledger, ledgerFailure: .failOpen)
            )
            let recorder = Recorder()
            let result = try await endpoint.run(
                request,
                log: recorder.log,
                handler: { _ in
                    recorder.calls.add(1, ordering: .relaxed)
                    return 200
                },
                status: { $0 }
            )
            guard case .handled(let status) = result else {
                Issue.record("the middleware answered: \(result)")
                return
            }
            #expect(status == 200)
            #expect(recorder.calls.load(ordering: .relaxed) == 1)
            let warnings = recorder.warnings
            #expect(warnings.count == 1)
            #expect(warnings.first?.message.contains("failing open") == true)
        }
    }
}

@Suite("PostgreSQL delivery ledger", .enabled(if: TestDatabase.url != nil, TestDatabase.missingMessage))
struct PostgresDeliveryLedgerTests {
    @Test("claim, in progress, complete, duplicate; release and claim again; a stale owner's release does nothing")
    func lifecycle() async throws {
        try await withLedgers { ledgers in
            let ledger = ledgers[0]
            let first = try #require(try await ledger.claim("k1", claimTimeout: .seconds(300)).heldClaim)
            #expect(first.key == "k1")
            #expect(try await ledger.claim("k1", claimTimeout: .seconds(300)).isInProgress)
            try await ledger.complete(first, retention: .seconds(3600))
            #expect(try await ledger.claim("k1", claimTimeout: .seconds(300)) == .completed)
            try await ledger.release(first)  // a completed key is not released
            #expect(try await ledger.claim("k1", claimTimeout: .seconds(300)) == .completed)

            let second = try #require(try await ledger.claim("k2", claimTimeout: .seconds(300)).heldClaim)
            try await ledger.release(second)
            let third = try #require(try await ledger.claim("k2", claimTimeout: .seconds(300)).heldClaim)
            #expect(third.owner != second.owner)
            try await ledger.release(second)  // stale: `third` holds the key now
            try await ledger.release(DeliveryClaim(key: "k2", owner: "someone else"))
            #expect(try await ledger.claim("k2", claimTimeout: .seconds(300)).isInProgress)
            try await ledger.release(third)
            #expect(try await ledger.claim("k2", claimTimeout: .seconds(300)).heldClaim != nil)
        }
    }

    @Test("keys PostgreSQL's text cannot hold as they are (NUL, over an index entry's size) are claimed one by one")
    func awkwardKeys() async throws {
        // Random text: PostgreSQL compresses repetitive text below its index entry limit.
        let long = (0..<300).map { _ in UUID().uuidString }.joined()
        let keys = ["a\u{0}b", "a\\0b", "a\\\\0b", "\\h", long, long + "y", "ü" + long, "plain:key"]
        try await withLedgers { ledgers in
            for key in keys {
                let claim = try #require(try await ledgers[0].claim(key, claimTimeout: .seconds(300)).heldClaim)
                #expect(claim.key == key)
            }
            for key in keys {
                #expect(try await ledgers[0].claim(key, claimTimeout: .seconds(300)).isInProgress)
            }
            #expect(try await Self.rowCount(ledgers[0]) == keys.count)
        }
    }

    @Test("in progress since: the database's claim time")
    func inProgressSince() async throws {
        try await withLedgers { ledgers in
            _ = try #require(try await ledgers[0].claim("k", claimTimeout: .seconds(300)).heldClaim)
            guard case .inProgress(let since) = try await ledgers[0].claim("k", claimTimeout: .seconds(300)) else {
                Issue.record("expected in progress")
                return
            }
            // The server runs on this machine: its clock and ours agree to well within a day.
            #expect(abs(since.timeIntervalSinceNow) < 86_400)
        }
    }

    @Test("a claim never completed (the process died) can be claimed again after its timeout")
    func abandonedClaimExpires() async throws {
        try await withLedgers { ledgers in
            let crashed = try #require(try await ledgers[0].claim("k", claimTimeout: .seconds(3)).heldClaim)
            #expect(try await ledgers[0].claim("k", claimTimeout: .seconds(3)).isInProgress)
            try await Task.sleep(for: .milliseconds(3500))
            let retry = try #require(try await ledgers[0].claim("k", claimTimeout: .seconds(300)).heldClaim)
            #expect(retry.owner != crashed.owner)
            try await ledgers[0].release(crashed)  // the crashed owner's late release does not free the retry's claim
            #expect(try await ledgers[0].claim("k", claimTimeout: .seconds(300)).isInProgress)
        }
    }

    @Test("a completed key is claimable after its retention; sweep deletes expired rows and keeps live ones")
    func retentionAndSweep() async throws {
        try await withLedgers { ledgers in
            let ledger = ledgers[0]
            let done = try #require(try await ledger.claim("done", claimTimeout: .seconds(300)).heldClaim)
            try await ledger.complete(done, retention: .seconds(1))
            _ = try #require(try await ledger.claim("abandoned", claimTimeout: .seconds(1)).heldClaim)
            let kept = try #require(try await ledger.claim("kept", claimTimeout: .seconds(300)).heldClaim)
            try await ledger.complete(kept, retention: .seconds(3600))
            _ = try #require(try await ledger.claim("running", claimTimeout: .seconds(300)).heldClaim)
            // Under load the two short-lived rows may already have expired at the first sweep: count both sweeps.
            let early = try await ledger.sweep()
            try await Task.sleep(for: .milliseconds(1500))
            let late = try await ledger.sweep()
            #expect(early + late == 2)
            #expect(try await ledger.claim("kept", claimTimeout: .seconds(300)) == .completed)
            #expect(try await ledger.claim("running", claimTimeout: .seconds(300)).isInProgress)
            #expect(try await ledger.claim("done", claimTimeout: .seconds(300)).heldClaim != nil)
        }
    }

    @Test("an expired completed key is reclaimable before any sweep")
    func expiredCompletedKeyIsReclaimable() async throws {
        try await withLedgers { ledgers in
            let done = try #require(try await ledgers[0].claim("k", claimTimeout: .seconds(300)).heldClaim)
            try await ledgers[0].complete(done, retention: .seconds(1))
            try await Task.sleep(for: .milliseconds(1500))
            #expect(try await ledgers[0].claim("k", claimTimeout: .seconds(300)).heldClaim != nil)
        }
    }

    @Test("sweepEvery sweeps after that many claims")
    func sweepEvery() async throws {
        try await withLedgers(claimsPerSweep: 3) { ledgers in
            let ledger = ledgers[0]
            let done = try #require(try await ledger.claim("a", claimTimeout: .seconds(300)).heldClaim)  // claim 1
            try await ledger.complete(done, retention: .seconds(1))
            try await Task.sleep(for: .milliseconds(1500))
            _ = try await ledger.claim("b", claimTimeout: .seconds(300))  // claim 2
            #expect(try await Self.rowCount(ledger) == 2)
            _ = try await ledger.claim("c", claimTimeout: .seconds(300))  // claim 3: sweeps "a"
            #expect(try await Self.rowCount(ledger) == 2)
            #expect(try await ledger.sweep() == 0)
        }
    }

    /// Rows in the ledger's table, counted by a sweep-free query through a second connection.
    static func rowCount(_ ledger: PostgresDeliveryLedger) async throws -> Int {
        let url = try #require(TestDatabase.url)
        return try await withClients([try TestDatabase.configuration(url)]) { clients in
            let rows = try await clients[0].query(
                PostgresQuery(unsafeSQL: "SELECT count(*)::int8 FROM \"\(ledger.tableName)\"")
            )
            var count = -1
            for try await value in rows.decode(Int.self) { count = value }
            return count
        }
    }

    @Test("a missing table fails with ledgerUnavailable, naming the cause")
    func missingTable() async throws {
        try await withLedgers { _ in
            let url = try #require(TestDatabase.url)
            try await withClients([try TestDatabase.configuration(url)]) { clients in
                let ledger = try PostgresDeliveryLedger(client: clients[0], tableName: "no_such_table_here")
                let error = await #expect(throws: WebhookError(.ledgerUnavailable, "")) {
                    try await ledger.claim("k", claimTimeout: .seconds(300))
                }
                #expect(error?.reason.contains("42P01") == true)
            }
        }
    }

    @Test("createTableIfMissing is idempotent")
    func createTwice() async throws {
        try await withLedgers(count: 2) { ledgers in
            try await ledgers[1].createTableIfMissing()
            try await ledgers[0].createTableIfMissing()
            let claim = try #require(try await ledgers[1].claim("k", claimTimeout: .seconds(300)).heldClaim)
            try await ledgers[0].complete(claim, retention: .seconds(3600))
            #expect(try await ledgers[1].claim("k", claimTimeout: .seconds(300)) == .completed)
        }
    }

    @Test("50 concurrent claims of one key through 8 ledgers, each with its own pool: exactly one holds it")
    func concurrentClaims() async throws {
        let results = try await withLedgers(count: 8) { ledgers in
            try await withThrowingTaskGroup(of: DeliveryClaimResult.self) { group in
                for index in 0..<50 {
                    let ledger = ledgers[index % ledgers.count]
                    group.addTask { try await ledger.claim("concurrent", claimTimeout: .seconds(300)) }
                }
                var results: [DeliveryClaimResult] = []
                for try await result in group { results.append(result) }
                return results
            }
        }
        #expect(results.count == 50)
        #expect(results.filter { $0.heldClaim != nil }.count == 1)
        #expect(results.filter(\.isInProgress).count == 49)
    }

    @Test("50 concurrent copies of one delivery through 8 endpoints, each with its own ledger: the handler runs once")
    func concurrentDeliveries() async throws {
        let recorder = Recorder()
        let results = try await withLedgers(count: 8) { ledgers in
            let endpoints = ledgers.map {
                WebhookEndpoint(
                    verifier: FixedKeyVerifier(key: "test:once"),
                    options: WebhookMiddlewareOptions(ledger: $0)
                )
            }
            return try await withThrowingTaskGroup(of: WebhookEndpointResult<Int>.self) { group in
                for index in 0..<50 {
                    let endpoint = endpoints[index % endpoints.count]
                    group.addTask {
                        try await endpoint.run(
                            request,
                            log: recorder.log,
                            handler: { _ in
                                recorder.calls.add(1, ordering: .relaxed)
                                try await Task.sleep(for: .milliseconds(50))
                                return 200
                            },
                            status: { $0 }
                        )
                    }
                }
                var results: [WebhookEndpointResult<Int>] = []
                for try await result in group { results.append(result) }
                return results
            }
        }
        #expect(recorder.calls.load(ordering: .relaxed) == 1)
        var handled = 0
        for result in results {
            switch result {
            case .handled(let status):
                handled += 1
                #expect(status == 200)
            case .answered(let answer):
                // In progress (409 with Retry-After) while the handler runs, duplicate (200) after it completed.
                #expect(answer.status == 409 || answer.status == 200)
                #expect(answer.status != 409 || answer.retryAfterSeconds != nil)
            }
        }
        #expect(handled == 1)
        #expect(recorder.warnings.isEmpty)
    }

    enum HandlerFailure: String, CaseIterable, Sendable {
        case throwsError
        case answers500
    }

    @Test("a handler that fails once: the retry is processed, and completed once", arguments: HandlerFailure.allCases)
    func failedHandlerIsRetried(_ failure: HandlerFailure) async throws {
        let recorder = Recorder()
        try await withLedgers(count: 2) { ledgers in
            // Two instances: the failed copy on one, the retries on the other.
            let endpoints = ledgers.map {
                WebhookEndpoint(
                    verifier: FixedKeyVerifier(key: "test:retry"),
                    options: WebhookMiddlewareOptions(ledger: $0)
                )
            }
            let handler: @Sendable (VerifiedWebhook<String>) async throws -> Int = { _ in
                let call = recorder.calls.add(1, ordering: .relaxed).newValue
                if call == 1 {
                    switch failure {
                    case .throwsError: throw HandlerFailed()
                    case .answers500: return 500
                    }
                }
                recorder.successes.add(1, ordering: .relaxed)
                return 200
            }

            switch failure {
            case .throwsError:
                await #expect(throws: HandlerFailed.self) {
                    try await endpoints[0].run(request, log: recorder.log, handler: handler, status: { $0 })
                }
            case .answers500:
                let first = try await endpoints[0].run(request, log: recorder.log, handler: handler, status: { $0 })
                guard case .handled(500) = first else {
                    Issue.record("expected the handler's 500, got \(first)")
                    return
                }
            }
            let retry = try await endpoints[1].run(request, log: recorder.log, handler: handler, status: { $0 })
            guard case .handled(200) = retry else {
                Issue.record("expected the retry to be processed, got \(retry)")
                return
            }
            for endpoint in endpoints {
                let duplicate = try await endpoint.run(request, log: recorder.log, handler: handler, status: { $0 })
                guard case .answered(let answer) = duplicate else {
                    Issue.record("a duplicate ran the handler")
                    return
                }
                #expect(answer.status == 200)
            }
            #expect(try await ledgers[0].claim("test:retry", claimTimeout: .seconds(300)) == .completed)
        }
        #expect(recorder.calls.load(ordering: .relaxed) == 2)
        #expect(recorder.successes.load(ordering: .relaxed) == 1)
    }
}
#endif
