"""The register of interests end to end, with real different Unix users: org.riskd.organisation,
org.riskd.interest and org.riskd.member through the python varlink client run as each user (the daemon knows
them by SO_PEERCRED), checked against what the daemon holds afterwards.

Configuration (see `board_config`): admins = unix-group:rdt-admin; board = unix-group:rdt-board (the primary group
of rdt-board, which /etc/group does not list) and unix-group:rdt-integrity (whose /etc/group entry lists
rdt-board2); auditors = unix-user:rdt-audit; rdt-nobody holds no role. Every refusal is checked by its error name
and by the audit trail and the register being unchanged.
"""

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from riskd_e2e import Daemon, DaemonFactory, VarlinkCallError, make_test_dir, refusal_tells_nothing_else

ORG = "org.riskd.organisation"
INTEREST = "org.riskd.interest"
MEMBER = "org.riskd.member"
DENIED = "org.varlink.service.PermissionDenied"
NO_SUCH = "org.riskd.interest.NoSuchInterest"
TODAY = date.today()


def days(n):
    return (TODAY + timedelta(days=n)).isoformat()


def board_config(extra=""):
    return "\n".join([
        'socket_mode = "0666"', "", "[access]", 'admins = ["unix-group:rdt-admin"]',
        'board = ["unix-group:rdt-board", "unix-group:rdt-integrity"]', 'auditors = ["unix-user:rdt-audit"]', "",
        extra, ""])


def start(factory, extra=""):
    daemon = Daemon(make_test_dir())
    factory.daemons.append(daemon)
    Path(daemon.config).write_text(board_config(extra))
    return daemon.start()


@pytest.fixture
def fresh(board2):
    """A new riskd with the board of `board_config`."""
    factory = DaemonFactory()
    yield lambda extra="": start(factory, extra)
    factory.finish()


@pytest.fixture
def daemon(fresh):
    return fresh()


def snapshot(daemon):
    """What a refusal must leave alone: the audit trail and every declaration, check and organisation."""
    verify = daemon.call("org.riskd.audit.Verify")
    return {"entries": verify["entries"], "head": verify["head"],
            "interests": daemon.call(INTEREST + ".List")["interests"],
            "checks": daemon.call(INTEREST + ".Checks")["checks"],
            "organisations": daemon.call(ORG + ".List")["organisations"]}


def calls(user_calls, user, daemon, *requests):
    """Makes each (interface, method, parameters) as `user` through the python varlink client."""
    return user_calls(user, daemon.socket, list(requests))


def ok(result):
    assert result["ok"], result
    return result["parameters"]


def error_of(result):
    assert not result["ok"], result
    return result["error"]


DECLARATIONS = {
    "rdt-board": [
        {"kind": "governance", "organisation": "Udruženje Prevent", "description": "Member of the managing board",
         "startedOn": "2023-05-01"},
        {"kind": "family", "organisation": "Western Balkan Fund", "description": "My partner is a programme officer",
         "sensitive": True, "startedOn": days(-10)},
    ],
    "rdt-board2": [
        {"kind": "funding", "organisation": "OSF", "description": "Grant to my organisation", "value": "40 000 EUR",
         "startedOn": days(-3)},
        {"kind": "employment", "organisation": "WBF", "description": "Consultant on the 2027 call",
         "sensitive": True, "startedOn": days(-40)},
    ],
}


def declare_all(daemon, user_calls):
    """Both members declare their interests; returns {user: [interest, ...]} as stored."""
    declared = {}
    for user, drafts in DECLARATIONS.items():
        results = calls(user_calls, user, daemon, *[(INTEREST, "Declare", draft) for draft in drafts])
        declared[user] = [ok(result)["interest"] for result in results]
    return declared


def registry(daemon):
    daemon.call(ORG + ".Import", organisations=[
        {"name": "Open Society Foundations", "aliases": ["OSF"], "kind": "funder", "interest": "high",
         "power": "high"},
        {"name": "Western Balkan Fund", "aliases": ["Western Balkans Fund", "WBF"], "kind": "funder",
         "interest": "medium", "power": "high"},
        {"name": "Udruženje Prevent", "kind": "member", "interest": "high", "power": "low"},
    ])


