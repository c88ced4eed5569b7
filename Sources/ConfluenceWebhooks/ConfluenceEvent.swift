public import WebhookCore
public import WebhookRegistry

/// A Confluence webhook event: one case per registered event name, and ``unknown(name:json:)`` for the rest.
///
/// Confluence Cloud bodies do not name their event, so ``decode(from:eventName:)`` takes the name from the
/// caller first (the name the receiving URL was registered for), then from the body's `event` member (Data
/// Center), then from `eventType` (the enriched variant). ``eventName`` returns the name exactly as used:
/// because the 2021 Cloud capture labels `page_removed` and `page_trashed` the other way round from the Data
/// Center documentation, rely on the raw string rather than on what a case name suggests.
public enum ConfluenceEvent: WebhookEventDecodable, Equatable {
    /// `page_created`: Page created.
    case pageCreated(ConfluencePageEvent)
    /// `page_updated`: Page updated (edited, renamed, …); `updateTrigger` tells how.
    case pageUpdated(ConfluencePageEvent)
    /// `page_removed`: Page deleted (sent to the trash). The 2021 Cloud capture labels removed and trashed the other way round.
    case pageRemoved(ConfluencePageEvent)
    /// `page_trashed`: Page purged from the trash. The 2021 Cloud capture labels removed and trashed the other way round.
    case pageTrashed(ConfluencePageEvent)
    /// `page_restored`: Page restored from the trash.
    case pageRestored(ConfluencePageEvent)
    /// `page_moved`: Page moved to another parent or space (also seen for a page restored from the archive).
    case pageMoved(ConfluencePageEvent)
    /// `page_children_reordered`: The child pages of a page were reordered.
    case pageChildrenReordered(ConfluencePageEvent)
    /// `page_viewed`: Page viewed.
    case pageViewed(ConfluencePageEvent)
    /// `blog_created`: Blog post created.
    case blogCreated(ConfluenceBlogEvent)
    /// `blog_updated`: Blog post updated.
    case blogUpdated(ConfluenceBlogEvent)
    /// `blog_removed`: Blog post deleted (sent to the trash).
    case blogRemoved(ConfluenceBlogEvent)
    /// `blog_restored`: Blog post restored from the trash.
    case blogRestored(ConfluenceBlogEvent)
    /// `blog_trashed`: Blog post purged from the trash.
    case blogTrashed(ConfluenceBlogEvent)
    /// `blog_viewed`: Blog post viewed.
    case blogViewed(ConfluenceBlogEvent)
    /// `comment_created`: Comment created (page comment, inline comment or file comment).
    case commentCreated(ConfluenceCommentEvent)
    /// `comment_updated`: Comment updated (page comment, inline comment or file comment).
    case commentUpdated(ConfluenceCommentEvent)
    /// `comment_removed`: Comment removed (page comment, inline comment or file comment).
    case commentRemoved(ConfluenceCommentEvent)
    /// `comment_deleted`: Comment deleted; only seen in a Connect descriptor, not in Atlassian's lists.
    case commentDeleted(ConfluenceCommentEvent)
    /// `attachment_created`: Attachment created (a file attached to content).
    case attachmentCreated(ConfluenceAttachmentEvent)
    /// `attachment_updated`: Attachment updated (a new version of the file).
    case attachmentUpdated(ConfluenceAttachmentEvent)
    /// `attachment_removed`: Attachment deleted (sent to the trash).
    case attachmentRemoved(ConfluenceAttachmentEvent)
    /// `attachment_restored`: Attachment restored from the trash.
    case attachmentRestored(ConfluenceAttachmentEvent)
    /// `attachment_trashed`: Attachment purged from the trash.
    case attachmentTrashed(ConfluenceAttachmentEvent)
    /// `attachment_viewed`: Attachment viewed.
    case attachmentViewed(ConfluenceAttachmentEvent)
    /// `label_added`: An existing label was applied to content.
    case labelAdded(ConfluenceLabelEvent)
    /// `label_created`: A label was used for the first time.
    case labelCreated(ConfluenceLabelEvent)
    /// `label_deleted`: A label was removed from the last content that had it.
    case labelDeleted(ConfluenceLabelEvent)
    /// `label_removed`: A label was removed from content.
    case labelRemoved(ConfluenceLabelEvent)
    /// `space_created`: Space created.
    case spaceCreated(ConfluenceSpaceEvent)
    /// `space_updated`: Space updated.
    case spaceUpdated(ConfluenceSpaceEvent)
    /// `space_removed`: Space removed.
    case spaceRemoved(ConfluenceSpaceEvent)
    /// `space_logo_updated`: Space logo updated.
    case spaceLogoUpdated(ConfluenceSpaceEvent)
    /// `space_permissions_updated`: Space permissions updated.
    case spacePermissionsUpdated(ConfluenceSpaceEvent)
    /// `content_created`: Content created (seen for a content property); the body is a REST content object.
    case contentCreated(ConfluenceContentEvent)
    /// `content_updated`: Content updated (seen for a content property); the body is a REST content object.
    case contentUpdated(ConfluenceContentEvent)
    /// `content_removed`: Content removed (seen for a content property); the body is a REST content object.
    case contentRemoved(ConfluenceContentEvent)
    /// `content_restored`: Content restored from the trash.
    case contentRestored(ConfluenceContentEvent)
    /// `content_trashed`: Content sent to the trash.
    case contentTrashed(ConfluenceContentEvent)
    /// `content_permissions_updated`: Content permissions (restrictions) updated.
    case contentPermissionsUpdated(ConfluenceContentEvent)
    /// `theme_enabled`: A theme was enabled for a space or the site.
    case themeEnabled(ConfluenceThemeEvent)
    /// `blueprint_page_created`: Page created from a blueprint.
    case blueprintPageCreated(ConfluenceBlueprintPageEvent)
    /// `relation_created`: Relation created between two entities (for example a user and content).
    case relationCreated(ConfluenceRelationEvent)
    /// `relation_deleted`: Relation deleted.
    case relationDeleted(ConfluenceRelationEvent)
    /// `user_created`: User created.
    case userCreated(ConfluenceUserEvent)
    /// `user_deactivated`: User deactivated.
    case userDeactivated(ConfluenceUserEvent)
    /// `user_followed`: A user followed another user.
    case userFollowed(ConfluenceUserEvent)
    /// `user_reactivated`: User reactivated.
    case userReactivated(ConfluenceUserEvent)
    /// `user_removed`: User removed.
    case userRemoved(ConfluenceUserEvent)
    /// `group_created`: Group created.
    case groupCreated(ConfluenceGroupEvent)
    /// `group_removed`: Group removed.
    case groupRemoved(ConfluenceGroupEvent)
    /// `connect_addon_enabled`: The Connect app was enabled on the site.
    case connectAddonEnabled(ConfluenceConnectAddonEvent)
    /// `connect_addon_disabled`: The Connect app was disabled; may arrive after uninstall without a JWT (AC-2561).
    case connectAddonDisabled(ConfluenceConnectAddonEvent)
    /// `login`: A user logged in.
    case login(ConfluenceSessionEvent)
    /// `login_failed`: A login attempt failed.
    case loginFailed(ConfluenceSessionEvent)
    /// `logout`: A user logged out.
    case logout(ConfluenceSessionEvent)
    /// `search_performed`: A search was performed.
    case searchPerformed(ConfluenceSearchEvent)
    /// An event name the registry does not know, with the body as JSON.
    case unknown(name: String?, json: JSONValue)

