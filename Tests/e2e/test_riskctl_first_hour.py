"""riskctl as a new secretariat and a new board member first meet it (issue 9, riskctl side).

Attestation needs consent, errors name the options typed, imports report every bad row and read semicolon files,
every --help has an example, unknown commands get a suggestion, --version names both sides, ethics diff, the audit
log newest first, and actions across the register. Tests against a real riskd run riskctl as the rdt-* users; the
others use the canned-reply Listener of test_riskctl_cli.
"""

import json
import os
import pty
import re
import subprocess
from datetime import date, timedelta

import pytest

from riskd_e2e import REPO
from test_riskctl_cli import COMMANDS, Listener, one_error_line, riskctl  # noqa: F401

pytestmark = pytest.mark.riskctl
MANUAL = (REPO / "man" / "riskctl.1").read_text(encoding="utf-8")


def days(n):
    return (date.today() + timedelta(days=n)).isoformat()


@pytest.fixture
def listener(tmp_path):
    made = []

    def make(replies=()):
        made.append(Listener(tmp_path / ("s%d" % len(made)), replies))
        return made[-1]

    yield make
    for item in made:
        item.close()


@pytest.fixture
def ctl_as(user_riskctl, as_user):
    """ctl_as(user, daemon, *args, input="", env=None): riskctl as a test user, standard input not a terminal."""

    def run(user, daemon, *args, input="", env=None):
        environment = {"RISKD_SOCKET": daemon.socket}
        environment.update(env or {})
        return as_user(user, [user_riskctl, *map(str, args)], input=input, env=environment)

    return run


def ok(result):
    assert result.returncode == 0, "riskctl exited %d\nstdout: %s\nstderr: %s" % (
        result.returncode, result.stdout, result.stderr)
    assert result.stderr == "", result.stderr
    return result.stdout


def failed(result, status):
    assert result.returncode == status, "riskctl exited %d, expected %d\nstdout: %s\nstderr: %s" % (
        result.returncode, status, result.stdout, result.stderr)
    assert result.stdout == ""
    return one_error_line(result)


# -- 1. attestation needs consent ---------------------------------------------------------------------------
def test_interest_confirm_without_a_terminal_needs_yes(daemon, ctl_as):
    ok(ctl_as("rdt-board", daemon, "interest", "declare", "--kind", "gift", "--organisation", "ESN",
              "--description", "A conference ticket", "--since", days(-3)))
    before = daemon.call("org.riskd.audit.Verify")["entries"]
    message = failed(ctl_as("rdt-board", daemon, "interest", "confirm"), 64)
    assert "no terminal to ask on: pass --yes" in message
    assert daemon.call("org.riskd.member.Get", user="rdt-board")["member"].get("lastConfirmedAt") is None
    assert daemon.call("org.riskd.audit.Verify")["entries"] == before
    out = ok(ctl_as("rdt-board", daemon, "interest", "confirm", "--yes"))
    assert out.startswith("Your register is complete as of today.")
    assert daemon.call("org.riskd.member.Get", user="rdt-board")["member"].get("lastConfirmedAt") is not None


# -- 2. errors in the user's words --------------------------------------------------------------------------
def test_errors_name_the_option_typed(daemon, ctl_as):
    message = failed(ctl_as("rdt-board", daemon, "interest", "declare", "--kind", "gift", "--organisation", "ESN",
                            "--description", "x", "--since", days(3)), 65)
    assert message.startswith("invalid value for --since: must not lie in the future"), message
    ok(ctl_as("rdt-board", daemon, "interest", "declare", "--kind", "gift", "--organisation", "ESN",
              "--description", "x", "--since", days(-3)))
    message = failed(ctl_as("rdt-board", daemon, "interest", "end", "I-1", "--on", days(-10)), 65)
    assert message.startswith("invalid value for --on: must not lie before the start"), message
    message = failed(ctl_as("rdt-board", daemon, "interest", "confirm", "--nothing-to-declare", "--yes"), 65)
    assert message.startswith("invalid value for --nothing-to-declare:"), message
    assert "nothingToDeclare" not in message and "confirm without --nothing-to-declare" in message