# -- declarations and who sees them -----------------------------------------------------------------------
def test_declarant_is_the_caller_and_declarations_are_linked(daemon, user_calls):
    registry(daemon)
    declared = declare_all(daemon, user_calls)
    prevent, family = declared["rdt-board"]
    # The register opened today and the members were first seen today: nothing is late yet, whenever it began
    # (lateness counts from the latest of the start, the joining and the opening; test_register_opened.py).
    assert prevent["declarant"] == "rdt-board" and prevent["late"] is False and prevent["status"] == "declared"
    assert prevent["organisationId"] == 3 and prevent["sensitive"] is False and prevent["revision"] == 1
    assert family["sensitive"] is True and family["late"] is False and family["organisationId"] == 2
    grant, consulting = declared["rdt-board2"]
    assert grant["declarant"] == "rdt-board2" and grant["organisationId"] == 1 and grant["value"] == "40 000 EUR"
    assert consulting["late"] is False and consulting["organisationId"] == 2
    assert daemon.call("org.riskd.daemon.Status")["interests"] == 4
    # The audit trail has who and when, never the text of a declaration.
    entries = daemon.call("org.riskd.audit.Log", subject="interest:%d" % family["id"])["entries"]
    assert [e["actor"] for e in entries] == ["rdt-board"]
    assert "programme officer" not in entries[0]["detail"] and '"description":"hmac:' in entries[0]["detail"]


def test_identity_is_the_peer_not_a_parameter(daemon, user_python):
    # A declarant given as a parameter is not part of the method: the declaration is still the caller's.
    code = r'''
import json, socket, sys
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1])
call = {"method": "org.riskd.interest.Declare", "parameters": {"declarant": "rdt-board2", "kind": "gift",
        "organisation": "ESN", "description": "A dinner", "startedOn": sys.argv[2]}}
s.sendall(json.dumps(call).encode() + b"\0")
data = b""
while not data.endswith(b"\0"):
    data += s.recv(65536)
print(data[:-1].decode())
'''
    result = user_python("rdt-board", code, daemon.socket, days(0))
    assert result.returncode == 0, result.stderr
    assert '"declarant":"rdt-board"' in result.stdout.replace(" ", ""), result.stdout
    listed = daemon.call(INTEREST + ".List", declarant="rdt-board2")["interests"]
    assert listed == []


def test_board_member_sees_own_and_others_non_sensitive_never_others_sensitive(daemon, user_calls):
    declared = declare_all(daemon, user_calls)
    mine = [i["id"] for i in declared["rdt-board"]]
    grant, consulting = [i["id"] for i in declared["rdt-board2"]]
    listed, got_grant, got_consulting, got_own = calls(
        user_calls, "rdt-board", daemon, (INTEREST, "List", {}), (INTEREST, "Get", {"id": grant}),
        (INTEREST, "Get", {"id": consulting}), (INTEREST, "Get", {"id": mine[1]}))
    assert [i["id"] for i in ok(listed)["interests"]] == mine + [grant]
    assert ok(got_grant)["interest"]["declarant"] == "rdt-board2"
    # A hidden interest answers as a missing one would: a refusal would say that it exists (issue 20).
    assert error_of(got_consulting) == NO_SUCH and got_consulting["parameters"] == {"id": consulting}
    assert ok(got_own)["interest"]["sensitive"] is True
    # The other way round.
    listed, got = calls(user_calls, "rdt-board2", daemon, (INTEREST, "List", {}), (INTEREST, "Get", {"id": mine[1]}))
    assert [i["id"] for i in ok(listed)["interests"]] == [mine[0], grant, consulting]
    assert error_of(got) == NO_SUCH
    # Filters never reach past the rule.
    filtered, = calls(user_calls, "rdt-board", daemon,
                      (INTEREST, "List", {"declarant": "rdt-board2", "organisation": "Western Balkans Fund"}))
    assert ok(filtered)["interests"] == []
    # The auditor reads everything.
    everything, sensitive = calls(user_calls, "rdt-audit", daemon, (INTEREST, "List", {}),
                                  (INTEREST, "Get", {"id": consulting}))
    assert len(ok(everything)["interests"]) == 4
    assert ok(sensitive)["interest"]["description"] == "Consultant on the 2027 call"