    /// Decodes a Confluence webhook body.
    ///
    /// - Parameters:
    ///   - body: The verified body bytes.
    ///   - eventName: The event name the receiving URL was registered for, if known. It wins over any name
    ///     in the body.
    /// - Returns: The case for the event name, or ``unknown(name:json:)`` for a name the registry does not know.
    /// - Throws: `WebhookError` with code `malformedBody` (empty, not JSON, not an object), `invalidPayload`
    ///   (a member of the wrong type; the reason names its path) or `missingEventName` (no name from the caller
    ///   and none in the body, as for every Cloud body).
    public static func decode(from body: [UInt8], eventName: String?) throws(WebhookError) -> ConfluenceEvent {
        // A known name from the caller (every Cloud delivery): one pass, straight into the payload type. The body
        // is read into a `JSONValue` tree only when it must supply the name or be kept whole for `unknown`.
        let callerName = eventName.flatMap { $0.isEmpty ? nil : $0 }
        if let callerName, let event = try decodeKnown(callerName, from: body) {
            return event
        }
        let json = try WebhookJSON.value(from: body, vendor: .confluence)
        let name = callerName ?? bodyEventName(json)
        guard let name else {
            throw WebhookError(
                .missingEventName,
                "Confluence Cloud bodies name no event: pass the event name the URL was registered for",
                vendor: .confluence
            )
        }
        if callerName == nil, let event = try decodeKnown(name, from: body) {
            return event
        }
        return .unknown(name: name, json: json)
    }

