"""The authorization matrix, read from the manual: every method of riskd-varlink(7)'s role table, called as each
role and as a board member on another member's record, with real uids (the python varlink client run as the
rdt-* users; the daemon knows them by SO_PEERCRED).

The expected outcome of every case comes from the roff source of man/riskd-varlink.7, not from the daemon's own
permission table, so the manual and the daemon are held to each other; and the set of methods in the manual must
equal the set in Sources/RiskProtocol/IDL, so neither can drift from the interfaces.

Every method runs as admin, board, auditor and no role. The fifth column, a board member (rdt-board) acting on
another member's (rdt-board2's) record, runs for the methods that name or list such records (ON_OTHERS); a method
that names none (Whoami, Declare, Publish, ...) has nothing of another member's to act on. review.Watch streams, so
it has a test of its own.

Marks (see the manual): `yes` allowed on every record; `-` PermissionDenied; `own` the caller's own records only;
`self` for the caller only; `visible` the declarations a board member may see (their own, others' that are not
sensitive while interests.board_sees_register is true, which is the default used here).

Configuration: admins = unix-group:rdt-admin; board = rdt-board and rdt-board2 (the `board2` fixture);
auditors = unix-user:rdt-audit; rdt-nobody holds no role.
"""

import hashlib
import json
import re
import threading
from datetime import date, timedelta

import pytest

from riskd_e2e import REPO, SECOND_BOARD, DaemonFactory, refusal_tells_nothing_else

MANUAL = REPO / "man" / "riskd-varlink.7"
IDL = REPO / "Sources" / "RiskProtocol" / "IDL"
DENIED = "org.varlink.service.PermissionDenied"
# What a method answers for a record the caller may not know of (SECURITY.md, privacy property).
ABSENT = {"org.riskd.interest.Get": "org.riskd.interest.NoSuchInterest"}

COLUMNS = ["admin", "board", "auditor", "mailer", "no role"]
MARKS = {"yes", "-", "own", "self", "visible"}
USER = {"admin": "rdt-admin", "board": "rdt-board", "auditor": "rdt-audit", "mailer": "rdt-mailer",
        "no role": "rdt-nobody"}
OTHER = "board, another's record"

TODAY = date.today().isoformat()
FUTURE = (date.today() + timedelta(days=120)).isoformat()
PAST = (date.today() - timedelta(days=30)).isoformat()
CODE_BODY = "Declare what you hold; step out when it counts."
# Public SSH keys (the private halves were thrown away): one each that the admin and the board member add, and one
# each of the two board members that the fixture registers for them to remove.
KEY_ADDED_BY_ADMIN = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAtYlKcxazSTGkxWptkiFIPPiZfmTuR4ydhMnkXbA4R5"
KEY_ADDED_BY_BOARD = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJczu2fBbUrwCSMB08gn//1cwiqSjxr/H6HBgSaqDzE6"
KEY_OF_BOARD2 = ("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILUYKwNvp9hh+CCiVl5RPv8tQxF5w4YBJXZP9r+TDIJv",
                 "SHA256:Bv/eEJ4gHmzvXIPNImMpYqAr7u2wJ3T2f0QB0DyhQcA")
KEY_OF_BOARD = ("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKGVx2D28zlLJJXKuO5WGZm0f2ilAkPnAjd6NVV1+xFp",
                "SHA256:BQkAtthu7Pi916LaO4DA2xNK9AoI5VRmudOk9twL4KQ")


# -- the manual's table -------------------------------------------------------------------------------------
def roff_text(cell):
    """A table cell as a reader sees it: no font macros, `\\-` a hyphen, spaces trimmed."""
    cell = cell.strip()
    if cell.startswith("Sy "):
        cell = cell[3:]
    return cell.replace("\\-", "-").replace("\\&", "").strip()


