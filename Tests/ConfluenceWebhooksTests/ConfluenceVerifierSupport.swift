import ConfluenceWebhooks
import Foundation
import Testing
import WebhookCore
import WebhookCrypto
import WebhookRegistry

/// A clock the test moves by hand.
final class ManualClock: Sendable {
    private let seconds: LockedValue<Double>

    init(_ start: Double) {
        seconds = LockedValue(start)
    }

    var now: Double { seconds.withLock { $0 } }

    func advance(by delta: Double) {
        seconds.withLock { $0 += delta }
    }

    var function: @Sendable () -> Double { { self.now } }
}

/// A shared-secret table that counts its look-ups, to show which requests never reach it.
final class CountingSecretLookup: Sendable {
    private let table: [String: [WebhookSecret]]
    private let calls = LockedValue(0)
    private let failing: Bool

    init(_ table: [String: [WebhookSecret]], failing: Bool = false) {
        self.table = table
        self.failing = failing
    }

    struct LookupFailed: Error {}

    var count: Int { calls.withLock { $0 } }

    var lookup: ConfluenceSignatureVerifier.SharedSecretLookup {
        { clientKey in
            self.calls.withLock { $0 += 1 }
            if self.failing { throw LookupFailed() }
            return self.table[clientKey] ?? []
        }
    }
}

enum ConfluenceTestValues {
    static let now: Double = 1_750_000_000
    static let hmacSecret = "wk-confluence-sample-secret-2025"
    static let previousHMACSecret = "wk-confluence-sample-secret-2024"
    static let clientKey = "8a0d5543-0351-4ed8-b59d-bd2710926801"
    static let sharedSecret = "K_4TmhLq2g6wIB-NeG31C-jaudH0IKud-3ymsQ8MTN4"

    /// The 2021 captured `page_updated` body, byte for byte (line breaks included).
    static func pageUpdatedBody() throws -> [UInt8] {
        try ConfluenceFixtures.bytes("events/page_updated.json")
    }

    /// Runs `verify` and returns its error, failing the test when it succeeds.
    static func rejection(
        _ verifier: ConfluenceSignatureVerifier,
        _ request: WebhookRequest,
        eventName: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async -> WebhookError? {
        do {
            let verified = try await verifier.verify(request, eventName: eventName)
            Issue.record("verified unexpectedly as \(verified.eventName ?? "nil")", sourceLocation: sourceLocation)
            return nil
        } catch {
            #expect(error.vendor == .confluence, "error not attributed to Confluence", sourceLocation: sourceLocation)
            return error
        }
    }

    /// The same request with one header replaced.
    static func replacingHeader(_ request: WebhookRequest, _ name: String, _ value: String) -> WebhookRequest {
        var copy = request
        copy.headers.replaceOrAdd(name: name, value: value)
        return copy
    }

    /// The same request without any header of that name.
    static func removingHeader(_ request: WebhookRequest, _ name: String) -> WebhookRequest {
        var copy = request
        copy.headers = WebhookHeaders(
            copy.headers.filter { $0.name.lowercased() != name.lowercased() }
        )
        return copy
    }
}
