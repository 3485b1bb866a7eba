"""The board pack (org.riskd.report.Board, riskctl report board) end to end, on the example register grown
over simulated months (board_pack_register.py): the register as it stood at asOf, byte for byte the same
when asked again and after later changes, the audit head in its footer, other members' sensitive entries
withheld from a board member (real uids), and bad input refused with nothing stored.
"""
import json
import os
import re
import stat
import subprocess

import pytest

from board_pack_register import (PACK_DAY, PUBLIC_ORGANISATION, SENSITIVE_ORGANISATION, board_pack, build_register,
                                 declare)
from riskd_e2e import RISKCTL, DaemonFactory, VarlinkCallError

REPORT = "org.riskd.report"


@pytest.fixture(scope="module")
def register(users, board2, user_calls):
    factory = DaemonFactory()
    yield build_register(factory, user_calls)
    factory.finish()


def test_same_as_of_gives_the_same_bytes_with_the_head_of_that_time(register):
    first = board_pack(register, asOf=PACK_DAY)
    second = board_pack(register, asOf=PACK_DAY)
    assert first == second
    assert first["asOf"] == PACK_DAY + "T23:59:59Z"
    head = first["auditHead"]
    assert re.fullmatch(r"[0-9a-f]{64}", head)
    assert '<span class="head">%s</span>' % head in first["html"]
    verify = register.call("org.riskd.audit.Verify", head=head)
    assert verify["ok"] and verify["head"] == head, verify


def test_the_pack_holds_the_register_as_it_stood(register):
    html = board_pack(register, asOf=PACK_DAY)["html"]
    matrix = register.call("org.riskd.risk.Matrix", basis="inherent", asOf=PACK_DAY + "T23:59:59Z")["cells"]
    assert "<h3>Inherent (%d risks)</h3>" % sum(c["count"] for c in matrix) in html
    # R-11 (4 × 5 = 20) and R-4 (16) are above the financial appetite of 12.
    above = html[html.index('id="above-appetite"'):html.index('id="highest"')]
    assert re.findall(r"<td>R-(\d+)</td>", above) == ["11", "4"]
    # R-1 went from 4 × 4 to 5 × 4 on 2026-10-20, within the 90 days before asOf.
    highest = html[html.index('id="highest"'):html.index('id="overdue"')]
    assert re.search(r"<td>R-1</td>.*?<td class=\"num\">\+4</td>", highest, re.S)
    overdue = html[html.index('id="overdue"'):html.index('id="findings"')]
    assert "<td>A-1</td><td>R-11</td><td>Find a third core funder</td>" in overdue
    findings = html[html.index('id="findings"'):html.index('id="members"')]
    assert "<td>action-overdue</td>" in findings
    members = html[html.index('id="members"'):]
    assert "version 1 of the code" in members
    for user in ("rdt-board", "rdt-board2"):
        assert "<td>%s</td>" % user in members


def test_an_earlier_as_of_shows_the_register_of_then(register):
    """Findings are the rules applied to the register as it stood, not the last run's: on 1 September no review had
    run yet, and the pack still names the six high risks with no action and the two above appetite (issue 21: it
    used to say "No finding was open")."""
    september = board_pack(register, asOf="2026-09-01")["html"]
    findings = september[september.index('id="findings"'):september.index('id="members"')]
    assert "8 findings are open on 1 September 2026" in findings
    assert re.search(r"<td>High risks with no open action</td><td>risk-untreated</td><td class=\"num\">6</td>", findings)
    assert re.search(r"<td>risk-above-appetite</td><td class=\"num\">2</td>", findings)
    members = september[september.index('id="members"'):]
    assert "2 of 2 board members have not yet acknowledged version 1, published on 1 September 2026" in members
    assert "No action is overdue." in september
    now = board_pack(register)
    assert now["asOf"] == "2026-12-15T12:00:00Z"
    before_anything = board_pack(register, asOf="2020-01-01")
    assert before_anything["auditHead"] == "0" * 64
    assert "<h3>Inherent (0 risks)</h3>" in before_anything["html"]