def manual_role_table(source):
    """{qualified method: {column: mark}} from the `.Bl -column` list of the ROLES section of the roff source.

    Strict: the header must be Methods and COLUMNS, every mark one of MARKS, every method named once."""
    section = re.search(r"^\.Sh ROLES\n(.*?)(?=^\.Sh )", source, re.M | re.S)
    assert section, "riskd-varlink(7) has no ROLES section"
    listing = re.search(r"^\.Bl -column[^\n]*\n(.*?)^\.El$", section.group(1), re.M | re.S)
    assert listing, "the ROLES section of riskd-varlink(7) has no .Bl -column table"
    rows = [line[4:] for line in listing.group(1).splitlines() if line.startswith(".It ")]
    header = [roff_text(cell) for cell in rows[0].split(" Ta ")]
    assert header == ["Methods"] + COLUMNS, "unexpected header row %r" % header
    table = {}
    for row in rows[1:]:
        cells = [roff_text(cell) for cell in row.split(" Ta ")]
        assert len(cells) == 1 + len(COLUMNS), "row %r has %d cells" % (row, len(cells))
        interface, _, methods = cells[0].partition(":")
        assert re.fullmatch(r"[a-z]+", interface) and methods.strip(), "row %r does not read `iface: A, B`" % row
        marks = dict(zip(COLUMNS, cells[1:]))
        assert set(marks.values()) <= MARKS, "row %r has a mark outside %s" % (row, sorted(MARKS))
        for method in (name.strip() for name in methods.split(",")):
            assert re.fullmatch(r"[A-Z][A-Za-z]+", method), "row %r names %r" % (row, method)
            qualified = "org.riskd.%s.%s" % (interface, method)
            assert qualified not in table, "%s appears twice in the table" % qualified
            table[qualified] = marks
    return table


def idl_methods():
    """Every `interface.Method` the IDL files define."""
    methods = set()
    for path in sorted(IDL.glob("*.varlink")):
        text = path.read_text()
        interface = re.search(r"^interface\s+(\S+)", text, re.M).group(1)
        methods |= {interface + "." + name for name in re.findall(r"^method\s+(\w+)\s*\(", text, re.M)}
    return methods


TABLE = manual_role_table(MANUAL.read_text())


# -- the calls ----------------------------------------------------------------------------------------------
NEW_RISK = {"title": "Added in the matrix", "category": "governance", "likelihood": 2, "impact": 2}