    /// The case for a name the registry knows, decoded from `body`; nil for any other name.
    private static func decodeKnown(_ name: String, from body: [UInt8]) throws(WebhookError) -> ConfluenceEvent? {
        func payload<Payload: Decodable>(_ type: Payload.Type) throws(WebhookError) -> Payload {
            try WebhookJSON.decode(type, from: body, vendor: .confluence)
        }
        switch ConfluenceEventName(rawValue: name) {
        case .pageCreated: return .pageCreated(try payload(ConfluencePageEvent.self))
        case .pageUpdated: return .pageUpdated(try payload(ConfluencePageEvent.self))
        case .pageRemoved: return .pageRemoved(try payload(ConfluencePageEvent.self))
        case .pageTrashed: return .pageTrashed(try payload(ConfluencePageEvent.self))
        case .pageRestored: return .pageRestored(try payload(ConfluencePageEvent.self))
        case .pageMoved: return .pageMoved(try payload(ConfluencePageEvent.self))
        case .pageChildrenReordered: return .pageChildrenReordered(try payload(ConfluencePageEvent.self))
        case .pageViewed: return .pageViewed(try payload(ConfluencePageEvent.self))
        case .blogCreated: return .blogCreated(try payload(ConfluenceBlogEvent.self))
        case .blogUpdated: return .blogUpdated(try payload(ConfluenceBlogEvent.self))
        case .blogRemoved: return .blogRemoved(try payload(ConfluenceBlogEvent.self))
        case .blogRestored: return .blogRestored(try payload(ConfluenceBlogEvent.self))
        case .blogTrashed: return .blogTrashed(try payload(ConfluenceBlogEvent.self))
        case .blogViewed: return .blogViewed(try payload(ConfluenceBlogEvent.self))
        case .commentCreated: return .commentCreated(try payload(ConfluenceCommentEvent.self))
        case .commentUpdated: return .commentUpdated(try payload(ConfluenceCommentEvent.self))
        case .commentRemoved: return .commentRemoved(try payload(ConfluenceCommentEvent.self))
        case .commentDeleted: return .commentDeleted(try payload(ConfluenceCommentEvent.self))
        case .attachmentCreated: return .attachmentCreated(try payload(ConfluenceAttachmentEvent.self))
        case .attachmentUpdated: return .attachmentUpdated(try payload(ConfluenceAttachmentEvent.self))
        case .attachmentRemoved: return .attachmentRemoved(try payload(ConfluenceAttachmentEvent.self))
        case .attachmentRestored: return .attachmentRestored(try payload(ConfluenceAttachmentEvent.self))
        case .attachmentTrashed: return .attachmentTrashed(try payload(ConfluenceAttachmentEvent.self))
        case .attachmentViewed: return .attachmentViewed(try payload(ConfluenceAttachmentEvent.self))
        case .labelAdded: return .labelAdded(try payload(ConfluenceLabelEvent.self))
        case .labelCreated: return .labelCreated(try payload(ConfluenceLabelEvent.self))
        case .labelDeleted: return .labelDeleted(try payload(ConfluenceLabelEvent.self))
        case .labelRemoved: return .labelRemoved(try payload(ConfluenceLabelEvent.self))
        case .spaceCreated: return .spaceCreated(try payload(ConfluenceSpaceEvent.self))
        case .spaceUpdated: return .spaceUpdated(try payload(ConfluenceSpaceEvent.self))
        case .spaceRemoved: return .spaceRemoved(try payload(ConfluenceSpaceEvent.self))
        case .spaceLogoUpdated: return .spaceLogoUpdated(try payload(ConfluenceSpaceEvent.self))
        case .spacePermissionsUpdated: return .spacePermissionsUpdated(try payload(ConfluenceSpaceEvent.self))
        case .contentCreated: return .contentCreated(try payload(ConfluenceContentEvent.self))
        case .contentUpdated: return .contentUpdated(try payload(ConfluenceContentEvent.self))
        case .contentRemoved: return .contentRemoved(try payload(ConfluenceContentEvent.self))
        case .contentRestored: return .contentRestored(try payload(ConfluenceContentEvent.self))
        case .contentTrashed: return .contentTrashed(try payload(ConfluenceContentEvent.self))
        case .contentPermissionsUpdated: return .contentPermissionsUpdated(try payload(ConfluenceContentEvent.self))
        case .themeEnabled: return .themeEnabled(try payload(ConfluenceThemeEvent.self))
        case .blueprintPageCreated: return .blueprintPageCreated(try payload(ConfluenceBlueprintPageEvent.self))
        case .relationCreated: return .relationCreated(try payload(ConfluenceRelationEvent.self))
        case .relationDeleted: return .relationDeleted(try payload(ConfluenceRelationEvent.self))
        case .userCreated: return .userCreated(try payload(ConfluenceUserEvent.self))
        case .userDeactivated: return .userDeactivated(try payload(ConfluenceUserEvent.self))
        case .userFollowed: return .userFollowed(try payload(ConfluenceUserEvent.self))
        case .userReactivated: return .userReactivated(try payload(ConfluenceUserEvent.self))
        case .userRemoved: return .userRemoved(try payload(ConfluenceUserEvent.self))
        case .groupCreated: return .groupCreated(try payload(ConfluenceGroupEvent.self))
        case .groupRemoved: return .groupRemoved(try payload(ConfluenceGroupEvent.self))
        case .connectAddonEnabled: return .connectAddonEnabled(try payload(ConfluenceConnectAddonEvent.self))
        case .connectAddonDisabled: return .connectAddonDisabled(try payload(ConfluenceConnectAddonEvent.self))
        case .login: return .login(try payload(ConfluenceSessionEvent.self))
        case .loginFailed: return .loginFailed(try payload(ConfluenceSessionEvent.self))
        case .logout: return .logout(try payload(ConfluenceSessionEvent.self))
        case .searchPerformed: return .searchPerformed(try payload(ConfluenceSearchEvent.self))
        default: return nil
        }
    }

