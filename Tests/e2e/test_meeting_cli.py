"""riskctl's board meeting commands (issue 12), against the real riskd on its test clock: `meeting create`,
`item add`, `publish`, `show`, `list`, `record`, `declare`, `close` and `minutes`.

Each command is checked by its output and exit status (riskctl(1)), and by what the daemon then holds; each bad
input by its one-line message, its exit status and an unchanged database. The board members are real uids
(rdt-board and rdt-board2); test_meeting_board_cli runs riskctl as them and as the auditor.

The register: rdt-board has a funding interest in Western Balkan Fund, declared in 2025; rdt-board2 a sensitive
family interest in "Fondacija Zora Beograd", which item 3 ("Zora") matches only as possible. The clock stands at
2027-01-15; the meeting is on 2027-01-20.
"""
import json

import pytest

from riskd_e2e import SECOND_BOARD
from test_risk_governance_cli import ok, riskctl, table
from test_riskctl_first_hour import MANUAL

MEETING = "org.riskd.meeting"
SECRET = "Fondacija Zora Beograd"
COMMANDS = [["meeting"], ["meeting", "create"], ["meeting", "list"], ["meeting", "show"], ["meeting", "item"],
            ["meeting", "item", "add"], ["meeting", "publish"], ["meeting", "record"], ["meeting", "declare"],
            ["meeting", "close"], ["meeting", "cancel"], ["meeting", "minutes"]]


def held(daemon, meeting=1):
    """What a refused command must leave alone: the audit trail, the meeting as the secretariat reads it, and
    the list of meetings."""
    state = {"snapshot": daemon.snapshot(), "meetings": daemon.call(MEETING + ".List")}
    try:
        state["meeting"] = daemon.call(MEETING + ".Get", id=meeting)
    except Exception:  # noqa: BLE001 - no such meeting yet is a state too
        state["meeting"] = None
    return state


