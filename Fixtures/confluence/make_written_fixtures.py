#!/usr/bin/env python3
"""Writes the Confluence fixtures that are *written to the documented shapes* (not captures).

The captured payloads (copied byte for byte from the vendor sheet) are not produced here.
Run from this directory: python3 make_written_fixtures.py
"""
import json
import os

SITE = "https://northwind.atlassian.net/wiki"
ACTOR = "5f1a2b3c4d5e6f7a8b9c0d1e"
OTHER = "62b4c5d6e7f8091a2b3c4d5e"


def write(path, body):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(json.dumps(body, indent=2, ensure_ascii=False) + "\n")


def envelope(ts, **extra):
    body = {"userAccountId": ACTOR, "accountType": "customer", "timestamp": ts}
    body.update(extra)
    return body


def dc_envelope(name, ts, **extra):
    body = {"timestamp": ts, "event": name, "userKey": "8a7f80836d4c1e52016d4c3e9f2a0001"}
    body.update(extra)
    return body


def content(cid, title, kind="page", version=1, created=1714470000000, modified=None, space="DOCS", space_id=98305):
    segment = {"page": "pages", "blogpost": "blog"}.get(kind, "pages")
    slug = title.replace(" ", "+")
    return {
        "idAsString": str(cid),
        "creatorAccountId": ACTOR,
        "spaceKey": space,
        "spaceId": space_id,
        "modificationDate": modified or created,
        "lastModifierAccountId": ACTOR,
        "self": f"{SITE}/spaces/{space}/{segment}/{cid}/{slug}",
        "id": cid,
        "title": title,
        "creationDate": created,
        "contentType": kind,
        "version": version,
    }


def rest_content(cid, status, number, when, message=""):
    user = {
        "type": "known",
        "accountId": ACTOR,
        "accountType": "atlassian",
        "email": "",
        "publicName": "Dana Whitfield",
        "profilePicture": {
            "path": "/wiki/aa-avatar/5f1a2b3c4d5e6f7a8b9c0d1e",
            "width": 48,
            "height": 48,
            "isDefault": False,
        },
        "displayName": "Dana Whitfield",
        "isExternalCollaborator": False,
        "_expandable": {"operations": "", "personalSpace": ""},
        "_links": {"self": f"{SITE}/rest/api/user?accountId={ACTOR}"},
    }
    return {
        "id": str(cid),
        "type": "com.atlassian.confluence.plugins.confluence-content-property-storage:content-property",
        "status": status,
        "title": "subject",
        "space": {
            "id": 98305,
            "key": "DOCS",
            "name": "Documentation",
            "type": "global",
            "status": "current",
            "_expandable": {"settings": "/rest/api/space/DOCS/settings", "homepage": "/rest/api/content/98400"},
            "_links": {"webui": "/spaces/DOCS", "self": f"{SITE}/rest/api/space/DOCS"},
        },
        "history": {
            "latest": True,
            "createdBy": user,
            "createdDate": "2024-04-30T09:40:00.000Z",
            "_expandable": {"lastUpdated": "", "previousVersion": "", "contributors": "", "nextVersion": ""},
            "_links": {"self": f"{SITE}/rest/api/content/{cid}/history"},
        },
        "version": {
            "by": user,
            "when": when,
            "friendlyWhen": "just a moment ago",
            "message": message,
            "number": number,
            "minorEdit": False,
            "contentTypeModified": False,
            "_expandable": {"collaborators": "", "content": f"/rest/api/content/{cid}"},
            "_links": {"self": f"{SITE}/rest/api/content/{cid}/version/{number}"},
        },
        "macroRenderedOutput": {},
        "metadata": {
            "labels": {"results": [], "start": 0, "limit": 200, "size": 0, "_links": {"next": ""}},
            "_expandable": {"currentuser": "", "comments": "", "simple": "", "properties": ""},
        },
        "_expandable": {
            "container": "/rest/api/content/98412",
            "space": "/rest/api/space/DOCS",
            "ancestors": "",
            "children": f"/rest/api/content/{cid}/child",
            "descendants": f"/rest/api/content/{cid}/descendant",
        },
        "_links": {
            "context": "/wiki",
            "self": f"{SITE}/rest/api/content/{cid}",
            "collection": "/rest/api/content",
            "webui": "",
            "base": SITE,
        },
    }


E = "events/"
page = content(98412, "Release Checklist", version=3, created=1714470000000, modified=1714552211000)

# page family
write(E + "page_children_reordered.json", dc_envelope(
    "page_children_reordered", 1714553000000,
    page={"id": 98400, "title": "Documentation Home", "spaceKey": "DOCS", "contentType": "page", "version": 12},
    oldSortedChildren=[{"id": 98412, "title": "Release Checklist"}, {"id": 98415, "title": "Onboarding"}],
    newSortedChildren=[{"id": 98415, "title": "Onboarding"}, {"id": 98412, "title": "Release Checklist"}],
))
write(E + "page_viewed.json", envelope(1714553300000, page=page))

