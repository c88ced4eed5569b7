public import WebhookCore
public import WebhookRegistry
public import WebhookValues

/// A Confluence event as a Forge app's trigger delivers it to a remote backend (Forge Remote): a product event
/// (`avi:confluence:…`), a Forge lifecycle event (`avi:forge:installed:app`, `avi:forge:upgraded:app`), or any other
/// name with its JSON.
///
/// Atlassian documents two shapes and it is not confirmed which one Forge sends, so both are accepted: the event
/// object at the top level (`{"eventType": …, "content": …}`, the remote-agents guide and real apps' code), or under
/// `payload` (`{"payload": {…, "retryContext": {…}}}`, the "Handling retries" section). `retryContext` is read at
/// the top level first, then under `payload`. Unknown members are ignored.
public struct ConfluenceForgeEvent: WebhookEventDecodable, Equatable {
    /// The decoded event.
    public enum Payload: Sendable, Equatable {
        /// A registered `avi:confluence:…` product event.
        case product(ConfluenceForgeProductEvent)
        /// A registered Forge lifecycle event (`avi:forge:installed:app`, `avi:forge:upgraded:app`).
        case lifecycle(ConfluenceForgeLifecycleEvent)
        /// An event name the registry does not list as a Forge name, with the event object as JSON.
        case unknown(JSONValue)
    }

    /// The event name: the body's `eventType`, else the name given to ``decode(from:eventName:)``.
    public var name: ConfluenceEventName
    /// The decoded event.
    public var payload: Payload
    /// The redelivery information (`retryContext`), present on Forge's retries.
    public var retryContext: ForgeRetryContext?
    /// Whether the event object arrived under a `payload` member rather than at the top level.
    public var isInPayloadEnvelope: Bool

    /// Creates an event.
    public init(
        name: ConfluenceEventName,
        payload: Payload,
        retryContext: ForgeRetryContext? = nil,
        isInPayloadEnvelope: Bool = false
    ) {
        self.name = name
        self.payload = payload
        self.retryContext = retryContext
        self.isInPayloadEnvelope = isInPayloadEnvelope
    }

    public var eventName: String? { name.rawValue }

    /// The product event, when this is one.
    public var product: ConfluenceForgeProductEvent? {
        if case .product(let event) = payload { return event }
        return nil
    }

    /// The lifecycle event, when this is one.
    public var lifecycle: ConfluenceForgeLifecycleEvent? {
        if case .lifecycle(let event) = payload { return event }
        return nil
    }

    /// Decodes a Forge Remote event body.
    ///
    /// - Parameters:
    ///   - body: The verified body bytes.
    ///   - eventName: The event name known from outside the body, used only when the event object has no
    ///     `eventType` (the lifecycle examples of Atlassian's reference have none).
    /// - Returns: The event; a name that is not a registered Forge name decodes to ``Payload/unknown(_:)``.
    /// - Throws: `WebhookError` of category decoding: `malformedBody` (not a JSON object), `invalidPayload` (a
    ///   member of the wrong type, or a `payload` or `retryContext` that is not an object) or `missingEventName`.
    public static func decode(from body: [UInt8], eventName: String?) throws(WebhookError) -> ConfluenceForgeEvent {
        let json = try WebhookJSON.value(from: body, vendor: .confluence)
        var object = json
        var path = "$"
        var isInPayloadEnvelope = false
        if json["eventType"] == nil, let inner = json["payload"] {
            guard case .object = inner else {
                throw WebhookError(.invalidPayload, "payload is not a JSON object", vendor: .confluence)
            }
            object = inner
            path = "$.payload"
            isInPayloadEnvelope = true
        }
        let retryJSON = json["retryContext"] ?? (isInPayloadEnvelope ? object["retryContext"] : nil)
        let retryContext: ForgeRetryContext?
        if let retryJSON, !retryJSON.isNull {
            retryContext = try retryJSON.decode(as: ForgeRetryContext.self, path: "retryContext", vendor: .confluence)
        } else {
            retryContext = nil
        }
        let bodyName: String?
        switch object["eventType"] {
        case .string(let text)?: bodyName = text.isEmpty ? nil : text
        case nil, .null?: bodyName = nil
        default:
            throw WebhookError(.invalidPayload, "eventType at \(path) is not a string", vendor: .confluence)
        }
        guard let name = bodyName ?? eventName.flatMap({ $0.isEmpty ? nil : $0 }) else {
            throw WebhookError(
                .missingEventName,
                "the Forge event has no eventType and no event name was given",
                vendor: .confluence
            )
        }
        let eventName = ConfluenceEventName(rawValue: name)
        let payload: Payload
        switch EventRegistry.descriptor(vendor: .confluence, name: name)?.swiftType {
        case "ConfluenceForgeProductEvent" where eventName.isForge:
            payload = .product(try object.decode(as: ConfluenceForgeProductEvent.self, path: path, vendor: .confluence))
        case "ConfluenceForgeLifecycleEvent" where eventName.isForge:
            payload = .lifecycle(
                try object.decode(as: ConfluenceForgeLifecycleEvent.self, path: path, vendor: .confluence)
            )
        default:
            payload = .unknown(object)
        }
        return ConfluenceForgeEvent(
            name: eventName,
            payload: payload,
            retryContext: retryContext,
            isInPayloadEnvelope: isInPayloadEnvelope
        )
    }
}

