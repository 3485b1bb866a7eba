"""riskctl on its own: usage errors, CSV errors, exit statuses and --json, without riskd.

Where a reply is needed, a fake daemon in this file answers with canned Varlink messages, so each exit status
of riskctl(1) is checked against the error that causes it. RISKCTL names the binary (default
<repo>/.build/debug/riskctl).
"""

import json
import os
import socket
import subprocess
import threading

import pytest

pytestmark = pytest.mark.riskctl

# Every command of riskctl(1), as argument lists.
COMMANDS = [
    [], ["whoami"], ["status"], ["backup"],
    ["risk"], ["risk", "add"], ["risk", "list"], ["risk", "show"], ["risk", "update"], ["risk", "review"],
    ["risk", "accept"], ["risk", "close"], ["risk", "reopen"], ["risk", "matrix"], ["risk", "import"],
    ["risk", "export"],
    ["risk", "action"], ["risk", "action", "add"], ["risk", "action", "done"], ["risk", "action", "cancel"],
    ["audit"], ["audit", "log"], ["audit", "verify"],
    ["ethics"], ["ethics", "show"], ["ethics", "ack"], ["ethics", "versions"], ["ethics", "status"],
    ["ethics", "publish"],
    ["report"], ["report", "board"],
]

HEADER = "title,description,category,area,owner,likelihood,impact,residualLikelihood,residualImpact,nextReviewDue"


def riskctl(binary, *args, env=None, input=None):
    """Runs riskctl with a clean environment (no RISKD_SOCKET, no colour) plus `env`."""
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "NO_COLOR": "1"}
    environment.update(env or {})
    return subprocess.run([binary, *args], capture_output=True, text=True, env=environment, input=input,
                          timeout=30)


def one_error_line(result):
    """The single `riskctl: …` line on stderr; fails when there is any other output."""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, "expected one line on stderr, got %r" % result.stderr
    assert lines[0].startswith("riskctl: "), lines[0]
    assert "Traceback" not in result.stderr and "Fatal error" not in result.stderr
    return lines[0][len("riskctl: "):]


class Listener:
    """A Unix socket that accepts connections and answers each call with the next canned reply.

    `calls` records every call received, so a test can prove that riskctl sent nothing.
    """

    def __init__(self, path, replies=()):
        self.path = str(path)
        self.replies = list(replies)
        self.calls = []
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.bind(self.path)
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.stopping = False
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while not self.stopping:
            try:
                connection, _ = self.sock.accept()
            except (socket.timeout, OSError):
                continue
            with connection:
                connection.settimeout(5)
                buffer = b""
                while True:
                    try:
                        chunk = connection.recv(65536)
                    except (socket.timeout, OSError):
                        break
                    if not chunk:
                        break
                    buffer += chunk
                    while b"\0" in buffer:
                        frame, buffer = buffer.split(b"\0", 1)
                        self.calls.append(json.loads(frame))
                        reply = self.replies.pop(0) if self.replies else {"error": "org.example.NoReply",
                                                                         "parameters": {}}
                        connection.sendall(json.dumps(reply).encode() + b"\0")

    def close(self):
        self.stopping = True
        self.thread.join(timeout=5)
        self.sock.close()


@pytest.fixture
def listener(tmp_path):
    """listener(replies) -> Listener on a fresh socket, closed at teardown."""
    made = []

    def make(replies=()):
        made.append(Listener(tmp_path / ("s%d" % len(made)), replies))
        return made[-1]

    yield make
    for item in made:
        item.close()


def risk(id, **fields):
    """A Risk as riskd sends it."""
    value = {"id": id, "revision": 1, "title": "Risk %d" % id, "description": "", "category": "governance",
             "owner": "ana", "likelihood": 4, "impact": 4, "score": 16, "severity": "high", "status": "open",
             "nextReviewDue": "2099-01-15", "createdAt": "2026-11-29T06:00:00Z",
             "updatedAt": "2026-11-29T06:00:00Z", "aboveAppetite": False}
    value.update(fields)
    return value


