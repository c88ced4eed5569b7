import ArgumentParser
import WebhookKit
import WebhookTesting

struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a request's signature over the exact body bytes, then decode its event.",
        discussion: """
            Prints one JSON line ("vendor", "event", "type", "unknown", "verified", "deliveryID") and exits 0 when \
            the request is authentic and decodable. Exits 1 with one line "<code>: <reason>" on standard error \
            when it is rejected, 2 for a usage error or unreadable input.

            Per vendor: hipchat --secret (the installation's oauthSecret, for any iss unless --issuer names it); \
            confluence --secret with an X-Hub-Signature header (HMAC mode) or an Authorization: JWT header or jwt \
            query parameter (Connect mode, --url giving the request target for qsh); rservice --public-key FILE \
            or --secret with --issuer (and --audience), or --unsigned; apitree --secret and --url (the webhook URL \
            registered with ApiTree). A Confluence body that names no event, verified without --event, exits 0 \
            with "event": null and the fallback type (a warning on standard error says so).
            """
    )

    @Argument(help: "hipchat, confluence, rservice or apitree.")
    var vendor: String

    @Argument(help: "The body file, or - for standard input. Omit with --request.")
    var bodyFile: String?

    @Option(help: "A shared secret as UTF-8 text; repeat for rotation.")
    var secret: [String] = []

    @Option(help: "An RSA or EC public key (SPKI PEM) file, for rservice; repeat for rotation.")
    var publicKey: [String] = []

    @Option(help: "A request header 'Name: value'; repeatable.")
    var header: [String] = []

    @Option(help: "The full request URL with its query (apitree: the registered webhook URL).")
    var url: String?

    @Option(help: "The HTTP method.")
    var method = "POST"

    @Option(help: "The clock for time claims, in UNIX seconds (default: now).")
    var now: Double?

    @Option(help: "hipchat: the only OAuth client id accepted; rservice: the account URL (required when signed).")
    var issuer: String?

    @Option(help: "rservice: the audience to require.")
    var audience: String?

    @Option(help: "The event name when the body has none (Confluence Cloud).")
    var event: String?

    @Option(help: "rservice: a JWKS file; the token's kid selects the key (OpenID Connect discovery, offline).")
    var jwks: String?

    @Flag(help: "rservice: accept only an unsigned plain-JSON delivery.")
    var unsigned = false

    @Option(help: "rservice: the one JWS algorithm to allow (RS256, ES256, HS256, ...); apitree: sha1 or sha256.")
    var algorithm: String?

    @Option(help: "apitree: base64 (default) or hex.")
    var encoding: String?

    @Option(help: "apitree: url-then-body (default) or body-only.")
    var layout: String?

    @Option(help: "confluence Connect: the only clientKey (iss) accepted; any when omitted.")
    var clientKey: String?

    @Option(help: "confluence Connect: the app's base URL, when its path is part of the request URL.")
    var baseURL: String?

    @Option(help: "Leeway for time claims, in seconds (default 60).")
    var leeway: Double?

    @Option(
        help: ArgumentHelp(
            "A whole request in the fixture format (as `sign` prints it) instead of a body file.",
            discussion: "Its method, URL, headers, body, now and eventName are used; options given as well win.",
            valueName: "file"
        )
    )
    var request: String?

    func validate() throws {
        _ = try parseVendor(vendor)
        if bodyFile == nil && request == nil {
            throw ValidationError("give a body file (or - for standard input), or --request FILE")
        }
        if bodyFile != nil && request != nil {
            throw ValidationError("give a body file or --request, not both")
        }
        for field in header {
            _ = try parseHeader(field)
        }
    }

    func run() async throws {
        let vendor = try parseVendor(vendor)
        var request: WebhookRequest
        var eventName = event
        var now = now
        var mode: VerifierSettings.ConfluenceMode?
        if let path = self.request {
            let file = try readRequestFile(path)
            request = file.request
            mode = file.mode.flatMap { VerifierSettings.ConfluenceMode(rawValue: $0.lowercased()) }
            eventName = eventName ?? file.eventName
            now = now ?? file.now
            if let url { request.target = url }
        } else if let bodyFile {
            request = WebhookRequest(
                method: method,
                target: url ?? defaultTarget(for: vendor),
                body: try readInput(bodyFile)
            )
        } else {
            throw ToolFailure.usage("give a body file or --request FILE")
        }
        if self.request == nil || method != "POST" {
            request.method = method
        }
        for field in header {
            let (name, value) = try parseHeader(field)
            request.headers.add(name: name, value: value)
        }

        var settings = VerifierSettings()
        settings.secrets = secret
        for path in publicKey {
            settings.publicKeys.append((path, try readTextFile(path)))
        }
        settings.issuer = issuer
        settings.audience = audience
        settings.webhookURL = url ?? (self.request != nil ? request.target : nil)
        settings.baseURL = baseURL
        settings.clientKey = clientKey
        settings.confluenceMode = mode
        settings.unsigned = unsigned
        settings.jwksFile = jwks
        settings.algorithm = algorithm
        settings.encoding = encoding
        settings.layout = layout
        settings.leeway = leeway
        settings.now = now

        let receiver = try settings.receiver(for: vendor, request: request)
        do {
            let webhook = try await receiver.verify(request, from: vendor, eventName: eventName)
            printJSONLine(verifiedSummary(webhook))
        } catch  where vendor == .confluence && error.code == .missingEventName {
            // The Confluence verifier looks for the event name only after the signature or token has verified, so
            // this body is authentic; it names no event and none was given (a Cloud body without --event).
            printWarning("verified, but the body names no event: give --event NAME to decode it into its type")
            printJSONLine(unnamedConfluenceSummary(request))
        } catch {
            throw ToolFailure.rejected(error.description)
        }
    }
}
