import Foundation
import WebhookKit

/// `Fixtures/<vendor>/requests/config.json`: how to configure a vendor's verifier for its signed sample requests.
///
/// Every member is optional; which ones a vendor needs is what `verify` needs from its options:
/// `secret`/`secrets` (UTF-8 shared secrets), `publicKey`/`publicKeys` (PEM file paths, relative to the
/// `requests/` folder or to the vendor's folder), `issuer`, `audience`, `webhookURL`, `baseURL`, `mode`
/// (Confluence `hmac` or `connect`; chosen by the request's headers when absent), `unsigned`, `algorithm`,
/// `encoding`, `layout`, `leeway`.
struct FixtureConfig: Decodable {
    var secret: String?
    var secrets: [String]?
    var hmacSecret: String?
    var hmacSecrets: [String]?
    var publicKey: String?
    var publicKeys: [String]?
    var issuer: String?
    var audience: String?
    var webhookURL: String?
    var baseURL: String?
    var mode: String?
    var unsigned: Bool?
    var algorithm: String?
    var encoding: String?
    var layout: String?
    var leeway: Double?

    /// Reads a config file.
    /// - Throws: ``ToolFailure/usage(_:)`` (exit 2) when it cannot be read or decoded.
    static func read(_ path: String) throws(ToolFailure) -> FixtureConfig {
        let bytes = try readInput(path)
        do {
            return try JSONDecoder().decode(FixtureConfig.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw .usage("'\(path)' is not a verifier config: \(WebhookJSON.describe(error))")
        } catch {
            throw .usage("'\(path)' is not a verifier config")
        }
    }

    /// The verifier settings it describes.
    /// - Parameters:
    ///   - directories: Where relative key paths are looked up, in order.
    ///   - overrides: The request file (reserved for per-request settings).
    /// - Throws: ``ToolFailure/usage(_:)`` for a key file that cannot be read or an unknown mode.
    func settings(resolvingPathsIn directories: [URL], overrides: RequestFile) throws(ToolFailure) -> VerifierSettings {
        var settings = VerifierSettings()
        settings.secrets = (secrets ?? []) + (secret.map { [$0] } ?? [])
        settings.hmacSecrets = (hmacSecrets ?? []) + (hmacSecret.map { [$0] } ?? [])
        for path in (publicKeys ?? []) + (publicKey.map { [$0] } ?? []) {
            let resolved = Self.resolve(path, in: directories)
            settings.publicKeys.append((path, try readTextFile(resolved)))
        }
        settings.issuer = issuer
        settings.audience = audience
        settings.webhookURL = webhookURL
        settings.baseURL = baseURL
        if let mode {
            guard let parsed = VerifierSettings.ConfluenceMode(rawValue: mode.lowercased()) else {
                throw .usage("unknown mode '\(mode)' in config.json: use hmac or connect")
            }
            settings.confluenceMode = parsed
        }
        settings.unsigned = unsigned ?? false
        settings.algorithm = algorithm
        settings.encoding = encoding
        settings.layout = layout
        settings.leeway = leeway
        return settings
    }

    private static func resolve(_ path: String, in directories: [URL]) -> String {
        if path.hasPrefix("/") { return path }
        for directory in directories {
            let candidate = directory.appending(path: path).path(percentEncoded: false)
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        return directories.first.map { $0.appending(path: path).path(percentEncoded: false) } ?? path
    }
}
