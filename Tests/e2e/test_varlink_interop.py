"""riskd against an independent Varlink implementation: the python `varlink` client from PyPI.

The python client reads the IDL riskd serves, checks parameters against it and filters replies through it,
so a round trip here shows the served IDL, the replies and the field names of riskd-varlink(7) agree.
Shape errors that the python client would catch before sending (a string for an int) go over a raw socket.
"""

import hashlib
import json
import os
import re
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
import varlink

from riskd_e2e import RISKD_INTERFACES, VarlinkCallError, call_ok

RISK_FIELDS = {"id", "revision", "title", "description", "category", "owner", "likelihood", "impact", "score",
               "severity", "status", "nextReviewDue", "createdAt", "updatedAt"}
ACTION_FIELDS = {"id", "revision", "riskId", "description", "owner", "dueOn", "status"}
REVIEW_FIELDS = {"id", "riskId", "reviewer", "reviewedAt", "note", "likelihood", "impact"}
ENTRY_FIELDS = {"seq", "at", "actor", "uid", "method", "detail", "hash"}
TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")

# Methods of the contract per interface, read from its snapshot (Tests/e2e/contract): the served IDL must hold at
# least these.
CONTRACT_METHODS = {
    path.stem: set(re.findall(r"^method (\w+)\(", path.read_text(encoding="utf-8"), re.M))
    for path in (Path(__file__).resolve().parent / "contract").glob("org.riskd.*.varlink")
}


def days(n):
    return (date.today() + timedelta(days=n)).isoformat()


def due_dates(n):
    """The band date counted from today, allowing for a midnight passing during the call."""
    return {days(n), (date.today() + timedelta(days=n - 1)).isoformat()}


def varlink_error(excinfo):
    error = excinfo.value
    return error.error(), error.parameters()


@pytest.fixture(scope="module")
def client(module_daemon):
    return module_daemon.client()


@pytest.fixture(scope="module")
def seeded(module_daemon):
    """A risk in the module daemon that the error tests can name."""
    return module_daemon.call("org.riskd.risk.Add", title="Seed risk", category="governance", likelihood=2,
                              impact=3)["risk"]


# -- discovery -----------------------------------------------------------------------------------------
def test_getinfo_lists_every_riskd_interface(client):
    with client.open("org.varlink.service") as service:
        info = service.GetInfo()
    assert info["product"] and info["vendor"] and info["version"]
    interfaces = info["interfaces"]
    assert "org.varlink.service" in interfaces
    assert sorted(name for name in interfaces if name.startswith("org.riskd.")) == sorted(RISKD_INTERFACES)


@pytest.mark.parametrize("name", ["org.varlink.service"] + RISKD_INTERFACES)
def test_interface_description_parses(client, module_daemon, name):
    interface = client.get_interface(name)
    assert interface.name == name
    with client.open("org.varlink.service") as service:
        description = service.GetInterfaceDescription(interface=name)["description"]
    reparsed = varlink.Interface(description)
    assert reparsed.name == name
    if name in CONTRACT_METHODS:
        methods = {member for member, value in reparsed.members.items()
                   if isinstance(value, varlink.scanner._Method)}
        assert CONTRACT_METHODS[name] <= methods


def test_unknown_interface_description_is_interface_not_found(client):
    with pytest.raises(varlink.VarlinkError) as excinfo:
        client.get_interface("org.riskd.nosuch")
    assert varlink_error(excinfo) == ("org.varlink.service.InterfaceNotFound", {"interface": "org.riskd.nosuch"})


