public import Foundation

/// The registered JWT claim names (RFC 7519 section 4.1).
public enum RegisteredClaim: String, Hashable, Sendable, CaseIterable {
    case iss, sub, aud, exp, nbf, iat, jti

    var bit: UInt8 {
        switch self {
        case .iss: 1
        case .sub: 2
        case .aud: 4
        case .exp: 8
        case .nbf: 16
        case .iat: 32
        case .jti: 64
        }
    }
}

/// How ``JWTVerifier`` checks claims and limits input.
public struct JWTValidationOptions: Sendable {
    /// Seconds of clock skew allowed for `exp`, `nbf` and `iat` (default 60). It must be finite and at least 0:
    /// otherwise every verification fails with ``WebhookCryptoError/Code/invalidConfiguration``.
    public var leeway: Double
    /// Claims that must be present (default none).
    public var requiredClaims: Set<RegisteredClaim>
    /// Accepted issuers; nil means `iss` is not checked. Otherwise `iss` must be present and equal one of them.
    public var issuers: [String]?
    /// Accepted audiences; nil means `aud` is not checked. Otherwise `aud` must be present and contain one of them.
    public var audiences: [String]?
    /// The current time in UNIX seconds. A verification at which it returns NaN or an infinity fails with
    /// ``WebhookCryptoError/Code/invalidConfiguration``.
    public var clock: @Sendable () -> Double
    /// The largest accepted token in bytes (default 16 384); larger tokens fail before any parsing.
    public var maximumTokenSize: Int

    /// Creates options.
    /// - Parameters:
    ///   - leeway: Seconds of clock skew allowed (default 60); finite and at least 0.
    ///   - requiredClaims: Claims that must be present.
    ///   - issuers: Accepted issuers, or nil to not check `iss`.
    ///   - audiences: Accepted audiences, or nil to not check `aud`.
    ///   - maximumTokenSize: The largest accepted token in bytes.
    ///   - clock: The current time in UNIX seconds (default: the system clock).
    public init(
        leeway: Double = 60,
        requiredClaims: Set<RegisteredClaim> = [],
        issuers: [String]? = nil,
        audiences: [String]? = nil,
        maximumTokenSize: Int = 16_384,
        clock: @escaping @Sendable () -> Double = { JWTValidationOptions.systemNow }
    ) {
        self.leeway = leeway
        self.requiredClaims = requiredClaims
        self.issuers = issuers
        self.audiences = audiences
        self.maximumTokenSize = maximumTokenSize
        self.clock = clock
    }

    /// The system clock in UNIX seconds.
    public static var systemNow: Double { Date().timeIntervalSince1970 }
}

/// The JOSE header members this library reads.
public struct JOSEHeader: Sendable, Equatable {
    /// `alg`, as sent.
    public var algorithm: String
    /// `kid`, if present.
    public var keyID: String?
    /// `typ`, if present.
    public var type: String?
    /// `crit`, if present. (Any entry makes verification fail: this library understands no extension.)
    public var critical: [String]?

    /// Creates a header value.
    public init(algorithm: String, keyID: String? = nil, type: String? = nil, critical: [String]? = nil) {
        self.algorithm = algorithm
        self.keyID = keyID
        self.type = type
        self.critical = critical
    }
}

/// The registered claims of a token. Vendor claims are in the payload bytes.
public struct JWTClaims: Sendable, Equatable {
    /// `iss`.
    public var issuer: String?
    /// `sub`.
    public var subject: String?
    /// `aud`, always as a list (a single string becomes one element).
    public var audience: [String]?
    /// `exp` in UNIX seconds.
    public var expiresAt: Double?
    /// `nbf` in UNIX seconds.
    public var notBefore: Double?
    /// `iat` in UNIX seconds.
    public var issuedAt: Double?
    /// `jti`.
    public var jwtID: String?

