"""A statement test of the minutes' "Declarations of interest" as an HTML page (issue 21): for meetings where no
item, some items and every checked item have a recusal, riskctl writes the page riskd renders
(`meeting minutes --format html -o`), headless chromium prints it to PDF and to PNG, and the PDF's text
(pdftotext) must say exactly what the register says: who stepped out of which item, how the interest was
declared, what they did, a sensitive interest only as "a private interest", dates as people write them, and no
protocol identifier.

The pages, PDFs and screenshots are kept in .build/test-artefacts/ (minutes-<case>.*) for a person to look at.
"""
import re
import subprocess

import pytest

from test_board_pack_browser import ARTEFACTS, Chromium, tool
from test_meetings import ASKED, MEETING, SECRET_ORG, WBF, as_member, board, ok  # noqa: F401  (board: a fixture)
from test_risk_governance_cli import riskctl
from riskd_e2e import make_test_dir

# Words of the protocol that a person must never read in the minutes.
IDENTIFIERS = ["left_room", "stayed_no_vote", "stayed_took_part", "not_a_conflict", "declared_at_meeting",
               "left-room", "declared-at-meeting", "2027-01-20", "2027-02-03", "withheld"]


def publish(daemon, title, date, items):
    """A published meeting with `items` [(title, organisations, decision)]; returns its id."""
    meeting = daemon.call(MEETING + ".Create", title=title, date=date)["meeting"]["id"]
    for name, organisations, decision in items:
        daemon.call(MEETING + ".AddItem", meetingId=meeting, title=name, organisations=organisations,
                    decision=decision)
    daemon.call(MEETING + ".Publish", id=meeting)
    return meeting


def record(daemon, meeting, actions):
    """Records `actions` {declarant: (action, quorate)} on every recusal of the meeting."""
    for recusal in daemon.call(MEETING + ".Get", id=meeting)["recusals"]:
        action, quorate = actions[recusal["declarant"]]
        daemon.call(MEETING + ".Record", recusalId=recusal["id"], action=action, quorate=quorate)


def empty(daemon, user_calls, fixture_meeting):
    """Nobody steps out of anything."""
    return publish(daemon, "Extraordinary meeting", "2027-02-03", [
        ("Annual accounts", ["Open Society Foundations"], True), ("Any other business", [], False)])


def some(daemon, user_calls, fixture_meeting):
    """The fixture's meeting with a third item nobody is conflicted on: rdt-board (WBF) and rdt-board2 (sensitive)
    step out of item 2 only."""
    daemon.call(MEETING + ".AddItem", meetingId=fixture_meeting, title="Annual accounts",
                organisations=["Open Society Foundations"])
    daemon.call(MEETING + ".Publish", id=fixture_meeting)
    record(daemon, fixture_meeting, {"rdt-board": ("left_room", True), "rdt-board2": ("stayed_no_vote", False)})
    return fixture_meeting


def every(daemon, user_calls, fixture_meeting):
    """Every checked item has a recusal, one of them declared at the meeting."""
    meeting = publish(daemon, "Board meeting", "2027-01-20", [
        ("Call WBF-2027 partners", [WBF], True), ("Family foundation grant", [ASKED], True),
        ("Summer school partner", ["Eurodesk"], True)])
    items = {i["number"]: i["id"] for i in daemon.call(MEETING + ".Get", id=meeting)["items"]}
    ok(as_member(user_calls, daemon, "rdt-board", "DeclareAtMeeting", itemId=items[3], kind="gift",
                 organisation="Eurodesk", description="A dinner"))
    record(daemon, meeting, {"rdt-board": ("left_room", True), "rdt-board2": ("not_a_conflict", True)})
    return meeting


