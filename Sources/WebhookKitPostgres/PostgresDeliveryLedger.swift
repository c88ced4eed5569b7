#if PostgreSQL
public import Logging
public import PostgresNIO
public import WebhookCore
import Foundation
import Synchronization
import WebhookCrypto

/// A `DeliveryLedger` in a PostgreSQL table, shared by every server instance that uses the same
/// table: a delivery sent to two instances is processed once.
///
/// It runs on a `PostgresClient` that the application creates and runs (`client.run()` in a task, or as a
/// service of swift-service-lifecycle); the ledger never opens or closes connections itself. Every decision is
/// one atomic statement on the database's clock (`now()`), so the instances' clocks do not matter and no two
/// callers can hold the same claim.
///
/// Rows of completed deliveries and abandoned claims stay in the table until ``sweep()`` deletes them (an
/// expired row is already ignored by ``claim(_:claimTimeout:)``): call it periodically, or pass
/// `sweepEvery` to sweep after every that many claims.
public final class PostgresDeliveryLedger: DeliveryLedger {
    /// The table's default name.
    public static let defaultTableName = "webhook_deliveries"

    /// The table that holds the deliveries.
    public let tableName: String
    /// The longest any one ledger operation may take, connecting included, before it fails as
    /// `ledgerUnavailable`.
    public let operationTimeout: Duration

    private let client: PostgresClient
    private let logger: Logger?
    private let sweepEvery: Int?
    private let claimsSinceSweep = Atomic<Int>(0)
    private let statements: Statements

    /// Creates a ledger on a table.
    /// - Parameters:
    ///   - client: The application's client; the application runs it (`run()`) for as long as the ledger is used.
    ///   - tableName: The table's name: a lower-case identifier of at most 63 characters (`[a-z_][a-z0-9_]*`),
    ///     which may be qualified by nothing else; set the schema through the connection's `search_path`.
    ///   - operationTimeout: The longest one operation may take, waiting for a connection included (default
    ///     5 seconds). `PostgresClient` itself keeps retrying a server it cannot reach for up to a minute; the
    ///     middleware answers `503` instead once this much time has passed.
    ///   - sweepEvery: Calls ``sweep()`` after every that many claims made through this ledger; `nil` (the
    ///     default) never sweeps by itself.
    ///   - logger: Where the ledger logs, and the logger postgres-nio gets for its queries: a failed operation at
    ///     `debug` (the middleware logs the outcome), a failed `sweepEvery` sweep at `warning`; `nil` for none.
    /// - Throws: `WebhookError` with code `invalidConfiguration` for
    ///   a table name that is not a plain lower-case identifier, a timeout that is not positive, or a
    ///   `sweepEvery` below 1.
    public init(
        client: PostgresClient,
        tableName: String = PostgresDeliveryLedger.defaultTableName,
        operationTimeout: Duration = .seconds(5),
        sweepEvery: Int? = nil,
        logger: Logger? = nil
    ) throws(WebhookError) {
        try Self.checkSettings(tableName: tableName, operationTimeout: operationTimeout, subject: "delivery ledger")
        if let sweepEvery, sweepEvery < 1 {
            throw WebhookError(.invalidConfiguration, "PostgreSQL delivery ledger: sweepEvery must be at least 1")
        }
        self.client = client
        self.tableName = tableName
        self.operationTimeout = operationTimeout
        self.sweepEvery = sweepEvery
        self.logger = logger
        self.statements = Statements(table: tableName)
    }

    /// The settings every PostgreSQL store of this module checks at set-up: a plain table name, a positive timeout.
    static func checkSettings(tableName: String, operationTimeout: Duration, subject: String) throws(WebhookError) {
        guard isValidTableName(tableName) else {
            throw WebhookError(
                .invalidConfiguration,
                "PostgreSQL \(subject): the table name must match [a-z_][a-z0-9_]{0,62}"
            )
        }
        guard operationTimeout > .zero else {
            throw WebhookError(.invalidConfiguration, "PostgreSQL \(subject): the operation timeout must be positive")
        }
    }

