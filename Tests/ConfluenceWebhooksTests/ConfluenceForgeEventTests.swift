import ConfluenceWebhooks
import Foundation
import Testing
import WebhookCore
import WebhookRegistry
import WebhookValues

@Suite("Forge Remote: Confluence events")
struct ConfluenceForgeEventTests {
    static let eventFiles = ConfluenceFixtures.files(in: "forge/events")

    /// The event name of a Forge fixture file: `avi.confluence.created.page--variant.json` is
    /// `avi:confluence:created:page` (names hold no `.`, so `.` stands for `:`).
    static func eventName(ofFile file: String) -> String {
        ConfluenceFixtures.eventName(ofFile: file).replacingOccurrences(of: ".", with: ":")
    }

    static func decode(_ file: String) throws -> ConfluenceForgeEvent {
        try ConfluenceForgeEvent.decode(
            from: ConfluenceFixtures.bytes("forge/events/" + file),
            eventName: eventName(ofFile: file)
        )
    }

    /// Every Forge name the sheet lists explicitly, and the two lifecycle names.
    static let expectedNames: [String] = {
        var names: [String] = []
        for action in [
            "created", "updated", "liked", "viewed", "archived", "unarchived", "moved", "copied", "children_reordered",
            "permissions_updated", "trashed", "restored", "deleted", "initialized", "started", "snapshotted",
            "published",
        ] {
            names.append("avi:confluence:\(action):page")
        }
        for action in [
            "created", "updated", "liked", "viewed", "permissions_updated", "trashed", "restored", "deleted",
        ] {
            names.append("avi:confluence:\(action):blogpost")
        }
        for entity in ["whiteboard", "database", "embed", "folder"] {
            for action in ["created", "moved", "copied"] + (entity == "embed" ? [] : ["permissions_updated"]) {
                names.append("avi:confluence:\(action):\(entity)")
            }
        }
        names += ["created", "updated", "removed"].map { "avi:confluence:\($0):task" }
        names += ["created", "updated", "liked", "deleted"].map { "avi:confluence:\($0):comment" }
        names += ["created", "updated", "permissions_updated", "deleted"].map { "avi:confluence:\($0):space:V2" }
        names += ["created", "updated", "viewed", "archived", "unarchived", "trashed", "restored", "deleted"].map {
            "avi:confluence:\($0):attachment"
        }
        names += ["avi:confluence:created:custom_content", "avi:confluence:updated:custom_content"]
        names += ["created", "added", "removed", "deleted"].map { "avi:confluence:\($0):label" }
        names += ["avi:confluence:performed:search", "avi:forge:installed:app", "avi:forge:upgraded:app"]
        return names
    }()

    // MARK: Registry