/// Forge's redelivery information (`retryContext`): present when Forge sends an event again after a non-2xx answer,
/// a timeout, or a `401`.
public struct ForgeRetryContext: Sendable, Equatable, Codable {
    /// How many times the event was retried before this delivery.
    public var retryCount: Int?
    /// Why: `INVALID_REMOTE_INVOCATION_ERROR`, `TIMEOUT_ERROR` or `INVALID_FORGE_INVOCATION_TOKEN`.
    public var retryReason: String?
    /// Always `null` for remotes, per Atlassian; kept as it arrived.
    public var retryData: JSONValue?

    /// Creates a retry context.
    public init(retryCount: Int? = nil, retryReason: String? = nil, retryData: JSONValue? = nil) {
        self.retryCount = retryCount
        self.retryReason = retryReason
        self.retryData = retryData
    }
}

/// A Confluence product event of a Forge trigger (`avi:confluence:…`): the common members and whichever entity the
/// event carries. Every member is optional; unknown members are ignored.
public struct ConfluenceForgeProductEvent: Sendable, Equatable, Codable {
    /// The event name, such as `avi:confluence:created:page`.
    public var eventType: String?
    /// The account id of the user who caused the event; absent for anonymous users.
    public var atlassianId: String?
    /// When the event happened (ISO 8601).
    public var eventCreatedDate: String?
    /// Whether the change asked for no notifications.
    public var suppressNotifications: FlexibleBool?
    /// Whether the app itself caused the event (sent when the trigger does not set `ignoreSelf`).
    public var selfGenerated: FlexibleBool?
    /// What caused an update (for example `page_started`); only on some update events.
    public var updateTrigger: String?
    /// The page, blog post, comment or custom content.
    public var content: ConfluenceForgeContent?
    /// The content before a move (`avi:confluence:moved:page`).
    public var prevContent: ConfluenceForgeContent?
    /// The id of the content a copy was made from (`avi:confluence:copied:page`).
    public var originContentId: FlexibleID?
    /// The child page ids before a reorder.
    public var oldSortedChildPageIds: [FlexibleID]?
    /// The child page ids after a reorder.
    public var newSortedChildPageIds: [FlexibleID]?
    /// The inline task (task events).
    public var task: ConfluenceForgeTask?
    /// The inline task before the change (`avi:confluence:updated:task`).
    public var oldTask: ConfluenceForgeTask?
    /// The space (space events).
    public var space: ConfluenceForgeSpace?
    /// The attachment (attachment events).
    public var attachment: ConfluenceForgeContent?
    /// The label (label events), as it arrived.
    public var label: JSONValue?
    /// The user (user events), as it arrived.
    public var user: JSONValue?
    /// The group (group events), as it arrived.
    public var group: JSONValue?

    /// Creates an event.
    public init(eventType: String? = nil) {
        self.eventType = eventType
    }

    /// The id of the entity the event is about: `content`, else `attachment`, `task` or `space`.
    public var entityID: FlexibleID? {
        content?.id ?? attachment?.id ?? task?.id ?? space?.id
    }
}

/// A page, blog post, comment, attachment or custom content in a Forge event.
public struct ConfluenceForgeContent: Sendable, Equatable, Codable {
    /// The content id (a string in the examples; read as string or number).
    public var id: FlexibleID?
    /// `page`, `blogpost`, `comment`, `attachment`, or a custom content type key.
    public var type: String?
    /// `live` for a live doc.
    public var subType: String?
    /// `current`, `trashed`, `archived`, ….
    public var status: String?
    /// The title.
    public var title: String?
    /// The space.
    public var space: ConfluenceForgeSpace?
    /// Who created and owns it, and when.
    public var history: ConfluenceForgeHistory?
    /// The current version.
    public var version: ConfluenceForgeVersion?
    /// A comment's parents (comments only).
    public var ancestors: [ConfluenceForgeContentReference]?
    /// The content a comment, attachment or custom content belongs to.
    public var container: ConfluenceForgeContentReference?
    /// Type-specific members (a comment's `location`, an attachment's media type and size), as they arrived.
    public var extensions: JSONValue?

    /// Creates content.
    public init(id: FlexibleID? = nil, type: String? = nil, title: String? = nil) {
        self.id = id
        self.type = type
        self.title = title
    }
}

/// Content that another content refers to: a comment's ancestor or container.
public struct ConfluenceForgeContentReference: Sendable, Equatable, Codable {
    /// The id (documented as a number, sent as a string in the example; read as either).
    public var id: FlexibleID?
    /// The content type.
    public var type: String?
    /// The status.
    public var status: String?
    /// The title.
    public var title: String?
    /// The space.
    public var space: ConfluenceForgeSpace?
    /// Who created and owns it, and when.
    public var history: ConfluenceForgeHistory?
    /// The current version.
    public var version: ConfluenceForgeVersion?