# blog family
blog = content(131073, "Q2 Platform Update", kind="blogpost", version=1, created=1714560000000)
blog2 = dict(blog, version=2, modificationDate=1714563600000)
write(E + "blog_created.json", envelope(1714560000012, blog=blog))
write(E + "blog_updated.json", envelope(1714563600015, blog=blog2, updateTrigger="edit_page"))
write(E + "blog_removed.json", envelope(1714650000020, blog=blog2))
write(E + "blog_restored.json", envelope(1714650600025, blog=blog2))
write(E + "blog_trashed.json", envelope(1714651200030, blog=blog2))
write(E + "blog_viewed.json", envelope(1714564000040, blog=blog2))

# comment family
parent = content(98412, "Release Checklist", version=3, created=1714470000000, modified=1714552211000)
comment = content(98433, "Re: Release Checklist", kind="comment", version=1, created=1714555000000)
comment["self"] = parent["self"] + "?focusedCommentId=98433"
comment["parent"] = parent
comment_edited = dict(comment, version=2, modificationDate=1714555600000)
write(E + "comment_updated.json", envelope(1714555600010, comment=comment_edited))
write(E + "comment_removed.json", envelope(1714556000010, comment=comment_edited))
reply = content(98440, "Re: Release Checklist", kind="comment", version=1, created=1714556500000)
reply["self"] = parent["self"] + "?focusedCommentId=98440"
reply["parent"] = parent
reply["inReplyTo"] = {"id": "98433"}
write(E + "comment_deleted.json", envelope(1714557000010, comment=reply))

# attachment family
attachment = content(98450, "architecture-diagram.png", kind="attachment", version=1, created=1714558000000)
attachment["self"] = f"{SITE}/pages/viewpageattachments.action?pageId=98412&preview=/98412/98450/architecture-diagram.png"
attachment.update({"mediaType": "image/png", "fileSize": 248133, "parent": parent})
attached_to = {
    "id": 98412,
    "title": "Release Checklist",
    "contentType": "page",
    "spaceKey": "DOCS",
    "spaceName": "Documentation",
    "self": parent["self"],
}
attachment2 = dict(attachment, version=2, fileSize=251977, modificationDate=1714558600000)
write(E + "attachment_created.json", envelope(1714558000020, attachment=attachment, attachedTo=attached_to))
write(E + "attachment_updated.json", envelope(1714558600020, attachment=attachment2, attachedTo=attached_to))
write(E + "attachment_removed.json", envelope(1714559000020, attachment=attachment2, attachedTo=attached_to))
write(E + "attachment_restored.json", envelope(1714559600020, attachment=attachment2, attachedTo=attached_to))
write(E + "attachment_trashed.json", envelope(1714560200020, attachment=attachment2, attachedTo=attached_to))
write(E + "attachment_viewed.json", envelope(1714558700020, attachment=attachment2, attachedTo=attached_to))

# label family
label = {"name": "release-notes", "id": "2752513", "prefix": "global", "self": f"{SITE}/label/DOCS/release-notes"}
labeled = {
    "id": 98412,
    "title": "Release Checklist",
    "contentType": "page",
    "spaceKey": "DOCS",
    "spaceName": "Documentation",
    "self": parent["self"],
}
write(E + "label_added.json", envelope(1714561000010, label=label, labeled=labeled))
write(E + "label_created.json", envelope(1714561000005, label=label, labeled=labeled))
write(E + "label_removed.json", envelope(1714562000010, label=label, labeled=labeled))
write(E + "label_deleted.json", envelope(1714562000015, label=label))

# space family
space = {"id": 98305, "key": "DOCS", "name": "Documentation", "title": "Documentation", "self": f"{SITE}/spaces/DOCS"}
write(E + "space_created.json", envelope(1714460000000, space=space))
write(E + "space_updated.json", envelope(1714463600000, space=dict(space, name="Product Documentation",
                                                                 title="Product Documentation")))
write(E + "space_removed.json", envelope(1714900000000, space=space))
write(E + "space_logo_updated.json", envelope(1714464000000, space=space))
write(E + "space_permissions_updated.json", envelope(1714464600000, space=space))

