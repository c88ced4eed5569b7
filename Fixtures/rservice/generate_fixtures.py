#!/usr/bin/env python3
"""Writes the R-Service fixtures that are *written to the documented shape* (see README.md).

The fixtures copied from the vendor sheet (webhook.verify.json, webhook.verify--4me-staging.json,
request.note-added.json, problem.update.json, app_instance.secrets-update.json, automation_rule.json and
management/*.json) are never touched by this script. The committed fixtures are the truth; rerunning the
script must reproduce them byte for byte (it is deterministic).

Usage: python3 Fixtures/rservice/generate_fixtures.py
"""

import base64
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ACCOUNT = "https://wdc.xurrent-demo.com"
HOST = "wdc.xurrent-demo.com"

# Literal payloads from the vendor sheet: never generated.
LITERAL = {
    "webhook.verify",
    "request.note-added",
    "problem.update",
    "app_instance.secrets-update",
    "automation_rule",
}

# Every registered name, in registry order (Sources/WebhookRegistry/RServiceEventName.swift).
NAMES = """app_instance.create app_instance.update app_instance.delete app_instance.secrets-update
automation_rule broadcast.create broadcast.update ci.create ci.update contract.create contract.update
flsa.create flsa.update knowledge_article.create knowledge_article.update
organization.create organization.update
out_of_office_period.create out_of_office_period.update out_of_office_period.delete
person.create person.update
problem.create problem.manager-changed problem.member-changed problem.note-added problem.status-changed
problem.team-changed problem.update
product.create product.update
project.create project.manager-changed project.note-added project.status-changed project.update
project_task.create project_task.delete project_task.note-added project_task.status-changed project_task.update
release.create release.manager-changed release.note-added release.update
request.agile-board-column-changed request.create request.major-incident-status-changed request.member-changed
request.note-added request.status-changed request.team-changed request.update
risk.create risk.manager-changed risk.note-added risk.status-changed risk.update
service.create service.update service_instance.create service_instance.update service_offering.create
service_offering.update
sla.create sla.update
task.create task.member-changed task.note-added task.status-changed task.team-changed task.update
team.create team.update time_entry.create time_entry.update time_entry.delete
webhook.verify
workflow.create workflow.manager-changed workflow.note-added workflow.status-changed workflow.update
integration_instance.secrets-update""".split()

# GraphQL type names, for realistic node ids (base64url of "<host>/<Type>/<id>", no padding).
GRAPHQL_TYPE = {
    "app_instance": "AppInstance", "broadcast": "Broadcast", "ci": "ConfigurationItem", "contract": "Contract",
    "flsa": "FirstLineSupportAgreement", "knowledge_article": "KnowledgeArticle", "organization": "Organization",
    "out_of_office_period": "OutOfOfficePeriod", "person": "Person", "problem": "Problem", "product": "Product",
    "project": "Project", "project_task": "ProjectTask", "release": "Release", "request": "Request", "risk": "Risk",
    "service": "Service", "service_instance": "ServiceInstance", "service_offering": "ServiceOffering",
    "sla": "ServiceLevelAgreement", "task": "Task", "team": "Team", "time_entry": "TimeEntry",
    "workflow": "Workflow", "integration_instance": "IntegrationInstance",
}

STATUSES = {
    "request": ("in_progress", "assigned"),
    "problem": ("in_progress", "accepted"),
    "task": ("completed", "in_progress"),
    "project": ("in_progress", "registered"),
    "project_task": ("in_progress", "assigned"),
    "workflow": ("progress_halted", "in_progress"),
    "risk": ("mitigated", "assessed"),
}

PEOPLE = [(6, "Howard Tanner"), (8529, "Tom Edwards"), (336, "Joseph Coleman"), (591, "Ellen Brown")]
TEAMS = [(14, "End-User Support, Houston"), (372, "Network Management"), (19, "Application Development")]


def node_id(type_name, record_id):
    raw = f"{HOST}/{type_name}/{record_id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def reference(type_name, record_id, name, **extra):
    value = {"id": record_id, "nodeID": node_id(type_name, record_id), "name": name}
    value.update(extra)
    return value


def audit_line(index):
    audit_id = 150000 + index * 37
    return {"audit_line_id": audit_id, "audit_line_nodeID": node_id("AuditLine", audit_id)}


def message(index, event, noun, object_id, payload, webhook_name=None):
    webhook_id = 100 + index
    person_id, person_name = PEOPLE[index % len(PEOPLE)]
    return {
        "webhook_id": webhook_id,
        "webhook_nodeID": node_id("Webhook", webhook_id),
        "account_id": "wdc",
        "account": ACCOUNT,
        "name": webhook_name or event,
        "event": event,
        "object_id": object_id,
        "object_nodeID": node_id(GRAPHQL_TYPE[noun], object_id),
        "person_id": person_id,
        "person_nodeID": node_id("Person", person_id),
        "person_name": person_name,
        "payload": payload,
    }


