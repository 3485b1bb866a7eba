"""riskctl --host against a real OpenSSH server, and the board accounts of the shipped sshd drop-in.

The test starts its own sshd (Debian's openssh-server, `make deps` installs it) on 127.0.0.1 and a free port, with
its own configuration, host key and authorized keys, never the system's ssh.service. The configuration includes
packaging/sshd/riskd-board.conf first, as Debian's sshd_config includes /etc/ssh/sshd_config.d, with only its group
and the shell's path changed for the test. The accounts:

- rdt-ssh-ana, a board member, and rdt-ssh-audit, an auditor: in the drop-in's group, login shell riskctl-shell (a
  link to the riskctl under test);
- rdt-ssh-plain: /bin/sh as its shell, outside the group, with no riskctl on the remote PATH.

The local riskctl runs as root with RISKD_SSH naming the key and the known_hosts file of the test, so that nothing
of root's own SSH setup is used.
"""

import json
import os
import pty
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest

from riskd_e2e import DEFAULT_BOARD, RISKCTL, Daemon, DaemonFactory, ensure_user, make_test_dir, run_as

pytestmark = pytest.mark.riskctl

REPO = Path(__file__).resolve().parents[2]
DROP_IN = REPO / "packaging" / "sshd" / "riskd-board.conf"
SSHD = "/usr/sbin/sshd"
GROUP = "rdt-sshboard"
ANA, AUDITOR, PLAIN = "rdt-ssh-ana", "rdt-ssh-audit", "rdt-ssh-plain"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def keygen(path, kind="ed25519"):
    subprocess.run(["ssh-keygen", "-q", "-t", kind, "-N", "", "-C", path.name, "-f", str(path)], check=True,
                   timeout=60)
    return path.with_name(path.name + ".pub").read_text()


class Server:
    """The test's sshd, its keys and the riskd it serves."""

    def __init__(self, directory, daemon, shell):
        self.dir = directory
        self.daemon = daemon
        self.shell = shell
        self.port = free_port()
        self.proc = None
        self.host_key_line = keygen(directory / "host_key").split(" ", 2)[:2]
        self.keys = {name: directory / ("key-" + name) for name in (ANA, AUDITOR, PLAIN, "stranger")}
        authorized = directory / "authorized"
        authorized.mkdir(mode=0o755)
        for name, key in self.keys.items():
            public = keygen(key)
            if name != "stranger":
                (authorized / name).write_text(public)
                (authorized / name).chmod(0o644)
        self.known_hosts = directory / "known_hosts"
        self.known_hosts.write_text("[127.0.0.1]:%d %s\n" % (self.port, " ".join(self.host_key_line)))
        drop_in = DROP_IN.read_text().replace("Match Group riskd-board", "Match Group " + GROUP)
        drop_in = drop_in.replace("/usr/bin/riskctl-shell", shell)
        (directory / "riskd-board.conf").write_text(drop_in)
        (directory / "sshd_config").write_text("\n".join([
            "Include %s" % (directory / "riskd-board.conf"),
            "ListenAddress 127.0.0.1",
            "Port %d" % self.port,
            "HostKey %s" % (directory / "host_key"),
            "PidFile %s" % (directory / "sshd.pid"),
            "AuthorizedKeysFile %s/%%u" % authorized,
            "StrictModes no",
            "UsePAM no",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "PubkeyAuthentication yes",
            "SetEnv RISKD_SOCKET=%s" % daemon.socket,
            "LogLevel VERBOSE",
            "",
        ]))

    def start(self):
        Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)
        check = subprocess.run([SSHD, "-t", "-f", str(self.dir / "sshd_config")], capture_output=True, text=True,
                               timeout=30)
        assert check.returncode == 0, check.stderr
        self.log = open(self.dir / "sshd.log", "wb")
        self.proc = subprocess.Popen([SSHD, "-D", "-e", "-f", str(self.dir / "sshd_config")], stdin=subprocess.DEVNULL,
                                     stdout=self.log, stderr=self.log, start_new_session=True)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                assert self.proc.poll() is None, self.log_text()
                time.sleep(0.1)
        raise AssertionError("sshd did not listen:\n" + self.log_text())

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=20)
        self.log.close()

    def log_text(self):
        return (self.dir / "sshd.log").read_text(errors="replace")

    def ssh_command(self, key=None, known_hosts=None):
        """The RISKD_SSH of the test: its key only, its known_hosts only, no agent, no password prompts."""
        return " ".join([
            "ssh", "-F", "/dev/null", "-i", str(key or self.keys[ANA]), "-o", "IdentitiesOnly=yes",
            "-o", "IdentityAgent=none", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
            "-o", "UserKnownHostsFile=%s" % (known_hosts or self.known_hosts), "-o", "GlobalKnownHostsFile=/dev/null",
            "-o", "ConnectTimeout=10",
        ])

    def destination(self, user):
        return "%s@127.0.0.1:%d" % (user, self.port)

    def riskctl(self, user, *args, key=None, known_hosts=None, timeout=60):
        """riskctl --host USER@127.0.0.1:PORT ARGS, run here as root."""
        env = {"PATH": os.environ["PATH"], "LANG": "C.UTF-8", "HOME": str(self.dir), "NO_COLOR": "1",
               "RISKD_SSH": self.ssh_command(key or self.keys.get(user), known_hosts)}
        return subprocess.run([RISKCTL, "--host", self.destination(user), *args], input="", capture_output=True,
                              text=True, env=env, timeout=timeout)

    def ssh(self, user, *args, timeout=60):
        """Plain ssh as `user`, the command line given as ssh takes it."""
        command = self.ssh_command(self.keys[user]).split() + ["-p", str(self.port), "-l", user, "127.0.0.1"]
        return subprocess.run(command + list(args), input="", capture_output=True, text=True,
                              env={"PATH": os.environ["PATH"], "HOME": str(self.dir)}, timeout=timeout)


