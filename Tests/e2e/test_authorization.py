"""Roles, with real different uids: each call is made by the python varlink client (or riskctl) running as a
test user, and the daemon learns who it is from SO_PEERCRED.

Configuration (conftest): admins = unix-group:rdt-admin, board = unix-group:rdt-board,
auditors = unix-user:rdt-audit; rdt-nobody holds no role.
"""

import csv
import os
from datetime import date, timedelta

import pytest

from riskd_e2e import RISKD_INTERFACES, DaemonFactory, idl_roles, refusal_tells_nothing_else

DENIED = "org.varlink.service.PermissionDenied"
NOT_IMPLEMENTED = "org.varlink.service.MethodNotImplemented"
FUTURE = (date.today() + timedelta(days=120)).isoformat()

NEW_RISK = {"title": "Written by the wrong person", "category": "governance", "likelihood": 2, "impact": 2}

# Every method of the IDL with parameters that are well-formed, so a refusal comes from the role alone.
METHODS = {
    "org.riskd.daemon": {"Whoami": {}, "Status": {}, "Backup": {}},
    "org.riskd.risk": {
        "Get": {"id": "$b"}, "List": {}, "Matrix": {},
        "Add": NEW_RISK,
        "Update": {"id": "$a", "title": "Hijacked"},
        "Review": {"id": "$b", "note": "Reviewed by someone else"},
        "Accept": {"id": "$a", "until": FUTURE, "note": "Accepted by the wrong person"},
        "Close": {"id": "$a", "reason": "retired"},
        "Reopen": {"id": "$closed", "note": "Reopened by the wrong person"},
        "AddAction": {"riskId": "$a", "description": "Extra step", "owner": "rdt-board", "dueOn": FUTURE},
        "UpdateAction": {"id": "$act_other", "status": "done"},
        "Import": {"risks": [NEW_RISK]},
    },
    "org.riskd.organisation": {
        "Get": {"id": 1}, "List": {}, "Add": {"name": "Open Society Foundations", "kind": "funder"},
        "Update": {"id": 1, "note": "x"}, "Import": {"organisations": [{"name": "ESN", "kind": "network"}]},
    },
    "org.riskd.interest": {
        "Declare": {"kind": "gift", "organisation": "ESN", "description": "A dinner", "startedOn": "2026-11-01"},
        "Get": {"id": 1}, "List": {}, "Update": {"id": 1, "description": "x"}, "End": {"id": 1, "endedOn": "2026-11-01"},
        "Confirm": {"nothingToDeclare": True}, "Manage": {"id": 1, "plan": "Steps out"},
        "Check": {"organisations": ["ESN"], "matter": "Grant call 3"}, "Checks": {},
    },
    "org.riskd.ethics": {
        "Publish": {"title": "Code", "body": "Be good."}, "Current": {}, "Get": {"version": 1}, "Versions": {},
        "Acknowledge": {"version": 1, "sha256": "0" * 64}, "Status": {},
    },
    "org.riskd.member": {"List": {}, "Get": {"user": "rdt-board"}},
    "org.riskd.review": {
        "Run": {}, "Preview": {"asOf": "2027-01-01T00:00:00Z"}, "Findings": {}, "Acknowledge": {"id": 1, "note": "x"},
        "Runs": {}, "Watch": {},
    },
    "org.riskd.audit": {"Log": {}, "Verify": {}},
}

# The writes of org.riskd.risk, refused to every test user but the administrator with METHODS' parameters.
RISK_WRITES = ["Add", "Update", "Review", "Accept", "Close", "Reopen", "AddAction", "UpdateAction", "Import"]

# Which of METHODS each test user calls: every one, but an administrator only those that leave the fixture's records
# as the other tests need them; review.Watch streams, so nobody it is granted to calls it here.
ADMIN_CALLS = {
    "org.riskd.daemon": ["Whoami", "Status"], "org.riskd.risk": ["Get", "List", "Matrix"],
    "org.riskd.organisation": ["List", "Add"], "org.riskd.interest": ["Declare", "Confirm", "Manage"],
    "org.riskd.ethics": ["Publish", "Status"], "org.riskd.review": ["Run", "Findings"],
    "org.riskd.audit": ["Log", "Verify"],
}
# The role each test user holds (conftest).
ROLE = {"rdt-board": "board", "rdt-audit": "auditor", "rdt-admin": "admin", "rdt-nobody": None}
# Calls served outright, not only authorized: they need no record and change nothing.
SERVED = {"org.riskd.daemon.Whoami", "org.riskd.daemon.Status", "org.riskd.risk.Get", "org.riskd.risk.List",
          "org.riskd.risk.Matrix", "org.riskd.audit.Log", "org.riskd.audit.Verify"}
