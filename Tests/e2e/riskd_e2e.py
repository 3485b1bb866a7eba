"""Helpers shared by the end-to-end tests: raw Varlink connections, a riskd process, test users.

Imported by conftest.py and by the test modules (pytest puts this directory on sys.path, as it holds no
__init__.py). Nothing here is a test.
"""

import grp
import json
import os
import re
import pwd
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
RISKD = os.environ.get("RISKD") or str(REPO / ".build" / "debug" / "riskd")
RISKCTL = os.environ.get("RISKCTL") or str(REPO / ".build" / "debug" / "riskctl")

# Every org.riskd interface: the IDL files of Sources/RiskProtocol/IDL, which the daemon serves.
INTERFACES = sorted(path.name[len("org.riskd."):-len(".varlink")]
                    for path in (REPO / "Sources" / "RiskProtocol" / "IDL").glob("org.riskd.*.varlink"))
RISKD_INTERFACES = ["org.riskd." + name for name in INTERFACES]


def idl_roles():
    """{"org.riskd.risk.Get": {"anyone": False, "grants": {"admin": "yes", "board": "yes", ...}}}: who may call each
    method, from the `# Roles:` line above it in its IDL file (`board(own)` is board with scope own)."""
    roles = {}
    for name in INTERFACES:
        text = (REPO / "Sources" / "RiskProtocol" / "IDL" / ("org.riskd.%s.varlink" % name)).read_text()
        for match in re.finditer(r"^# Roles: (.*)\n(?:#.*\n)*method (\w+)\(", text, re.M):
            grants = {}
            for item in (part.strip() for part in match.group(1).split(",")):
                role, _, scope = item.partition("(")
                grants[role] = scope.rstrip(")") or "yes"
            anyone = match.group(1).strip() == "anyone"
            roles["org.riskd.%s.%s" % (name, match.group(2))] = {"anyone": anyone, "grants": {} if anyone else grants}
    return roles

# The test users, each with a group of its own name; rdt-nobody holds no riskd role, rdt-mailer the mailer role.
TEST_USERS = ["rdt-board", "rdt-audit", "rdt-admin", "rdt-nobody", "rdt-mailer"]
# A second board member (fixture `board2`): rdt-board2, board through SECOND_BOARD_GROUP, whose /etc/group entry
# lists it; a configuration gives it the role with `board=SECOND_BOARD`.
SECOND_BOARD_GROUP = "rdt-integrity"
DEFAULT_BOARD = ["unix-group:rdt-board"]
SECOND_BOARD = DEFAULT_BOARD + ["unix-group:" + SECOND_BOARD_GROUP]

# riskd's exit status when it refuses to start (riskd(8), EXIT STATUS); riskd.service does not restart it.
REFUSED_EXIT = 69
SOCKET_TIMEOUT = 10.0
READY_TIMEOUT = 20.0
STOP_TIMEOUT = 15.0


class VarlinkCallError(Exception):
    """An error reply: `error` is its name, `parameters` its parameters, `reply` the whole message."""

    def __init__(self, reply):
        self.reply = reply
        self.error = reply.get("error")
        self.parameters = reply.get("parameters")
        super().__init__("%s %s" % (self.error, json.dumps(self.parameters, sort_keys=True)))


# The parameters riskd adds to PermissionDenied (riskd-varlink(7)): the refusal in people's words, nothing else.
REFUSAL_PARAMETERS = {"message", "does", "user", "roles", "may"}


def refusal_tells_nothing_else(parameters, user):
    """Whether a PermissionDenied's parameters are the refusal's own words, for `user`, naming no protocol
    identifier, no parameter of the call and no record."""
    return (set(parameters) <= REFUSAL_PARAMETERS and parameters.get("user") == user
            and "org.riskd." not in json.dumps(parameters))


class ConnectionClosed(Exception):
    """The daemon closed the connection (EOF or reset) while a reply was awaited."""


def message(method, parameters=None, **extra):
    """One Varlink call as bytes, NUL-terminated. `parameters=None` leaves the key out."""
    call = {"method": method}
    if parameters is not None:
        call["parameters"] = parameters
    call.update(extra)
    return json.dumps(call).encode() + b"\0"