# -- the risk interface, round trip ----------------------------------------------------------------------
def test_risk_round_trip(daemon):
    client = daemon.client()
    with client.open("org.riskd.risk") as risk:
        added = risk.Add(title="No ethical code", description="Nothing to judge a complaint against.",
                         category="governance", area="Effective and Sustainable Network",
                         likelihood=4, impact=3)["risk"]
        assert RISK_FIELDS <= set(added)
        assert added["id"] >= 1 and added["revision"] == 1
        assert (added["title"], added["category"], added["area"]) == (
            "No ethical code", "governance", "Effective and Sustainable Network")
        assert added["description"] == "Nothing to judge a complaint against."
        assert (added["likelihood"], added["impact"], added["score"], added["severity"]) == (4, 3, 12, "high")
        assert added["status"] == "open" and added["owner"] == "root"
        assert added["nextReviewDue"] in due_dates(90)
        for absent in ("residualLikelihood", "residualImpact", "acceptedUntil", "closeReason", "lastReviewedAt"):
            assert absent not in added
        assert TIMESTAMP.match(added["createdAt"]) and TIMESTAMP.match(added["updatedAt"])
        rid = added["id"]

        got = risk.Get(id=rid)
        assert got == {"risk": added, "actions": [], "reviews": []}

        listed = risk.List()
        assert [r["id"] for r in listed["risks"]] == [rid]
        assert listed.get("next") is None

        updated = risk.Update(id=rid, ifRevision=1, title="No written ethical code", likelihood=5)["risk"]
        assert (updated["revision"], updated["title"], updated["likelihood"], updated["score"]) == (
            2, "No written ethical code", 5, 15)
        assert updated["createdAt"] == added["createdAt"]

        with pytest.raises(varlink.VarlinkError) as excinfo:
            risk.Update(id=rid, ifRevision=1, title="Lost update")
        assert varlink_error(excinfo) == ("org.riskd.risk.RevisionMismatch", {"id": rid, "revision": 2})
        assert risk.Get(id=rid)["risk"]["title"] == "No written ethical code"

        reviewed = risk.Review(id=rid, note="Discussed at the board meeting", residualLikelihood=2,
                               residualImpact=2)["risk"]
        assert (reviewed["revision"], reviewed["residualLikelihood"], reviewed["residualImpact"]) == (3, 2, 2)
        assert (reviewed["score"], reviewed["severity"]) == (4, "low")
        assert TIMESTAMP.match(reviewed["lastReviewedAt"])
        assert reviewed["nextReviewDue"] in due_dates(365)
        reviews = risk.Get(id=rid)["reviews"]
        assert len(reviews) == 1
        assert REVIEW_FIELDS <= set(reviews[0])
        assert (reviews[0]["riskId"], reviews[0]["reviewer"], reviews[0]["note"]) == (
            rid, "root", "Discussed at the board meeting")
        assert (reviews[0]["likelihood"], reviews[0]["impact"]) == (5, 3)
        assert (reviews[0].get("residualLikelihood"), reviews[0].get("residualImpact")) == (2, 2)

        action = risk.AddAction(riskId=rid, description="Draft a code", owner="rdt-board", dueOn=days(30))["action"]
        assert ACTION_FIELDS <= set(action)
        assert (action["riskId"], action["revision"], action["status"], action["owner"], action["dueOn"]) == (
            rid, 1, "open", "rdt-board", days(30))
        assert "completedAt" not in action
        assert risk.Get(id=rid)["risk"]["status"] == "mitigating"

        done = risk.UpdateAction(id=action["id"], ifRevision=1, status="done", note="Adopted")["action"]
        assert (done["status"], done["revision"]) == ("done", 2)
        assert TIMESTAMP.match(done["completedAt"])
        with pytest.raises(varlink.VarlinkError) as excinfo:
            risk.UpdateAction(id=action["id"], ifRevision=1, status="cancelled")
        assert varlink_error(excinfo) == ("org.riskd.risk.RevisionMismatch", {"id": action["id"], "revision": 2})

        accepted = risk.Accept(id=rid, until=days(180), note="Board decision 14")["risk"]
        assert (accepted["status"], accepted["acceptedUntil"]) == ("accepted", days(180))

        second = risk.AddAction(riskId=rid, description="Train staff", owner="root", dueOn=days(60))["action"]
        closed = risk.Close(id=rid, reason="mitigated", note="Code adopted")["risk"]
        assert (closed["status"], closed["closeReason"]) == ("closed", "mitigated")
        assert "acceptedUntil" not in closed
        full = risk.Get(id=rid)
        statuses = {a["id"]: a["status"] for a in full["actions"]}
        assert statuses == {action["id"]: "done", second["id"]: "cancelled"}
        assert risk.List()["risks"] == []
        assert [r["id"] for r in risk.List(status=["closed"])["risks"]] == [rid]

        reopened = risk.Reopen(id=rid, note="Not applied by members")["risk"]
        assert reopened["status"] == "open"
        assert "closeReason" not in reopened
        assert reopened["revision"] == closed["revision"] + 1

        assert risk.Matrix()["cells"] == [{"likelihood": 2, "impact": 2, "count": 1}]
        assert risk.Matrix(basis="inherent")["cells"] == [{"likelihood": 5, "impact": 3, "count": 1}]

        ids = risk.Import(risks=[
            {"title": "Dependence on a few funders", "category": "financial", "likelihood": 4, "impact": 5,
             "owner": "rdt-audit"},
            {"title": "Data leak", "category": "safeguarding", "likelihood": 2, "impact": 5,
             "residualLikelihood": 1, "residualImpact": 5, "nextReviewDue": "2026-01-15",
             "description": "Case files", "area": "Rights"},
        ])["ids"]
        assert len(ids) == 2 and ids[1] == ids[0] + 1 and ids[0] > rid
        first = risk.Get(id=ids[0])["risk"]
        assert (first["owner"], first["score"], first["severity"], first["status"]) == (
            "rdt-audit", 20, "critical", "open")
        assert first["nextReviewDue"] in due_dates(30)
        leak = risk.Get(id=ids[1])["risk"]
        assert (leak["score"], leak["severity"], leak["nextReviewDue"], leak["owner"]) == (5, "medium", "2026-01-15",
                                                                                          "root")
        assert [r["id"] for r in risk.List(overdue=True)["risks"]] == [ids[1]]
        assert [r["id"] for r in risk.List(category="financial")["risks"]] == [ids[0]]
        assert [r["id"] for r in risk.List(minScore=20)["risks"]] == [ids[0]]
        assert [r["id"] for r in risk.List(owner="rdt-audit")["risks"]] == [ids[0]]
        assert sorted(r["id"] for r in risk.List(status=["open", "closed"])["risks"]) == sorted([rid] + ids)

    with client.open("org.riskd.audit") as audit:
        log = audit.Log(subject="risk:%d" % rid)
        entries = log["entries"]
        assert entries, "no audit entries for risk:%d" % rid
        for entry in entries:
            assert ENTRY_FIELDS <= set(entry)
            assert entry["subject"] == "risk:%d" % rid
            assert entry["actor"] == "root" and entry["uid"] == 0
        assert [e["seq"] for e in entries] == sorted(e["seq"] for e in entries)
        verify = audit.Verify()
        assert verify["ok"] is True and verify["entries"] >= len(entries)
        assert "firstBadSeq" not in verify


