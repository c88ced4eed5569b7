import BenchmarkFixtures
import Crypto
import Foundation
import JWTKit
import WebhookCore
import WebhookCrypto

/// Runs one benchmark case in a plain loop, without the benchmark harness (no malloc interposer, no samples).
///
/// Two uses:
/// - checking the harness's figures with a bare clock: `swift run -c release Profile hmac-ours 1024 200000`;
/// - profiling one case: `valgrind --tool=callgrind --callgrind-out-file=cg.out .build/release/Profile jwt-ours ES256 2000`
///   then `callgrind_annotate cg.out | head -60`. Instruction counts are repeatable whatever else the machine does.
///
/// Cases: `hmac-ours <bytes>`, `hmac-swift-crypto <bytes>`, `jwt-ours <HS256|RS256|ES256>`,
/// `jwt-jwt-kit <HS256|RS256|ES256>`, `decode-jsondecoder -`, `decode-webhookjson -`. The last argument is the number of operations.
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
        switch name {
        case "hmac-ours", "hmac-swift-crypto":
            guard let size = Int(argument) else { fatalError("hmac cases take a body size in bytes") }
            let body = BenchmarkInputs.body(count: size)
            let secret = Array(BenchmarkInputs.hmacSecret.utf8)
            if name == "hmac-ours" {
                let authenticator = HMACAuthenticator(key: HMACKey(secret), algorithm: .sha256)
                let mac = authenticator.authenticationCode(for: body)
                run = { precondition(authenticator.isValidAuthenticationCode(mac, for: body)) }
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
                let key: JWTVerificationKey =
                    switch algorithm {
                    case .hs256:
                        try .hmac(WebhookCrypto.HMACKey(utf8: BenchmarkInputs.jwtSharedSecret), algorithms: [.hs256], keyID: kid)
                    case .rs256:
                        try .publicKey(PublicKey(pem: tokens.rsaPublicKeyPEM), algorithms: [.rs256], keyID: kid)
                    case .es256:
                        try .publicKey(PublicKey(pem: tokens.ecPublicKeyPEM), algorithms: [.es256], keyID: kid)
                    }
                let verifier = JWTVerifier(keys: JWTKeySet([key]), options: JWTValidationOptions(requiredClaims: [.exp]))
                run = { _ = try verifier.verify(token) }
            } else {
                let keys = JWTKeyCollection()
                let jwkID = JWKIdentifier(string: kid)
                switch algorithm {
                case .hs256:
                    await keys.add(hmac: JWTKit.HMACKey(from: BenchmarkInputs.jwtSharedSecret), digestAlgorithm: .sha256, kid: jwkID)
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
            run = { _ = try WebhookJSON.decode(PlainConfluencePageEvent.self, from: body) }
        default:
            print("unknown case \(name)")
            exit(2)
        }

        try await run()  // warm up once
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<count {
            try await run()
        }
        let elapsed = start.duration(to: clock.now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let perOp = seconds / Double(count)
        print("\(name) \(argument): \(count) operations, \(String(format: "%.3f", perOp * 1e6)) µs each, "
              + "\(String(format: "%.0f", 1 / perOp)) ops/s")
    }
}