def test_after_a_change_the_old_as_of_still_gives_the_old_bytes(users, board2, user_calls):
    factory = DaemonFactory()
    try:
        daemon = build_register(factory, user_calls)
        old = board_pack(daemon, asOf=PACK_DAY)
        daemon.set_now("2026-12-16T09:00:00Z")
        daemon.call("org.riskd.risk.Update", id=11, likelihood=5, title="Dependence on one funder")
        daemon.call("org.riskd.risk.SetAppetite", category="financial", maxScore=20)
        daemon.call("org.riskd.risk.Close", id=4, reason="mitigated", note="Joint bids agreed")
        declare(user_calls, daemon, "rdt-board", kind="gift", organisation="Eurodesk", description="A book",
                startedOn="2026-12-10")
        [confirmed] = user_calls("rdt-board2", daemon.socket, [
            ("org.riskd.interest", "Confirm", {"nothingToDeclare": False})])
        assert confirmed["ok"], confirmed
        daemon.call("org.riskd.review.Run")
        assert board_pack(daemon, asOf=PACK_DAY) == old
        new = board_pack(daemon)
        assert new["html"] != old["html"] and new["auditHead"] != old["auditHead"]
        assert "Dependence on one funder" in new["html"] and "Dependence on one funder" not in old["html"]
        daemon.restart()
        assert board_pack(daemon, asOf=PACK_DAY) == old
    finally:
        factory.finish()


@pytest.mark.parametrize("as_of", ["nonsense", "2026-13-01", "2026-12-15T25:00:00Z", ""])
def test_a_malformed_as_of_is_invalid_value_and_stores_nothing(register, as_of):
    before = register.snapshot()
    with pytest.raises(VarlinkCallError) as raised:
        board_pack(register, asOf=as_of)
    assert raised.value.error == REPORT + ".InvalidValue"
    assert raised.value.parameters["field"] == "asOf"
    assert register.snapshot() == before


def test_a_meeting_is_no_such_meeting_until_meetings_are_stored(register):
    # This build stores no meetings (they come with org.riskd.meeting): every id is unknown.
    before = register.snapshot()
    with pytest.raises(VarlinkCallError) as raised:
        board_pack(register, meetingId=3)
    assert raised.value.error == REPORT + ".NoSuchMeeting"
    assert raised.value.parameters == {"id": 3}
    assert register.snapshot() == before


@pytest.mark.parametrize("user, sees_sensitive", [
    ("rdt-admin", False), ("rdt-audit", False), ("rdt-board2", True), ("rdt-board", False)])
def test_the_default_pack_is_the_circulation_copy_for_everyone(register, user_calls, user, sees_sensitive):
    """A secretariat prints one pack for the whole board: the default copy withholds other members' sensitive
    entries from every caller, administrators included (issue 21); a member's own copy shows their own, marked."""
    [result] = user_calls(user, register.socket, [(REPORT, "Board", {"asOf": PACK_DAY})])
    assert result["ok"], result
    html = result["parameters"]["html"]
    assert (SENSITIVE_ORGANISATION in html) == sees_sensitive
    assert PUBLIC_ORGANISATION in html
    assert "Confidential" not in html and "confidential" not in html.split("</style>")[1]
    declarations = html[html.index("Declarations of interest in force"):]
    withheld = '<tr><td>rdt-board2</td><td colspan="5" class="withheld">withheld</td></tr>'
    assert (withheld in declarations) == (not sees_sensitive)
    assert ('<span class="sensitive">sensitive</span>' in declarations) == sees_sensitive
    # Apart from that row, everyone reads the same pack; a member's own copy also counts the findings about their
    # own sensitive declaration, which every other copy leaves out.
    admin = board_pack(register, asOf=PACK_DAY)
    assert result["parameters"]["auditHead"] == admin["auditHead"]
    cut = 'id="findings"' if sees_sensitive else "Declarations of interest in force"
    assert html.split(cut)[0] == admin["html"].split(cut)[0]


