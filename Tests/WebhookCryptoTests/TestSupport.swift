import Foundation
import WebhookCore
import WebhookCrypto

/// Shared helpers for the crypto tests.
enum TestSupport {
    /// `<package root>/../shared`: the package root is three levels above this file.
    static let sharedDirectory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("shared")

    static let wycheproofDirectory = sharedDirectory.appendingPathComponent("test-vectors/wycheproof")

    /// Decodes hex that is known to be valid (test data only).
    static func hex(_ text: String) -> [UInt8] {
        do {
            return try Hex.decode(text)
        } catch {
            fatalError("bad hex in test data: \(text.prefix(20))")
        }
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// A fixed clock.
    static func clock(_ now: Double) -> @Sendable () -> Double { { now } }

    /// Builds an unsigned (or arbitrarily signed) token from raw header and payload JSON.
    static func token(header: String, payload: String, signature: [UInt8] = []) -> String {
        Base64URL.encode(header.utf8) + "." + Base64URL.encode(payload.utf8) + "." + Base64URL.encode(signature)
    }

    /// Runs `body` and returns the thrown error's code, or nil when it did not throw.
    static func errorCode<T>(_ body: () throws(WebhookError) -> T) -> WebhookError.Code? {
        do {
            _ = try body()
            return nil
        } catch {
            return error.code
        }
    }
}