    /// The event name a body carries itself: `event` (Data Center), else `eventType` (enriched variant).
    ///
    /// - Parameter json: The decoded body.
    /// - Returns: The name, or `nil` for Cloud bodies, which name none.
    public static func bodyEventName(_ json: JSONValue) -> String? {
        for member in ["event", "eventType"] {
            if let name = json[member]?.stringValue, !name.isEmpty {
                return name
            }
        }
        return nil
    }

    /// The event name exactly as used for decoding (caller's, or the body's).
    public var eventName: String? {
        name?.rawValue
    }

    /// The event name as a registry value; `nil` only for an unknown event without a name.
    public var name: ConfluenceEventName? {
        switch self {
        case .pageCreated: .pageCreated
        case .pageUpdated: .pageUpdated
        case .pageRemoved: .pageRemoved
        case .pageTrashed: .pageTrashed
        case .pageRestored: .pageRestored
        case .pageMoved: .pageMoved
        case .pageChildrenReordered: .pageChildrenReordered
        case .pageViewed: .pageViewed
        case .blogCreated: .blogCreated
        case .blogUpdated: .blogUpdated
        case .blogRemoved: .blogRemoved
        case .blogRestored: .blogRestored
        case .blogTrashed: .blogTrashed
        case .blogViewed: .blogViewed
        case .commentCreated: .commentCreated
        case .commentUpdated: .commentUpdated
        case .commentRemoved: .commentRemoved
        case .commentDeleted: .commentDeleted
        case .attachmentCreated: .attachmentCreated
        case .attachmentUpdated: .attachmentUpdated
        case .attachmentRemoved: .attachmentRemoved
        case .attachmentRestored: .attachmentRestored
        case .attachmentTrashed: .attachmentTrashed
        case .attachmentViewed: .attachmentViewed
        case .labelAdded: .labelAdded
        case .labelCreated: .labelCreated
        case .labelDeleted: .labelDeleted
        case .labelRemoved: .labelRemoved
        case .spaceCreated: .spaceCreated
        case .spaceUpdated: .spaceUpdated
        case .spaceRemoved: .spaceRemoved
        case .spaceLogoUpdated: .spaceLogoUpdated
        case .spacePermissionsUpdated: .spacePermissionsUpdated
        case .contentCreated: .contentCreated
        case .contentUpdated: .contentUpdated
        case .contentRemoved: .contentRemoved
        case .contentRestored: .contentRestored
        case .contentTrashed: .contentTrashed
        case .contentPermissionsUpdated: .contentPermissionsUpdated
        case .themeEnabled: .themeEnabled
        case .blueprintPageCreated: .blueprintPageCreated
        case .relationCreated: .relationCreated
        case .relationDeleted: .relationDeleted
        case .userCreated: .userCreated
        case .userDeactivated: .userDeactivated
        case .userFollowed: .userFollowed
        case .userReactivated: .userReactivated
        case .userRemoved: .userRemoved
        case .groupCreated: .groupCreated
        case .groupRemoved: .groupRemoved
        case .connectAddonEnabled: .connectAddonEnabled
        case .connectAddonDisabled: .connectAddonDisabled
        case .login: .login
        case .loginFailed: .loginFailed
        case .logout: .logout
        case .searchPerformed: .searchPerformed
        case .unknown(let name, _): name.map(ConfluenceEventName.init(rawValue:))
        }
    }

