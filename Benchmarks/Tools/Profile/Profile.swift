import BenchmarkFixtures
import Crypto
import Foundation
import JWTKit
@_spi(Benchmarking) import WebhookKit
import WebhookTesting

/// Runs one benchmark case in a plain loop, without the benchmark harness (no malloc interposer, no samples).
///
/// Two uses:
/// - checking the harness's figures with a bare clock: `swift run -c release Profile hmac-ours 1024 200000`;
/// - profiling one case: `valgrind --tool=callgrind --callgrind-out-file=cg.out .build/release/Profile jwt-ours ES256 2000`
///   then `callgrind_annotate cg.out | head -60`. Instruction counts are repeatable whatever else the machine does.
///
/// Our primitives (HMAC, JWT verification, WebhookJSON) are `package`: they are reached through the SPI wrappers of
/// `WebhookBenchmarking` (Sources/WebhookKit/BenchmarkingEntryPoints.swift), as in the benchmarks.
///
/// Cases: `hmac-ours <bytes>`, `hmac-swift-crypto <bytes>`, `jwt-ours <HS256|RS256|ES256>`,
/// `jwt-jwt-kit <HS256|RS256|ES256>`, `decode-jsondecoder -`, `decode-webhookjson -`,
/// `confluence <hmac|connect|decode>`. The last argument is the number of operations.
@main
struct Profile {
    static func main() async throws {
        let arguments = CommandLine.arguments.dropFirst()
        guard arguments.count == 3, let count = Int(arguments.last!), count > 0 else {
            print("usage: Profile <case> <argument> <operations>   (see Tools/Profile/Profile.swift)")
            exit(2)
        }
        let name = arguments.first!
        let argument = arguments.dropFirst().first!

        let run: () async throws -> Void
        // The vendor verifiers' async `verify` is timed off the main actor: `main` runs on it, and every call of a
        // nonisolated async function from there would hop to the global executor and back (two thread switches per
        // operation). The other cases stay on the main thread, where valgrind can follow them (it crashes in
        // libdispatch's worker threads).
        var offMainActor: (@Sendable (Int) async throws -> Duration)?
        switch name {
        case "hmac-ours", "hmac-swift-crypto":
            guard let size = Int(argument) else { fatalError("hmac cases take a body size in bytes") }
            let body = BenchmarkInputs.body(count: size)
            let secret = Array(BenchmarkInputs.hmacSecret.utf8)
            if name == "hmac-ours" {
                let authenticator = WebhookBenchmarking.HMACSHA256(secret: WebhookSecret(secret))
                let mac = authenticator.authenticationCode(for: body)
                run = { precondition(authenticator.isValid(mac, for: body)) }
            } else {
                let key = SymmetricKey(data: secret)
                let mac = Array(HMAC<SHA256>.authenticationCode(for: body, using: key))
                run = { precondition(HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: body, using: key)) }
            }
        case "jwt-ours", "jwt-jwt-kit":
            guard let algorithm = BenchmarkTokens.Algorithm(rawValue: argument) else {
                fatalError("jwt cases take HS256, RS256 or ES256")
            }
            let tokens = BenchmarkTokens.make()
            let token = tokens.token(algorithm)
            let kid = BenchmarkInputs.jwtKeyID
            if name == "jwt-ours" {
                // `exp` required, default leeway, the system clock read per verification (the verifier's default).
                let clock: @Sendable () -> Double = { Date().timeIntervalSince1970 }
                let verifier: WebhookBenchmarking.JWT =
                    switch algorithm {
                    case .hs256:
                        try WebhookBenchmarking.JWT(
                            secret: WebhookSecret(utf8: BenchmarkInputs.jwtSharedSecret),
                            algorithm: .hs256,
                            keyID: kid,
                            clock: clock
                        )
                    case .rs256:
                        try WebhookBenchmarking.JWT(
                            publicKey: WebhookPublicKey(pem: tokens.rsaPublicKeyPEM),
                            algorithm: .rs256,
                            keyID: kid,
                            clock: clock
                        )
                    case .es256:
                        try WebhookBenchmarking.JWT(
                            publicKey: WebhookPublicKey(pem: tokens.ecPublicKeyPEM),
                            algorithm: .es256,
                            keyID: kid,
                            clock: clock
                        )
                    }
                run = { _ = try verifier.verify(token) }
            } else {
                let keys = JWTKeyCollection()
                let jwkID = JWKIdentifier(string: kid)
                switch algorithm {
                case .hs256:
                    await keys.add(hmac: HMACKey(from: BenchmarkInputs.jwtSharedSecret), digestAlgorithm: .sha256, kid: jwkID)
                case .rs256:
                    await keys.add(rsa: try Insecure.RSA.PublicKey(pem: tokens.rsaPublicKeyPEM), digestAlgorithm: .sha256, kid: jwkID)
                case .es256:
                    await keys.add(ecdsa: try ES256PublicKey(pem: tokens.ecPublicKeyPEM), kid: jwkID)
                }
                run = { _ = try await keys.verify(token, as: ConnectClaims.self) }
            }
        case "decode-jsondecoder":
            let data = Data(BenchmarkInputs.confluencePageUpdated)
            run = { _ = try JSONDecoder().decode(PlainConfluencePageEvent.self, from: data) }
        case "decode-webhookjson":
            let body = BenchmarkInputs.confluencePageUpdated
            run = { _ = try WebhookBenchmarking.decodeJSON(PlainConfluencePageEvent.self, from: body) }
        case "confluence":
            // The Confluence page_updated event of the vendor benchmarks: `hmac` or `connect` full path, or `decode`.
            let body = BenchmarkInputs.confluencePageUpdated
            let target = "/webhooks/confluence/page_updated"
            let now = Date().timeIntervalSince1970
            switch argument {
            case "hmac":
                let secret = WebhookSecret(utf8: BenchmarkInputs.hmacSecret)
                let request = try ConfluenceRequestSigner.hmac(secret: secret).sign(body: body, target: target, now: now)
                let verifier = try ConfluenceSignatureVerifier(secrets: [secret])
                run = { _ = try await verifier.verify(request, eventName: "page_updated") }
                offMainActor = { count in
                    try await Task.detached {
                        try await timeLoop(count) { _ = try await verifier.verify(request, eventName: "page_updated") }
                    }.value
                }
            case "connect":
                let clientKey = "bench-connect-client-key"
                let shared = WebhookSecret(utf8: BenchmarkInputs.jwtSharedSecret)
                let request = try ConfluenceRequestSigner.connect(clientKey: clientKey, sharedSecret: shared)
                    .sign(body: body, target: target, now: now, lifetime: 365 * 24 * 3600)
                let verifier = try ConfluenceSignatureVerifier(sharedSecrets: [clientKey: [shared]])
                run = { _ = try await verifier.verify(request, eventName: "page_updated") }
                offMainActor = { count in
                    try await Task.detached {
                        try await timeLoop(count) { _ = try await verifier.verify(request, eventName: "page_updated") }
                    }.value
                }
            default:
                run = { _ = try ConfluenceEvent.decode(from: body, eventName: "page_updated") }
            }
        default:
            print("unknown case \(name)")
            exit(2)
        }

        let elapsed: Duration
        if let offMainActor {
            elapsed = try await offMainActor(count)
        } else {
            elapsed = try await timeLoop(count, run)
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let perOp = seconds / Double(count)
        print("\(name) \(argument): \(count) operations, \(String(format: "%.3f", perOp * 1e6)) µs each, "
              + "\(String(format: "%.0f", 1 / perOp)) ops/s")
    }
}

/// Runs `body` once to warm up, then `count` times, on the caller's actor (no hop); returns the time of the `count`.
func timeLoop(
    _ count: Int,
    isolation: isolated (any Actor)? = #isolation,
    _ body: () async throws -> Void
) async rethrows -> Duration {
    try await body()
    let clock = ContinuousClock()
    let start = clock.now
    for _ in 0..<count {
        try await body()
    }
    return start.duration(to: clock.now)
}
