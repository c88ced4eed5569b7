public import WebhookCore

/// An event name Confluence sends. An open set: unknown names are valid values.
///
/// Confluence Cloud bodies do not name the event: the name is the one the receiver registered the URL for.
/// Data Center bodies carry it in `event`.
public struct ConfluenceEventName: VendorEventName {
    public static let vendor = WebhookVendor.confluence
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }
}

extension ConfluenceEventName {
    // MARK: page

    /// `page_created`: Page created.
    public static let pageCreated = ConfluenceEventName(rawValue: "page_created")
    /// `page_updated`: Page updated (edited, renamed, …); `updateTrigger` tells how.
    public static let pageUpdated = ConfluenceEventName(rawValue: "page_updated")
    /// `page_removed`: Page deleted (sent to the trash). The 2021 Cloud capture labels removed and trashed the other way round.
    public static let pageRemoved = ConfluenceEventName(rawValue: "page_removed")
    /// `page_trashed`: Page purged from the trash. The 2021 Cloud capture labels removed and trashed the other way round.
    public static let pageTrashed = ConfluenceEventName(rawValue: "page_trashed")
    /// `page_restored`: Page restored from the trash.
    public static let pageRestored = ConfluenceEventName(rawValue: "page_restored")
    /// `page_moved`: Page moved to another parent or space (also seen for a page restored from the archive).
    public static let pageMoved = ConfluenceEventName(rawValue: "page_moved")
    /// `page_children_reordered`: The child pages of a page were reordered.
    public static let pageChildrenReordered = ConfluenceEventName(rawValue: "page_children_reordered")
    /// `page_viewed`: Page viewed.
    public static let pageViewed = ConfluenceEventName(rawValue: "page_viewed")

    // MARK: blog

    /// `blog_created`: Blog post created.
    public static let blogCreated = ConfluenceEventName(rawValue: "blog_created")
    /// `blog_updated`: Blog post updated.
    public static let blogUpdated = ConfluenceEventName(rawValue: "blog_updated")
    /// `blog_removed`: Blog post deleted (sent to the trash).
    public static let blogRemoved = ConfluenceEventName(rawValue: "blog_removed")
    /// `blog_restored`: Blog post restored from the trash.
    public static let blogRestored = ConfluenceEventName(rawValue: "blog_restored")
    /// `blog_trashed`: Blog post purged from the trash.
    public static let blogTrashed = ConfluenceEventName(rawValue: "blog_trashed")
    /// `blog_viewed`: Blog post viewed.
    public static let blogViewed = ConfluenceEventName(rawValue: "blog_viewed")

    // MARK: comment

    /// `comment_created`: Comment created (page comment, inline comment or file comment).
    public static let commentCreated = ConfluenceEventName(rawValue: "comment_created")
    /// `comment_updated`: Comment updated (page comment, inline comment or file comment).
    public static let commentUpdated = ConfluenceEventName(rawValue: "comment_updated")
    /// `comment_removed`: Comment removed (page comment, inline comment or file comment).
    public static let commentRemoved = ConfluenceEventName(rawValue: "comment_removed")
    /// `comment_deleted`: Comment deleted; only seen in a Connect descriptor, not in Atlassian's lists.
    public static let commentDeleted = ConfluenceEventName(rawValue: "comment_deleted")

    // MARK: attachment

    /// `attachment_created`: Attachment created (a file attached to content).
    public static let attachmentCreated = ConfluenceEventName(rawValue: "attachment_created")
    /// `attachment_updated`: Attachment updated (a new version of the file).
    public static let attachmentUpdated = ConfluenceEventName(rawValue: "attachment_updated")
    /// `attachment_removed`: Attachment deleted (sent to the trash).
    public static let attachmentRemoved = ConfluenceEventName(rawValue: "attachment_removed")
    /// `attachment_restored`: Attachment restored from the trash.
    public static let attachmentRestored = ConfluenceEventName(rawValue: "attachment_restored")
    /// `attachment_trashed`: Attachment purged from the trash.
    public static let attachmentTrashed = ConfluenceEventName(rawValue: "attachment_trashed")
    /// `attachment_viewed`: Attachment viewed.
    public static let attachmentViewed = ConfluenceEventName(rawValue: "attachment_viewed")

    // MARK: label

    /// `label_added`: An existing label was applied to content.
    public static let labelAdded = ConfluenceEventName(rawValue: "label_added")
    /// `label_created`: A label was used for the first time.
    public static let labelCreated = ConfluenceEventName(rawValue: "label_created")
    /// `label_deleted`: A label was removed from the last content that had it.
    public static let labelDeleted = ConfluenceEventName(rawValue: "label_deleted")
    /// `label_removed`: A label was removed from content.
    public static let labelRemoved = ConfluenceEventName(rawValue: "label_removed")

