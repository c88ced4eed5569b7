#if PostgreSQL
import ConfluenceWebhooks
import Foundation
import PostgresNIO
import Testing
import WebhookCore
import WebhookKitPostgres
import WebhookTesting

/// Runs `body` with `count` stores over one new table, each on its own client; drops the table afterwards.
func withInstallationStores<T: Sendable>(
    count: Int = 2,
    _ body: @Sendable ([PostgresConnectInstallationStore]) async throws -> T
) async throws -> T {
    let url = try #require(TestDatabase.url)
    let configuration = try TestDatabase.configuration(url)
    let table =
        "test_installations_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
    return try await withClients(Array(repeating: configuration, count: count)) { clients in
        let stores = try clients.map {
            try PostgresConnectInstallationStore(client: $0, tableName: table, operationTimeout: .seconds(30))
        }
        try await stores[0].createTableIfMissing()
        try await stores[0].createTableIfMissing()  // safe to repeat
        let drop = PostgresQuery(unsafeSQL: "DROP TABLE IF EXISTS \"\(table)\"")
        do {
            let result = try await body(stores)
            for try await _ in try await clients[0].query(drop) {}
            return result
        } catch {
            _ = try? await clients[0].query(drop)
            throw error
        }
    }
}

@Suite(
    "PostgreSQL Connect installation store",
    .enabled(if: TestDatabase.url != nil, TestDatabase.missingMessage)
)
struct PostgresInstallationStoreTests {
    static let installation = ConnectInstallation(
        clientKey: "client-\u{212A}-1",  // a Kelvin sign: stored and found as its exact bytes
        baseURL: "https://example.atlassian.net/wiki",
        sharedSecret: "first-secret",
        key: "com.example.app",
        eventType: "installed",
        additionalFields: ["futureMember": .object(["kept": .bool(true)])]
    )

    @Test("saved on one instance, read on another; replaced by a re-install; uninstalled keeps the record")
    func lifecycleAcrossInstances() async throws {
        try await withInstallationStores { stores in
            #expect(try await stores[1].installation(forClientKey: Self.installation.clientKey) == nil)
            try await stores[0].apply(.installed(Self.installation))
            let read = try await stores[1].installation(forClientKey: Self.installation.clientKey)
            #expect(read == StoredConnectInstallation(installation: Self.installation, isInstalled: true))
            #expect(try await stores[1].sharedSecrets(forClientKey: Self.installation.clientKey).count == 1)
            // The canonically equivalent key with a plain K is another installation.
            #expect(try await stores[1].installation(forClientKey: "client-K-1") == nil)

            var reinstalled = Self.installation
            reinstalled.sharedSecret = "second-secret"
            try await stores[1].save(reinstalled)
            let replaced = try await stores[0].installation(forClientKey: Self.installation.clientKey)
            #expect(replaced?.installation.sharedSecret == "second-secret")

            try await stores[0].apply(.uninstalled(reinstalled))
            let uninstalled = try await stores[1].installation(forClientKey: Self.installation.clientKey)
            #expect(uninstalled?.isInstalled == false)
            #expect(uninstalled?.installation.sharedSecret == "second-secret")
            #expect(try await stores[1].sharedSecrets(forClientKey: Self.installation.clientKey).isEmpty)
        }
    }

    @Test("the Connect webhook verifier reads its secrets from the shared table")
    func verifierReadsTheTable() async throws {
        try await withInstallationStores { stores in
            try await stores[0].save(Self.installation)
            let verifier = try ConfluenceSignatureVerifier(installations: stores[1], clock: { 1_790_000_000 })
            let request = try ConfluenceRequestSigner.connect(
                clientKey: Self.installation.clientKey,
                sharedSecret: WebhookSecret(utf8: "first-secret")
            ).sign(body: Array(#"{"page":{"id":1}}"#.utf8), target: "/webhooks/confluence", now: 1_790_000_000)
            let webhook = try await verifier.verify(request, eventName: "page_created")
            #expect(webhook.jwt?.claims.issuer == Self.installation.clientKey)
        }
    }
}

@Suite("PostgreSQL Connect installation store: set-up and outages")
struct PostgresInstallationStoreOutageTests {
    @Test("bad table names and timeouts fail at set-up")
    func badSettings() async throws {
        try await withClients([TestDatabase.unreachable]) { clients in
            for name in ["", "Installations", "a-b", "x\"; DROP TABLE y; --"] {
                #expect(throws: WebhookError(.invalidConfiguration, "")) {
                    try PostgresConnectInstallationStore(client: clients[0], tableName: name)
                }
            }
            #expect(throws: WebhookError(.invalidConfiguration, "")) {
                try PostgresConnectInstallationStore(client: clients[0], operationTimeout: .zero)
            }
        }
    }

    @Test("an unreachable database: keyFetchFailed (503 for a webhook), no connection setting in the reason")
    func unreachable() async throws {
        try await withClients([TestDatabase.unreachable]) { clients in
            let store = try PostgresConnectInstallationStore(client: clients[0], operationTimeout: .seconds(2))
            do {
                _ = try await store.installation(forClientKey: "k")
                Issue.record("read succeeded")
            } catch let error as WebhookError {
                #expect(error.code == .keyFetchFailed)
                #expect(error.category == .unavailable)
                #expect(!error.reason.contains("127.0.0.1"))
                #expect(!error.reason.contains("nobody"))
            }
            await #expect(throws: WebhookError(.keyFetchFailed, "")) {
                try await store.save(PostgresInstallationStoreTests.installation)
            }
            await #expect(throws: WebhookError(.keyFetchFailed, "")) { try await store.markUninstalled(clientKey: "k") }
        }
    }
}
#endif
