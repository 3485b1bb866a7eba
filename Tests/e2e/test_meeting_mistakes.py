"""Meetings: mistakes that can be undone before they count (issue 21), end to end with the real riskd on its test
clock, real uids for the board members, the python varlink client and riskctl:

a meeting that will not meet is cancelled, and nothing of it changes after; Close is refused before the meeting's
day and for a cancelled meeting; an agenda without items is not published; riskctl asks before closing on a
terminal and refuses without one unless given --yes; a declaration at the meeting names every item it touches;
and the minutes say of one interest one thing, whatever the day it was recorded.
"""
import os
import pty
import select
import subprocess

import pytest

from test_meetings import MEETING, WBF, as_member, board, ok, refused  # noqa: F401  (board is a fixture)
from test_risk_governance_cli import RISKCTL, riskctl


def riskctl_ok(daemon, *args):
    result = riskctl(daemon, *args)
    assert result.returncode == 0 and result.stderr == "", (result.returncode, result.stdout, result.stderr)
    return result.stdout


def riskctl_refused(daemon, status, *args):
    """riskctl's one line on stderr, after checking its exit status and that the database did not change."""
    before = daemon.snapshot()
    result = riskctl(daemon, *args)
    assert result.returncode == status, (result.returncode, result.stdout, result.stderr)
    assert result.stdout == "" and len(result.stderr.splitlines()) == 1, result.stderr
    assert daemon.snapshot() == before
    return result.stderr.strip().removeprefix("riskctl: ")


def on_terminal(daemon, answer, *args):
    """riskctl run with a terminal for standard input and standard error (standard output a pipe), typing `answer`
    once it asks; returns (exit status, what the terminal showed)."""
    leader, follower = pty.openpty()
    process = subprocess.Popen([RISKCTL, "--socket", daemon.socket, *map(str, args)], stdin=follower,
                               stdout=subprocess.PIPE, stderr=follower, env={"NO_COLOR": "1", "LANG": "C.UTF-8"})
    os.close(follower)
    shown = b""
    while b"[y/N]" not in shown:
        ready, _, _ = select.select([leader], [], [], 30)
        assert ready, shown
        shown += os.read(leader, 4096)
    os.write(leader, answer.encode() + b"\n")
    process.stdout.read()
    status = process.wait(timeout=30)
    while select.select([leader], [], [], 0.2)[0]:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    return status, shown.decode()


def test_a_meeting_that_will_not_meet_is_cancelled_and_then_nothing_of_it_changes(board):
    daemon, meeting, grants = board
    daemon.call(MEETING + ".Publish", id=meeting)
    said = riskctl_ok(daemon, "meeting", "cancel", "M-%d" % meeting, "--reason", "Postponed to the April meeting")
    assert said == "M-%d cancelled: Postponed to the April meeting.\n" % meeting
    got = daemon.call(MEETING + ".Get", id=meeting)["meeting"]
    assert (got["status"], got["cancelReason"], got["cancelledAt"]) == \
        ("cancelled", "Postponed to the April meeting", "2027-01-10T09:00:00Z")
    for method, parameters in [("Close", {"id": meeting}), ("Cancel", {"id": meeting, "reason": "Again"}),
                               ("AddItem", {"meetingId": meeting, "title": "AOB", "organisations": []})]:
        error = refused(daemon, MEETING + ".InvalidValue", MEETING + "." + method, **parameters)
        assert "was cancelled: nothing of it changes" in error["reason"], error
    error = refused(daemon, MEETING + ".InvalidValue", MEETING + ".Record",
                    recusalId=daemon.call(MEETING + ".Get", id=meeting)["recusals"][0]["id"], action="absent")
    assert error["field"] == "recusalId" and "cancelled" in error["reason"], error
    assert daemon.call("org.riskd.audit.Verify")["ok"]


def test_cancel_refuses_an_empty_reason_a_closed_meeting_and_an_unknown_one(board):
    daemon, meeting, _ = board
    error = refused(daemon, MEETING + ".InvalidValue", MEETING + ".Cancel", id=meeting, reason="  ")
    assert error["field"] == "reason", error
    refused(daemon, MEETING + ".NoSuchMeeting", MEETING + ".Cancel", id=99, reason="Postponed")
    daemon.call(MEETING + ".Publish", id=meeting)
    for recusal in daemon.call(MEETING + ".Get", id=meeting)["recusals"]:
        daemon.call(MEETING + ".Record", recusalId=recusal["id"], action="left_room", quorate=True)
    daemon.set_now("2027-01-20T18:00:00Z")
    daemon.call(MEETING + ".Close", id=meeting)
    error = refused(daemon, MEETING + ".InvalidValue", MEETING + ".Cancel", id=meeting, reason="Too late")
    assert (error["field"], error["reason"]) == ("id", "meeting M-%d is closed: nothing of it changes" % meeting)