    // MARK: space

    /// `space_created`: Space created.
    public static let spaceCreated = ConfluenceEventName(rawValue: "space_created")
    /// `space_updated`: Space updated.
    public static let spaceUpdated = ConfluenceEventName(rawValue: "space_updated")
    /// `space_removed`: Space removed.
    public static let spaceRemoved = ConfluenceEventName(rawValue: "space_removed")
    /// `space_logo_updated`: Space logo updated.
    public static let spaceLogoUpdated = ConfluenceEventName(rawValue: "space_logo_updated")
    /// `space_permissions_updated`: Space permissions updated.
    public static let spacePermissionsUpdated = ConfluenceEventName(rawValue: "space_permissions_updated")

    // MARK: content

    /// `content_created`: Content created (seen for a content property); the body is a REST content object.
    public static let contentCreated = ConfluenceEventName(rawValue: "content_created")
    /// `content_updated`: Content updated (seen for a content property); the body is a REST content object.
    public static let contentUpdated = ConfluenceEventName(rawValue: "content_updated")
    /// `content_removed`: Content removed (seen for a content property); the body is a REST content object.
    public static let contentRemoved = ConfluenceEventName(rawValue: "content_removed")
    /// `content_restored`: Content restored from the trash.
    public static let contentRestored = ConfluenceEventName(rawValue: "content_restored")
    /// `content_trashed`: Content sent to the trash.
    public static let contentTrashed = ConfluenceEventName(rawValue: "content_trashed")
    /// `content_permissions_updated`: Content permissions (restrictions) updated.
    public static let contentPermissionsUpdated = ConfluenceEventName(rawValue: "content_permissions_updated")

    // MARK: theme

    /// `theme_enabled`: A theme was enabled for a space or the site.
    public static let themeEnabled = ConfluenceEventName(rawValue: "theme_enabled")

    // MARK: blueprint

    /// `blueprint_page_created`: Page created from a blueprint.
    public static let blueprintPageCreated = ConfluenceEventName(rawValue: "blueprint_page_created")

    // MARK: relation

    /// `relation_created`: Relation created between two entities (for example a user and content).
    public static let relationCreated = ConfluenceEventName(rawValue: "relation_created")
    /// `relation_deleted`: Relation deleted.
    public static let relationDeleted = ConfluenceEventName(rawValue: "relation_deleted")

    // MARK: user

    /// `user_created`: User created.
    public static let userCreated = ConfluenceEventName(rawValue: "user_created")
    /// `user_deactivated`: User deactivated.
    public static let userDeactivated = ConfluenceEventName(rawValue: "user_deactivated")
    /// `user_followed`: A user followed another user.
    public static let userFollowed = ConfluenceEventName(rawValue: "user_followed")
    /// `user_reactivated`: User reactivated.
    public static let userReactivated = ConfluenceEventName(rawValue: "user_reactivated")
    /// `user_removed`: User removed.
    public static let userRemoved = ConfluenceEventName(rawValue: "user_removed")

    // MARK: group

    /// `group_created`: Group created.
    public static let groupCreated = ConfluenceEventName(rawValue: "group_created")
    /// `group_removed`: Group removed.
    public static let groupRemoved = ConfluenceEventName(rawValue: "group_removed")

    // MARK: connect_addon

    /// `connect_addon_enabled`: The Connect app was enabled on the site.
    public static let connectAddonEnabled = ConfluenceEventName(rawValue: "connect_addon_enabled")
    /// `connect_addon_disabled`: The Connect app was disabled; may arrive after uninstall without a JWT (AC-2561).
    public static let connectAddonDisabled = ConfluenceEventName(rawValue: "connect_addon_disabled")

    // MARK: session

    /// `login`: A user logged in.
    public static let login = ConfluenceEventName(rawValue: "login")
    /// `login_failed`: A login attempt failed.
    public static let loginFailed = ConfluenceEventName(rawValue: "login_failed")
    /// `logout`: A user logged out.
    public static let logout = ConfluenceEventName(rawValue: "logout")

    // MARK: search

    /// `search_performed`: A search was performed.
    public static let searchPerformed = ConfluenceEventName(rawValue: "search_performed")
}