@pytest.fixture(scope="module")
def server(users, user_riskctl):
    if not os.access(SSHD, os.X_OK):
        pytest.fail("%s is missing: `make deps` installs openssh-server" % SSHD)
    subprocess.run(["groupadd", "--system", GROUP], capture_output=True, timeout=30)
    shells = make_test_dir("riskd-e2e-shell-")
    shell = shells / "riskctl-shell"
    shell.symlink_to(user_riskctl)
    for name in (ANA, AUDITOR, PLAIN):
        ensure_user(name)
        # useradd leaves the password "!", which sshd without PAM takes for a locked account; "*" only says that
        # no password opens it.
        subprocess.run(["usermod", "-p", "*", name], check=True, capture_output=True, timeout=30)
    # Board accounts have a home, as useradd --create-home makes them (sshd says so when it cannot go there).
    homes = make_test_dir("riskd-e2e-homes-")
    for name in (ANA, AUDITOR):
        subprocess.run(["usermod", "-s", str(shell), "-d", str(homes), "-aG", GROUP, name], check=True,
                       capture_output=True, timeout=30)
    subprocess.run(["usermod", "-s", "/bin/sh", "-d", str(homes), PLAIN], check=True, capture_output=True, timeout=30)

    factory = DaemonFactory()
    daemon = Daemon(make_test_dir(), board=DEFAULT_BOARD + ["unix-user:" + ANA])
    config = Path(daemon.config)
    config.write_text(config.read_text().replace('auditors = ["unix-user:rdt-audit"]',
                                                 'auditors = ["unix-user:rdt-audit", "unix-user:%s"]' % AUDITOR))
    factory.daemons.append(daemon)
    daemon.start()
    daemon.call("org.riskd.risk.Add", title="Funding overlap with member organisations", category="financial",
                likelihood=2, impact=2, nextReviewDue="2026-01-20")
    directory = make_test_dir("riskd-e2e-sshd-")
    server = Server(directory, daemon, str(shell)).start()
    server.user_riskctl = user_riskctl  # what the test users run here: the checkout may be closed to them
    yield server
    server.stop()
    factory.finish()
    shutil.rmtree(directory, ignore_errors=True)
    shutil.rmtree(shells, ignore_errors=True)
    shutil.rmtree(homes, ignore_errors=True)


