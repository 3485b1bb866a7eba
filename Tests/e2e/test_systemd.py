"""riskd as a systemd service: socket activation, sd_notify (READY, STATUS, STOPPING, WATCHDOG), SIGTERM under
load, SIGHUP reload, the socket riskd binds itself, the locked-down unit's syscall filter and W^X rule, and
`make install`.

PID 1 is not systemd where these tests run, so systemd is played by its own tools and by the test:
`systemd-socket-activate` passes the socket, a datagram socket bound by the test is NOTIFY_SOCKET, and
`systemd-analyze` checks the units. Every wait is bounded.
"""

import grp
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import stat
import subprocess
import threading
import time
from pathlib import Path

import pytest

from riskd_e2e import (REPO, RISKCTL, RISKD, ConnectionClosed, RawConnection, as_user_command, call_ok, make_test_dir,
                       message)

DENIED = "org.varlink.service.PermissionDenied"
WAIT = 20.0


# -- helpers -------------------------------------------------------------------------------------------
class Notifications:
    """An AF_UNIX datagram socket standing in for systemd's NOTIFY_SOCKET; collects what riskd sends."""

    def __init__(self, directory):
        self.path = str(Path(directory) / "notify.sock")
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(self.path)
        self.received = []

    def close(self):
        self.sock.close()

    def next(self, timeout):
        """The next message as a dict of its fields (a field sent twice keeps the last value), or None."""
        self.sock.settimeout(max(timeout, 0.001))
        try:
            data = self.sock.recv(4096).decode()
        except socket.timeout:
            return None
        fields = dict(line.split("=", 1) for line in data.split("\n") if "=" in line)
        self.received.append(fields)
        return fields

    def wait_for(self, key, timeout=WAIT):
        """The first message (from now) that holds `key`; fails after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            message = self.next(deadline - time.monotonic())
            if message is not None and key in message:
                return message
        raise AssertionError("no %s within %ss; received %r" % (key, timeout, self.received))


class Process:
    """riskd (or systemd-socket-activate exec'ing it) with its stderr in a file, stopped at teardown."""

    def __init__(self, argv, directory, env=None):
        self.stderr_path = Path(directory) / "riskd.stderr"
        environment = dict(os.environ)
        for name in ("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "LISTEN_FDS", "LISTEN_PID"):
            environment.pop(name, None)
        environment.update(env or {})
        with open(self.stderr_path, "ab") as log:
            self.proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=log, stderr=log, env=environment,
                                         start_new_session=True)

    def stderr(self):
        try:
            return self.stderr_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""

    def terminate(self, timeout=WAIT):
        """SIGTERM and wait; returns the exit code."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)
            raise AssertionError("riskd did not exit within %ss of SIGTERM\n%s" % (timeout, self.stderr()))

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(5)

    def wait_for_log(self, pattern, timeout=WAIT):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if re.search(pattern, self.stderr()):
                return
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        raise AssertionError("riskd did not log /%s/ within %ss\n%s" % (pattern, timeout, self.stderr()))


def wait_answering(path, process, timeout=WAIT):
    """Waits until Whoami on `path` answers; returns its parameters."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        if process.proc.poll() is not None:
            raise AssertionError("riskd exited with %s\n%s" % (process.proc.returncode, process.stderr()))
        try:
            with RawConnection(path, timeout=2) as connection:
                return call_ok(connection, "org.riskd.daemon.Whoami")
        except (OSError, ConnectionClosed, ValueError) as error:
            last = error
        time.sleep(0.05)
    raise AssertionError("no answer on %s within %ss (%r)\n%s" % (path, timeout, last, process.stderr()))


@pytest.fixture
def workdir():
    directory = make_test_dir("riskd-systemd-")
    yield directory
    shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture
def processes():
    started = []
    yield started
    for process in started:
        process.kill()


def riskd_binary():
    if not os.access(RISKD, os.X_OK):
        pytest.fail("riskd is not built at %s (set RISKD)" % RISKD)
    return RISKD


def write_config(path, socket_path, board=("unix-group:rdt-board",), extra_top=""):
    """A configuration with the socket at the top level (so that a changed `socket` is a change of the file)."""
    Path(path).write_text("\n".join([
        'socket = "%s"' % socket_path,
        'socket_mode = "0666"',
        extra_top,
        "",
        "[access]",
        'admins = ["unix-group:rdt-admin"]',
        "board = %s" % json.dumps(list(board)),
        'auditors = ["unix-user:rdt-audit"]',
        "",
    ]) + "\n")
    os.chmod(path, 0o644)


# -- socket activation ----------------------------------------------------------------------------------
def test_socket_activation_answers_and_leaves_the_socket(workdir, processes):
    riskd = riskd_binary()
    activated = str(workdir / "activated.sock")
    configured = str(workdir / "configured.sock")
    process = Process(["systemd-socket-activate", "-l", activated, riskd, "--socket", configured,
                       "--database", str(workdir / "riskd.sqlite")], workdir)
    processes.append(process)
    whoami = wait_answering(activated, process)
    assert whoami["user"] == "root" and "admin" in whoami["roles"]
    process.wait_for_log(r"socket passed by the service manager")
    assert not os.path.exists(configured), "riskd bound its own socket although one was passed"
    assert process.terminate() == 0, process.stderr()
    assert stat.S_ISSOCK(os.stat(activated).st_mode), "the activated socket file was removed at exit"


# -- sd_notify -----------------------------------------------------------------------------------------
def test_notify_ready_status_stopping(workdir, processes):
    riskd = riskd_binary()
    notify = Notifications(workdir)
    path = str(workdir / "riskd.sock")
    try:
        process = Process([riskd, "--socket", path, "--database", str(workdir / "riskd.sqlite")], workdir,
                          env={"NOTIFY_SOCKET": notify.path})
        processes.append(process)
        ready = notify.wait_for("READY")
        # No retry: the socket must answer the moment READY=1 is sent.
        with RawConnection(path, timeout=5) as connection:
            whoami = call_ok(connection, "org.riskd.daemon.Whoami")
        assert whoami["uid"] == 0
        assert ready["READY"] == "1"
        assert ready.get("STATUS") == "Serving 0 risks on %s" % path, ready

        process.proc.send_signal(signal.SIGTERM)
        stopping = notify.wait_for("STOPPING")
        assert stopping["STOPPING"] == "1"
        assert "in flight" in stopping.get("STATUS", ""), stopping
        assert process.proc.wait(WAIT) == 0, process.stderr()
        assert not any("WATCHDOG" in message for message in notify.received), "pings with no WATCHDOG_USEC"
        assert not os.path.exists(path), "riskd left the socket it bound itself"
    finally:
        notify.close()


def test_watchdog_pings_at_half_the_interval(workdir, processes):
    riskd = riskd_binary()
    notify = Notifications(workdir)
    path = str(workdir / "riskd.sock")
    try:
        process = Process([riskd, "--socket", path, "--database", str(workdir / "riskd.sqlite")], workdir,
                          env={"NOTIFY_SOCKET": notify.path, "WATCHDOG_USEC": "500000"})
        processes.append(process)
        notify.wait_for("READY")
        started = time.monotonic()
        pings = []
        while len(pings) < 6 and time.monotonic() - started < 10:
            message = notify.next(1.0)
            if message is not None and message.get("WATCHDOG") == "1":
                pings.append(time.monotonic())
        assert len(pings) >= 6, "only %d watchdog pings in 10 s: %r" % (len(pings), notify.received)
        gaps = [b - a for a, b in zip(pings, pings[1:])]
        assert max(gaps) < 0.5, "a gap between pings reached the whole interval: %r" % gaps

        # A stopped (wedged) daemon stops pinging.
        os.kill(process.proc.pid, signal.SIGSTOP)
        try:
            time.sleep(0.1)
            while notify.next(0.05) is not None:
                pass
            assert notify.next(1.2) is None, "a ping while the daemon was stopped"
        finally:
            os.kill(process.proc.pid, signal.SIGCONT)
        assert notify.wait_for("WATCHDOG", timeout=5)["WATCHDOG"] == "1"
        assert process.terminate() == 0, process.stderr()
    finally:
        notify.close()


# -- SIGTERM under load ----------------------------------------------------------------------------------
WRITERS = 8


def writer(path, number, stop, outcomes):
    """Adds risks until the daemon goes away; odd-numbered writers pipeline three calls at a time, so that some
    calls are waiting, read but not started, when SIGTERM comes. Each call is recorded as (title, id or None):
    None when no reply came."""
    try:
        connection = RawConnection(path, timeout=WAIT)
    except OSError:
        return
    depth = 3 if number % 2 else 1
    sequence = 0
    try:
        while not stop.is_set():
            titles = []
            for _ in range(depth):
                sequence += 1
                titles.append("writer %d risk %d" % (number, sequence))
            try:
                connection.send_bytes(b"".join(
                    message("org.riskd.risk.Add", {"title": title, "category": "operational", "likelihood": 2,
                                                   "impact": 3}) for title in titles))
            except OSError:
                outcomes.extend((title, None) for title in titles)
                return
            for index, title in enumerate(titles):
                try:
                    reply = connection.recv_message()
                except (ConnectionClosed, OSError, ValueError):
                    outcomes.extend((rest, None) for rest in titles[index:])
                    return
                if "error" in reply:
                    outcomes.append((title, "error:" + reply["error"]))
                    return
                outcomes.append((title, reply["parameters"]["risk"]["id"]))
    finally:
        connection.close()


def test_sigterm_under_load_answers_or_refuses_whole_calls(start_daemon):
    daemon = start_daemon()
    stop = threading.Event()
    outcomes = []
    threads = [threading.Thread(target=writer, args=(daemon.socket, n, stop, outcomes), daemon=True)
               for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    time.sleep(1.5)
    daemon.proc.send_signal(signal.SIGTERM)
    code = daemon.proc.wait(WAIT)
    daemon.exit_codes.append(code)
    stop.set()
    for thread in threads:
        thread.join(WAIT)
    assert not any(thread.is_alive() for thread in threads), "a writer hung after SIGTERM"
    assert code == 0, "riskd exited with %s on SIGTERM under load\n%s" % (code, daemon.stderr_tail())
    errors = [outcome for outcome in outcomes if isinstance(outcome[1], str)]
    assert not errors, errors
    acknowledged = {title: risk_id for title, risk_id in outcomes if risk_id is not None}
    unanswered = [title for title, risk_id in outcomes if risk_id is None]
    assert len(acknowledged) >= WRITERS, "too few writes (%d) to test anything" % len(acknowledged)

    # The WAL was folded into the database file at exit.
    wal = Path(daemon.database + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0, "the WAL was not checkpointed at exit"

    daemon.start()
    with sqlite3.connect("file:%s?mode=ro" % daemon.database, uri=True, timeout=10) as database:
        stored = dict(database.execute("SELECT title, id FROM risk").fetchall())
    lost = {title: risk_id for title, risk_id in acknowledged.items() if stored.get(title) != risk_id}
    assert not lost, "acknowledged but not stored as acknowledged: %r" % list(lost.items())[:5]
    half_applied = [title for title in unanswered if title in stored]
    assert not half_applied, "no reply, yet stored: %r" % half_applied
    assert len(stored) == len(acknowledged), "stored risks nobody was told about"
    verify = daemon.call("org.riskd.audit.Verify")
    assert verify["ok"], verify
    print("%d risks acknowledged, %d calls unanswered at SIGTERM" % (len(acknowledged), len(unanswered)))


# -- SIGHUP ----------------------------------------------------------------------------------------------
def test_sighup_reloads_access_and_ignores_a_new_socket(workdir, processes, user_calls, users):
    riskd = riskd_binary()
    path = str(workdir / "riskd.sock")
    config = str(workdir / "riskd.toml")
    write_config(config, path)
    process = Process([riskd, "--config", config, "--database", str(workdir / "riskd.sqlite")], workdir)
    processes.append(process)
    wait_answering(path, process)

    [before] = user_calls("rdt-nobody", path, [("org.riskd.risk", "List", {})])
    assert not before["ok"] and before["error"] == DENIED, before

    elsewhere = str(workdir / "elsewhere.sock")
    write_config(config, elsewhere, board=("unix-group:rdt-board", "unix-user:rdt-nobody"))
    process.proc.send_signal(signal.SIGHUP)
    process.wait_for_log(r"Configuration reloaded")
    assert re.search(r"socket changed.*restart", process.stderr()), process.stderr()

    [after] = user_calls("rdt-nobody", path, [("org.riskd.risk", "List", {})])
    assert after["ok"], after
    assert not os.path.exists(elsewhere), "riskd moved to the new socket without a restart"

    # A file that does not load changes nothing.
    Path(config).write_text("[access]\nboard = not-a-list\n")
    process.proc.send_signal(signal.SIGHUP)
    process.wait_for_log(r"Configuration not reloaded")
    [still] = user_calls("rdt-nobody", path, [("org.riskd.risk", "List", {})])
    assert still["ok"], still
    assert process.proc.poll() is None, "riskd died on a bad file at SIGHUP"
    assert process.terminate() == 0, process.stderr()


def test_sighup_under_systemd_reports_reloading(workdir, processes):
    riskd = riskd_binary()
    notify = Notifications(workdir)
    path = str(workdir / "riskd.sock")
    config = str(workdir / "riskd.toml")
    write_config(config, path)
    try:
        process = Process([riskd, "--config", config, "--database", str(workdir / "riskd.sqlite")], workdir,
                          env={"NOTIFY_SOCKET": notify.path})
        processes.append(process)
        notify.wait_for("READY")
        process.proc.send_signal(signal.SIGHUP)
        reloading = notify.wait_for("RELOADING")
        assert reloading.get("STATUS") == "Reloading configuration"
        assert int(reloading["MONOTONIC_USEC"]) > 0
        ready = notify.wait_for("READY")
        assert ready["STATUS"].startswith("Serving "), ready
        assert process.terminate() == 0, process.stderr()
    finally:
        notify.close()


# -- a socket riskd binds itself -------------------------------------------------------------------------
def test_own_socket_takes_mode_and_group_from_the_configuration(workdir, processes, users):
    riskd = riskd_binary()
    path = str(workdir / "riskd.sock")
    config = str(workdir / "riskd.toml")
    Path(config).write_text('socket = "%s"\nsocket_mode = "0640"\nsocket_group = "rdt-board"\n' % path)
    process = Process([riskd, "--config", config, "--database", str(workdir / "riskd.sqlite")], workdir)
    processes.append(process)
    wait_answering(path, process)
    status = os.stat(path)
    assert stat.S_IMODE(status.st_mode) == 0o640, oct(status.st_mode)
    assert status.st_gid == grp.getgrnam("rdt-board").gr_gid
    assert process.terminate() == 0, process.stderr()
    assert not os.path.exists(path)


# -- what the unit forbids -------------------------------------------------------------------------------
def syscall_groups():
    """Every group `systemd-analyze syscall-filter` knows, as {"@name": {"syscall" or "@group", ...}}."""
    text = subprocess.run(["systemd-analyze", "syscall-filter"], capture_output=True, text=True, timeout=60,
                          check=True).stdout
    groups, current = {}, None
    for line in text.splitlines():
        if line.startswith("@"):
            current = groups.setdefault(line.strip(), set())
        elif current is not None and line.strip() and not line.strip().startswith("#"):
            current.add(line.strip())
    return groups


def expand(name, groups, seen=None):
    seen = set() if seen is None else seen
    if name in seen:
        return set()
    seen.add(name)
    result = set()
    for member in groups.get(name, ()):
        result |= expand(member, groups, seen) if member.startswith("@") else {member}
    return result


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed (make deps installs it)")
def test_syscalls_stay_inside_the_units_filter(workdir, processes, users, user_riskd):
    """Every syscall riskd makes as an unprivileged user (start, calls, a write, SIGHUP, SIGTERM) is allowed by
    SystemCallFilter= of riskd.service, and none maps memory writable and executable, or makes memory executable
    after the fact (MemoryDenyWriteExecute=)."""
    riskd = user_riskd
    unit = (REPO / "systemd" / "riskd.service").read_text()
    assert "SystemCallFilter=@system-service" in unit and "SystemCallFilter=~@privileged @resources" in unit
    # libdispatch's worker threads set their nice value (see the unit); setpriority alone is allowed back.
    assert "\nSystemCallFilter=setpriority\n" in unit
    assert "SystemCallErrorNumber=EPERM" in unit
    groups = syscall_groups()
    allowed = expand("@system-service", groups) - expand("@privileged", groups) - expand("@resources", groups)
    allowed |= {"setpriority"}

    user = users["rdt-nobody"]
    os.chown(workdir, user.uid, user.gid)
    trace = workdir / "strace"
    path = str(workdir / "riskd.sock")
    config = str(workdir / "riskd.toml")
    write_config(config, path)
    # Like User=riskd: the user runs strace, which runs riskd, so only riskd's own syscalls are traced.
    process = Process(as_user_command(user, ["strace", "-f", "-qq", "-o", str(trace), riskd, "--config", config,
                                             "--database", str(workdir / "riskd.sqlite")]),
                      workdir, env={"HOME": str(workdir)})
    processes.append(process)
    wait_answering(path, process, timeout=60)
    with RawConnection(path) as connection:
        call_ok(connection, "org.riskd.risk.Add", {"title": "Traced", "category": "operational",
                                                   "likelihood": 2, "impact": 2})
        call_ok(connection, "org.riskd.risk.List", {})
        call_ok(connection, "org.riskd.daemon.Status", {})
    # setpriv execs strace, which forks riskd.
    children = Path("/proc/%d/task/%d/children" % (process.proc.pid, process.proc.pid)).read_text().split()
    assert len(children) == 1, children
    traced = int(children[0])
    os.kill(traced, signal.SIGHUP)
    process.wait_for_log(r"Configuration reloaded", timeout=30)
    os.kill(traced, signal.SIGTERM)
    assert process.proc.wait(60) == 0, process.stderr()

    used, wx = set(), []
    start = re.compile(r"^\d+\s+(?:<\.\.\. )?([a-z0-9_]+)\(")
    lines = trace.read_text(errors="replace").splitlines()
    # The first line is strace's execve of riskd; the unit applies the filter before that exec.
    for line in lines[1:]:
        match = start.match(line)
        if not match:
            continue
        name = match.group(1)
        used.add(name)
        if name == "mmap" and "PROT_EXEC" in line and "PROT_WRITE" in line:
            wx.append(line)
        if name in ("mprotect", "pkey_mprotect") and "PROT_EXEC" in line:
            wx.append(line)
    assert len(used) > 20, "the trace looks empty: %s" % lines[:5]
    outside = sorted(used - allowed)
    assert not outside, "syscalls outside the unit's filter: %s" % outside
    assert not wx, "W^X violations: %s" % wx[:5]


# -- make install ------------------------------------------------------------------------------------------
def test_make_install_tree_and_units(tmp_path):
    """`make install` into a DESTDIR, with the binaries the other tests use (INSTALL_BIN: no release build
    here, to keep CI within its time), then the tree and `systemd-analyze verify` on the installed units."""
    destdir = tmp_path / "root"
    binaries = os.path.dirname(RISKD)
    if os.path.dirname(RISKCTL) != binaries:
        pytest.fail("RISKD and RISKCTL must be in one directory for make install")
    result = subprocess.run(["make", "-s", "install", "DESTDIR=%s" % destdir, "PREFIX=/usr",
                             "INSTALL_BIN=%s" % binaries], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr

    usr = destdir / "usr"
    for binary in ("riskd", "riskctl"):
        assert os.access(usr / "bin" / binary, os.X_OK), binary
    assert os.readlink(usr / "bin" / "riskctl-shell") == "riskctl"
    assert "ForceCommand /usr/bin/riskctl-shell\n" in (usr / "share/riskd/sshd/riskd-board.conf").read_text()
    expected = [
        "lib/systemd/system/riskd.service", "lib/systemd/system/riskd.socket",
        "lib/systemd/system/riskd-mail.service", "lib/systemd/system/riskd-mail.timer", "lib/sysusers.d/riskd.conf",
        "share/man/man1/riskctl.1", "share/man/man5/riskd.toml.5", "share/man/man7/riskd-varlink.7",
        "share/man/man8/riskd.8", "share/man/man8/riskd-mail.service.8", "share/bash-completion/completions/riskctl",
        "share/zsh/vendor-completions/_riskctl", "share/fish/vendor_completions.d/riskctl.fish",
        # The guide's examples and a copy of the board-pack template (packaging/share-files).
        "share/riskd/examples/ethical-code.md", "share/riskd/examples/register.csv",
        "share/riskd/examples/organisations.example.csv", "share/riskd/board-pack.mustache",
        "share/riskd/sshd/riskd-board.conf",
    ]
    if (REPO / "systemd" / "riskd.catalog").exists():
        expected.append("lib/systemd/catalog/riskd.catalog")
    missing = [name for name in expected if not (usr / name).is_file()]
    assert not missing, missing
    assert (usr / "share/bash-completion/completions/riskctl").read_text().count("riskctl") > 3
    assert (usr / "share/zsh/vendor-completions/_riskctl").read_text().startswith("#compdef riskctl")
    config = destdir / "etc/riskd/riskd.toml"
    assert config.read_text() == (REPO / "config/riskd.toml").read_text()
    sysusers = (usr / "lib/sysusers.d/riskd.conf").read_text()
    for entry in ("u riskd ", "u riskd-mail ", "g riskd-admin", "g riskd-board", "g riskd-audit"):
        assert entry in sysusers, entry

    # systemd-sysusers creates the user and groups from the installed file, in the tree.
    sysusers_run = subprocess.run(["systemd-sysusers", "--root=%s" % destdir], capture_output=True, text=True,
                                  timeout=60)
    assert sysusers_run.returncode == 0, sysusers_run.stderr
    passwd = (destdir / "etc/passwd").read_text()
    groups = (destdir / "etc/group").read_text()
    assert re.search(r"^riskd:x:\d+:\d+:[^:]*:/var/lib/riskd:", passwd, re.M), passwd
    assert re.search(r"^riskd-mail:x:\d+:\d+:[^:]*:/:", passwd, re.M), passwd
    for group in ("riskd", "riskd-admin", "riskd-board", "riskd-audit"):
        assert re.search(r"^%s:x:\d+:" % group, groups, re.M), groups
    if (usr / "lib/systemd/catalog/riskd.catalog").exists():
        catalog = subprocess.run(["journalctl", "--root=%s" % destdir, "--update-catalog"], capture_output=True,
                                 text=True, timeout=60)
        assert catalog.returncode == 0 and (destdir / "var/lib/systemd/catalog/database").exists(), catalog.stderr

    # The installed configuration is accepted by the installed riskd.
    check = subprocess.run([str(usr / "bin/riskd"), "--check-config", "--config", str(config)],
                           capture_output=True, text=True, timeout=60)
    assert check.returncode == 0, check.stderr

    # A second install keeps an edited configuration.
    config.write_text(config.read_text() + "\n# edited by the administrator\n")
    again = subprocess.run(["make", "-s", "install", "DESTDIR=%s" % destdir, "PREFIX=/usr",
                            "INSTALL_BIN=%s" % binaries], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0 and "edited by the administrator" in config.read_text(), again.stdout

    # systemd-analyze verify with ExecStart pointing into the tree, manuals found there.
    units = tmp_path / "units"
    units.mkdir()
    service = (usr / "lib/systemd/system/riskd.service").read_text()
    assert "\nExecStart=/usr/bin/riskd\n" in service
    # Every alert reaches the journal: a first review over a large register raises tens of thousands.
    assert "\nLogRateLimitIntervalSec=0\n" in service
    (units / "riskd.service").write_text(service.replace("ExecStart=/usr/bin/riskd",
                                                         "ExecStart=%s" % (usr / "bin/riskd")))
    shutil.copy(usr / "lib/systemd/system/riskd.socket", units / "riskd.socket")
    mail_service = (usr / "lib/systemd/system/riskd-mail.service").read_text()
    assert "\nExecStart=/usr/bin/riskctl mail deliver --quiet\n" in mail_service
    (units / "riskd-mail.service").write_text(mail_service.replace("ExecStart=/usr/bin/riskctl",
                                                                   "ExecStart=%s" % (usr / "bin/riskctl")))
    shutil.copy(usr / "lib/systemd/system/riskd-mail.timer", units / "riskd-mail.timer")
    verify = subprocess.run(["systemd-analyze", "verify", *(str(units / name) for name in (
                                "riskd.service", "riskd.socket", "riskd-mail.service", "riskd-mail.timer"))],
                            capture_output=True, text=True, timeout=120,
                            env=dict(os.environ, MANPATH=str(usr / "share/man")))
    assert verify.returncode == 0 and not verify.stderr.strip(), verify.stderr

    # The deliverer rates 0.2 here as in the booted machine (Tests/system/test_3_mail.py).
    for unit, bound in (("riskd.service", 1.0), ("riskd-mail.service", 0.2)):
        security = subprocess.run(["systemd-analyze", "security", "--offline=yes", str(units / unit)],
                                  capture_output=True, text=True, timeout=120)
        figure = re.search(r"Overall exposure level for %s: (\d+\.\d+)" % re.escape(unit), security.stdout)
        assert figure, security.stdout + security.stderr
        print("systemd-analyze security --offline=yes: %s" % figure.group(0))
        assert float(figure.group(1)) <= bound, security.stdout

    assert (usr / "share/riskd/board-pack.mustache").read_bytes() == \
        (REPO / "Sources/RiskDaemon/Report/board-pack.mustache").read_bytes()
    # Under another prefix, the installed configuration names the template where that prefix put it.
    elsewhere = tmp_path / "elsewhere"
    other = subprocess.run(["make", "-s", "install", "DESTDIR=%s" % elsewhere, "PREFIX=/opt/riskd",
                            "INSTALL_BIN=%s" % binaries], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert other.returncode == 0, other.stdout + other.stderr
    moved = (elsewhere / "etc/riskd/riskd.toml").read_text()
    assert "/opt/riskd/share/riskd/board-pack.mustache" in moved and "/usr/share/riskd" not in moved, moved
    assert (elsewhere / "opt/riskd/share/riskd/examples/register.csv").is_file()

    uninstall = subprocess.run(["make", "-s", "uninstall", "DESTDIR=%s" % destdir, "PREFIX=/usr"], cwd=REPO,
                               capture_output=True, text=True, timeout=120)
    assert uninstall.returncode == 0, uninstall.stderr
    left = sorted(str(p.relative_to(destdir)) for p in (destdir / "usr").rglob("*") if p.is_file())
    assert left == [], left
    assert config.exists(), "make uninstall removed the configuration"


# -- manuals -----------------------------------------------------------------------------------------------
PAGES = ["riskctl.1", "riskd.toml.5", "riskd-varlink.7", "riskd.8", "riskd-mail.service.8"]


@pytest.mark.parametrize("page", PAGES)
def test_manual_is_lint_clean_and_renders(page):
    path = REPO / "man" / page
    lint = subprocess.run(["mandoc", "-Tlint", "-Werror", str(path)], capture_output=True, text=True, timeout=60)
    assert lint.returncode == 0, lint.stdout + lint.stderr
    rendered = subprocess.run(["man", "-l", str(path)], capture_output=True, text=True, timeout=60,
                              env=dict(os.environ, MANPAGER="cat", PAGER="cat", MANWIDTH="80"))
    assert rendered.returncode == 0, rendered.stderr
    name = page.rsplit(".", 1)[0].upper()
    assert name in rendered.stdout and "NAME" in rendered.stdout and "SEE ALSO" in rendered.stdout
