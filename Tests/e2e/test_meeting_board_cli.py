"""riskctl's board meeting commands as the board and the auditor run them (issue 12), with real uids against the
real riskd: a board member reads another member's sensitive recusal only as withheld, in `meeting show`, its
`--json` and the minutes (the organisation's name is nowhere in the output); declares their own interests at the
meeting but records nothing; the auditor reads everything and changes nothing.

The register and the meeting are those of test_meeting_cli (fixture `board`, function `prepare`).
"""
import json

from test_meeting_cli import MEETING, SECRET, board, held, prepare, refused, sections  # noqa: F401
from test_risk_governance_cli import ok, riskctl, table


def test_a_board_member_reads_another_members_sensitive_recusal_only_as_withheld(board):
    daemon = board.daemon
    prepare(daemon)
    ok(riskctl(daemon, "meeting", "record", "M-1", "--item", 3, "--member", "rdt-board2", "--action", "left-room",
               "--quorate"))

    shown = ok(board("rdt-board", "meeting", "show", "M-1"))
    assert SECRET not in shown and "Beograd" not in shown and "family" not in shown
    rows = table(sections(shown)[3])
    assert rows[1][2:6] == ["rdt-board", "funding", "Western Balkan Fund", "exact"]
    assert rows[2][2:9] == ["rdt-board2", "withheld", "Zora", "possible", "yes", "left-room", "yes"]
    scripted = ok(board("rdt-board", "--json", "meeting", "show", "M-1"))
    assert SECRET not in scripted and json.loads(scripted)["recusals"][1]["interestId"] == 0
    minutes = ok(board("rdt-board", "meeting", "minutes", "M-1"))
    assert SECRET not in minutes and "Beograd" not in minutes
    assert "**rdt-board2**: a private interest, declared in advance. Left the room" in minutes

    own = ok(board("rdt-board2", "meeting", "show", "M-1"))
    assert SECRET in own and "family" in own
    assert SECRET in ok(riskctl(daemon, "meeting", "show", "M-1"))


def test_a_board_member_declares_for_themselves_at_the_meeting_but_records_nothing(board):
    daemon = board.daemon
    prepare(daemon)
    declared = ok(board("rdt-board2", "meeting", "declare", "M-1", "--item", 2, "--kind", "gift", "--org",
                        "Udruženje Prevent", "--description", "A conference ticket", "--sensitive"))
    assert "Recusal 3 made for item 2 of M-1: rdt-board2, a gift interest in Udruženje Prevent" in declared
    withheld = table(sections(ok(board("rdt-board", "meeting", "show", "M-1")))[3])
    assert withheld[2][2:6] == ["rdt-board2", "withheld", "Udruženje Prevent", "declared-at-meeting"]
    assert "A conference ticket" not in ok(board("rdt-board", "meeting", "minutes", "M-1"))

    before = held(daemon)
    for args in (["meeting", "declare", "M-1", "--item", 2, "--kind", "gift", "--org", "WBF", "--description",
                  "x", "--member", "rdt-board"],
                 ["meeting", "record", "M-1", "--item", 2, "--member", "rdt-board", "--action", "absent"],
                 ["meeting", "create", "Mine", "--date", "2027-02-01"],
                 ["meeting", "close", "M-1", "--yes"],
                 ["meeting", "cancel", "M-1", "--reason", "Postponed"]):
        result = board("rdt-board2", *args)
        assert result.returncode == 77, (args, result.stdout, result.stderr)
        assert result.stderr.startswith("riskctl: permission denied: "), result.stderr
        assert "org.riskd." not in result.stderr and "you are rdt-board2: board member" in result.stderr
        assert len(result.stderr.splitlines()) == 1
    assert held(daemon) == before


def test_a_member_with_two_recusals_on_an_item_is_named_by_recusal(board):
    daemon = board.daemon
    prepare(daemon)
    ok(board("rdt-board", "meeting", "declare", "M-1", "--item", 2, "--kind", "employment", "--org",
             "Udruženje Prevent", "--description", "I chair its audit committee"))
    message = refused(daemon, 65, "meeting", "record", "M-1", "--item", 2, "--member", "rdt-board", "--action",
                      "left-room")
    assert message == "--member: rdt-board has 2 recusals on item 2 of M-1 (1, 3); name one with --recusal", message
    ok(riskctl(daemon, "meeting", "record", "M-1", "--recusal", 3, "--action", "left-room"))
    recusals = {r["id"]: r.get("action") for r in daemon.call(MEETING + ".Get", id=1)["recusals"]}
    assert recusals == {1: None, 2: None, 3: "left_room"}


def test_the_auditor_reads_the_meeting_and_the_minutes_and_changes_nothing(board, as_user, user_riskctl):
    daemon = board.daemon
    prepare(daemon)
    auditor = {"user": "rdt-audit", "as_user": as_user, "binary": user_riskctl}
    assert SECRET in ok(riskctl(daemon, "meeting", "show", "M-1", **auditor))
    assert ok(riskctl(daemon, "meeting", "minutes", "M-1", **auditor)).startswith("## Declarations of interest")
    assert table(ok(riskctl(daemon, "meeting", "list", **auditor)))[1][:3] == ["M-1", "2027-01-20", "published"]
    before = held(daemon)
    denied = riskctl(daemon, "meeting", "record", "M-1", "--item", 2, "--member", "rdt-board", "--action", "absent",
                     **auditor)
    assert denied.returncode == 77 and denied.stderr.startswith("riskctl: permission denied: "), denied.stderr
    assert held(daemon) == before


def test_a_sensitive_interest_declared_at_the_meeting_does_not_name_its_organisation_to_others(board):
    daemon = board.daemon
    prepare(daemon)
    ok(board("rdt-board2", "meeting", "declare", "M-1", "--item", 2, "--kind", "family", "--org",
             "Hidden Clinic Novi Sad", "--description", "My partner works there", "--sensitive"))
    for args in (["meeting", "show", "M-1"], ["--json", "meeting", "show", "M-1"], ["meeting", "minutes", "M-1"]):
        output = ok(board("rdt-board", *args))
        assert "Hidden Clinic" not in output and "Novi Sad" not in output, (args, output)
    rows = table(sections(ok(board("rdt-board", "meeting", "show", "M-1")))[3])
    assert rows[2][2:6] == ["rdt-board2", "withheld", "-", "declared-at-meeting"], rows
    assert "Hidden Clinic Novi Sad" in ok(board("rdt-board2", "meeting", "show", "M-1"))
