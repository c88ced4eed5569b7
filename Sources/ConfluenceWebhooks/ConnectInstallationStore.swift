public import WebhookCore

/// An installation as a store keeps it: the last verified `installed` body, and whether the app is installed now.
public struct StoredConnectInstallation: Sendable, Equatable {
    /// The body of the last verified `installed` callback (it holds the shared secret).
    public var installation: ConnectInstallation
    /// `false` after a verified `uninstalled`: the installation's webhooks are then refused, but the record stays,
    /// so that a legacy re-install signed with its secret can still be verified.
    public var isInstalled: Bool

    /// Creates a stored installation.
    public init(installation: ConnectInstallation, isInstalled: Bool) {
        self.installation = installation
        self.isInstalled = isInstalled
    }
}

/// Where a Connect app keeps its installations, by `clientKey`: written from verified lifecycle callbacks, read by
/// the Connect-mode `ConfluenceSignatureVerifier` for the shared secret of each webhook.
///
/// Implementations compare `clientKey`s as exact bytes. A read that fails (a database outage) throws; an unknown
/// `clientKey` is `nil`, not an error.
public protocol ConnectInstallationStore: Sendable {
    /// The installation with this `clientKey`, installed or not; `nil` when there is none.
    func installation(forClientKey clientKey: String) async throws -> StoredConnectInstallation?

    /// Saves the body of a verified `installed` callback: inserts it, or replaces the stored one (a new secret, a
    /// new `baseUrl`), and marks it installed.
    func save(_ installation: ConnectInstallation) async throws

    /// Marks the installation uninstalled after a verified `uninstalled` callback; nothing for an unknown one.
    func markUninstalled(clientKey: String) async throws
}

extension ConnectInstallationStore {
    /// Applies a verified lifecycle callback: `installed` saves, `uninstalled` marks uninstalled, the others change
    /// nothing. Call it from the lifecycle route's handler, with the event of a `ConnectLifecycleVerifier`.
    public func apply(_ event: ConnectLifecycleEvent) async throws {
        switch event {
        case .installed(let installation): try await save(installation)
        case .uninstalled(let installation): try await markUninstalled(clientKey: installation.clientKey)
        case .enabled, .disabled, .other: break
        }
    }

    /// The shared secrets of an installed `clientKey` (none for an unknown or uninstalled one), as the Connect
    /// verifier's lookup.
    public func sharedSecrets(forClientKey clientKey: String) async throws -> [WebhookSecret] {
        guard let stored = try await installation(forClientKey: clientKey), stored.isInstalled,
            let secret = stored.installation.sharedSecret, !secret.isEmpty
        else { return [] }
        return [WebhookSecret(utf8: secret)]
    }
}

/// A ``ConnectInstallationStore`` in memory: for tests and single-instance apps that re-read installations from
/// elsewhere at start. Installations are lost when the process ends.
public final class InMemoryConnectInstallationStore: ConnectInstallationStore {
    private let entries = LockedValue<[[UInt8]: StoredConnectInstallation]>([:])

    /// Creates an empty store.
    public init() {}

    public func installation(forClientKey clientKey: String) async throws -> StoredConnectInstallation? {
        entries.withLock { $0[Array(clientKey.utf8)] }
    }

    public func save(_ installation: ConnectInstallation) async throws {
        entries.withLock {
            $0[Array(installation.clientKey.utf8)] = StoredConnectInstallation(
                installation: installation,
                isInstalled: true
            )
        }
    }

    public func markUninstalled(clientKey: String) async throws {
        entries.withLock { $0[Array(clientKey.utf8)]?.isInstalled = false }
    }
}

extension ConfluenceSignatureVerifier {
    /// A Connect verifier whose shared secrets come from an installation store, which a
    /// `ConnectLifecycleVerifier` route fills: an app wires install and webhooks with this and
    /// `store.apply(webhook.event)` in its lifecycle handler.
    ///
    /// An unknown or uninstalled `clientKey` is `unknownIssuer`; a store that throws is `keyFetchFailed` (503).
    /// Parameters as the lookup initialiser `init(sharedSecrets:baseURL:leeway:limits:eventName:clock:)` has them.
    public init(
        installations: any ConnectInstallationStore,
        baseURL: String? = nil,
        leeway: Duration = .seconds(60),
        limits: WebhookLimits = .default,
        eventName: EventNameResolver? = nil,
        clock: @escaping @Sendable () -> Double = { WebhookClock.now() }
    ) throws(WebhookError) {
        try self.init(
            sharedSecrets: { clientKey in try await installations.sharedSecrets(forClientKey: clientKey) },
            baseURL: baseURL,
            leeway: leeway,
            limits: limits,
            eventName: eventName,
            clock: clock
        )
    }
}