# -- usage ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "riskctl")
def test_help_works_for_every_command(riskctl_binary, command):
    result = riskctl(riskctl_binary, *command, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "USAGE: riskctl" in result.stdout
    if command:
        assert " ".join(command) in result.stdout


def test_version(riskctl_binary):
    result = riskctl(riskctl_binary, "--version")
    assert result.returncode == 0
    assert result.stdout.strip()


@pytest.mark.parametrize("args", [
    ["risk", "list", "--bogus"],
    ["frobnicate"],
    ["risk", "show"],
    ["risk", "show", "X-3"],
    ["risk", "action", "done", "R-3"],
    ["risk", "show", "0"],
    ["risk", "add", "--title", "t", "--category", "governance", "--likelihood", "7", "--impact", "2"],
    ["risk", "add", "--title", "t", "--category", "governance", "--likelihood", "2", "--impact", "2",
     "--residual-likelihood", "1"],
    ["risk", "accept", "R-1", "--until", "2027-02-30", "--note", "n"],
    ["risk", "close", "R-1", "--reason", "bored"],
    ["risk", "update", "R-1"],
    ["risk", "list", "--status", "pending"],
    ["audit", "log", "--limit", "0"],
], ids=lambda a: " ".join(a))
def test_usage_errors_exit_64_with_one_line(riskctl_binary, tmp_path, args):
    result = riskctl(riskctl_binary, *args, "--socket", str(tmp_path / "missing"))
    assert result.returncode == 64, result.stderr
    assert result.stdout == ""
    message = one_error_line(result)
    assert "--help" in message


# -- unreachable daemon --------------------------------------------------------------------------------
@pytest.mark.parametrize("args", [["whoami"], ["status"], ["risk", "list"], ["risk", "show", "R-1"],
                                  ["audit", "verify"]], ids=lambda a: " ".join(a))
def test_missing_socket_exits_69_with_one_line(riskctl_binary, tmp_path, args):
    path = str(tmp_path / "no" / "riskd.sock")
    result = riskctl(riskctl_binary, *args, "--socket", path)
    assert result.returncode == 69
    assert result.stdout == ""
    message = one_error_line(result)
    assert message.startswith("cannot reach riskd at %s: No such file or directory" % path)
    assert "--socket" in message


def test_socket_from_environment(riskctl_binary, tmp_path):
    path = str(tmp_path / "env.sock")
    result = riskctl(riskctl_binary, "whoami", env={"RISKD_SOCKET": path})
    assert result.returncode == 69
    assert path in one_error_line(result)


@pytest.mark.skipif(os.path.exists("/run/riskd/riskd.sock"), reason="the system socket exists here")
def test_socket_in_runtime_directory(riskctl_binary, tmp_path):
    result = riskctl(riskctl_binary, "whoami", env={"XDG_RUNTIME_DIR": str(tmp_path)})
    assert result.returncode == 69
    assert str(tmp_path / "riskd" / "riskd.sock") in one_error_line(result)


# -- CSV import ----------------------------------------------------------------------------------------
BAD_FILES = [
    ("non-integer rating", "title,category,likelihood,impact\nA,governance,4,4\nB,governance,high,4\n",
     "{file}:3: likelihood: must be a whole number from 1 to 5, not 'high'"),
    ("rating out of range", "title,category,likelihood,impact\nA,governance,4,9\n",
     "{file}:2: impact: must be a whole number from 1 to 5, not '9'"),
    ("unknown column", "title,category,likelihood,impact,colour\nA,governance,4,4,red\n",
     "{file}:1: colour: unknown column"),
    ("missing column", "title,category,likelihood\nA,governance,4\n", "{file}:1: impact: missing column"),
    ("required cell empty", "title,category,likelihood,impact\n,governance,4,4\n",
     "{file}:2: title: empty, but required"),
    ("bad date", HEADER + "\nA,,governance,,,4,4,,,2027-02-30\n",
     "{file}:2: nextReviewDue: must be a real date written YYYY-MM-DD, not '2027-02-30'"),
    ("one residual rating", HEADER + "\nA,,governance,,,4,4,2,,\n", "{file}:2: residualImpact:"),
    ("too many fields", "title,category,likelihood,impact\nA,governance,4,4,5\n",
     "{file}:2: 5 fields, but the header has 4"),
    ("unterminated quote", "title,category,likelihood,impact\nA,governance,4,4\n\"B,governance,4,4\n",
     "{file}:3: title: a quoted field is never closed"),
    ("text after quote", "title,category,likelihood,impact\n\"A\"x,governance,4,4\n",
     "{file}:2: title: text after the closing quote"),
    # Row numbers count records, not lines: the quoted line break of row 2 does not shift row 3.
    ("row after a quoted line break", "title,category,likelihood,impact\r\n\"A\r\nstill A\",governance,4,4\r\n"
     "B,governance,0,4\r\n", "{file}:3: likelihood:"),
    ("header only", "title,category,likelihood,impact\n", "{file}: no risks to import"),
    ("empty file", "", "{file}: the file is empty"),
]


@pytest.mark.parametrize("name,content,expected", BAD_FILES, ids=[case[0] for case in BAD_FILES])
def test_bad_csv_exits_65_and_sends_nothing(riskctl_binary, tmp_path, listener, name, content, expected):
    daemon = listener()
    path = tmp_path / "register.csv"
    path.write_bytes(b"\xef\xbb\xbf" + content.encode() if name == "unknown column" else content.encode())
    result = riskctl(riskctl_binary, "risk", "import", str(path), "--socket", daemon.path)
    assert result.returncode == 65, result.stderr
    assert result.stdout == ""
    assert one_error_line(result).startswith(expected.format(file=path))
    assert daemon.calls == []


def test_csv_not_utf8_exits_65(riskctl_binary, tmp_path, listener):
    daemon = listener()
    path = tmp_path / "latin1.csv"
    path.write_bytes("title,category,likelihood,impact\nUdru\u017eenje,governance,4,4\n".encode("cp1250"))
    result = riskctl(riskctl_binary, "risk", "import", str(path), "--socket", daemon.path)
    assert result.returncode == 65
    assert "not UTF-8" in one_error_line(result)
    assert daemon.calls == []


def test_csv_missing_file_exits_66(riskctl_binary, tmp_path):
    path = tmp_path / "absent.csv"
    result = riskctl(riskctl_binary, "risk", "import", str(path), "--socket", str(tmp_path / "s"))
    assert result.returncode == 66
    assert result.stdout == ""
    assert one_error_line(result) == "cannot read %s: No such file or directory" % path


def test_csv_is_sent_as_one_import(riskctl_binary, tmp_path, listener):
    content = ("\ufeff" + "impact,likelihood,title,category,description,nextReviewDue\r\n"
               "4,3,\"Funding, overlapping\",financial,\"Says \"\"we\"\"\non two lines\",2026-11-20\r\n"
               "\r\n"
               "2,2,Second,governance,,\r\n")
    path = tmp_path / "register.csv"
    path.write_text(content, encoding="utf-8")
    daemon = listener([{"parameters": {"ids": [7, 8]}}])
    result = riskctl(riskctl_binary, "risk", "import", str(path), "--socket", daemon.path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Imported 2 risks (R-7, R-8).\n"
    assert [call["method"] for call in daemon.calls] == ["org.riskd.risk.Import"]
    risks = daemon.calls[0]["parameters"]["risks"]
    assert risks[0] == {"title": "Funding, overlapping", "category": "financial", "likelihood": 3, "impact": 4,
                        "description": "Says \"we\"\non two lines", "nextReviewDue": "2026-11-20"}
    assert risks[1] == {"title": "Second", "category": "governance", "likelihood": 2, "impact": 2}


def test_import_error_from_riskd_names_the_row(riskctl_binary, tmp_path, listener):
    rows = "".join("R%d,governance,2,2\n" % n for n in range(4))
    path = tmp_path / "register.csv"
    path.write_text("title,category,likelihood,impact\n" + rows)
    daemon = listener([{"error": "org.riskd.risk.InvalidValue",
                        "parameters": {"field": "risks[2].category", "reason": "must be one of strategic"}}])
    result = riskctl(riskctl_binary, "risk", "import", str(path), "--socket", daemon.path)
    assert result.returncode == 65
    assert result.stdout == ""
    assert one_error_line(result) == "%s:4: category: must be one of strategic" % path


# -- replies and exit statuses -------------------------------------------------------------------------
@pytest.mark.parametrize("error,parameters,status,message", [
    ("org.riskd.risk.NoSuchRisk", {"id": 12}, 66, "no risk R-12"),
    ("org.varlink.service.PermissionDenied", {}, 77,
     "permission denied: reading a risk is for the secretariat, board members and auditors"),
    ("org.riskd.risk.InvalidValue", {"field": "likelihood", "reason": "must be between 1 and 5, not 7"}, 65,
     "invalid value for likelihood: must be between 1 and 5, not 7"),
    ("org.varlink.service.InvalidParameter", {"parameter": "id"}, 65, "invalid parameter id"),
    ("org.riskd.risk.RevisionMismatch", {"id": 12, "revision": 3}, 75, "R-12 was changed"),
    ("org.varlink.service.MethodNotImplemented", {"method": "org.riskd.risk.Get"}, 1, "this riskd does not implement"),
], ids=lambda value: value if isinstance(value, str) else None)
def test_daemon_errors_map_to_exit_statuses(riskctl_binary, listener, error, parameters, status, message):
    daemon = listener([{"error": error, "parameters": parameters}])
    result = riskctl(riskctl_binary, "risk", "show", "r-12", "--socket", daemon.path)
    assert result.returncode == status
    assert result.stdout == ""
    assert one_error_line(result).startswith(message)
    assert daemon.calls[0] == {"method": "org.riskd.risk.Get", "parameters": {"id": 12}}


def test_list_follows_pages_and_json_merges_them(riskctl_binary, listener):
    pages = [{"parameters": {"risks": [risk(1), risk(2)], "next": 2}},
             {"parameters": {"risks": [risk(3)], "next": None}}]
    daemon = listener(pages)
    result = riskctl(riskctl_binary, "risk", "list", "--json", "--socket", daemon.path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"risks": [risk(1), risk(2), risk(3)], "next": None}
    assert [call["parameters"].get("after") for call in daemon.calls] == [None, 2]

    daemon = listener(pages)
    result = riskctl(riskctl_binary, "risk", "list", "--socket", daemon.path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["ID", "SEVERITY", "SCORE"]
    assert [line.split()[0] for line in lines[1:4]] == ["R-1", "R-2", "R-3"]
    assert lines[-1] == "3 risks listed."
    assert "\x1b[" not in result.stdout

    daemon = listener(pages)
    result = riskctl(riskctl_binary, "risk", "list", "--no-legend", "--socket", daemon.path)
    assert [line.split()[0] for line in result.stdout.splitlines()] == ["R-1", "R-2", "R-3"]


def test_export_csv_round_trips_through_import(riskctl_binary, tmp_path, listener):
    exported = risk(4, title="Overlap, with \"quotes\"", description="two\nlines", residualLikelihood=2,
                    residualImpact=3, area="Network")
    daemon = listener([{"parameters": {"risks": [exported], "next": None}}])
    result = riskctl(riskctl_binary, "risk", "export", "--csv", "--socket", daemon.path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "id,status,score,severity," + HEADER
    path = tmp_path / "export.csv"
    path.write_text(result.stdout)
    daemon = listener([{"parameters": {"ids": [5]}}])
    result = riskctl(riskctl_binary, "risk", "import", str(path), "--socket", daemon.path)
    assert result.returncode == 0, result.stderr
    assert daemon.calls[0]["parameters"]["risks"] == [{
        "title": "Overlap, with \"quotes\"", "description": "two\nlines", "category": "governance",
        "area": "Network", "owner": "ana", "likelihood": 4, "impact": 4, "residualLikelihood": 2,
        "residualImpact": 3, "nextReviewDue": "2099-01-15"}]


def test_matrix_has_likelihood_five_on_top(riskctl_binary, listener):
    daemon = listener([{"parameters": {"cells": [{"likelihood": 5, "impact": 1, "count": 2},
                                                 {"likelihood": 1, "impact": 5, "count": 3}]}}])
    result = riskctl(riskctl_binary, "risk", "matrix", "--no-legend", "--socket", daemon.path)
    assert result.returncode == 0, result.stderr
    assert [line.split() for line in result.stdout.splitlines()] == [
        ["5", "2", ".", ".", ".", "."],
        ["4", ".", ".", ".", ".", "."],
        ["3", ".", ".", ".", ".", "."],
        ["2", ".", ".", ".", ".", "."],
        ["1", ".", ".", ".", ".", "3"],
    ]
    assert daemon.calls[0]["parameters"] == {"basis": "current"}


@pytest.mark.parametrize("reply,status,line", [
    ({"ok": True, "entries": 4812, "head": "9f2c5e0a11b2c3d4e5f6"}, 0, "Audit chain intact: 4 812 entries, head"),
    ({"ok": False, "entries": 7, "head": "00", "firstBadSeq": 7}, 1, "Audit chain broken at entry 7"),
])
def test_audit_verify(riskctl_binary, listener, reply, status, line):
    daemon = listener([{"parameters": reply}])
    result = riskctl(riskctl_binary, "audit", "verify", "--socket", daemon.path)
    assert result.returncode == status
    assert result.stdout.startswith(line)
    assert result.stderr == ""


# -- global options before the command ------------------------------------------------------------------
@pytest.mark.parametrize("before", [["--json", "--socket", "{path}"], ["--socket={path}", "--json"],
                                    ["--no-legend", "--yes", "--json", "--socket", "{path}"]],
                         ids=lambda a: " ".join(a))
def test_global_options_before_the_command(riskctl_binary, listener, before):
    pages = [{"parameters": {"risks": [risk(1)], "next": None}}]
    daemon = listener(pages)
    args = [arg.format(path=daemon.path) for arg in before]
    result = riskctl(riskctl_binary, *args, "risk", "list")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"risks": [risk(1)], "next": None}


def test_unknown_option_before_the_command_is_a_usage_error(riskctl_binary, tmp_path):
    result = riskctl(riskctl_binary, "--bogus", "whoami", "--socket", str(tmp_path / "missing"))
    assert result.returncode == 64
    assert "--help" in one_error_line(result)
