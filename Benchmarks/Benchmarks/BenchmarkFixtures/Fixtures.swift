public import Foundation

// Inputs shared by every benchmark target and the profile tool, so that "ours" and "peer" always see the same bytes.

/// The inputs.
public enum BenchmarkInputs {
    /// The HMAC secret, as a webhook admin would type it.
    public static let hmacSecret = "It's a Secret to Everybody; rotate me every quarter"

    /// The body sizes of the HMAC benchmarks.
    public static let hmacBodySizes: [(label: String, count: Int)] = [
        ("1 KiB", 1024), ("64 KiB", 64 * 1024), ("1 MiB", 1024 * 1024),
    ]

    /// Deterministic pseudo-random bytes (a 64-bit LCG): the same body in every run and for every side.
    public static func body(count: Int) -> [UInt8] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var bytes = [UInt8]()
        bytes.reserveCapacity(count)
        for _ in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            bytes.append(UInt8(truncatingIfNeeded: state >> 56))
        }
        return bytes
    }

    /// The 759-byte Confluence `page_updated` event.
    public static let confluencePageUpdated: [UInt8] = {
        let bytes = Array(confluencePageUpdatedJSON.utf8)
        precondition(bytes.count == 759, "the Confluence event must be 759 bytes, is \(bytes.count)")
        return bytes
    }()

    /// The HS256 shared secret of the JWT benchmarks (an Atlassian Connect `sharedSecret` is of this kind).
    public static let jwtSharedSecret = "3f9a2c7e-0b1d-4e6f-9a8b-7c6d5e4f3a2b-connect-shared-secret"

    /// The key id every benchmark token carries in its header.
    public static let jwtKeyID = "bench-key-1"

    /// The claims of the benchmark tokens: a Confluence Connect webhook token's shape (`iss` = clientKey, `sub`,
    /// `iat`, `exp`, `qsh`), valid for an hour from `now`.
    public static func jwtClaims(now: Date = Date()) -> [UInt8] {
        let iat = Int(now.timeIntervalSince1970)
        let json = """
            {"iss":"c6d2c2f4-3d3a-3a8e-9d6e-1b0c2a3e4f5a","sub":"557058:d092c978-5ab7-4c8a-8d87-32ffac22c584",\
            "iat":\(iat),"exp":\(iat + 3600),\
            "qsh":"550c1ea551d291fee0264431ea3baf5439bf2b73b7fca012d12f09ca29204dc3"}
            """
        return Array(json.utf8)
    }
}

/// The Confluence page event as a plain Codable model: what a server without WebhookKit would write.
public struct PlainConfluencePageEvent: Codable, Sendable {
    public struct Page: Codable, Sendable {
        public var id: Int64
        public var idAsString: String?
        public var title: String
        public var spaceKey: String
        public var spaceId: Int64?
        public var contentType: String
        public var version: Int
        public var creatorAccountId: String
        public var lastModifierAccountId: String
        public var creationDate: Int64
        public var modificationDate: Int64
        public var `self`: String
    }

    public var userAccountId: String
    public var accountType: String
    public var updateTrigger: String?
    public var suppressNotifications: Bool?
    public var timestamp: Int64
    public var page: Page
}