def time_entry(index, verb):
    entry_id = 41000 + index
    value = {
        "id": entry_id,
        "nodeID": node_id("TimeEntry", entry_id),
        "person": reference("Person", 8529, "Tom Edwards"),
        "organization": reference("Organization", 55, "Widget Data Center, IT"),
        "customer": reference("Organization", 10, "Widget International"),
        "date": "2026-03-12",
        "time_spent": 45 if verb != "update" else 60,
        "description": "Replaced the failed disk in the mail server.",
        "time_allocation": reference("TimeAllocation", 7, "Incident Management"),
        "effort_class": reference("EffortClass", 2, "Standard"),
        "service_instance": reference("ServiceInstance", 74, "Email (Widget Data Center)"),
        "request": {"id": 70412, "nodeID": node_id("Request", 70412), "subject": "Mail server down"},
        "started_at": "2026-03-12T09:15:00-06:00",
        "correction": False,
        "deleted": verb == "delete",
        "note_id": 912344,
        "created_at": "2026-03-12T10:02:11-06:00",
        "updated_at": "2026-03-12T10:31:54-06:00" if verb != "create" else "2026-03-12T10:02:11-06:00",
    }
    if verb == "update":
        value["task"] = {"id": 8812, "nodeID": node_id("Task", 8812), "subject": "Replace disk"}
    return value, entry_id


def out_of_office_period(index, verb):
    period_id = 3100 + index
    value = {
        "id": period_id,
        "nodeID": node_id("OutOfOfficePeriod", period_id),
        "person": reference("Person", 336, "Joseph Coleman"),
        "start_at": "2026-04-06T00:00:00-05:00",
        "end_at": "2026-04-10T23:59:00-05:00" if verb != "update" else "2026-04-13T23:59:00-05:00",
        "reason": "Vacation",
        "approval_delegate": reference("Person", 6, "Howard Tanner"),
        "effort_class": reference("EffortClass", 5, "Absence"),
        "time_allocation": reference("TimeAllocation", 12, "Leave"),
        "created_at": "2026-03-02T08:11:05-06:00",
        "updated_at": "2026-03-09T15:40:27-06:00" if verb != "create" else "2026-03-02T08:11:05-06:00",
    }
    return value, period_id


def payload_for(index, event):
    noun, _, verb = event.partition(".")
    team_id, team_name = TEAMS[index % len(TEAMS)]
    member_id, member_name = PEOPLE[(index + 1) % len(PEOPLE)]
    team = reference("Team", team_id, team_name)
    member = reference("Person", member_id, member_name)
    payload = dict(audit_line(index))
    if verb == "note-added":
        note_id = 3455000 + index
        payload = {"note_id": note_id, "note_nodeID": node_id("Note", note_id)}
        if noun in ("problem", "task"):
            payload["status"] = STATUSES[noun][0]
            payload["team"] = team
    elif verb == "status-changed":
        status, previous = STATUSES[noun]
        payload["status"] = status
        payload["previous_status"] = previous
    elif verb == "member-changed":
        if index % 2 == 0:
            member["account"] = {"id": "widget", "name": "Widget International"}
        else:
            member["disabled"] = True
        payload["member"] = member
        payload["team"] = team
        if noun in STATUSES:
            payload["status"] = "assigned"
    elif verb == "team-changed":
        team["account"] = {"id": "wdc", "name": "Widget Data Center"}
        payload["team"] = team
        if noun in STATUSES:
            payload["status"] = "assigned"
    elif verb == "create":
        if noun in ("request", "problem", "task", "project_task"):
            payload["status"] = "assigned"
            payload["team"] = team
        if noun in ("person", "organization", "team", "ci", "product", "service"):
            payload["source"] = "Workday" if noun in ("person", "organization") else "ServiceNow import"
            payload["sourceID"] = f"{noun.upper()}-{9000 + index}"
        if noun == "request":
            payload["source"] = "self service"
    elif verb == "update":
        if noun in STATUSES:
            payload["status"] = STATUSES[noun][0]
    # manager-changed, agile-board-column-changed, major-incident-status-changed, delete: audit line only
    # (the vendor documents no further key for them).
    return payload


