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
    static let descriptors: [EventDescriptor] = classicDescriptors + forgeDescriptors

    /// The Connect, admin and Data Center names.
    private static let classicDescriptors: [EventDescriptor] = [
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

    fileprivate static func entry(
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

extension ConfluenceEventName {
    // MARK: Forge

    // Forge product and lifecycle events (`avi:confluence:*`, `avi:forge:*`), as a Forge app's trigger delivers them
    // to a remote backend (Forge Remote). Names from Atlassian's Forge events reference for Confluence and the
    // life-cycle reference; users, groups and relations are left out because no exact name is documented there.

    /// `avi:confluence:created:page`: Page created (Forge; pages only, not live docs).
    public static let forgePageCreated = ConfluenceEventName(rawValue: "avi:confluence:created:page")
    /// `avi:confluence:updated:page`: Page updated (Forge; pages only, not live docs).
    public static let forgePageUpdated = ConfluenceEventName(rawValue: "avi:confluence:updated:page")
    /// `avi:confluence:liked:page`: Page or live doc liked (Forge).
    public static let forgePageLiked = ConfluenceEventName(rawValue: "avi:confluence:liked:page")
    /// `avi:confluence:viewed:page`: Page or live doc viewed (Forge).
    public static let forgePageViewed = ConfluenceEventName(rawValue: "avi:confluence:viewed:page")
    /// `avi:confluence:archived:page`: Page or live doc archived (Forge).
    public static let forgePageArchived = ConfluenceEventName(rawValue: "avi:confluence:archived:page")
    /// `avi:confluence:unarchived:page`: Page or live doc unarchived (Forge).
    public static let forgePageUnarchived = ConfluenceEventName(rawValue: "avi:confluence:unarchived:page")
    /// `avi:confluence:moved:page`: Page or live doc moved (Forge).
    public static let forgePageMoved = ConfluenceEventName(rawValue: "avi:confluence:moved:page")
    /// `avi:confluence:copied:page`: Page or live doc copied (Forge).
    public static let forgePageCopied = ConfluenceEventName(rawValue: "avi:confluence:copied:page")
    /// `avi:confluence:children_reordered:page`: The child pages of a page or live doc were reordered (Forge).
    public static let forgePageChildrenReordered = ConfluenceEventName(
        rawValue: "avi:confluence:children_reordered:page"
    )
    /// `avi:confluence:permissions_updated:page`: Page or live doc permissions updated (Forge).
    public static let forgePagePermissionsUpdated = ConfluenceEventName(
        rawValue: "avi:confluence:permissions_updated:page"
    )
    /// `avi:confluence:trashed:page`: Page or live doc moved to the trash (Forge).
    public static let forgePageTrashed = ConfluenceEventName(rawValue: "avi:confluence:trashed:page")
    /// `avi:confluence:restored:page`: Page or live doc restored from the trash (Forge).
    public static let forgePageRestored = ConfluenceEventName(rawValue: "avi:confluence:restored:page")
    /// `avi:confluence:deleted:page`: Page or live doc deleted (purged) (Forge).
    public static let forgePageDeleted = ConfluenceEventName(rawValue: "avi:confluence:deleted:page")
    /// `avi:confluence:initialized:page`: Live doc initialized (Forge; live docs only).
    public static let forgePageInitialized = ConfluenceEventName(rawValue: "avi:confluence:initialized:page")
    /// `avi:confluence:started:page`: Live doc started (Forge; live docs only).
    public static let forgePageStarted = ConfluenceEventName(rawValue: "avi:confluence:started:page")
    /// `avi:confluence:snapshotted:page`: Live doc snapshotted (Forge; live docs only).
    public static let forgePageSnapshotted = ConfluenceEventName(rawValue: "avi:confluence:snapshotted:page")
    /// `avi:confluence:published:page`: Live doc published (Forge; live docs only).
    public static let forgePagePublished = ConfluenceEventName(rawValue: "avi:confluence:published:page")
    /// `avi:confluence:created:blogpost`: Blog post created (Forge).
    public static let forgeBlogPostCreated = ConfluenceEventName(rawValue: "avi:confluence:created:blogpost")
    /// `avi:confluence:updated:blogpost`: Blog post updated (Forge).
    public static let forgeBlogPostUpdated = ConfluenceEventName(rawValue: "avi:confluence:updated:blogpost")
    /// `avi:confluence:liked:blogpost`: Blog post liked (Forge).
    public static let forgeBlogPostLiked = ConfluenceEventName(rawValue: "avi:confluence:liked:blogpost")
    /// `avi:confluence:viewed:blogpost`: Blog post viewed (Forge).
    public static let forgeBlogPostViewed = ConfluenceEventName(rawValue: "avi:confluence:viewed:blogpost")
    /// `avi:confluence:permissions_updated:blogpost`: Blog post permissions updated (Forge).
    public static let forgeBlogPostPermissionsUpdated = ConfluenceEventName(
        rawValue: "avi:confluence:permissions_updated:blogpost"
    )
    /// `avi:confluence:trashed:blogpost`: Blog post moved to the trash (Forge).
    public static let forgeBlogPostTrashed = ConfluenceEventName(rawValue: "avi:confluence:trashed:blogpost")
    /// `avi:confluence:restored:blogpost`: Blog post restored from the trash (Forge).
    public static let forgeBlogPostRestored = ConfluenceEventName(rawValue: "avi:confluence:restored:blogpost")
    /// `avi:confluence:deleted:blogpost`: Blog post deleted (purged) (Forge).
    public static let forgeBlogPostDeleted = ConfluenceEventName(rawValue: "avi:confluence:deleted:blogpost")
    /// `avi:confluence:created:whiteboard`: Whiteboard created (Forge).
    public static let forgeWhiteboardCreated = ConfluenceEventName(rawValue: "avi:confluence:created:whiteboard")
    /// `avi:confluence:moved:whiteboard`: Whiteboard moved (Forge).
    public static let forgeWhiteboardMoved = ConfluenceEventName(rawValue: "avi:confluence:moved:whiteboard")
    /// `avi:confluence:copied:whiteboard`: Whiteboard copied (Forge).
    public static let forgeWhiteboardCopied = ConfluenceEventName(rawValue: "avi:confluence:copied:whiteboard")
    /// `avi:confluence:permissions_updated:whiteboard`: Whiteboard permissions updated (Forge).
    public static let forgeWhiteboardPermissionsUpdated = ConfluenceEventName(
        rawValue: "avi:confluence:permissions_updated:whiteboard"
    )
    /// `avi:confluence:created:database`: Database created (Forge).
    public static let forgeDatabaseCreated = ConfluenceEventName(rawValue: "avi:confluence:created:database")
    /// `avi:confluence:moved:database`: Database moved (Forge).
    public static let forgeDatabaseMoved = ConfluenceEventName(rawValue: "avi:confluence:moved:database")
    /// `avi:confluence:copied:database`: Database copied (Forge).
    public static let forgeDatabaseCopied = ConfluenceEventName(rawValue: "avi:confluence:copied:database")
    /// `avi:confluence:permissions_updated:database`: Database permissions updated (Forge).
    public static let forgeDatabasePermissionsUpdated = ConfluenceEventName(
        rawValue: "avi:confluence:permissions_updated:database"
    )
    /// `avi:confluence:created:embed`: Smart link (embed) created (Forge).
    public static let forgeEmbedCreated = ConfluenceEventName(rawValue: "avi:confluence:created:embed")
    /// `avi:confluence:moved:embed`: Smart link (embed) moved (Forge).
    public static let forgeEmbedMoved = ConfluenceEventName(rawValue: "avi:confluence:moved:embed")
    /// `avi:confluence:copied:embed`: Smart link (embed) copied (Forge).
    public static let forgeEmbedCopied = ConfluenceEventName(rawValue: "avi:confluence:copied:embed")
    /// `avi:confluence:created:folder`: Folder created (Forge).
    public static let forgeFolderCreated = ConfluenceEventName(rawValue: "avi:confluence:created:folder")
    /// `avi:confluence:moved:folder`: Folder moved (Forge).
    public static let forgeFolderMoved = ConfluenceEventName(rawValue: "avi:confluence:moved:folder")
    /// `avi:confluence:copied:folder`: Folder copied (Forge).
    public static let forgeFolderCopied = ConfluenceEventName(rawValue: "avi:confluence:copied:folder")
    /// `avi:confluence:permissions_updated:folder`: Folder permissions updated (Forge).
    public static let forgeFolderPermissionsUpdated = ConfluenceEventName(
        rawValue: "avi:confluence:permissions_updated:folder"
    )
    /// `avi:confluence:created:task`: Inline task created (Forge).
    public static let forgeTaskCreated = ConfluenceEventName(rawValue: "avi:confluence:created:task")
    /// `avi:confluence:updated:task`: Inline task updated (Forge).
    public static let forgeTaskUpdated = ConfluenceEventName(rawValue: "avi:confluence:updated:task")
    /// `avi:confluence:removed:task`: Inline task removed (Forge).
    public static let forgeTaskRemoved = ConfluenceEventName(rawValue: "avi:confluence:removed:task")
    /// `avi:confluence:created:comment`: Comment created (Forge).
    public static let forgeCommentCreated = ConfluenceEventName(rawValue: "avi:confluence:created:comment")
    /// `avi:confluence:updated:comment`: Comment updated (Forge).
    public static let forgeCommentUpdated = ConfluenceEventName(rawValue: "avi:confluence:updated:comment")
    /// `avi:confluence:liked:comment`: Comment liked (Forge).
    public static let forgeCommentLiked = ConfluenceEventName(rawValue: "avi:confluence:liked:comment")
    /// `avi:confluence:deleted:comment`: Comment deleted (purged) (Forge).
    public static let forgeCommentDeleted = ConfluenceEventName(rawValue: "avi:confluence:deleted:comment")
    /// `avi:confluence:created:space:V2`: Space created (Forge, version 2 payload).
    public static let forgeSpaceCreatedV2 = ConfluenceEventName(rawValue: "avi:confluence:created:space:V2")
    /// `avi:confluence:updated:space:V2`: Space updated (Forge, version 2 payload).
    public static let forgeSpaceUpdatedV2 = ConfluenceEventName(rawValue: "avi:confluence:updated:space:V2")
    /// `avi:confluence:permissions_updated:space:V2`: Space permissions updated (Forge, version 2 payload).
    public static let forgeSpacePermissionsUpdatedV2 = ConfluenceEventName(
        rawValue: "avi:confluence:permissions_updated:space:V2"
    )
    /// `avi:confluence:deleted:space:V2`: Space deleted (purged) (Forge, version 2 payload).
    public static let forgeSpaceDeletedV2 = ConfluenceEventName(rawValue: "avi:confluence:deleted:space:V2")
    /// `avi:confluence:created:attachment`: Attachment created (Forge).
    public static let forgeAttachmentCreated = ConfluenceEventName(rawValue: "avi:confluence:created:attachment")
    /// `avi:confluence:updated:attachment`: Attachment updated (Forge).
    public static let forgeAttachmentUpdated = ConfluenceEventName(rawValue: "avi:confluence:updated:attachment")
    /// `avi:confluence:viewed:attachment`: Attachment viewed (Forge).
    public static let forgeAttachmentViewed = ConfluenceEventName(rawValue: "avi:confluence:viewed:attachment")
    /// `avi:confluence:archived:attachment`: Attachment archived (Forge).
    public static let forgeAttachmentArchived = ConfluenceEventName(rawValue: "avi:confluence:archived:attachment")
    /// `avi:confluence:unarchived:attachment`: Attachment unarchived (Forge).
    public static let forgeAttachmentUnarchived = ConfluenceEventName(rawValue: "avi:confluence:unarchived:attachment")
    /// `avi:confluence:trashed:attachment`: Attachment moved to the trash (Forge).
    public static let forgeAttachmentTrashed = ConfluenceEventName(rawValue: "avi:confluence:trashed:attachment")
    /// `avi:confluence:restored:attachment`: Attachment restored from the trash (Forge).
    public static let forgeAttachmentRestored = ConfluenceEventName(rawValue: "avi:confluence:restored:attachment")
    /// `avi:confluence:deleted:attachment`: Attachment deleted (purged) (Forge).
    public static let forgeAttachmentDeleted = ConfluenceEventName(rawValue: "avi:confluence:deleted:attachment")
    /// `avi:confluence:created:custom_content`: Custom content created (Forge).
    public static let forgeCustomContentCreated = ConfluenceEventName(rawValue: "avi:confluence:created:custom_content")
    /// `avi:confluence:updated:custom_content`: Custom content updated (Forge).
    public static let forgeCustomContentUpdated = ConfluenceEventName(rawValue: "avi:confluence:updated:custom_content")
    /// `avi:confluence:created:label`: Label created (Forge).
    public static let forgeLabelCreated = ConfluenceEventName(rawValue: "avi:confluence:created:label")
    /// `avi:confluence:added:label`: Label added to content (Forge).
    public static let forgeLabelAdded = ConfluenceEventName(rawValue: "avi:confluence:added:label")
    /// `avi:confluence:removed:label`: Label removed from content (Forge).
    public static let forgeLabelRemoved = ConfluenceEventName(rawValue: "avi:confluence:removed:label")
    /// `avi:confluence:deleted:label`: Label deleted (Forge).
    public static let forgeLabelDeleted = ConfluenceEventName(rawValue: "avi:confluence:deleted:label")
    /// `avi:confluence:performed:search`: A search was performed (Forge).
    public static let forgeSearchPerformed = ConfluenceEventName(rawValue: "avi:confluence:performed:search")
    /// `avi:forge:installed:app`: The Forge app was installed on a site (lifecycle).
    public static let forgeAppInstalled = ConfluenceEventName(rawValue: "avi:forge:installed:app")
    /// `avi:forge:upgraded:app`: The Forge app was upgraded to a new major version (lifecycle).
    public static let forgeAppUpgraded = ConfluenceEventName(rawValue: "avi:forge:upgraded:app")

    /// Whether the name is a Forge event name (`avi:…`), delivered to a Forge Remote backend and verified with
    /// a Forge Invocation Token, rather than a Connect, admin or Data Center webhook name.
    public var isForge: Bool { rawValue.hasPrefix("avi:") }

    /// The registry entries of the Forge names, all documented by Atlassian's Forge events reference.
    static let forgeDescriptors: [EventDescriptor] = [
        entry(
            forgePageCreated,
            "Page created (Forge; pages only, not live docs).",
            "forge:page",
            "created",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgePageUpdated,
            "Page updated (Forge; pages only, not live docs).",
            "forge:page",
            "updated",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgePageLiked,
            "Page or live doc liked (Forge).",
            "forge:page",
            "liked",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgePageViewed,
            "Page or live doc viewed (Forge).",
            "forge:page",
            "viewed",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgePageArchived,
            "Page or live doc archived (Forge).",
            "forge:page",
            "archived",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgePageUnarchived,
            "Page or live doc unarchived (Forge).",
            "forge:page",
            "unarchived",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgePageMoved,
            "Page or live doc moved (Forge).",
            "forge:page",
            "moved",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgePageCopied,
            "Page or live doc copied (Forge).",
            "forge:page",
            "copied",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgePageChildrenReordered,
            "The child pages of a page or live doc were reordered (Forge).",
            "forge:page",
            "children_reordered",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgePagePermissionsUpdated,
            "Page or live doc permissions updated (Forge).",
            "forge:page",
            "permissions_updated",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgePageTrashed,
            "Page or live doc moved to the trash (Forge).",
            "forge:page",
            "trashed",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgePageRestored,
            "Page or live doc restored from the trash (Forge).",
            "forge:page",
            "restored",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgePageDeleted,
            "Page or live doc deleted (purged) (Forge).",
            "forge:page",
            "deleted",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgePageInitialized,
            "Live doc initialized (Forge; live docs only).",
            "forge:page",
            "initialized",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgePageStarted,
            "Live doc started (Forge; live docs only).",
            "forge:page",
            "started",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgePageSnapshotted,
            "Live doc snapshotted (Forge; live docs only).",
            "forge:page",
            "snapshotted",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgePagePublished,
            "Live doc published (Forge; live docs only).",
            "forge:page",
            "published",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeBlogPostCreated,
            "Blog post created (Forge).",
            "forge:blogpost",
            "created",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeBlogPostUpdated,
            "Blog post updated (Forge).",
            "forge:blogpost",
            "updated",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeBlogPostLiked,
            "Blog post liked (Forge).",
            "forge:blogpost",
            "liked",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeBlogPostViewed,
            "Blog post viewed (Forge).",
            "forge:blogpost",
            "viewed",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeBlogPostPermissionsUpdated,
            "Blog post permissions updated (Forge).",
            "forge:blogpost",
            "permissions_updated",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeBlogPostTrashed,
            "Blog post moved to the trash (Forge).",
            "forge:blogpost",
            "trashed",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeBlogPostRestored,
            "Blog post restored from the trash (Forge).",
            "forge:blogpost",
            "restored",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeBlogPostDeleted,
            "Blog post deleted (purged) (Forge).",
            "forge:blogpost",
            "deleted",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeWhiteboardCreated,
            "Whiteboard created (Forge).",
            "forge:whiteboard",
            "created",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeWhiteboardMoved,
            "Whiteboard moved (Forge).",
            "forge:whiteboard",
            "moved",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeWhiteboardCopied,
            "Whiteboard copied (Forge).",
            "forge:whiteboard",
            "copied",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeWhiteboardPermissionsUpdated,
            "Whiteboard permissions updated (Forge).",
            "forge:whiteboard",
            "permissions_updated",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeDatabaseCreated,
            "Database created (Forge).",
            "forge:database",
            "created",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeDatabaseMoved,
            "Database moved (Forge).",
            "forge:database",
            "moved",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeDatabaseCopied,
            "Database copied (Forge).",
            "forge:database",
            "copied",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeDatabasePermissionsUpdated,
            "Database permissions updated (Forge).",
            "forge:database",
            "permissions_updated",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeEmbedCreated,
            "Smart link (embed) created (Forge).",
            "forge:embed",
            "created",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeEmbedMoved,
            "Smart link (embed) moved (Forge).",
            "forge:embed",
            "moved",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeEmbedCopied,
            "Smart link (embed) copied (Forge).",
            "forge:embed",
            "copied",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeFolderCreated,
            "Folder created (Forge).",
            "forge:folder",
            "created",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeFolderMoved,
            "Folder moved (Forge).",
            "forge:folder",
            "moved",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeFolderCopied,
            "Folder copied (Forge).",
            "forge:folder",
            "copied",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeFolderPermissionsUpdated,
            "Folder permissions updated (Forge).",
            "forge:folder",
            "permissions_updated",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeTaskCreated,
            "Inline task created (Forge).",
            "forge:task",
            "created",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeTaskUpdated,
            "Inline task updated (Forge).",
            "forge:task",
            "updated",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeTaskRemoved,
            "Inline task removed (Forge).",
            "forge:task",
            "removed",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeCommentCreated,
            "Comment created (Forge).",
            "forge:comment",
            "created",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeCommentUpdated,
            "Comment updated (Forge).",
            "forge:comment",
            "updated",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeCommentLiked,
            "Comment liked (Forge).",
            "forge:comment",
            "liked",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeCommentDeleted,
            "Comment deleted (purged) (Forge).",
            "forge:comment",
            "deleted",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeSpaceCreatedV2,
            "Space created (Forge, version 2 payload).",
            "forge:space",
            "created",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeSpaceUpdatedV2,
            "Space updated (Forge, version 2 payload).",
            "forge:space",
            "updated",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeSpacePermissionsUpdatedV2,
            "Space permissions updated (Forge, version 2 payload).",
            "forge:space",
            "permissions_updated",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeSpaceDeletedV2,
            "Space deleted (purged) (Forge, version 2 payload).",
            "forge:space",
            "deleted",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeAttachmentCreated,
            "Attachment created (Forge).",
            "forge:attachment",
            "created",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeAttachmentUpdated,
            "Attachment updated (Forge).",
            "forge:attachment",
            "updated",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeAttachmentViewed,
            "Attachment viewed (Forge).",
            "forge:attachment",
            "viewed",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeAttachmentArchived,
            "Attachment archived (Forge).",
            "forge:attachment",
            "archived",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeAttachmentUnarchived,
            "Attachment unarchived (Forge).",
            "forge:attachment",
            "unarchived",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeAttachmentTrashed,
            "Attachment moved to the trash (Forge).",
            "forge:attachment",
            "trashed",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeAttachmentRestored,
            "Attachment restored from the trash (Forge).",
            "forge:attachment",
            "restored",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeAttachmentDeleted,
            "Attachment deleted (purged) (Forge).",
            "forge:attachment",
            "deleted",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeCustomContentCreated,
            "Custom content created (Forge).",
            "forge:custom_content",
            "created",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeCustomContentUpdated,
            "Custom content updated (Forge).",
            "forge:custom_content",
            "updated",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeLabelCreated,
            "Label created (Forge).",
            "forge:label",
            "created",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeLabelAdded,
            "Label added to content (Forge).",
            "forge:label",
            "added",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeLabelRemoved,
            "Label removed from content (Forge).",
            "forge:label",
            "removed",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeLabelDeleted,
            "Label deleted (Forge).",
            "forge:label",
            "deleted",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeSearchPerformed,
            "A search was performed (Forge).",
            "forge:search",
            "performed",
            "ConfluenceForgeProductEvent",
            .documented
        ),
        entry(
            forgeAppInstalled,
            "The Forge app was installed on a site (lifecycle).",
            "forge:app",
            "installed",
            "ConfluenceForgeLifecycleEvent",
            .documented
        ),
        entry(
            forgeAppUpgraded,
            "The Forge app was upgraded to a new major version (lifecycle).",
            "forge:app",
            "upgraded",
            "ConfluenceForgeLifecycleEvent",
            .documented
        ),
    ]
}
