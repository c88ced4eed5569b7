import Crypto
import CryptoExtras
import Foundation

/// The tokens every JWT benchmark verifies, made here with swift-crypto, so that neither side verifies its own
/// signer's output: header `{"alg":…,"typ":"JWT","kid":"bench-key-1"}`, a Confluence Connect claims set valid for an
/// hour (see ``BenchmarkInputs/jwtClaims(now:)``).
public struct BenchmarkTokens: Sendable {
    /// The algorithms of the benchmarks, in report order.
    public enum Algorithm: String, CaseIterable, Sendable {
        case hs256 = "HS256"
        case rs256 = "RS256"
        case es256 = "ES256"
    }

    public let hs256: String
    public let rs256: String
    public let es256: String
    /// SubjectPublicKeyInfo PEM of the RSA-2048 key that signed `rs256`.
    public let rsaPublicKeyPEM: String
    /// SubjectPublicKeyInfo PEM of the P-256 key that signed `es256`.
    public let ecPublicKeyPEM: String

    public func token(_ algorithm: Algorithm) -> String {
        switch algorithm {
        case .hs256: hs256
        case .rs256: rs256
        case .es256: es256
        }
    }

    public static func make() -> BenchmarkTokens {
        let claims = BenchmarkInputs.jwtClaims()
        let hmacKey = SymmetricKey(data: Array(BenchmarkInputs.jwtSharedSecret.utf8))
        let rsaKey = try! _RSA.Signing.PrivateKey(pemRepresentation: benchmarkRSAPrivateKeyPEM)
        let ecKey = try! P256.Signing.PrivateKey(pemRepresentation: benchmarkECPrivateKeyPEM)

        let hs256 = compact("HS256", claims) { input in
            Array(HMAC<SHA256>.authenticationCode(for: input, using: hmacKey))
        }
        let rs256 = compact("RS256", claims) { input in
            Array(try! rsaKey.signature(for: input, padding: .insecurePKCS1v1_5).rawRepresentation)
        }
        let es256 = compact("ES256", claims) { input in
            Array(try! ecKey.signature(for: input).rawRepresentation)
        }
        return BenchmarkTokens(
            hs256: hs256,
            rs256: rs256,
            es256: es256,
            rsaPublicKeyPEM: rsaKey.publicKey.pemRepresentation,
            ecPublicKeyPEM: ecKey.publicKey.pemRepresentation
        )
    }

    private static func compact(_ alg: String, _ claims: [UInt8], sign: (Data) -> [UInt8]) -> String {
        let header = #"{"alg":"\#(alg)","typ":"JWT","kid":"\#(BenchmarkInputs.jwtKeyID)"}"#
        let signingInput = base64URL(Array(header.utf8)) + "." + base64URL(claims)
        return signingInput + "." + base64URL(sign(Data(signingInput.utf8)))
    }

    public static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
