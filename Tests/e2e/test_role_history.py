"""Members and meetings as of any date, end to end, with real group membership: rdt-board2 holds the board role
through rdt-rolehist and the auditor role through rdt-rolehist-audit, whose /etc/group entries list it, and stops
being an auditor by `gpasswd -d`. member.List (and `riskctl member list --as-of`) gives the roles riskd saw then;
each role riskd saw a member take or lose is one audit entry by riskd, and a sighting that changes nothing is none;
`riskctl meeting list --as-of` gives the meetings of then; the member's export holds when riskd saw them hold each
role. Times are the debug build's test clock.
"""
import json
import subprocess
import time
from pathlib import Path

import pytest

from riskd_e2e import DEFAULT_BOARD, RISKCTL, Daemon, DaemonFactory, ensure_user, make_test_dir

BOARD_GROUP = "rdt-rolehist"
AUDIT_GROUP = "rdt-rolehist-audit"
MARCH = "2027-03-20"
JUNE = "2027-06-15"


@pytest.fixture
def groups(users):
    """rdt-board2 in BOARD_GROUP and AUDIT_GROUP, both listing it; removed afterwards."""
    users["rdt-board2"] = ensure_user("rdt-board2")
    for group in (BOARD_GROUP, AUDIT_GROUP):
        subprocess.run(["groupdel", group], capture_output=True, timeout=30)
        subprocess.run(["groupadd", "--system", group], check=True, capture_output=True, timeout=30)
        subprocess.run(["gpasswd", "-a", "rdt-board2", group], check=True, capture_output=True, timeout=30)
    yield
    for group in (BOARD_GROUP, AUDIT_GROUP):
        subprocess.run(["groupdel", group], capture_output=True, timeout=30)


@pytest.fixture
def register(groups):
    """A register started in March 2027 whose auditors include AUDIT_GROUP, with two meetings: one held in March
    and a draft for July."""
    factory = DaemonFactory()
    daemon = Daemon(make_test_dir(), board=DEFAULT_BOARD + ["unix-group:" + BOARD_GROUP], now="2027-03-01T09:00:00Z")
    config = Path(daemon.config).read_text()
    auditors = 'auditors = ["unix-user:rdt-audit"]'
    assert auditors in config
    Path(daemon.config).write_text(
        config.replace(auditors, 'auditors = ["unix-user:rdt-audit", "unix-group:%s"]' % AUDIT_GROUP))
    factory.daemons.append(daemon)
    try:  # a setup that fails stops the daemon too
        daemon.start()
        march = daemon.call("org.riskd.meeting.Create", title="Board meeting", date="2027-03-15")["meeting"]["id"]
        daemon.call("org.riskd.meeting.AddItem", meetingId=march, title="Grant round", organisations=["WBF"])
        daemon.call("org.riskd.meeting.Publish", id=march)
        daemon.call("org.riskd.meeting.Create", title="Summer meeting", date="2027-07-01")
        daemon.call("org.riskd.member.List")
        daemon.set_now("2027-03-31T12:00:00Z")
        yield daemon
    finally:
        factory.finish()


def roles(daemon, as_of):
    return {m["user"]: m["roles"] for m in daemon.call("org.riskd.member.List", asOf=as_of)["members"]}


def role_entries(daemon):
    """The audit entries riskd made of the roles it saw, as (subject, detail)."""
    entries = daemon.call("org.riskd.audit.Log", subject="member:rdt-board2", limit=1000)["entries"]
    return [(e["subject"], json.loads(e["detail"])) for e in entries if e["actor"] == "riskd"]


def riskctl(daemon, *args):
    result = subprocess.run([RISKCTL, "--socket", daemon.socket, *args], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_roles_of_march_stay_after_a_member_left_a_group(register, user_calls):
    assert roles(register, MARCH)["rdt-board2"] == ["auditor", "board"]
    assert role_entries(register) == [
        ("member:rdt-board2", {"role": "board", "seen": "holding"}),
        ("member:rdt-board2", {"role": "auditor", "seen": "holding"}),
    ]
    listed = riskctl(register, "member", "list", "--as-of", MARCH)

    subprocess.run(["gpasswd", "-d", "rdt-board2", AUDIT_GROUP], check=True, capture_output=True, timeout=30)
    time.sleep(5.5)  # riskd keeps a uid's roles for 5 seconds
    register.set_now(JUNE + "T09:00:00Z")
    # rdt-board2's next call carries the board role without the auditor's: riskd records that.
    [whoami] = user_calls("rdt-board2", register.socket, [("org.riskd.daemon", "Whoami", {})])
    assert whoami["ok"] and whoami["parameters"]["roles"] == ["board"], whoami
    # Seen again the same way, by a call, a listing and a review: nothing more to record.
    user_calls("rdt-board2", register.socket, [("org.riskd.daemon", "Whoami", {})])
    register.call("org.riskd.member.List")
    register.call("org.riskd.review.Run")
    assert role_entries(register)[2:] == [("member:rdt-board2", {"role": "auditor", "seen": "without"})]
    assert register.call("org.riskd.audit.Verify")["ok"] is True

    assert roles(register, MARCH)["rdt-board2"] == ["auditor", "board"]
    assert riskctl(register, "member", "list", "--as-of", MARCH) == listed
    assert roles(register, JUNE + "T09:00:00Z")["rdt-board2"] == ["board"]
    export = json.loads(riskctl(register, "member", "export", "rdt-board2", "--format", "json"))
    spans = {span["role"]: span for span in export["roles"]}
    assert spans["auditor"]["goneAt"] == JUNE + "T09:00:00Z"
    assert spans["board"].get("goneAt") is None


def test_the_meetings_of_march_after_one_was_cancelled_and_another_created(register):
    march = riskctl(register, "meeting", "list", "--as-of", MARCH)
    register.set_now(JUNE + "T09:00:00Z")
    register.call("org.riskd.meeting.Cancel", id=2, reason="No quorum")
    register.call("org.riskd.meeting.Create", title="Extra meeting", date="2027-06-30")
    assert riskctl(register, "meeting", "list", "--as-of", MARCH) == march
    assert "M-3" not in march and "cancelled" not in march
    assert "cancelled" in riskctl(register, "meeting", "list")
    listed = register.call("org.riskd.meeting.List", asOf=MARCH)["meetings"]
    assert [(m["id"], m["status"]) for m in listed] == [(1, "published"), (2, "draft")]


def test_a_malformed_as_of_of_meeting_list_is_refused_naming_the_option(register):
    result = subprocess.run([RISKCTL, "--socket", register.socket, "meeting", "list", "--as-of", "March"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "--as-of" in lines[0], result.stderr
