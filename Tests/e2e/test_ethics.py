"""The ethical code end to end: org.riskd.ethics through the python varlink client run as real test users, and
`riskctl ethics` as those users, against a running riskd.

Configuration (conftest): admins = unix-group:rdt-admin, board = unix-group:rdt-board (the primary group of
rdt-board, which /etc/group does not list as a member), auditors = unix-user:rdt-audit; rdt-nobody holds no role.
Every refusal is checked by its error name, and by the audit trail and the code's state being unchanged.
"""

import grp
import hashlib
import json
import os
import pty
import shutil
import socket
import sqlite3
import subprocess
import threading
from pathlib import Path

import pytest

from riskd_e2e import REPO, Daemon, DaemonFactory, VarlinkCallError, make_test_dir, refusal_tells_nothing_else

ETHICS = "org.riskd.ethics"
DENIED = "org.varlink.service.PermissionDenied"
EXAMPLE = REPO / "examples" / "ethical-code.md"
V1 = "Be honest.\nDeclare every interest within 28 days.\n"
V2 = "Be honest.\nDeclare every interest within 28 days.\nRefuse gifts worth more than 50 EUR.\n"


def sha256(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def state(daemon):
    """What a refusal must leave alone: the audit trail, the versions, and the acknowledgements."""
    verify = daemon.call("org.riskd.audit.Verify")
    status = daemon.call(ETHICS + ".Status")
    return {"entries": verify["entries"], "head": verify["head"], "ok": verify["ok"],
            "versions": daemon.call(ETHICS + ".Versions")["codes"], "acknowledged": status["acknowledged"]}


def refused(daemon, call, error, parameters=None):
    """Runs `call()`, which must fail with `error` (and `parameters`), and checks that nothing changed."""
    before = state(daemon)
    with pytest.raises(VarlinkCallError) as excinfo:
        call()
    assert excinfo.value.error == error, excinfo.value.reply
    if parameters is not None:
        assert excinfo.value.parameters == parameters
    assert state(daemon) == before
    return excinfo.value


def publish(daemon, body=V1, title="Code of Ethics"):
    return daemon.call(ETHICS + ".Publish", title=title, body=body)["code"]


def ethics(user_calls, user, daemon, *calls):
    """Calls of org.riskd.ethics made by the python varlink client running as `user`."""
    return user_calls(user, daemon.socket, [(ETHICS, method, parameters) for method, parameters in calls])


@pytest.fixture
def ctl_as(user_riskctl, as_user):
    """ctl_as(user, daemon, *args, input="") -> CompletedProcess of riskctl run as that test user."""

    def run(user, daemon, *args, input=""):
        return as_user(user, [user_riskctl, *map(str, args)], input=input, env={"RISKD_SOCKET": daemon.socket})

    return run


def one_error_line(result, status):
    assert result.returncode == status, "riskctl exited %d, expected %d\nstdout: %s\nstderr: %s" % (
        result.returncode, status, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("riskctl: "), result.stderr
    return lines[0][len("riskctl: "):]


def ok(result):
    assert result.returncode == 0, "riskctl exited %d\nstdout: %s\nstderr: %s" % (
        result.returncode, result.stdout, result.stderr)
    assert result.stderr == ""
    return result.stdout


# -- the protocol, through the python varlink client as each user -------------------------------------------
def test_nothing_published(daemon, user_calls):
    current, versions, get, status = ethics(user_calls, "rdt-audit", daemon, ("Current", {}), ("Versions", {}),
                                            ("Get", {"version": 1}), ("Status", {}))
    assert current["ok"] and current["parameters"].get("code") is None, current
    assert versions == {"ok": True, "parameters": {"codes": []}}
    assert get == {"ok": False, "error": ETHICS + ".NoSuchVersion", "parameters": {"version": 1}}
    assert status["ok"] and status["parameters"]["acknowledged"] == [] and status["parameters"]["pending"] == []
    assert status["parameters"].get("version") is None


def test_only_admins_publish(daemon, user_calls):
    before = state(daemon)
    for user in ("rdt-board", "rdt-audit", "rdt-nobody"):
        [result] = ethics(user_calls, user, daemon, ("Publish", {"title": "Code of Ethics", "body": V1}))
        assert not result["ok"] and result["error"] == DENIED, (user, result)
        assert refusal_tells_nothing_else(result["parameters"], user), (user, result)
    assert state(daemon) == before
    [published] = ethics(user_calls, "rdt-admin", daemon, ("Publish", {"title": "Code of Ethics", "body": V1}))
    assert published["ok"], published
    code = published["parameters"]["code"]
    assert code["version"] == 1 and code["title"] == "Code of Ethics" and code["body"] == V1
    assert code["sha256"] == sha256(V1) and code["publishedBy"] == "rdt-admin"
    entry = daemon.call("org.riskd.audit.Log", subject="ethics:1")["entries"]
    assert [(e["actor"], e["method"]) for e in entry] == [("rdt-admin", ETHICS + ".Publish")]
    detail = json.loads(entry[0]["detail"])
    assert detail == {"version": 1, "title": "Code of Ethics", "body": "sha256:" + sha256(V1)}


@pytest.mark.parametrize("title,body,field", [
    ("", V1, "title"),
    ("   ", V1, "title"),
    ("Code\nof Ethics", V1, "title"),
    ("Code of Ethics", "", "body"),
    ("Code of Ethics", " \n\n ", "body"),
    ("Code of Ethics", "Line one\r\nLine two\r\n", "body"),
    ("Code of Ethics", "Visible\rHidden", "body"),
    ("Code of Ethics", "Clear \x1b[2J screen", "body"),
    ("Code of Ethics", "x" * 131073, "body"),
], ids=["empty-title", "blank-title", "two-line-title", "empty-body", "blank-body", "crlf", "lone-cr", "escape",
        "too-long"])
def test_publish_refuses_bad_text(daemon, title, body, field):
    publish(daemon)
    error = refused(daemon, lambda: publish(daemon, body=body, title=title), ETHICS + ".InvalidValue")
    assert error.parameters["field"] == field and error.parameters["reason"]


def test_acknowledgement_lifecycle(daemon, user_calls):
    """Publish v1, a wrong hash refused, acknowledge v1, publish v2: v1 no longer counts, then acknowledge v2."""
    v1 = publish(daemon, V1)
    status = daemon.call(ETHICS + ".Status")
    # rdt-board holds the board role through its primary group, which /etc/group does not list.
    assert status["version"] == 1 and status["acknowledged"] == [] and status["pending"] == ["rdt-board"]

    before = state(daemon)
    wrong, malformed, future = ethics(user_calls, "rdt-board", daemon,
                                      ("Acknowledge", {"version": 1, "sha256": sha256(V1 + " ")}),
                                      ("Acknowledge", {"version": 1, "sha256": "not-a-hash"}),
                                      ("Acknowledge", {"version": 2, "sha256": v1["sha256"]}))
    assert wrong == {"ok": False, "error": ETHICS + ".HashMismatch", "parameters": {"version": 1}}
    assert malformed["error"] == ETHICS + ".InvalidValue" and malformed["parameters"]["field"] == "sha256"
    assert future == {"ok": False, "error": ETHICS + ".NoSuchVersion", "parameters": {"version": 2}}
    assert state(daemon) == before

    first, again = ethics(user_calls, "rdt-board", daemon,
                          ("Acknowledge", {"version": 1, "sha256": v1["sha256"]}),
                          ("Acknowledge", {"version": 1, "sha256": v1["sha256"]}))
    assert first["ok"], first
    acknowledgement = first["parameters"]["acknowledgement"]
    assert acknowledgement["user"] == "rdt-board" and acknowledgement["version"] == 1
    assert acknowledgement["sha256"] == v1["sha256"]
    assert again == first, "acknowledging again must return the first acknowledgement"
    assert daemon.audit_entries() == before["entries"] + 1
    status = daemon.call(ETHICS + ".Status")
    assert status == {"version": 1, "acknowledged": [acknowledgement], "pending": []}

    v2 = publish(daemon, V2)
    assert v2["version"] == 2 and v2["sha256"] == sha256(V2)
    status = daemon.call(ETHICS + ".Status")
    assert status == {"version": 2, "acknowledged": [], "pending": ["rdt-board"]}

    before = state(daemon)
    [stale] = ethics(user_calls, "rdt-board", daemon, ("Acknowledge", {"version": 1, "sha256": v1["sha256"]}))
    assert stale == {"ok": False, "error": ETHICS + ".NotCurrent", "parameters": {"version": 1, "current": 2}}
    [old_text] = ethics(user_calls, "rdt-board", daemon, ("Acknowledge", {"version": 2, "sha256": v1["sha256"]}))
    assert old_text == {"ok": False, "error": ETHICS + ".HashMismatch", "parameters": {"version": 2}}
    assert state(daemon) == before

    [current] = ethics(user_calls, "rdt-board", daemon, ("Acknowledge", {"version": 2, "sha256": v2["sha256"]}))
    assert current["ok"], current
    status = daemon.call(ETHICS + ".Status")
    assert status["pending"] == [] and [a["user"] for a in status["acknowledged"]] == ["rdt-board"]
    assert daemon.call("org.riskd.audit.Verify")["ok"] is True
    log = daemon.call("org.riskd.audit.Log", subject="ethics:2")["entries"]
    assert [(e["actor"], e["method"]) for e in log] == [("root", ETHICS + ".Publish"),
                                                        ("rdt-board", ETHICS + ".Acknowledge")]
    assert json.loads(log[1]["detail"]) == {"version": 2, "sha256": v2["sha256"]}


def test_roles_on_reads_and_acknowledgement(daemon, user_calls):
    code = publish(daemon)
    calls = [("Current", {}), ("Get", {"version": 1}), ("Versions", {}), ("Status", {}),
             ("Acknowledge", {"version": 1, "sha256": code["sha256"]})]
    audit = dict(zip([c[0] for c in calls], ethics(user_calls, "rdt-audit", daemon, *calls)))
    assert all(result["ok"] for result in audit.values()), audit
    assert audit["Current"]["parameters"]["code"] == code
    assert audit["Get"]["parameters"]["code"] == code
    assert audit["Versions"]["parameters"]["codes"] == [
        {key: code[key] for key in ("version", "title", "sha256", "publishedAt")}]
    assert audit["Acknowledge"]["parameters"]["acknowledgement"]["user"] == "rdt-audit"

    board = dict(zip([c[0] for c in calls], ethics(user_calls, "rdt-board", daemon, *calls)))
    assert board["Status"]["error"] == DENIED and refusal_tells_nothing_else(board["Status"]["parameters"], "rdt-board")
    assert all(board[m]["ok"] for m in ("Current", "Get", "Versions", "Acknowledge")), board

    nobody = ethics(user_calls, "rdt-nobody", daemon, *calls)
    assert all(r["error"] == DENIED and refusal_tells_nothing_else(r["parameters"], "rdt-nobody")
               for r in nobody), nobody
    status = daemon.call(ETHICS + ".Status")
    assert sorted(a["user"] for a in status["acknowledged"]) == ["rdt-audit", "rdt-board"]
    assert status["pending"] == []


def test_pending_and_member_list_agree_on_who_is_a_member(daemon):
    """One definition of a member, a holder of the board role: a user recorded once (root, on the board under
    another configuration) is pending in neither ethics status nor the member list."""
    publish(daemon)
    with sqlite3.connect(daemon.database, timeout=10) as db:
        db.execute("INSERT INTO member(user, uid, first_seen_at, last_seen_at) VALUES "
                   "('root', 0, '2025-01-01T00:00:00Z', '2025-06-01T00:00:00Z')")
    members = [m["user"] for m in daemon.call("org.riskd.member.List")["members"]]
    assert members == ["rdt-board"]
    assert daemon.call(ETHICS + ".Status")["pending"] == members


@pytest.fixture
def listed_group(users):
    """A group `rdt-ethics` whose /etc/group entry lists rdt-nobody; removed afterwards."""
    name = "rdt-ethics"
    subprocess.run(["groupdel", name], capture_output=True, timeout=30)
    subprocess.run(["groupadd", "--system", name], check=True, capture_output=True, timeout=30)
    subprocess.run(["gpasswd", "-a", "rdt-nobody", name], check=True, capture_output=True, timeout=30)
    assert "rdt-nobody" in grp.getgrnam(name).gr_mem
    yield name
    subprocess.run(["groupdel", name], capture_output=True, timeout=30)


def test_pending_resolves_board_identities_through_nss(listed_group, users):
    """Listed users (by name and by uid), members listed in a group, and users whose primary group it is."""
    factory = DaemonFactory()
    daemon = Daemon(make_test_dir())
    factory.daemons.append(daemon)
    Path(daemon.config).write_text("\n".join([
        'socket_mode = "0666"', "[access]", 'admins = ["unix-group:rdt-admin"]',
        'board = ["unix-group:%s", "unix-group:rdt-board", "unix-user:%d", "unix-user:rdt-audit"]'
        % (listed_group, users["rdt-admin"].uid),
        'auditors = ["unix-user:rdt-audit"]', ""]))
    try:
        daemon.start()
        assert daemon.call(ETHICS + ".Status")["pending"] == []
        publish(daemon)
        assert daemon.call(ETHICS + ".Status")["pending"] == ["rdt-admin", "rdt-audit", "rdt-board", "rdt-nobody"]
    finally:
        factory.finish()


# -- riskctl ----------------------------------------------------------------------------------------------
@pytest.fixture
def readable_dir():
    """A directory the test users can read files in (pytest's tmp_path is closed to them)."""
    directory = make_test_dir()
    yield directory
    shutil.rmtree(directory, ignore_errors=True)


def readable_file(directory, name, data):
    path = directory / name
    path.write_bytes(data)
    path.chmod(0o644)
    return path


def test_riskctl_publish_show_versions(daemon, ctl_as, readable_dir):
    started = daemon.audit_entries()  # riskd's own: the board it saw at start
    example = EXAMPLE.read_text(encoding="utf-8")
    code_file = readable_file(readable_dir, "ethical-code.md", example.encode("utf-8"))
    denied = ctl_as("rdt-board", daemon, "ethics", "publish", code_file, "--title", "Code of Ethics")
    assert one_error_line(denied, 77) == ("permission denied: publishing the ethical code is for the secretariat "
                                          "(group rdt-admin); you are rdt-board: board member")
    assert daemon.call(ETHICS + ".Versions")["codes"] == [] and daemon.audit_entries() == started

    out = ok(ctl_as("rdt-admin", daemon, "ethics", "publish", code_file, "--title", "Code of Ethics"))
    assert out == 'Published version 1 of the ethical code, "Code of Ethics" (SHA-256 %s).\n' % sha256(example)
    crlf = readable_file(readable_dir, "crlf.md", V2.replace("\n", "\r\n").encode())
    out = ok(ctl_as("rdt-admin", daemon, "ethics", "publish", crlf, "--title", "Code of Ethics, 2nd edition"))
    assert "version 2" in out and sha256(V2) in out
    assert daemon.call(ETHICS + ".Get", version=2)["code"]["body"] == V2

    piped = ok(ctl_as("rdt-admin", daemon, "ethics", "publish", "-", "--title", "From standard input", input=V1))
    assert piped == 'Published version 3 of the ethical code, "From standard input" (SHA-256 %s).\n' % sha256(V1)
    assert daemon.call(ETHICS + ".Current")["code"]["body"] == V1
    assert ok(ctl_as("rdt-admin", daemon, "ethics", "publish", crlf, "--title", "Code of Ethics, 2nd edition"))

    shown = ok(ctl_as("rdt-board", daemon, "ethics", "show"))
    assert "Title: Code of Ethics, 2nd edition" in shown and "Version: 4 (current)" in shown
    assert "SHA-256: " + sha256(V2) in shown and "by rdt-admin" in shown
    assert shown.rstrip("\n").endswith(V2.rstrip("\n"))
    first = ok(ctl_as("rdt-board", daemon, "ethics", "show", "--version", "1"))
    assert "Version: 1\n" in first and sha256(example) in first
    assert "## 4. Respect and non-discrimination" in first

    versions = ok(ctl_as("rdt-audit", daemon, "ethics", "versions"))
    lines = versions.splitlines()
    assert lines[0].split() == ["VERSION", "PUBLISHED", "SHA-256", "TITLE"]
    assert [line.split()[0] for line in lines[1:5]] == ["1", "2", "3", "4"]
    assert lines[4].endswith("Code of Ethics, 2nd edition")
    assert lines[4].split()[2] == sha256(V2)[:12] + "…"
    assert lines[-1] == "4 versions listed; version 4 is current."

    for args, method, parameters in [(["show"], "Current", {}), (["show", "--version", "1"], "Get", {"version": 1}),
                                     (["versions"], "Versions", {}), (["status"], "Status", {})]:
        printed = json.loads(ok(ctl_as("rdt-audit", daemon, "ethics", *args, "--json")))
        assert printed == daemon.call(ETHICS + "." + method, **parameters), args


def test_riskctl_errors(daemon, ctl_as, readable_dir):
    started = daemon.audit_entries()  # riskd's own: the board it saw at start
    nothing = ctl_as("rdt-board", daemon, "ethics", "show")
    assert one_error_line(nothing, 66) == "no ethical code has been published yet"
    nothing = ctl_as("rdt-board", daemon, "ethics", "ack", "--yes")
    assert one_error_line(nothing, 66) == "no ethical code has been published yet"
    assert ok(ctl_as("rdt-audit", daemon, "ethics", "status")) == "No ethical code has been published yet.\n"
    publish(daemon)
    missing = ctl_as("rdt-board", daemon, "ethics", "show", "--version", "9")
    assert one_error_line(missing, 66) == "no version 9 of the ethical code"
    denied = ctl_as("rdt-board", daemon, "ethics", "status")
    assert one_error_line(denied, 77).startswith(
        "permission denied: seeing who acknowledged the ethical code is for the secretariat (group rdt-admin) and")
    usage = ctl_as("rdt-board", daemon, "ethics", "show", "--version", "0")
    assert one_error_line(usage, 64).startswith("--version must be 1 or more")
    empty = readable_file(readable_dir, "empty.md", b"\n")
    invalid = ctl_as("rdt-admin", daemon, "ethics", "publish", empty, "--title", "Code")
    assert one_error_line(invalid, 65) == "invalid value for the text of <file>: must not be empty"
    absent = ctl_as("rdt-admin", daemon, "ethics", "publish", "/nonexistent/code.md", "--title", "Code")
    assert one_error_line(absent, 66).startswith("cannot read /nonexistent/code.md")
    assert daemon.audit_entries() == started + 1


def test_riskctl_ack_as_board_member(daemon, ctl_as):
    code = publish(daemon, V1)
    before = state(daemon)
    # No terminal and no --yes: refused before anything is sent.
    refused_run = ctl_as("rdt-board", daemon, "ethics", "ack", input="y\n")
    assert "--yes" in one_error_line(refused_run, 64)
    assert refused_run.stdout == ""
    assert state(daemon) == before

    pending = ok(ctl_as("rdt-audit", daemon, "ethics", "status")).splitlines()
    assert [line.split() for line in pending[:2]] == [["USER", "STATUS", "ACKNOWLEDGED"], ["rdt-board", "pending", "-"]]
    assert pending[-1] == "Version 1: 0 acknowledged, 1 pending."

    out = ok(ctl_as("rdt-board", daemon, "ethics", "ack", "--yes"))
    assert "Version: 1 (current)" in out and "SHA-256: " + code["sha256"] in out
    assert "Declare every interest within 28 days." in out
    assert out.splitlines()[-1].startswith("Acknowledged version 1 of the ethical code (SHA-256 %s…) at "
                                           % code["sha256"][:12])
    status = daemon.call(ETHICS + ".Status")
    assert [(a["user"], a["version"], a["sha256"]) for a in status["acknowledged"]] == [
        ("rdt-board", 1, sha256(V1))]
    assert status["pending"] == []

    done = ok(ctl_as("rdt-admin", daemon, "ethics", "status", "--no-legend")).splitlines()
    at = status["acknowledged"][0]["acknowledgedAt"]
    assert [line.split() for line in done] == [["rdt-board", "acknowledged", at]]

    again = json.loads(ok(ctl_as("rdt-board", daemon, "ethics", "ack", "--yes", "--json")))
    assert again == {"acknowledgement": status["acknowledged"][0]}
    assert daemon.audit_entries() == before["entries"] + 1

    publish(daemon, V2)
    assert daemon.call(ETHICS + ".Status")["pending"] == ["rdt-board"]
    out = ok(ctl_as("rdt-board", daemon, "ethics", "ack", "--yes"))
    assert "Refuse gifts worth more than 50 EUR." in out and "Acknowledged version 2" in out
    assert daemon.call(ETHICS + ".Status")["pending"] == []


def run_on_terminal(riskctl_binary, daemon, args, answer):
    """riskctl with a pseudo-terminal as standard input; `answer` is typed once the question appears."""
    controller, terminal = pty.openpty()
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "NO_COLOR": "1",
           "RISKD_SOCKET": daemon.socket}
    process = subprocess.Popen([riskctl_binary, *args], stdin=terminal, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=env)
    os.close(terminal)
    echoed = []
    reader = threading.Thread(target=lambda: echoed.append(_drain(controller)), daemon=True)
    reader.start()
    try:
        # The terminal keeps the line until riskctl reads its answer.
        os.write(controller, answer.encode())
        stdout, stderr = process.communicate(timeout=30)
    finally:
        os.close(controller)
    return process.returncode, stdout.decode(), stderr.decode()


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


def test_riskctl_ack_asks_on_a_terminal(daemon, riskctl_binary):
    code = publish(daemon)
    before = state(daemon)
    status, stdout, stderr = run_on_terminal(riskctl_binary, daemon, ["ethics", "ack"], "n\n")
    assert status == 1, (stdout, stderr)
    assert "Acknowledge version 1? [y/N] " in stderr
    assert stderr.endswith("riskctl: cancelled, nothing was changed\n")
    assert "SHA-256: " + code["sha256"] in stdout
    assert state(daemon) == before

    status, stdout, stderr = run_on_terminal(riskctl_binary, daemon, ["ethics", "ack"], "y\n")
    assert status == 0, (stdout, stderr)
    assert stderr == "Acknowledge version 1? [y/N] "
    assert "Acknowledged version 1" in stdout
    assert [a["user"] for a in daemon.call(ETHICS + ".Status")["acknowledged"]] == ["root"]


# -- riskctl against a fake riskd: which hash it sends, and how it reports refusals -------------------------
class FakeRiskd:
    """A socket that answers Current with a canned code and each Acknowledge with `acknowledge(parameters)`."""

    def __init__(self, path, code, acknowledge):
        self.path, self.code, self.acknowledge, self.calls = str(path), code, acknowledge, []
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.bind(self.path)
        self.sock.listen(4)
        self.sock.settimeout(0.2)
        self.stopping = False
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        while not self.stopping:
            try:
                connection, _ = self.sock.accept()
            except (socket.timeout, OSError):
                continue
            with connection:
                buffer = b""
                while True:
                    chunk = connection.recv(1 << 20)
                    if not chunk:
                        break
                    buffer += chunk
                    while b"\0" in buffer:
                        frame, buffer = buffer.split(b"\0", 1)
                        call = json.loads(frame)
                        self.calls.append(call)
                        if call["method"] == ETHICS + ".Current":
                            reply = {"parameters": {"code": self.code}}
                        else:
                            reply = self.acknowledge(call.get("parameters", {}))
                        connection.sendall(json.dumps(reply).encode() + b"\0")

    def close(self):
        self.stopping = True
        self.thread.join(timeout=5)
        self.sock.close()


def fake_code(body, sha="0" * 64, version=1):
    return {"version": version, "title": "Code", "body": body, "sha256": sha,
            "publishedAt": "2026-11-29T06:00:00Z", "publishedBy": "marko"}


def run_riskctl(binary, socket_path, *args):
    return subprocess.run([binary, *args, "--socket", socket_path], capture_output=True, text=True, timeout=30,
                          env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "NO_COLOR": "1"},
                          stdin=subprocess.DEVNULL)


