/// Builds the vendors' delivery keys (``VerifiedWebhook/deliveryKey``): `<vendor>:<kind>:<part>[:<part>…]`.
///
/// A part is written as it is when it is 1 to ``maximumReadablePartLength`` bytes of visible ASCII without `:`;
/// otherwise the whole key becomes `<vendor>:<kind>-sha256:<hex>`, a SHA-256 over the length-prefixed parts, so
/// that keys stay short, printable and unambiguous (no two part lists give the same key).
package enum WebhookDeliveryKey {
    /// The longest part written as it is, in bytes.
    package static let maximumReadablePartLength = 128

    /// The key for `parts` under `vendor` and `kind` (both lower-case ASCII words chosen by the package).
    package static func make(vendor: String, kind: String, parts: [String]) -> String {
        if parts.allSatisfy(isReadable) {
            return ([vendor, kind] + parts).joined(separator: ":")
        }
        var message: [UInt8] = []
        for part in parts {
            message += lengthPrefix(part.utf8.count) + Array(part.utf8)
        }
        return vendor + ":" + kind + "-sha256:" + Hex.encode(Digest.hash(message, using: .sha256))
    }

    /// The key `<vendor>:sha256:<hex>` for a verified signature and the body it covers: SHA-256 over the
    /// signature's length (8 bytes, big-endian), the signature, and the body's own SHA-256.
    package static func digest(vendor: String, signature: [UInt8], body: [UInt8]) -> String {
        let message = lengthPrefix(signature.count) + signature + Digest.hash(body, using: .sha256)
        return vendor + ":sha256:" + Hex.encode(Digest.hash(message, using: .sha256))
    }

    /// A delivery id from an unsigned header, or `nil` when it is unusable: spaces and tabs around it removed,
    /// then 1 to `maximumLength` bytes of printable ASCII (`0x20`–`0x7E`).
    package static func headerID(_ value: String?, maximumLength: Int = 256) -> String? {
        guard let value else { return nil }
        var bytes = Substring(value).utf8[...]
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        guard !bytes.isEmpty, bytes.count <= maximumLength, bytes.allSatisfy({ (0x20...0x7E).contains($0) }) else {
            return nil
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isReadable(_ part: String) -> Bool {
        let bytes = part.utf8
        return !bytes.isEmpty && bytes.count <= maximumReadablePartLength
            && bytes.allSatisfy { (0x21...0x7E).contains($0) && $0 != UInt8(ascii: ":") }
    }

    private static func lengthPrefix(_ count: Int) -> [UInt8] {
        let value = UInt64(count)
        return (0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * $0)) }
    }
}
