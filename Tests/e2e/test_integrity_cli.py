"""riskctl org|interest|conflicts|member run as real different Unix users against a running riskd: the sessions
of docs/guide.md's walk-through (Ana declares and confirms; the secretariat checks a funding call and records a management plan;
the auditor reads the history), and the privacy rule seen from the outside: another member's riskctl output,
tables and --json alike, never shows a sensitive declaration.

The board is rdt-board (primary group rdt-board) and rdt-board2 (listed in rdt-integrity); see test_integrity.py.
"""

import json
import os
import pty
import shutil
import subprocess
import threading
from datetime import date, timedelta

import pytest

from riskd_e2e import REPO, as_user_command, make_test_dir
from test_integrity import fresh  # noqa: F401  (fixture; board2 is conftest's)

EXAMPLE = REPO / "config" / "organisations.example.csv"
TODAY = date.today()


def days(n):
    return (TODAY + timedelta(days=n)).isoformat()


@pytest.fixture
def readable():
    """A directory the test users can read files in."""
    directory = make_test_dir()
    yield directory
    shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture
def ctl(user_riskctl, as_user):
    """ctl(user, daemon, *args) -> CompletedProcess of riskctl run as that test user (stdin not a terminal)."""

    def run(user, daemon, *args):
        return as_user(user, [user_riskctl, *map(str, args)], input="", env={"RISKD_SOCKET": daemon.socket})

    return run


def ok(result):
    assert result.returncode == 0, "riskctl exited %d\nstdout: %s\nstderr: %s" % (
        result.returncode, result.stdout, result.stderr)
    assert result.stderr == "", result.stderr
    return result.stdout