# (case, builder, the sentences the PDF's text holds in order, sentences it must not hold)
CASES = [
    ("empty", empty, [
        "Extraordinary meeting, 3 February 2027 (M-2), published.",
        "Item 1: Annual accounts", "No conflict of interest was declared.",
        "Item 2: Any other business", "Not a decision: not checked for conflicts."],
     ["declared in advance", "declared at the meeting", "private interest"]),
    ("some", some, [
        "Board meeting, 20 January 2027 (M-1), published.",
        "Item 1: Minutes of the last meeting", "Not a decision: not checked for conflicts.",
        "Item 2: Call WBF-2027 partners",
        "rdt-board: a funding interest in Western Balkan Fund, declared in advance. Left the room for the item; "
        "the meeting remained quorate.",
        "rdt-board2: a private interest, declared in advance. Stayed but did not vote; the meeting was not quorate "
        "for the item.",
        "Item 3: Annual accounts", "No conflict of interest was declared."],
     ["declared at the meeting", SECRET_ORG, "family"]),
    ("every", every, [
        "Board meeting, 20 January 2027 (M-2), published.",
        "Item 1: Call WBF-2027 partners",
        "rdt-board: a funding interest in Western Balkan Fund, declared in advance. Left the room",
        "Item 2: Family foundation grant",
        "rdt-board2: a private interest, declared in advance. The board found it was not a conflict",
        "Item 3: Summer school partner",
        "rdt-board: a gift interest in Eurodesk, declared at the meeting. Left the room"],
     ["No conflict of interest was declared", SECRET_ORG]),
]


@pytest.fixture(scope="module")
def chromium():
    return Chromium(make_test_dir("riskd-chromium-minutes-"))


@pytest.mark.parametrize("case, build, says, never", CASES, ids=[c[0] for c in CASES])
def test_the_printed_minutes_say_what_the_register_says(board, user_calls, chromium, case, build, says, never):
    daemon, fixture_meeting, _ = board
    meeting = build(daemon, user_calls, fixture_meeting)
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    html, png, pdf = (ARTEFACTS / ("minutes-%s.%s" % (case, ext)) for ext in ("html", "png", "pdf"))
    for stale in (html, png, pdf):
        stale.unlink(missing_ok=True)
    result = riskctl(daemon, "meeting", "minutes", "M-%d" % meeting, "--format", "html", "-o", html)
    assert result.returncode == 0 and result.stdout == "", result
    assert result.stderr == "Wrote the minutes of M-%d to %s.\n" % (meeting, html), result.stderr
    assert html.read_text(encoding="utf-8") == daemon.call(MEETING + ".Minutes", id=meeting, format="html")["html"]
    assert html.stat().st_mode & 0o777 == 0o600, oct(html.stat().st_mode)    # -o files are private (issue 21)

    _, png_requests = chromium.run(html.as_uri(), "--window-size=900,1400", "--hide-scrollbars",
                                   "--screenshot=%s" % png)
    _, pdf_requests = chromium.run(html.as_uri(), "--no-pdf-header-footer", "--print-to-pdf=%s" % pdf)
    assert png.stat().st_size > 0 and pdf.stat().st_size > 0
    assert png_requests == [html.as_uri()] or png_requests == [], png_requests
    assert pdf_requests == [html.as_uri()] or pdf_requests == [], pdf_requests

    raw = subprocess.run([tool("pdftotext"), "-raw", str(pdf), "-"], capture_output=True, text=True,
                         timeout=60, check=True).stdout
    text = re.sub(r"\s+", " ", raw)
    position = 0
    for sentence in says:
        found = text.find(sentence, position)
        assert found >= 0, "missing or out of order: %r in %r" % (sentence, text)
        position = found + len(sentence)
    for word in never + IDENTIFIERS:
        assert word not in text, "%r must not be printed: %r" % (word, text)
    # As many entries as the register holds recusals, no more.
    recusals = daemon.call(MEETING + ".Get", id=meeting)["recusals"]
    assert text.count("declared in advance") + text.count("declared at the meeting") == len(recusals), text
