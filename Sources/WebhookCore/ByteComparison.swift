extension String {
    /// Whether both strings hold exactly the same UTF-8 bytes.
    ///
    /// Swift's `==` compares by canonical equivalence (`"K"` equals the Kelvin sign `"\u{212A}"`, NFC equals NFD),
    /// which is right for text and wrong for anything that decides trust: issuers, audiences, key ids, hosts,
    /// tenant keys. Those compare with this.
    package func hasSameBytes(as other: String) -> Bool {
        utf8.elementsEqual(other.utf8)
    }
}

extension Optional where Wrapped == String {
    /// Whether both are `nil`, or both hold exactly the same UTF-8 bytes.
    package func hasSameBytes(as other: String?) -> Bool {
        switch (self, other) {
        case (nil, nil): true
        case (let left?, let right?): left.hasSameBytes(as: right)
        default: false
        }
    }
}
