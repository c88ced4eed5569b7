public import JWTKit

/// The claims a jwt-kit user would declare for a Confluence Connect webhook token, checking `exp` only.
public struct ConnectClaims: JWTPayload {
    public var iss: IssuerClaim
    public var sub: SubjectClaim
    public var iat: IssuedAtClaim
    public var exp: ExpirationClaim
    public var qsh: String

    public func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
    }
}