    /// Creates a claims value.
    public init(
        issuer: String? = nil,
        subject: String? = nil,
        audience: [String]? = nil,
        expiresAt: Double? = nil,
        notBefore: Double? = nil,
        issuedAt: Double? = nil,
        jwtID: String? = nil
    ) {
        self.issuer = issuer
        self.subject = subject
        self.audience = audience
        self.expiresAt = expiresAt
        self.notBefore = notBefore
        self.issuedAt = issuedAt
        self.jwtID = jwtID
    }

    func contains(_ claim: RegisteredClaim) -> Bool {
        switch claim {
        case .iss: issuer != nil
        case .sub: subject != nil
        case .aud: audience != nil
        case .exp: expiresAt != nil
        case .nbf: notBefore != nil
        case .iat: issuedAt != nil
        case .jti: jwtID != nil
        }
    }
}

/// The JOSE header members read, matched on the raw name bytes.
enum HeaderMember {
    case alg, kid, typ, crit

    init?(_ name: UnsafeBufferPointer<UInt8>) {
        switch name.count {
        case 3:
            let (a, b, c) = (name[0], name[1], name[2])
            if a == UInt8(ascii: "a"), b == UInt8(ascii: "l"), c == UInt8(ascii: "g") {
                self = .alg
            } else if a == UInt8(ascii: "k"), b == UInt8(ascii: "i"), c == UInt8(ascii: "d") {
                self = .kid
            } else if a == UInt8(ascii: "t"), b == UInt8(ascii: "y"), c == UInt8(ascii: "p") {
                self = .typ
            } else {
                return nil
            }
        case 4:
            guard name[0] == UInt8(ascii: "c"), name[1] == UInt8(ascii: "r"), name[2] == UInt8(ascii: "i"),
                name[3] == UInt8(ascii: "t")
            else { return nil }
            self = .crit
        default:
            return nil
        }
    }
}

extension RegisteredClaim {
    /// Matches a member name's raw bytes against the registered claim names (all three ASCII letters).
    init?(utf8 name: UnsafeBufferPointer<UInt8>) {
        guard name.count == 3 else { return nil }
        let key = UInt32(name[0]) << 16 | UInt32(name[1]) << 8 | UInt32(name[2])
        func code(_ text: StaticString) -> UInt32 {
            let p = text.utf8Start
            return UInt32(p[0]) << 16 | UInt32(p[1]) << 8 | UInt32(p[2])
        }
        switch key {
        case code("iss"): self = .iss
        case code("sub"): self = .sub
        case code("aud"): self = .aud
        case code("exp"): self = .exp
        case code("nbf"): self = .nbf
        case code("iat"): self = .iat
        case code("jti"): self = .jti
        default: return nil
        }
    }
}

/// A compact JWS split and decoded, before any key is involved.
struct ParsedJWT: Sendable {
    var header: JOSEHeader
    var payload: [UInt8]
    var signature: [UInt8]
    /// The claims, or the `.invalidClaim` error found while reading them (reported only after the signature).
    var claims: Result<JWTClaims, WebhookCryptoError>
    /// The length of `header.payload`, the signing input, at the start of the token.
    var signingInputLength: Int

    private static func malformed(_ reason: String) -> WebhookCryptoError {
        WebhookCryptoError(.malformedToken, reason)
    }