# -- 3. imports: every bad row, semicolons, the header --------------------------------------------------------
def import_file(binary, tmp_path, daemon, content, command=("risk", "import"), name="register.csv"):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path, riskctl(binary, *command, str(path), "--socket", daemon.path)


def test_import_reports_every_bad_row_and_sends_nothing(riskctl_binary, tmp_path, listener):
    daemon = listener()
    content = ("title,category,likelihood,impact\nA,governance,4,4\nB,governance,high,4\n,governance,2,2\n"
               "D,governance,2,9\nE,governance,2,2,extra\n")
    path, result = import_file(riskctl_binary, tmp_path, daemon, content)
    assert result.returncode == 65 and result.stdout == ""
    assert result.stderr.splitlines() == [
        "riskctl: %s:3: likelihood: must be a whole number from 1 to 5, not 'high'" % path,
        "riskctl: %s:4: title: empty, but required" % path,
        "riskctl: %s:5: impact: must be a whole number from 1 to 5, not '9'" % path,
        "riskctl: %s:6: 5 fields, but the header has 4" % path,
        "riskctl: %s: 4 problems, nothing was imported" % path,
    ]
    assert daemon.calls == []


def test_semicolon_separated_register_imports(riskctl_binary, tmp_path, listener):
    daemon = listener([{"parameters": {"ids": [1, 2]}}])
    content = ("\ufefftitle;category;likelihood;impact;description\r\n"
               "Financiranje;financial;3;4;\"Jedan; dva\"\r\nDrugi;governance;2;2;\r\n")
    _, result = import_file(riskctl_binary, tmp_path, daemon, content)
    assert result.returncode == 0, result.stderr
    assert daemon.calls[0]["parameters"]["risks"] == [
        {"title": "Financiranje", "category": "financial", "likelihood": 3, "impact": 4,
         "description": "Jedan; dva"},
        {"title": "Drugi", "category": "governance", "likelihood": 2, "impact": 2}]


def test_semicolon_separated_organisations_import(riskctl_binary, tmp_path, listener):
    daemon = listener([{"parameters": {"ids": [5]}}])
    content = "name;aliases;kind\nWestern Balkan Fund;\"WBF;Western Balkans Fund\";funder\n"
    _, result = import_file(riskctl_binary, tmp_path, daemon, content, command=("org", "import"))
    assert result.returncode == 0, result.stderr
    assert daemon.calls[0]["parameters"]["organisations"] == [
        {"name": "Western Balkan Fund", "aliases": ["WBF", "Western Balkans Fund"], "kind": "funder"}]


def test_header_problems_are_all_named(riskctl_binary, tmp_path, listener):
    daemon = listener()
    path, result = import_file(riskctl_binary, tmp_path, daemon, "title;categroy;likelihood\nA;governance;4\n")
    assert result.returncode == 65
    lines = result.stderr.splitlines()
    assert lines[0].startswith("riskctl: %s:1: categroy: unknown column; did you mean category?" % path)
    assert lines[1:] == ["riskctl: %s:1: category: missing column" % path,
                         "riskctl: %s:1: impact: missing column" % path,
                         "riskctl: %s: 3 problems, nothing was imported" % path]
    path, result = import_file(riskctl_binary, tmp_path, daemon, "title\tcategory\tlikelihood\timpact\nA\tg\t4\t4\n")
    assert result.returncode == 65
    assert "separated by tabs" in one_error_line(result)
    assert daemon.calls == []


# -- 4. help, completion, unknown commands --------------------------------------------------------------------
NEW_COMMANDS = [["action"], ["action", "list"], ["risk", "action", "update"], ["ethics", "diff"],
                ["interest"], ["interest", "confirm"], ["org"], ["org", "import"], ["review"], ["member"],
                ["conflicts"], ["conflicts", "check"]]


