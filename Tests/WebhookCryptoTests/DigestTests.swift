import Foundation
import Testing
import WebhookCrypto

@Suite("Digests")
struct DigestTests {
    @Test(
        "known answers",
        arguments: [
            ("abc", HashAlgorithm.sha1, "a9993e364706816aba3e25717850c26c9cd0d89d"),
            ("abc", .sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abc", .sha384,
                "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"
            ),
            (
                "abc", .sha512,
                "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                    + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
            ),
            ("", .sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ]
    )
    func knownAnswers(input: String, algorithm: HashAlgorithm, expected: String) {
        let digest = Digest.hash(Array(input.utf8), using: algorithm)
        #expect(Hex.encode(digest) == expected)
        #expect(digest.count == algorithm.digestSize)
        #expect(Digest.hash(Data(input.utf8), using: algorithm) == digest)
    }

    @Test("descriptions")
    func descriptions() {
        #expect(HashAlgorithm.sha256.description == "SHA-256")
        #expect(HashAlgorithm.sha1.digestSize == 20)
        #expect(HashAlgorithm.sha384.digestSize == 48)
    }
}
