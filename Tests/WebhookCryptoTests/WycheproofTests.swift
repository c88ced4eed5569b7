import Foundation
import Testing
import WebhookCrypto

/// Runs every case of every Wycheproof file in `../shared/test-vectors/wycheproof/`.
///
/// `acceptable` cases (in these files: RSA PKCS#1 v1.5 signatures whose DigestInfo omits the NULL parameter)
/// are expected to be REJECTED: the library accepts only the one DER encoding RFC 8017 specifies.
/// A missing file fails the test (it is never skipped).
@Suite("Wycheproof")
struct WycheproofTests {
    struct MACFile: Decodable {
        var numberOfTests: Int
        var testGroups: [MACGroup]
    }

    struct MACGroup: Decodable {
        var keySize: Int
        var tagSize: Int
        var tests: [MACCase]
    }

    struct MACCase: Decodable {
        var tcId: Int
        var key: String
        var msg: String
        var tag: String
        var result: String
    }

    struct SignatureFile: Decodable {
        var numberOfTests: Int
        var testGroups: [SignatureGroup]
    }

    struct SignatureGroup: Decodable {
        var publicKeyDer: String
        var tests: [SignatureCase]
    }

    struct SignatureCase: Decodable {
        var tcId: Int
        var msg: String
        var sig: String
        var result: String
    }

    static func load<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
        let url = TestSupport.wycheproofDirectory.appendingPathComponent(name)
        let data = try Data(contentsOf: url)
        return try JSONDecoder().decode(type, from: data)
    }

    static let macFiles: [(String, HashAlgorithm)] = [
        ("hmac_sha1_test.json", .sha1),
        ("hmac_sha256_test.json", .sha256),
        ("hmac_sha384_test.json", .sha384),
        ("hmac_sha512_test.json", .sha512),
    ]

    @Test("HMAC files", arguments: macFiles)
    func hmac(file: String, algorithm: HashAlgorithm) throws {
        let vectors = try Self.load(file, as: MACFile.self)
        var count = 0
        for group in vectors.testGroups {
            let tagBytes = group.tagSize / 8
            for test in group.tests {
                count += 1
                let authenticator = HMACAuthenticator(
                    key: WebhookSecret(TestSupport.hex(test.key)),
                    algorithm: algorithm
                )
                let message = TestSupport.hex(test.msg)
                let tag = TestSupport.hex(test.tag)
                let full = authenticator.authenticationCode(for: message)
                #expect(full.count == algorithm.digestSize)
                // Truncation-aware comparison in the test: the library itself only accepts full-length MACs.
                let matches = ConstantTime.equals(Array(full.prefix(tagBytes)), tag)
                let libraryAccepts = authenticator.isValidAuthenticationCode(tag, for: message)
                switch test.result {
                case "valid":
                    #expect(matches, "\(file) tcId \(test.tcId)")
                    #expect(libraryAccepts == (tagBytes == algorithm.digestSize), "\(file) tcId \(test.tcId)")
                case "invalid":
                    #expect(!matches, "\(file) tcId \(test.tcId)")
                    #expect(!libraryAccepts, "\(file) tcId \(test.tcId)")
                default:
                    Issue.record("\(file) tcId \(test.tcId): unexpected result \(test.result)")
                }
            }
        }
        print("wycheproof \(file): \(count) cases")
        #expect(count == vectors.numberOfTests)
    }

    static let signatureFiles: [(String, JWSAlgorithm)] = [
        ("rsa_signature_2048_sha256_test.json", .rs256),
        ("rsa_signature_2048_sha384_test.json", .rs384),
        ("rsa_signature_2048_sha512_test.json", .rs512),
        ("rsa_signature_3072_sha256_test.json", .rs256),
        ("rsa_signature_4096_sha512_test.json", .rs512),
        ("rsa_pss_2048_sha256_mgf1_32_test.json", .ps256),
        ("ecdsa_secp256r1_sha256_p1363_test.json", .es256),
        ("ecdsa_secp384r1_sha384_p1363_test.json", .es384),
        ("ecdsa_secp521r1_sha512_p1363_test.json", .es512),
    ]

    @Test("signature files", arguments: signatureFiles)
    func signatures(file: String, algorithm: JWSAlgorithm) throws {
        let vectors = try Self.load(file, as: SignatureFile.self)
        var count = 0
        var acceptableCount = 0
        for group in vectors.testGroups {
            let key = try WebhookPublicKey(der: TestSupport.hex(group.publicKeyDer))
            for test in group.tests {
                count += 1
                let accepted: Bool
                do {
                    accepted = try key.isValidSignature(
                        TestSupport.hex(test.sig),
                        for: TestSupport.hex(test.msg),
                        algorithm: algorithm
                    )
                } catch {
                    Issue.record("\(file) tcId \(test.tcId): unexpected error \(error)")
                    continue
                }
                switch test.result {
                case "valid":
                    #expect(accepted, "\(file) tcId \(test.tcId) must verify")
                case "invalid":
                    #expect(!accepted, "\(file) tcId \(test.tcId) must be rejected")
                case "acceptable":
                    // Decision: reject (see Docs/Crypto.md).
                    acceptableCount += 1
                    #expect(!accepted, "\(file) tcId \(test.tcId) (acceptable) is rejected by policy")
                default:
                    Issue.record("\(file) tcId \(test.tcId): unexpected result \(test.result)")
                }
            }
        }
        print(
            "wycheproof \(file): \(count) cases (\(acceptableCount) acceptable, rejected)"
        )
        #expect(count == vectors.numberOfTests)
    }
}