    /// The decoded body: one of the `Confluence…Event` types, or the `JSONValue` of an unknown event.
    public var payload: any Encodable & Sendable {
        switch self {
        case .pageCreated(let body as any Encodable & Sendable), .pageUpdated(let body as any Encodable & Sendable),
            .pageRemoved(let body as any Encodable & Sendable), .pageTrashed(let body as any Encodable & Sendable),
            .pageRestored(let body as any Encodable & Sendable), .pageMoved(let body as any Encodable & Sendable),
            .pageChildrenReordered(let body as any Encodable & Sendable),
            .pageViewed(let body as any Encodable & Sendable):
            body
        case .blogCreated(let body as any Encodable & Sendable), .blogUpdated(let body as any Encodable & Sendable),
            .blogRemoved(let body as any Encodable & Sendable), .blogRestored(let body as any Encodable & Sendable),
            .blogTrashed(let body as any Encodable & Sendable), .blogViewed(let body as any Encodable & Sendable):
            body
        case .commentCreated(let body as any Encodable & Sendable),
            .commentUpdated(let body as any Encodable & Sendable),
            .commentRemoved(let body as any Encodable & Sendable),
            .commentDeleted(let body as any Encodable & Sendable):
            body
        case .attachmentCreated(let body as any Encodable & Sendable),
            .attachmentUpdated(let body as any Encodable & Sendable),
            .attachmentRemoved(let body as any Encodable & Sendable),
            .attachmentRestored(let body as any Encodable & Sendable),
            .attachmentTrashed(let body as any Encodable & Sendable),
            .attachmentViewed(let body as any Encodable & Sendable):
            body
        case .labelAdded(let body as any Encodable & Sendable), .labelCreated(let body as any Encodable & Sendable),
            .labelDeleted(let body as any Encodable & Sendable), .labelRemoved(let body as any Encodable & Sendable):
            body
        case .spaceCreated(let body as any Encodable & Sendable), .spaceUpdated(let body as any Encodable & Sendable),
            .spaceRemoved(let body as any Encodable & Sendable),
            .spaceLogoUpdated(let body as any Encodable & Sendable),
            .spacePermissionsUpdated(let body as any Encodable & Sendable):
            body
        case .contentCreated(let body as any Encodable & Sendable),
            .contentUpdated(let body as any Encodable & Sendable),
            .contentRemoved(let body as any Encodable & Sendable),
            .contentRestored(let body as any Encodable & Sendable),
            .contentTrashed(let body as any Encodable & Sendable),
            .contentPermissionsUpdated(let body as any Encodable & Sendable):
            body
        case .themeEnabled(let body as any Encodable & Sendable):
            body
        case .blueprintPageCreated(let body as any Encodable & Sendable):
            body
        case .relationCreated(let body as any Encodable & Sendable),
            .relationDeleted(let body as any Encodable & Sendable):
            body
        case .userCreated(let body as any Encodable & Sendable), .userDeactivated(let body as any Encodable & Sendable),
            .userFollowed(let body as any Encodable & Sendable), .userReactivated(let body as any Encodable & Sendable),
            .userRemoved(let body as any Encodable & Sendable):
            body
        case .groupCreated(let body as any Encodable & Sendable), .groupRemoved(let body as any Encodable & Sendable):
            body
        case .connectAddonEnabled(let body as any Encodable & Sendable),
            .connectAddonDisabled(let body as any Encodable & Sendable):
            body
        case .login(let body as any Encodable & Sendable), .loginFailed(let body as any Encodable & Sendable),
            .logout(let body as any Encodable & Sendable):
            body
        case .searchPerformed(let body as any Encodable & Sendable):
            body
        case .unknown(_, let json): json
        }
    }