def refused(daemon, status, *args, user=None, **run):
    """The one line riskctl writes when it refuses, after checking its exit status and that nothing changed."""
    before = held(daemon)
    result = riskctl(daemon, *args, user=user, **run)
    assert result.returncode == status, (result.returncode, result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("riskctl: "), result.stderr
    assert held(daemon) == before
    return lines[0][len("riskctl: "):]


@pytest.fixture
def board(start_daemon, board2, as_user, user_riskctl):
    """A daemon whose board is rdt-board and rdt-board2, each with a declaration, and a way to run riskctl as
    either: board("rdt-board", *args)."""
    # rdt-board2 is named by its user as well as through SECOND_BOARD's group: every test session's board2 fixture
    # deletes and recreates that group, so another session on the same machine takes it away for a moment.
    daemon = start_daemon(board=SECOND_BOARD + ["unix-user:rdt-board2"], now="2027-01-15T09:00:00Z")

    def run(user, *args):
        return riskctl(daemon, *args, user=user, as_user=as_user, binary=user_riskctl)

    ok(run("rdt-board", "interest", "declare", "--kind", "funding", "--organisation", "Western Balkan Fund",
           "--description", "Our association holds a WBF grant", "--since", "2025-03-01"))
    ok(run("rdt-board2", "interest", "declare", "--kind", "family", "--organisation", SECRET, "--sensitive",
           "--description", "My sister runs it", "--since", "2026-06-01"))
    run.daemon = daemon
    return run


def prepare(daemon):
    """M-1 with three items (the first no decision), published; returns the publish output."""
    ok(riskctl(daemon, "meeting", "create", "Board meeting", "--date", "2027-01-20"))
    ok(riskctl(daemon, "meeting", "item", "add", "M-1", "Minutes of the last meeting", "--no-decision"))
    ok(riskctl(daemon, "meeting", "item", "add", "M-1", "Call WBF-2027 partners", "--org", "Western Balkan Fund",
               "--org", "Udruženje Prevent"))
    ok(riskctl(daemon, "meeting", "item", "add", "1", "Grant to Zora", "--organisation", "Zora"))
    return ok(riskctl(daemon, "meeting", "publish", "M-1"))


def sections(output):
    """The blocks of an output separated by blank lines."""
    return [block for block in output.split("\n\n") if block.strip()]


def test_create_add_and_publish_show_who_steps_out_of_what(board):
    daemon = board.daemon
    created = ok(riskctl(daemon, "meeting", "create", "Board meeting", "--date", "2027-01-20"))
    assert "Meeting: M-1" in created and "Status: draft" in created and "Date: 2027-01-20" in created
    said = ok(riskctl(daemon, "meeting", "item", "add", "M-1", "Call WBF-2027 partners", "--org",
                      "Western Balkan Fund", "--org", "Udruženje Prevent"))
    assert said.strip() == "Item 1 added to M-1: Call WBF-2027 partners (Western Balkan Fund, Udruženje Prevent)."
    draft = ok(riskctl(daemon, "meeting", "show", "M-1"))
    assert "No recusals yet: publish the meeting" in draft

    published = ok(riskctl(daemon, "meeting", "publish", "M-1"))
    blocks = sections(published)
    assert "Status: published" in blocks[0] and "Published: 2027-01-15T09:00:00Z" in blocks[0]
    agenda = table(blocks[1])
    assert agenda[0] == ["ITEM", "DECISION", "TITLE", "STEPS OUT", "ORGANISATIONS"]
    assert agenda[1] == ["1", "yes", "Call WBF-2027 partners", "rdt-board", "Western Balkan Fund, Udruženje Prevent"]
    recusals = table(blocks[3])
    assert recusals[0] == ["RECUSAL", "ITEM", "MEMBER", "KIND", "ORGANISATION", "MATCH", "IN ADVANCE", "ACTION",
                           "QUORATE", "NOTE"]
    assert recusals[1] == ["1", "1", "rdt-board", "funding", "Western Balkan Fund", "exact", "yes", "-", "-"]
    assert blocks[4].strip() == "1 recusal; 1 without an action yet."
    stored = daemon.call(MEETING + ".Get", id=1)
    assert stored["meeting"]["status"] == "published"
    assert [(r["declarant"], r.get("action")) for r in stored["recusals"]] == [("rdt-board", None)]

    later = ok(riskctl(daemon, "meeting", "item", "add", "M-1", "Grant to Zora", "--org", "Zora"))
    assert later.splitlines()[0] == "Item 2 added to M-1: Grant to Zora (Zora)."
    assert later.splitlines()[1].startswith("Checked for conflicts as C-") and "steps out: rdt-board2" in later
    assert len(daemon.call(MEETING + ".Get", id=1)["recusals"]) == 2


def test_the_whole_cycle_as_the_secretariat_runs_it(board):
    daemon = board.daemon
    published = prepare(daemon)
    agenda = table(sections(published)[1])
    assert [row[:4] for row in agenda[1:]] == [
        ["1", "no", "Minutes of the last meeting", "-"],
        ["2", "yes", "Call WBF-2027 partners", "rdt-board"],
        ["3", "yes", "Grant to Zora", "rdt-board2"],
    ]
    assert agenda[1][4] == "-"
    shown = table(sections(ok(riskctl(daemon, "meeting", "show", "M-1")))[3])
    assert [row[1:6] for row in shown[1:]] == [
        ["2", "rdt-board", "funding", "Western Balkan Fund", "exact"],
        ["3", "rdt-board2", "family", SECRET, "possible"],
    ]
    second = daemon.call(MEETING + ".Get", id=1)["recusals"][1]["id"]

    said = ok(riskctl(daemon, "meeting", "record", "M-1", "--item", 2, "--member", "rdt-board", "--action",
                      "left-room", "--quorate"))
    assert said.strip() == "Recusal 1 recorded: rdt-board left-room for item 2 of M-1; the meeting stayed quorate."
    said = ok(riskctl(daemon, "meeting", "record", "M-1", "--recusal", second, "--action", "stayed_no_vote",
                      "--not-quorate", "--note", "Deferred to the March meeting"))
    assert "rdt-board2 stayed-no-vote for item 3 of M-1; the meeting was not quorate without them." in said
    declared = ok(riskctl(daemon, "meeting", "declare", "M-1", "--item", 3, "--kind", "employment", "--org",
                          "Zora", "--description", "I advise it unpaid", "--member", "rdt-board"))
    assert declared.startswith("Recusal 3 made for item 3 of M-1: rdt-board, an employment interest in Zora (I-3")
    recusals = sorted(daemon.call(MEETING + ".Get", id=1)["recusals"], key=lambda r: r["id"])
    assert [(r["declarant"], r["match"], r.get("action"), r.get("quorate"), r["declaredInAdvance"])
            for r in recusals] == [
        ("rdt-board", "exact", "left_room", True, True),
        ("rdt-board2", "possible", "stayed_no_vote", False, True),
        ("rdt-board", "declared_at_meeting", None, None, False),
    ]
    # In item order, then by member: rdt-board's declaration at the meeting comes before rdt-board2 on item 3.
    rows = table(sections(ok(riskctl(daemon, "meeting", "show", "M-1")))[3])
    assert [row[0] for row in rows[1:]] == ["1", "3", "2"]
    assert rows[2][5:8] == ["declared-at-meeting", "no", "-"]
    assert rows[3][7:] == ["stayed-no-vote", "no", "Deferred to the March meeting"]

    message = refused(daemon, 65, "meeting", "close", "M-1", "--yes")
    assert message == ("invalid value for M-ID: the meeting is on 2027-01-20; it can be closed from that day "
                       "(cancel it if it will not meet)"), message
    daemon.set_now("2027-01-20T17:00:00Z")
    message = refused(daemon, 65, "meeting", "close", "M-1", "--yes")
    assert message == ("cannot close M-1: 1 without an action: record what rdt-board on item 3 (recusal 3) did "
                       "first"), message
    ok(riskctl(daemon, "meeting", "record", "M-1", "--recusal", 3, "--action", "left-room", "--quorate"))
    closed = ok(riskctl(daemon, "meeting", "close", "M-1", "--yes"))
    assert closed.strip() == "M-1 closed at 2027-01-20T17:00:00Z: nothing of it changes from now on."
    assert daemon.call(MEETING + ".Get", id=1)["meeting"]["status"] == "closed"

    minutes = ok(riskctl(daemon, "meeting", "minutes", "M-1"))
    assert minutes == daemon.call(MEETING + ".Minutes", id=1)["markdown"]
    assert minutes.startswith("## Declarations of interest\n")
    assert "**rdt-board**: a funding interest in Western Balkan Fund, declared in advance. Left the room" in minutes
    assert SECRET not in minutes and "a private interest" in minutes

    listed = table(ok(riskctl(daemon, "meeting", "list")))
    assert listed == [["MEETING", "DATE", "STATUS", "CREATED BY", "TITLE"],
                      ["M-1", "2027-01-20", "closed", "root", "Board meeting"]]


def test_json_prints_the_daemons_replies(board):
    daemon = board.daemon
    created = json.loads(ok(riskctl(daemon, "--json", "meeting", "create", "Board meeting", "--date", "2027-01-20")))
    assert created["meeting"]["id"] == 1 and created["meeting"]["status"] == "draft"
    item = json.loads(ok(riskctl(daemon, "meeting", "item", "add", "M-1", "Call", "--org", "Western Balkan Fund",
                                 "--json")))
    assert item["item"]["number"] == 1 and item["item"]["decision"] is True
    published = json.loads(ok(riskctl(daemon, "--json", "meeting", "publish", "M-1")))
    assert published == daemon.call(MEETING + ".Get", id=1)
    assert json.loads(ok(riskctl(daemon, "--json", "meeting", "show", "M-1"))) == published
    recorded = json.loads(ok(riskctl(daemon, "--json", "meeting", "record", "M-1", "--item", 1, "--member",
                                     "rdt-board", "--action", "not-a-conflict")))
    assert recorded["recusal"]["action"] == "not_a_conflict" and "quorate" not in recorded["recusal"]
    assert json.loads(ok(riskctl(daemon, "--json", "meeting", "list"))) == {
        "meetings": daemon.call(MEETING + ".List")["meetings"], "next": None}
    assert json.loads(ok(riskctl(daemon, "--json", "meeting", "minutes", "1"))) == daemon.call(
        MEETING + ".Minutes", id=1)


def test_list_follows_the_pages_and_filters_by_date(board):
    daemon = board.daemon
    for day in range(1, 13):
        daemon.call(MEETING + ".Create", title="Meeting %d" % day, date="2027-%02d-10" % day)
    rows = table(ok(riskctl(daemon, "meeting", "list")))
    assert len(rows) == 13 and rows[1][:3] == ["M-1", "2027-01-10", "draft"]
    spring = table(ok(riskctl(daemon, "meeting", "list", "--since", "2027-03-01", "--until", "2027-05-31")))
    assert [row[0] for row in spring[1:]] == ["M-3", "M-4", "M-5"]
    assert ok(riskctl(daemon, "meeting", "list", "--since", "2028-01-01")).rstrip().endswith("0 meetings listed.")


@pytest.mark.parametrize("args, status, says", [
    (["meeting", "record", "M-1", "--item", 9, "--member", "rdt-board", "--action", "left-room"], 66,
     "M-1 has no item 9: its agenda has items 1 to 3"),
    (["meeting", "record", "M-1", "--item", 2, "--member", "rdt-board2", "--action", "left-room"], 65,
     "--member: rdt-board2 has no recusal on item 2 of M-1 (recusals on it: rdt-board)"),
    (["meeting", "record", "M-1", "--item", 1, "--member", "rdt-board", "--action", "left-room"], 65,
     "--member: rdt-board has no recusal on item 1 of M-1 (nobody steps out of it)"),
    (["meeting", "record", "M-1", "--recusal", 40, "--action", "absent"], 66, "M-1 has no recusal 40"),
    (["meeting", "record", "M-1", "--item", 2, "--member", "rdt-board", "--action", "walked-out"], 64,
     "left-room, stayed-no-vote"),
    (["meeting", "record", "M-1", "--item", 2, "--action", "absent"], 64, "--item and --member, or with --recusal"),
    (["meeting", "record", "M-1", "--item", 2, "--member", "rdt-board", "--recusal", 1, "--action", "absent"], 64,
     "not both"),
    (["meeting", "record", "M-1", "--item", 2, "--member", "rdt-board", "--action", "absent", "--quorate",
      "--not-quorate"], 64, "quorate"),
    (["meeting", "record", "M-1", "--item", 2, "--member", "rdt-board", "--action", "absent", "--note", ""], 65,
     "--note"),
    (["meeting", "record", "M-2", "--item", 1, "--member", "rdt-board", "--action", "absent"], 66, "no meeting M-2"),
    (["meeting", "declare", "M-1", "--item", 4, "--kind", "gift", "--org", "Zora", "--description", "x"], 66,
     "M-1 has no item 4"),
    (["meeting", "declare", "M-1", "--item", 3, "--kind", "gift", "--org", "Zora", "--description", "x",
      "--member", "rdt-nobody"], 65, "invalid value for --member: rdt-nobody does not hold the board role"),
    (["meeting", "declare", "M-1", "--item", 3, "--kind", "bribe", "--org", "Zora", "--description", "x"], 64,
     "--kind"),
    (["meeting", "show", "M-7"], 66, "no meeting M-7"),
    (["meeting", "show", "R-1"], 64, "not a meeting id"),
    (["meeting", "minutes", "M-7"], 66, "no meeting M-7"),
    (["meeting", "publish", "M-1"], 65, "invalid value for M-ID: meeting M-1 is published, not a draft"),
    (["meeting", "create", "Board", "--date", "2027-02-30"], 64, "--date"),
    (["meeting", "create", "", "--date", "2027-02-10"], 65, "invalid value for <title>"),
    (["meeting", "item", "add", "M-1", "", "--org", "WBF"], 65, "invalid value for <title>"),
    (["meeting", "list", "--since", "soon"], 64, "--since"),
])
def test_bad_input_is_one_line_with_its_status_and_changes_nothing(board, args, status, says):
    prepare(board.daemon)
    message = refused(board.daemon, status, *args)
    assert says in message, message


def test_nothing_of_a_draft_or_closed_meeting_is_recorded(board):
    daemon = board.daemon
    ok(riskctl(daemon, "meeting", "create", "Board meeting", "--date", "2027-01-20"))
    message = refused(daemon, 65, "meeting", "close", "M-1", "--yes")
    assert message == "invalid value for M-ID: meeting M-1 is a draft: publish it first", message
    ok(riskctl(daemon, "meeting", "item", "add", "M-1", "Call", "--org", "Western Balkan Fund"))
    message = refused(daemon, 65, "meeting", "record", "M-1", "--item", 1, "--member", "rdt-board", "--action",
                      "absent")
    assert message == "M-1 is a draft: publish it first; publishing makes the recusals", message
    ok(riskctl(daemon, "meeting", "publish", "M-1"))
    ok(riskctl(daemon, "meeting", "record", "M-1", "--item", 1, "--member", "rdt-board", "--action", "absent"))
    daemon.set_now("2027-01-20T09:00:00Z")
    ok(riskctl(daemon, "meeting", "close", "M-1", "--yes"))
    message = refused(daemon, 65, "meeting", "record", "M-1", "--item", 1, "--member", "rdt-board", "--action",
                      "left-room")
    assert message == "invalid value for M-ID: meeting M-1 is closed: nothing of it changes", message
    message = refused(daemon, 65, "meeting", "item", "add", "M-1", "Any other business")
    assert message.startswith("invalid value for M-ID: meeting M-1 is closed"), message
    message = refused(daemon, 65, "meeting", "declare", "M-1", "--item", 1, "--kind", "gift", "--org", "WBF",
                      "--description", "A dinner", "--member", "rdt-board")
    assert "meeting M-1 is closed" in message, message


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_meeting_command_has_help_with_an_example_from_the_manual(riskctl_binary, command):
    result = riskctl(type("NoDaemon", (), {"socket": "/nonexistent"})(), *command, "--help")
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert "USAGE: riskctl " + " ".join(command) in result.stdout
    example = result.stdout.split("\nEXAMPLE:\n", 1)[1].splitlines()[0].strip().rstrip("\\").strip()
    assert example in MANUAL, example
    if len(command) > 1:
        assert "Cm %s" % " ".join(command) in MANUAL or command == ["meeting", "item"], command
