"""A member's own data (issue 13, export part), with real uids: member.Export gives rdt-board everything about
them (interests sensitive and ended, confirmations, acknowledgements, recusals, the concerns they raised, the
audit entries about their records) and nothing about anyone else: not rdt-board2's sensitive interest met in a
meeting, nor a concern about rdt-board raised by someone else, nor the name inside a concern they raised. A board
member may export only themselves; riskctl writes the JSON, and (issue 21) a text or HTML document the member
can read: dates and kinds in words, the audit's details decoded, no JSON inside text.
"""
import json
import shutil
import stat
import subprocess
from pathlib import Path

from riskd_e2e import RISKCTL, SECOND_BOARD, make_test_dir
from test_board_pack_browser import ARTEFACTS, Chromium

SECRET = "Fondacija Porodica Kovač"
ABOUT_ME = "Ana kept a gift from the fund 3318"


def call(user_calls, daemon, user, interface, method, **parameters):
    [result] = user_calls(user, daemon.socket, [("org.riskd." + interface, method, parameters)])
    assert result["ok"], result
    return result["parameters"]


def test_a_member_exports_everything_about_them_and_nothing_about_anyone_else(start_daemon, board2, user_calls,
                                                                               tmp_path):
    daemon = start_daemon(board=SECOND_BOARD + ["unix-user:rdt-board2"], now="2027-01-10T09:00:00Z")
    mine = call(user_calls, daemon, "rdt-board", "interest", "Declare", kind="funding",
                organisation="Western Balkan Fund", description="Project coordinator", startedOn="2026-06-01")
    hidden = call(user_calls, daemon, "rdt-board", "interest", "Declare", kind="family", organisation="Klinika Sever",
                  description="My own sensitive one", sensitive=True, startedOn="2026-06-01")
    call(user_calls, daemon, "rdt-board2", "interest", "Declare", kind="family", organisation=SECRET,
         description="My brother runs it", sensitive=True, startedOn="2026-06-01")
    call(user_calls, daemon, "rdt-board", "interest", "Confirm")
    daemon.call("org.riskd.ethics.Publish", title="Code", body="Declare what you hold.")
    code = daemon.call("org.riskd.ethics.Current")["code"]
    call(user_calls, daemon, "rdt-board", "ethics", "Acknowledge", version=code["version"], sha256=code["sha256"])
    meeting = daemon.call("org.riskd.meeting.Create", title="Board meeting", date="2027-01-20")["meeting"]["id"]
    daemon.call("org.riskd.meeting.AddItem", meetingId=meeting, title="Grants",
                organisations=["Western Balkan Fund", "Porodica Kovač"])
    daemon.call("org.riskd.meeting.Publish", id=meeting)
    raised = call(user_calls, daemon, "rdt-board", "concern", "Raise", kind="other", text="Minutes are late",
                  about="rdt-board2")["concern"]["id"]
    call(user_calls, daemon, "rdt-board2", "concern", "Raise", kind="undeclared_interest", text=ABOUT_ME,
         about="rdt-board")

    export = call(user_calls, daemon, "rdt-board", "member", "Export")
    assert export["member"]["user"] == "rdt-board"
    assert [i["id"] for i in export["interests"]] == [mine["interest"]["id"], hidden["interest"]["id"]]
    assert export["interests"][1]["description"] == "My own sensitive one"
    assert len(export["confirmations"]) == 1 and len(export["acknowledgements"]) == 1
    assert [(r["declarant"], r["organisation"]) for r in export["recusals"]] == [("rdt-board", "Western Balkan Fund")]
    assert [c["id"] for c in export["concerns"]] == [raised]
    subjects = {e["subject"] for e in export["audit"]}
    assert "interest:%d" % mine["interest"]["id"] in subjects and "member:rdt-board" in subjects
    text = json.dumps(export)
    for other in (SECRET, "brother", ABOUT_ME, "kept a gift"):   # words only: the audit's hashes hold digits
        assert other not in text, other
    assert all(e["actor"] in ("rdt-board", "root", "riskd") for e in export["audit"])

    [denied] = user_calls("rdt-board", daemon.socket, [("org.riskd.member", "Export", {"user": "rdt-board2"})])
    assert denied["error"] == "org.varlink.service.PermissionDenied", denied
    assert daemon.call("org.riskd.member.Export", user="rdt-board")["interests"] == export["interests"]

    out = tmp_path / "data.json"
    result = subprocess.run([RISKCTL, "--socket", daemon.socket, "member", "export", "rdt-board", "-o", str(out)],
                            capture_output=True, text=True, timeout=60, env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1"})
    assert result.returncode == 0, result
    assert "Wrote the data of rdt-board" in result.stderr
    written = json.loads(out.read_text())
    assert written["interests"] == export["interests"] and SECRET not in out.read_text()


def test_the_readable_export_holds_the_members_own_text_in_words_and_nothing_of_anyone_else(
        start_daemon, board2, user_calls, as_user, user_riskctl):
    daemon = start_daemon(board=SECOND_BOARD + ["unix-user:rdt-board2"], now="2027-01-10T09:00:00Z")
    [named] = user_calls("rdt-board", daemon.socket, [("org.riskd.member", "SetName",
                                                      {"user": "rdt-board", "name": "Ana Petrović"})])
    assert named["ok"], named
    call(user_calls, daemon, "rdt-board", "interest", "Declare", kind="governance", organisation="Udruženje Prevent",
         description="Member of the managing board", startedOn="2026-06-01")
    call(user_calls, daemon, "rdt-board", "interest", "Declare", kind="family", organisation="Klinika Sever",
         description="My own sensitive one", sensitive=True, startedOn="2026-06-01")
    call(user_calls, daemon, "rdt-board2", "interest", "Declare", kind="family", organisation=SECRET,
         description="My brother runs it", sensitive=True, startedOn="2026-06-01")
    call(user_calls, daemon, "rdt-board2", "concern", "Raise", kind="undeclared_interest", text=ABOUT_ME,
         about="rdt-board")
    call(user_calls, daemon, "rdt-board", "interest", "Confirm")

    directory = Path(make_test_dir("riskd-export-page-"))
    directory.chmod(0o777)
    pages = {}
    for form in ("text", "html"):
        path = directory / ("export." + form)
        made = as_user("rdt-board", [user_riskctl, "--socket", daemon.socket, "member", "export", "--format", form,
                                     "-o", str(path)])
        assert made.returncode == 0 and "Wrote the data of rdt-board" in made.stderr, made
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, "the export holds the member's sensitive text"
        pages[form] = path.read_text()
    for form, page in pages.items():
        assert "Data riskd holds about Ana Petrović (rdt-board)" in page, form
        assert "My own sensitive one" in page and "Klinika Sever" in page, "their own sensitive text is theirs"
        assert "governing role" in page and "family tie" in page and "1 June 2026" in page, form
        assert "10 January 2027 at 09:00 UTC" in page, form
        assert "(personal text, kept only as a keyed hash)" in page and "hmac:" not in page, form
        for json_inside in ('{"', '":', '\\"'):
            assert json_inside not in page, (form, json_inside)
        for other in (SECRET, "brother", ABOUT_ME, "kept a gift", "rdt-board2"):
            assert other not in page, (form, other)
    # On a terminal without --format it is the text; into a pipe, JSON for programs.
    piped = as_user("rdt-board", [user_riskctl, "--socket", daemon.socket, "member", "export"])
    assert json.loads(piped.stdout)["member"]["user"] == "rdt-board"

    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    html = ARTEFACTS / "member-export.html"
    html.write_text(pages["html"], encoding="utf-8")
    (ARTEFACTS / "member-export.txt").write_text(pages["text"], encoding="utf-8")
    chromium = Chromium(directory)
    _, requests = chromium.run(html.as_uri(), "--window-size=900,2400", "--hide-scrollbars",
                               "--screenshot=%s" % (ARTEFACTS / "member-export.png"))
    assert requests == [], requests
    shutil.rmtree(directory, ignore_errors=True)
