import Foundation
import WebhookKit
import WebhookTesting

/// `Fixtures/<vendor>/requests/config.json`: how to configure a vendor's verifier for its signed sample requests.
///
/// Every member is optional; which ones a vendor needs is what `verify` needs from its options. File paths are
/// relative to the config's folder, or else to the vendor's folder (`Fixtures/<vendor>/`). See
/// `Fixtures/README.md` for the members.
struct FixtureConfig: Decodable {
    var secret: String?
    var secrets: [String]?
    var hmacSecret: String?
    var hmacSecrets: [String]?
    var sharedSecret: String?
    var sharedSecrets: [String]?
    var clientKey: String?
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
    var maximumTokenAge: Double?
    var documents: [String: String]?
    var jwks: String?

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
    ///   - vendor: The vendor whose verifier is configured (`mode` means something else for each).
    ///   - directories: Where relative file paths are looked up, in order.
    ///   - overrides: The request file: its `mode` wins over the config's.
    /// - Throws: ``ToolFailure/usage(_:)`` for a file that cannot be read or an unknown mode.
    func settings(
        for vendor: WebhookVendor,
        resolvingPathsIn directories: [URL],
        overrides: WebhookRequestFile
    ) throws(ToolFailure) -> VerifierSettings {
        var settings = VerifierSettings()
        settings.secrets = (secrets ?? []) + (secret.map { [$0] } ?? [])
        settings.hmacSecrets = (hmacSecrets ?? []) + (hmacSecret.map { [$0] } ?? [])
        settings.connectSecrets = (sharedSecrets ?? []) + (sharedSecret.map { [$0] } ?? [])
        settings.clientKey = clientKey
        for path in (publicKeys ?? []) + (publicKey.map { [$0] } ?? []) {
            settings.publicKeys.append((path, try readTextFile(Self.resolve(path, in: directories))))
        }
        settings.issuer = issuer
        settings.audience = audience
        settings.webhookURL = webhookURL
        settings.baseURL = baseURL
        if let mode = overrides.mode ?? mode {
            switch vendor {
            case .confluence:
                guard let parsed = VerifierSettings.ConfluenceMode(rawValue: mode.lowercased()) else {
                    throw .usage("unknown Confluence mode '\(mode)' in config.json: use hmac or connect")
                }
                settings.confluenceMode = parsed
            case .rService:
                settings.rServiceMode = mode
            default:
                throw .usage("config.json of \(vendor.rawValue) has a mode ('\(mode)'), which it does not use")
            }
        }
        settings.unsigned = unsigned ?? false
        settings.algorithm = algorithm
        settings.encoding = encoding
        settings.layout = layout
        settings.leeway = leeway
        settings.maximumTokenAge = maximumTokenAge
        for (url, path) in documents ?? [:] {
            settings.discoveryDocuments[url] = Self.resolve(path, in: directories)
        }
        settings.jwksFile = jwks.map { Self.resolve($0, in: directories) }
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