@pytest.mark.parametrize("user", ["rdt-admin", "rdt-audit"])
def test_the_confidential_copy_is_marked_in_its_title_heading_and_every_sensitive_row(register, user_calls, user):
    [result] = user_calls(user, register.socket, [(REPORT, "Board", {"asOf": PACK_DAY, "confidential": True})])
    assert result["ok"], result
    html = result["parameters"]["html"]
    assert re.search(r"<title>Confidential board pack[^<]*</title>", html)
    assert re.search(r"<h1>Confidential board pack[^<]*</h1>", html)
    assert '<p class="confidential">Confidential' in html
    declarations = html[html.index("Declarations of interest in force"):]
    [row] = [line for line in declarations.splitlines() if SENSITIVE_ORGANISATION in line]
    assert '<span class="sensitive">sensitive</span>' in row
    assert declarations.count('<span class="sensitive">sensitive</span>') == 1
    assert "withheld" not in declarations


def test_a_board_member_cannot_have_the_confidential_copy(register, user_calls):
    [result] = user_calls("rdt-board", register.socket, [(REPORT, "Board", {"confidential": True})])
    assert not result["ok"] and result["error"] == "org.varlink.service.PermissionDenied", result


def test_no_role_gets_no_pack(register, user_calls):
    [result] = user_calls("rdt-nobody", register.socket, [(REPORT, "Board", {})])
    assert not result["ok"] and result["error"] == "org.varlink.service.PermissionDenied"


def test_riskctl_report_board_writes_the_pack(register, tmp_path):
    out = tmp_path / "pack.html"
    result = subprocess.run([RISKCTL, "--socket", register.socket, "report", "board", "--as-of", PACK_DAY,
                             "-o", str(out)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    pack = board_pack(register, asOf=PACK_DAY)
    assert out.read_text(encoding="utf-8") == pack["html"]
    assert result.stdout == ""
    assert pack["auditHead"] in result.stderr
    as_json = subprocess.run([RISKCTL, "--socket", register.socket, "report", "board", "--as-of", PACK_DAY,
                              "--json"], capture_output=True, text=True, timeout=60)
    assert as_json.returncode == 0 and json.loads(as_json.stdout) == pack
    to_stdout = subprocess.run([RISKCTL, "--socket", register.socket, "report", "board", "--as-of", PACK_DAY],
                               capture_output=True, text=True, timeout=60)
    assert to_stdout.stdout == pack["html"]


@pytest.mark.parametrize("command", [
    ["report", "board", "--as-of", PACK_DAY],
    ["interest", "register", "--format", "html"],
    ["interest", "register", "--format", "csv"],
    ["member", "export", "rdt-board"],
])
def test_every_file_riskctl_writes_is_private_unless_mode_says_otherwise(register, tmp_path, command):
    """A member's export holds their sensitive text, a confidential pack everyone's: -o files are 0600 whatever the
    umask (issue 21); --mode 0644 makes a page to publish; a bad mode writes nothing."""
    def riskctl(*extra):
        return subprocess.run([RISKCTL, "--socket", register.socket, *command, *extra], capture_output=True,
                              text=True, timeout=60, preexec_fn=lambda: os.umask(0o022))
    private = tmp_path / "private.out"
    assert riskctl("-o", str(private)).returncode == 0
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    again = riskctl("-o", str(private))                     # replaced whole, still private
    assert again.returncode == 0 and stat.S_IMODE(private.stat().st_mode) == 0o600
    published = tmp_path / "published.out"
    assert riskctl("-o", str(published), "--mode", "0644").returncode == 0
    assert stat.S_IMODE(published.stat().st_mode) == 0o644
    assert published.read_bytes() == private.read_bytes() or command[0] == "member"
    bad = tmp_path / "bad.out"
    refused = riskctl("-o", str(bad), "--mode", "rw-r--r--")
    assert refused.returncode == 64 and "--mode must be an octal mode" in refused.stderr, refused
    assert not bad.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["private.out", "published.out"]


@pytest.mark.parametrize("args, status, message", [
    (["--as-of", "soon"], 65, "invalid value for --as-of"),
    (["--meeting", "M-3"], 66, "no meeting M-3"),
    (["--meeting", "R-3"], 64, "not a meeting id"),
])
def test_riskctl_report_board_refusals(register, tmp_path, args, status, message):
    out = tmp_path / "pack.html"
    result = subprocess.run([RISKCTL, "--socket", register.socket, "report", "board", *args, "-o", str(out)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == status, result.stderr
    assert message in result.stderr
    assert not out.exists()