extension ConfluenceEventName {
    /// The registry entries for Confluence: the 19 names of the AsyncAPI list and every further name the
    /// fact sheet lists. `documented` = in the Data Center trigger table (or, for `connect_addon_*`, on an
    /// Atlassian page); `observed` = only seen in a Cloud capture; `third-party` = only in other code.
    static let descriptors: [EventDescriptor] = [
        entry(pageCreated, "Page created.", "page", "created", "ConfluencePageEvent", .documented),
        entry(
            pageUpdated,
            "Page updated (edited, renamed, …); `updateTrigger` tells how.",
            "page",
            "updated",
            "ConfluencePageEvent",
            .documented
        ),
        entry(
            pageRemoved,
            "Page deleted (sent to the trash). The 2021 Cloud capture labels removed and trashed the other way round.",
            "page",
            "removed",
            "ConfluencePageEvent",
            .documented
        ),
        entry(
            pageTrashed,
            "Page purged from the trash. The 2021 Cloud capture labels removed and trashed the other way round.",
            "page",
            "trashed",
            "ConfluencePageEvent",
            .documented
        ),
        entry(pageRestored, "Page restored from the trash.", "page", "restored", "ConfluencePageEvent", .documented),
        entry(
            pageMoved,
            "Page moved to another parent or space (also seen for a page restored from the archive).",
            "page",
            "moved",
            "ConfluencePageEvent",
            .documented
        ),
        entry(
            pageChildrenReordered,
            "The child pages of a page were reordered.",
            "page",
            "children_reordered",
            "ConfluencePageEvent",
            .documented
        ),
        entry(pageViewed, "Page viewed.", "page", "viewed", "ConfluencePageEvent", .thirdParty),
        entry(blogCreated, "Blog post created.", "blog", "created", "ConfluenceBlogEvent", .documented),
        entry(blogUpdated, "Blog post updated.", "blog", "updated", "ConfluenceBlogEvent", .documented),
        entry(
            blogRemoved,
            "Blog post deleted (sent to the trash).",
            "blog",
            "removed",
            "ConfluenceBlogEvent",
            .documented
        ),
        entry(
            blogRestored,
            "Blog post restored from the trash.",
            "blog",
            "restored",
            "ConfluenceBlogEvent",
            .documented
        ),
        entry(blogTrashed, "Blog post purged from the trash.", "blog", "trashed", "ConfluenceBlogEvent", .documented),
        entry(blogViewed, "Blog post viewed.", "blog", "viewed", "ConfluenceBlogEvent", .thirdParty),
        entry(
            commentCreated,
            "Comment created (page comment, inline comment or file comment).",
            "comment",
            "created",
            "ConfluenceCommentEvent",
            .documented
        ),
        entry(
            commentUpdated,
            "Comment updated (page comment, inline comment or file comment).",
            "comment",
            "updated",
            "ConfluenceCommentEvent",
            .documented
        ),
        entry(
            commentRemoved,
            "Comment removed (page comment, inline comment or file comment).",
            "comment",
            "removed",
            "ConfluenceCommentEvent",
            .documented
        ),
        entry(
            commentDeleted,
            "Comment deleted; only seen in a Connect descriptor, not in Atlassian's lists.",
            "comment",
            "deleted",
            "ConfluenceCommentEvent",
            .thirdParty
        ),
        entry(
            attachmentCreated,
            "Attachment created (a file attached to content).",
            "attachment",
            "created",
            "ConfluenceAttachmentEvent",
            .documented
        ),
        entry(
            attachmentUpdated,
            "Attachment updated (a new version of the file).",
            "attachment",
            "updated",
            "ConfluenceAttachmentEvent",
            .documented
        ),
        entry(
            attachmentRemoved,
            "Attachment deleted (sent to the trash).",
            "attachment",
            "removed",
            "ConfluenceAttachmentEvent",
            .documented
        ),
        entry(
            attachmentRestored,
            "Attachment restored from the trash.",
            "attachment",
            "restored",
            "ConfluenceAttachmentEvent",
            .documented
        ),
        entry(
            attachmentTrashed,
            "Attachment purged from the trash.",
            "attachment",
            "trashed",
            "ConfluenceAttachmentEvent",
            .documented
        ),
        entry(attachmentViewed, "Attachment viewed.", "attachment", "viewed", "ConfluenceAttachmentEvent", .thirdParty),
        entry(
            labelAdded,
            "An existing label was applied to content.",
            "label",
            "added",
            "ConfluenceLabelEvent",
            .documented
        ),
        entry(
            labelCreated,
            "A label was used for the first time.",
            "label",
            "created",
            "ConfluenceLabelEvent",
            .documented
        ),
        entry(
            labelDeleted,
            "A label was removed from the last content that had it.",
            "label",
            "deleted",
            "ConfluenceLabelEvent",
            .documented
        ),
        entry(
            labelRemoved,
            "A label was removed from content.",
            "label",
            "removed",
            "ConfluenceLabelEvent",
            .documented
        ),
        entry(spaceCreated, "Space created.", "space", "created", "ConfluenceSpaceEvent", .documented),
        entry(spaceUpdated, "Space updated.", "space", "updated", "ConfluenceSpaceEvent", .documented),
        entry(spaceRemoved, "Space removed.", "space", "removed", "ConfluenceSpaceEvent", .documented),
        entry(spaceLogoUpdated, "Space logo updated.", "space", "logo_updated", "ConfluenceSpaceEvent", .documented),
        entry(
            spacePermissionsUpdated,
            "Space permissions updated.",
            "space",
            "permissions_updated",
            "ConfluenceSpaceEvent",
            .documented
        ),
        entry(
            contentCreated,
            "Content created (seen for a content property); the body is a REST content object.",
            "content",
            "created",
            "ConfluenceContentEvent",
            .observed
        ),
        entry(
            contentUpdated,
            "Content updated (seen for a content property); the body is a REST content object.",
            "content",
            "updated",
            "ConfluenceContentEvent",
            .observed
        ),
        entry(
            contentRemoved,
            "Content removed (seen for a content property); the body is a REST content object.",
            "content",
            "removed",
            "ConfluenceContentEvent",
            .observed
        ),
        entry(
            contentRestored,
            "Content restored from the trash.",
            "content",
            "restored",
            "ConfluenceContentEvent",
            .thirdParty
        ),
        entry(
            contentTrashed,
            "Content sent to the trash.",
            "content",
            "trashed",
            "ConfluenceContentEvent",
            .thirdParty
        ),
        entry(
            contentPermissionsUpdated,
            "Content permissions (restrictions) updated.",
            "content",
            "permissions_updated",
            "ConfluenceContentEvent",
            .thirdParty
        ),
        entry(
            themeEnabled,
            "A theme was enabled for a space or the site.",
            "theme",
            "enabled",
            "ConfluenceThemeEvent",
            .thirdParty
        ),
        entry(
            blueprintPageCreated,
            "Page created from a blueprint.",
            "blueprint",
            "page_created",
            "ConfluenceBlueprintPageEvent",
            .thirdParty
        ),
        entry(
            relationCreated,
            "Relation created between two entities (for example a user and content).",
            "relation",
            "created",
            "ConfluenceRelationEvent",
            .thirdParty
        ),
        entry(relationDeleted, "Relation deleted.", "relation", "deleted", "ConfluenceRelationEvent", .thirdParty),
        entry(userCreated, "User created.", "user", "created", "ConfluenceUserEvent", .documented),
        entry(userDeactivated, "User deactivated.", "user", "deactivated", "ConfluenceUserEvent", .documented),
        entry(userFollowed, "A user followed another user.", "user", "followed", "ConfluenceUserEvent", .documented),
        entry(userReactivated, "User reactivated.", "user", "reactivated", "ConfluenceUserEvent", .documented),
        entry(userRemoved, "User removed.", "user", "removed", "ConfluenceUserEvent", .documented),
        entry(groupCreated, "Group created.", "group", "created", "ConfluenceGroupEvent", .documented),
        entry(groupRemoved, "Group removed.", "group", "removed", "ConfluenceGroupEvent", .documented),
        entry(
            connectAddonEnabled,
            "The Connect app was enabled on the site.",
            "connect_addon",
            "enabled",
            "ConfluenceConnectAddonEvent",
            .documented
        ),
        entry(
            connectAddonDisabled,
            "The Connect app was disabled; may arrive after uninstall without a JWT (AC-2561).",
            "connect_addon",
            "disabled",
            "ConfluenceConnectAddonEvent",
            .documented
        ),
        entry(login, "A user logged in.", "session", "login", "ConfluenceSessionEvent", .thirdParty),
        entry(loginFailed, "A login attempt failed.", "session", "login_failed", "ConfluenceSessionEvent", .thirdParty),
        entry(logout, "A user logged out.", "session", "logout", "ConfluenceSessionEvent", .thirdParty),
        entry(searchPerformed, "A search was performed.", "search", "performed", "ConfluenceSearchEvent", .thirdParty),
    ]

    private static func entry(
        _ name: ConfluenceEventName,
        _ summary: String,
        _ category: String,
        _ action: String,
        _ swiftType: String,
        _ confirmation: EventConfirmation
    ) -> EventDescriptor {
        EventDescriptor(
            vendor: .confluence,
            name: name.rawValue,
            summary: summary,
            category: category,
            action: action,
            swiftType: swiftType,
            confirmation: confirmation
        )
    }
}
