import Testing
import WebhookCrypto

@Suite("Digests")
struct DigestTests {
    @Test("SHA-256 of abc")
    func sha256OfABC() {
        #expect(
            Hex.encode(Digest.hash(Array("abc".utf8), using: .sha256))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        )
    }
}