def test_without_board_sees_register_members_see_only_their_own(fresh, user_calls):
    daemon = fresh("[interests]\nboard_sees_register = false")
    declared = declare_all(daemon, user_calls)
    mine = [i["id"] for i in declared["rdt-board"]]
    grant = declared["rdt-board2"][0]["id"]
    listed, got, check = calls(user_calls, "rdt-board", daemon, (INTEREST, "List", {}),
                               (INTEREST, "Get", {"id": grant}),
                               (INTEREST, "Check", {"organisations": ["OSF"], "matter": "Grant call 3"}))
    assert [i["id"] for i in ok(listed)["interests"]] == mine
    assert error_of(got) == NO_SUCH
    assert ok(check)["check"]["conflicts"] == [
        {"declarant": "rdt-board2", "interestId": 0, "kind": "withheld", "organisation": "OSF", "match": "exact"}]
    # The check of another member is not theirs to read either.
    daemon.call(INTEREST + ".Check", organisations=["OSF"], matter="Secretariat check")
    history, = calls(user_calls, "rdt-board", daemon, (INTEREST, "Checks", {}))
    assert [c["matter"] for c in ok(history)["checks"]] == ["Grant call 3"]


# -- refusals ---------------------------------------------------------------------------------------------
def test_board_member_cannot_touch_another_members_declarations_or_manage(daemon, user_calls):
    declared = declare_all(daemon, user_calls)
    grant, consulting = [i["id"] for i in declared["rdt-board2"]]
    mine = declared["rdt-board"][0]["id"]
    before = snapshot(daemon)
    results = calls(user_calls, "rdt-board", daemon,
                    (INTEREST, "Update", {"id": grant, "description": "Hijacked"}),
                    (INTEREST, "Update", {"id": consulting, "ifRevision": 9, "sensitive": False}),
                    (INTEREST, "End", {"id": grant, "endedOn": days(0)}),
                    (INTEREST, "Manage", {"id": mine, "plan": "I manage myself"}),
                    (INTEREST, "Manage", {"id": grant, "plan": "Leaves the room"}),
                    (ORG, "Add", {"name": "Trimbos Institute", "kind": "ngo"}))
    # The sensitive one is hidden from them: it answers as a missing interest, so as not to say it exists.
    assert [error_of(r) for r in results] == [DENIED, NO_SUCH, DENIED, DENIED, DENIED, DENIED], results
    assert results[1]["parameters"] == {"id": consulting}
    assert all(refusal_tells_nothing_else(r["parameters"], "rdt-board") for r in results if error_of(r) == DENIED)
    assert snapshot(daemon) == before


def test_administrators_do_not_declare_and_auditors_change_nothing(daemon, user_calls):
    registry(daemon)
    declared = declare_all(daemon, user_calls)
    grant = declared["rdt-board2"][0]["id"]
    before = snapshot(daemon)
    writes = [(INTEREST, "Declare", {"kind": "gift", "organisation": "ESN", "description": "x",
                                     "startedOn": days(0)}),
              (INTEREST, "Confirm", {"nothingToDeclare": True}),
              (INTEREST, "Update", {"id": grant, "description": "x"}),
              (INTEREST, "End", {"id": grant, "endedOn": days(0)}),
              (INTEREST, "Manage", {"id": grant, "plan": "x"}),
              (INTEREST, "Check", {"organisations": ["OSF"], "matter": "x"}),
              (ORG, "Add", {"name": "Trimbos Institute", "kind": "ngo"}),
              (ORG, "Update", {"id": 1, "note": "x"}),
              (ORG, "Import", {"organisations": [{"name": "ESN", "kind": "network"}]})]
    audited = calls(user_calls, "rdt-audit", daemon, *writes)
    assert [error_of(r) for r in audited] == [DENIED] * len(writes), audited
    admin = calls(user_calls, "rdt-admin", daemon, *writes[:2])
    assert [error_of(r) for r in admin] == [DENIED, DENIED]
    nobody = calls(user_calls, "rdt-nobody", daemon, (INTEREST, "List", {}), (MEMBER, "List", {}),
                   (ORG, "List", {}), *writes)
    assert all(error_of(r) == DENIED for r in nobody)
    assert snapshot(daemon) == before
    # What the auditor may do, they can.
    reads = calls(user_calls, "rdt-audit", daemon, (ORG, "List", {}), (INTEREST, "Checks", {}),
                  (MEMBER, "List", {}), (MEMBER, "Get", {"user": "rdt-board2"}))
    assert all(r["ok"] for r in reads), reads