# Calls whose parameters in METHODS name a record the board member does not own ($b, $act_other).
OTHERS_RECORDS = {"org.riskd.risk.Review", "org.riskd.risk.UpdateAction"}


def expected(user, interface, method, roles):
    """What `user` gets for the call, from the method's Roles: line: "ok" served; "denied" PermissionDenied;
    "later" authorized, then served or refused for a reason other than permission (a missing record, a rule)."""
    name = "%s.%s" % (interface, method)
    policy = roles[name]
    scope = "yes" if policy["anyone"] else policy["grants"].get(ROLE[user])
    if scope is None or (scope == "own" and name in OTHERS_RECORDS):
        return "denied"
    return "ok" if name in SERVED else "later"


def role_table():
    """{user: {interface: {method: outcome}}}, every call of the test derived from the IDL's Roles: lines."""
    roles = idl_roles()
    table = {}
    for user in ROLE:
        calls = ADMIN_CALLS if user == "rdt-admin" else {i: list(methods) for i, methods in METHODS.items()}
        table[user] = {}
        for interface, methods in calls.items():
            outcomes = {m: expected(user, interface, m, roles) for m in methods}
            # A stream the user may open would not end: review.Watch has tests of its own.
            table[user][interface] = {m: o for m, o in outcomes.items() if not (m == "Watch" and o != "denied")}
    return table


EXPECT = role_table()

CASES = [(user, interface, method) for user in EXPECT for interface in EXPECT[user] for method in EXPECT[user][interface]]


def resolve(value, ids):
    if isinstance(value, str) and value.startswith("$"):
        return ids[value[1:]]
    if isinstance(value, dict):
        return {k: resolve(v, ids) for k, v in value.items()}
    if isinstance(value, list):
        return [resolve(v, ids) for v in value]
    return value


@pytest.fixture(scope="module")
def auth(users):
    """A daemon with: risk a owned by rdt-board, risk b owned by root, a closed risk, and actions on b owned by
    root (act_other) and by rdt-board (act_mine_on_b), and one on a owned by rdt-board (act_mine)."""
    factory = DaemonFactory()
    daemon = factory()
    call = daemon.call
    ids = {
        "a": call("org.riskd.risk.Add", title="Owned by the board member", category="governance", owner="rdt-board",
                  likelihood=3, impact=3)["risk"]["id"],
        "b": call("org.riskd.risk.Add", title="Owned by root", category="financial", likelihood=4,
                  impact=4)["risk"]["id"],
        "closed": call("org.riskd.risk.Add", title="Closed one", category="strategic", likelihood=1,
                       impact=1)["risk"]["id"],
    }
    call("org.riskd.risk.Close", id=ids["closed"], reason="retired")
    ids["act_other"] = call("org.riskd.risk.AddAction", riskId=ids["b"], description="Root's step", owner="root",
                            dueOn=FUTURE)["action"]["id"]
    ids["act_mine_on_b"] = call("org.riskd.risk.AddAction", riskId=ids["b"], description="Board member's step",
                                owner="rdt-board", dueOn=FUTURE)["action"]["id"]
    ids["act_mine"] = call("org.riskd.risk.AddAction", riskId=ids["a"], description="Own step", owner="rdt-board",
                           dueOn=FUTURE)["action"]["id"]
    daemon.ids = ids
    yield daemon
    factory.finish()


@pytest.fixture(scope="module")
def outcomes(auth, user_calls):
    """outcomes(user) -> {(interface, method): result}: every call of EXPECT[user], in one client run as user."""
    cache = {}

    def get(user):
        if user not in cache:
            keys = [(interface, method) for interface in EXPECT[user] for method in EXPECT[user][interface]]
            calls = [(interface, method, resolve(METHODS[interface][method], auth.ids),
                      method == "Watch") for interface, method in keys]
            cache[user] = dict(zip(keys, user_calls(user, auth.socket, calls)))
        return cache[user]

    return get


@pytest.mark.parametrize("user,interface,method", CASES,
                         ids=["%s-%s.%s" % (u, i.split(".")[-1], m) for u, i, m in CASES])
def test_role_table(outcomes, user, interface, method):
    expected = EXPECT[user][interface][method]
    result = outcomes(user)[(interface, method)]
    if expected == "ok":
        assert result["ok"], result
    elif expected == "denied":
        assert not result["ok"] and result["error"] == DENIED, result
        assert refusal_tells_nothing_else(result["parameters"], user), result
    else:
        assert result["ok"] or result["error"] not in (DENIED, NOT_IMPLEMENTED), result


@pytest.mark.parametrize("user,roles", [("rdt-board", ["board"]), ("rdt-audit", ["auditor"]),
                                        ("rdt-admin", ["admin"]), ("rdt-nobody", [])])