@pytest.mark.parametrize("command", COMMANDS + NEW_COMMANDS, ids=lambda c: " ".join(c) or "riskctl")
def test_every_help_ends_with_an_example_from_the_manual(riskctl_binary, command):
    result = riskctl(riskctl_binary, *command, "--help")
    assert result.returncode == 0 and result.stderr == ""
    assert "\nEXAMPLE:\n  riskctl " in result.stdout, result.stdout
    example = result.stdout.split("\nEXAMPLE:\n", 1)[1].splitlines()[0].strip().rstrip("\\").strip()
    assert example in MANUAL, example


def test_help_subcommand_shows_the_example_too(riskctl_binary):
    result = riskctl(riskctl_binary, "help", "risk", "add")
    assert result.returncode == 0
    assert "EXAMPLE:\n  riskctl risk add --title" in result.stdout


@pytest.mark.parametrize("args,message", [
    (["rsik"], "unknown command 'rsik'; did you mean 'risk'? (see 'riskctl --help')"),
    (["risk", "lsit"], "unknown command 'lsit'; did you mean 'list'? (see 'riskctl risk --help')"),
    (["ethcis", "ack"], "unknown command 'ethcis'; did you mean 'ethics'?"),
    (["frobnicate"], "unknown command 'frobnicate' (see 'riskctl --help')"),
])
def test_unknown_command_suggests_the_nearest(riskctl_binary, tmp_path, args, message):
    result = riskctl(riskctl_binary, *args, "--socket", str(tmp_path / "missing"))
    assert result.returncode == 64
    assert one_error_line(result).startswith(message)


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_offers_option_values(riskctl_binary, shell):
    result = riskctl(riskctl_binary, "--generate-completion-script", shell)
    assert result.returncode == 0
    for value in ["funder", "governance", "mitigating", "insignificant", "family"]:
        assert value in result.stdout, (shell, value)


def test_manual_says_how_to_install_completions():
    assert ".Sh SHELL COMPLETION" in MANUAL
    assert "riskctl --generate-completion-script bash" in MANUAL