    @Test("the registry lists exactly the Forge names of the sheet, under the Confluence vendor")
    func registryHasTheForgeNames() {
        let forge = EventRegistry.names(for: .confluence).filter { ConfluenceEventName(rawValue: $0).isForge }
        #expect(Set(forge) == Set(Self.expectedNames))
        #expect(forge.count == 68)
        #expect(ConfluenceEventName.forgeAppInstalled.rawValue == "avi:forge:installed:app")
        #expect(ConfluenceEventName.forgeSpaceCreatedV2.rawValue == "avi:confluence:created:space:V2")
        #expect(!ConfluenceEventName.pageCreated.isForge)
        for name in forge {
            let descriptor = EventRegistry.descriptor(vendor: .confluence, name: name)
            #expect(descriptor?.confirmation == .documented)
            #expect(descriptor?.category.hasPrefix("forge:") == true)
            let type = descriptor?.swiftType
            #expect(
                type == (name.hasPrefix("avi:forge:") ? "ConfluenceForgeLifecycleEvent" : "ConfluenceForgeProductEvent")
            )
        }
        // Users, groups and relations: the sheet names no exact Forge event, so none is registered.
        #expect(!forge.contains { $0.hasSuffix(":user") || $0.hasSuffix(":group") || $0.hasSuffix(":relation") })
    }

    @Test("every Forge fixture stands for a registered Forge name; every documented example has a fixture")
    func fixturesCoverTheExamples() {
        let covered = Set(Self.eventFiles.map(Self.eventName(ofFile:)))
        for name in covered {
            #expect(EventRegistry.contains(vendor: .confluence, name: name), "\(name)")
            #expect(ConfluenceEventName(rawValue: name).isForge)
        }
        #expect(
            covered == [
                "avi:confluence:created:page", "avi:confluence:updated:task", "avi:confluence:created:comment",
                "avi:confluence:created:space:V2", "avi:confluence:created:attachment",
                "avi:confluence:created:custom_content", "avi:forge:installed:app", "avi:forge:upgraded:app",
            ]
        )
    }

    // MARK: Decoding

    @Test("every Forge fixture decodes to its typed case, never to unknown", arguments: eventFiles)
    func decodesTyped(file: String) throws {
        let event = try Self.decode(file)
        #expect(event.eventName == Self.eventName(ofFile: file))
        let descriptor = try #require(EventRegistry.descriptor(vendor: .confluence, name: Self.eventName(ofFile: file)))
        switch event.payload {
        case .product(let product):
            #expect(descriptor.swiftType == "ConfluenceForgeProductEvent")
            #expect(product.eventType == event.eventName)
            #expect(product.atlassianId == "4ad9aa0c52dc1b420a791d12")
            #expect(product.eventCreatedDate?.hasPrefix("2021-01-20T06:29:") == true)
            #expect(product.entityID != nil)
        case .lifecycle(let lifecycle):
            #expect(descriptor.swiftType == "ConfluenceForgeLifecycleEvent")
            #expect(lifecycle.id != nil)
            #expect(lifecycle.app?.version != nil)
            #expect(lifecycle.environment?.id != nil)
        case .unknown:
            Issue.record("\(file) decoded as unknown")
        }
    }

    @Test("created:page: content id is a string, space id a number")
    func page() throws {
        let product = try #require(try Self.decode("avi.confluence.created.page.json").product)
        let content = try #require(product.content)
        #expect(content.id == "838205441")
        #expect(content.id?.isNumeric == false)
        #expect(content.type == "page")
        #expect(content.title == "A brand new page")
        #expect(content.space?.id?.intValue == 827_392_002)
        #expect(content.space?.id?.isNumeric == true)
        #expect(content.space?.key == "SP")
        #expect(content.version?.number == 1)
        #expect(content.version?.by?.accountId == "4ad9aa0c52dc1b420a791d12")
        #expect(content.history?.createdBy?.accountType == "atlassian")
        #expect(content.history?.latest == true)
        #expect(product.suppressNotifications == false)
        #expect(product.selfGenerated == false)
        #expect(product.updateTrigger == nil)
    }

    @Test("updated:task: the task, the old task and the page")
    func task() throws {
        let product = try #require(try Self.decode("avi.confluence.updated.task.json").product)
        #expect(product.task?.id?.intValue == 1)
        #expect(product.task?.status == "complete")
        #expect(product.oldTask?.status == "incomplete")
        #expect(product.task?.statusAsString == "CHECKED")
        #expect(product.task?.dueDate == "2021-02-21T07:00:00Z")
        #expect(product.content?.id == "838205441")
        #expect(product.entityID == "838205441")
    }

    @Test("created:comment: ancestors, container (id sent as a string though typed number), location")
    func comment() throws {
        let content = try #require(try Self.decode("avi.confluence.created.comment.json").product?.content)
        #expect(content.type == "comment")
        #expect(content.ancestors?.count == 1)
        #expect(content.ancestors?.first?.id == "838205415")
        #expect(content.container?.id == "838205441")
        #expect(content.container?.id?.intValue == 838_205_441)
        #expect(content.container?.version?.number == 1)
        #expect(content.extensions?["location"]?.stringValue == "footer")
    }

    @Test("created:space:V2: the space")
    func space() throws {
        let product = try #require(try Self.decode("avi.confluence.created.space.V2.json").product)
        #expect(product.space?.id == 827_392_002)
        #expect(product.space?.key == "SP")
        #expect(product.space?.history?.createdDate == "2021-01-20T06:29:20.501Z")
        #expect(product.content == nil)
        #expect(product.entityID == 827_392_002)
    }

    @Test("created:attachment: the attachment, its container and media")
    func attachment() throws {
        let product = try #require(try Self.decode("avi.confluence.created.attachment.json").product)
        let attachment = try #require(product.attachment)
        #expect(attachment.id == "838205455")
        #expect(attachment.title == "logo.png")
        #expect(attachment.container?.id == "838205441")
        #expect(attachment.extensions?["mediaType"]?.stringValue == "image/png")
        #expect(product.entityID == "838205455")
    }

    @Test("created:custom_content: the content type is the custom type's key")
    func customContent() throws {
        let content = try #require(try Self.decode("avi.confluence.created.custom_content.json").product?.content)
        #expect(content.type?.hasSuffix(":my-custom-content") == true)
        #expect(content.container?.type == "page")
    }

    @Test("lifecycle: installed and upgraded (docs examples), installed as delivered to a remote")
    func lifecycle() throws {
        let installed = try #require(try Self.decode("avi.forge.installed.app.json").lifecycle)
        #expect(installed.id == "fff8e466-31f4-4c73-a337-c3309dd930dc")
        #expect(installed.installerAccountId == "4ad9aa0c52dc1b420a791d12")
        #expect(installed.app?.name == "My App Name")
        #expect(installed.app?.ownerAccountId == "3bc8aa0c52dc1b310a791d34")
        #expect(installed.environment?.id == "23863033-1de4-4ebf-b30d-c906264a1e92")
        let upgraded = try #require(try Self.decode("avi.forge.upgraded.app.json").lifecycle)
        #expect(upgraded.upgraderAccountId == "4ad9aa0c52dc1b420a791d12")
        #expect(upgraded.app?.version == "9.0.0")
        // The remote example names its event itself and carries the site as an ARI string.
        let bytes = try ConfluenceFixtures.bytes("forge/events/avi.forge.installed.app--remote-agents.json")
        let remote = try ConfluenceForgeEvent.decode(from: bytes, eventName: nil)
        #expect(remote.eventName == "avi:forge:installed:app")
        #expect(remote.lifecycle?.context?.stringValue == "ari:cloud:jira::site/02cfe711-47c9-46f3-ae22-9af9259c75be")
        #expect(remote.lifecycle?.id == "4e874af6-799e-4236-b172-23e57f9e549e")
    }

    @Test("the event may come under payload, and retryContext at the top level or under payload")
    func envelopes() throws {
        let plain = try Self.decode("avi.confluence.created.page.json")
        #expect(!plain.isInPayloadEnvelope)
        #expect(plain.retryContext == nil)

        let enveloped = try Self.decode("avi.confluence.created.page--payload-envelope.json")
        #expect(enveloped.isInPayloadEnvelope)
        // `retryData: null` decodes as nil.
        #expect(
            enveloped.retryContext
                == ForgeRetryContext(retryCount: 2, retryReason: "INVALID_REMOTE_INVOCATION_ERROR", retryData: nil)
        )
        #expect(enveloped.product == plain.product)

        let topLevel = try Self.decode("avi.confluence.created.page--retry-top-level.json")
        #expect(!topLevel.isInPayloadEnvelope)
        #expect(topLevel.retryContext?.retryCount == 1)
        #expect(topLevel.retryContext?.retryReason == "TIMEOUT_ERROR")
        #expect(topLevel.product == plain.product)

        // retryContext at the top level, event under payload.
        let mixed =
            #"{"retryContext":{"retryCount":3,"retryReason":"TIMEOUT_ERROR","retryData":null},"payload":{"eventType":"avi:confluence:liked:page","content":{"id":"1"}}}"#
        let event = try ConfluenceForgeEvent.decode(from: Array(mixed.utf8), eventName: nil)
        #expect(event.isInPayloadEnvelope)
        #expect(event.retryContext?.retryCount == 3)
        #expect(event.product?.content?.id == "1")
    }

    @Test("unknown names decode to the JSON fallback; unknown members are ignored")
    func unknownNames() throws {
        let body = #"{"eventType":"avi:confluence:levitated:page","content":{"id":"5"},"brandNew":{"x":1}}"#
        let event = try ConfluenceForgeEvent.decode(from: Array(body.utf8), eventName: nil)
        guard case .unknown(let json) = event.payload else {
            Issue.record("expected unknown")
            return
        }
        #expect(json["content"]?["id"]?.stringValue == "5")
        #expect(event.eventName == "avi:confluence:levitated:page")
        // A Connect name given to the Forge decoder is not a Forge event either.
        let connect = try ConfluenceForgeEvent.decode(from: Array(#"{"page":{}}"#.utf8), eventName: "page_created")
        if case .unknown = connect.payload {} else { Issue.record("page_created decoded as a Forge event") }
        let extra = #"{"eventType":"avi:confluence:created:page","content":{"id":7,"surprise":[1,2]},"more":true}"#
        #expect(try ConfluenceForgeEvent.decode(from: Array(extra.utf8), eventName: nil).product?.content?.id == 7)
    }

    @Test("malformed bodies are decoding errors with the right codes")
    func decodingErrors() {
        let cases: [(String, WebhookError.Code)] = [
            ("[]", .malformedBody),
            ("not json", .malformedBody),
            (#"{"payload":"text"}"#, .invalidPayload),
            (#"{"eventType":5}"#, .invalidPayload),
            (#"{"content":{"id":"1"}}"#, .missingEventName),
            (#"{"eventType":"avi:confluence:created:page","content":{"id":{"nested":true}}}"#, .invalidPayload),
            (#"{"eventType":"avi:confluence:created:page","retryContext":"again"}"#, .invalidPayload),
        ]
        for (body, code) in cases {
            #expect(throws: WebhookError(code, ""), "\(body)") {
                try ConfluenceForgeEvent.decode(from: Array(body.utf8), eventName: nil)
            }
        }
    }
}

@Suite("Forge Remote: delivery keys")
struct ForgeDeliveryKeyTests {
    typealias Values = ForgeTestValues

    static func key(_ body: [UInt8], claims: [String: Any] = ForgeTestValues.claims()) async throws -> String? {
        let verifier = try ForgeInvocationVerifier(
            appID: Values.appID,
            keys: StaticKeyProvider(keys: try JWTKeySet(jwks: try Values.jwks())),
            clock: { Values.now + 1 }
        )
        let request = Values.request(authorization: "Bearer " + (try Values.token(claims)), body: body)
        return try await verifier.verify(request).deliveryKey
    }

    static func fixture(_ name: String) throws -> [UInt8] {
        try ConfluenceFixtures.bytes("forge/events/" + name)
    }

    @Test("a retry has the key of the first delivery: new token, retryContext, either envelope")
    func stableAcrossRetries() async throws {
        let first = try #require(try await Self.key(try Self.fixture("avi.confluence.created.page.json")))
        #expect(first.hasPrefix("confluence:forge-sha256:"))
        #expect(first.count == "confluence:forge-sha256:".count + 64)
        var retryClaims = Values.claims(issuedAt: Values.now - 10)
        retryClaims["jti"] = "0000000000000000000000000000000000000001"
        #expect(try await Self.key(try Self.fixture("avi.confluence.created.page.json"), claims: retryClaims) == first)
        #expect(try await Self.key(try Self.fixture("avi.confluence.created.page--retry-top-level.json")) == first)
        #expect(try await Self.key(try Self.fixture("avi.confluence.created.page--payload-envelope.json")) == first)
    }

    @Test("the key changes with the installation, the event name, the entity, the version or the time")
    func keyParts() async throws {
        let page = try Self.fixture("avi.confluence.created.page.json")
        let first = try await Self.key(page)
        var otherInstallation = Values.claims()
        var app = try #require(otherInstallation["app"] as? [String: Any])
        app["installationId"] = "ari:cloud:ecosystem::installation/ffffffff-53ae-4a5b-9e7e-03338980abb5"
        otherInstallation["app"] = app
        #expect(try await Self.key(page, claims: otherInstallation) != first)
        let text = String(decoding: page, as: UTF8.self)
        let variants = [
            text.replacingOccurrences(of: "avi:confluence:created:page", with: "avi:confluence:updated:page"),
            text.replacingOccurrences(of: "\"838205441\"", with: "\"838205442\""),
            text.replacingOccurrences(of: "\"number\": 1\n    }\n  }\n}", with: "\"number\": 2\n    }\n  }\n}"),
            text.replacingOccurrences(of: "2021-01-20T06:29:21.907Z", with: "2021-01-20T06:29:22.907Z"),
        ]
        var keys: Set<String?> = [first]
        for variant in variants {
            #expect(variant != text)
            keys.insert(try await Self.key(Array(variant.utf8)))
        }
        #expect(keys.count == 5)
    }

    @Test("lifecycle events are keyed by installation id and app version; an event without id or date has no key")
    func lifecycleAndNoKey() async throws {
        let installed = try await Self.key(try Self.fixture("avi.forge.installed.app--remote-agents.json"))
        #expect(installed?.hasPrefix("confluence:forge-sha256:") == true)
        let bare = #"{"eventType":"avi:confluence:performed:search"}"#
        #expect(try await Self.key(Array(bare.utf8)) == nil)
    }
}
