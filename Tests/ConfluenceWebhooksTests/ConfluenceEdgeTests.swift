import ConfluenceWebhooks
import Foundation
import Testing
import WebhookCore
import WebhookRegistry
import WebhookValues

@Suite("Confluence edge cases and the event-name rule")
struct ConfluenceEdgeTests {
    @Test("a Cloud body without a name needs the caller's name")
    func cloudBodyWithoutName() throws {
        let bytes = try ConfluenceFixtures.bytes("edge/no-event-name.json")
        do {
            _ = try ConfluenceEvent.decode(from: bytes, eventName: nil)
            Issue.record("decoded without a name")
        } catch {
            #expect(error.code == .missingEventName)
            #expect(error.category == .decoding)
            #expect(error.vendor == .confluence)
        }
        #expect(throws: WebhookError(.missingEventName, "")) {
            try ConfluenceEvent.decode(from: bytes, eventName: "")
        }
        guard case .pageCreated(let body) = try ConfluenceEvent.decode(from: bytes, eventName: "page_created") else {
            Issue.record("not pageCreated")
            return
        }
        #expect(body.page?.title == "Release Checklist")
        #expect(body.envelope.timestamp?.milliseconds == 1_714_470_000_015)
    }

    @Test("the caller's name wins over the body's `event`")
    func callerNameWins() throws {
        let bytes = try ConfluenceFixtures.bytes("events/page_created--data-center.json")
        let event = try ConfluenceEvent.decode(from: bytes, eventName: "page_updated")
        guard case .pageUpdated(let body) = event else {
            Issue.record("not pageUpdated: \(event.eventName ?? "-")")
            return
        }
        #expect(event.eventName == "page_updated")
        #expect(body.envelope.event == "page_created")
    }

    @Test("a Data Center body decodes from its `event` without a caller name")
    func dataCenterEventField() throws {
        let bytes = try ConfluenceFixtures.bytes("edge/event-field-data-center.json")
        guard case .labelAdded(let body) = try ConfluenceEvent.decode(from: bytes, eventName: nil) else {
            Issue.record("not labelAdded")
            return
        }
        #expect(body.envelope.event == "label_added")
        #expect(body.label?.name == "release-notes")
        #expect(body.label?.id == nil)
        #expect(body.labeled?.spaceKey == "DOCS")
    }

    @Test("an unknown name gives .unknown with the name and the JSON")
    func unknownName() throws {
        let bytes = try ConfluenceFixtures.bytes("edge/unknown-event-name.json")
        let event = try ConfluenceEvent.decode(from: bytes, eventName: nil)
        guard case .unknown(let name, let json) = event else {
            Issue.record("not unknown")
            return
        }
        #expect(name == "page_archived")
        #expect(json["page"]?["id"] == .integer(98412))
        #expect(json["userKey"]?.stringValue == "8a7f80836d4c1e52016d4c3e9f2a0001")
        #expect(event.eventName == "page_archived")
        #expect(event.name == "page_archived")
        #expect(event.name?.isRegistered == false)
        #expect(event.envelope == nil)
        #expect(try WebhookJSON.value(from: event.encodedPayload()) == json)

        let cloud = try ConfluenceFixtures.bytes("events/page_created.json")
        guard case .unknown(let callerName, _) = try ConfluenceEvent.decode(from: cloud, eventName: "page_copied")
        else {
            Issue.record("not unknown")
            return
        }
        #expect(callerName == "page_copied")
    }

    @Test("extra unknown members never fail and are kept at the top level")
    func extraFields() throws {
        let bytes = try ConfluenceFixtures.bytes("edge/extra-unknown-fields.json")
        let event = try ConfluenceEvent.decode(from: bytes, eventName: "page_updated")
        guard case .pageUpdated(let body) = event else {
            Issue.record("not pageUpdated")
            return
        }
        #expect(body.additionalFields["webhookFlow"] == .string("Primary"))
        #expect(body.additionalFields["deliveryAttempt"] == .integer(1))
        #expect(body.additionalFields["links"]?["base"] == .string("https://northwind.atlassian.net/wiki"))
        #expect(body.additionalFields.count == 3)
        #expect(body.envelope.suppressNotifications == true)
        #expect(body.page?.title == "Release Checklist")
        let encoded = try WebhookJSON.value(from: event.encodedPayload())
        #expect(encoded["webhookFlow"] == .string("Primary"))
        #expect(try ConfluenceEvent.decode(from: event.encodedPayload(), eventName: "page_updated") == event)
    }

    @Test("a reply keeps the page it is on: comment.parent.parent, and it round-trips")
    func replyKeepsNestedParents() throws {
        let bytes = try ConfluenceFixtures.bytes("edge/comment-reply-nested-parent.json")
        let event = try ConfluenceEvent.decode(from: bytes, eventName: "comment_created")
        guard case .commentCreated(let body) = event else {
            Issue.record("not commentCreated")
            return
        }
        let reply = try #require(body.comment)
        let answered = try #require(reply.parent)
        #expect(reply.id == 98440)
        #expect(answered.id == 98433)
        #expect(answered.contentType == .comment)
        let page = try #require(answered.parent)
        #expect(page.id == 98412)
        #expect(page.contentType == .page)
        #expect(page.title == "Release Checklist")
        #expect(page.parent == nil)
        // Nothing of the body is lost: encoding the typed value gives the same JSON back.
        #expect(
            try WebhookJSON.value(from: event.encodedPayload())
                == ConfluenceFixtures.json(
                    "edge/comment-reply-nested-parent.json"
                )
        )
        // Built in code, the nested parent is kept as given.
        var built = ConfluencePage(id: 1, parent: ConfluencePage(id: 2, parent: ConfluencePage(id: 3)))
        #expect(built.parent?.parent?.id == 3)
        built.parent = nil
        #expect(built.parent == nil)
        #expect(built != ConfluencePage(id: 1, parent: ConfluencePage(id: 2)))
    }

    @Test("a page whose parent is not an object is an invalid payload naming the path")
    func nonObjectParentIsRejected() throws {
        let body = Array(#"{"comment":{"id":1,"parent":{"id":2,"parent":"98412"}}}"#.utf8)
        let error = #expect(throws: WebhookError.self) {
            try ConfluenceEvent.decode(from: body, eventName: "comment_created")
        }
        #expect(error?.code == .invalidPayload)
        #expect(error?.reason.contains("parent") == true)
    }

    @Test("pre-2019 Cloud user keys and names are kept on comments, pages and attachments")
    func pre2019UserFieldsAreKept() throws {
        let bytes = try ConfluenceFixtures.bytes("edge/pre-2019-user-fields.json")
        let event = try ConfluenceEvent.decode(from: bytes, eventName: "comment_created")
        guard case .commentCreated(let body) = event else {
            Issue.record("not commentCreated")
            return
        }
        let comment = try #require(body.comment)
        #expect(comment.creatorKey == "ff8080815a8ccb42015a8ccc0b2a0001")
        #expect(comment.creatorName == "dwhitfield")
        #expect(comment.lastModifierKey == "ff8080815a8ccb42015a8ccc0b2a0002")
        #expect(comment.lastModifierName == "praman")
        #expect(comment.creatorAccountID == nil)
        let page = try #require(comment.parent)
        #expect(page.creatorKey == "ff8080815a8ccb42015a8ccc0b2a0001")
        #expect(page.creatorName == "dwhitfield")
        #expect(page.lastModifierKey == "ff8080815a8ccb42015a8ccc0b2a0002")
        #expect(page.lastModifierName == "praman")
        #expect(
            try WebhookJSON.value(from: event.encodedPayload())
                == ConfluenceFixtures.json(
                    "edge/pre-2019-user-fields.json"
                )
        )

        let attachmentBody = Array(
            #"{"attachment":{"id":7,"creatorKey":"k1","creatorName":"n1","lastModifierKey":"k2","lastModifierName":"n2"}}"#
                .utf8
        )
        guard
            case .attachmentCreated(let attached) = try ConfluenceEvent.decode(
                from: attachmentBody,
                eventName: "attachment_created"
            )
        else {
            Issue.record("not attachmentCreated")
            return
        }
        #expect(attached.attachment?.creatorKey == "k1")
        #expect(attached.attachment?.creatorName == "n1")
        #expect(attached.attachment?.lastModifierKey == "k2")
        #expect(attached.attachment?.lastModifierName == "n2")
    }

    @Test("ids, space ids and timestamps as strings decode and keep their form")
    func idsAsStrings() throws {
        let bytes = try ConfluenceFixtures.bytes("edge/ids-as-strings.json")
        let event = try ConfluenceEvent.decode(from: bytes, eventName: "comment_created")
        guard case .commentCreated(let body) = event else {
            Issue.record("not commentCreated")
            return
        }
        let comment = try #require(body.comment)
        #expect(comment.id == "98440")
        #expect(comment.id?.isNumeric == false)
        #expect(comment.spaceID == "98305")
        #expect(comment.spaceID?.intValue == 98305)
        #expect(comment.parent?.id?.isNumeric == false)
        #expect(comment.parent?.spaceID?.isNumeric == false)
        #expect(comment.inReplyTo?.id == "98433")
        #expect(body.envelope.timestamp?.milliseconds == 1_714_556_500_012)
        let encoded = try WebhookJSON.value(from: event.encodedPayload())
        #expect(try encoded == ConfluenceFixtures.json("edge/ids-as-strings.json"))
        #expect(encoded["timestamp"] == .string("1714556500012"))
    }

    @Test("a constructed event round-trips")
    func constructedRoundTrip() throws {
        let body = ConfluencePageEvent(
            envelope: ConfluenceEventEnvelope(userAccountID: "712020:actor", timestamp: 1_700_000_000_000),
            page: ConfluencePage(id: "42", title: "Hello", contentType: .page, version: 3),
            additionalFields: ["custom": .bool(true)]
        )
        let event = ConfluenceEvent.pageUpdated(body)
        let encoded = try event.encodedPayload()
        #expect(try ConfluenceEvent.decode(from: encoded, eventName: "page_updated") == event)
        #expect(String(decoding: encoded, as: UTF8.self).contains("\"custom\":true"))
    }
}