@pytest.mark.parametrize("body", [
    "a", "x" * 55, "x" * 56, "x" * 63, "x" * 64, "x" * 119, "Budi pošten — čćšžđ, Đorđe.\n",
    "\t\u202eemoji \U0001F600 and more\n" * 3000,
], ids=["one-byte", "55", "56", "63", "64", "119", "diacritics", "long-multibyte"])
def test_riskctl_ack_sends_the_hash_of_the_text_it_showed(riskctl_binary, tmp_path, body):
    """riskd's own sha256 is deliberately wrong here: riskctl must hash the body it printed, not trust the field."""
    fake = FakeRiskd(tmp_path / "s", fake_code(body),
                     lambda p: {"parameters": {"acknowledgement": {
                         "user": "ana", "version": p["version"], "sha256": p["sha256"],
                         "acknowledgedAt": "2026-11-29T07:00:00Z"}}})
    try:
        result = run_riskctl(riskctl_binary, fake.path, "ethics", "ack", "--yes")
    finally:
        fake.close()
    assert result.returncode == 0, result.stderr
    assert fake.calls[1] == {"method": ETHICS + ".Acknowledge",
                             "parameters": {"version": 1, "sha256": sha256(body)}}
    assert "SHA-256: " + sha256(body) in result.stdout


@pytest.mark.parametrize("error,parameters,message", [
    ("NotCurrent", {"version": 1, "current": 2},
     "version 1 of the ethical code is not the current one (2); read the current one and acknowledge that"),
    ("HashMismatch", {"version": 1},
     "the text you read is not that of version 1 of the ethical code; nothing was recorded"),
])
def test_riskctl_ack_conflicts_exit_75(riskctl_binary, tmp_path, error, parameters, message):
    fake = FakeRiskd(tmp_path / "s", fake_code(V1),
                     lambda p: {"error": ETHICS + "." + error, "parameters": parameters})
    try:
        result = run_riskctl(riskctl_binary, fake.path, "ethics", "ack", "--yes")
    finally:
        fake.close()
    assert one_error_line(result, 75) == message