# Well-formed parameters for every method, naming records the fixture made; "$key" is an id of `matrix.ids`.
# The records are chosen so that an allowed call succeeds and no case spoils another.
PARAMETERS = {
    "org.riskd.daemon.Whoami": {}, "org.riskd.daemon.Status": {}, "org.riskd.daemon.Backup": {},
    "org.riskd.risk.Get": {"id": "$r_admin"}, "org.riskd.risk.List": {}, "org.riskd.risk.Matrix": {},
    "org.riskd.risk.History": {"id": "$r_admin"}, "org.riskd.risk.Appetites": {},
    "org.riskd.risk.SetAppetite": {"category": "compliance", "maxScore": 12},
    "org.riskd.risk.Add": NEW_RISK,
    "org.riskd.risk.Update": {"id": "$r_admin", "title": "Retitled in the matrix"},
    "org.riskd.risk.Accept": {"id": "$r_accept", "until": FUTURE, "note": "Accepted in the matrix"},
    "org.riskd.risk.Close": {"id": "$r_close", "reason": "retired"},
    "org.riskd.risk.Reopen": {"id": "$r_closed", "note": "Reopened in the matrix"},
    "org.riskd.risk.AddAction": {"riskId": "$r_admin", "description": "One more step", "owner": "rdt-board",
                                 "dueOn": FUTURE},
    "org.riskd.risk.Import": {"risks": [NEW_RISK]},
    "org.riskd.risk.Review": {"id": "$r_admin", "note": "Reviewed in the matrix"},
    "org.riskd.risk.UpdateAction": {"id": "$act_admin", "dueOn": FUTURE, "note": "Moved"},
    "org.riskd.organisation.Get": {"id": "$org_osf"}, "org.riskd.organisation.List": {},
    "org.riskd.organisation.Add": {"name": "Erasmus National Agency", "kind": "government"},
    "org.riskd.organisation.Update": {"id": "$org_osf", "note": "Updated in the matrix"},
    "org.riskd.organisation.Import": {"organisations": [{"name": "Eurodesk", "kind": "network"}]},
    "org.riskd.interest.Declare": {"kind": "gift", "organisation": "Eurodesk", "description": "A conference dinner",
                                   "startedOn": TODAY},
    "org.riskd.interest.Confirm": {"nothingToDeclare": False},
    "org.riskd.interest.Statement": {},
    "org.riskd.interest.Update": {"id": "$i_b2_open", "description": "Edited by the secretariat"},
    "org.riskd.interest.End": {"id": "$i_b2_end", "endedOn": TODAY},
    "org.riskd.interest.Get": {"id": "$i_b2_secret"}, "org.riskd.interest.List": {},
    "org.riskd.interest.Checks": {},
    "org.riskd.interest.Manage": {"id": "$i_b2_open", "plan": "Leaves the room for grant decisions"},
    "org.riskd.interest.Import": {"interests": [{"declarant": "rdt-board", "kind": "gift", "organisation": "Eurodesk",
                                                 "description": "A book from the matrix", "startedOn": TODAY}]},
    "org.riskd.interest.Check": {"organisations": ["Western Balkan Fund"], "matter": "Grant round 4"},
    "org.riskd.interest.Erase": {"id": "$i_erase", "reason": "The member asked for it"},
    "org.riskd.interest.Register": {},
    "org.riskd.concern.Raise": {"kind": "other", "text": "Raised in the matrix"},
    "org.riskd.concern.Get": {"id": "$concern"}, "org.riskd.concern.List": {},
    "org.riskd.concern.Close": {"id": "$concern_close", "status": "not_upheld", "outcome": "Looked into"},
    "org.riskd.ethics.Current": {}, "org.riskd.ethics.Get": {"version": "$code_version"},
    "org.riskd.ethics.Versions": {}, "org.riskd.ethics.Status": {},
    "org.riskd.ethics.Acknowledge": {"version": "$code_version", "sha256": "$code_sha256"},
    "org.riskd.ethics.Publish": {"title": "Code of conduct", "body": CODE_BODY + " Revised."},
    "org.riskd.ethics.Statement": {},
    "org.riskd.member.List": {}, "org.riskd.member.Get": {"user": "rdt-board2"},
    "org.riskd.member.Export": {"user": "rdt-board2"},
    "org.riskd.review.Run": {}, "org.riskd.review.Preview": {"asOf": "2027-01-01T00:00:00Z"},
    "org.riskd.review.Findings": {}, "org.riskd.review.Acknowledge": {"id": "$finding", "note": "Seen"},
    "org.riskd.review.Runs": {}, "org.riskd.review.Watch": {},
    "org.riskd.audit.Log": {}, "org.riskd.audit.Verify": {}, "org.riskd.audit.Attestations": {},
    "org.riskd.member.AddKey": {"user": "rdt-board2", "publicKey": KEY_ADDED_BY_ADMIN},
    "org.riskd.member.Keys": {"user": "rdt-board2"},
    "org.riskd.member.RemoveKey": {"user": "rdt-board2", "fingerprint": KEY_OF_BOARD2[1]},
    "org.riskd.meeting.Create": {"title": "Board meeting", "date": FUTURE},
    "org.riskd.meeting.AddItem": {"meetingId": "$m_published", "title": "Any other business", "organisations": []},
    "org.riskd.meeting.Publish": {"id": "$m_draft"},
    "org.riskd.meeting.Get": {"id": "$m_published"}, "org.riskd.meeting.List": {},
    "org.riskd.meeting.Minutes": {"id": "$m_published", "format": "html"},
    # An administrator declares for a board member they name (for themselves only when on the board).
    "org.riskd.meeting.DeclareAtMeeting": {"itemId": "$item_published", "declarant": "rdt-board", "kind": "gift",
                                           "organisation": "Eurodesk",
                                           "description": "A pen handed out at the meeting"},
    "org.riskd.meeting.Record": {"recusalId": "$recusal", "action": "left_room", "quorate": True},
    "org.riskd.meeting.Close": {"id": "$m_close"},
    "org.riskd.meeting.Cancel": {"id": "$m_cancel", "reason": "Postponed"},
    "org.riskd.report.Board": {},
    "org.riskd.member.SetContact": {"user": "rdt-board2", "email": "board2@example.org"},
    "org.riskd.member.SetName": {"user": "rdt-board2", "name": "Marko Ilić"},
    "org.riskd.mail.Status": {}, "org.riskd.mail.Test": {"address": "root@localhost"},
    "org.riskd.mail.Claim": {}, "org.riskd.mail.Report": {"id": "$mail_claimed", "outcome": "sent"},
    "org.riskd.mail.Retry": {"id": "$mail_failed"},
    # A bounce of a mail riskd has no record of: answered with no mail, nothing changed.
    "org.riskd.mail.Bounced": {"messageId": "riskd.test.2026-01-01.0@localhost", "reason": "5.1.1 unknown user"},
}