# -- 5. --version ---------------------------------------------------------------------------------------------
def test_version_names_riskctl_and_the_daemon(riskctl_binary, listener, tmp_path):
    daemon = listener([{"parameters": {"vendor": "riskd", "product": "riskd", "version": "0.9.1",
                                       "url": "https://example.org", "interfaces": ["org.riskd.risk"]}}])
    result = riskctl(riskctl_binary, "--version", "--socket", daemon.path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert re.fullmatch(r"riskctl \d+\.\d+\.\d+", lines[0])
    assert lines[1] == "riskd 0.9.1 (socket %s)" % daemon.path
    assert daemon.calls[0]["method"] == "org.varlink.service.GetInfo"
    result = riskctl(riskctl_binary, "--version", "--socket", str(tmp_path / "missing"))
    assert result.returncode == 0 and len(result.stdout.splitlines()) == 1
    assert "riskd did not answer" in result.stderr


# -- 6. ethics diff ---------------------------------------------------------------------------------------------
V1 = "# Code\n\n1. Be honest.\n2. Declare interests.\n3. Keep secrets.\n"
V2 = "# Code\n\n1. Be honest.\n2. Declare every interest within 28 days.\n3. Keep secrets.\n4. Be kind.\n"


def test_ethics_diff_against_the_acknowledged_version(daemon, ctl_as):
    ok(ctl_as("rdt-admin", daemon, "ethics", "publish", "-", "--title", "Code", input=V1))
    out = ok(ctl_as("rdt-board", daemon, "ethics", "diff"))
    assert out.startswith("You have not acknowledged any version")
    ok(ctl_as("rdt-board", daemon, "ethics", "ack", "--yes"))
    assert "nothing changed" in ok(ctl_as("rdt-board", daemon, "ethics", "diff"))
    ok(ctl_as("rdt-admin", daemon, "ethics", "publish", "-", "--title", "Code", input=V2))
    out = ok(ctl_as("rdt-board", daemon, "ethics", "diff"))
    lines = out.splitlines()
    assert lines[0].startswith("--- version 1, Code") and lines[1].startswith("+++ version 2, Code")
    assert "-2. Declare interests." in lines and "+2. Declare every interest within 28 days." in lines
    assert "+4. Be kind." in lines and " 1. Be honest." in lines
    assert ok(ctl_as("rdt-board", daemon, "ethics", "diff", "1", "2")) == out
    assert "What changed" not in ok(ctl_as("rdt-board", daemon, "ethics", "ack", "--yes", "--json"))
    assert json.loads(ok(ctl_as("rdt-board", daemon, "ethics", "diff", "1", "2", "--json")))["to"]["body"] == V2


def test_ethics_ack_shows_what_changed_before_asking(daemon, users, user_riskctl):
    from test_integrity_cli import on_terminal
    daemon.call("org.riskd.ethics.Publish", title="Code", body=V1)
    status, _, shown = on_terminal(users["rdt-board"], user_riskctl, daemon, ["ethics", "ack"], "y\n")
    assert status == 0, shown
    daemon.call("org.riskd.ethics.Publish", title="Code", body=V2)
    status, stdout, shown = on_terminal(users["rdt-board"], user_riskctl, daemon, ["ethics", "ack"], "y\n")
    assert status == 0, shown
    assert "What changed since version 1, which you acknowledged:" in stdout
    assert "+4. Be kind." in stdout and stdout.index("+4. Be kind.") < stdout.index("Acknowledged version 2")


def code(version, body):
    return {"version": version, "title": "Code", "body": body, "sha256": "0" * 64,
            "publishedAt": "2026-11-29T06:00:00Z", "publishedBy": "ana"}


def run_with_terminal_stdout(binary, args, env):
    controller, terminal = pty.openpty()
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "NO_COLOR": "1", "TERM": "dumb"}
    environment.update(env)
    process = subprocess.run([binary, *args], stdout=terminal, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                             env=environment, timeout=30)
    os.close(terminal)
    os.close(controller)
    return process.returncode


@pytest.mark.parametrize("no_pager", [False, True])
def test_ethics_diff_goes_through_the_pager_on_a_terminal_only(riskctl_binary, listener, tmp_path, no_pager):
    paged = tmp_path / "paged.txt"
    replies = [{"parameters": {"code": code(2, V2)}}, {"parameters": {"code": code(1, V1)}}]
    env = {"PAGER": "cat > %s" % paged}
    daemon = listener(replies)
    args = ["ethics", "diff", "1", "2", "--socket", daemon.path] + (["--no-pager"] if no_pager else [])
    assert run_with_terminal_stdout(riskctl_binary, args, env) == 0
    assert paged.exists() != no_pager
    if not no_pager:
        assert "+4. Be kind." in paged.read_text()
    daemon = listener(list(replies))
    result = riskctl(riskctl_binary, "ethics", "diff", "1", "2", "--socket", daemon.path, env=env)
    assert result.returncode == 0 and "+4. Be kind." in result.stdout


# -- 7. audit log ------------------------------------------------------------------------------------------------
def entry(seq, detail):
    return {"seq": seq, "at": "2026-11-29T06:00:0%dZ" % seq, "actor": "ana", "uid": 1000,
            "method": "org.riskd.risk.Add", "subject": "risk:%d" % seq, "detail": json.dumps(detail), "hash": "ab"}