    /// Splits and decodes a token: exactly three segments, strict Base64URL, header and claims JSON objects.
    static func parse(_ token: UnsafeBufferPointer<UInt8>) throws(WebhookCryptoError) -> ParsedJWT {
        var firstDot = -1
        var secondDot = -1
        for index in token.indices where token[index] == UInt8(ascii: ".") {
            if firstDot < 0 {
                firstDot = index
            } else if secondDot < 0 {
                secondDot = index
            } else {
                throw malformed("token has more than three segments")
            }
        }
        guard secondDot >= 0 else { throw malformed("token has fewer than three segments") }
        let headerText = UnsafeBufferPointer(rebasing: token[0..<firstDot])
        let payloadText = UnsafeBufferPointer(rebasing: token[(firstDot + 1)..<secondDot])
        let signatureText = UnsafeBufferPointer(rebasing: token[(secondDot + 1)...])
        guard let headerCount = Base64Codec.unpaddedDecodedCount(headerText.count),
            let payload = Base64Codec.decodeUnpaddedURLArray(payloadText),
            let signature = Base64Codec.decodeUnpaddedURLArray(signatureText)
        else { throw malformed("token segment is not strict Base64URL") }
        // The header is only read here: decode it into a temporary (stack) buffer.
        let header = try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(headerCount, 1)) {
            buffer throws(WebhookCryptoError) -> JOSEHeader in
            let headerJSON = UnsafeMutableBufferPointer(rebasing: buffer[0..<headerCount])
            guard Base64Codec.decodeUnpaddedURL(headerText, into: headerJSON) else {
                throw malformed("token segment is not strict Base64URL")
            }
            return try parseHeader(UnsafeBufferPointer(headerJSON))
        }
        let claims = try payload.withUnsafeBufferPointer { buffer throws(WebhookCryptoError) in
            try parseClaims(buffer)
        }
        return ParsedJWT(
            header: header,
            payload: payload,
            signature: signature,
            claims: claims,
            signingInputLength: secondDot
        )
    }

    private static func parseHeader(_ json: UnsafeBufferPointer<UInt8>) throws(WebhookCryptoError) -> JOSEHeader {
        var algorithm: String?
        var keyID: String?
        var type: String?
        var critical: [String]?
        var seen: UInt8 = 0
        var scanner = JSONScanner(json)
        do {
            guard try scanner.peekKind() == .object else { throw JSONSyntaxError() }
            try scanner.parseObjectRaw { scanner, name throws(JSONSyntaxError) in
                let bit: UInt8
                switch HeaderMember(name) {
                case .alg: bit = 1
                case .kid: bit = 2
                case .typ: bit = 4
                case .crit: bit = 8
                case nil:
                    try scanner.skipValue()
                    return
                }
                guard seen & bit == 0 else { throw JSONSyntaxError() }
                seen |= bit
                if bit == 8 {
                    guard try scanner.peekKind() == .array else { throw JSONSyntaxError() }
                    var entries: [String] = []
                    try scanner.parseArray { scanner throws(JSONSyntaxError) in
                        guard try scanner.peekKind() == .string else { throw JSONSyntaxError() }
                        entries.append(try scanner.parseString())
                    }
                    critical = entries
                    return
                }
                guard try scanner.peekKind() == .string else { throw JSONSyntaxError() }
                let value = try scanner.parseString()
                switch bit {
                case 1: algorithm = value
                case 2: keyID = value
                default: type = value
                }
            }
            try scanner.expectEnd()
        } catch {
            throw malformed("JOSE header is not a valid JSON object (alg, kid, typ strings; crit an array of strings)")
        }
        guard let algorithm else { throw malformed("JOSE header has no alg") }
        return JOSEHeader(algorithm: algorithm, keyID: keyID, type: type, critical: critical)
    }

    private static func parseClaims(
        _ json: UnsafeBufferPointer<UInt8>
    ) throws(WebhookCryptoError) -> Result<JWTClaims, WebhookCryptoError> {
        var claims = JWTClaims()
        var invalid: RegisteredClaim?
        var seen: UInt8 = 0
        var scanner = JSONScanner(json)
        do {
            guard try scanner.peekKind() == .object else { throw JSONSyntaxError() }
            try scanner.parseObjectRaw { scanner, name throws(JSONSyntaxError) in
                guard let claim = RegisteredClaim(utf8: name) else {
                    try scanner.skipValue()
                    return
                }
                let bit = claim.bit
                guard seen & bit == 0 else { throw JSONSyntaxError() }
                seen |= bit
                let kind = try scanner.peekKind()
                switch claim {
                case .sub where kind == .number:
                    // HipChat's user ids are numbers and the JSON type of its `sub` is unconfirmed:
                    // an integral `sub` is read as its decimal text; any other number is invalid.
                    let value = try scanner.parseNumber()
                    if value.isFinite, value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
                        claims.subject = String(Int64(value))
                    } else {
                        invalid = invalid ?? claim
                    }
                case .iss, .sub, .jti:
                    guard kind == .string else {
                        try scanner.skipValue()
                        invalid = invalid ?? claim
                        return
                    }
                    let value = try scanner.parseString()
                    switch claim {
                    case .iss: claims.issuer = value
                    case .sub: claims.subject = value
                    default: claims.jwtID = value
                    }
                case .aud:
                    if kind == .string {
                        claims.audience = [try scanner.parseString()]
                    } else if kind == .array {
                        var audience: [String] = []
                        var allStrings = true
                        try scanner.parseArray { scanner throws(JSONSyntaxError) in
                            if try scanner.peekKind() == .string {
                                audience.append(try scanner.parseString())
                            } else {
                                allStrings = false
                                try scanner.skipValue()
                            }
                        }
                        if allStrings {
                            claims.audience = audience
                        } else {
                            invalid = invalid ?? claim
                        }
                    } else {
                        try scanner.skipValue()
                        invalid = invalid ?? claim
                    }
                case .exp, .nbf, .iat:
                    guard kind == .number else {
                        try scanner.skipValue()
                        invalid = invalid ?? claim
                        return
                    }
                    let value = try scanner.parseNumber()
                    guard value.isFinite else {
                        invalid = invalid ?? claim
                        return
                    }
                    switch claim {
                    case .exp: claims.expiresAt = value
                    case .nbf: claims.notBefore = value
                    default: claims.issuedAt = value
                    }
                }
            }
            try scanner.expectEnd()
        } catch {
            throw malformed("JWT claims are not a valid JSON object")
        }
        if let invalid {
            return .failure(WebhookCryptoError(.invalidClaim, "claim \(invalid.rawValue) has the wrong JSON type"))
        }
        return .success(claims)
    }
}

