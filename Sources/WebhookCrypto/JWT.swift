package import Foundation
package import WebhookCore

/// How `JWTVerifier` checks claims and limits input.
package struct JWTValidationOptions: Sendable {
    /// Seconds of clock skew allowed for `exp`, `nbf` and `iat` (default 60). It must be finite and at least 0:
    /// otherwise every verification fails with `WebhookError.Code.invalidConfiguration`.
    package var leeway: Double
    /// Claims that must be present (default none).
    package var requiredClaims: Set<RegisteredClaim>
    /// Accepted issuers; nil means `iss` is not checked. Otherwise `iss` must be present and equal one of them.
    package var issuers: [String]?
    /// Accepted audiences; nil means `aud` is not checked. Otherwise `aud` must be present and contain one of them.
    package var audiences: [String]?
    /// The current time in UNIX seconds. A verification at which it returns NaN or an infinity fails with
    /// `WebhookError.Code.invalidConfiguration`.
    package var clock: @Sendable () -> Double
    /// The largest accepted token in bytes (default 16 384); larger tokens fail before any parsing.
    package var maximumTokenSize: Int

    /// Creates options.
    /// - Parameters:
    ///   - leeway: Seconds of clock skew allowed (default 60); finite and at least 0.
    ///   - requiredClaims: Claims that must be present.
    ///   - issuers: Accepted issuers, or nil to not check `iss`.
    ///   - audiences: Accepted audiences, or nil to not check `aud`.
    ///   - maximumTokenSize: The largest accepted token in bytes.
    ///   - clock: The current time in UNIX seconds (default: the system clock).
    package init(
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
    package static var systemNow: Double { Date().timeIntervalSince1970 }
}

/// A compact JWS split and decoded, before any key is involved.
struct ParsedJWT: Sendable {
    var header: JOSEHeader
    var payload: [UInt8]
    var signature: [UInt8]
    /// The claims, or the `.invalidClaim` error found while reading them (reported only after the signature).
    var claims: Result<JWTClaims, WebhookError>
    /// The length of `header.payload`, the signing input, at the start of the token.
    var signingInputLength: Int

    private static func malformed(_ reason: String) -> WebhookError {
        WebhookError(.malformedToken, reason)
    }

    /// Splits and decodes a token: exactly three segments, strict Base64URL, header and claims JSON objects.
    static func parse(_ token: UnsafeBufferPointer<UInt8>) throws(WebhookError) -> ParsedJWT {
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
        guard let header = Base64Codec.decodeUnpaddedURLArray(headerText),
            let payload = Base64Codec.decodeUnpaddedURLArray(payloadText),
            let signature = Base64Codec.decodeUnpaddedURLArray(signatureText)
        else { throw malformed("token segment is not strict Base64URL") }
        return ParsedJWT(
            header: try parseHeader(header),
            payload: payload,
            signature: signature,
            claims: try parseClaims(payload),
            signingInputLength: secondDot
        )
    }

    /// Reads the named top-level members of a JOSE document (header, claims): a valid JSON object within the
    /// crypto layer's depth limit, none of `names` given twice (other members may repeat, as they always could),
    /// numbers too large for a `Double` kept (as infinities) so that the claim checks can name them.
    /// - Returns: The values of the members of `names` that are present, or nil when the document is refused.
    static func readJOSE(_ json: [UInt8], members names: [String]) -> [String: JSONValue]? {
        guard
            let members = try? JSONReader.topLevelMembers(
                json,
                limits: VerifiedJWT.jsonLimits,
                rejectDuplicates: false,
                acceptsOverflowingNumbers: true
            )
        else { return nil }
        var values: [String: JSONValue] = [:]
        for member in members {
            // Names are compared as bytes; `"\u0061lg"` is `alg`, and names it twice.
            guard let name = names.first(where: { $0.utf8.elementsEqual(member.name.utf8) }) else { continue }
            guard values[name] == nil,
                let value = try? JSONReader.parse(
                    json[member.value],
                    limits: VerifiedJWT.jsonLimits,
                    acceptsOverflowingNumbers: true
                )
            else { return nil }
            values[name] = value
        }
        return values
    }

    private static func parseHeader(_ json: [UInt8]) throws(WebhookError) -> JOSEHeader {
        let malformedHeader = malformed(
            "JOSE header is not a valid JSON object (alg, kid, typ strings; crit an array of strings)"
        )
        guard let members = readJOSE(json, members: ["alg", "kid", "typ", "crit"]) else { throw malformedHeader }
        func string(_ name: String) throws(WebhookError) -> String? {
            guard let value = members[name] else { return nil }
            guard case .string(let text) = value else { throw malformedHeader }
            return text
        }
        var critical: [String]?
        if let value = members["crit"] {
            guard case .array(let entries) = value else { throw malformedHeader }
            critical = try entries.map { entry throws(WebhookError) in
                guard case .string(let text) = entry else { throw malformedHeader }
                return text
            }
        }
        let keyID = try string("kid")
        let type = try string("typ")
        guard let algorithm = try string("alg") else { throw malformed("JOSE header has no alg") }
        return JOSEHeader(algorithm: algorithm, keyID: keyID, type: type, critical: critical)
    }

    private static func parseClaims(_ json: [UInt8]) throws(WebhookError) -> Result<JWTClaims, WebhookError> {
        guard let members = readJOSE(json, members: RegisteredClaim.allCases.map(\.rawValue)) else {
            throw malformed("JWT claims are not a valid JSON object")
        }
        var claims = JWTClaims()
        var invalid: RegisteredClaim?
        for claim in RegisteredClaim.allCases {
            guard let value = members[claim.rawValue] else { continue }
            switch (claim, value) {
            case (.sub, .integer(let number)):
                // HipChat's user ids are numbers and the JSON type of its `sub` is unconfirmed:
                // an integral `sub` is read as its decimal text; any other number is invalid.
                if number.magnitude < 9_007_199_254_740_992 {
                    claims.subject = String(number)
                } else {
                    invalid = invalid ?? claim
                }
            case (.sub, .number(let number)):
                if number.isFinite, number == number.rounded(), abs(number) < 9_007_199_254_740_992 {
                    claims.subject = String(Int64(number))
                } else {
                    invalid = invalid ?? claim
                }
            case (.iss, .string(let text)): claims.issuer = text
            case (.sub, .string(let text)): claims.subject = text
            case (.jti, .string(let text)): claims.jwtID = text
            case (.aud, .string(let text)): claims.audience = [text]
            case (.aud, .array(let entries)):
                let audience = entries.compactMap(\.stringValue)
                if audience.count == entries.count {
                    claims.audience = audience
                } else {
                    invalid = invalid ?? claim
                }
            case (.exp, _), (.nbf, _), (.iat, _):
                guard let time = value.doubleValue, time.isFinite else {
                    invalid = invalid ?? claim
                    continue
                }
                switch claim {
                case .exp: claims.expiresAt = time
                case .nbf: claims.notBefore = time
                default: claims.issuedAt = time
                }
            default:
                invalid = invalid ?? claim
            }
        }
        if let invalid {
            return .failure(WebhookError(.invalidClaim, "claim \(invalid.rawValue) has the wrong JSON type"))
        }
        return .success(claims)
    }
}

/// Runs `body` over a String's UTF-8 bytes without copying a native string.
func withUTF8Buffer<R>(
    _ string: String,
    _ body: (UnsafeBufferPointer<UInt8>) throws(WebhookError) -> R
) throws(WebhookError) -> R {
    var string = string
    let result: Result<R, WebhookError> = string.withUTF8 { buffer in
        do throws(WebhookError) { return .success(try body(buffer)) } catch { return .failure(error) }
    }
    return try result.get()
}

/// A parsed but **not verified** token.
///
/// Its claims must never be trusted. It exists so that a caller can choose the key by `iss` (or another claim)
/// before verifying it with `JWTVerifier.verify(_:)`.
package struct UnverifiedJWT: Sendable {
    let token: [UInt8]
    let parsed: ParsedJWT

    /// Parses a token without verifying it.
    /// - Parameters:
    ///   - token: The compact JWS bytes.
    ///   - maximumSize: The largest accepted token in bytes.
    /// - Throws: `WebhookError.Code.tokenTooLarge`, `WebhookError.Code.malformedToken` or
    ///   `WebhookError.Code.invalidClaim`.
    package init(_ token: some DataProtocol, maximumSize: Int = 16_384) throws(WebhookError) {
        guard token.count <= maximumSize else {
            throw WebhookError(.tokenTooLarge, "token is larger than \(maximumSize) bytes")
        }
        self.token = Array(token)
        self.parsed = try self.token.withUnsafeBufferPointer { buffer throws(WebhookError) in
            try ParsedJWT.parse(buffer)
        }
        _ = try parsed.claims.get()
    }

    /// Parses a token without verifying it.
    /// - Parameters:
    ///   - token: The compact JWS text.
    ///   - maximumSize: The largest accepted token in bytes.
    /// - Throws: `WebhookError.Code.tokenTooLarge`, `WebhookError.Code.malformedToken` or
    ///   `WebhookError.Code.invalidClaim`.
    package init(_ token: String, maximumSize: Int = 16_384) throws(WebhookError) {
        try self.init(Array(token.utf8), maximumSize: maximumSize)
    }

    /// The header (not verified).
    package var header: JOSEHeader { parsed.header }

    /// The registered claims (not verified).
    package var claims: JWTClaims {
        (try? parsed.claims.get()) ?? JWTClaims()
    }

    /// The decoded claims JSON bytes (not verified).
    package var payload: [UInt8] { parsed.payload }
}

/// Verifies compact JWS/JWT tokens with a set of keys.
///
/// Order: size, structure, `alg` and `crit`, key selection, signature over the exact bytes received, claims.
/// The value is `Sendable` and may be used from many tasks at once.
package struct JWTVerifier: Sendable {
    /// The keys.
    package let keys: JWTKeySet
    /// The options.
    package let options: JWTValidationOptions

    /// Creates a verifier.
    /// - Parameters:
    ///   - keys: The keys that may verify tokens.
    ///   - options: Claim rules and limits. A leeway that is negative or not finite makes every verification fail
    ///     with `WebhookError.Code.invalidConfiguration`.
    package init(keys: JWTKeySet, options: JWTValidationOptions = .init()) {
        self.keys = keys
        self.options = options
    }

    /// Verifies a token.
    /// - Parameter token: The compact JWS bytes.
    /// - Returns: The verified token.
    /// - Throws: `WebhookError` with the code of the first rule that failed.
    package func verify(_ token: some DataProtocol) throws(WebhookError) -> VerifiedJWT {
        try checkConfiguration()
        try checkSize(token.count)
        return try withContiguousBytes(token) { bytes throws(WebhookError) in
            try verify(buffer: bytes.bindMemory(to: UInt8.self))
        }
    }

    /// Verifies a token.
    /// - Parameter token: The compact JWS text.
    /// - Returns: The verified token.
    /// - Throws: `WebhookError` with the code of the first rule that failed.
    package func verify(_ token: String) throws(WebhookError) -> VerifiedJWT {
        try checkConfiguration()
        try checkSize(token.utf8.count)
        return try withUTF8Buffer(token) { buffer throws(WebhookError) in try verify(buffer: buffer) }
    }

    /// Verifies a token parsed earlier.
    /// - Parameter token: The unverified token.
    /// - Returns: The verified token.
    /// - Throws: `WebhookError` with the code of the first rule that failed.
    package func verify(_ token: UnverifiedJWT) throws(WebhookError) -> VerifiedJWT {
        try checkConfiguration()
        try checkSize(token.token.count)
        return try token.token.withUnsafeBufferPointer { buffer throws(WebhookError) in
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
    static func checkHeader(_ header: JOSEHeader) throws(WebhookError) -> JWSAlgorithm {
        if isNone(header.algorithm) {
            throw WebhookError(.unsupportedAlgorithm, "alg none is never accepted")
        }
        let algorithm = JWSAlgorithm(rawValue: header.algorithm)
        guard algorithm.parameters != nil else {
            throw WebhookError(.unsupportedAlgorithm, "unsupported alg \(header.algorithm.prefix(16))")
        }
        if let critical = header.critical {
            guard !critical.isEmpty else {
                throw WebhookError(.malformedToken, "crit must not be an empty list")
            }
            throw WebhookError(
                .unknownCriticalHeader,
                "crit lists \(critical.count) extension(s) this library does not understand"
            )
        }
        return algorithm
    }
}

extension JWTVerifier {
    /// Fails closed when the options cannot give a meaningful time check: a negative or non-finite leeway.
    private func checkConfiguration() throws(WebhookError) {
        guard options.leeway.isFinite, options.leeway >= 0 else {
            throw WebhookError(.invalidConfiguration, "the leeway must be a finite number of seconds, at least 0")
        }
    }

    private func checkSize(_ size: Int) throws(WebhookError) {
        guard size <= options.maximumTokenSize else {
            throw WebhookError(.tokenTooLarge, "token is larger than \(options.maximumTokenSize) bytes")
        }
    }

    private func verify(buffer: UnsafeBufferPointer<UInt8>) throws(WebhookError) -> VerifiedJWT {
        let parsed = try ParsedJWT.parse(buffer)
        return try verify(parsed: parsed, token: buffer)
    }

    private func verify(parsed: ParsedJWT, token: UnsafeBufferPointer<UInt8>) throws(WebhookError) -> VerifiedJWT {
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
    ) throws(WebhookError) {
        let keyID = parsed.header.keyID
        var keyIDMatched = false
        var tried = false
        let verified = parsed.signature.withUnsafeBytes { signature in
            keys.keys.withUnsafeBufferPointer { candidates in
                for index in candidates.indices {
                    // A key with a kid is a candidate only for a token naming that kid (compared as bytes); a key
                    // configured without one (a PEM pasted from a webhook policy) is a candidate for any token.
                    if let keyID, let candidateID = candidates[index].keyID {
                        guard candidateID.hasSameBytes(as: keyID) else { continue }
                        keyIDMatched = true
                    } else if keyID != nil {
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
            throw WebhookError(.unknownKeyID, "no configured key has the token's kid")
        }
        if !tried {
            throw WebhookError(.algorithmNotAllowed, "no candidate key allows alg \(algorithm.rawValue)")
        }
        throw WebhookError(.signatureMismatch, "signature does not verify")
    }

    private func checkClaims(_ claims: JWTClaims) throws(WebhookError) {
        for claim in RegisteredClaim.allCases where options.requiredClaims.contains(claim) && !claims.contains(claim) {
            throw WebhookError(.missingClaim, "required claim \(claim.rawValue) is missing")
        }
        let now = options.clock()
        let leeway = options.leeway
        // Every comparison with NaN is false, so a NaN clock would pass all three time checks; an infinite one
        // would pass or fail them all. Neither is a time.
        guard now.isFinite else {
            throw WebhookError(.invalidConfiguration, "the clock did not return a finite time")
        }
        if let expiresAt = claims.expiresAt, now >= expiresAt + leeway {
            throw WebhookError(.expired, "token expired")
        }
        if let notBefore = claims.notBefore, now + leeway < notBefore {
            throw WebhookError(.notYetValid, "token is not valid yet")
        }
        if let issuedAt = claims.issuedAt, issuedAt > now + leeway {
            throw WebhookError(.issuedInFuture, "token was issued in the future")
        }
        if let issuers = options.issuers {
            guard let issuer = claims.issuer else {
                throw WebhookError(.missingClaim, "required claim iss is missing")
            }
            guard issuers.contains(where: { $0.hasSameBytes(as: issuer) }) else {
                throw WebhookError(.issuerMismatch, "iss is not an accepted issuer")
            }
        }
        if let audiences = options.audiences {
            guard let audience = claims.audience else {
                throw WebhookError(.missingClaim, "required claim aud is missing")
            }
            guard audience.contains(where: { member in audiences.contains { $0.hasSameBytes(as: member) } }) else {
                throw WebhookError(.audienceMismatch, "aud contains no accepted audience")
            }
        }
    }
}
