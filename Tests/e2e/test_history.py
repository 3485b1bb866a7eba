"""Every register as of any date, end to end, with real uids: rdt-board2 holds the board role through a group
of this module's own (rdt-history) whose /etc/group entry lists it, and leaves the board by `gpasswd -d`. The
board pack, the public register and the minutes made for a day in March read the same in June, byte for byte,
after that and after the action's text, the declaration's sensitivity, the registry and a member's name changed;
riskctl --as-of shows the board of then; riskd sees a member who left while it was stopped when it starts.
Times are the debug build's test clock.
"""
import sqlite3
import subprocess
import time

import pytest

from board_pack_register import declare
from riskd_e2e import DEFAULT_BOARD, RISKCTL, DaemonFactory, ensure_user

MARCH = "2027-03-20"
JUNE = "2027-06-15"
# Not the group other modules give rdt-board2 the role through: this module takes rdt-board2 out of its group.
GROUP = "rdt-history"


@pytest.fixture
def board_group(users):
    """rdt-board2 on the board through GROUP, whose /etc/group entry lists it; the group is removed afterwards."""
    users["rdt-board2"] = ensure_user("rdt-board2")
    subprocess.run(["groupdel", GROUP], capture_output=True, timeout=30)
    subprocess.run(["groupadd", "--system", GROUP], check=True, capture_output=True, timeout=30)
    subprocess.run(["gpasswd", "-a", "rdt-board2", GROUP], check=True, capture_output=True, timeout=30)
    yield GROUP
    subprocess.run(["groupdel", GROUP], capture_output=True, timeout=30)


@pytest.fixture
def register(board_group, user_calls):
    """A register grown in March 2027: rdt-board2 on the board with a declaration, an action they own, and a
    meeting whose item names their organisation."""
    factory = DaemonFactory()
    daemon = factory(board=DEFAULT_BOARD + ["unix-group:" + board_group], now="2027-03-01T09:00:00Z")
    daemon.call("org.riskd.ethics.Publish", title="Code of Ethics", body="Declare what you hold.")
    daemon.call("org.riskd.organisation.Add", name="Western Balkan Fund", aliases=["WBF"], kind="funder")
    declare(user_calls, daemon, "rdt-board2", kind="employment", organisation="WBF",
            description="Trainer at the fund", startedOn="2027-02-01")
    risk = daemon.call("org.riskd.risk.Add", title="Funding overlap", category="financial", likelihood=4,
                       impact=4)["risk"]["id"]
    daemon.call("org.riskd.risk.AddAction", riskId=risk, description="Ask the funder", owner="rdt-board2",
                dueOn="2027-04-30")
    meeting = daemon.call("org.riskd.meeting.Create", title="Board meeting", date="2027-03-15")["meeting"]["id"]
    daemon.call("org.riskd.meeting.AddItem", meetingId=meeting, title="Grant round",
                organisations=["Western Balkan Fund"])
    daemon.call("org.riskd.meeting.Publish", id=meeting)
    daemon.call("org.riskd.member.List")
    daemon.set_now("2027-03-31T12:00:00Z")
    yield daemon
    factory.finish()


def documents(daemon, as_of):
    """The pack, its confidential copy, the public register and the minutes made for `as_of`."""
    return [
        daemon.call("org.riskd.report.Board", asOf=as_of),
        daemon.call("org.riskd.report.Board", asOf=as_of, confidential=True, meetingId=1),
        daemon.call("org.riskd.interest.Register", asOf=as_of),
        daemon.call("org.riskd.meeting.Minutes", id=1, asOf=as_of, format="html"),
    ]


def members(daemon, as_of):
    return [m["user"] for m in daemon.call("org.riskd.member.List", asOf=as_of)["members"]]


def riskctl(daemon, *args):
    result = subprocess.run([RISKCTL, "--socket", daemon.socket, *args], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_march_pack_reads_the_same_in_june_after_a_member_left_the_board(register, user_calls):
    march = documents(register, MARCH)
    pack = riskctl(register, "report", "board", "--as-of", MARCH)
    assert members(register, MARCH) == ["rdt-board", "rdt-board2"]

    subprocess.run(["gpasswd", "-d", "rdt-board2", GROUP], check=True, capture_output=True, timeout=30)
    time.sleep(5.5)  # riskd keeps a uid's roles for 5 seconds
    register.set_now(JUNE + "T09:00:00Z")
    # rdt-board2's next call carries no board role: riskd records that they left.
    [whoami] = user_calls("rdt-board2", register.socket, [("org.riskd.daemon", "Whoami", {})])
    assert whoami["ok"] and "board" not in whoami["parameters"]["roles"], whoami
    register.call("org.riskd.review.Run")
    register.call("org.riskd.risk.UpdateAction", id=1, description="Ask the second funder", owner="rdt-board")
    register.call("org.riskd.interest.Update", id=1, sensitive=True)
    register.call("org.riskd.organisation.Update", id=1, name="Western Balkans Fund", aliases=["WB Fund"])
    register.call("org.riskd.member.SetName", user="rdt-board", name="Ana Petrović-Novak")

    assert documents(register, MARCH) == march
    assert riskctl(register, "report", "board", "--as-of", MARCH) == pack
    assert members(register, MARCH) == ["rdt-board", "rdt-board2"]
    assert members(register, JUNE) == ["rdt-board"]
    june = register.call("org.riskd.report.Board", asOf=JUNE)["html"]
    # In June the action is overdue, and the pack of June shows it with its new text and owner, by the name set.
    assert "<td>Ask the second funder</td><td>Ana Petrović-Novak</td>" in june
    assert "Petrović-Novak" not in pack
    listed = riskctl(register, "member", "list", "--as-of", MARCH)
    assert "rdt-board2" in listed
    assert "rdt-board2" not in riskctl(register, "member", "list", "--as-of", JUNE)
    shown = riskctl(register, "meeting", "show", "M-1", "--as-of", MARCH)
    assert "Western Balkan Fund" in shown


def test_a_malformed_as_of_is_refused_naming_the_option(register):
    for args in (["member", "list"], ["interest", "list"], ["meeting", "show", "M-1"]):
        result = subprocess.run([RISKCTL, "--socket", register.socket, *args, "--as-of", "March"],
                                capture_output=True, text=True, timeout=60)
        assert result.returncode != 0 and result.stdout == ""
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and "--as-of" in lines[0], result.stderr


def test_a_member_who_left_while_riskd_was_stopped_is_seen_leaving_at_start(register):
    """riskd looks at the board when it starts, even when no review runs then (the last one is recent)."""
    register.call("org.riskd.review.Run")
    register.stop()
    subprocess.run(["gpasswd", "-d", "rdt-board2", GROUP], check=True, capture_output=True, timeout=30)
    register.set_now("2027-04-01T09:00:00Z")
    register.start()
    # No call is made: only the start can record it.
    deadline = time.monotonic() + 10
    gone = None
    while gone is None and time.monotonic() < deadline:
        with sqlite3.connect(register.database, timeout=10) as db:
            gone = db.execute("SELECT gone_at FROM board_span WHERE user = 'rdt-board2'").fetchone()[0]
        time.sleep(0.1)
    assert gone == "2027-04-01T09:00:00Z"
    assert members(register, "2027-03-31") == ["rdt-board", "rdt-board2"]
    assert members(register, "2027-04-01T09:00:00Z") == ["rdt-board"]
