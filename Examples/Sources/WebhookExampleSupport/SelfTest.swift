import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
public import WebhookKit
public import WebhookTesting

/// Sends one signed sample request per vendor, and one tampered request, to a running example server over
/// loopback, and prints what came back.
public enum SelfTest {
    /// The requests: one sample per vendor, then a tampered one.
    public static let cases: [(vendor: WebhookVendor, event: String, tampered: Bool)] = [
        (.hipChat, "room_message", false),
        (.confluence, "page_created", false),
        (.rService, "request.create", false),
        (.apiTree, "api.created", false),
        (.rService, "request.update", true),
    ]

    /// Runs the self-test against `http://127.0.0.1:<port>`.
    /// - Returns: Whether every answer was the expected one (200 for a signed request, 401 for a tampered one).
    public static func run(port: Int, signer: WebhookTestSigner, timeout: Duration = .seconds(20)) async -> Bool {
        var passed = true
        for item in cases {
            let expected = item.tampered ? 401 : 200
            do {
                var request = try signer.signSample(item.vendor, event: item.event)
                if item.tampered { request = request.tampered() }
                let (status, body) = try await send(request, port: port, timeout: timeout)
                let ok = status == expected
                passed = passed && ok
                let label = "\(item.vendor.displayName) \(item.event)\(item.tampered ? " (tampered)" : "")"
                print("\(ok ? "PASS" : "FAIL") \(label): \(status) \(body)")
            } catch {
                passed = false
                print("FAIL \(item.vendor.displayName) \(item.event): \(error)")
            }
        }
        print(passed ? "self-test passed" : "self-test FAILED")
        return passed
    }

    /// Sends a request to 127.0.0.1 and returns the status and the body text.
    static func send(_ request: WebhookRequest, port: Int, timeout: Duration) async throws -> (Int, String) {
        // ApiTree's target is the registered URL; every request goes to the local server's port.
        let pathAndQuery = request.target.hasPrefix("http") ? String(request.path) : request.target
        var outgoing = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(pathAndQuery)")
        outgoing.method = HTTPMethod(rawValue: request.method)
        for field in request.headers {
            outgoing.headers.add(name: field.name, value: field.value)
        }
        outgoing.body = .bytes(ByteBuffer(bytes: request.body))
        let response = try await HTTPClient.shared.execute(outgoing, timeout: .seconds(timeout.components.seconds))
        let body = try await response.body.collect(upTo: 64 * 1024)
        return (Int(response.status.code), String(buffer: body))
    }
}