/// Runs `body` over a String's UTF-8 bytes without copying a native string.
func withUTF8Buffer<R>(
    _ string: String,
    _ body: (UnsafeBufferPointer<UInt8>) throws(WebhookCryptoError) -> R
) throws(WebhookCryptoError) -> R {
    var string = string
    let result: Result<R, WebhookCryptoError> = string.withUTF8 { buffer in
        do throws(WebhookCryptoError) { return .success(try body(buffer)) } catch { return .failure(error) }
    }
    return try result.get()
}

/// A parsed but **not verified** token.
///
/// Its claims must never be trusted. It exists so that a caller can choose the key by `iss` (or another claim)
/// before verifying it with `JWTVerifier.verify(_:)`.
public struct UnverifiedJWT: Sendable {
    let token: [UInt8]
    let parsed: ParsedJWT

    /// Parses a token without verifying it.
    /// - Parameters:
    ///   - token: The compact JWS bytes.
    ///   - maximumSize: The largest accepted token in bytes.
    /// - Throws: ``WebhookCryptoError/Code/tooLarge``, ``WebhookCryptoError/Code/malformedToken`` or
    ///   ``WebhookCryptoError/Code/invalidClaim``.
    public init(_ token: some DataProtocol, maximumSize: Int = 16_384) throws(WebhookCryptoError) {
        guard token.count <= maximumSize else {
            throw WebhookCryptoError(.tooLarge, "token is larger than \(maximumSize) bytes")
        }
        self.token = Array(token)
        self.parsed = try self.token.withUnsafeBufferPointer { buffer throws(WebhookCryptoError) in
            try ParsedJWT.parse(buffer)
        }
        _ = try parsed.claims.get()
    }