def failed(result, status):
    assert result.returncode == status, "riskctl exited %d, expected %d\nstdout: %s\nstderr: %s" % (
        result.returncode, status, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("riskctl: "), result.stderr
    assert result.stdout == ""
    return lines[0][len("riskctl: "):]


def audit_entries(daemon):
    return daemon.call("org.riskd.audit.Verify")["entries"]


@pytest.fixture
def session(fresh, ctl, readable):  # noqa: F811
    """A daemon after story 1 (rdt-board declares twice and confirms) and the registry import; rdt-board2 declares
    one interest of each kind too."""
    daemon = fresh()
    example = readable / "organisations.csv"
    shutil.copy(EXAMPLE, example)
    example.chmod(0o644)
    imported = ok(ctl("rdt-admin", daemon, "org", "import", example))
    assert imported == "Imported 31 organisations (O-1 … O-31).\n"
    ok(ctl("rdt-board", daemon, "interest", "declare", "--kind", "governance", "--organisation", "Udruženje Prevent",
           "--description", "Member of the managing board", "--since", "2023-05-01"))
    ok(ctl("rdt-board", daemon, "interest", "declare", "--kind", "family", "--organisation", "Western Balkan Fund",
           "--description", "My partner is a programme officer", "--since", days(-20), "--sensitive"))
    ok(ctl("rdt-board2", daemon, "interest", "declare", "--kind", "funding", "--organisation", "OSF",
           "--description", "Grant to my organisation", "--since", days(-2)))
    ok(ctl("rdt-board2", daemon, "interest", "declare", "--kind", "gift", "--organisation", "EJAF",
           "--description", "Conference ticket", "--since", days(-2), "--sensitive"))
    daemon.readable = readable
    return daemon


def test_story_1_a_board_member_declares_and_confirms(session, ctl):
    whoami = ok(ctl("rdt-board", session, "whoami"))
    assert whoami.endswith(": board\n")
    shown = ok(ctl("rdt-board", session, "interest", "show", "I-2"))
    assert "Western Balkan Fund (O-27)" in shown and "Sensitive: yes" in shown
    confirmed = ok(ctl("rdt-board", session, "interest", "confirm", "--yes"))
    assert confirmed == "Your register is complete as of today. Next confirmation due %s.\n" % days(365)
    member = ok(ctl("rdt-board", session, "member", "show", "rdt-board"))
    assert "Declarations: 2 active interests" in member and "Next due: %s" % days(365) in member
    assert "Roles: board" in member
    listed = ok(ctl("rdt-board", session, "interest", "list", "--no-legend")).splitlines()
    assert [line.split()[0] for line in listed] == ["I-1", "I-2", "I-3"]
    # The register opened today (the daemon's first start): an interest of 2023 entered now is not late.
    assert "sensitive" in listed[1] and "late" not in listed[0]


def test_story_2_the_secretariat_checks_a_funding_call(session, ctl):
    out = ok(ctl("rdt-admin", session, "conflicts", "check", "Western Balkan Fund", "Udruzenje Prevent",
                 "--matter", "Call WBF-2027 partners"))
    rows = [line.split(None, 3) for line in out.splitlines()]
    assert rows[0] == ["MEMBER", "INTEREST", "MATCH", "ORGANISATION"]
    assert rows[1] == ["rdt-board", "I-1", "exact", "Udruženje Prevent"]
    assert rows[2] == ["rdt-board", "I-2", "exact", "Western Balkan Fund"]
    assert out.splitlines()[-1] == "2 conflicts. Recorded as check C-1 for the minutes."
    managed = ok(ctl("rdt-admin", session, "interest", "manage", "I-2", "--plan",
                     "Leaves the room for item 4; receives no papers on it"))
    assert managed.startswith("I-2 of rdt-board (Western Balkan Fund) is managed: Leaves the room")
    assert session.call("org.riskd.interest.Get", id=2)["interest"]["status"] == "managed"
    # Through an alias of the registry, and a name that is only a possible match.
    out = ok(ctl("rdt-admin", session, "conflicts", "check", "Open Society", "EJAF", "--matter", "Item 5"))
    assert "rdt-board2  I-3       possible  OSF" in out and "rdt-board2  I-4       exact     EJAF" in out
    nothing = ok(ctl("rdt-admin", session, "conflicts", "check", "Robert Carr Fund", "--matter", "Item 6"))
    assert nothing == "No conflicts. Recorded as check C-3 for the minutes.\n"


def test_another_members_riskctl_never_shows_a_sensitive_declaration(session, ctl):
    ok(ctl("rdt-admin", session, "conflicts", "check", "Western Balkan Fund", "--matter", "Call WBF-2027"))
    outputs = [ok(ctl("rdt-board2", session, *args)) for args in [
        ("interest", "list"), ("interest", "list", "--all"), ("interest", "list", "--json"),
        ("interest", "list", "--member", "rdt-board", "--json"), ("interest", "show", "I-1"),
        ("conflicts", "history"), ("conflicts", "history", "--json"),
        ("conflicts", "check", "Western Balkan Fund", "--matter", "Asked by another member"),
        ("conflicts", "check", "Western Balkan Fund", "--matter", "Again", "--json"),
    ]]
    for output in outputs:
        for secret in ["programme officer", "family", "I-2"]:
            assert secret not in output, output
    # Another member's sensitive declaration is left out of their check altogether (issue 9).
    assert outputs[7].startswith("No conflicts. Recorded as check C-2")
    assert "rdt-board" not in outputs[7]
    assert json.loads(outputs[8])["check"]["conflicts"] == []
    # Another member's sensitive declaration answers as a missing one: a refusal would say it exists (issue 20).
    refused = failed(ctl("rdt-board2", session, "interest", "show", "I-2"), 66)
    assert refused == "no interest I-2", refused
    # rdt-board sees its own, and not rdt-board2's sensitive one.
    own = ok(ctl("rdt-board", session, "interest", "list", "--json"))
    assert [i["id"] for i in json.loads(own)["interests"]] == [1, 2, 3]
    assert "Conference ticket" not in own


def test_refusals_exit_with_their_status_and_change_nothing(session, ctl):
    before = audit_entries(session)
    assert failed(ctl("rdt-board", session, "interest", "manage", "I-3", "--plan", "Out"), 77)
    assert failed(ctl("rdt-board", session, "interest", "end", "I-3"), 77)
    assert failed(ctl("rdt-board", session, "interest", "update", "I-3", "--description", "x"), 77)
    assert failed(ctl("rdt-board", session, "member", "show", "rdt-board2"), 77)
    assert failed(ctl("rdt-board", session, "org", "add", "Trimbos", "--kind", "ngo"), 77)
    assert failed(ctl("rdt-admin", session, "interest", "declare", "--kind", "gift", "--organisation", "ESN",
                      "--description", "x", "--since", days(0)), 77)
    for args in [("interest", "declare", "--kind", "gift", "--organisation", "ESN", "--description", "x",
                  "--since", days(0)),
                 ("interest", "confirm", "--yes"), ("conflicts", "check", "OSF", "--matter", "x"),
                 ("org", "update", "O-1", "--note", "x")]:
        failed(ctl("rdt-audit", session, *args), 77)
    nil_return = failed(ctl("rdt-board", session, "interest", "confirm", "--nothing-to-declare", "--yes"), 65)
    assert "I-1, I-2" in nil_return
    assert "future" in failed(ctl("rdt-board", session, "interest", "declare", "--kind", "gift", "--organisation",
                                  "ESN", "--description", "x", "--since", days(2)), 65)
    assert failed(ctl("rdt-board", session, "interest", "declare", "--kind", "hobby", "--organisation", "ESN",
                      "--description", "x", "--since", days(0)), 64)
    assert failed(ctl("rdt-board", session, "interest", "show", "I-99"), 66) == "no interest I-99"
    assert failed(ctl("rdt-board", session, "org", "show", "O-99"), 66) == "no organisation O-99"
    assert failed(ctl("rdt-admin", session, "member", "show", "nobody-here"), 66) == "no member nobody-here"
    assert failed(ctl("rdt-board", session, "interest", "update", "I-1", "--if-revision", "4", "--value", "x"),
                  75).startswith("I-1 was changed meanwhile")
    taken = failed(ctl("rdt-admin", session, "org", "add", "open society foundations", "--kind", "funder"), 75)
    assert taken == 'the name "open society foundations" is already taken by O-29'
    assert audit_entries(session) == before


def test_the_auditor_reads_everything(session, ctl):
    ok(ctl("rdt-board", session, "conflicts", "check", "EJAF", "--matter", "Gala dinner"))
    history = ok(ctl("rdt-audit", session, "conflicts", "history", "--since", days(0)))
    assert "C-1" in history and "rdt-board2 I-4 (exact)" in history and "1 check listed." in history
    assert ok(ctl("rdt-audit", session, "conflicts", "history", "--since", days(1), "--no-legend")) == ""
    listed = json.loads(ok(ctl("rdt-audit", session, "interest", "list", "--json")))["interests"]
    assert [i["sensitive"] for i in listed] == [False, True, False, True]
    members = ok(ctl("rdt-audit", session, "member", "list", "--no-legend")).splitlines()
    assert [line.split()[0] for line in members] == ["rdt-board", "rdt-board2"]


def test_registry_commands(session, ctl):
    readable = session.readable
    shown = ok(ctl("rdt-board", session, "org", "show", "O-29"))
    assert "Name: Open Society Foundations" in shown and "Aliases: OSF" in shown
    funders = ok(ctl("rdt-board", session, "org", "list", "--kind", "funder", "--no-legend")).splitlines()
    assert len(funders) == 5 and all(" funder " in line for line in funders)
    found = ok(ctl("rdt-board", session, "org", "list", "--query", "Western Balkans Fund"))
    assert "O-27" in found and "1 organisation listed." in found
    grid = ok(ctl("rdt-audit", session, "org", "map"))
    lines = grid.splitlines()
    assert lines[0].split() == ["LOW", "INTEREST", "MEDIUM", "INTEREST", "HIGH", "INTEREST"]
    high = next(line for line in lines if line.startswith("HIGH POWER"))
    assert "European Parties" in high and "UN national system" in high
    assert "Open Society Foundations" in grid
    assert lines[-1] == "30 organisations placed; 1 without both ratings: Think tanks."
    updated = ok(ctl("rdt-admin", session, "org", "update", "O-25", "--interest", "medium", "--power", "low"))
    assert updated == "O-25 updated, now at revision 2.\n"
    # Import: all or nothing, each bad row named by file, row and column.
    count = len(session.call("org.riskd.organisation.List", limit=1000)["organisations"])
    bad = readable / "bad.csv"
    bad.write_text("name,aliases,kind\nESN,,network\nHarm Reduction International,HRI,charity\n")
    bad.chmod(0o644)
    assert failed(ctl("rdt-admin", session, "org", "import", bad), 65) == \
        "%s:3: kind: must be one of member, funder, government, international, network, ngo, company, other, " \
        "not 'charity'" % bad
    taken = readable / "taken.csv"
    taken.write_text("name,aliases,kind\nESN,,network\nHarm Reduction International,HRI;IDPC,ngo\n")
    taken.chmod(0o644)
    assert failed(ctl("rdt-admin", session, "org", "import", taken), 75) == \
        '%s:3: aliases: "IDPC" is already taken by O-1; nothing was imported' % taken
    twice = readable / "twice.csv"
    twice.write_text("name,kind\nESN,network\nesn!,network\n")
    twice.chmod(0o644)
    assert failed(ctl("rdt-admin", session, "org", "import", twice), 65).startswith("%s:3: name: " % twice)
    assert len(session.call("org.riskd.organisation.List", limit=1000)["organisations"]) == count


def on_terminal(user, riskctl, daemon, args, answer):
    """riskctl run as `user` with a pseudo-terminal as standard input and error (where it asks); `answer` is typed
    for its question. Returns the exit status, standard output, and what the terminal showed."""
    controller, terminal = pty.openpty()
    command = as_user_command(user, [riskctl, *args])
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "NO_COLOR": "1", "RISKD_SOCKET": daemon.socket}
    process = subprocess.Popen(command, stdin=terminal, stdout=subprocess.PIPE, stderr=terminal, env=env,
                               cwd="/tmp")
    os.close(terminal)
    shown = []
    reader = threading.Thread(target=lambda: shown.append(_drain(controller)), daemon=True)
    reader.start()
    try:
        os.write(controller, answer.encode())
        stdout, _ = process.communicate(timeout=30)
        reader.join(5)
    finally:
        os.close(controller)
    return process.returncode, stdout.decode(), b"".join(shown).decode(errors="replace").replace("\r\n", "\n")


def _drain(fd):
    data = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            return data
        if not chunk:
            return data
        data += chunk


def test_confirm_names_the_declarations_and_asks_on_a_terminal(session, users, user_riskctl):
    before = audit_entries(session)
    status, stdout, shown = on_terminal(users["rdt-board"], user_riskctl, session, ["interest", "confirm"], "n\n")
    assert status == 1, (stdout, shown)
    assert "Your active declarations: I-1 Udruženje Prevent, I-2 Western Balkan Fund. Confirm that they are " \
           "complete as of today? [y/N] " in shown
    assert shown.endswith("riskctl: cancelled, nothing was changed\n") and stdout == ""
    assert audit_entries(session) == before
    status, stdout, shown = on_terminal(users["rdt-board"], user_riskctl, session, ["interest", "confirm"], "y\n")
    assert status == 0, (stdout, shown)
    assert stdout == "Your register is complete as of today. Next confirmation due %s.\n" % days(365)
    # A nil return that riskd will refuse is not asked about.
    status, stdout, shown = on_terminal(users["rdt-board"], user_riskctl, session,
                                        ["interest", "confirm", "--nothing-to-declare"], "y\n")
    assert status == 65 and "[y/N]" not in shown and "I-1, I-2" in shown, (stdout, shown)