    /// The members every body may carry (actor, time, Data Center `event`); `nil` for an unknown event.
    public var envelope: ConfluenceEventEnvelope? {
        (payload as? any ConfluenceEventBody)?.envelope
    }

    /// The body encoded back to JSON (sorted keys); decoding it with ``eventName`` gives this event again.
    ///
    /// - Throws: `WebhookError` when a value cannot be encoded.
    public func encodedPayload() throws(WebhookError) -> [UInt8] {
        try WebhookJSON.encode(payload)
    }
}

/// What every typed Confluence event body has: the envelope and the members this version does not type.
public protocol ConfluenceEventBody: Codable, Sendable, Equatable {
    /// The members every webhook body may carry.
    var envelope: ConfluenceEventEnvelope { get }
    /// The body's members this version does not type, as they arrived.
    var additionalFields: [String: JSONValue] { get }
}

extension ConfluencePageEvent: ConfluenceEventBody {}
extension ConfluenceBlogEvent: ConfluenceEventBody {}
extension ConfluenceCommentEvent: ConfluenceEventBody {}
extension ConfluenceAttachmentEvent: ConfluenceEventBody {}
extension ConfluenceLabelEvent: ConfluenceEventBody {}
extension ConfluenceSpaceEvent: ConfluenceEventBody {}
extension ConfluenceContentEvent: ConfluenceEventBody {}
extension ConfluenceThemeEvent: ConfluenceEventBody {}
extension ConfluenceBlueprintPageEvent: ConfluenceEventBody {}
extension ConfluenceRelationEvent: ConfluenceEventBody {}
extension ConfluenceUserEvent: ConfluenceEventBody {}
extension ConfluenceGroupEvent: ConfluenceEventBody {}
extension ConfluenceConnectAddonEvent: ConfluenceEventBody {}
extension ConfluenceSessionEvent: ConfluenceEventBody {}
extension ConfluenceSearchEvent: ConfluenceEventBody {}