def test_daemon_interface_round_trip(daemon):
    client = daemon.client()
    with client.open("org.riskd.daemon") as service:
        who = service.Whoami()
        # root_is_admin: root holds the admin role, and the mailer role with it (it may deliver mail by hand).
        assert who == {"user": "root", "uid": 0, "roles": ["admin", "mailer"]}
        status = service.Status()
        assert status["risks"] == 0 and status["interests"] == 0 and status["schemaVersion"] >= 1
        assert TIMESTAMP.match(status["startedAt"]) and status["version"]
        backup = service.Backup()
        assert os.path.isfile(backup["path"]) and os.path.getsize(backup["path"]) == backup["bytes"]
        with open(backup["path"], "rb") as handle:
            assert hashlib.sha256(handle.read()).hexdigest() == backup["sha256"]


def test_matrix_counts_non_closed_cells(daemon):
    daemon.call("org.riskd.risk.Import", risks=[
        {"title": "a", "category": "strategic", "likelihood": 3, "impact": 3},
        {"title": "b", "category": "strategic", "likelihood": 3, "impact": 3},
        {"title": "c", "category": "strategic", "likelihood": 5, "impact": 4, "residualLikelihood": 1,
         "residualImpact": 2},
        {"title": "d", "category": "strategic", "likelihood": 1, "impact": 1},
    ])
    daemon.call("org.riskd.risk.Close", id=4, reason="retired")
    with daemon.client().open("org.riskd.risk") as risk:
        current = sorted((c["likelihood"], c["impact"], c["count"]) for c in risk.Matrix()["cells"])
        inherent = sorted((c["likelihood"], c["impact"], c["count"]) for c in risk.Matrix(basis="inherent")["cells"])
        explicit = sorted((c["likelihood"], c["impact"], c["count"]) for c in risk.Matrix(basis="current")["cells"])
    assert current == explicit == [(1, 2, 1), (3, 3, 2)]
    assert inherent == [(3, 3, 2), (5, 4, 1)]


