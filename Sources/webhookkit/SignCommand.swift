import ArgumentParser
import WebhookKit
import WebhookTesting

struct SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Print the request a vendor would send for a body, signed, as one JSON object.",
        discussion: """
            The object has the fixture request format: "method", "url", "headers" ([name, value] pairs), "body" \
            (the exact body text), "now" and, with --event, "eventName". Feed it to `verify --request FILE`.

            Per vendor: hipchat --secret and --issuer (the OAuth client id), optional --subject and --placement; \
            confluence --secret (HMAC mode, X-Hub-Signature) or --secret with --client-key (Connect mode, \
            Authorization: JWT); rservice --private-key FILE (RSA or EC, PEM) or --secret (HS*), --issuer, \
            optional --audience, --algorithm, --delivery-id (the body file is the message; the printed body is \
            {"jwt": ...}); apitree --secret and --url (the registered webhook URL).
            """
    )

    @Argument(help: "hipchat, confluence, rservice or apitree.")
    var vendor: String

    @Argument(help: "The body file (for rservice, the message JSON), or - for standard input.")
    var bodyFile: String

    @Option(help: "The shared secret as UTF-8 text.")
    var secret: String?

    @Option(help: "rservice: an RSA or EC private key PEM file.")
    var privateKey: String?

    @Option(help: "rservice: the JWS algorithm (default RS256 for RSA, the curve's ES* for EC, HS256 for a secret).")
    var algorithm: String?

    @Option(help: "hipchat: the OAuth client id (iss); rservice: the account URL (iss).")
    var issuer: String?

    @Option(help: "rservice: the aud claim.")
    var audience: String?

    @Option(help: "confluence: the tenant's clientKey (iss); selects Connect mode.")
    var clientKey: String?

    @Option(help: "The request URL or target (apitree: the registered webhook URL, required).")
    var url: String?

    @Option(help: "The signing time in UNIX seconds (default: now).")
    var now: Double?

    @Option(help: "The token lifetime in seconds (HipChat 300, Confluence 180, R-Service none by default).")
    var lifetime: Double?

    @Option(help: "The event name to record in the output (Confluence Cloud bodies name none).")
    var event: String?

    @Option(help: "hipchat, rservice: the sub claim.")
    var subject: String?

    @Option(help: "hipchat, rservice: the jti claim.")
    var jwtID: String?

    @Option(help: "hipchat: header (default), token-equals or query.")
    var placement: String?

    @Option(help: "rservice: the delivery id header value.")
    var deliveryID: String?

    @Option(help: "rservice: the delivery id header name (default X-4me-Delivery).")
    var deliveryHeader: String?

    @Option(help: "rservice: the key id (kid) for the JWS header.")
    var keyID: String?

    @Option(help: "confluence: the X-Atlassian-Webhook-Identifier value.")
    var webhookIdentifier: String?

    @Option(help: "confluence Connect: the app's base URL.")
    var baseURL: String?

    @Flag(help: "confluence HMAC: send the bare hex instead of sha256=<hex>.")
    var bareHex = false

    @Option(help: "apitree: base64 (default) or hex.")
    var encoding: String?

    @Option(help: "apitree: url-then-body (default) or body-only.")
    var layout: String?

    func validate() throws {
        _ = try parseVendor(vendor)
        if let placement, !["header", "token-equals", "query"].contains(placement) {
            throw ValidationError("--placement must be header, token-equals or query")
        }
    }

    func run() throws {
        let vendor = try parseVendor(vendor)
        let body = try readInput(bodyFile)
        let now = now ?? WebhookClock.now()
        let request: WebhookRequest
        do {
            request = try sign(body, vendor: vendor, now: now)
        } catch let error as ToolFailure {
            throw error
        } catch let error as WebhookError {
            throw ToolFailure.usage(error.description)
        }
        let file = WebhookRequestFile(request: request, now: now, eventName: event)
        do {
            print(String(decoding: try file.encodedLine(), as: UTF8.self))
        } catch {
            throw ToolFailure.usage(error.reason)
        }
    }

    private func requireSecret(_ what: String) throws(ToolFailure) -> WebhookSecret {
        guard let secret, !secret.isEmpty else {
            throw .usage("\(vendor) needs --secret (\(what))")
        }
        return WebhookSecret(utf8: secret)
    }

    private func sign(_ body: [UInt8], vendor: WebhookVendor, now: Double) throws -> WebhookRequest {
        switch vendor {
        case .hipChat:
            let key = try requireSecret("the installation's oauthSecret")
            guard let issuer else { throw ToolFailure.usage("hipchat needs --issuer (the OAuth client id)") }
            let placement: HipChatRequestSigner.TokenPlacement =
                switch self.placement {
                case "token-equals": .authorizationTokenEquals
                case "query": .signedRequestQuery
                default: .authorizationHeader
                }
            return try HipChatRequestSigner(oauthClientID: issuer, secret: key).sign(
                body: body,
                target: url ?? defaultTarget(for: vendor),
                now: now,
                lifetime: lifetime ?? 300,
                subject: subject,
                placement: placement,
                jwtID: jwtID
            )
        case .confluence:
            let key = try requireSecret("the webhook secret, or the Connect sharedSecret with --client-key")
            let signer: ConfluenceRequestSigner =
                if let clientKey {
                    .connect(clientKey: clientKey, sharedSecret: key, baseURL: baseURL)
                } else {
                    .hmac(secret: key, prefixed: !bareHex)
                }
            return try signer.sign(
                body: body,
                target: url ?? defaultTarget(for: vendor),
                now: now,
                lifetime: lifetime ?? 180,
                webhookIdentifier: webhookIdentifier
            )
        case .rService:
            guard let issuer else { throw ToolFailure.usage("rservice needs --issuer (the account URL)") }
            let signer: RServiceRequestSigner
            if let privateKey {
                guard secret == nil else { throw ToolFailure.usage("give --private-key or --secret, not both") }
                let key: WebhookSigningKey
                do {
                    key = try WebhookSigningKey(pem: try readTextFile(privateKey))
                } catch let error as WebhookError {
                    throw ToolFailure.usage("'\(privateKey)' is not a usable private key: \(error.reason)")
                }
                let algorithm = try algorithm.map(parseJWSAlgorithm) ?? Self.defaultAlgorithm(for: key.key.type)
                signer = try .privateKey(key, algorithm: algorithm, issuer: issuer, audience: audience, keyID: keyID)
            } else {
                let key = try requireSecret("an HS* secret, or give --private-key")
                let algorithm = try algorithm.map(parseJWSAlgorithm) ?? .hs256
                signer = try .sharedSecret(key, algorithm: algorithm, issuer: issuer, audience: audience)
            }
            return try signer.sign(
                message: body,
                target: url ?? defaultTarget(for: vendor),
                now: now,
                lifetime: lifetime,
                subject: subject,
                jwtID: jwtID,
                deliveryID: deliveryID,
                deliveryHeader: deliveryHeader ?? "X-4me-Delivery"
            )
        case .apiTree:
            let key = try requireSecret("the webhook secret")
            guard let url, !url.isEmpty else {
                throw ToolFailure.usage("apitree needs --url (the webhook URL registered with ApiTree)")
            }
            let scheme = try parseApiTreeScheme(algorithm: algorithm, encoding: encoding, layout: layout)
            return ApiTreeRequestSigner(secret: key, webhookURL: url, scheme: scheme).sign(body: body)
        default:
            throw ToolFailure.usage("unknown vendor '\(vendor.rawValue)'")
        }
    }

    private static func defaultAlgorithm(for type: PublicKeyType) -> JWSAlgorithm {
        switch type {
        case .rsa: .rs256
        case .ec(let curve) where curve == .p384: .es384
        case .ec(let curve) where curve == .p521: .es512
        case .ec: .es256
        }
    }
}