class RawConnection:
    """A Varlink connection on a plain Unix socket: frames out, frames in, nothing hidden."""

    def __init__(self, path, timeout=SOCKET_TIMEOUT):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(timeout)
        try:
            self.sock.connect(str(path))
        except BaseException:
            self.sock.close()
            raise
        self.buffer = b""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        self.sock.close()

    def send_bytes(self, data):
        self.sock.sendall(data)

    def send(self, method, parameters=None, **extra):
        self.sock.sendall(message(method, parameters, **extra))

    def recv_message(self, timeout=None):
        """The next whole message as a dict; ConnectionClosed at EOF; socket.timeout when none arrives."""
        old = self.sock.gettimeout()
        if timeout is not None:
            self.sock.settimeout(timeout)
        try:
            while b"\0" not in self.buffer:
                try:
                    chunk = self.sock.recv(1 << 16)
                except ConnectionResetError as error:
                    raise ConnectionClosed("connection reset") from error
                if not chunk:
                    raise ConnectionClosed("EOF after %d buffered bytes" % len(self.buffer))
                self.buffer += chunk
        finally:
            if timeout is not None:
                self.sock.settimeout(old)
        frame, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(frame)

    def call(self, method, parameters=None, **extra):
        """The whole reply message (a dict holding `parameters` or `error`)."""
        self.send(method, parameters, **extra)
        return self.recv_message()

    def pending(self, wait=0.3):
        """True when the daemon sent something (or closed) within `wait` seconds beyond what was read."""
        if self.buffer:
            return True
        readable, _, _ = select.select([self.sock], [], [], wait)
        return bool(readable)

    def wait_closed(self, timeout=5.0):
        """Reads and discards until EOF. Returns (closed, bytes read); closed is False after `timeout`."""
        deadline = time.monotonic() + timeout
        received = self.buffer
        self.buffer = b""
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False, received
            readable, _, _ = select.select([self.sock], [], [], remaining)
            if not readable:
                return False, received
            try:
                chunk = self.sock.recv(1 << 16)
            except (ConnectionResetError, BrokenPipeError):
                return True, received
            if not chunk:
                return True, received
            received += chunk


def call_ok(connection, method, parameters=None):
    """Parameters of a successful reply on a RawConnection; VarlinkCallError for an error reply."""
    reply = connection.call(method, parameters)
    if "error" in reply:
        raise VarlinkCallError(reply)
    return reply.get("parameters", {})


def config_text(limits=None, extra="", board=None):
    """The test configuration: the rdt-* roles, a world-connectable socket, optional [limits] and more.
    `board` lists the identities of the board role (default DEFAULT_BOARD)."""
    lines = [
        'socket_mode = "0666"',
        "",
        "[access]",
        'admins = ["unix-group:rdt-admin"]',
        "board = %s" % json.dumps(board or DEFAULT_BOARD),
        'auditors = ["unix-user:rdt-audit"]',
        'mailers = ["unix-user:rdt-mailer"]',
        "",
    ]
    if limits:
        lines.append("[limits]")
        for key, value in limits.items():
            lines.append("%s = %s" % (key, json.dumps(value)))
        lines.append("")
    if extra:
        lines.append(extra)
    return "\n".join(lines) + "\n"


def make_test_dir(prefix="riskd-e2e-"):
    """A fresh directory under /tmp, mode 0755 so that the test users can reach the socket in it."""
    path = Path(tempfile.mkdtemp(prefix=prefix, dir="/tmp"))
    path.chmod(0o755)
    return path