def test_audit_log_newest_first_with_readable_detail(riskctl_binary, listener):
    entries = [entry(1, {"title": "No code", "likelihood": 4}), entry(2, {"id": 2}),
               entry(3, {"note": "sha256:" + "f" * 64, "ok": True})]
    page = [{"parameters": {"entries": entries, "next": None}}]
    result = riskctl(riskctl_binary, "audit", "log", "--socket", listener(page).path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["SEQ", "TIME", "ACTOR", "METHOD", "SUBJECT", "DETAIL"]
    assert [line.split()[0] for line in lines[1:4]] == ["3", "2", "1"]
    assert lines[1].endswith("note=sha256:ffffffffffff… ok=true")
    assert lines[3].endswith('likelihood=4 title="No code"')
    assert lines[-1] == "3 entries listed, newest first."
    result = riskctl(riskctl_binary, "audit", "log", "--oldest-first", "--no-legend", "--socket",
                     listener(page).path)
    assert [line.split()[0] for line in result.stdout.splitlines()] == ["1", "2", "3"]
    result = riskctl(riskctl_binary, "audit", "log", "--limit", "1", "--no-legend", "--socket", listener(page).path)
    assert [line.split()[0] for line in result.stdout.splitlines()] == ["3"]
    result = riskctl(riskctl_binary, "audit", "log", "--json", "--socket", listener(page).path)
    assert json.loads(result.stdout) == {"entries": entries, "next": None}


# -- 8. actions across the register ------------------------------------------------------------------------------
def test_action_list_and_update(daemon, ctl_as, users):
    daemon.call("org.riskd.risk.Import", risks=[
        {"title": "First", "category": "governance", "likelihood": 4, "impact": 4},
        {"title": "Second", "category": "financial", "likelihood": 3, "impact": 3}])
    ok(ctl_as("rdt-admin", daemon, "risk", "action", "add", "R-1", "--description", "Late step",
              "--owner", "rdt-board", "--due", days(-2)))
    ok(ctl_as("rdt-admin", daemon, "risk", "action", "add", "R-2", "--description", "Next step",
              "--owner", "rdt-admin", "--due", days(30)))
    listed = ok(ctl_as("rdt-audit", daemon, "action", "list")).splitlines()
    assert listed[0].split() == ["ACTION", "RISK", "DUE", "OWNER", "STATUS", "DESCRIPTION"]
    assert [line.split()[:5] for line in listed[1:3]] == [
        ["A-1", "R-1", days(-2), "rdt-board", "overdue"], ["A-2", "R-2", days(30), "rdt-admin", "open"]]
    assert listed[-1] == "2 actions listed, 1 overdue."
    assert [line.split()[0] for line in ok(ctl_as("rdt-audit", daemon, "action", "list", "--overdue",
                                                  "--no-legend")).splitlines()] == ["A-1"]
    assert [line.split()[0] for line in ok(ctl_as("rdt-audit", daemon, "action", "list", "--owner", "rdt-admin",
                                                  "--no-legend")).splitlines()] == ["A-2"]
    assert ok(ctl_as("rdt-audit", daemon, "action", "list", "--due-before", days(-2), "--no-legend")) == ""
    as_json = json.loads(ok(ctl_as("rdt-audit", daemon, "action", "list", "--json")))
    assert as_json == {"actions": daemon.call("org.riskd.risk.Get", id=1)["actions"]
                       + daemon.call("org.riskd.risk.Get", id=2)["actions"]}

    message = failed(ctl_as("rdt-admin", daemon, "risk", "action", "update", "A-1", "--owner", "rdt-ghost"), 65)
    assert message == "--owner: no user 'rdt-ghost' on this system; give a login name (see getent passwd)"
    assert failed(ctl_as("rdt-admin", daemon, "risk", "action", "add", "R-1", "--description", "x",
                         "--owner", "rdt-ghost", "--due", days(3)), 65).startswith("--owner: no user 'rdt-ghost'")
    assert failed(ctl_as("rdt-admin", daemon, "action", "list", "--owner", "rdt-ghost"), 65)
    out = ok(ctl_as("rdt-admin", daemon, "risk", "action", "update", "A-1", "--due", days(10), "--owner", "rdt-audit"))
    assert out == "A-1 of R-1: due %s, owner rdt-audit, open.\n" % days(10)
    action = daemon.call("org.riskd.risk.Get", id=1)["actions"][0]
    assert (action["dueOn"], action["owner"]) == (days(10), "rdt-audit")
    assert "nothing to change" in failed(ctl_as("rdt-admin", daemon, "risk", "action", "update", "A-1"), 64)
