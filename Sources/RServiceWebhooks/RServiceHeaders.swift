public import Foundation
public import WebhookCore

/// The links of an HTTP `Link` header (RFC 8288) as R-Service sends them: pagination links on API responses
/// (`first`, `prev`, `next`, `last`) and record links on webhook deliveries (`canonical`, `resource`, `related`).
public struct RServiceLinks: Sendable, Equatable {
    /// One link: its target and its relation types (lower case).
    public struct Link: Sendable, Equatable {
        /// The target URL, as sent between `<` and `>`.
        public var url: String
        /// The relation types of `rel`, lower case (one `rel` can name several, separated by spaces).
        public var relations: [String]

        /// Creates a link.
        public init(url: String, relations: [String]) {
            self.url = url
            self.relations = relations
        }
    }

    /// Every link, in header order (over all `Link` fields).
    public var links: [Link]

    /// Creates a link list.
    public init(links: [Link]) {
        self.links = links
    }

    /// Parses every `Link` field of the headers; malformed entries are skipped.
    public init(headers: WebhookHeaders) {
        links = headers.values("Link").flatMap(Self.parse)
    }

    /// Parses every `Link` field of the name-value pairs (names compared case-insensitively).
    public init(headers: [(String, String)]) {
        self.init(headers: WebhookHeaders(headers))
    }

    /// The URL of the first link with that relation type (compared case-insensitively), or `nil`.
    public func url(rel: String) -> String? {
        let wanted = rel.lowercased()
        return links.first { $0.relations.contains(wanted) }?.url
    }

    /// The record in the web UI (`rel="canonical"`), on deliveries.
    public var canonical: String? { url(rel: "canonical") }
    /// The record in the REST API (`rel="resource"`), on deliveries.
    public var resource: String? { url(rel: "resource") }
    /// A related record in the REST API, e.g. the added note (`rel="related"`), on deliveries.
    public var related: String? { url(rel: "related") }

    /// Parses one `Link` field value: `<url>; rel="next", <url>; rel="last"`.
    static func parse(_ value: String) -> [Link] {
        let bytes = Array(value.utf8)
        var links: [Link] = []
        var index = 0
        func skipSpaces() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        }
        while index < bytes.count {
            skipSpaces()
            if index < bytes.count, bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "<"),
                let close = bytes[index...].firstIndex(of: UInt8(ascii: ">"))
            else {
                // Not a link: skip to the next top-level comma.
                while index < bytes.count, bytes[index] != UInt8(ascii: ",") { index += 1 }
                continue
            }
            let url = String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
            index = close + 1
            var relations: [String] = []
            // Parameters up to the next comma outside quotes.
            var parameterStart = index
            var inQuotes = false
            var parameters: [String] = []
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    inQuotes.toggle()
                } else if !inQuotes, byte == UInt8(ascii: ";") || byte == UInt8(ascii: ",") {
                    parameters.append(String(decoding: bytes[parameterStart..<index], as: UTF8.self))
                    parameterStart = index + 1
                    if byte == UInt8(ascii: ",") { break }
                }
                index += 1
            }
            if index >= bytes.count {
                parameters.append(String(decoding: bytes[min(parameterStart, bytes.count)...], as: UTF8.self))
            } else {
                index += 1
            }
            for parameter in parameters {
                let parts = parameter.split(separator: "=", maxSplits: 1)
                guard parts.count == 2,
                    parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "rel"
                else { continue }
                var rel = parts[1].trimmingCharacters(in: .whitespaces)
                if rel.hasPrefix("\""), rel.hasSuffix("\""), rel.count >= 2 {
                    rel = String(rel.dropFirst().dropLast())
                }
                relations += rel.lowercased().split(separator: " ").map(String.init)
            }
            links.append(Link(url: url, relations: relations))
        }
        return links
    }
}