@pytest.mark.parametrize("method,parameters,error,field", [
    ("Declare", {"kind": "hobby", "organisation": "ESN", "description": "x", "startedOn": "2026-01-01"},
     "InvalidValue", "kind"),
    ("Declare", {"kind": "gift", "organisation": "ESN", "description": "x", "startedOn": days(3)},
     "InvalidValue", "startedOn"),
    ("Declare", {"kind": "gift", "organisation": "ESN", "description": "x", "startedOn": days(-3),
                 "endedOn": days(-4)}, "InvalidValue", "endedOn"),
    ("Declare", {"kind": "gift", "organisation": " ", "description": "x", "startedOn": days(-3)},
     "InvalidValue", "organisation"),
    ("Confirm", {"nothingToDeclare": True}, "InvalidValue", "nothingToDeclare"),
    ("Update", {"id": 1, "ifRevision": 5, "description": "Stale"}, "RevisionMismatch", None),
    ("Update", {"id": 999, "description": "x"}, "NoSuchInterest", None),
    ("End", {"id": 1, "endedOn": "2020-01-01"}, "InvalidValue", "endedOn"),
    ("Check", {"organisations": [], "matter": "x"}, "InvalidValue", "organisations"),
    ("Check", {"organisations": ["OSF"], "matter": " "}, "InvalidValue", "matter"),
])
def test_bad_requests_are_named_and_change_nothing(daemon, user_calls, method, parameters, error, field):
    declare_all(daemon, user_calls)
    before = snapshot(daemon)
    result, = calls(user_calls, "rdt-board", daemon, (INTEREST, method, parameters))
    assert error_of(result) == INTEREST + "." + error, result
    if field:
        assert result["parameters"]["field"] == field and result["parameters"]["reason"]
    if error == "RevisionMismatch":
        assert result["parameters"] == {"id": 1, "revision": 1}
    if error == "NoSuchInterest":
        assert result["parameters"] == {"id": 999}
    assert snapshot(daemon) == before


# -- confirm, check, manage -------------------------------------------------------------------------------
def test_confirm_then_member_status(daemon, user_calls):
    declare_all(daemon, user_calls)
    refused, confirmed, member, other = calls(
        user_calls, "rdt-board", daemon, (INTEREST, "Confirm", {"nothingToDeclare": True}),
        (INTEREST, "Confirm", {}), (MEMBER, "Get", {"user": "rdt-board"}), (MEMBER, "Get", {"user": "rdt-board2"}))
    assert error_of(refused) == INTEREST + ".InvalidValue"
    assert "I-1" in refused["parameters"]["reason"] and "I-2" in refused["parameters"]["reason"]
    confirmation = ok(confirmed)["confirmation"]
    assert confirmation["declarant"] == "rdt-board" and confirmation["nothingToDeclare"] is False
    standing = ok(member)["member"]
    assert standing["lastConfirmedAt"] == confirmation["confirmedAt"]
    assert standing["confirmationDue"] == days(365) and standing["activeInterests"] == 2
    assert standing["roles"] == ["board"] and standing["uid"] > 0
    assert error_of(other) == DENIED
    # riskd seeing rdt-board hold the board role (at start), then the confirmation.
    entries = daemon.call("org.riskd.audit.Log", subject="member:rdt-board")["entries"]
    assert [e["method"] for e in entries] == ["riskd", "org.riskd.interest.Confirm"]
    assert json.loads(entries[0]["detail"]) == {"role": "board", "seen": "holding"}


def test_nothing_to_declare_once_interests_have_ended(daemon, user_calls):
    gift, = calls(user_calls, "rdt-board2", daemon, (INTEREST, "Declare", {
        "kind": "gift", "organisation": "ESN", "description": "A dinner", "startedOn": days(-5)}))
    gift = ok(gift)["interest"]
    ended, confirmed = calls(user_calls, "rdt-board2", daemon,
                             (INTEREST, "End", {"id": gift["id"], "endedOn": days(-1)}),
                             (INTEREST, "Confirm", {"nothingToDeclare": True}))
    assert ok(ended)["interest"]["status"] == "ended"
    assert ok(confirmed)["confirmation"]["nothingToDeclare"] is True