def test_close_is_refused_before_the_meetings_day_and_allowed_from_it(board):
    daemon, meeting, _ = board
    daemon.call(MEETING + ".Publish", id=meeting)
    for recusal in daemon.call(MEETING + ".Get", id=meeting)["recusals"]:
        daemon.call(MEETING + ".Record", recusalId=recusal["id"], action="left_room", quorate=True)
    error = refused(daemon, MEETING + ".InvalidValue", MEETING + ".Close", id=meeting)
    assert error == {"field": "id", "reason": "the meeting is on 2027-01-20; it can be closed from that day "
                                              "(cancel it if it will not meet)"}
    message = riskctl_refused(daemon, 65, "meeting", "close", "M-%d" % meeting, "--yes")
    assert message.endswith("the meeting is on 2027-01-20; it can be closed from that day "
                            "(cancel it if it will not meet)"), message
    daemon.set_now("2027-01-19T23:59:00Z")
    refused(daemon, MEETING + ".InvalidValue", MEETING + ".Close", id=meeting)
    daemon.set_now("2027-01-20T08:00:00Z")
    assert daemon.call(MEETING + ".Close", id=meeting)["meeting"]["status"] == "closed"


def test_an_agenda_without_items_is_not_published(board):
    daemon, _, _ = board
    empty = daemon.call(MEETING + ".Create", title="Extraordinary meeting", date="2027-02-01")["meeting"]["id"]
    error = refused(daemon, MEETING + ".InvalidValue", MEETING + ".Publish", id=empty)
    assert error == {"field": "id", "reason": "the agenda of M-%d has no items: add one before publishing it" % empty}
    message = riskctl_refused(daemon, 65, "meeting", "publish", "M-%d" % empty)
    assert "has no items" in message, message
    assert daemon.call(MEETING + ".Get", id=empty)["meeting"]["status"] == "draft"


def test_riskctl_asks_before_closing_and_refuses_without_a_terminal_unless_told_yes(board):
    daemon, meeting, _ = board
    daemon.call(MEETING + ".Publish", id=meeting)
    for recusal in daemon.call(MEETING + ".Get", id=meeting)["recusals"]:
        daemon.call(MEETING + ".Record", recusalId=recusal["id"], action="absent")
    daemon.set_now("2027-01-20T18:00:00Z")
    name = "M-%d" % meeting
    message = riskctl_refused(daemon, 64, "meeting", "close", name)
    assert message.startswith("no terminal to ask on: pass --yes to close %s without being asked" % name), message

    before = daemon.snapshot()
    status, shown = on_terminal(daemon, "n", "meeting", "close", name)
    assert 'Close %s "Board meeting" of 2027-01-20, 2 items, 2 recusals? This cannot be undone [y/N]' % name \
        in shown, shown
    assert status != 0 and "nothing was changed" in shown, (status, shown)
    assert daemon.snapshot() == before

    status, shown = on_terminal(daemon, "y", "meeting", "close", name)
    assert status == 0, shown
    assert daemon.call(MEETING + ".Get", id=meeting)["meeting"]["status"] == "closed"


def test_a_declaration_at_the_meeting_names_every_item_it_touches_and_says_one_thing_of_it(board, user_calls):
    """Declared at the meeting on item 3 before the meeting's day, an interest in an organisation item 2 names too
    makes a recusal on both; the reply and riskctl name both items, and the minutes call it declared at the
    meeting under each, never declared in advance."""
    daemon, meeting, grants = board
    daemon.call(MEETING + ".AddItem", meetingId=meeting, title="Partner for the summer school",
                organisations=["Eurodesk", "Udruga Most"])
    daemon.call(MEETING + ".Publish", id=meeting)
    daemon.call(MEETING + ".AddItem", meetingId=meeting, title="Eurodesk membership", organisations=["Eurodesk"])
    items = {item["number"]: item for item in daemon.call(MEETING + ".Get", id=meeting)["items"]}

    said = riskctl_ok(daemon, "meeting", "declare", "M-%d" % meeting, "--item", 4, "--kind", "governance", "--org",
                      "Eurodesk", "--description", "I sit on its board", "--member", "rdt-board2")
    lines = said.splitlines()
    expected = " made for item 4 of M-%d: rdt-board2, a governance interest in Eurodesk (I-" % meeting
    assert lines[0].startswith("Recusal ") and expected in lines[0], said
    assert lines[1:] == ['It also touches item 3 of M-%d, "Partner for the summer school" (recusal %d): the name '
                         'matches, declared at the meeting.' % (meeting, int(lines[0].split()[1]) + 1)], said

    recusals = [r for r in daemon.call(MEETING + ".Get", id=meeting)["recusals"] if r["declarant"] == "rdt-board2"
                and r["organisation"] == "Eurodesk"]
    assert sorted((r["itemId"], r["match"], r["declaredInAdvance"]) for r in recusals) == sorted([
        (items[3]["id"], "exact", False), (items[4]["id"], "declared_at_meeting", False)])

    minutes = daemon.call(MEETING + ".Minutes", id=meeting)["markdown"]
    under = {number: minutes.split("### Item %d:" % number, 1)[1].split("###", 1)[0] for number in (3, 4)}
    for number in (3, 4):
        assert "**rdt-board2**: a governance interest in Eurodesk, declared at the meeting." in under[number], minutes
    assert "Eurodesk, declared in advance" not in minutes, minutes

    # The varlink reply lists both recusals, the item declared on first.
    [reply] = user_calls("rdt-board", daemon.socket, [(MEETING, "DeclareAtMeeting", {
        "itemId": items[3]["id"], "kind": "gift", "organisation": "Udruga Most", "description": "A dinner"})])
    assert reply["ok"], reply
    made = reply["parameters"]["recusals"]
    assert made[0] == reply["parameters"]["recusal"] and [r["itemId"] for r in made] == [items[3]["id"]], made
