import Foundation
import Testing
import WebhookCrypto

@Suite("HMAC")
struct HMACTests {
    struct KnownAnswer: Sendable, CustomStringConvertible {
        var name: String
        var key: [UInt8]
        var data: [UInt8]
        var sha256: String
        var sha384: String
        var sha512: String
        /// RFC 4231 case 5 gives only the first 128 bits of each MAC.
        var truncatedTo: Int?
        var description: String { name }
    }

    /// RFC 4231 section 4, test cases 1-7.
    static let rfc4231: [KnownAnswer] = [
        KnownAnswer(
            name: "RFC 4231 case 1",
            key: [UInt8](repeating: 0x0B, count: 20),
            data: Array("Hi There".utf8),
            sha256: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
            sha384: "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59c"
                + "faea9ea9076ede7f4af152e8b2fa9cb6",
            sha512: "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
                + "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854",
            truncatedTo: nil
        ),
        KnownAnswer(
            name: "RFC 4231 case 2",
            key: Array("Jefe".utf8),
            data: Array("what do ya want for nothing?".utf8),
            sha256: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            sha384: "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e"
                + "8e2240ca5e69e2c78b3239ecfab21649",
            sha512: "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
                + "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737",
            truncatedTo: nil
        ),
        KnownAnswer(
            name: "RFC 4231 case 3",
            key: [UInt8](repeating: 0xAA, count: 20),
            data: [UInt8](repeating: 0xDD, count: 50),
            sha256: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
            sha384: "88062608d3e6ad8a0aa2ace014c8a86f0aa635d947ac9febe83ef4e55966144b"
                + "2a5ab39dc13814b94e3ab6e101a34f27",
            sha512: "fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39"
                + "bf3e848279a722c806b485a47e67c807b946a337bee8942674278859e13292fb",
            truncatedTo: nil
        ),
        KnownAnswer(
            name: "RFC 4231 case 4",
            key: Array(1...25),
            data: [UInt8](repeating: 0xCD, count: 50),
            sha256: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
            sha384: "3e8a69b7783c25851933ab6290af6ca77a9981480850009cc5577c6e1f573b4e"
                + "6801dd23c4a7d679ccf8a386c674cffb",
            sha512: "b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3db"
                + "a91ca5c11aa25eb4d679275cc5788063a5f19741120c4f2de2adebeb10a298dd",
            truncatedTo: nil
        ),
        KnownAnswer(
            name: "RFC 4231 case 5 (truncated to 128 bits)",
            key: [UInt8](repeating: 0x0C, count: 20),
            data: Array("Test With Truncation".utf8),
            sha256: "a3b6167473100ee06e0c796c2955552b",
            sha384: "3abf34c3503b2a23a46efc619baef897",
            sha512: "415fad6271580a531d4179bc891d87a6",
            truncatedTo: 16
        ),
        KnownAnswer(
            name: "RFC 4231 case 6",
            key: [UInt8](repeating: 0xAA, count: 131),
            data: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
            sha256: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
            sha384: "4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c6"
                + "0c2ef6ab4030fe8296248df163f44952",
            sha512: "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352"
                + "6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598",
            truncatedTo: nil
        ),
        KnownAnswer(
            name: "RFC 4231 case 7",
            key: [UInt8](repeating: 0xAA, count: 131),
            data: Array(
                ("This is a test using a larger than block-size key and a larger than block-size data. "
                    + "The key needs to be hashed before being used by the HMAC algorithm.").utf8
            ),
            sha256: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
            sha384: "6617178e941f020d351e2f254e8fd32c602420feb0b8fb9adccebb82461e99c5"
                + "a678cc31e799176d3860e6110c46523e",
            sha512: "e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944"
                + "b6022cac3c4982b10d5eeb55c3e4de15134676fb6de0446065c97440fa8c6a58",
            truncatedTo: nil
        ),
    ]

    /// Compares a full MAC with an expected value that may be truncated (RFC 4231 case 5).
    static func matchesTruncationAware(_ full: [UInt8], expected: [UInt8]) -> Bool {
        ConstantTime.equals(Array(full.prefix(expected.count)), expected)
    }