    /// Parses a token without verifying it.
    /// - Parameters:
    ///   - token: The compact JWS text.
    ///   - maximumSize: The largest accepted token in bytes.
    /// - Throws: ``WebhookCryptoError/Code/tooLarge``, ``WebhookCryptoError/Code/malformedToken`` or
    ///   ``WebhookCryptoError/Code/invalidClaim``.
    public init(_ token: String, maximumSize: Int = 16_384) throws(WebhookCryptoError) {
        try self.init(Array(token.utf8), maximumSize: maximumSize)
    }

    /// The header (not verified).
    public var header: JOSEHeader { parsed.header }

    /// The registered claims (not verified).
    public var claims: JWTClaims {
        (try? parsed.claims.get()) ?? JWTClaims()
    }

    /// The decoded claims JSON bytes (not verified).
    public var payload: [UInt8] { parsed.payload }
}

/// A token whose signature and claims have been verified.
public struct VerifiedJWT: Sendable {
    /// The header.
    public let header: JOSEHeader
    /// The registered claims.
    public let claims: JWTClaims
    /// The decoded claims JSON exactly as signed, for vendor claims (`context`, `qsh`, ...).
    public let payload: [UInt8]

    /// Decodes the payload with `JSONDecoder`.
    /// - Parameter type: The type to decode.
    /// - Returns: The decoded value.
    /// - Throws: ``WebhookCryptoError/Code/malformedToken`` when decoding fails.
    public func decodePayload<T: Decodable>(as type: T.Type) throws(WebhookCryptoError) -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(payload))
        } catch {
            throw WebhookCryptoError(.malformedToken, "payload does not decode as \(T.self)")
        }
    }

    /// Reads one top-level claim that must be a string, such as Atlassian Connect's `qsh`, with the verifier's own
    /// JSON reader: cheaper than ``decodePayload(as:)`` when one claim is all a caller needs.
    /// - Parameter name: The claim's name, matched exactly (after JSON unescaping).
    /// - Returns: The claim's value, or nil when the claim is absent or `null`.
    /// - Throws: ``WebhookCryptoError/Code/invalidClaim`` when the claim has another JSON type;
    ///   ``WebhookCryptoError/Code/malformedToken`` when the claim appears twice (or the payload does not parse).
    public func stringClaim(_ name: String) throws(WebhookCryptoError) -> String? {
        let wanted = Array(name.utf8)
        var found = false
        var value: String?
        var wrongType = false
        do {
            try payload.withUnsafeBufferPointer { json throws(JSONSyntaxError) in
                var scanner = JSONScanner(json)
                guard try scanner.peekKind() == .object else { throw JSONSyntaxError() }
                try scanner.parseObjectRaw { scanner, member throws(JSONSyntaxError) in
                    guard member.elementsEqual(wanted) else {
                        try scanner.skipValue()
                        return
                    }
                    guard !found else { throw JSONSyntaxError() }
                    found = true
                    switch try scanner.peekKind() {
                    case .string: value = try scanner.parseString()
                    case .null: try scanner.skipValue()
                    default:
                        wrongType = true
                        try scanner.skipValue()
                    }
                }
                try scanner.expectEnd()
            }
        } catch {
            throw WebhookCryptoError(.malformedToken, "payload cannot be read (or names a claim twice)")
        }
        guard !wrongType else {
            throw WebhookCryptoError(.invalidClaim, "claim \(name.prefix(32)) is not a string")
        }
        return value
    }
}

/// Verifies compact JWS/JWT tokens with a set of keys.
///
/// Order: size, structure, `alg` and `crit`, key selection, signature over the exact bytes received, claims.
/// The value is `Sendable` and may be used from many tasks at once.
public struct JWTVerifier: Sendable {
    /// The keys.
    public let keys: JWTKeySet
    /// The options.
    public let options: JWTValidationOptions

