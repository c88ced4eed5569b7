public import Foundation

/// An ISO 8601 date-time as vendors send it, with or without fractional seconds (any number of digits),
/// with `Z`, a `±hh:mm`/`±hhmm` offset, or no zone at all (read as UTC).
///
/// The text is kept as it arrived, so encoding gives back the same JSON and no fraction digit is lost.
/// Examples: `2016-04-28T20:21:51.866984+00:00` (HipChat), `2019-11-12T14:53:47+00:00` (ApiTree),
/// `2021-09-14T07:39:42.016Z` (Confluence REST), `2016-03-17T16:36:11-06:00` (R-Service API).
public struct WebhookTimestamp: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The text as it arrived.
    public let rawValue: String
    /// Seconds since 1970-01-01T00:00:00Z, fraction included.
    public let secondsSince1970: Double
    /// The offset from UTC in seconds, or `nil` when the text named no zone.
    public let utcOffsetSeconds: Int?

    /// Parses a timestamp; `nil` when the text is not an ISO 8601 date-time.
    public init?(_ text: String) {
        guard let parsed = Self.parse(Array(text.utf8)) else { return nil }
        rawValue = text
        secondsSince1970 = parsed.seconds
        utcOffsetSeconds = parsed.offset
    }

    /// The instant as a `Date`.
    public var date: Date { Date(timeIntervalSince1970: secondsSince1970) }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = WebhookTimestamp(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 date-time")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Equal when the instants are equal.
    public static func == (lhs: WebhookTimestamp, rhs: WebhookTimestamp) -> Bool {
        lhs.secondsSince1970 == rhs.secondsSince1970
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(secondsSince1970)
    }

    private static func parse(_ bytes: [UInt8]) -> (seconds: Double, offset: Int?)? {
        var index = 0
        func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for _ in 0..<count {
                let byte = bytes[index]
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
                index += 1
            }
            return value
        }
        func expect(_ character: Character) -> Bool {
            guard index < bytes.count, bytes[index] == character.asciiValue else { return false }
            index += 1
            return true
        }
        guard let year = digits(4), expect("-"), let month = digits(2), expect("-"), let day = digits(2) else {
            return nil
        }
        guard index < bytes.count,
            bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: "t")
                || bytes[index] == UInt8(ascii: " ")
        else { return nil }
        index += 1
        guard let hour = digits(2), expect(":"), let minute = digits(2) else { return nil }
        var second = 0
        var fraction = 0.0
        if expect(":") {
            guard let value = digits(2) else { return nil }
            second = value
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
                index += 1
                var scale = 0.1
                var count = 0
                while index < bytes.count, bytes[index] >= 0x30 && bytes[index] <= 0x39 {
                    fraction += Double(bytes[index] - 0x30) * scale
                    scale /= 10
                    index += 1
                    count += 1
                }
                guard count > 0 else { return nil }
            }
        }
        var offset: Int?
        if index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "Z"), UInt8(ascii: "z"):
                index += 1
                offset = 0
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
                index += 1
                guard let hours = digits(2) else { return nil }
                _ = expect(":")
                guard let minutes = digits(2), hours < 24, minutes < 60 else { return nil }
                offset = sign * (hours * 3600 + minutes * 60)
            default:
                return nil
            }
        }
        guard index == bytes.count, (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60,
            second <= 60
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - (offset ?? 0)
        return (Double(seconds) + fraction, offset)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

/// A point in time sent as milliseconds since 1970 (Confluence's `timestamp`, `creationDate`).
///
/// Decodes from a JSON integer (or a string of digits) and encodes back to the same form.
public struct EpochMilliseconds: Sendable, Hashable, Codable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public let milliseconds: Int64
    private let wasString: Bool

    /// Creates a value from milliseconds.
    public init(_ milliseconds: Int64) {
        self.milliseconds = milliseconds
        wasString = false
    }

    public init(integerLiteral value: Int64) {
        self.init(value)
    }

    /// The instant as a `Date`.
    public var date: Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

    public var description: String { String(milliseconds) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Int64.self) {
            milliseconds = value
            wasString = false
        } else if let text = try? container.decode(String.self), let value = Int64(text) {
            milliseconds = value
            wasString = true
        } else {
            throw DecodingError.typeMismatch(
                EpochMilliseconds.self,
                .init(codingPath: decoder.codingPath, debugDescription: "expected epoch milliseconds")
            )
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if wasString {
            try container.encode(String(milliseconds))
        } else {
            try container.encode(milliseconds)
        }
    }

    public static func == (lhs: EpochMilliseconds, rhs: EpochMilliseconds) -> Bool {
        lhs.milliseconds == rhs.milliseconds
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(milliseconds)
    }
}