# Where the board member's mark limits them to their own records, their role case names one of theirs.
BOARD_OWN = {
    "org.riskd.risk.Review": {"id": "$r_board", "note": "My own risk", "likelihood": 2, "impact": 3},
    "org.riskd.risk.UpdateAction": {"id": "$act_board", "dueOn": FUTURE, "note": "My own step"},
    "org.riskd.interest.Update": {"id": "$i_board", "description": "Corrected by me"},
    "org.riskd.interest.End": {"id": "$i_board_end", "endedOn": TODAY},
    "org.riskd.interest.Get": {"id": "$i_board"},
    "org.riskd.interest.Check": {"organisations": ["European Student Network"], "matter": "Partnership"},
    "org.riskd.member.Get": {"user": "rdt-board"},
    "org.riskd.member.Export": {},
    "org.riskd.member.SetContact": {"email": "board@example.org"},
    "org.riskd.member.SetName": {"user": "rdt-board", "name": "Ana Petrović"},
    "org.riskd.member.AddKey": {"publicKey": KEY_ADDED_BY_BOARD},
    "org.riskd.member.Keys": {},
    "org.riskd.member.RemoveKey": {"fingerprint": KEY_OF_BOARD[1]},
    "org.riskd.audit.Attestations": {"user": "rdt-board"},
}

# Calls these roles make last in their batch: they change what the others read (a new code version).
LAST = {"org.riskd.ethics.Publish"}


def listed(key, field, id_field="id"):
    """A probe: whether the record `key` of the fixture is among reply[field]."""
    return lambda reply, ids: ids[key] in [entry[id_field] for entry in reply[field]]


def members_listed(user):
    return lambda reply, ids: user in [member["user"] for member in reply["members"]]


def conflict_with(key):
    """A probe: whether a conflict of the reply's check comes from the fixture's interest `key`."""
    return lambda reply, ids: any(c["interestId"] == ids[key] for c in reply["check"]["conflicts"])


def stored_conflict_with(key):
    return lambda reply, ids: any(c["interestId"] == ids[key] for check in reply["checks"] for c in check["conflicts"])


def conflict_from(declarant):
    return lambda reply, ids: any(c["declarant"] == declarant for c in reply["check"]["conflicts"])


def in_pack(organisation):
    """A probe: whether the board pack names `organisation` (the other member's declaration of it)."""
    return lambda reply, ids: organisation in reply["html"]