    /// Creates a verifier.
    /// - Parameters:
    ///   - keys: The keys that may verify tokens.
    ///   - options: Claim rules and limits. A leeway that is negative or not finite makes every verification fail
    ///     with ``WebhookCryptoError/Code/invalidConfiguration``.
    public init(keys: JWTKeySet, options: JWTValidationOptions = .init()) {
        self.keys = keys
        self.options = options
    }

    /// Verifies a token.
    /// - Parameter token: The compact JWS bytes.
    /// - Returns: The verified token.
    /// - Throws: ``WebhookCryptoError`` with the code of the first rule that failed.
    public func verify(_ token: some DataProtocol) throws(WebhookCryptoError) -> VerifiedJWT {
        try checkConfiguration()
        try checkSize(token.count)
        return try withContiguousBytes(token) { bytes throws(WebhookCryptoError) in
            try verify(buffer: bytes.bindMemory(to: UInt8.self))
        }
    }

    /// Verifies a token.
    /// - Parameter token: The compact JWS text.
    /// - Returns: The verified token.
    /// - Throws: ``WebhookCryptoError`` with the code of the first rule that failed.
    public func verify(_ token: String) throws(WebhookCryptoError) -> VerifiedJWT {
        try checkConfiguration()
        try checkSize(token.utf8.count)
        return try withUTF8Buffer(token) { buffer throws(WebhookCryptoError) in try verify(buffer: buffer) }
    }

    /// Verifies a token parsed earlier.
    /// - Parameter token: The unverified token.
    /// - Returns: The verified token.
    /// - Throws: ``WebhookCryptoError`` with the code of the first rule that failed.
    public func verify(_ token: UnverifiedJWT) throws(WebhookCryptoError) -> VerifiedJWT {
        try checkConfiguration()
        try checkSize(token.token.count)
        return try token.token.withUnsafeBufferPointer { buffer throws(WebhookCryptoError) in
            try verify(parsed: token.parsed, token: buffer)
        }
    }

    /// Whether `alg` is `none` in any letter case (without building a lower-cased copy).
    static func isNone(_ algorithm: String) -> Bool {
        var utf8 = algorithm.utf8.makeIterator()
        for expected in "none".utf8 {
            guard let byte = utf8.next(), byte | 0x20 == expected else { return false }
        }
        return utf8.next() == nil
    }

    /// `alg` must be one this library implements (never `none`); `crit` must not list anything.
    static func checkHeader(_ header: JOSEHeader) throws(WebhookCryptoError) -> JWSAlgorithm {
        if isNone(header.algorithm) {
            throw WebhookCryptoError(.unsupportedAlgorithm, "alg none is never accepted")
        }
        let algorithm = JWSAlgorithm(rawValue: header.algorithm)
        guard algorithm.parameters != nil else {
            throw WebhookCryptoError(.unsupportedAlgorithm, "unsupported alg \(header.algorithm.prefix(16))")
        }
        if let critical = header.critical {
            guard !critical.isEmpty else {
                throw WebhookCryptoError(.malformedToken, "crit must not be an empty list")
            }
            throw WebhookCryptoError(
                .unknownCriticalHeader,
                "crit lists \(critical.count) extension(s) this library does not understand"
            )
        }
        return algorithm
    }
}

extension JWTVerifier {
    /// Fails closed when the options cannot give a meaningful time check: a negative or non-finite leeway.
    private func checkConfiguration() throws(WebhookCryptoError) {
        guard options.leeway.isFinite, options.leeway >= 0 else {
            throw WebhookCryptoError(.invalidConfiguration, "the leeway must be a finite number of seconds, at least 0")
        }
    }

    private func checkSize(_ size: Int) throws(WebhookCryptoError) {
        guard size <= options.maximumTokenSize else {
            throw WebhookCryptoError(.tooLarge, "token is larger than \(options.maximumTokenSize) bytes")
        }
    }