/// The pagination headers of an R-Service list response: `X-Pagination-Per-Page`, `-Current-Page`,
/// `-Total-Pages`, `-Total-Entries`, `X-Pagination-Throttled` and the `Link` relations `first`, `prev`, `next`
/// and `last`.
///
/// The newer, cursor-based pagination sends no `last` link and may send no page counts: fields are `nil` when
/// their header is absent or not a number. Follow ``next`` until it is `nil`.
public struct RServicePagination: Sendable, Equatable {
    /// Records per page (`X-Pagination-Per-Page`).
    public var perPage: Int?
    /// The current page number (`X-Pagination-Current-Page`).
    public var currentPage: Int?
    /// The number of pages (`X-Pagination-Total-Pages`).
    public var totalPages: Int?
    /// The number of records (`X-Pagination-Total-Entries`).
    public var totalEntries: Int?
    /// Whether the vendor throttled the listing (`X-Pagination-Throttled: true`, above 100,000 records).
    public var isThrottled: Bool
    /// The first page (`rel="first"`).
    public var first: String?
    /// The previous page (`rel="prev"`).
    public var previous: String?
    /// The next page (`rel="next"`).
    public var next: String?
    /// The last page (`rel="last"`).
    public var last: String?

    /// Creates pagination information.
    public init(
        perPage: Int? = nil,
        currentPage: Int? = nil,
        totalPages: Int? = nil,
        totalEntries: Int? = nil,
        isThrottled: Bool = false,
        first: String? = nil,
        previous: String? = nil,
        next: String? = nil,
        last: String? = nil
    ) {
        self.perPage = perPage
        self.currentPage = currentPage
        self.totalPages = totalPages
        self.totalEntries = totalEntries
        self.isThrottled = isThrottled
        self.first = first
        self.previous = previous
        self.next = next
        self.last = last
    }

    /// Reads the pagination headers (names compared case-insensitively).
    public init(headers: WebhookHeaders) {
        func integer(_ name: String) -> Int? {
            headers[name].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        }
        let links = RServiceLinks(headers: headers)
        self.init(
            perPage: integer("X-Pagination-Per-Page"),
            currentPage: integer("X-Pagination-Current-Page"),
            totalPages: integer("X-Pagination-Total-Pages"),
            totalEntries: integer("X-Pagination-Total-Entries"),
            isThrottled: headers["X-Pagination-Throttled"]?.trimmingCharacters(in: .whitespaces).lowercased()
                == "true",
            first: links.url(rel: "first"),
            previous: links.url(rel: "prev"),
            next: links.url(rel: "next"),
            last: links.url(rel: "last")
        )
    }

    /// Reads the pagination headers from name-value pairs (names compared case-insensitively).
    public init(headers: [(String, String)]) {
        self.init(headers: WebhookHeaders(headers))
    }
}

/// The rate-limit headers of an R-Service API response: `X-RateLimit-Limit`, `-Remaining`, `-Reset` and, on
/// 429 responses, `Retry-After`.
public struct RServiceRateLimit: Sendable, Equatable {
    /// Requests allowed per window (`X-RateLimit-Limit`, e.g. 3600).
    public var limit: Int?
    /// Requests left in the window (`X-RateLimit-Remaining`).
    public var remaining: Int?
    /// When the window resets, in UTC seconds since 1970 (`X-RateLimit-Reset`).
    public var resetEpochSeconds: Int64?
    /// Seconds to wait before retrying (`Retry-After`); `nil` when absent or given as an HTTP date.
    public var retryAfterSeconds: Int?

    /// Creates rate-limit information.
    public init(
        limit: Int? = nil,
        remaining: Int? = nil,
        resetEpochSeconds: Int64? = nil,
        retryAfterSeconds: Int? = nil
    ) {
        self.limit = limit
        self.remaining = remaining
        self.resetEpochSeconds = resetEpochSeconds
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// Reads the rate-limit headers (names compared case-insensitively).
    public init(headers: WebhookHeaders) {
        func text(_ name: String) -> String? {
            headers[name]?.trimmingCharacters(in: .whitespaces)
        }
        self.init(
            limit: text("X-RateLimit-Limit").flatMap { Int($0) },
            remaining: text("X-RateLimit-Remaining").flatMap { Int($0) },
            resetEpochSeconds: text("X-RateLimit-Reset").flatMap { Int64($0) },
            retryAfterSeconds: text("Retry-After").flatMap { Int($0) }
        )
    }

    /// Reads the rate-limit headers from name-value pairs (names compared case-insensitively).
    public init(headers: [(String, String)]) {
        self.init(headers: WebhookHeaders(headers))
    }

    /// When the window resets, as a date.
    public var resetDate: Date? {
        resetEpochSeconds.map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }
}
