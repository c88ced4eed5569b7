import ConfluenceWebhooks
import Foundation
import Testing
import WebhookCore
import WebhookRegistry
import WebhookValues

/// Field-level checks on the real captured payloads (vendor sheet §5).
@Suite("Confluence captured payloads")
struct ConfluenceCaptureTests {
    private func decode(_ file: String, as name: String?) throws -> ConfluenceEvent {
        try ConfluenceEvent.decode(from: ConfluenceFixtures.bytes("events/" + file), eventName: name)
    }

    @Test("2021 page_updated: numeric id, epoch milliseconds, edit_page")
    func pageUpdated2021() throws {
        guard case .pageUpdated(let body) = try decode("page_updated.json", as: "page_updated") else {
            Issue.record("not pageUpdated")
            return
        }
        let page = try #require(body.page)
        #expect(page.id == 1_188_560_897)
        #expect(page.id?.isNumeric == true)
        #expect(page.id?.intValue == 1_188_560_897)
        #expect(page.idAsString == nil)
        #expect(page.spaceID == nil)
        #expect(page.title == "Telstra Stuff")
        #expect(page.spaceKey == "~323528440")
        #expect(page.contentType == .page)
        #expect(page.version == 2)
        #expect(page.creatorAccountID == "557058:d092c978-5ab7-4c8a-8d87-32ffac22c584")
        #expect(page.lastModifierAccountID == "557058:d092c978-5ab7-4c8a-8d87-32ffac22c584")
        #expect(page.creationDate?.milliseconds == 1_631_605_030_794)
        #expect(page.modificationDate?.date == Date(timeIntervalSince1970: 1_631_606_188.966))
        #expect(
            page.selfURL
                == "https://dalstonsemantics.atlassian.net/wiki/spaces/~323528440/pages/1188560897/Telstra+Stuff"
        )
        #expect(body.envelope.userAccountID == "557058:d092c978-5ab7-4c8a-8d87-32ffac22c584")
        #expect(body.envelope.accountType == .customer)
        #expect(body.envelope.updateTrigger == .editPage)
        #expect(body.envelope.timestamp?.milliseconds == 1_631_606_188_983)
        #expect(body.envelope.timestamp?.date == Date(timeIntervalSince1970: 1_631_606_188.983))
        #expect(body.envelope.event == nil)
        #expect(body.envelope.suppressNotifications == nil)
        #expect(body.additionalFields.isEmpty)
        #expect(body.oldParent == nil)
    }

    @Test("2021 page_trashed, page_removed, page_restored, page_moved keep their raw names")
    func trashFamily2021() throws {
        guard case .pageTrashed(let trashed) = try decode("page_trashed.json", as: "page_trashed") else {
            Issue.record("not pageTrashed")
            return
        }
        #expect(trashed.envelope.timestamp?.milliseconds == 1_631_606_688_675)
        #expect(trashed.envelope.updateTrigger == nil)
        #expect(trashed.page?.id == 1_188_560_897)

        let removedEvent = try decode("page_removed.json", as: "page_removed")
        #expect(removedEvent.eventName == "page_removed")
        guard case .pageRemoved(let removed) = removedEvent else {
            Issue.record("not pageRemoved")
            return
        }
        #expect(removed.page?.id == 1_183_744_007)
        #expect(removed.page?.title == "BHP")
        #expect(removed.page?.version == 1)
        #expect(removed.page?.creationDate?.milliseconds == 1_631_276_139_308)
        #expect(removed.envelope.timestamp?.milliseconds == 1_631_606_984_673)

        let restored = try decode("page_restored.json", as: "page_restored")
        let moved = try decode("page_moved.json", as: "page_moved")
        guard case .pageRestored(let restoredBody) = restored, case .pageMoved(let movedBody) = moved else {
            Issue.record("wrong cases: \(restored.eventName ?? "-"), \(moved.eventName ?? "-")")
            return
        }
        // The sheet's page_moved body is identical to page_restored; only the name tells them apart.
        #expect(restoredBody == movedBody)
        #expect(restored != moved)
        #expect(movedBody.envelope.timestamp?.milliseconds == 1_631_612_951_289)
        #expect(movedBody.page?.modificationDate?.milliseconds == 1_631_607_176_651)
    }

    @Test("2024 page_updated and page_created: idAsString, spaceId")
    func captures2024() throws {
        guard case .pageUpdated(let updated) = try decode("page_updated--2024.json", as: "page_updated"),
            case .pageCreated(let created) = try decode("page_created.json", as: "page_created")
        else {
            Issue.record("wrong cases")
            return
        }
        #expect(updated.page?.idAsString == "13139970")
        #expect(updated.page?.id == 13_139_970)
        #expect(updated.page?.id?.isNumeric == true)
        #expect(updated.page?.spaceID == 65634)
        #expect(updated.page?.spaceKey == "IT")
        #expect(updated.page?.modificationDate?.milliseconds == 1_706_398_859_667)
        #expect(updated.envelope.timestamp?.milliseconds == 1_706_398_859_681)
        #expect(updated.envelope.userAccountID == "5e28d102cc34b10ca3dbf2b0")
        #expect(updated.envelope.updateTrigger == .editPage)
        #expect(created.page?.version == 1)
        #expect(created.envelope.updateTrigger == nil)
        #expect(created.envelope.timestamp?.milliseconds == 1_706_398_522_460)
        #expect(created.page?.selfURL == "https://kzkitchen.atlassian.net/wiki/spaces/IT/pages/13139970/Test+Page")
    }

    @Test("crewlet page_updated: string id, suppressNotifications")
    func crewletPage() throws {
        guard case .pageUpdated(let body) = try decode("page_updated--crewlet.json", as: "page_updated") else {
            Issue.record("not pageUpdated")
            return
        }
        let id = try #require(body.page?.id)
        #expect(id == "41746440")
        #expect(!id.isNumeric)
        #expect(id.intValue == 41_746_440)
        #expect(body.page?.spaceID == 28_672_112)
        #expect(body.page?.title == "crewlet webhook variants")
        #expect(body.envelope.userAccountID == "712020:actor")
        #expect(body.envelope.suppressNotifications == false)
        #expect(body.envelope.timestamp?.milliseconds == 1_788_716_539_192)
        // The string id is written back as a string.
        let encoded = try WebhookJSON.value(from: ConfluenceEvent.pageUpdated(body).encodedPayload())
        #expect(encoded["page"]?["id"] == .string("41746440"))
    }

    @Test("crewlet comment_created: comment with its parent page")
    func crewletComment() throws {
        guard case .commentCreated(let body) = try decode("comment_created.json", as: "comment_created") else {
            Issue.record("not commentCreated")
            return
        }
        let comment = try #require(body.comment)
        #expect(comment.id == "41713685")
        #expect(comment.idAsString == "41713685")
        #expect(comment.contentType == .comment)
        #expect(comment.version == 1)
        #expect(comment.creationDate?.milliseconds == 1_788_716_577_732)
        #expect(comment.selfURL?.hasSuffix("?focusedCommentId=41713685") == true)
        #expect(comment.inReplyTo == nil)
        let parent = try #require(comment.parent)
        #expect(parent.id == "41746440")
        #expect(parent.contentType == .page)
        #expect(parent.title == "crewlet webhook variants")
        #expect(parent.version == 2)
        #expect(body.envelope.timestamp?.milliseconds == 1_788_716_577_732)
    }

    @Test("enriched variant: eventType names the event; display names and transformedAt")
    func enriched() throws {
        let updatedEvent = try decode("page_updated--enriched.json", as: nil)
        guard case .pageUpdated(let body) = updatedEvent else {
            Issue.record("not pageUpdated: \(updatedEvent.eventName ?? "-")")
            return
        }
        #expect(body.envelope.eventType == "page_updated")
        #expect(body.envelope.transformedAt == "2023-04-18T14:48:25.081")
        #expect(body.envelope.userDisplayName == "Wyona Admin")
        #expect(body.page?.creatorDisplayName == "Vanya Brucker")
        #expect(body.page?.spaceName == "Backend Development")
        #expect(body.page?.lastModifierDisplayName == "Wyona Admin")
        #expect(body.page?.id == 167_182_562)
        #expect(body.page?.version == 8)
        #expect(body.page?.selfURL == "https://wyona.atlassian.net/wiki/spaces/BDEV/overview")

        guard case .pageCreated(let created) = try decode("page_created--enriched.json", as: nil) else {
            Issue.record("not pageCreated")
            return
        }
        #expect(created.page?.spaceName == "Team Reports / Meeting Minutes")
        #expect(created.envelope.transformedAt == "2023-04-20T07:43:22.659")
        #expect(created.envelope.timestamp?.milliseconds == 1_681_976_602_128)
    }

    @Test("Data Center bodies (zulip): `event`, `userKey`, id-only objects")
    func dataCenter() throws {
        guard case .pageCreated(let page) = try decode("page_created--data-center.json", as: nil) else {
            Issue.record("not pageCreated")
            return
        }
        #expect(page.envelope.event == "page_created")
        #expect(page.envelope.userKey == "abc123")
        #expect(page.envelope.timestamp?.milliseconds == 1_778_071_365_412)
        #expect(page.envelope.userAccountID == nil)
        #expect(page.page == ConfluencePage(id: 123456))

        guard case .pageMoved(let moved) = try decode("page_moved--data-center.json", as: nil) else {
            Issue.record("not pageMoved")
            return
        }
        #expect(moved.oldParent?.id == 131148)
        #expect(moved.newParent == nil)

        guard case .commentCreated(let comment) = try decode("comment_created--data-center.json", as: nil) else {
            Issue.record("not commentCreated")
            return
        }
        #expect(comment.comment?.id == 789012)
        #expect(comment.comment?.parent == nil)
    }

    @Test("content_created (completed from the abbreviated capture): REST content object")
    func contentCreated() throws {
        guard case .contentCreated(let body) = try decode("content_created.json", as: "content_created") else {
            Issue.record("not contentCreated")
            return
        }
        let content = body.content
        #expect(content.id == "98460")
        #expect(content.id?.isNumeric == false)
        #expect(content.type == .contentProperty)
        #expect(content.status == .current)
        #expect(content.title == "subject")
        #expect(content.space?.id == 98305)
        #expect(content.space?.id?.isNumeric == true)
        #expect(content.space?.type == .global)
        #expect(content.history?.latest == true)
        #expect(content.history?.createdBy?.accountType == .atlassian)
        #expect(content.history?.createdDate?.date == Date(timeIntervalSince1970: 1_714_470_000))
        #expect(content.version?.number == 1)
        #expect(content.version?.minorEdit == false)
        #expect(content.version?.when?.rawValue == "2024-04-30T09:40:00.000Z")
        #expect(content.version?.friendlyWhen == "just a moment ago")
        #expect(content.links?.context == "/wiki")
        #expect(content.links?.base == "https://northwind.atlassian.net/wiki")
        #expect(content.metadata?["labels"]?["limit"] == .integer(200))
        #expect(body.envelope == ConfluenceEventEnvelope())
        #expect(body.additionalFields.isEmpty)

        guard case .contentUpdated(let updated) = try decode("content_updated.json", as: "content_updated") else {
            Issue.record("not contentUpdated")
            return
        }
        #expect(updated.content.version?.number == 2)
        #expect(updated.content.version?.when?.date == Date(timeIntervalSince1970: 1_714_470_312.345))
    }

    @Test("written families decode their typed members")
    func writtenFamilies() throws {
        guard case .attachmentCreated(let attachment) = try decode("attachment_created.json", as: "attachment_created"),
            case .labelAdded(let label) = try decode("label_added.json", as: "label_added"),
            case .userCreated(let user) = try decode("user_created.json", as: nil),
            case .groupRemoved(let group) = try decode("group_removed.json", as: nil),
            case .pageChildrenReordered(let reorder) = try decode("page_children_reordered.json", as: nil),
            case .commentDeleted(let reply) = try decode("comment_deleted.json", as: "comment_deleted"),
            case .login(let login) = try decode("login.json", as: nil)
        else {
            Issue.record("wrong cases")
            return
        }
        #expect(attachment.attachment?.mediaType == "image/png")
        #expect(attachment.attachment?.fileSize == 248133)
        #expect(attachment.attachment?.parent?.id == 98412)
        #expect(attachment.attachedTo?.spaceName == "Documentation")
        #expect(label.label?.name == "release-notes")
        #expect(label.label?.id == "2752513")
        #expect(label.label?.prefix == "global")
        #expect(label.labeled?.title == "Release Checklist")
        #expect(user.userProfile?.fullName == "Priya Raman")
        #expect(user.userProfile?.additionalFields["username"] == .string("praman"))
        #expect(user.envelope.event == "user_created")
        #expect(group.groupName == "docs-editors")
        #expect(reorder.oldSortedChildren?.map(\.id) == [98412, 98415])
        #expect(reorder.newSortedChildren?.map(\.id) == [98415, 98412])
        #expect(reply.comment?.inReplyTo?.id == "98433")
        #expect(login.envelope.event == "login")
        #expect(login.additionalFields.isEmpty)
    }
}