def test_check_omits_another_members_sensitive_interest(daemon, user_calls):
    registry(daemon)
    declared = declare_all(daemon, user_calls)
    prevent, family = [i["id"] for i in declared["rdt-board"]]
    grant, consulting = [i["id"] for i in declared["rdt-board2"]]
    asked = ["Western Balkan Fund", "Udruzenje Prevent", "Open Society"]
    by_board, = calls(user_calls, "rdt-board", daemon,
                      (INTEREST, "Check", {"organisations": asked, "matter": "Call WBF-2027 partners"}))
    check = ok(by_board)["check"]
    assert check["by"] == "rdt-board" and check["organisations"] == asked and check["id"] == 1
    assert check["conflicts"] == [
        {"declarant": "rdt-board", "interestId": prevent, "kind": "governance", "organisation": "Udruženje Prevent",
         "match": "exact"},
        {"declarant": "rdt-board", "interestId": family, "kind": "family", "organisation": "Western Balkan Fund",
         "match": "exact"},
        {"declarant": "rdt-board2", "interestId": grant, "kind": "funding", "organisation": "OSF",
         "match": "possible"},
    ]
    # The secretariat and the auditor read the same check whole.
    whole = daemon.call(INTEREST + ".Checks")["checks"][0]["conflicts"]
    assert whole[3] == {"declarant": "rdt-board2", "interestId": consulting, "kind": "employment",
                        "organisation": "WBF", "match": "alias"}
    # The other member reads it without the first member's sensitive interest: not even its declarant.
    history, = calls(user_calls, "rdt-board2", daemon, (INTEREST, "Checks", {}))
    seen = ok(history)["checks"][0]["conflicts"]
    assert [c["interestId"] for c in seen] == [prevent, grant, consulting]
    assert all(c["kind"] != "withheld" for c in seen)
    assert daemon.call("org.riskd.audit.Log", subject="check:1")["entries"][0]["actor"] == "rdt-board"


def test_a_conflict_is_withheld_by_the_interests_state_when_shown(daemon, user_calls):
    """Issue 8, defect 5: a check keeps no copy of `sensitive`; marking the interest sensitive afterwards hides
    its conflict from other members in every stored check, and Status counts a board member's own interests."""
    declared = declare_all(daemon, user_calls)
    grant = declared["rdt-board2"][0]["id"]
    first, = calls(user_calls, "rdt-board", daemon,
                   (INTEREST, "Check", {"organisations": ["OSF"], "matter": "Grant call 3"}))
    assert [c["interestId"] for c in ok(first)["check"]["conflicts"]] == [grant]
    marked, = calls(user_calls, "rdt-board2", daemon, (INTEREST, "Update", {"id": grant, "sensitive": True}))
    assert ok(marked)["interest"]["sensitive"] is True
    history, status = calls(user_calls, "rdt-board", daemon, (INTEREST, "Checks", {}),
                            ("org.riskd.daemon", "Status", {}))
    assert ok(history)["checks"][0]["conflicts"] == []
    assert "OSF" not in str(ok(history)["checks"][0]["conflicts"])
    # The secretariat still reads it whole.
    assert daemon.call(INTEREST + ".Checks")["checks"][0]["conflicts"][0]["interestId"] == grant
    # rdt-board holds 2 interests of the 4; the admin counts all of them.
    assert ok(status)["interests"] == 2
    assert daemon.call("org.riskd.daemon.Status")["interests"] == 4


def test_manage_is_recorded_by_the_secretariat(daemon, user_calls):
    declared = declare_all(daemon, user_calls)
    family = declared["rdt-board"][1]["id"]
    managed, stale = calls(user_calls, "rdt-admin", daemon,
                           (INTEREST, "Manage", {"id": family, "ifRevision": 1,
                                                 "plan": "Leaves the room for item 4; receives no papers on it"}),
                           (INTEREST, "Manage", {"id": family, "ifRevision": 1, "plan": "Another plan"}))
    interest = ok(managed)["interest"]
    assert interest["status"] == "managed" and interest["managedBy"] == "rdt-admin" and interest["revision"] == 2
    assert error_of(stale) == INTEREST + ".RevisionMismatch" and stale["parameters"] == {"id": family, "revision": 2}
    own, = calls(user_calls, "rdt-board", daemon, (INTEREST, "Get", {"id": family}))
    assert ok(own)["interest"]["managementPlan"].startswith("Leaves the room")
    detail = daemon.call("org.riskd.audit.Log", subject="interest:%d" % family)["entries"][-1]["detail"]
    assert "Leaves the room" not in detail and '"plan":"hmac:' in detail