class Daemon:
    """One riskd process on a socket and database in its own directory.

    `call(method, **params)` opens a connection, sends one call and returns the reply's parameters (a dict),
    or raises VarlinkCallError carrying `error` and `parameters`. `call_raw` returns the whole reply.
    """

    def __init__(self, directory, limits=None, extra_config="", board=None, now=None):
        self.dir = Path(directory)
        self.socket = str(self.dir / "riskd.sock")
        self.database = str(self.dir / "riskd.sqlite")
        self.config = str(self.dir / "riskd.toml")
        self.stderr_path = self.dir / "riskd.stderr"
        Path(self.config).write_text(config_text(limits, extra_config, board))
        os.chmod(self.config, 0o644)
        self.proc = None
        self.killed = False
        self.stopped = False
        self.exit_codes = []
        # Arguments added to the command line of the next starts, e.g. ["--accept-audit-head", head].
        self.extra_args = []
        # With `now` (RFC 3339), riskd runs on the debug build's test clock, moved with set_now.
        self.env = {}
        if now is not None:
            self.now_file = self.dir / "now"
            self.env["RISKD_TEST_NOW_FILE"] = str(self.now_file)
            self.set_now(now)

    def set_now(self, instant):
        """Moves the test clock of a daemon started with `now` to `instant` (RFC 3339); riskd reads it at every
        call. Written to a new file and renamed, so riskd never reads half a time."""
        partial = self.dir / "now.partial"
        partial.write_text(instant + "\n")
        partial.rename(self.now_file)

    # -- process ---------------------------------------------------------------------------------------
    def start(self):
        if not os.access(RISKD, os.X_OK):
            raise RuntimeError("riskd is not built at %s (set RISKD)" % RISKD)
        with open(self.stderr_path, "ab") as log:
            log.write(b"----- riskd start %s -----\n" % time.strftime("%H:%M:%S").encode())
            log.flush()
            self.proc = subprocess.Popen(
                self.argv(), env=dict(os.environ, **self.env),
                stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True)
        self.killed = False
        self.stopped = False
        self.wait_ready()
        return self

    def argv(self):
        """riskd's command line on this directory's configuration, socket and database."""
        return [RISKD, "--config", self.config, "--socket", self.socket, "--database", self.database,
                *self.extra_args]

    def start_refused(self, timeout=READY_TIMEOUT):
        """Runs riskd on these files expecting it to refuse to start: returns (exit status, stderr).
        A riskd still running after `timeout` is killed and the test fails."""
        try:
            result = subprocess.run(self.argv(), stdin=subprocess.DEVNULL, capture_output=True, text=True,
                                    timeout=timeout)
        except subprocess.TimeoutExpired as error:
            raise AssertionError("riskd started instead of refusing:\n%s" % (error.stderr or b"").decode())
        return result.returncode, result.stderr

    def wait_ready(self, timeout=READY_TIMEOUT):
        deadline = time.monotonic() + timeout
        last = None
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("riskd exited with %s before answering\n%s"
                                   % (self.proc.returncode, self.stderr_tail()))
            try:
                with RawConnection(self.socket, timeout=2) as connection:
                    reply = connection.call("org.riskd.daemon.Whoami", {})
                if "parameters" in reply:
                    return
                last = reply
            except (OSError, ConnectionClosed, ValueError) as error:
                last = error
            time.sleep(0.05)
        raise RuntimeError("riskd did not answer Whoami within %ss (last: %r)\n%s"
                           % (timeout, last, self.stderr_tail()))

    def running(self):
        return self.proc is not None and self.proc.poll() is None

    def stop(self):
        """SIGTERM and wait; returns the exit code."""
        if not self.running():
            return self.proc.returncode if self.proc else None
        self.proc.send_signal(signal.SIGTERM)
        try:
            code = self.proc.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)
            raise AssertionError("riskd did not exit within %ss of SIGTERM\n%s" % (STOP_TIMEOUT, self.stderr_tail()))
        self.exit_codes.append(code)
        self.stopped = True
        return code

    def restart(self):
        """A clean stop (exit code 0 asserted) unless already down, then a new start on the same files."""
        if self.running():
            code = self.stop()
            assert code == 0, "riskd exited with %s on SIGTERM\n%s" % (code, self.stderr_tail())
        return self.start()

    def kill9(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(STOP_TIMEOUT)
        self.killed = True

    def finish(self):
        """Teardown: SIGTERM a running daemon and assert it exits 0 (unless it was killed on purpose)."""
        if self.proc is None:
            return
        if self.running():
            code = self.stop()
            assert code == 0, "riskd exited with %s on SIGTERM\n%s" % (code, self.stderr_tail())
        elif not self.killed and not self.stopped:
            raise AssertionError("riskd died during the test (exit %s)\n%s"
                                 % (self.proc.returncode, self.stderr_tail()))

    def stderr_text(self):
        try:
            return self.stderr_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""

    def wait_for_log(self, pattern, timeout=10):
        """Waits until riskd's stderr matches `pattern` (a SIGHUP's reload, say); fails with the log's tail."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if re.search(pattern, self.stderr_text()):
                return
            time.sleep(0.05)
        raise AssertionError("riskd did not log /%s/\n%s" % (pattern, self.stderr_tail()))

    def stderr_tail(self, lines=120):
        text = self.stderr_text().splitlines()
        return "riskd stderr (%s, last %d lines):\n%s" % (self.stderr_path, min(lines, len(text)),
                                                          "\n".join(text[-lines:]))

    # -- calls -----------------------------------------------------------------------------------------
    def connect(self, timeout=SOCKET_TIMEOUT):
        return RawConnection(self.socket, timeout=timeout)

    def call_raw(self, method, parameters=None, **extra):
        with self.connect() as connection:
            return connection.call(method, parameters, **extra)

    def call(self, method, /, **params):
        reply = self.call_raw(method, params)
        if "error" in reply:
            raise VarlinkCallError(reply)
        return reply.get("parameters", {})

    def client(self):
        import varlink
        return varlink.Client(address="unix:" + self.socket)

    # -- conveniences ------------------------------------------------------------------------------------
    def audit_entries(self):
        return self.call("org.riskd.audit.Verify")["entries"]

    def risk_count(self):
        return self.call("org.riskd.daemon.Status")["risks"]

    def wait_first_review(self, timeout=READY_TIMEOUT):
        """Waits for the review pass riskd runs at start, so what it writes (findings, the day's digest) is
        not mistaken for the effect of a later call."""
        deadline = time.monotonic() + timeout
        while not self.call("org.riskd.review.Runs", limit=1)["runs"]:
            if time.monotonic() > deadline:
                raise AssertionError("riskd ran no review within %ss\n%s" % (timeout, self.stderr_tail()))
            time.sleep(0.05)

    def snapshot(self):
        """What a refused or failed write must leave alone: risk count, audit entries and head."""
        verify = self.call("org.riskd.audit.Verify")
        return {"risks": self.risk_count(), "entries": verify["entries"], "head": verify["head"],
                "ok": verify["ok"]}


class DaemonFactory:
    """Starts daemons (each in its own temp directory) and stops them all at teardown."""

    def __init__(self):
        self.daemons = []

    def __call__(self, limits=None, extra_config="", board=None, now=None):
        daemon = Daemon(make_test_dir(), limits=limits, extra_config=extra_config, board=board, now=now)
        self.daemons.append(daemon)
        return daemon.start()

    def finish(self):
        errors = []
        for daemon in self.daemons:
            try:
                daemon.finish()
            except AssertionError as error:
                errors.append(str(error))
        if errors:
            raise AssertionError("\n\n".join(errors))
        for daemon in self.daemons:
            shutil.rmtree(daemon.dir, ignore_errors=True)


# -- users ---------------------------------------------------------------------------------------------
class TestUser:
    __test__ = False

    def __init__(self, name):
        entry = pwd.getpwnam(name)
        self.name = name
        self.uid = entry.pw_uid
        self.gid = entry.pw_gid

    def __repr__(self):
        return "TestUser(%s, uid=%d)" % (self.name, self.uid)


def ensure_user(name):
    """Creates the system group and user `name` (user in the group) when missing; idempotent."""
    try:
        grp.getgrnam(name)
    except KeyError:
        result = subprocess.run(["groupadd", "--system", name], capture_output=True, text=True, timeout=30)
        if result.returncode not in (0, 9):  # 9: the group exists (created concurrently)
            raise RuntimeError("groupadd %s: %s" % (name, result.stderr))
    try:
        pwd.getpwnam(name)
    except KeyError:
        result = subprocess.run(["useradd", "--system", "--no-create-home", "--gid", name,
                                 "--shell", "/usr/sbin/nologin", "--home-dir", "/nonexistent", name],
                                capture_output=True, text=True, timeout=30)
        if result.returncode not in (0, 9):  # 9: the user exists
            raise RuntimeError("useradd %s: %s" % (name, result.stderr))
    user = TestUser(name)
    group = grp.getgrnam(name)
    if user.gid != group.gr_gid and name not in group.gr_mem:
        subprocess.run(["usermod", "-aG", name, name], check=True, capture_output=True, timeout=30)
    return TestUser(name)


def user_env(extra=None):
    env = {"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8",
           "HOME": "/tmp", "NO_COLOR": "1"}
    if extra:
        env.update(extra)
    return env


def closed_to_others(path):
    """True when `path` is one other users may not be able to reach: the built riskd or riskctl themselves, or
    anything in the checkout. A checkout may sit in a 0700 directory (root's home, mktemp -d), whatever the mode of
    this one is, so what runs as a test user comes from a copy in a world-readable directory: the user_riskd and
    user_riskctl fixtures, make_test_dir."""
    real = os.path.realpath(path)
    if real in (os.path.realpath(RISKD), os.path.realpath(RISKCTL)):
        return True
    return real == str(REPO) or real.startswith(str(REPO) + os.sep)


def as_user_command(user, argv):
    """setpriv's command line running argv as `user` (a TestUser) with its own groups. Fails the test when argv
    names a path another user may not reach (closed_to_others): such a test passes in a 0755 clone and fails in a
    0700 one."""
    closed = [arg for arg in argv if isinstance(arg, str) and arg.startswith("/") and closed_to_others(arg)]
    if closed:
        raise AssertionError("%s would be given %s, which may be closed to it (a checkout in a 0700 directory): "
                             "run the user_riskd or user_riskctl copy, or copy the file to a make_test_dir"
                             % (user.name, closed))
    return ["setpriv", "--reuid=%d" % user.uid, "--regid=%d" % user.gid, "--init-groups", "--"] + list(argv)


def copy_for_users(*sources):
    """Copies of `sources` (riskd, riskctl) in a new world-readable directory, mode 0755: (directory, [paths])."""
    directory = make_test_dir("riskd-e2e-bin-")
    copies = []
    for source in sources:
        copy = directory / os.path.basename(source)
        shutil.copy2(source, copy)
        copy.chmod(0o755)
        copies.append(str(copy))
    return directory, copies


def run_as(user, argv, input=None, env=None, timeout=60, cwd="/tmp"):
    """Runs argv as `user` (a TestUser) with its own groups; returns the CompletedProcess (text)."""
    return subprocess.run(as_user_command(user, argv), input=input, capture_output=True, text=True,
                          timeout=timeout, env=user_env(env), cwd=cwd)


def prepare_user_python(any_user):
    """(interpreter, PYTHONPATH) with which the test users can run python using the `varlink` module.

    The interpreter running pytest may live where other users cannot reach it (e.g. under /root), so the
    first candidate a test user can run is taken, and a copy of the `varlink` package is put in a
    world-readable directory.
    """
    import varlink
    library = make_test_dir("riskd-e2e-pylib-")
    shutil.copytree(Path(varlink.__file__).parent, library / "varlink",
                    ignore=shutil.ignore_patterns("__pycache__", "tests"))
    for root, dirs, files in os.walk(library):
        for name in dirs:
            os.chmod(os.path.join(root, name), 0o755)
        for name in files:
            os.chmod(os.path.join(root, name), 0o644)
    candidates = [sys.executable, os.path.realpath(sys.executable), "/usr/bin/python3", "/usr/local/bin/python3",
                  shutil.which("python3")]
    tried = []
    for candidate in candidates:
        if not candidate or candidate in tried or not os.path.exists(candidate) or closed_to_others(candidate):
            continue
        tried.append(candidate)
        result = run_as(any_user, [candidate, "-c", "import varlink, json, socket; print(varlink.Client)"],
                        env={"PYTHONPATH": str(library)}, timeout=30)
        if result.returncode == 0:
            return candidate, str(library)
    raise RuntimeError("no python interpreter that %s can run with varlink (tried %s)" % (any_user.name, tried))


# A program run as a test user: reads a JSON list of calls on stdin, makes each through the python varlink
# client (a new connection per call) and prints one JSON list of results.
USER_CLIENT = r'''
import json, sys, varlink
address, calls = sys.argv[1], json.load(sys.stdin)
client = varlink.Client(address=address)
results = []
for interface, method, parameters, more in calls:
    try:
        if interface == "org.varlink.service" and method == "GetInterfaceDescription":
            description = client.get_interface(parameters["interface"])
            results.append({"ok": True, "parameters": {"name": description.name}})
            continue
        with client.open(interface) as handle:
            function = getattr(handle, method)
            if more:
                replies = list(function(_more=True, **parameters))
                reply = replies[-1] if replies else {}
            else:
                reply = function(**parameters)
        results.append({"ok": True, "parameters": reply})
    except varlink.VarlinkError as error:
        results.append({"ok": False, "error": error.error(), "parameters": error.parameters()})
    except Exception as error:
        results.append({"ok": False, "error": "python:" + type(error).__name__, "parameters": {"text": str(error)}})
print(json.dumps(results))
'''
