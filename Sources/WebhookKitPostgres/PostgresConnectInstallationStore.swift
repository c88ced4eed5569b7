#if PostgreSQL
public import ConfluenceWebhooks
public import Logging
public import PostgresNIO
public import WebhookCore
import Foundation
import WebhookCrypto

/// A `ConnectInstallationStore` in a PostgreSQL table, shared by every server instance that uses it: an
/// installation stored by the instance that received the `installed` callback verifies webhooks on all of them.
///
/// One row per `clientKey` (compared as exact bytes: the key column holds the hex of its UTF-8), holding the last verified `installed`
/// body as JSON (with its shared secret: protect the table as you protect secrets) and whether the app is installed.
/// Like ``PostgresDeliveryLedger`` it runs on a `PostgresClient` the application runs, and every operation has a
/// time limit. A failed or timed-out operation throws `WebhookError` with code `keyFetchFailed` (category
/// unavailable: a webhook whose secret cannot be read is answered `503`, and Atlassian retries).
public final class PostgresConnectInstallationStore: ConnectInstallationStore {
    /// The table's default name.
    public static let defaultTableName = "connect_installations"

    /// The table that holds the installations.
    public let tableName: String
    /// The longest any one operation may take, connecting included.
    public let operationTimeout: Duration

    private let client: PostgresClient
    private let logger: Logger?
    private let name: String

    /// Creates a store on a table.
    /// - Parameters:
    ///   - client: The application's client, which the application runs.
    ///   - tableName: A lower-case identifier of at most 63 characters (`[a-z_][a-z0-9_]*`).
    ///   - operationTimeout: The longest one operation may take (default 5 seconds).
    ///   - logger: Where failed operations are logged at `debug`; `nil` for none.
    /// - Throws: `WebhookError` with code `invalidConfiguration` for a bad table name or a timeout that is not
    ///   positive.
    public init(
        client: PostgresClient,
        tableName: String = PostgresConnectInstallationStore.defaultTableName,
        operationTimeout: Duration = .seconds(5),
        logger: Logger? = nil
    ) throws(WebhookError) {
        try PostgresDeliveryLedger.checkSettings(
            tableName: tableName,
            operationTimeout: operationTimeout,
            subject: "installation store"
        )
        self.client = client
        self.tableName = tableName
        self.operationTimeout = operationTimeout
        self.logger = logger
        self.name = "\"\(tableName)\""
    }

    /// The statement ``createTableIfMissing()`` runs.
    public var createTableStatement: String {
        """
        CREATE TABLE IF NOT EXISTS \(name) (
            client_key_hex text PRIMARY KEY,
            installation text NOT NULL,
            installed boolean NOT NULL,
            updated_at timestamptz NOT NULL DEFAULT now()
        )
        """
    }

    /// Creates the table when it does not exist; safe at every start-up.
    public func createTableIfMissing() async throws(WebhookError) {
        let sql = createTableStatement
        try await run("create the table") { client, logger in
            for try await _ in try await client.query(PostgresQuery(unsafeSQL: sql), logger: logger) {}
        }
    }

    public func installation(forClientKey clientKey: String) async throws -> StoredConnectInstallation? {
        var query = PostgresQuery(unsafeSQL: "SELECT installation, installed FROM \(name) WHERE client_key_hex = $1")
        query.binds.append(Self.storedKey(clientKey))
        let row = try await run("read") { [query] client, logger in
            var found: (String, Bool)?
            for try await row in try await client.query(query, logger: logger).decode((String, Bool).self) {
                found = row
            }
            return found.map { StoredRow(json: $0.0, installed: $0.1) }
        }
        guard let row else { return nil }
        do {
            let installation = try WebhookJSON.decode(ConnectInstallation.self, from: Array(row.json.utf8))
            return StoredConnectInstallation(installation: installation, isInstalled: row.installed)
        } catch {
            throw WebhookError(.keyFetchFailed, "PostgreSQL installation store: a stored row does not decode")
        }
    }

    public func save(_ installation: ConnectInstallation) async throws {
        let json = String(decoding: try WebhookJSON.encode(installation), as: UTF8.self)
        var query = PostgresQuery(
            unsafeSQL: """
                INSERT INTO \(name) (client_key_hex, installation, installed, updated_at) VALUES ($1, $2, true, now())
                ON CONFLICT (client_key_hex) DO UPDATE
                SET installation = EXCLUDED.installation, installed = true, updated_at = now()
                """
        )
        query.binds.append(Self.storedKey(installation.clientKey))
        query.binds.append(json)
        try await run("save") { [query] client, logger in
            for try await _ in try await client.query(query, logger: logger) {}
        }
    }

    public func markUninstalled(clientKey: String) async throws {
        var query = PostgresQuery(
            unsafeSQL: "UPDATE \(name) SET installed = false, updated_at = now() WHERE client_key_hex = $1"
        )
        query.binds.append(Self.storedKey(clientKey))
        try await run("mark uninstalled") { [query] client, logger in
            for try await _ in try await client.query(query, logger: logger) {}
        }
    }

    /// The key column's text for a `clientKey`: the hex of its UTF-8 bytes, so that keys compare as exact bytes
    /// (a Kelvin sign is not a `K`) and any byte, NUL included, can be stored.
    static func storedKey(_ clientKey: String) -> String {
        Hex.encode(Array(clientKey.utf8))
    }

    private struct StoredRow: Sendable {
        var json: String
        var installed: Bool
    }

    /// Runs one operation within ``operationTimeout``; every failure becomes `keyFetchFailed` with a reason that
    /// names no value (the SQLSTATE only).
    private func run<Value: Sendable>(
        _ operation: String,
        _ body: @escaping @Sendable (PostgresClient, Logger?) async throws -> Value
    ) async throws(WebhookError) -> Value {
        try await PostgresDeliveryLedger.runBounded(
            operation,
            on: client,
            logger: logger,
            timeout: operationTimeout,
            subject: "PostgreSQL installation store",
            failure: .keyFetchFailed,
            table: ("webhook.installations.table", tableName),
            body
        )
    }
}
#endif