    /// Creates a reference.
    public init(id: FlexibleID? = nil, type: String? = nil) {
        self.id = id
        self.type = type
    }
}

/// A space in a Forge event.
public struct ConfluenceForgeSpace: Sendable, Equatable, Codable {
    /// The space id (a JSON number in the examples; read as string or number).
    public var id: FlexibleID?
    /// The space key.
    public var key: String?
    /// The space alias.
    public var alias: String?
    /// The name.
    public var name: String?
    /// `global` or `personal`.
    public var type: String?
    /// The status.
    public var status: String?
    /// Who created it, and when (space events).
    public var history: ConfluenceForgeHistory?

    /// Creates a space.
    public init(id: FlexibleID? = nil, key: String? = nil) {
        self.id = id
        self.key = key
    }
}

/// Who created and owns content, and when.
public struct ConfluenceForgeHistory: Sendable, Equatable, Codable {
    /// Whether this is the latest version.
    public var latest: FlexibleBool?
    /// The creator.
    public var createdBy: ConfluenceForgeUser?
    /// The owner.
    public var ownedBy: ConfluenceForgeUser?
    /// When it was created (ISO 8601).
    public var createdDate: String?

    /// Creates a history.
    public init(createdBy: ConfluenceForgeUser? = nil, createdDate: String? = nil) {
        self.createdBy = createdBy
        self.createdDate = createdDate
    }
}

/// A version of content.
public struct ConfluenceForgeVersion: Sendable, Equatable, Codable {
    /// Who made it.
    public var by: ConfluenceForgeUser?
    /// When (ISO 8601).
    public var when: String?
    /// The version number.
    public var number: Int?

    /// Creates a version.
    public init(number: Int? = nil, when: String? = nil) {
        self.number = number
        self.when = when
    }
}

/// A user in a Forge event. Atlassian fills the personal fields (`email`, `username`, …) with the account id.
public struct ConfluenceForgeUser: Sendable, Equatable, Codable {
    /// `known`, `anonymous`, ….
    public var type: String?
    /// The account id.
    public var accountId: String?
    /// `atlassian`, `app`, `customer`.
    public var accountType: String?
    /// The display name.
    public var displayName: String?
    /// The public name.
    public var publicName: String?
    /// Whether the user is an external collaborator.
    public var isExternalCollaborator: FlexibleBool?

    /// Creates a user.
    public init(accountId: String? = nil) {
        self.accountId = accountId
    }
}

/// An inline task in a Forge event.
public struct ConfluenceForgeTask: Sendable, Equatable, Codable {
    /// The task id (a number in the example; read as string or number).
    public var id: FlexibleID?
    /// The task's UUID.
    public var uuid: String?
    /// `complete` or `incomplete`.
    public var status: String?
    /// `CHECKED` or `UNCHECKED`.
    public var statusAsString: String?
    /// The assignee's account id.
    public var assignee: String?
    /// The due date (ISO 8601).
    public var dueDate: String?

    /// Creates a task.
    public init(id: FlexibleID? = nil, status: String? = nil) {
        self.id = id
        self.status = status
    }
}

/// A Forge lifecycle event (`avi:forge:installed:app`, `avi:forge:upgraded:app`).
public struct ConfluenceForgeLifecycleEvent: Sendable, Equatable, Codable {
    /// The event name, when the body carries it.
    public var eventType: String?
    /// The installation's id (a bare UUID: the `app.installationId` ARI of the token ends with it).
    public var id: String?
    /// Who installed the app (`avi:forge:installed:app`).
    public var installerAccountId: String?
    /// Who upgraded the app (`avi:forge:upgraded:app`).
    public var upgraderAccountId: String?
    /// The app.
    public var app: App?
    /// The environment installed into.
    public var environment: Environment?
    /// The site, as it arrived: an ARI string (`ari:cloud:jira::site/<cloudId>`) in Atlassian's remote example.
    public var context: JSONValue?

    /// The app of a lifecycle event.
    public struct App: Sendable, Equatable, Codable {
        /// The app id.
        public var id: String?
        /// The app's name.
        public var name: String?
        /// The owner's account id.
        public var ownerAccountId: String?
        /// The app version.
        public var version: String?

        /// Creates an app.
        public init(id: String? = nil, version: String? = nil) {
            self.id = id
            self.version = version
        }
    }

    /// The environment of a lifecycle event.
    public struct Environment: Sendable, Equatable, Codable {
        /// The environment id.
        public var id: String?

        /// Creates an environment.
        public init(id: String? = nil) {
            self.id = id
        }
    }

    /// Creates a lifecycle event.
    public init(id: String? = nil, app: App? = nil) {
        self.id = id
        self.app = app
    }
}