# content family (REST v1 content object; no envelope)
write(E + "content_created.json", rest_content(98460, "current", 1, "2024-04-30T09:40:00.000Z"))
write(E + "content_updated.json", rest_content(98460, "current", 2, "2024-04-30T09:45:12.345Z"))
write(E + "content_removed.json", rest_content(98460, "current", 2, "2024-04-30T09:45:12.345Z"))
write(E + "content_trashed.json", rest_content(98460, "trashed", 2, "2024-04-30T09:45:12.345Z"))
write(E + "content_restored.json", rest_content(98460, "current", 3, "2024-04-30T10:02:07.500Z"))
write(E + "content_permissions_updated.json", rest_content(98460, "current", 2, "2024-04-30T09:45:12.345Z"))

# families with no documented shape: envelope only
write(E + "theme_enabled.json", envelope(1714470500000))
write(E + "blueprint_page_created.json", envelope(
    1714471000000, page=content(98470, "2024-04-30 Meeting notes", created=1714471000000)))
write(E + "relation_created.json", envelope(1714472000000))
write(E + "relation_deleted.json", envelope(1714472600000))
write(E + "connect_addon_enabled.json", envelope(1714400000000))
write(E + "connect_addon_disabled.json", envelope(1714900500000))
write(E + "login.json", dc_envelope("login", 1714380000000))
write(E + "login_failed.json", dc_envelope("login_failed", 1714379900000))
write(E + "logout.json", dc_envelope("logout", 1714390000000))
write(E + "search_performed.json", dc_envelope("search_performed", 1714381000000))

# user and group families (Data Center shape: `event`, `userKey`)
def profile(name, username):
    return {"fullName": name, "username": username, "userKey": "8a7f80836d4c1e52016d4c3e9f2a0042",
            "email": f"{username}@northwind.example"}

write(E + "user_created.json", dc_envelope("user_created", 1714300000000, userProfile=profile("Priya Raman", "praman")))
write(E + "user_deactivated.json", dc_envelope("user_deactivated", 1714900000000,
                                               userProfile=profile("Priya Raman", "praman")))
write(E + "user_followed.json", dc_envelope("user_followed", 1714310000000,
                                            userProfile=profile("Priya Raman", "praman")))
write(E + "user_reactivated.json", dc_envelope("user_reactivated", 1714910000000,
                                               userProfile=profile("Priya Raman", "praman")))
write(E + "user_removed.json", dc_envelope("user_removed", 1714990000000,
                                           userProfile=profile("Priya Raman", "praman")))
write(E + "group_created.json", dc_envelope("group_created", 1714320000000, groupName="docs-editors"))
write(E + "group_removed.json", dc_envelope("group_removed", 1714920000000, groupName="docs-editors"))

# edge fixtures
write("edge/no-event-name.json", envelope(1714470000015, page=content(98412, "Release Checklist", created=1714470000000)))
write("edge/unknown-event-name.json", dc_envelope("page_archived", 1714600000000,
                                                  page={"id": 98412, "title": "Release Checklist"}))
write("edge/event-field-data-center.json", dc_envelope(
    "label_added", 1714561000010,
    label={"name": "release-notes", "prefix": "global"},
    labeled={"id": 98412, "title": "Release Checklist", "contentType": "page", "spaceKey": "DOCS"}))
extra = envelope(1714552211020, updateTrigger="edit_page", suppressNotifications=True,
                 page=dict(page, status="current", ancestors=[{"id": 98400}]))
extra["webhookFlow"] = "Primary"
extra["deliveryAttempt"] = 1
extra["links"] = {"base": SITE}
write("edge/extra-unknown-fields.json", extra)
ids_comment = dict(reply, id="98440", spaceId="98305", parent=dict(parent, id="98412", spaceId="98305"))
write("edge/ids-as-strings.json", {
    "comment": ids_comment,
    "accountType": "customer",
    "timestamp": "1714556500012",
    "userAccountId": ACTOR,
})

# A Cloud reply: its `parent` is the comment it answers, and that comment's own `parent` is the page (what real
# deliveries showed: the typed model used to drop `comment.parent.parent`).
write("edge/comment-reply-nested-parent.json", envelope(1714556500012, comment=dict(reply, parent=comment)))

# Cloud before the 2019 move to account ids: user keys and names, no account ids (nor the 2023 `idAsString` and
# `spaceId`), on a comment and its page.
LEGACY = {"creatorKey": "ff8080815a8ccb42015a8ccc0b2a0001", "creatorName": "dwhitfield",
          "lastModifierKey": "ff8080815a8ccb42015a8ccc0b2a0002", "lastModifierName": "praman"}
legacy_page = {k: v for k, v in dict(parent, **LEGACY).items() if not k.endswith("AccountId") and k not in ("idAsString", "spaceId")}
legacy_comment = {k: v for k, v in dict(reply, parent=legacy_page, **LEGACY).items() if not k.endswith("AccountId") and k not in ("idAsString", "spaceId")}
write("edge/pre-2019-user-fields.json", {"comment": legacy_comment, "timestamp": 1530000000000})