# -- errors ----------------------------------------------------------------------------------------------
def invalid_value(field):
    def check(parameters):
        assert set(parameters) == {"field", "reason"}, parameters
        assert parameters["field"] == field
        assert isinstance(parameters["reason"], str) and parameters["reason"].strip()
    return check


# (interface, method, parameters, error, expected parameters or a check). "$seed" is the seeded risk's id.
CLIENT_ERRORS = [
    ("risk-get-unknown", "org.riskd.risk", "Get", {"id": 999999}, "org.riskd.risk.NoSuchRisk", {"id": 999999}),
    ("risk-update-unknown", "org.riskd.risk", "Update", {"id": 999998, "title": "x"}, "org.riskd.risk.NoSuchRisk",
     {"id": 999998}),
    ("risk-updateaction-unknown", "org.riskd.risk", "UpdateAction", {"id": 999997, "status": "done"},
     "org.riskd.risk.NoSuchAction", {"id": 999997}),
    ("risk-get-missing-id", "org.riskd.risk", "Get", {}, "org.varlink.service.InvalidParameter", {"parameter": "id"}),
    ("risk-add-missing-title", "org.riskd.risk", "Add", {"category": "governance", "likelihood": 1, "impact": 1},
     "org.varlink.service.InvalidParameter", {"parameter": "title"}),
    ("risk-close-bad-enum", "org.riskd.risk", "Close", {"id": "$seed", "reason": "bogus"},
     "org.varlink.service.InvalidParameter", {"parameter": "reason"}),
    ("risk-matrix-bad-enum", "org.riskd.risk", "Matrix", {"basis": "sideways"},
     "org.varlink.service.InvalidParameter", {"parameter": "basis"}),
    ("risk-import-missing-nested", "org.riskd.risk", "Import",
     {"risks": [{"title": "ok", "category": "governance", "likelihood": 1, "impact": 1},
                {"title": "no likelihood", "category": "governance", "impact": 1}]},
     "org.varlink.service.InvalidParameter", {"parameter": "risks[1].likelihood"}),
    ("risk-add-likelihood-7", "org.riskd.risk", "Add",
     {"title": "x", "category": "governance", "likelihood": 7, "impact": 1},
     "org.riskd.risk.InvalidValue", invalid_value("likelihood")),
    ("interest-get-no-such", "org.riskd.interest", "Get", {"id": 424242},
     "org.riskd.interest.NoSuchInterest", {"id": 424242}),
]


@pytest.mark.parametrize("case", CLIENT_ERRORS, ids=[case[0] for case in CLIENT_ERRORS])
def test_error_through_python_client(client, seeded, case):
    _, interface, method, parameters, error, expected = case
    parameters = {k: (seeded["id"] if v == "$seed" else v) for k, v in parameters.items()}
    with client.open(interface) as handle:
        with pytest.raises(varlink.VarlinkError) as excinfo:
            getattr(handle, method)(**parameters)
    name, got = varlink_error(excinfo)
    assert name == error, excinfo.value.as_dict()
    if callable(expected):
        expected(got)
    else:
        assert got == expected