@Suite("Confluence malformed bodies")
struct ConfluenceMalformedTests {
    @Test(
        "malformed bodies fail with the decoding error code",
        arguments: [
            ("invalid-json.json", WebhookError.Code.malformedBody, nil),
            ("array.json", .malformedBody, nil),
            ("empty.json", .malformedBody, nil),
            ("wrong-type.json", .invalidPayload, "$.page.id"),
            ("wrong-type-nested.json", .invalidPayload, "$.comment.parent.version"),
        ] as [(String, WebhookError.Code, String?)]
    )
    func malformed(file: String, code: WebhookError.Code, path: String?) throws {
        let bytes = try ConfluenceFixtures.bytes("malformed/" + file)
        for callerName in [nil, "page_created"] as [String?] where path == nil || callerName == nil {
            do {
                let event = try ConfluenceEvent.decode(from: bytes, eventName: callerName)
                Issue.record("\(file) decoded as \(event.eventName ?? "-")")
            } catch {
                #expect(error.code == code, "\(file): \(error)")
                #expect(error.category == .decoding)
                #expect(error.vendor == .confluence)
                if let path {
                    #expect(error.reason.contains(path), "\(error.reason)")
                }
            }
        }
    }

    @Test("the malformed folder holds exactly the tested files")
    func allMalformedTested() {
        #expect(
            ConfluenceFixtures.files(in: "malformed") == [
                "array.json", "empty.json", "invalid-json.json", "wrong-type-nested.json", "wrong-type.json",
            ]
        )
    }

    @Test("the edge folder holds exactly the tested files")
    func allEdgeTested() {
        #expect(
            ConfluenceFixtures.files(in: "edge") == [
                "comment-reply-nested-parent.json", "event-field-data-center.json", "extra-unknown-fields.json",
                "ids-as-strings.json", "no-event-name.json", "pre-2019-user-fields.json", "unknown-event-name.json",
            ]
        )
    }
}