def local(server, user, *args):
    """riskctl ARGS run on the server's machine as `user`, on the daemon's socket."""
    return run_as(ensure_user(user), [server.user_riskctl, *args], input="",
                  env={"RISKD_SOCKET": server.daemon.socket})


def same(remote, here):
    assert (remote.returncode, remote.stdout, remote.stderr) == (here.returncode, here.stdout, here.stderr)


@pytest.mark.parametrize("args", [["whoami"], ["whoami", "--json"], ["risk", "list"], ["risk", "list", "--json"],
                                  ["interest", "list"], ["risk", "show", "R-99"],
                                  ["risk", "close", "R-1", "--reason", "mitigated", "--note", "x", "--yes"]])
def test_a_command_over_ssh_prints_and_exits_as_it_does_on_the_server(server, args):
    remote = server.riskctl(ANA, *args)
    assert remote.returncode in (0, 66, 77), remote.stderr + server.log_text()
    same(remote, local(server, ANA, *args))


def test_whoami_is_the_ssh_login(server):
    remote = server.riskctl(ANA, "whoami")
    assert remote.returncode == 0, remote.stderr
    assert remote.stdout.startswith("%s (uid %d): board" % (ANA, ensure_user(ANA).uid)), remote.stdout


def test_a_board_member_declares_from_afar_and_every_way_reads_the_same(server):
    declared = server.riskctl(ANA, "interest", "declare", "--kind", "governance", "--organisation",
                              "Udruženje Prevent", "--description", "Member of the managing board", "--since",
                              "2023-05-01")
    assert declared.returncode == 0, declared.stderr
    here = local(server, ANA, "interest", "list")
    assert "Udruženje Prevent" in here.stdout
    same(server.riskctl(ANA, "interest", "list"), here)
    # The command line given to ssh itself, as a phone's SSH client would send it, through riskctl-shell.
    typed = server.ssh(ANA, "interest list")
    assert (typed.returncode, typed.stdout) == (0, here.stdout), typed.stderr
    quoted = server.ssh(ANA, "riskctl interest list --json")
    assert json.loads(quoted.stdout) == json.loads(local(server, ANA, "interest", "list", "--json").stdout)


def test_an_attesting_act_is_refused_without_a_terminal_as_it_is_here(server):
    same(server.riskctl(ANA, "interest", "confirm"), local(server, ANA, "interest", "confirm"))


def test_interest_confirm_asks_on_this_terminal(server):
    """The question of an attesting act is asked where riskctl runs, not on the host: a terminal here answers it."""
    primary, secondary = pty.openpty()
    env = {"PATH": os.environ["PATH"], "HOME": str(server.dir), "NO_COLOR": "1",
           "RISKD_SSH": server.ssh_command(server.keys[ANA])}
    proc = subprocess.Popen([RISKCTL, "-H", server.destination(ANA), "interest", "confirm"], stdin=secondary,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    os.close(secondary)
    try:
        os.write(primary, b"y\n")
        stdout, stderr = proc.communicate(timeout=60)
    finally:
        os.close(primary)
    assert proc.returncode == 0, stderr
    assert "[y/N]" in stderr and "complete" in stdout, (stdout, stderr)
    member = server.daemon.call("org.riskd.member.Get", user=ANA)["member"]
    assert member["lastConfirmedAt"] is not None, member


class Lines:
    """The lines a process writes on standard output, read by a thread as they come."""

    def __init__(self, proc):
        self.proc = proc
        self.lines = []
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self):
        for line in self.proc.stdout:
            self.lines.append(line)

    def stop(self):
        self.proc.kill()
        self.proc.wait(timeout=20)
        return self.proc.stderr.read()