def generated_events():
    files = {}
    for index, event in enumerate(NAMES):
        if event in LITERAL or event == "webhook.verify":
            continue
        noun, _, verb = event.partition(".")
        object_id = 1000 + index * 13
        if noun == "time_entry":
            payload, object_id = time_entry(index, verb)
        elif noun == "out_of_office_period":
            payload, object_id = out_of_office_period(index, verb)
        elif noun == "app_instance":
            payload = dict(audit_line(index))
            payload["app_offering"] = {"reference": "typeform", "id": 1, "nodeID": node_id("AppOffering", 1)}
            payload["customer_account_id"] = "wdc-test"
            object_id = 2
        elif event == "integration_instance.secrets-update":
            payload = dict(audit_line(index))
            payload["integration"] = {"reference": "typeform", "id": 1, "nodeID": node_id("Integration", 1)}
            payload["customer_account_id"] = "wdc-test"
            payload["application"] = {
                "nodeID": node_id("OauthApplication", 17),
                "client_id": "<redacted>",
                "client_secret": "<redacted>",
            }
            object_id = 2
        else:
            payload = payload_for(index, event)
        files[f"events/{event}.json"] = message(index, event, noun, object_id, payload)

    # app_instance.secrets-update with client credentials instead of a policy (the vendor's "secret-scope-only").
    files["events/app_instance.secrets-update--scope-only.json"] = message(
        90,
        "app_instance.secrets-update",
        "app_instance",
        2,
        {
            **audit_line(90),
            "app_offering": {"reference": "typeform", "id": 1, "nodeID": node_id("AppOffering", 1)},
            "customer_account_id": "wdc-test",
            "application": {
                "nodeID": node_id("OauthApplication", 18),
                "client_id": "<redacted>",
                "client_secret": "<redacted>",
            },
        },
    )
    return files


def edge_fixtures():
    files = {}
    absent = message(
        91, "request.status-changed", "request", 70420,
        {**audit_line(91), "status": "waiting_for_customer", "previous_status": "in_progress"},
    )
    for key in ("person_id", "person_nodeID", "person_name"):
        del absent[key]
    files["edge/system-event-person-absent.json"] = absent

    null = message(
        92, "task.status-changed", "task", 8813,
        {**audit_line(92), "status": "failed", "previous_status": "in_progress"},
    )
    for key in ("person_id", "person_nodeID", "person_name"):
        null[key] = None
    files["edge/system-event-person-null.json"] = null

    extra = message(
        93, "request.update", "request", 70433,
        {
            **audit_line(93),
            "status": "in_progress",
            "team": {**reference("Team", 14, "End-User Support, Houston"), "sourceID": "TEAM-14",
                     "email": "eus@widget.example.com"},
            "custom_fields": [{"id": "priority_reason", "value": "VIP"}],
            "resolution_target_at": "2026-03-13T17:00:00-06:00",
        },
        webhook_name="Request updates to the CMDB sync",
    )
    extra["custom_url"] = "https://support.widget.example.com"
    extra["instance_name"] = "Widget Production"
    extra["delivered_at"] = "2026-03-12T16:01:02Z"
    extra["api_version"] = 2
    files["edge/extra-unknown-fields.json"] = extra

    unknown = message(
        94, "shop_order_line.create", "request", 5501, {**audit_line(94), "status": "ordered"},
    )
    unknown["object_nodeID"] = node_id("ShopOrderLine", 5501)
    files["edge/unknown-event-name.json"] = unknown
    return files


def malformed_fixtures():
    base = message(95, "request.note-added", "request", 70440, {"note_id": 3455095})
    wrong_note = json.loads(json.dumps(base))
    wrong_note["payload"]["note_id"] = "3455095"
    wrong_object = json.loads(json.dumps(base))
    wrong_object["object_id"] = "70440"
    missing_event = json.loads(json.dumps(base))
    del missing_event["event"]
    missing_webhook = json.loads(json.dumps(base))
    del missing_webhook["webhook_id"]
    return {
        "malformed/wrong-type-payload.json": wrong_note,
        "malformed/wrong-type-object-id.json": wrong_object,
        "malformed/missing-event.json": missing_event,
        "malformed/missing-webhook-id.json": missing_webhook,
        "malformed/array.json": [base],
    }


def write(path, value):
    full = os.path.join(HERE, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as file:
        file.write(json.dumps(value, separators=(",", ":"), ensure_ascii=False) + "\n")


def main():
    for files in (generated_events(), edge_fixtures(), malformed_fixtures()):
        for path, value in files.items():
            write(path, value)
    with open(os.path.join(HERE, "malformed/invalid-json.json"), "w") as file:
        file.write('{"webhook_id":195,"event":"request.note-added","payload":{"note_id":3455095,\n')
    open(os.path.join(HERE, "malformed/empty.json"), "w").close()


if __name__ == "__main__":
    main()
