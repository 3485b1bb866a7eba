"""A throwaway machine with systemd 252 as PID 1, booted with systemd-nspawn, for riskd's package and unit tests.

The machine's root is a directory made here: a copy of the host's /etc (without etc/machine-id, so that systemd
makes a transient one, and without the host's enabled services, so that it boots in seconds), a copy of the dpkg
database, and usr/lib/os-release, which systemd-nspawn looks for before it mounts anything. /usr is the host's,
seen through an overlay (--overlay=/usr:UPPER:/usr): the host's files read-only below, and an upper directory of
this run's above, so that dpkg can install riskd in the machine without touching the host.

Commands run in the machine's namespaces through nsenter, as root, with a clean environment. The Varlink socket is
reached from the host as /proc/LEADER/root/run/riskd/riskd.sock: no user namespace, so root is root on both
sides. Every wait is bounded; stop() powers the machine off (and kills it if it will not go).
"""

import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

BOOT_TIMEOUT = 180.0
ENV = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8", "SYSTEMD_PAGER": "", "SYSTEMD_COLORS": "0",
       "TERM": "dumb"}


class CannotBoot(Exception):
    """The machine cannot boot a container here (not root, no systemd-nspawn, or nspawn gave up at once)."""


class Container:
    def __init__(self, files=()):
        """`files`: host paths copied into the machine's /root before it boots (the packages to install)."""
        if os.geteuid() != 0:
            raise CannotBoot("systemd-nspawn needs root, and the tests run as uid %d" % os.geteuid())
        if shutil.which("systemd-nspawn") is None:
            raise CannotBoot("systemd-nspawn is not installed (make test installs Debian's systemd-container)")
        self.base = Path(tempfile.mkdtemp(prefix="riskd-system-", dir="/var/tmp"))
        self.root = self.base / "root"
        self.console = self.base / "console.log"
        self.leader = None
        self._make_root(files)
        self._boot()

    # -- the root directory --------------------------------------------------------------------------------
    def _make_root(self, files):
        root = self.root
        for directory in ("usr/lib", "var/lib", "var/log", "var/cache", "var/tmp", "tmp", "root", "run", "srv",
                          "home", "opt"):
            (root / directory).mkdir(parents=True, exist_ok=True)
        for link in ("bin", "sbin", "lib", "lib64"):
            if os.path.islink("/" + link):
                os.symlink(os.readlink("/" + link), root / link)
        shutil.copy("/usr/lib/os-release", root / "usr/lib/os-release")
        subprocess.run(["cp", "-a", "/etc", str(root / "etc")], check=True, timeout=120)
        subprocess.run(["cp", "-a", "/var/lib/dpkg", str(root / "var/lib/dpkg")], check=True, timeout=120)
        (root / "etc/machine-id").unlink(missing_ok=True)
        # The host's enabled services (databases, mDNS, …) have nothing to do here.
        for wants in (root / "etc/systemd/system").glob("*.wants"):
            if wants.name not in ("sockets.target.wants", "sysinit.target.wants"):
                shutil.rmtree(wants)
        # The machine shares the host's network, and systemd's first boot enables ssh.socket by preset when the host
        # has openssh-server (the e2e tests' sshd): it would listen on the host's port 22. Debian's ssh units do not
        # start while this file exists; test_3_ssh.py removes it and starts sshd on a free loopback port.
        if (root / "etc/ssh").is_dir():
            (root / "etc/ssh/sshd_not_to_be_run").touch()
        for path in files:
            shutil.copy(path, root / "root" / Path(path).name)
        (self.base / "upper").mkdir()

    # -- boot and stop -------------------------------------------------------------------------------------
    def _boot(self):
        argv = ["systemd-nspawn", "-D", str(self.root), "--overlay=/usr:%s:/usr" % (self.base / "upper"),
                "--register=no", "--keep-unit", "--console=read-only",
                # As on a host, systemd may raise a unit's hard limits (riskd.service's LimitNICE=-4); nspawn
                # drops CAP_SYS_RESOURCE from the container by default.
                "--capability=CAP_SYS_RESOURCE", "--boot"]
        with open(self.console, "wb") as log:
            self.nspawn = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                           start_new_session=True)
        deadline = time.monotonic() + BOOT_TIMEOUT
        while time.monotonic() < deadline:
            if self.nspawn.poll() is not None:
                text = self.console_text()
                self._remove()
                raise CannotBoot("systemd-nspawn exited with %s:\n%s" % (self.nspawn.returncode, text[-3000:]))
            if self.leader is None:
                self.leader = self._child()
            elif self.run(["systemctl", "is-system-running"], check=False, timeout=10).stdout.strip() in (
                    "running", "degraded"):
                # The host's /usr/sbin/policy-rc.d (a container image's "start no services") would stop the
                # maintainer scripts from starting riskd; a server has none. Removed in the overlay only.
                self.run(["rm", "-f", "/usr/sbin/policy-rc.d"])
                return
            time.sleep(0.2)
        console, state = self.console_text(), self.run(["systemctl", "list-jobs", "--no-legend"], check=False).stdout
        self.stop()
        raise AssertionError("the container did not boot within %ss; jobs left: %s\n%s"
                             % (BOOT_TIMEOUT, state, console[-3000:]))

    def _child(self):
        """The container's PID 1 as the host numbers it: nspawn's child once that child is systemd (nspawn first
        forks a helper, which forks PID 1 and exits; taking the helper would leave every nsenter failing)."""
        try:
            children = Path("/proc/%d/task/%d/children" % (self.nspawn.pid, self.nspawn.pid)).read_text().split()
            if children and Path("/proc/%s/comm" % children[0]).read_text().strip() == "systemd":
                return int(children[0])
        except OSError:
            pass
        return None

    def stop(self):
        """Powers the machine off, waits for systemd-nspawn, removes the root directory."""
        if self.nspawn.poll() is None:
            self.nspawn.send_signal(signal.SIGTERM)  # nspawn asks the container's systemd to power off
            try:
                self.nspawn.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(self.nspawn.pid, signal.SIGKILL)
                self.nspawn.wait(10)
        self._remove()

    def _remove(self):
        shutil.rmtree(self.base, ignore_errors=True)

    def console_text(self):
        try:
            return self.console.read_text(errors="replace")
        except OSError:
            return ""

    # -- inside ---------------------------------------------------------------------------------------------
    def run(self, argv, check=True, timeout=120, input=None):
        """Runs `argv` in the machine as root; returns the CompletedProcess (text). `check`: fail on non-zero."""
        result = subprocess.run(["nsenter", "-t", str(self.leader), "-m", "-u", "-i", "-n", "-p", "--", *argv],
                                capture_output=True, text=True, timeout=timeout, env=ENV, input=input)
        if check and result.returncode != 0:
            raise AssertionError("%s exited with %d in the container\nstdout: %s\nstderr: %s"
                                 % (" ".join(argv), result.returncode, result.stdout, result.stderr))
        return result

    def sh(self, script, check=True, timeout=120):
        return self.run(["sh", "-c", script], check=check, timeout=timeout)

    def path(self, inside):
        """The host's path to `inside`, a path in the machine (its mounts included)."""
        return "/proc/%d/root%s" % (self.leader, inside)

    def show(self, unit, *properties):
        """`systemctl show` of `unit` as {property: value}."""
        text = self.run(["systemctl", "show", unit, *("-p%s" % p for p in properties)]).stdout
        return dict(line.split("=", 1) for line in text.splitlines() if "=" in line)

    def wait_until(self, what, predicate, timeout=30.0, interval=0.2):
        """Polls `predicate` until it returns a true value, which is returned; fails naming `what`."""
        deadline = time.monotonic() + timeout
        while True:
            value = predicate()
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError("%s: not within %ss" % (what, timeout))
            time.sleep(interval)

    def journal(self, *arguments):
        """journalctl's output (text) with `arguments`, e.g. ("-u", "riskd.service", "-o", "cat")."""
        return self.run(["journalctl", "--no-pager", "-q", *arguments]).stdout

    # -- riskd in the machine -------------------------------------------------------------------------------
    def riskctl(self, *arguments, check=True, user=None):
        """riskctl in the machine, as root or as `user` (runuser); returns the CompletedProcess."""
        prefix = ["runuser", "-u", user, "--"] if user else []
        return self.run([*prefix, "riskctl", *arguments], check=check, timeout=60)

    def installed_version(self):
        """The version of riskd dpkg has installed, or None."""
        result = self.run(["dpkg-query", "-W", "-f=${Status} ${Version}", "riskd"], check=False)
        words = result.stdout.split()
        return words[-1] if result.returncode == 0 and words[:3] == ["install", "ok", "installed"] else None

    def dpkg(self, *arguments):
        """dpkg with `arguments` (a package is named by its file name in the machine's /root); its output."""
        argv = ["dpkg", *("/root/" + Path(a).name if a.endswith(".deb") else a for a in arguments)]
        result = self.run(argv, timeout=300)
        return result.stdout + result.stderr

    def dpkg_install(self, path):
        return self.dpkg("-i", path)

    def main_pid(self):
        return int(self.show("riskd.service", "MainPID")["MainPID"])