# A board member acting on another member's record: (variant, parameters, the record is sensitive, probe).
# Without a probe the call names the record and is allowed or PermissionDenied; with one, the call reads a list
# and the probe says whether the other member's record shows in the reply.
ON_OTHERS = {
    "org.riskd.risk.Get": [("", {"id": "$r_board2"}, False, None)],
    "org.riskd.risk.List": [("", {}, False, listed("r_board2", "risks"))],
    "org.riskd.risk.Update": [("", {"id": "$r_board2", "title": "Not mine"}, False, None)],
    "org.riskd.risk.Accept": [("", {"id": "$r_board2", "until": FUTURE, "note": "Not mine"}, False, None)],
    "org.riskd.risk.Close": [("", {"id": "$r_board2", "reason": "retired"}, False, None)],
    "org.riskd.risk.AddAction": [("", {"riskId": "$r_board2", "description": "Not mine", "owner": "rdt-board",
                                       "dueOn": FUTURE}, False, None)],
    "org.riskd.risk.Review": [("", {"id": "$r_board2", "note": "Not mine"}, False, None)],
    "org.riskd.risk.UpdateAction": [("", {"id": "$act_board2", "status": "done"}, False, None)],
    "org.riskd.interest.Update": [("", {"id": "$i_b2_open", "description": "Not mine"}, False, None)],
    "org.riskd.interest.End": [("", {"id": "$i_b2_open", "endedOn": TODAY}, False, None)],
    "org.riskd.interest.Manage": [("", {"id": "$i_b2_open", "plan": "Not mine"}, False, None)],
    "org.riskd.interest.Get": [("open", {"id": "$i_b2_open"}, False, None),
                               ("sensitive", {"id": "$i_b2_secret"}, True, None)],
    "org.riskd.interest.List": [("open", {}, False, listed("i_b2_open", "interests")),
                                ("sensitive", {}, True, listed("i_b2_secret", "interests"))],
    "org.riskd.interest.Checks": [("open", {}, False, listed("check_b2", "checks")),
                                  ("sensitive", {}, True, stored_conflict_with("i_b2_secret"))],
    "org.riskd.interest.Check": [
        ("open", {"organisations": ["Open Society Foundations"], "matter": "Core grant"}, False,
         conflict_with("i_b2_open")),
        ("sensitive", {"organisations": ["Western Balkan Fund"], "matter": "Grant round 5"}, True,
         conflict_from("rdt-board2"))],
    "org.riskd.member.Get": [("", {"user": "rdt-board2"}, False, None)],
    "org.riskd.member.List": [("", {}, False, members_listed("rdt-board2"))],
    "org.riskd.member.AddKey": [("", {"user": "rdt-board2", "publicKey": KEY_ADDED_BY_ADMIN}, False, None)],
    "org.riskd.member.Keys": [("", {"user": "rdt-board2"}, False, None)],
    "org.riskd.member.RemoveKey": [("", {"user": "rdt-board2", "fingerprint": KEY_OF_BOARD2[1]}, False, None)],
    "org.riskd.audit.Attestations": [("", {"user": "rdt-board2"}, False, None)],
    "org.riskd.report.Board": [("open", {}, False, in_pack("Open Society Foundations")),
                               ("sensitive", {}, True, in_pack("Western Balkan Fund"))],
}

# Where today's daemon still disagrees with the manual on a point the revised contract changed.
# Cases where riskd is known to disagree with the manual, each with its reason; marked xfail(strict) so that a
# fix shows up. Empty: keep it so.
KNOWN_DISAGREEMENTS = {}


def expectation(mark, sensitive=False):
    """What a mark promises a board member acting on another member's record: 'denied', 'shown' or 'hidden'."""
    if mark in ("-", "self"):
        # self: for the caller only; naming another member is refused.
        return "denied"
    if mark == "yes":
        return "shown"
    if mark == "own":
        return "hidden"
    if mark == "visible":
        return "hidden" if sensitive else "shown"
    raise AssertionError("mark %r says nothing about another member's record" % mark)


def parameters_for(column, method, variant=None):
    if column == OTHER:
        return next(p for name, p, _, _ in ON_OTHERS[method] if name == variant)
    if column == "board" and method in BOARD_OWN:
        return BOARD_OWN[method]
    return PARAMETERS[method]


def cases():
    """(column, method, variant) for every method of the manual and every column, and the other-record cases."""
    found = []
    for column in COLUMNS:
        for method in TABLE:
            if method != "org.riskd.review.Watch":
                found.append((column, method, ""))
    for method in TABLE:
        for variant, _, _, _ in ON_OTHERS.get(method, []):
            found.append((OTHER, method, variant))
    return found


def case_param(case):
    column, method, variant = case
    name = "%s-%s%s" % (column.replace(" ", "_").replace(",", "").replace("'", ""),
                        method[len("org.riskd."):], "-" + variant if variant else "")
    reason = KNOWN_DISAGREEMENTS.get(case)
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(column, method, variant, id=name, marks=marks)


CASES = cases()


def resolve(value, ids):
    if isinstance(value, str) and value.startswith("$"):
        return ids[value[1:]]
    if isinstance(value, dict):
        return {k: resolve(v, ids) for k, v in value.items()}
    if isinstance(value, list):
        return [resolve(v, ids) for v in value]
    return value


# -- fixtures -----------------------------------------------------------------------------------------------
def declare(user_calls, daemon, user, **parameters):
    [result] = user_calls(user, daemon.socket, [("org.riskd.interest", "Declare", parameters)])
    assert result["ok"], result
    return result["parameters"]["interest"]["id"]


