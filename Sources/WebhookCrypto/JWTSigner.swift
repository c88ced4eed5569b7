package import Foundation
package import WebhookCore

/// Produces compact JWS tokens (for tests, the command-line tool and `WebhookTesting`).
package struct JWTSigner: Sendable {
    enum Material: Sendable {
        case hmac(HMACAuthenticator)
        case privateKey(PrivateKey)
    }

    let material: Material
    /// The algorithm every token is signed with.
    package let algorithm: JWSAlgorithm

    /// A signer with a shared HMAC secret.
    /// - Parameters:
    ///   - key: The secret; it must not be empty.
    ///   - algorithm: HS256 (default), HS384 or HS512.
    /// - Returns: The signer.
    /// - Throws: `WebhookError.Code.algorithmNotAllowed` for a non-HS algorithm;
    ///   `WebhookError.Code.invalidKey` for an empty secret.
    package static func hmac(_ key: WebhookSecret, algorithm: JWSAlgorithm = .hs256) throws(WebhookError) -> JWTSigner {
        guard key.count > 0 else { throw WebhookError(.invalidKey, "HMAC secret is empty") }
        guard let (family, hash) = algorithm.parameters, family == .hmac else {
            throw WebhookError(.algorithmNotAllowed, "an HMAC key allows only HS256, HS384 and HS512")
        }
        return JWTSigner(material: .hmac(HMACAuthenticator(key: key, algorithm: hash)), algorithm: algorithm)
    }

    /// A signer with an RSA or EC private key.
    /// - Parameters:
    ///   - key: The private key.
    ///   - algorithm: RS*/PS* for RSA, the ES* of the key's curve for EC.
    /// - Returns: The signer.
    /// - Throws: `WebhookError.Code.algorithmNotAllowed` when the algorithm does not fit the key.
    package static func privateKey(_ key: PrivateKey, algorithm: JWSAlgorithm) throws(WebhookError) -> JWTSigner {
        try key.publicKey.checkAllowed(algorithm)
        return JWTSigner(material: .privateKey(key), algorithm: algorithm)
    }

    /// Signs claims JSON bytes as given (they are not re-encoded).
    ///
    /// The header is `{"alg":"…","typ":"JWT"}`, plus `"kid"` when given.
    /// - Parameters:
    ///   - payload: The claims JSON; it must be a JSON object.
    ///   - keyID: The `kid` to put in the header.
    /// - Returns: The compact JWS.
    /// - Throws: `WebhookError.Code.malformedToken` when the payload is not a JSON object.
    package func sign(payload: some DataProtocol, keyID: String? = nil) throws(WebhookError) -> String {
        let payloadBytes = Array(payload)
        guard
            case .object? = try? JSONReader.parse(
                payloadBytes,
                limits: VerifiedJWT.jsonLimits,
                rejectDuplicates: true,
                acceptsOverflowingNumbers: true
            )
        else { throw WebhookError(.malformedToken, "payload is not a JSON object") }
        var header = #"{"alg":"\#(algorithm.rawValue)","typ":"JWT""#
        if let keyID {
            header += #","kid":"# + JSONText.quoted(keyID)
        }
        header += "}"
        let signingInput = Base64URL.encode(header.utf8) + "." + Base64URL.encode(payloadBytes)
        let signature: [UInt8]
        switch material {
        case .hmac(let authenticator):
            signature = authenticator.authenticationCode(for: Array(signingInput.utf8))
        case .privateKey(let key):
            signature = try key.signature(for: Array(signingInput.utf8), algorithm: algorithm)
        }
        return signingInput + "." + Base64URL.encode(signature)
    }
}

/// JSON text this package writes by hand, for every target of the package (not public API).
package enum JSONText {
    /// A JSON string literal for `text`: quotes, backslashes and control characters escaped, `/` and non-ASCII
    /// text as they are.
    package static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }
}
