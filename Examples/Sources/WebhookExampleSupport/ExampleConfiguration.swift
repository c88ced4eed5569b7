public import WebhookKit
public import WebhookTesting

/// The keys and URLs the example servers verify with.
///
/// Each vendor's secret comes from an environment variable; without one, the example uses the test keys of
/// `WebhookTestSigner`, so that `--self-test` can sign requests the server accepts. Never deploy with test keys.
public struct ExampleConfiguration: Sendable {
    /// The signer whose keys the server accepts (the test keys, or the ones from the environment).
    public var signer: WebhookTestSigner
    /// Whether any key is a test key.
    public var usesTestKeys: Bool

    /// Reads the configuration from the environment.
    /// - Parameter environment: `HIPCHAT_OAUTH_ID`, `HIPCHAT_OAUTH_SECRET`, `CONFLUENCE_WEBHOOK_SECRET`,
    ///   `RSERVICE_ACCOUNT_URL`, `RSERVICE_POLICY_SECRET`, `APITREE_WEBHOOK_SECRET`, `APITREE_WEBHOOK_URL`.
    public init(environment: [String: String]) {
        var signer = WebhookTestSigner()
        var usesTestKeys = false
        func secret(_ name: String) -> WebhookSecret? {
            guard let value = environment[name], !value.isEmpty else {
                usesTestKeys = true
                return nil
            }
            return WebhookSecret(utf8: value)
        }
        if let id = environment["HIPCHAT_OAUTH_ID"] { signer.hipChat.oauthClientID = id }
        if let key = secret("HIPCHAT_OAUTH_SECRET") { signer.hipChat.secret = key }
        if let key = secret("CONFLUENCE_WEBHOOK_SECRET") { signer.confluence.secret = key }
        if let account = environment["RSERVICE_ACCOUNT_URL"] { signer.rService.issuer = account }
        if let key = secret("RSERVICE_POLICY_SECRET") { signer.rService.key = .sharedSecret(key, .hs256) }
        if let key = secret("APITREE_WEBHOOK_SECRET") { signer.apiTree.secret = key }
        signer.apiTree.webhookURL = environment["APITREE_WEBHOOK_URL"] ?? "http://127.0.0.1:8080/webhooks/apitree"
        self.signer = signer
        self.usesTestKeys = usesTestKeys
    }

    // snippet.verifiers
    /// The four vendors' verifiers. Each is configured once and throws at start-up on a bad key or setting.
    public func makeVerifiers() throws -> ExampleVerifiers {
        let keys = signer
        return ExampleVerifiers(
            hipChat: try HipChatSignatureVerifier(secrets: [keys.hipChat.oauthClientID: [keys.hipChat.secret]]),
            confluence: try ConfluenceSignatureVerifier(
                secrets: [keys.confluence.secret],
                eventName: { $0.queryValue("event") }  // Cloud bodies name no event: /webhooks/confluence?event=<name>
            ),
            rService: try RServiceSignatureVerifier(
                keys: try .sharedSecrets([keys.rService.key.sharedSecret].compactMap { $0 }),
                issuer: keys.rService.issuer
            ),
            apiTree: try ApiTreeSignatureVerifier(
                secrets: [keys.apiTree.secret],
                webhookURL: keys.apiTree.webhookURL  // the URL registered with ApiTree, not the Host header
            )
        )
    }
    // snippet.end
}

/// The verifiers of the example servers, one per vendor.
public struct ExampleVerifiers: Sendable {
    public var hipChat: HipChatSignatureVerifier
    public var confluence: ConfluenceSignatureVerifier
    public var rService: RServiceSignatureVerifier
    public var apiTree: ApiTreeSignatureVerifier

    public init(
        hipChat: HipChatSignatureVerifier,
        confluence: ConfluenceSignatureVerifier,
        rService: RServiceSignatureVerifier,
        apiTree: ApiTreeSignatureVerifier
    ) {
        self.hipChat = hipChat
        self.confluence = confluence
        self.rService = rService
        self.apiTree = apiTree
    }

    /// The verifiers that accept what a test signer signs.
    public init(signer: WebhookTestSigner) throws {
        self.init(
            hipChat: try signer.hipChatVerifier(),
            confluence: try signer.confluenceVerifier(),
            rService: try signer.rServiceVerifier(),
            apiTree: try signer.apiTreeVerifier()
        )
    }

    /// A receiver holding all four, for routes that share one handler (`receiver.for(vendor)`).
    public var receiver: WebhookReceiver {
        WebhookReceiver(hipChat: hipChat, confluence: confluence, rService: rService, apiTree: apiTree)
    }
}

extension WebhookTestSigner.RService.Key {
    /// The shared secret, when the key is one.
    var sharedSecret: WebhookSecret? {
        if case .sharedSecret(let secret, _) = self { return secret }
        return nil
    }
}

/// A one-line summary of a verified event, for the log.
public func summary(of webhook: VerifiedWebhook<WebhookEvent>) -> String {
    let name = webhook.eventName ?? "(unnamed)"
    let delivery = webhook.deliveryID.map { " delivery \($0)" } ?? ""
    switch webhook.event {
    case .hipChat(let event):
        return "HipChat \(name)\(delivery): \(String(describing: event).prefix(80))"
    case .confluence(let event):
        return "Confluence \(name)\(delivery): \(String(describing: event).prefix(80))"
    case .rService(let event):
        return "R-Service \(name)\(delivery): \(String(describing: event).prefix(80))"
    case .apiTree(let event):
        return "ApiTree \(name)\(delivery): \(String(describing: event).prefix(80))"
    }
}
