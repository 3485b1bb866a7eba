"""Concerns (issue 13, concerns part), with real uids: a board member raises one about another member, who never
sees it nor who raised it (Get is NoSuchConcern, List leaves it out), the raiser sees their own, admins and
auditors all; an administrator closes it, and an upheld undeclared interest is a breach in the public register;
`concern-open` after 30 days names no one and quotes nothing; the text is never in the audit trail; bad input
changes nothing. riskctl raises (text from standard input), lists, shows and closes.
"""
import subprocess

import pytest

from riskd_e2e import RISKCTL, SECOND_BOARD, VarlinkCallError

CONCERN = "org.riskd.concern"
TEXT = "Ivan's cousin's firm bid for the audit contract 5521"


def calls(user_calls, daemon, user, method, **parameters):
    [result] = user_calls(user, daemon.socket, [(CONCERN, method, parameters)])
    return result


@pytest.fixture
def raised(start_daemon, board2, user_calls):
    daemon = start_daemon(board=SECOND_BOARD + ["unix-user:rdt-board2"], now="2027-01-10T09:00:00Z")
    result = calls(user_calls, daemon, "rdt-board", "Raise", kind="undeclared_interest", text=TEXT, about="rdt-board2")
    assert result["ok"], result
    return daemon, result["parameters"]["concern"]


def test_the_member_it_is_about_never_sees_it_and_the_others_see_what_they_may(raised, user_calls):
    daemon, concern = raised
    assert (concern["raisedBy"], concern["about"], concern["status"]) == ("rdt-board", "rdt-board2", "open")
    about = calls(user_calls, daemon, "rdt-board2", "Get", id=concern["id"])
    assert about["error"] == CONCERN + ".NoSuchConcern", about
    assert calls(user_calls, daemon, "rdt-board2", "List")["parameters"]["concerns"] == []
    assert calls(user_calls, daemon, "rdt-board", "Get", id=concern["id"])["parameters"]["concern"]["text"] == TEXT
    for reader in ("rdt-admin", "rdt-audit"):
        listed = calls(user_calls, daemon, reader, "List")["parameters"]["concerns"]
        assert [c["id"] for c in listed] == [concern["id"]], reader
    other = calls(user_calls, daemon, "rdt-board2", "Raise", kind="other", text="Minutes are late")
    assert [c["id"] for c in calls(user_calls, daemon, "rdt-board", "List")["parameters"]["concerns"]] == [
        concern["id"]], "a board member reads only the concerns they raised"
    assert other["ok"]
    # Hashes are hex, so only words are searched for, never digits alone.
    assert TEXT not in str(daemon.call("org.riskd.audit.Log")) and "cousin" not in str(daemon.call("org.riskd.audit.Log"))


def test_an_upheld_undeclared_interest_is_a_breach_of_the_public_register(raised, user_calls):
    daemon, concern = raised
    daemon.set_now("2027-02-03T10:00:00Z")
    closed = daemon.call(CONCERN + ".Close", id=concern["id"], status="upheld",
                         outcome="Ivan declared the interest on 2027-02-03")["concern"]
    assert (closed["status"], closed["closedBy"]) == ("upheld", "root")
    breaches = daemon.call("org.riskd.interest.Register")["breaches"]
    assert breaches == [{"member": "rdt-board2", "concernId": concern["id"], "decidedOn": "2027-02-03"}]
    assert daemon.call("org.riskd.interest.Register", asOf="2027-02-02")["breaches"] == []
    again = pytest.raises(VarlinkCallError, daemon.call, CONCERN + ".Close", id=concern["id"], status="withdrawn",
                          outcome="Twice")
    assert again.value.parameters["field"] == "id"


def test_a_concern_open_over_30_days_is_a_finding_that_names_no_one(raised):
    daemon, concern = raised

    def found():
        return [f for f in daemon.call("org.riskd.review.Run")["findings"] if f["rule"] == "concern-open"]

    daemon.set_now("2027-02-09T09:00:00Z")
    assert found() == []
    daemon.set_now("2027-02-10T09:00:00Z")
    [finding] = found()
    assert finding["subject"] == "concern:%d" % concern["id"]
    for secret in ("rdt-board", "cousin", "Ivan", "audit contract"):
        assert secret not in finding["message"], finding