@pytest.fixture(scope="module")
def matrix(users, board2, user_calls):
    """A riskd with two board members and a record of each kind for every case to name."""
    factory = DaemonFactory()
    # public_register: interest.Register is open to no role too, as the manual's table marks it.
    daemon = factory(board=SECOND_BOARD, extra_config="[interests]\npublic_register = true\n")
    call = daemon.call
    ids = {}
    for key, name, kind in [("org_osf", "Open Society Foundations", "funder"),
                            ("org_wbf", "Western Balkan Fund", "funder"),
                            ("org_esn", "European Student Network", "network")]:
        ids[key] = call("org.riskd.organisation.Add", name=name, kind=kind)["organisation"]["id"]
    for user, (key, _) in [("rdt-board2", KEY_OF_BOARD2), ("rdt-board", KEY_OF_BOARD)]:
        call("org.riskd.member.AddKey", user=user, publicKey=key)

    def risk(title, **extra):
        return call("org.riskd.risk.Add", title=title, category="governance", likelihood=3, impact=3,
                    **extra)["risk"]["id"]

    ids["r_admin"] = risk("Owned by root")
    ids["r_board"] = risk("Owned by the first board member", owner="rdt-board")
    ids["r_board2"] = risk("Owned by the second board member", owner="rdt-board2")
    ids["r_accept"] = risk("To be accepted")
    ids["r_close"] = risk("To be closed")
    ids["r_closed"] = risk("Closed already")
    call("org.riskd.risk.Close", id=ids["r_closed"], reason="retired")
    ids["r_overdue"] = risk("Review overdue", nextReviewDue=PAST)

    def action(risk_key, owner):
        return call("org.riskd.risk.AddAction", riskId=ids[risk_key], description="Step of " + owner, owner=owner,
                    dueOn=FUTURE)["action"]["id"]

    ids["act_admin"] = action("r_admin", "root")
    ids["act_board"] = action("r_board", "rdt-board")
    ids["act_board2"] = action("r_board2", "rdt-board2")

    ids["i_board"] = declare(user_calls, daemon, "rdt-board", kind="employment",
                             organisation="European Student Network", description="Part-time trainer", startedOn=PAST)
    ids["i_board_end"] = declare(user_calls, daemon, "rdt-board", kind="gift", organisation="Eurodesk",
                                 description="A book", startedOn=PAST)
    ids["i_b2_open"] = declare(user_calls, daemon, "rdt-board2", kind="funding",
                               organisation="Open Society Foundations", description="Grant holder", startedOn=PAST)
    ids["i_b2_end"] = declare(user_calls, daemon, "rdt-board2", kind="gift", organisation="Eurodesk",
                              description="A scarf", startedOn=PAST)
    ids["i_b2_secret"] = declare(user_calls, daemon, "rdt-board2", kind="family", organisation="Western Balkan Fund",
                                 description="A relative on its board", sensitive=True, startedOn=PAST)
    ids["i_erase"] = declare(user_calls, daemon, "rdt-board2", kind="gift", organisation="Eurodesk",
                             description="A mug, to be erased", startedOn=PAST)
    [check] = user_calls("rdt-board2", daemon.socket, [
        ("org.riskd.interest", "Check", {"organisations": ["Open Society Foundations"], "matter": "Own check"})])
    assert check["ok"], check
    ids["check_b2"] = check["parameters"]["check"]["id"]
    # A stored check, run by the secretariat, that found the sensitive interest.
    secretariat = call("org.riskd.interest.Check", organisations=["Western Balkan Fund"], matter="Grant round 3")
    assert ids["i_b2_secret"] in [c["interestId"] for c in secretariat["check"]["conflicts"]]

    # Meetings: a draft to publish, a published one whose item names the sensitive interest's organisation (so it
    # has a recusal to record), a published one of two days ago with no recusal, to close, and a draft to cancel.
    ids["m_draft"] = call("org.riskd.meeting.Create", title="Draft meeting", date=FUTURE)["meeting"]["id"]
    call("org.riskd.meeting.AddItem", meetingId=ids["m_draft"], title="Minutes", organisations=[], decision=False)
    ids["m_published"] = call("org.riskd.meeting.Create", title="Published meeting", date=FUTURE)["meeting"]["id"]
    ids["item_published"] = call("org.riskd.meeting.AddItem", meetingId=ids["m_published"], title="Grants",
                                 organisations=["Western Balkan Fund"])["item"]["id"]
    [recusal] = call("org.riskd.meeting.Publish", id=ids["m_published"])["recusals"]
    ids["recusal"] = recusal["id"]
    ids["m_close"] = call("org.riskd.meeting.Create", title="Meeting to close", date=PAST)["meeting"]["id"]
    call("org.riskd.meeting.AddItem", meetingId=ids["m_close"], title="Minutes", organisations=[], decision=False)
    call("org.riskd.meeting.Publish", id=ids["m_close"])
    ids["m_cancel"] = call("org.riskd.meeting.Create", title="Meeting to cancel", date=FUTURE)["meeting"]["id"]

    # Concerns: one the first board member raised (their own to read), one to close.
    [raised] = user_calls("rdt-board", daemon.socket, [
        ("org.riskd.concern", "Raise", {"kind": "breach_of_code", "text": "A gift not declared"})])
    assert raised["ok"], raised
    ids["concern"] = raised["parameters"]["concern"]["id"]
    ids["concern_close"] = call("org.riskd.concern.Raise", kind="other", text="To be closed")["concern"]["id"]

    call("org.riskd.ethics.Publish", title="Code of conduct", body=CODE_BODY)
    # A mail claimed by the deliverer (root holds the mailer role with the admin role), for the mailer to report.
    call("org.riskd.mail.Test", address="root@localhost")
    ids["mail_failed"] = call("org.riskd.mail.Claim")["mail"]["id"]
    call("org.riskd.mail.Report", id=ids["mail_failed"], outcome="rejected", reason="refused in the matrix")
    call("org.riskd.mail.Test", address="root@localhost")
    ids["mail_claimed"] = call("org.riskd.mail.Claim")["mail"]["id"]
    run = call("org.riskd.review.Run")
    ids["finding"] = next(f["id"] for f in run["findings"] if f["subject"] == "risk:%d" % ids["r_overdue"])
    daemon.ids = ids
    yield daemon
    factory.finish()