    private func verify(buffer: UnsafeBufferPointer<UInt8>) throws(WebhookCryptoError) -> VerifiedJWT {
        let parsed = try ParsedJWT.parse(buffer)
        return try verify(parsed: parsed, token: buffer)
    }

    private func verify(parsed: ParsedJWT, token: UnsafeBufferPointer<UInt8>) throws(WebhookCryptoError) -> VerifiedJWT
    {
        let algorithm = try Self.checkHeader(parsed.header)
        let signingInput = UnsafeRawBufferPointer(
            rebasing: UnsafeRawBufferPointer(token)[0..<parsed.signingInputLength]
        )
        try checkSignature(parsed, signingInput: signingInput, algorithm: algorithm)
        let claims = try parsed.claims.get()
        try checkClaims(claims)
        return VerifiedJWT(header: parsed.header, claims: claims, payload: parsed.payload)
    }

    private func checkSignature(
        _ parsed: ParsedJWT,
        signingInput: UnsafeRawBufferPointer,
        algorithm: JWSAlgorithm
    ) throws(WebhookCryptoError) {
        let keyID = parsed.header.keyID
        var keyIDMatched = false
        var tried = false
        let verified = parsed.signature.withUnsafeBytes { signature in
            keys.keys.withUnsafeBufferPointer { candidates in
                for index in candidates.indices {
                    if let keyID {
                        guard candidates[index].keyID == keyID else { continue }
                        keyIDMatched = true
                    }
                    guard candidates[index].algorithmList.contains(algorithm) else { continue }
                    tried = true
                    if candidates[index].isValidSignature(signature, signingInput: signingInput, algorithm: algorithm) {
                        return true
                    }
                }
                return false
            }
        }
        if verified { return }
        if keyID != nil && !keyIDMatched {
            throw WebhookCryptoError(.unknownKeyID, "no configured key has the token's kid")
        }
        if !tried {
            throw WebhookCryptoError(.algorithmNotAllowed, "no candidate key allows alg \(algorithm.rawValue)")
        }
        throw WebhookCryptoError(.signatureMismatch, "signature does not verify")
    }

    private func checkClaims(_ claims: JWTClaims) throws(WebhookCryptoError) {
        for claim in RegisteredClaim.allCases where options.requiredClaims.contains(claim) && !claims.contains(claim) {
            throw WebhookCryptoError(.missingClaim, "required claim \(claim.rawValue) is missing")
        }
        let now = options.clock()
        let leeway = options.leeway
        // Every comparison with NaN is false, so a NaN clock would pass all three time checks; an infinite one
        // would pass or fail them all. Neither is a time.
        guard now.isFinite else {
            throw WebhookCryptoError(.invalidConfiguration, "the clock did not return a finite time")
        }
        if let expiresAt = claims.expiresAt, now >= expiresAt + leeway {
            throw WebhookCryptoError(.expired, "token expired")
        }
        if let notBefore = claims.notBefore, now + leeway < notBefore {
            throw WebhookCryptoError(.notYetValid, "token is not valid yet")
        }
        if let issuedAt = claims.issuedAt, issuedAt > now + leeway {
            throw WebhookCryptoError(.issuedInFuture, "token was issued in the future")
        }
        if let issuers = options.issuers {
            guard let issuer = claims.issuer else {
                throw WebhookCryptoError(.missingClaim, "required claim iss is missing")
            }
            guard issuers.contains(issuer) else {
                throw WebhookCryptoError(.issuerMismatch, "iss is not an accepted issuer")
            }
        }
        if let audiences = options.audiences {
            guard let audience = claims.audience else {
                throw WebhookCryptoError(.missingClaim, "required claim aud is missing")
            }
            guard audience.contains(where: audiences.contains) else {
                throw WebhookCryptoError(.audienceMismatch, "aud contains no accepted audience")
            }
        }
    }
}
