"""Issue 20, item 2: a budget for every stored byte a user without the admin role can cause.

With each budget set to 2, a board member makes two calls of each budgeted method, and the third is refused
with InvalidValue naming the field, the key and its value; the refused call stores nothing (every table but
`member`, whose last-seen time every call updates, is the same before and after), and another board member and
an administrator can still make the same call. The concern budgets count from the rows' own times, so a restart
does not reset them, the window moves on after 24 hours, and an administrator's closing frees an open place.
"""
import sqlite3

import pytest

from riskd_e2e import SECOND_BOARD

LIMIT = 2
BUDGETS = """
[concerns]
max_open_per_member = 3
max_per_member_per_day = 2
[interests]
max_checks_per_member_per_day = 2
max_changes_per_member_per_day = 2
max_confirmations_per_member_per_day = 2
[risk]
max_reviews_per_member_per_day = 2
max_action_updates_per_member_per_day = 2
[mail]
max_contact_changes_per_member_per_day = 2
"""
MEMBERS = ["rdt-board", "rdt-board2"]


def stored(daemon):
    """Every row of every table but `member`, read-only."""
    connection = sqlite3.connect("file:%s?mode=ro" % daemon.database, uri=True)
    try:
        tables = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('member', 'sqlite_sequence')")]
        return {table: connection.execute("SELECT * FROM \"%s\"" % table).fetchall() for table in tables}
    finally:
        connection.close()


@pytest.fixture
def register(start_daemon, board2):
    """A daemon with every budget at 2 (the open concerns at 3), and for each member an interest, a risk they own
    and an action they own; returns (daemon, {member: {"interest", "risk", "action"}})."""
    daemon = start_daemon(board=SECOND_BOARD + ["unix-user:rdt-board2"], extra_config=BUDGETS,
                          now="2027-01-10T09:00:00Z")
    owned = {}
    for member in MEMBERS:
        risk = daemon.call("org.riskd.risk.Add", title="Funding gap " + member, category="financial", owner=member,
                           likelihood=3, impact=3)["risk"]
        action = daemon.call("org.riskd.risk.AddAction", riskId=risk["id"], description="Find a second donor",
                             owner=member, dueOn="2027-06-30")["action"]
        owned[member] = {"risk": risk["id"], "action": action["id"]}
    return daemon, owned


def interest_of(daemon, user_calls, member):
    [declared] = user_calls(member, daemon.socket, [("org.riskd.interest", "Declare", {
        "kind": "governance", "organisation": "Udruženje " + member, "description": "Board seat",
        "startedOn": "2026-05-01"})])
    assert declared["ok"], declared
    return declared["parameters"]["interest"]["id"]


# (interface, method, parameters for a member's records, field, key); Update and End share one budget.
BUDGETED = [
    ("org.riskd.concern", "Raise", lambda own, n: {"kind": "other", "text": "Minutes are late %d" % n},
     "raisedBy", "concerns.max_per_member_per_day"),
    ("org.riskd.interest", "Check", lambda own, n: {"organisations": ["ESN"], "matter": "Item %d" % n},
     "by", "interests.max_checks_per_member_per_day"),
    ("org.riskd.interest", "Update", lambda own, n: {"id": own["interest"], "description": "Board seat, v%d" % n},
     "declarant", "interests.max_changes_per_member_per_day"),
    ("org.riskd.interest", "End", lambda own, n: {"id": own["interest"], "endedOn": "2030-01-%02d" % (n + 1)},
     "declarant", "interests.max_changes_per_member_per_day"),
    ("org.riskd.interest", "Confirm", lambda own, n: {},
     "declarant", "interests.max_confirmations_per_member_per_day"),
    ("org.riskd.member", "SetContact", lambda own, n: {"email": "member%d@example.org" % n},
     "user", "mail.max_contact_changes_per_member_per_day"),
    ("org.riskd.risk", "Review", lambda own, n: {"id": own["risk"], "note": "Reviewed, round %d" % n},
     "reviewer", "risk.max_reviews_per_member_per_day"),
    ("org.riskd.risk", "UpdateAction", lambda own, n: {"id": own["action"], "dueOn": "2027-07-%02d" % (n + 1)},
     "owner", "risk.max_action_updates_per_member_per_day"),
]


@pytest.mark.parametrize("interface, method, parameters, field, key", BUDGETED,
                         ids=[entry[1] for entry in BUDGETED])
def test_the_member_is_refused_at_the_limit_and_nothing_is_stored(register, user_calls, interface, method,
                                                                  parameters, field, key):
    daemon, owned = register
    for member in MEMBERS:
        owned[member]["interest"] = interest_of(daemon, user_calls, member)
    own = owned["rdt-board"]
    spent = user_calls("rdt-board", daemon.socket, [(interface, method, parameters(own, n)) for n in range(LIMIT)])
    assert all(result["ok"] for result in spent), spent
    before = stored(daemon)
    [refused] = user_calls("rdt-board", daemon.socket, [(interface, method, parameters(own, LIMIT))])
    assert refused["error"] == interface + ".InvalidValue", refused
    assert refused["parameters"]["field"] == field
    reason = refused["parameters"]["reason"]
    assert "has %d " % LIMIT in reason and "in the last 24 hours" in reason, reason
    assert "the most %s (%d) allows" % (key, LIMIT) in reason, reason
    assert stored(daemon) == before, "the refused call stored something"
    # Another member has a budget of their own, and an administrator has none.
    [other] = user_calls("rdt-board2", daemon.socket, [(interface, method, parameters(owned["rdt-board2"], 0))])
    assert other["ok"], other
    if method in ("Confirm", "SetContact"):
        return  # self-only: an administrator confirms no one's register, and sets a contact naming a user.
    for n in range(LIMIT + 1):
        daemon.call("%s.%s" % (interface, method), **parameters(own, LIMIT + 1 + n))