def test_whoami_names_the_peer(outcomes, users, user, roles):
    result = outcomes(user)[("org.riskd.daemon", "Whoami")]
    assert result["ok"], result
    assert result["parameters"] == {"user": user, "uid": users[user].uid, "roles": roles}


def test_no_role_user_may_use_org_varlink_service(auth, user_calls):
    results = user_calls("rdt-nobody", auth.socket, [
        ("org.varlink.service", "GetInfo", {}),
        ("org.varlink.service", "GetInterfaceDescription", {"interface": "org.riskd.risk"}),
        ("org.varlink.service", "GetInterfaceDescription", {"interface": "org.riskd.interest"}),
    ])
    assert results[0]["ok"], results[0]
    assert sorted(i for i in results[0]["parameters"]["interfaces"] if i.startswith("org.riskd.")) == sorted(
        RISKD_INTERFACES)
    assert results[1] == {"ok": True, "parameters": {"name": "org.riskd.risk"}}
    assert results[2] == {"ok": True, "parameters": {"name": "org.riskd.interest"}}


def test_reads_return_the_register(auth, user_calls):
    for user in ("rdt-board", "rdt-audit"):
        listed, got = user_calls(user, auth.socket, [("org.riskd.risk", "List", {}),
                                                     ("org.riskd.risk", "Get", {"id": auth.ids["a"]})])
        assert listed["ok"] and got["ok"], (listed, got)
        listed_ids = {r["id"] for r in listed["parameters"]["risks"]}
        assert {auth.ids["a"], auth.ids["b"]} <= listed_ids and auth.ids["closed"] not in listed_ids
        assert got["parameters"]["risk"]["owner"] == "rdt-board"
        assert {a["id"] for a in got["parameters"]["actions"]} == {auth.ids["act_mine"]}


def test_auditor_reads_the_audit_trail(auth, user_calls):
    log, verify = user_calls("rdt-audit", auth.socket, [("org.riskd.audit", "Log", {}),
                                                        ("org.riskd.audit", "Verify", {})])
    assert log["ok"] and verify["ok"], (log, verify)
    root_view = auth.call("org.riskd.audit.Verify")
    assert verify["parameters"]["ok"] is True
    assert verify["parameters"]["entries"] == root_view["entries"]
    assert len(log["parameters"]["entries"]) == min(100, root_view["entries"])


def test_board_member_reviews_own_risk_only(auth, user_calls):
    own, other = user_calls("rdt-board", auth.socket, [
        ("org.riskd.risk", "Review", {"id": auth.ids["a"], "note": "I looked at it", "likelihood": 2, "impact": 3}),
        ("org.riskd.risk", "Review", {"id": auth.ids["b"], "note": "Not mine"}),
    ])
    assert own["ok"], own
    assert own["parameters"]["risk"]["id"] == auth.ids["a"]
    assert (own["parameters"]["risk"]["likelihood"], own["parameters"]["risk"]["score"]) == (2, 6)
    assert not other["ok"] and other["error"] == DENIED, other
    reviews = auth.call("org.riskd.risk.Get", id=auth.ids["a"])["reviews"]
    assert [(r["reviewer"], r["note"]) for r in reviews] == [("rdt-board", "I looked at it")]
    assert auth.call("org.riskd.risk.Get", id=auth.ids["b"])["reviews"] == []


def test_board_member_updates_own_action_only(auth, user_calls):
    mine, mine_on_b, other = user_calls("rdt-board", auth.socket, [
        ("org.riskd.risk", "UpdateAction", {"id": auth.ids["act_mine"], "dueOn": FUTURE, "note": "Moved"}),
        ("org.riskd.risk", "UpdateAction", {"id": auth.ids["act_mine_on_b"], "status": "done"}),
        ("org.riskd.risk", "UpdateAction", {"id": auth.ids["act_other"], "status": "done"}),
    ])
    assert mine["ok"], mine
    assert mine_on_b["ok"], mine_on_b
    assert mine_on_b["parameters"]["action"]["status"] == "done"
    assert not other["ok"] and other["error"] == DENIED, other
    actions = {a["id"]: a["status"] for a in auth.call("org.riskd.risk.Get", id=auth.ids["b"])["actions"]}
    assert actions[auth.ids["act_other"]] == "open"


def test_admin_group_member_writes(auth, user_calls):
    added, backup = user_calls("rdt-admin", auth.socket, [
        ("org.riskd.risk", "Add", {"title": "Added by rdt-admin", "category": "operational", "likelihood": 2,
                                   "impact": 2}),
        ("org.riskd.daemon", "Backup", {}),
    ])
    assert added["ok"], added
    assert added["parameters"]["risk"]["owner"] == "rdt-admin"
    assert backup["ok"], backup
    assert os.path.isfile(backup["parameters"]["path"])
    entries = auth.call("org.riskd.audit.Log", subject="risk:%d" % added["parameters"]["risk"]["id"])["entries"]
    assert entries and entries[0]["actor"] == "rdt-admin"


