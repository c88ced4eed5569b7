import Dispatch
import Foundation
import WebhookKit
import WebhookTesting

/// What every fuzz target shares: the input as bytes, a bridge from libFuzzer's synchronous entry point to the
/// verifiers' `async` API, and fixed test keys (the ones in `Fixtures/`, so that seeds taken from there verify
/// and the fuzzer starts past the signature check).
public enum Fuzz {
    /// The input as an array of bytes.
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// The input as text, invalid UTF-8 repaired as a server's HTTP layer would hand it over.
    public static func text(_ data: UnsafePointer<UInt8>?, _ size: Int) -> String {
        String(decoding: bytes(data, size), as: UTF8.self)
    }

    /// Runs `operation` to completion and waits for it. The task starts on this thread (`Task.immediate`), so a
    /// verifier that never suspends (every one here: no key fetching is configured) runs without a thread hop,
    /// which would otherwise cost more than the verification itself on a loaded machine.
    public static func runBlocking(_ operation: @escaping @Sendable () async -> Void) {
        let done = DispatchSemaphore(value: 0)
        Task.immediate {
            await operation()
            done.signal()
        }
        done.wait()
    }
}

/// The fixtures' test keys and clocks (see `Fixtures/*/keys/` and `Fixtures/*/requests/config.json`).
public enum FuzzKeys {
    /// `Fixtures/rservice/keys/rs256.pub.pem`.
    public static let rs256PublicKeyPEM = """
        -----BEGIN PUBLIC KEY-----
        MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsrfrY80cHYiIk6S3ztsQ
        uLDnpRXg6HNW/qbWqbYpfVF9WiVdG0DhlEqE0slxxT4g40kcM/fGypWxWCTLSRMe
        vFTxD1u4N69sloMaAsHovTEon0bRSh9H//1P68H7zES8xTOedeYK8hSdB+R2WHzl
        xtiKSw62P7MBA91gfS1oquIXPJDPG2umsUmC7AY0ZRCg3gCKkd8moRTckb7ud5iP
        1ypcHrATUlvesv77tkj26dUuxlyv7HFyXL4qt9ZuMayC+zyiRy466Ls/K56FKZCP
        9hBr1Ncu/u94tYLFnhpYvZmYzZIUifgMTBd1jbMilTmyJD0YUI0JKa2utoW1MSEx
        hwIDAQAB
        -----END PUBLIC KEY-----

        """

    /// `Fixtures/rservice/keys/es256.pub.pem`.
    public static let es256PublicKeyPEM = """
        -----BEGIN PUBLIC KEY-----
        MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEwyFE9UScwIURWAH/NotkBXaLkELS
        4f09e8hvHHMZGhhG/SaUu69WVraTD0lM4G9BzUqoEsPBbqCdf9D4z8hmwA==
        -----END PUBLIC KEY-----

        """

    /// R-Service's shared secret (`Fixtures/rservice/keys/secrets.json`).
    public static let rServiceSecret = WebhookSecret(utf8: "rservice-fixture-shared-secret-not-a-real-one")
    /// R-Service's account, audience and clock in its request fixtures.
    public static let rServiceIssuer = "https://wdc.4me-staging.com"
    public static let rServiceAudience = "integrations provided by wdc@4me-staging.com"
    public static let rServiceNow: Double = 1_767_225_600

    /// HipChat (`Fixtures/hipchat/keys/secrets.json`).
    public static let hipChatOAuthID = "6c1a4e1e-7b8f-4d2a-9c3e-2f5d8a9b0c11"
    public static let hipChatSecret = WebhookSecret(utf8: "hVq3tR8sLz0mWn5yXb2cKd7fGj4pQe9u")
    public static let hipChatNow: Double = 1_700_000_000

    /// Confluence (`Fixtures/confluence/keys/secrets.json`).
    public static let confluenceHMACSecrets = [
        WebhookSecret(utf8: "wk-confluence-sample-secret-2025"),
        WebhookSecret(utf8: "wk-confluence-sample-secret-2024"),
    ]
    public static let confluenceClientKey = "8a0d5543-0351-4ed8-b59d-bd2710926801"
    public static let confluenceSharedSecret = WebhookSecret(utf8: "K_4TmhLq2g6wIB-NeG31C-jaudH0IKud-3ymsQ8MTN4")
    public static let confluenceBaseURL = "https://receiver.example.com"
    public static let confluenceNow: Double = 1_750_000_000

    /// ApiTree (`Fixtures/apitree/keys/secrets.json`).
    public static let apiTreeSecret = WebhookSecret(utf8: "apitree-webhook-secret-4f9c2a71d8e3")
    public static let apiTreeWebhookURL = "https://receiver.example.com/webhooks/apitree"

    /// The RSA and EC keys, parsed once.
    public static let rs256PublicKey = try! WebhookPublicKey(pem: rs256PublicKeyPEM)
    public static let es256PublicKey = try! WebhookPublicKey(pem: es256PublicKeyPEM)
}

/// Whole requests from `Fixtures/*/requests/`, read once at start-up: the header targets replace one header of such a
/// request with the input, so everything else about the request is as the vendor sends it.
public enum FuzzFixtures {
    /// The repository's `Fixtures/` folder, found from this source file.
    public static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The request file at `path` under `Fixtures/`; stops the process when it cannot be read.
    public static func request(_ path: String) -> WebhookRequestFile {
        let url = folder.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path),
            let file = try? WebhookRequestFile(bytes: data)
        else {
            fatalError("cannot read the fixture \(url.path)")
        }
        return file
    }

    /// `request` with every field named `header` (any case) replaced by one field holding `value`.
    public static func replacing(_ header: String, with value: String, in request: WebhookRequest) -> WebhookRequest {
        var copy = request
        let lowered = header.lowercased()
        copy.headers = WebhookHeaders(
            request.headers.filter { $0.name.lowercased() != lowered }.map { ($0.name, $0.value) } + [(header, value)]
        )
        return copy
    }
}