# Sent over a raw socket: (method, parameters, extra keys of the call, error, expected parameters).
RAW_ERRORS = [
    ("get-id-string", "org.riskd.risk.Get", {"id": "1"}, {}, "org.varlink.service.InvalidParameter",
     {"parameter": "id"}),
    ("get-id-float", "org.riskd.risk.Get", {"id": 1.5}, {}, "org.varlink.service.InvalidParameter",
     {"parameter": "id"}),
    ("get-id-out-of-range", "org.riskd.risk.Get", {"id": 1e30}, {}, "org.varlink.service.InvalidParameter",
     {"parameter": "id"}),
    ("add-likelihood-string", "org.riskd.risk.Add", {"title": "x", "category": "governance", "likelihood": "x",
                                                     "impact": 1},
     {}, "org.varlink.service.InvalidParameter", {"parameter": "likelihood"}),
    ("list-status-not-array", "org.riskd.risk.List", {"status": "open"}, {}, "org.varlink.service.InvalidParameter",
     {"parameter": "status"}),
    ("import-nested-type", "org.riskd.risk.Import",
     {"risks": [{"title": "ok", "category": "governance", "likelihood": 1, "impact": 1},
                {"title": "bad", "category": "governance", "likelihood": "high", "impact": 1}]},
     {}, "org.varlink.service.InvalidParameter", {"parameter": "risks[1].likelihood"}),
    ("import-not-array", "org.riskd.risk.Import", {"risks": {"title": "x"}}, {},
     "org.varlink.service.InvalidParameter", {"parameter": "risks"}),
    ("method-not-found", "org.riskd.risk.Nope", {}, {}, "org.varlink.service.MethodNotFound",
     {"method": "org.riskd.risk.Nope"}),
    ("interface-not-found", "org.riskd.nosuch.Get", {}, {}, "org.varlink.service.InterfaceNotFound",
     {"interface": "org.riskd.nosuch"}),
    ("service-method-not-found", "org.varlink.service.Nope", {}, {}, "org.varlink.service.MethodNotFound",
     {"method": "org.varlink.service.Nope"}),
    ("upgrade-refused", "org.riskd.risk.List", {}, {"upgrade": True}, "org.varlink.service.InvalidParameter",
     {"parameter": "upgrade"}),
    ("upgrade-refused-whoami", "org.riskd.daemon.Whoami", {}, {"upgrade": True},
     "org.varlink.service.InvalidParameter", {"parameter": "upgrade"}),
    ("watch-without-more-raw", "org.riskd.review.Watch", {}, {}, "org.varlink.service.ExpectedMore", {}),
]


@pytest.mark.parametrize("case", RAW_ERRORS, ids=[case[0] for case in RAW_ERRORS])
def test_error_over_raw_socket(module_daemon, case):
    _, method, parameters, extra, error, expected = case
    with module_daemon.connect() as connection:
        reply = connection.call(method, parameters, **extra)
        assert reply.get("error") == error, reply
        assert isinstance(reply.get("parameters"), dict), "an error reply carries a parameters object: %r" % reply
        if expected is not None:
            assert reply["parameters"] == expected
        # The connection stays usable after an error reply (an upgrade refused included).
        assert call_ok(connection, "org.riskd.daemon.Whoami")["user"] == "root"


# -- paging ------------------------------------------------------------------------------------------------
def test_paging_over_250_risks(daemon):
    new = [{"title": "risk %03d" % n, "category": "operational", "likelihood": 1 + n % 5, "impact": 1 + n % 3}
           for n in range(250)]
    ids = daemon.call("org.riskd.risk.Import", risks=new)["ids"]
    assert len(ids) == 250 and len(set(ids)) == 250
    with daemon.client().open("org.riskd.risk") as risk:
        default = risk.List()
        assert len(default["risks"]) == 100 and default["next"] == default["risks"][-1]["id"]

        seen, after, pages = [], None, 0
        while True:
            parameters = {"limit": 100}
            if after is not None:
                parameters["after"] = after
            page = risk.List(**parameters)
            pages += 1
            seen += [r["id"] for r in page["risks"]]
            after = page.get("next")
            if after is None:
                break
            assert after == page["risks"][-1]["id"]
            assert pages < 10, "paging does not end"
        assert pages == 3
        assert seen == sorted(ids)
        assert [r["title"] for r in risk.List(limit=3, after=ids[9])["risks"]] == ["risk 010", "risk 011", "risk 012"]

        small = risk.List(limit=7)
        assert len(small["risks"]) == 7 and small["next"] == small["risks"][-1]["id"]
        whole = risk.List(limit=1000)
        assert len(whole["risks"]) == 250 and whole.get("next") is None
        last = risk.List(limit=50, after=ids[199])
        assert [r["id"] for r in last["risks"]] == ids[200:] and last.get("next") is None