def test_review_watch_streams_over_ssh_as_it_does_here(server):
    env = {"PATH": os.environ["PATH"], "HOME": str(server.dir), "RISKD_SSH": server.ssh_command(server.keys[AUDITOR])}
    remote = Lines(subprocess.Popen([RISKCTL, "-H", server.destination(AUDITOR), "review", "watch", "--json"],
                                    stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    text=True, env=env))
    user = ensure_user(AUDITOR)
    here = Lines(subprocess.Popen(["setpriv", "--reuid=%d" % user.uid, "--regid=%d" % user.gid, "--init-groups", "--",
                                   server.user_riskctl, "review", "watch", "--json"], stdin=subprocess.DEVNULL,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                  env={"RISKD_SOCKET": server.daemon.socket, "PATH": os.environ["PATH"]}))
    try:
        time.sleep(3)  # both subscribed: the ssh login takes a moment
        daemon = server.daemon
        deadline = time.monotonic() + 30
        while (not remote.lines or not here.lines) and time.monotonic() < deadline:
            # Clear the finding and raise it again: every watcher gets the events of each run.
            for risk in daemon.call("org.riskd.risk.List")["risks"]:
                daemon.call("org.riskd.risk.Update", id=risk["id"], nextReviewDue="2099-01-01")
            daemon.call("org.riskd.review.Run")
            for risk in daemon.call("org.riskd.risk.List")["risks"]:
                daemon.call("org.riskd.risk.Update", id=risk["id"], nextReviewDue="2026-01-20")
            daemon.call("org.riskd.review.Run")
            time.sleep(1)
        assert remote.lines and here.lines, (remote.lines, here.lines)
        assert remote.proc.poll() is None, "the stream ended"
        first = json.loads(remote.lines[0])
        assert first["event"] in ("raised", "resolved", "reminded"), first
        assert remote.lines[:len(here.lines)] == here.lines[:len(remote.lines)]
        # riskd stops: both streams end as riskd closes the connection, with status 0 and nothing on stderr.
        daemon.stop()
        ends = remote.proc.wait(timeout=30), here.proc.wait(timeout=30)
        assert ends == (0, 0) and (remote.proc.stderr.read(), here.proc.stderr.read()) == ("", "")
    finally:
        for watcher in (remote, here):
            if watcher.proc.poll() is None:
                watcher.stop()
        if server.daemon.proc.poll() is not None:
            server.daemon.start()


def test_the_drop_in_refuses_a_shell_a_command_and_forwarding(server):
    # A login without a command: the shell's help, no prompt.
    login = server.ssh(ANA)
    assert login.returncode == 64 and "runs riskctl only" in login.stdout, login
    # Another command.
    for command in ["ls -la /", "sh -c id", "cat /etc/passwd", "whoami; id", "riskctl whoami --host elsewhere"]:
        refused = server.ssh(ANA, command)
        assert refused.returncode == 64, (command, refused)
        assert refused.stdout == "" and len(refused.stderr.strip().splitlines()) == 1, (command, refused.stderr)
    # A local forwarding to the daemon's machine: sshd refuses the channel; the session itself runs riskctl only.
    target = free_port()
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", target))
        listener.listen(1)
        forward_port = free_port()
        command = server.ssh_command(server.keys[ANA]).split() + [
            "-p", str(server.port), "-l", ANA, "-o", "ExitOnForwardFailure=yes",
            "-L", "127.0.0.1:%d:127.0.0.1:%d" % (forward_port, target), "-N", "127.0.0.1"]
        forwarding = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True, env={"PATH": os.environ["PATH"]})
        try:
            time.sleep(2)
            listener.settimeout(3)
            try:
                with socket.create_connection(("127.0.0.1", forward_port), timeout=3) as through:
                    through.sendall(b"hello")
                    through.recv(10)
            except OSError:
                pass
            with pytest.raises(socket.timeout):
                listener.accept()
        finally:
            forwarding.kill()
            _, stderr = forwarding.communicate(timeout=20)
    assert "administratively prohibited" in stderr or "refused" in stderr.lower(), stderr


def test_the_drop_in_leaves_other_accounts_alone(server):
    plain = server.ssh(PLAIN, "echo", "plain shell")
    assert (plain.returncode, plain.stdout) == (0, "plain shell\n"), plain.stderr


