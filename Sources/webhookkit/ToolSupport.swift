import ArgumentParser
import Foundation
import WebhookKit
import WebhookTesting

/// Parses a vendor argument (`hipchat`, `confluence`, `rservice`, `apitree`).
func parseVendor(_ text: String) throws -> WebhookVendor {
    let vendor = WebhookVendor(rawValue: text.lowercased())
    guard WebhookVendor.supported.contains(vendor) else {
        throw ValidationError("unknown vendor '\(text)': use hipchat, confluence, rservice or apitree")
    }
    return vendor
}

/// Reads a body file, or standard input for `-`.
/// - Throws: ``ToolFailure/usage(_:)`` (exit 2) when the file cannot be read.
func readInput(_ path: String) throws(ToolFailure) -> [UInt8] {
    if path == "-" {
        return Array(FileHandle.standardInput.readDataToEndOfFile())
    }
    do {
        return Array(try Data(contentsOf: URL(filePath: path)))
    } catch {
        throw .usage("cannot read '\(path)': \(describe(error))")
    }
}

/// Reads a UTF-8 text file (a key).
/// - Throws: ``ToolFailure/usage(_:)`` (exit 2) when the file cannot be read or is not UTF-8.
func readTextFile(_ path: String) throws(ToolFailure) -> String {
    let bytes = try readInput(path)
    guard let text = String(validating: bytes, as: UTF8.self) else {
        throw .usage("'\(path)' is not UTF-8 text")
    }
    return text
}

/// A short description of a file-system error.
func describe(_ error: any Error) -> String {
    let error = error as NSError
    if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError,
        let reason = String(validatingCString: strerror(Int32(underlying.code)))
    {
        return reason
    }
    if error.domain == NSCocoaErrorDomain, error.code == NSFileReadNoSuchFileError {
        return "no such file"
    }
    return error.localizedDescription
}

/// Reads a request file (the signed-request format, as `sign` prints it).
/// - Throws: ``ToolFailure/usage(_:)`` (exit 2) when it cannot be read or is not in this format.
func readRequestFile(_ path: String) throws(ToolFailure) -> WebhookRequestFile {
    let bytes = try readInput(path)
    do {
        return try WebhookRequestFile(bytes: bytes)
    } catch {
        throw .usage("'\(path)' is not a request file: \(error.reason)")
    }
}

/// Parses a `Name: value` header option.
func parseHeader(_ text: String) throws -> (String, String) {
    guard let colon = text.firstIndex(of: ":") else {
        throw ValidationError("header '\(text)' is not of the form 'Name: value'")
    }
    let name = text[..<colon].trimmingCharacters(in: .whitespaces)
    let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty else {
        throw ValidationError("header '\(text)' has no name")
    }
    return (name, value)
}

/// The default request target per vendor, the same as the request signers' defaults.
func defaultTarget(for vendor: WebhookVendor) -> String {
    "/webhooks/\(vendor.rawValue)"
}

/// Parses a JWS algorithm name (`RS256`, `es256`, ...).
func parseJWSAlgorithm(_ text: String) throws(ToolFailure) -> JWSAlgorithm {
    let algorithm = JWSAlgorithm(rawValue: text.uppercased())
    guard JWSAlgorithm.supported.contains(algorithm) else {
        throw .usage(
            "unknown JWS algorithm '\(text)': use one of "
                + JWSAlgorithm.supported.map(\.rawValue).joined(separator: ", ")
        )
    }
    return algorithm
}

/// Reads an ApiTree signature scheme from its three option values.
func parseApiTreeScheme(
    algorithm: String?,
    encoding: String?,
    layout: String?
) throws(ToolFailure) -> ApiTreeSignatureVerifier.Scheme {
    var scheme = ApiTreeSignatureVerifier.Scheme.default
    switch algorithm?.lowercased().replacingOccurrences(of: "-", with: "") {
    case nil: break
    case "sha1", "hmacsha1": scheme.algorithm = .sha1
    case "sha256", "hmacsha256": scheme.algorithm = .sha256
    case let other?: throw .usage("unknown ApiTree algorithm '\(other)': use sha1 or sha256")
    }
    switch encoding?.lowercased() {
    case nil: break
    case "base64": scheme.encoding = .base64
    case "hex": scheme.encoding = .hex
    case let other?: throw .usage("unknown ApiTree encoding '\(other)': use base64 or hex")
    }
    switch layout?.lowercased() {
    case nil: break
    case "url-then-body", "urlthenbody", "url+body": scheme.layout = .urlThenBody
    case "body-only", "bodyonly", "body": scheme.layout = .bodyOnly
    case let other?: throw .usage("unknown ApiTree layout '\(other)': use url-then-body or body-only")
    }
    return scheme
}

/// The JSON line `verify` prints for a verified webhook.
func verifiedSummary(_ webhook: VerifiedWebhook<WebhookEvent>) -> [String: Any?] {
    var line: [String: Any?] = [
        "vendor": webhook.vendor.rawValue,
        "event": webhook.eventName ?? webhook.event.eventName,
        "type": webhook.event.typeName,
        "unknown": webhook.event.isUnknown,
        "verified": true,
        "deliveryID": webhook.deliveryID,
    ]
    if let jwt = webhook.jwt {
        line["issuer"] = jwt.claims.issuer
    }
    if case .rService(.webhookVerify(let message)) = webhook.event {
        line["callbackURL"] = message.payload.callbackURL
    }
    return line
}

/// The JSON line `verify` prints for an authentic Confluence body that names no event when no name was given:
/// the fallback type, no event name.
func unnamedConfluenceSummary(_ request: WebhookRequest) -> [String: Any?] {
    [
        "vendor": WebhookVendor.confluence.rawValue,
        "event": nil,
        "type": "JSONValue",
        "unknown": true,
        "verified": true,
        "deliveryID": request.headers.first(ConfluenceSignatureVerifier.deliveryIdentifierHeader),
    ]
}

/// The JSON line `decode` prints for a decoded event (never verified).
func decodedSummary(_ event: WebhookEvent) -> [String: Any?] {
    [
        "vendor": event.vendor.rawValue,
        "event": event.eventName,
        "type": event.typeName,
        "unknown": event.isUnknown,
        "verified": false,
    ]
}