# -- message flow ------------------------------------------------------------------------------------------
def test_pipelined_calls_answered_in_order(module_daemon, seeded):
    calls = []
    for n in range(30):
        if n % 3 == 0:
            calls.append(("org.riskd.risk.Get", {"id": seeded["id"]}, ("risk", seeded["id"])))
        elif n % 3 == 1:
            calls.append(("org.riskd.risk.Get", {"id": 500000 + n}, ("error", 500000 + n)))
        else:
            calls.append(("org.riskd.daemon.Whoami", {}, ("whoami", None)))
    with module_daemon.connect() as connection:
        connection.send_bytes(b"".join(
            b'{"method":"%s","parameters":%s}\0' % (m.encode(), json.dumps(p).encode())
            for m, p, _ in calls))
        for method, parameters, (kind, value) in calls:
            reply = connection.recv_message()
            if kind == "risk":
                assert reply["parameters"]["risk"]["id"] == value, reply
            elif kind == "error":
                assert reply == {"error": "org.riskd.risk.NoSuchRisk", "parameters": {"id": value}}
            else:
                assert reply["parameters"]["user"] == "root", reply
        assert not connection.pending(0.2)


def test_oneway_call_gets_no_reply(module_daemon):
    title = "oneway %f" % time.time()
    with module_daemon.connect() as connection:
        connection.send("org.riskd.risk.Add", {"title": title, "category": "strategic", "likelihood": 1, "impact": 1},
                        oneway=True)
        connection.send("org.riskd.daemon.Whoami", {})
        reply = connection.recv_message()
        assert reply.get("parameters", {}).get("user") == "root", "the first reply is not Whoami's: %r" % reply
        assert not connection.pending(0.3)
        # The oneway call was carried out.
        listed = call_ok(connection, "org.riskd.risk.List", {"limit": 1000})
        assert title in [r["title"] for r in listed["risks"]]
        # A oneway error gets no reply either.
        connection.send("org.riskd.risk.Get", {"id": 424242}, oneway=True)
        assert call_ok(connection, "org.riskd.daemon.Whoami")["uid"] == 0


def test_python_client_oneway(module_daemon):
    with module_daemon.client().open("org.riskd.daemon") as service:
        assert service.Whoami(_oneway=True) is None
        assert service.Whoami()["user"] == "root"


def test_more_on_a_plain_method_answers_once(module_daemon, seeded):
    with module_daemon.connect() as connection:
        reply = connection.call("org.riskd.risk.Get", {"id": seeded["id"]}, more=True)
        assert reply["parameters"]["risk"]["id"] == seeded["id"]
        assert reply.get("continues") in (None, False), reply
        assert "continues" not in reply or reply["continues"] is False
        assert not connection.pending(0.3)
        assert call_ok(connection, "org.riskd.daemon.Whoami")["user"] == "root"
    with module_daemon.client().open("org.riskd.risk") as risk:
        replies = list(risk.Get(id=seeded["id"], _more=True))
    assert len(replies) == 1 and replies[0]["risk"]["id"] == seeded["id"]


def test_list_status_outside_the_risk_statuses(module_daemon):
    # `status` is a []string in the contract, not an enum: an unknown status breaks a domain rule.
    reply = module_daemon.call_raw("org.riskd.risk.List", {"status": ["open", "dormant"]})
    assert reply.get("error") == "org.riskd.risk.InvalidValue", reply
    invalid_value("status[1]")(reply["parameters"])


def test_every_error_reply_carries_parameters(module_daemon):
    with module_daemon.connect() as connection:
        for method in ("org.riskd.risk.Get", "org.riskd.nosuch.X", "org.riskd.interest.Declare",
                       "org.riskd.review.Watch"):
            reply = connection.call(method, {})
            assert "error" in reply and isinstance(reply.get("parameters"), dict), reply


def test_daemon_call_helper_raises_with_error_and_parameters(module_daemon):
    with pytest.raises(VarlinkCallError) as excinfo:
        module_daemon.call("org.riskd.risk.Get", id=777777)
    assert excinfo.value.error == "org.riskd.risk.NoSuchRisk"
    assert excinfo.value.parameters == {"id": 777777}