def snapshot(daemon):
    state = daemon.snapshot()
    state["records"] = [daemon.call("org.riskd.risk.Get", id=daemon.ids[key]) for key in ("a", "b", "closed")]
    return state


@pytest.mark.parametrize("user", ["rdt-board", "rdt-audit", "rdt-nobody"])
def test_refused_writes_change_nothing(auth, user_calls, user):
    before = snapshot(auth)
    writes = [("org.riskd.risk", method, resolve(METHODS["org.riskd.risk"][method], auth.ids))
              for method in RISK_WRITES]
    writes += [("org.riskd.daemon", "Backup", {}), ("org.riskd.organisation", "Add",
                                                     METHODS["org.riskd.organisation"]["Add"])]
    results = user_calls(user, auth.socket, writes)
    for call, result in zip(writes, results):
        assert not result["ok"] and result["error"] == DENIED, (call, result)
    after = snapshot(auth)
    assert after == before


# -- riskctl as the test users ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def register_file(auth):
    path = auth.dir / "two-risks.csv"
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["title", "description", "category", "area", "owner", "likelihood", "impact",
                         "residualLikelihood", "residualImpact", "nextReviewDue"])
        writer.writerow(["From a file", "", "governance", "", "", "2", "2", "", "", ""])
        writer.writerow(["From a file too", "", "strategic", "", "", "3", "2", "", "", ""])
    path.chmod(0o644)
    return str(path)


RISKCTL_REFUSED = [
    ("rdt-board", ["risk", "add", "--title", "x", "--category", "governance", "--likelihood", "1", "--impact", "1"]),
    ("rdt-board", ["risk", "import", "$file"]),
    ("rdt-board", ["risk", "update", "R-$a", "--title", "Hijacked"]),
    ("rdt-board", ["risk", "close", "R-$a", "--reason", "retired"]),
    ("rdt-board", ["risk", "review", "R-$b", "--note", "Not mine"]),
    ("rdt-board", ["backup"]),
    ("rdt-board", ["audit", "log"]),
    ("rdt-audit", ["risk", "add", "--title", "x", "--category", "governance", "--likelihood", "1", "--impact", "1"]),
    ("rdt-audit", ["risk", "import", "$file"]),
    ("rdt-audit", ["risk", "action", "done", "A-$act_mine"]),
    ("rdt-audit", ["backup"]),
    ("rdt-nobody", ["risk", "list"]),
    ("rdt-nobody", ["risk", "show", "R-$a"]),
    ("rdt-nobody", ["status"]),
    ("rdt-nobody", ["audit", "verify"]),
]


def riskctl_argv(argv, auth, register_file):
    out = []
    for arg in argv:
        if arg == "$file":
            out.append(register_file)
        elif "$" in arg:
            prefix, key = arg.split("$", 1)
            out.append(prefix + str(auth.ids[key]))
        else:
            out.append(arg)
    return out


@pytest.mark.parametrize("user,argv", RISKCTL_REFUSED, ids=["%s-%s" % (u, "-".join(a[:2])) for u, a in RISKCTL_REFUSED])
def test_riskctl_refused_exits_77(auth, as_user, user_riskctl, register_file, user, argv):
    before = snapshot(auth)
    result = as_user(user, [user_riskctl] + riskctl_argv(argv, auth, register_file),
                     env={"RISKD_SOCKET": auth.socket}, timeout=30)
    assert result.returncode == 77, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("riskctl: "), result.stderr
    assert result.stdout == ""
    assert snapshot(auth) == before


@pytest.mark.parametrize("user,argv,expected", [
    ("rdt-nobody", ["whoami"], "rdt-nobody"),
    ("rdt-board", ["whoami"], "board"),
    ("rdt-board", ["risk", "list", "--no-legend"], "Owned by the board member"),
    ("rdt-audit", ["audit", "verify"], "intact"),
    ("rdt-audit", ["risk", "show", "R-$b"], "Owned by root"),
])
def test_riskctl_allowed(auth, as_user, user_riskctl, register_file, user, argv, expected):
    result = as_user(user, [user_riskctl] + riskctl_argv(argv, auth, register_file),
                     env={"RISKD_SOCKET": auth.socket}, timeout=30)
    assert result.returncode == 0, (result.returncode, result.stdout, result.stderr)
    assert expected in result.stdout
    assert result.stderr == ""