def current_code(daemon):
    code = daemon.call("org.riskd.ethics.Current")["code"]
    return {"code_version": code["version"], "code_sha256": hashlib.sha256(code["body"].encode()).hexdigest()}


@pytest.fixture(scope="module")
def outcomes(matrix, user_calls):
    """outcomes(user) -> {(column, method, variant): result}: every case of that user in one client run."""
    cache = {}

    def get(user):
        if user not in cache:
            ids = dict(matrix.ids, **current_code(matrix))
            mine = [case for case in CASES if USER.get(case[0], "rdt-board") == user]
            mine.sort(key=lambda case: case[1] in LAST)
            calls = []
            for column, method, variant in mine:
                interface, name = method.rsplit(".", 1)
                calls.append((interface, name, resolve(parameters_for(column, method, variant), ids)))
            cache[user] = dict(zip(mine, user_calls(user, matrix.socket, calls)))
        return cache[user]

    return get


# -- tests --------------------------------------------------------------------------------------------------
def test_manual_names_exactly_the_methods_of_the_interfaces():
    manual, interfaces = set(TABLE), idl_methods()
    assert manual - interfaces == set(), "in riskd-varlink(7) but in no IDL file"
    assert interfaces - manual == set(), "in the IDL files but not in riskd-varlink(7)'s role table"


def test_every_method_has_parameters():
    assert set(PARAMETERS) == set(TABLE)
    assert set(BOARD_OWN) | set(ON_OTHERS) <= set(TABLE)


def test_no_role_may_call_only_whoami_and_the_public_register():
    # interest.Register only while interests.public_register is true (test_public_register.py has the false case).
    assert {m for m, marks in TABLE.items() if marks["no role"] != "-"} == {"org.riskd.daemon.Whoami",
                                                                          "org.riskd.interest.Register"}