@pytest.mark.parametrize("method, parameters, field", [
    ("Raise", {"kind": "undeclared_interest", "text": "  "}, "text"),
    ("Raise", {"kind": "gossip", "text": "x"}, "kind"),
    ("Raise", {"kind": "other", "text": "x", "about": "nobody-at-all"}, "about"),
    ("Raise", {"kind": "other", "text": "x", "about": "root"}, "about"),
    ("Close", {"id": "$concern", "status": "open", "outcome": "x"}, "status"),
    ("Close", {"id": "$concern", "status": "upheld", "outcome": ""}, "outcome"),
    ("List", {"status": "pending"}, "status"),
])
def test_bad_input_is_a_precise_error_and_changes_nothing(raised, method, parameters, field):
    daemon, concern = raised
    parameters = {k: concern["id"] if v == "$concern" else v for k, v in parameters.items()}
    before = daemon.snapshot()
    with pytest.raises(VarlinkCallError) as refused:
        daemon.call(CONCERN + "." + method, **parameters)
    assert refused.value.error == CONCERN + ".InvalidValue" and refused.value.parameters["field"] == field
    assert daemon.snapshot() == before
    assert daemon.call(CONCERN + ".Get", id=concern["id"])["concern"]["status"] == "open"


def test_riskctl_raises_from_standard_input_lists_shows_and_closes(raised):
    daemon, concern = raised

    def riskctl(*args, input=None):
        return subprocess.run([RISKCTL, "--socket", daemon.socket, *args], capture_output=True, text=True,
                              input=input, timeout=60, env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1"})

    made = riskctl("concern", "raise", "--kind", "breach-of-code", "--about", "rdt-board", input="A gift kept\n")
    assert made.returncode == 0 and made.stdout.startswith("C-2 raised."), made
    assert daemon.call(CONCERN + ".Get", id=2)["concern"]["text"] == "A gift kept"
    listed = riskctl("concern", "list", "--status", "open")
    assert listed.returncode == 0 and "C-1" in listed.stdout and "breach-of-code" in listed.stdout, listed
    shown = riskctl("concern", "show", "C-1")
    assert shown.returncode == 0 and TEXT in shown.stdout and "About: rdt-board2" in shown.stdout, shown
    closed = riskctl("concern", "close", "C-1", "--not-upheld", "--outcome", "No link found")
    assert closed.returncode == 0 and closed.stdout.strip() == "C-1 closed: not upheld.", closed
    missing = riskctl("concern", "show", "C-9")
    assert missing.returncode == 66 and missing.stderr.strip() == "riskctl: no concern C-9", missing


# Every method that could show a concern to the member it is about, and what that member must get: a new method
# that could show concerns is added here, and fails until it keeps them away. ("absent": the call succeeds and
# neither the concern's text, its id as a subject, nor who raised it is in the reply.)
ABOUT_MEMBER_SEES = [
    ("org.riskd.concern", "Get", {"id": "$concern"}, "org.riskd.concern.NoSuchConcern"),
    ("org.riskd.concern", "List", {}, "absent"),
    ("org.riskd.concern", "List", {"status": "open"}, "absent"),
    ("org.riskd.member", "Export", {}, "absent"),
    ("org.riskd.member", "Get", {"user": "rdt-board2"}, "absent"),
    ("org.riskd.audit", "Log", {"subject": "concern:$concern"}, "org.varlink.service.PermissionDenied"),
    ("org.riskd.review", "Findings", {}, "org.varlink.service.PermissionDenied"),
    ("org.riskd.review", "Watch", {}, "org.varlink.service.PermissionDenied"),
    ("org.riskd.report", "Board", {}, "absent"),
    ("org.riskd.interest", "Register", {}, "absent"),
]


def test_the_member_a_concern_is_about_cannot_reach_it_through_any_method(raised, user_calls):
    daemon, concern = raised
    daemon.set_now("2027-02-15T09:00:00Z")
    daemon.call("org.riskd.review.Run")     # concern-open is raised now: it must not reach them either
    calls_made = []
    for interface, method, parameters, _ in ABOUT_MEMBER_SEES:
        resolved = {k: (v.replace("$concern", str(concern["id"])) if isinstance(v, str) else v)
                    for k, v in parameters.items()}
        if resolved.get("id") == str(concern["id"]):
            resolved["id"] = concern["id"]
        calls_made.append((interface, method, resolved))
    results = user_calls("rdt-board2", daemon.socket, calls_made)
    for (interface, method, _, expected), result in zip(ABOUT_MEMBER_SEES, results):
        name = interface + "." + method
        if expected == "absent":
            assert result["ok"], (name, result)
            text = str(result["parameters"])
            assert TEXT not in text and "cousin" not in text, name
            assert "concern:%d" % concern["id"] not in text and "C-%d" % concern["id"] not in text, name
            assert "'raisedBy': 'rdt-board'" not in text, name
        else:
            assert result.get("error") == expected, (name, result)