    /// Whether a name is accepted as the table's: `[a-z_][a-z0-9_]{0,62}`, ASCII only.
    static func isValidTableName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard (1...63).contains(bytes.count) else { return false }
        for (index, byte) in bytes.enumerated() {
            let letter = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || byte == UInt8(ascii: "_")
            let digit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            guard letter || (index > 0 && digit) else { return false }
        }
        return true
    }

    /// The text stored for a delivery key: the key itself when it is at most 256 UTF-8 bytes and holds no NUL or
    /// backslash; otherwise the key with `\\` for each backslash and `\0` for each NUL, and for a key over 256
    /// bytes `\h` followed by its SHA-256 in hex. One key, one text (up to SHA-256 collisions): PostgreSQL's
    /// `text` holds no NUL, and an index entry at most about 2.7 kB, whatever the vendor's identifiers hold.
    static func storedKey(_ key: String) -> String {
        let bytes = key.utf8
        if bytes.count > 256 {
            return "\\h" + Hex.encode(Digest.hash(Array(bytes), using: .sha256))
        }
        guard bytes.contains(where: { $0 == 0 || $0 == UInt8(ascii: "\\") }) else { return key }
        var escaped = ""
        for character in key.unicodeScalars {
            switch character {
            case "\0": escaped += "\\0"
            case "\\": escaped += "\\\\"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    /// The statements that create the table and its index, as ``createTableIfMissing()`` runs them.
    public var createTableStatements: [String] {
        [statements.createTable, statements.createIndex]
    }

    /// Creates the table and its index when they do not exist; safe to call at every start-up.
    /// - Throws: `WebhookError` with code `ledgerUnavailable` when the
    ///   database cannot be reached or refuses (the user may not create tables: then create them from
    ///   ``createTableStatements``).
    public func createTableIfMissing() async throws(WebhookError) {
        let statements = statements
        try await run("create the table") { client, logger in
            try await Self.execute(PostgresQuery(unsafeSQL: statements.createTable), on: client, logger: logger)
            try await Self.execute(PostgresQuery(unsafeSQL: statements.createIndex), on: client, logger: logger)
        }
    }

    /// Deletes the rows that no longer count: completed deliveries whose retention ended, and claims that expired
    /// without being completed. Operators run it periodically (every few minutes on one instance is plenty), or
    /// let the ledger do it with `sweepEvery`.
    /// - Returns: The number of rows deleted.
    /// - Throws: `WebhookError` with code `ledgerUnavailable`.
    @discardableResult
    public func sweep() async throws(WebhookError) -> Int {
        let sql = statements.sweep
        return try await run("sweep") { client, logger in
            let rows = try await client.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            var deleted = 0
            for try await count in rows.decode(Int.self) { deleted = count }
            return deleted
        }
    }

    public func claim(_ key: String, claimTimeout: Duration) async throws(WebhookError) -> DeliveryClaimResult {
        let claim = DeliveryClaim(key: key)
        let storedKey = Self.storedKey(key)
        let statements = statements
        let result = try await run("claim") { client, logger in
            // The claim takes a new key, or one whose row expired (an abandoned claim, a completed delivery past
            // its retention). When it takes nothing, the row that stopped it is read; if that row is gone or
            // expired by then (released, or its claim ran out between the two statements), claim again.
            for _ in 0..<8 {
                var claimQuery = PostgresQuery(unsafeSQL: statements.claim)
                claimQuery.binds.append(storedKey)
                claimQuery.binds.append(claim.owner)
                claimQuery.binds.append(claimTimeout.seconds)
                var claimed = false
                for try await _ in try await client.query(claimQuery, logger: logger) { claimed = true }
                if claimed { return DeliveryClaimResult.claimed(claim) }

                var readQuery = PostgresQuery(unsafeSQL: statements.read)
                readQuery.binds.append(storedKey)
                let rows = try await client.query(readQuery, logger: logger)
                for try await (state, claimedAt) in rows.decode((String, Date).self) {
                    return state == "completed" ? .completed : .inProgress(since: claimedAt)
                }
            }
            throw ContendedKey()
        }
        if let sweepEvery, claimsSinceSweep.wrappingAdd(1, ordering: .relaxed).newValue % sweepEvery == 0 {
            do throws(WebhookError) {
                try await sweep()
            } catch {
                logger?.warning("PostgreSQL delivery ledger: sweep failed: \(error.reason)")
            }
        }
        return result
    }

    public func complete(_ claim: DeliveryClaim, retention: Duration) async throws(WebhookError) {
        var query = PostgresQuery(unsafeSQL: statements.complete)
        query.binds.append(Self.storedKey(claim.key))
        query.binds.append(claim.owner)
        query.binds.append(retention.seconds)
        try await run("complete") { [query] client, logger in
            try await Self.execute(query, on: client, logger: logger)
        }
    }

    public func release(_ claim: DeliveryClaim) async throws(WebhookError) {
        var query = PostgresQuery(unsafeSQL: statements.release)
        query.binds.append(Self.storedKey(claim.key))
        query.binds.append(claim.owner)
        try await run("release") { [query] client, logger in
            try await Self.execute(query, on: client, logger: logger)
        }
    }

    // MARK: Running statements

    /// Runs a statement and reads its answer to the end, which gives the connection back to the pool.
    private static func execute(_ query: PostgresQuery, on client: PostgresClient, logger: Logger?) async throws {
        for try await _ in try await client.query(query, logger: logger) {}
    }

    /// Thrown when a key changed state between the claim and the read more times than any honest load explains.
    private struct ContendedKey: Error {}

    /// Runs one ledger operation within ``operationTimeout``; maps every failure to `ledgerUnavailable`.
    private func run<Value: Sendable>(
        _ operation: String,
        _ body: @escaping @Sendable (PostgresClient, Logger?) async throws -> Value
    ) async throws(WebhookError) -> Value {
        try await Self.runBounded(
            operation,
            on: client,
            logger: logger,
            timeout: operationTimeout,
            subject: "PostgreSQL delivery ledger",
            failure: .ledgerUnavailable,
            table: ("webhook.ledger.table", tableName),
            body
        )
    }

    /// One operation of a PostgreSQL store of this module within `timeout`: every failure becomes a `WebhookError`
    /// with code `failure` and a reason that names no value (`reason(for:operation:timeout:subject:)`), logged at
    /// `debug` with the table's name.
    static func runBounded<Value: Sendable>(
        _ operation: String,
        on client: PostgresClient,
        logger: Logger?,
        timeout: Duration,
        subject: String,
        failure: WebhookError.Code,
        table: (key: String, name: String),
        _ body: @escaping @Sendable (PostgresClient, Logger?) async throws -> Value
    ) async throws(WebhookError) -> Value {
        do {
            return try await Deadline.run(timeout: timeout) { try await body(client, logger) }
        } catch {
            let reason = reason(for: error, operation: operation, timeout: timeout, subject: subject)
            logger?.debug("\(reason)", metadata: [table.key: "\(table.name)"])
            throw WebhookError(failure, reason)
        }
    }

    /// A reason that tells what failed without the connection's settings, the query's values or the server's
    /// message text (which can quote them): the PostgreSQL error class and SQLSTATE code are enough to look up.
    static func reason(
        for error: any Error,
        operation: String,
        timeout: Duration,
        subject: String = "PostgreSQL delivery ledger"
    ) -> String {
        let prefix = "\(subject): \(operation) failed"
        switch error {
        case is TimedOut:
            return "\(prefix): no answer within \(timeout) (database unreachable or overloaded)"
        case is ContendedKey:
            return "\(prefix): the key kept changing state"
        case is CancellationError:
            return "\(prefix): cancelled"
        case let error as PSQLError:
            if error.code == .server, let state = error.serverInfo?[.sqlState] {
                let hint = state == "42P01" ? " (the table does not exist: call createTableIfMissing())" : ""
                return "\(prefix): server error SQLSTATE \(state)\(hint)"
            }
            return "\(prefix): \(error.code)"
        case is PostgresDecodingError:
            return "\(prefix): unexpected column types (is the table the ledger's?)"
        default:
            return "\(prefix): \(type(of: error))"
        }
    }
}

/// Thrown by ``Deadline`` when the time ran out.
struct TimedOut: Error {}

/// Runs an operation with a time limit that holds even when the operation does not react to cancellation (a
/// query already sent to a server that stopped answering): the caller gets ``TimedOut`` at the deadline, the
/// operation is cancelled and left to finish on its own.
final class Deadline<Value: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<Value, any Error>?
        var work: Task<Void, Never>?
        var timer: Task<Void, Never>?
    }

    private let state: LockedValue<State>

    private init(_ continuation: CheckedContinuation<Value, any Error>) {
        state = LockedValue(State(continuation: continuation))
    }

    static func run(
        timeout: Duration,
        _ operation: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        try Task.checkCancellation()
        let holder = LockedValue<Deadline?>(nil)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value, any Error>) in
                let deadline = Deadline(continuation)
                holder.withLock { $0 = deadline }
                deadline.start(timeout: timeout, operation)
            }
        } onCancel: {
            holder.withLock { $0 }?.finish(.failure(CancellationError()))
        }
    }

    private func start(timeout: Duration, _ operation: @escaping @Sendable () async throws -> Value) {
        let work = Task {
            do {
                finish(.success(try await operation()))
            } catch {
                finish(.failure(error))
            }
        }
        let timer = Task {
            guard (try? await Task.sleep(for: timeout)) != nil else { return }
            finish(.failure(TimedOut()))
        }
        let finished = state.withLock { state in
            guard state.continuation != nil else { return true }
            state.work = work
            state.timer = timer
            return false
        }
        if finished {
            work.cancel()
            timer.cancel()
        }
    }

    /// Resumes the caller once, and cancels whatever still runs.
    private func finish(_ result: Result<Value, any Error>) {
        let (continuation, work, timer) = state.withLock { state in
            defer { state = State() }
            return (state.continuation, state.work, state.timer)
        }
        guard let continuation else { return }
        work?.cancel()
        timer?.cancel()
        continuation.resume(with: result)
    }
}