def test_the_parser_reads_what_the_manual_says():
    """The parser itself: a row it cannot read, or a mark it does not know, is an error, not a silent skip."""
    good = ".Sh ROLES\n.Bl -column x\n.It Sy Methods Ta Sy admin Ta Sy board Ta Sy auditor Ta Sy mailer Ta " \
           "Sy no role\n.It risk: Get, List Ta yes Ta own Ta \\- Ta \\- Ta \\-\n.El\n.Sh NEXT\n"
    marks = {"admin": "yes", "board": "own", "auditor": "-", "mailer": "-", "no role": "-"}
    assert manual_role_table(good) == {"org.riskd.risk.Get": marks, "org.riskd.risk.List": marks}
    for broken in [good.replace("own", "owner"), good.replace(" Ta \\-\n.El", "\n.El"),
                   good.replace("Get, List", "Get, Get"), good.replace("Sy no role", "Sy nobody")]:
        with pytest.raises(AssertionError):
            manual_role_table(broken)


@pytest.mark.parametrize("column,method,variant", [case_param(case) for case in CASES])
def test_matrix(matrix, outcomes, column, method, variant):
    user = USER.get(column, "rdt-board")
    result = outcomes(user)[(column, method, variant)]
    if column != OTHER:
        mark = TABLE[method][column]
        if mark == "-":
            assert not result["ok"] and result["error"] == DENIED, result
            assert refusal_tells_nothing_else(result["parameters"], user), result
        else:
            assert result["ok"], "manual says %r for %s, daemon answered %r" % (mark, column, result)
        return
    mark = TABLE[method]["board"]
    _, _, sensitive, probe = next(entry for entry in ON_OTHERS[method] if entry[0] == variant)
    expected = expectation(mark, sensitive)
    if sensitive and probe is None and expected == "hidden":
        # Another member's sensitive record is answered as absent: a denial would tell that it exists.
        assert not result["ok"] and result["error"] == ABSENT[method], "daemon answered %r" % (result,)
        return
    if expected == "denied" or (probe is None and expected == "hidden"):
        assert not result["ok"] and result["error"] == DENIED, "manual says %r, daemon answered %r" % (mark, result)
        assert refusal_tells_nothing_else(result["parameters"], user), result
        return
    assert result["ok"], "manual says %r, daemon answered %r" % (mark, result)
    if probe is not None:
        shown = probe(result["parameters"], matrix.ids)
        assert shown == (expected == "shown"), "manual says %r (%s): another member's record %s in %s" % (
            mark, variant or "record", "shows" if shown else "is missing",
            json.dumps(result["parameters"])[:2000])


# review.Watch streams: allowed, it answers only when a finding is raised, so the fixture raises findings (a new
# overdue risk and a review run) until the watcher's first event arrives; refused, it answers at once.
WATCH_CLIENT = r'''
import json, sys, varlink
try:
    with varlink.Client(address=sys.argv[1]) as client, client.open("org.riskd.review") as review:
        for reply in review.Watch(_more=True):
            print(json.dumps({"ok": True, "parameters": reply}))
            break
except varlink.VarlinkError as error:
    print(json.dumps({"ok": False, "error": error.error(), "parameters": error.parameters()}))
'''


@pytest.mark.parametrize("column", COLUMNS)
def test_matrix_watch(matrix, user_python, column):
    mark = TABLE["org.riskd.review.Watch"][column]
    done = threading.Event()

    def raise_findings():
        while not done.wait(0.2):
            risk = matrix.call("org.riskd.risk.Add", title="Overdue for the watcher", category="financial",
                               likelihood=2, impact=2, nextReviewDue=PAST)["risk"]["id"]
            matrix.call("org.riskd.review.Run")
            matrix.call("org.riskd.risk.Close", id=risk, reason="retired")

    raiser = threading.Thread(target=raise_findings, daemon=True)
    if mark != "-":
        raiser.start()
    try:
        run = user_python(USER[column], WATCH_CLIENT, "unix:" + matrix.socket, timeout=60)
    finally:
        done.set()
        if raiser.is_alive():
            raiser.join(30)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    if mark == "-":
        assert not result["ok"] and result["error"] == DENIED, result
        assert refusal_tells_nothing_else(result["parameters"], USER[column]), result
    else:
        assert result["ok"], result
        assert result["parameters"]["event"] in ("raised", "resolved", "reminded"), result
