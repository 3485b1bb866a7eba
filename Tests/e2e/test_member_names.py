"""People by name (issue 21): member.SetName with real uids — a board member names themselves, an administrator
names another, a board member naming another is refused, a bad name is refused with nothing stored — and the one
rule documents follow: the name set, else the account's full name (GECOS, first comma field), else the login.
The board pack and the public register use it; the audit keeps the name only as its keyed hash.
"""
import subprocess

import pytest

from riskd_e2e import RISKCTL, SECOND_BOARD

MEMBER = "org.riskd.member"


@pytest.fixture
def gecos(users, board2):
    """Sets GECOS fields for the test, and puts back what was there."""
    before = {}

    def set_gecos(user, value):
        if user not in before:
            before[user] = subprocess.run(["getent", "passwd", user], capture_output=True, text=True,
                                          check=True).stdout.split(":")[4]
        subprocess.run(["usermod", "-c", value, user], check=True, capture_output=True, timeout=30)
    yield set_gecos
    for user, value in before.items():
        subprocess.run(["usermod", "-c", value, user], check=True, capture_output=True, timeout=30)


def call(user_calls, daemon, caller, method, **parameters):
    [result] = user_calls(caller, daemon.socket, [(MEMBER, method, parameters)])
    return result


def audit(daemon):
    return daemon.call("org.riskd.audit.Log", limit=1000)["entries"]


def name_of(daemon, user):
    return daemon.call(MEMBER + ".Get", user=user)["member"].get("name")


def test_set_name_for_self_and_by_an_admin_and_the_name_documents_use(start_daemon, board2, user_calls, gecos,
                                                                      as_user, user_riskctl):
    gecos("rdt-board", "Ana Petrovic,Room 5,,")
    gecos("rdt-board2", "")
    daemon = start_daemon(board=SECOND_BOARD + ["unix-user:rdt-board2"], extra_config="[interests]\npublic_register = true\n")
    assert name_of(daemon, "rdt-board") == "Ana Petrovic", "the GECOS's first comma field"
    assert name_of(daemon, "rdt-board2") is None, "no GECOS name and none set"
    before = len(audit(daemon))

    mine = call(user_calls, daemon, "rdt-board", "SetName", user="rdt-board", name="  Ana Petrović ")
    assert mine["ok"], mine
    assert mine["parameters"]["member"]["name"] == "Ana Petrović"
    assert name_of(daemon, "rdt-board") == "Ana Petrović", "the name set wins over the GECOS"
    other = daemon.call(MEMBER + ".SetName", user="rdt-board2", name="Marko Ilić")
    assert other["member"]["user"] == "rdt-board2" and other["member"]["name"] == "Marko Ilić"

    entries = audit(daemon)[before:]
    assert [(e["method"], e["subject"]) for e in entries] == [
        (MEMBER + ".SetName", "member:rdt-board"), (MEMBER + ".SetName", "member:rdt-board2")]
    assert all("hmac:" in e["detail"] and "Petrov" not in e["detail"] and "Ili" not in e["detail"]
               for e in entries), entries

    pack = daemon.call("org.riskd.report.Board")["html"]
    assert "Ana Petrović" in pack and "Marko Ilić" in pack and "Ana Petrovic" not in pack
    [declared] = user_calls("rdt-board", daemon.socket, [("org.riskd.interest", "Declare", {
        "kind": "funding", "organisation": "Western Balkan Fund", "description": "Coordinator",
        "startedOn": "2026-01-02"})])
    assert declared["ok"], declared
    register = daemon.call("org.riskd.interest.Register")
    assert [(e["declarant"], e.get("declarantName")) for e in register["entries"]] == [("rdt-board", "Ana Petrović")]

    # riskctl: `member name NAME` for oneself, and `member show` prints it.
    named = as_user("rdt-board2", [user_riskctl, "--socket", daemon.socket, "member", "name", "Marko Ilić Jr."])
    assert named.returncode == 0 and named.stdout == "Your name in documents: Marko Ilić Jr.\n", named
    shown = subprocess.run([RISKCTL, "--socket", daemon.socket, "member", "show", "rdt-board2"], capture_output=True,
                           text=True, timeout=60, env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1"})
    assert "Marko Ilić Jr." in shown.stdout, shown


def test_a_board_member_cannot_name_another_and_bad_names_change_nothing(start_daemon, board2, user_calls, as_user,
                                                                        user_riskctl):
    daemon = start_daemon(board=SECOND_BOARD + ["unix-user:rdt-board2"])
    daemon.call(MEMBER + ".SetName", user="rdt-board2", name="Marko Ilić")
    before = len(audit(daemon))

    denied = call(user_calls, daemon, "rdt-board", "SetName", user="rdt-board2", name="Somebody Else")
    assert denied["error"] == "org.varlink.service.PermissionDenied", denied
    for bad, reason in [("", "must not be empty"), ("   ", "must not be empty"),
                        ("Ana\nPetrović", "must be one line, with no line breaks"),
                        ("Ana\tPetrović", "must not contain control characters such as tabs"),
                        ("Ana \u202eMarko", "must not contain bidirectional controls"),
                        ("A" * 201, "must be at most 200 characters, not 201")]:
        refused = call(user_calls, daemon, "rdt-board2", "SetName", user="rdt-board2", name=bad)
        assert refused["error"] == MEMBER + ".InvalidValue", (bad, refused)
        assert refused["parameters"] == {"field": "name", "reason": reason}, refused
    nobody = call(user_calls, daemon, "rdt-admin", "SetName", user="rdt-nobody", name="No Body")
    assert nobody["error"] == MEMBER + ".NoSuchMember", nobody
    assert name_of(daemon, "rdt-board2") == "Marko Ilić"
    assert len(audit(daemon)) == before, "a refused name stores nothing"

    cli = as_user("rdt-board", [user_riskctl, "--socket", daemon.socket, "member", "name", "rdt-board2", "X Y"])
    assert cli.returncode != 0 and cli.stdout == "" and len(cli.stderr.strip().splitlines()) == 1, cli
    bad = as_user("rdt-board", [user_riskctl, "--socket", daemon.socket, "member", "name", "Ana\nP"])
    assert bad.returncode != 0 and "name" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1, bad
