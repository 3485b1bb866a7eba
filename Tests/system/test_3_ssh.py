"""A board member reaches the machine's riskd from outside it, over SSH, with `riskctl --host`.

In the booted machine, as docs/guide.md's "For board members" tells the administrator: the package's sshd drop-in
linked into /etc/ssh/sshd_config.d, and an account made with useradd, riskctl-shell as its shell, in riskd-board,
with the member's key in its authorized_keys. Only the port differs: the machine shares the host's network, so its
ssh.service listens on 127.0.0.1 and a free port instead of 22. The member's side is the host: the riskctl the
package installed (its Swift runtime linked in), ssh with the test's key and known_hosts only.
"""

import os
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

MEMBER = "ana"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def board_ssh(machine, debs):
    if machine.installed_version() != debs["version"]:
        machine.dpkg_install(debs["current"])
    machine.run(["systemctl", "start", "riskd.service"])
    if machine.run(["test", "-x", "/usr/sbin/sshd"], check=False).returncode != 0:
        pytest.fail("openssh-server is not installed on the host, whose /usr the machine sees: `make deps`")
    laptop = Path(tempfile.mkdtemp(prefix="riskd-system-laptop-"))
    key = laptop / "id_ed25519"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True, timeout=60)
    port = free_port()
    machine.sh("""
        set -e
        ln -sf /usr/share/riskd/sshd/riskd-board.conf /etc/ssh/sshd_config.d/riskd-board.conf
        printf 'Port %d\\nListenAddress 127.0.0.1\\n' > /etc/ssh/sshd_config.d/00-test-port.conf
        test -e /etc/ssh/ssh_host_ed25519_key || ssh-keygen -A
        mkdir -p /run/sshd && sshd -t
        # container.py keeps Debian's ssh units off (the machine shares the host's network); sshd only, no socket
        # unit, so that the port above is the one it listens on.
        rm -f /etc/ssh/sshd_not_to_be_run
        systemctl stop ssh.socket
        systemctl restart ssh.service
    """ % port)
    machine.run(["useradd", "--create-home", "--shell", "/usr/bin/riskctl-shell", "--groups", "riskd-board",
                 "--comment", "Ana Kovač", MEMBER])
    machine.run(["install", "-d", "-m", "0700", "-o", MEMBER, "-g", MEMBER, "/home/%s/.ssh" % MEMBER])
    machine.run(["install", "-m", "0600", "-o", MEMBER, "-g", MEMBER, "/dev/stdin",
                 "/home/%s/.ssh/authorized_keys" % MEMBER], input=(laptop / "id_ed25519.pub").read_text())
    host_key = machine.run(["cat", "/etc/ssh/ssh_host_ed25519_key.pub"]).stdout.split()[:2]
    (laptop / "known_hosts").write_text("[127.0.0.1]:%d %s\n" % (port, " ".join(host_key)))
    yield {"laptop": laptop, "key": key, "port": port, "destination": "%s@127.0.0.1:%d" % (MEMBER, port)}
    machine.run(["userdel", "--remove", MEMBER], check=False)
    machine.sh("rm -f /etc/ssh/sshd_config.d/riskd-board.conf /etc/ssh/sshd_config.d/00-test-port.conf; "
               "touch /etc/ssh/sshd_not_to_be_run; systemctl stop ssh.service", check=False)
    subprocess.run(["rm", "-rf", str(laptop)], check=False, timeout=60)


def from_laptop(machine, board_ssh, *arguments):
    """riskctl --host ana@127.0.0.1:PORT ARGUMENTS, run on the host with the installed riskctl."""
    laptop = board_ssh["laptop"]
    ssh = "ssh -F /dev/null -i %s -o IdentitiesOnly=yes -o IdentityAgent=none -o BatchMode=yes " \
          "-o StrictHostKeyChecking=yes -o UserKnownHostsFile=%s" % (board_ssh["key"], laptop / "known_hosts")
    env = {"PATH": os.environ["PATH"], "HOME": str(laptop), "LANG": "C.UTF-8", "NO_COLOR": "1", "RISKD_SSH": ssh}
    return subprocess.run([machine.path("/usr/bin/riskctl"), "--host", board_ssh["destination"], *arguments],
                          input="", capture_output=True, text=True, env=env, timeout=120)


def test_the_package_lists_its_shell(machine, board_ssh):
    assert "/usr/bin/riskctl-shell\n" in machine.run(["cat", "/etc/shells"]).stdout
    assert machine.run(["readlink", "/usr/bin/riskctl-shell"]).stdout.strip() == "riskctl"


def test_a_board_member_declares_and_reads_from_outside_the_machine(machine, board_ssh):
    whoami = from_laptop(machine, board_ssh, "whoami")
    uid = machine.run(["id", "-u", MEMBER]).stdout.strip()
    assert (whoami.returncode, whoami.stdout) == (0, "%s (uid %s): board\n" % (MEMBER, uid)), whoami.stderr
    declared = from_laptop(machine, board_ssh, "interest", "declare", "--kind", "governance", "--organisation",
                           "Udruženje Prevent", "--description", "Member of the managing board", "--since",
                           "2023-05-01")
    assert declared.returncode == 0, declared.stderr
    listed = from_laptop(machine, board_ssh, "interest", "list")
    here = machine.riskctl("interest", "list", user=MEMBER)
    assert (listed.returncode, listed.stdout) == (0, here.stdout), listed.stderr
    assert "Udruženje Prevent" in listed.stdout


def test_the_account_runs_riskctl_and_nothing_else(machine, board_ssh):
    laptop = board_ssh["laptop"]
    ssh = ["ssh", "-F", "/dev/null", "-i", str(board_ssh["key"]), "-o", "IdentitiesOnly=yes", "-o",
           "IdentityAgent=none", "-o", "BatchMode=yes", "-o", "UserKnownHostsFile=%s" % (laptop / "known_hosts"),
           "-p", str(board_ssh["port"]), "-l", MEMBER, "127.0.0.1"]
    refused = subprocess.run(ssh + ["id"], input="", capture_output=True, text=True, timeout=60)
    assert refused.returncode == 64, refused
    assert refused.stdout == "" and "'id' is not a riskctl command" in refused.stderr, refused.stderr
    typed = subprocess.run(ssh + ["whoami"], input="", capture_output=True, text=True, timeout=60)
    assert typed.returncode == 0 and typed.stdout.startswith(MEMBER + " (uid "), typed