    @Test("RFC 4231", arguments: rfc4231)
    func rfc4231KnownAnswers(vector: KnownAnswer) {
        for (algorithm, expectedHex) in [
            (HashAlgorithm.sha256, vector.sha256), (.sha384, vector.sha384), (.sha512, vector.sha512),
        ] {
            let authenticator = HMACAuthenticator(key: WebhookSecret(vector.key), algorithm: algorithm)
            let expected = TestSupport.hex(expectedHex)
            let mac = authenticator.authenticationCode(for: vector.data)
            #expect(mac.count == algorithm.digestSize)
            #expect(Self.matchesTruncationAware(mac, expected: expected), "\(vector.name) \(algorithm)")
            if let truncated = vector.truncatedTo {
                #expect(expected.count == truncated)
                // The library never accepts a truncated MAC, even a correct one.
                #expect(!authenticator.isValidAuthenticationCode(expected, for: vector.data))
                #expect(authenticator.isValidAuthenticationCode(mac, for: vector.data))
            } else {
                #expect(mac == expected)
                #expect(authenticator.isValidAuthenticationCode(expected, for: vector.data))
                #expect(authenticator.isValidAuthenticationCode(Data(expected), for: Data(vector.data)))
            }
        }
    }

    /// RFC 2202 HMAC-SHA1 cases 1, 2, 3 and 6.
    @Test(
        "RFC 2202 HMAC-SHA1",
        arguments: [
            ([UInt8](repeating: 0x0B, count: 20), Array("Hi There".utf8), "b617318655057264e28bc0b6fb378c8ef146be00"),
            (
                Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
                "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"
            ),
            (
                [UInt8](repeating: 0xAA, count: 20), [UInt8](repeating: 0xDD, count: 50),
                "125d7342b9ac11cd91a39af48aa17b4f63f175d3"
            ),
            (
                [UInt8](repeating: 0xAA, count: 80),
                Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
                "aa4ae5e15272d00e95705637ce8a3b55ed402112"
            ),
        ]
    )
    func rfc2202KnownAnswers(key: [UInt8], data: [UInt8], expected: String) {
        let authenticator = HMACAuthenticator(key: WebhookSecret(key), algorithm: .sha1)
        #expect(Hex.encode(authenticator.authenticationCode(for: data)) == expected)
        #expect(authenticator.isValidAuthenticationCode(TestSupport.hex(expected), for: data))
        #expect(authenticator.algorithm == .sha1)
    }

    @Test("parts equal the concatenation")
    func parts() {
        let authenticator = HMACAuthenticator(key: WebhookSecret(utf8: "secret"), algorithm: .sha256)
        let url = Array("https://example.com/hook?x=1".utf8)
        let body = Array(#"{"event":"x"}"#.utf8)
        let whole = authenticator.authenticationCode(for: url + body)
        #expect(authenticator.authenticationCode(forParts: [url, body]) == whole)
        #expect(authenticator.authenticationCode(forParts: [url, [], body]) == whole)
        #expect(authenticator.isValidAuthenticationCode(whole, forParts: [url, body]))
        #expect(!authenticator.isValidAuthenticationCode(whole, forParts: [body, url]))
        #expect(!authenticator.isValidAuthenticationCode(Array(whole.prefix(16)), forParts: [url, body]))
    }

    @Test("wrong MAC, wrong length, empty MAC are rejected")
    func rejections() {
        let authenticator = HMACAuthenticator(key: WebhookSecret(utf8: "secret"), algorithm: .sha256)
        let message = Array("message".utf8)
        var mac = authenticator.authenticationCode(for: message)
        #expect(!authenticator.isValidAuthenticationCode([UInt8](), for: message))
        #expect(!authenticator.isValidAuthenticationCode(mac + [0], for: message))
        mac[31] ^= 1
        #expect(!authenticator.isValidAuthenticationCode(mac, for: message))
    }

    @Test("key description never shows the bytes")
    func keyDescription() {
        let key = WebhookSecret(utf8: "super-secret-value")
        #expect(!key.description.contains("super"))
        #expect(!String(reflecting: key).contains("super"))
        var dumped = ""
        dump(key, to: &dumped)
        #expect(!dumped.contains("super"))
        #expect(key.count == 18)
    }

    @Test("constant-time equality")
    func constantTime() {
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
        #expect(ConstantTime.equals([UInt8](), Data()))
        #expect(ConstantTime.equals(Data([9, 8]), [UInt8]([9, 8])))
    }

    @Test("one authenticator used from many tasks at once")
    func concurrency() async {
        let authenticator = HMACAuthenticator(key: WebhookSecret(utf8: "shared"), algorithm: .sha256)
        let messages = (0..<64).map { Array("message \($0)".utf8) }
        let expected = messages.map { authenticator.authenticationCode(for: $0) }
        let failures = await withTaskGroup(of: Int.self) { group in
            for task in 0..<16 {
                group.addTask {
                    var failures = 0
                    for round in 0..<200 {
                        let index = (task * 7 + round) % messages.count
                        if authenticator.authenticationCode(for: messages[index]) != expected[index] { failures += 1 }
                        if !authenticator.isValidAuthenticationCode(expected[index], for: messages[index]) {
                            failures += 1
                        }
                    }
                    return failures
                }
            }
            return await group.reduce(0, +)
        }
        #expect(failures == 0)
    }
}