def test_update_and_end_share_one_budget(register, user_calls):
    daemon, _ = register
    interest = interest_of(daemon, user_calls, "rdt-board")
    results = user_calls("rdt-board", daemon.socket, [
        ("org.riskd.interest", "Update", {"id": interest, "description": "Board seat, chair"}),
        ("org.riskd.interest", "End", {"id": interest, "endedOn": "2030-01-01"}),
        ("org.riskd.interest", "Update", {"id": interest, "description": "Board seat, treasurer"}),
    ])
    assert [result["ok"] for result in results] == [True, True, False], results
    assert "interests.max_changes_per_member_per_day (2)" in results[2]["parameters"]["reason"]


def test_concerns_count_from_their_own_times_across_a_restart_and_closing_frees_an_open_place(register,
                                                                                              user_calls):
    daemon, _ = register

    def raise_one(text):
        [result] = user_calls("rdt-board", daemon.socket, [("org.riskd.concern", "Raise",
                                                             {"kind": "other", "text": text})])
        return result

    assert raise_one("One")["ok"] and raise_one("Two")["ok"]
    daemon.restart()
    refused = raise_one("Three, after a restart")
    assert "concerns.max_per_member_per_day (2)" in refused["parameters"]["reason"], refused
    daemon.set_now("2027-01-11T09:00:01Z")  # 24 hours and a second later: the window has moved on
    third = raise_one("Three")
    assert third["ok"], third
    refused = raise_one("Four")
    assert refused["error"] == "org.riskd.concern.InvalidValue" and refused["parameters"]["field"] == "raisedBy"
    assert "has 3 open concerns, the most concerns.max_open_per_member (3) allows" in \
        refused["parameters"]["reason"], refused
    daemon.call("org.riskd.concern.Close", id=third["parameters"]["concern"]["id"], status="withdrawn",
                outcome="Raised by mistake")
    assert raise_one("Four")["ok"]


def test_riskctl_prints_the_refusal_as_one_line_and_exits_65(register, user_calls, as_user, user_riskctl):
    daemon, _ = register
    for n in range(LIMIT):
        [result] = user_calls("rdt-board", daemon.socket, [("org.riskd.member", "SetContact",
                                                             {"email": "ana%d@example.org" % n})])
        assert result["ok"], result
    result = as_user("rdt-board", [user_riskctl, "--socket", daemon.socket, "member", "contact", "rdt-board",
                                   "--email", "ana@example.org"])
    assert result.returncode == 65, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "mail.max_contact_changes_per_member_per_day (2)" in lines[0], result.stderr


def test_the_attack_of_the_issue_stores_a_bounded_amount_at_the_defaults(start_daemon, user_calls):
    """Issue 20: 6 375 concerns of 30 KB went in within 10 s. At the default budgets a board member's 200
    concerns and 100 conflict checks of the longest text store 10 and 50; the figures are printed (pytest -s)."""
    daemon = start_daemon(now="2027-01-10T09:00:00Z")
    text = "\u20ac" * 9_990  # 30 KB of UTF-8, the longest text riskd takes
    before = database_bytes(daemon)
    concerns = user_calls("rdt-board", daemon.socket,
                          [("org.riskd.concern", "Raise", {"kind": "other", "text": "%d %s" % (n, text)})
                           for n in range(200)])
    names = ["Organisation %d %s" % (n, "y" * 180) for n in range(20)]
    checks = user_calls("rdt-board", daemon.socket,
                        [("org.riskd.interest", "Check", {"organisations": names, "matter": "%d %s" % (n, "z" * 9990)})
                         for n in range(100)])
    grown = database_bytes(daemon) - before
    accepted = (sum(r["ok"] for r in concerns), sum(r["ok"] for r in checks))
    print("\nbudgets at the defaults: %d of 200 concerns and %d of 100 checks stored; database grew %d bytes"
          % (accepted + (grown,)))
    assert accepted == (10, 50)
    assert {r["error"] for r in concerns[10:]} == {"org.riskd.concern.InvalidValue"}
    assert "concerns.max_open_per_member (10)" in concerns[10]["parameters"]["reason"]  # checked first
    assert "interests.max_checks_per_member_per_day (50)" in checks[50]["parameters"]["reason"]
    assert grown < 8 << 20, grown
    assert daemon.call("org.riskd.concern.Raise", kind="other", text=text)["concern"]["raisedBy"] == "root"


def database_bytes(daemon):
    connection = sqlite3.connect("file:%s?mode=ro" % daemon.database, uri=True)
    try:
        return connection.execute("PRAGMA page_count").fetchone()[0] * \
            connection.execute("PRAGMA page_size").fetchone()[0]
    finally:
        connection.close()