def failure(result, status, *words):
    assert result.returncode == status, (result.returncode, result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("riskctl: "), result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def test_a_key_the_account_does_not_authorize_is_refused_clearly(server):
    failure(server.riskctl(ANA, "whoami", key=server.keys["stranger"]), 67, "refused the SSH login",
            "Permission denied (publickey)")


def test_an_unknown_host_key_is_refused_clearly(server):
    empty = server.dir / "known_hosts.empty"
    empty.write_text("")
    failure(server.riskctl(ANA, "whoami", known_hosts=empty), 78, "SSH host key", "not known or has changed",
            "Host key verification failed")
    changed = server.dir / "known_hosts.changed"
    other = keygen(server.dir / "other_host_key").split(" ", 2)[:2]
    changed.write_text("[127.0.0.1]:%d %s\n" % (server.port, " ".join(other)))
    failure(server.riskctl(ANA, "whoami", known_hosts=changed), 78, "Host key verification failed")


def test_a_host_nobody_answers_on_is_unreachable(server):
    env = {"PATH": os.environ["PATH"], "HOME": str(server.dir), "RISKD_SSH": server.ssh_command()}
    result = subprocess.run([RISKCTL, "-H", "%s@127.0.0.1:%d" % (ANA, free_port()), "whoami"], input="",
                            capture_output=True, text=True, env=env, timeout=60)
    failure(result, 68, "cannot reach", "Connection refused")


def test_no_riskctl_on_the_server(server):
    failure(server.riskctl(PLAIN, "whoami"), 127, "riskctl is not installed on %s" % server.destination(PLAIN))


def test_riskd_not_running_on_the_server(server):
    daemon = server.daemon
    daemon.stop()
    try:
        line = failure(server.riskctl(ANA, "whoami"), 69, "riskd is not running on %s" % server.destination(ANA),
                       "cannot reach riskd at %s" % daemon.socket)
        assert "--socket" not in line
    finally:
        daemon.start()
    assert server.riskctl(ANA, "whoami").returncode == 0


def test_a_bad_host_or_ssh_command_is_a_usage_error(server):
    for host in ["-oProxyCommand=sh", "ana@server:99999", "[::1"]:
        result = subprocess.run([RISKCTL, "--host=" + host, "whoami"], capture_output=True, text=True, timeout=30)
        failure(result, 64, "invalid host")
    env = dict(os.environ, RISKD_SSH="ssh; sh")
    failure(subprocess.run([RISKCTL, "-H", "server", "whoami"], capture_output=True, text=True, env=env, timeout=30),
            64, "RISKD_SSH")
    env = dict(os.environ, RISKD_SSH="/nonexistent/ssh")
    failure(subprocess.run([RISKCTL, "-H", "server", "whoami"], capture_output=True, text=True, env=env, timeout=30),
            1, "cannot run /nonexistent/ssh")
    both = subprocess.run([RISKCTL, "-H", "server", "--socket", "/tmp/x", "whoami"], capture_output=True, text=True,
                          timeout=30)
    failure(both, 64, "--host and --socket")


def test_bridge_without_riskd_says_so_and_exits_69(server, tmp_path):
    result = subprocess.run([RISKCTL, "bridge", "--socket", str(tmp_path / "none.sock")], input="",
                            capture_output=True, text=True, timeout=30)
    failure(result, 69, "cannot reach riskd at")


def test_bridge_copies_bytes_and_ends_when_its_input_ends(server):
    call = json.dumps({"method": "org.riskd.daemon.Whoami", "parameters": {}}).encode() + b"\0"
    user = ensure_user(ANA)
    bridge = subprocess.Popen(["setpriv", "--reuid=%d" % user.uid, "--regid=%d" % user.gid, "--init-groups", "--",
                               RISKCTL, "bridge"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env={"RISKD_SOCKET": server.daemon.socket})
    try:
        # Two calls in one write, their replies in order, byte for byte what riskd sent.
        bridge.stdin.write(call + call)
        bridge.stdin.flush()
        replies = b""
        while replies.count(b"\0") < 2:
            chunk = bridge.stdout.read1(65536)
            assert chunk, bridge.stderr.read()
            replies += chunk
        first, second, rest = replies.split(b"\0")
        assert first == second and rest == b""
        assert json.loads(first)["parameters"]["user"] == ANA
        # The end of its input is passed on; riskd closes, and the bridge exits 0 with nothing more.
        bridge.stdin.close()
        assert bridge.wait(timeout=20) == 0
        assert bridge.stdout.read() == b"" and bridge.stderr.read() == b""
    finally:
        if bridge.poll() is None:
            bridge.kill()
            bridge.wait()