# -- members ----------------------------------------------------------------------------------------------
def test_members_are_the_board_through_nss_and_past_declarants(daemon, user_calls, users):
    everyone, = calls(user_calls, "rdt-audit", daemon, (MEMBER, "List", {}))
    listed = {m["user"]: m for m in ok(everyone)["members"]}
    # rdt-board through its primary group, rdt-board2 listed in rdt-integrity; nobody else holds the role.
    assert sorted(listed) == ["rdt-board", "rdt-board2"]
    assert listed["rdt-board"]["uid"] == users["rdt-board"].uid and listed["rdt-board"]["roles"] == ["board"]
    assert listed["rdt-board2"].get("lastConfirmedAt") is None
    assert listed["rdt-board2"]["confirmationDue"] == days(28)
    own, other, missing = calls(user_calls, "rdt-board2", daemon, (MEMBER, "List", {}),
                                (MEMBER, "Get", {"user": "rdt-board"}), (MEMBER, "Get", {"user": "nobody-here"}))
    assert [m["user"] for m in ok(own)["members"]] == ["rdt-board2"]
    assert error_of(other) == DENIED and error_of(missing) == DENIED
    with pytest.raises(VarlinkCallError) as excinfo:
        daemon.call(MEMBER + ".Get", user="nobody-here")
    assert excinfo.value.error == MEMBER + ".NoSuchMember" and excinfo.value.parameters == {"user": "nobody-here"}


def test_a_past_declarant_is_no_longer_a_member_but_their_declarations_stay(fresh, user_calls):
    daemon = fresh()
    declare_all(daemon, user_calls)
    daemon.stop()
    # The board is now only rdt-board: rdt-board2 left. A member holds the board role (one definition, the same
    # in ethics status and the review), so rdt-board2 is no longer one; the declarations stay in the register.
    config = Path(daemon.config)
    config.write_text(config.read_text().replace(', "unix-group:rdt-integrity"', ""))
    daemon.start()
    members = {m["user"]: m for m in daemon.call(MEMBER + ".List")["members"]}
    assert sorted(members) == ["rdt-board"]
    assert len(daemon.call(INTEREST + ".List", declarant="rdt-board2")["interests"]) == 2


# -- organisations ----------------------------------------------------------------------------------------
def test_organisations_registry(daemon, user_calls):
    registry(daemon)
    before = snapshot(daemon)
    duplicate = [{"name": "Trimbos Institute", "kind": "ngo"}, {"name": "Open-Society foundations", "kind": "funder"}]
    with pytest.raises(VarlinkCallError) as excinfo:
        daemon.call(ORG + ".Import", organisations=duplicate)
    assert excinfo.value.error == ORG + ".DuplicateName"
    assert excinfo.value.parameters == {"name": "Open-Society foundations", "id": 1}
    with pytest.raises(VarlinkCallError) as excinfo:
        daemon.call(ORG + ".Import", organisations=[{"name": "A", "kind": "ngo"}, {"name": "B", "kind": "bank"}])
    assert excinfo.value.error == ORG + ".InvalidValue" and excinfo.value.parameters["field"] == "organisations[1].kind"
    with pytest.raises(VarlinkCallError) as excinfo:
        daemon.call(ORG + ".Import", organisations=[{"name": "ESN", "kind": "ngo"}, {"name": "esn", "kind": "ngo"}])
    assert excinfo.value.parameters["field"] == "organisations[1].name"
    with pytest.raises(VarlinkCallError) as excinfo:
        daemon.call(ORG + ".Update", id=2, aliases=["OSF"])
    assert excinfo.value.error == ORG + ".DuplicateName"
    with pytest.raises(VarlinkCallError) as excinfo:
        daemon.call(ORG + ".Get", id=42)
    assert excinfo.value.error == ORG + ".NoSuchOrganisation" and excinfo.value.parameters == {"id": 42}
    assert snapshot(daemon) == before
    listed, found, got = calls(user_calls, "rdt-board", daemon, (ORG, "List", {"kind": "funder"}),
                               (ORG, "List", {"query": "balkans"}), (ORG, "Get", {"id": 1}))
    assert [o["name"] for o in ok(listed)["organisations"]] == ["Open Society Foundations", "Western Balkan Fund"]
    assert [o["id"] for o in ok(found)["organisations"]] == [2]
    assert ok(got)["organisation"]["aliases"] == ["OSF"]
    updated = daemon.call(ORG + ".Update", id=3, ifRevision=1, power="medium", note="Harm reduction")["organisation"]
    assert updated["revision"] == 2 and updated["power"] == "medium"