/// The ledger's SQL; the table name, validated at init, is the only text put into it, and always quoted.
struct Statements: Sendable {
    let createTable: String
    let createIndex: String
    let claim: String
    let read: String
    let complete: String
    let release: String
    let sweep: String

    init(table: String) {
        let name = "\"\(table)\""
        createTable = """
            CREATE TABLE IF NOT EXISTS \(name) (
                key text PRIMARY KEY,
                owner text NOT NULL,
                state text NOT NULL CHECK (state IN ('in_progress', 'completed')),
                claimed_at timestamptz NOT NULL,
                expires_at timestamptz NOT NULL
            )
            """
        // PostgreSQL cuts names at 63 bytes: a table name too long for the suffix gets a part of its hash instead,
        // so that two long names that share a beginning do not share an index name.
        let index =
            table.utf8.count <= 52
            ? "\(table)_expires_at"
            : "\(table.prefix(43))_\(Hex.encode(Digest.hash(Array(table.utf8), using: .sha256).prefix(4)))_expires_at"
        createIndex = """
            CREATE INDEX IF NOT EXISTS "\(index)" ON \(name) (expires_at)
            """
        // $1 key, $2 owner, $3 claim timeout in seconds. Takes a new key, or one whose row has expired (an
        // abandoned claim or a completed delivery past its retention); returns a row only when it took the key.
        claim = """
            INSERT INTO \(name) AS d (key, owner, state, claimed_at, expires_at)
            VALUES ($1, $2, 'in_progress', now(), now() + make_interval(secs => $3))
            ON CONFLICT (key) DO UPDATE
                SET owner = EXCLUDED.owner, state = 'in_progress', claimed_at = EXCLUDED.claimed_at,
                    expires_at = EXCLUDED.expires_at
                WHERE d.expires_at <= now()
            RETURNING d.owner
            """
        // $1 key. What holds an unexpired key.
        read = """
            SELECT state, claimed_at FROM \(name) WHERE key = $1 AND expires_at > now()
            """
        // $1 key, $2 owner, $3 retention in seconds. The handler succeeded: record it even if the claim expired
        // meanwhile (or was swept), keeping the longer retention when the key was already completed.
        complete = """
            INSERT INTO \(name) AS d (key, owner, state, claimed_at, expires_at)
            VALUES ($1, $2, 'completed', now(), now() + make_interval(secs => $3))
            ON CONFLICT (key) DO UPDATE
                SET owner = EXCLUDED.owner, state = 'completed',
                    expires_at = GREATEST(EXCLUDED.expires_at, CASE WHEN d.state = 'completed' THEN d.expires_at END)
            """
        // $1 key, $2 owner. Only this claim's row, only while in progress.
        release = """
            DELETE FROM \(name) WHERE key = $1 AND owner = $2 AND state = 'in_progress'
            """
        sweep = """
            WITH gone AS (DELETE FROM \(name) WHERE expires_at <= now() RETURNING 1) SELECT count(*)::int8 FROM gone
            """
    }
}
#endif
