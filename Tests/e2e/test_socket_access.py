"""A user the socket refuses is told who it is open to, which key decides it, and the one command that lets them in
(riskd run by hand creates its socket with socket_mode and socket_group; riskd.socket's is 0666).

Real test users against a real riskd: rdt-nobody is in no group but its own, rdt-admin is in rdt-admin, and
rdt-board2 is listed in SECOND_BOARD_GROUP (the board2 fixture).
"""

import os
import subprocess
from pathlib import Path

from riskd_e2e import REPO, SECOND_BOARD_GROUP, run_as, user_env

UNREACHABLE = 69


def with_socket(daemon, mode, group=None):
    """Restarts `daemon` with its socket created as `mode` and owned by `group` (None: riskd's own group)."""
    config = Path(daemon.config)
    lines = [line for line in config.read_text().splitlines() if not line.startswith(("socket_mode", "socket_group"))]
    top = ['socket_mode = "%s"' % mode] + (['socket_group = "%s"' % group] if group else [])
    config.write_text("\n".join(top + lines) + "\n")
    daemon.restart()
    return daemon


def whoami(user, user_riskctl, daemon):
    return run_as(user, [user_riskctl, "--socket", daemon.socket, "whoami"], timeout=30)


def refusal(result):
    assert result.returncode == UNREACHABLE, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "is your user in the group" not in lines[0]
    return lines[0]


def test_a_user_outside_the_sockets_group_is_told_the_group_the_key_and_the_command(start_daemon, users,
                                                                                     user_riskctl):
    daemon = with_socket(start_daemon(), "0660", "rdt-admin")
    assert os.stat(daemon.socket).st_mode & 0o777 == 0o660
    line = refusal(whoami(users["rdt-nobody"], user_riskctl, daemon))
    assert line == ("riskctl: cannot connect to riskd at %s: permission denied; it is open to group rdt-admin "
                    "(socket_group in the riskd.toml riskd was started with): ask the administrator to run "
                    "`usermod -aG rdt-admin rdt-nobody`, then log in again" % daemon.socket), line
    # A member of the group gets in, through the same socket.
    member = whoami(users["rdt-admin"], user_riskctl, daemon)
    assert member.returncode == 0 and "rdt-admin" in member.stdout, member.stderr


def test_a_socket_open_to_its_owner_alone_names_socket_mode(start_daemon, users, user_riskctl):
    daemon = with_socket(start_daemon(), "0600")
    line = refusal(whoami(users["rdt-nobody"], user_riskctl, daemon))
    assert "(mode 0600, socket_mode in the riskd.toml riskd was started with) is open only to root" in line, line
    assert "usermod" not in line, line


def test_riskds_own_group_root_is_never_offered_to_join(start_daemon, users, user_riskctl):
    """riskd run by root with socket_group unset: the socket's group is root, which nobody should be told to join."""
    daemon = with_socket(start_daemon(), "0660")
    line = refusal(whoami(users["rdt-nobody"], user_riskctl, daemon))
    assert "it is open to root alone (socket_group unset in the riskd.toml riskd was started with" in line, line
    assert "usermod" not in line and 'socket_mode = "0666"' in line, line


def test_a_member_added_after_the_login_began_is_told_to_log_in_again(start_daemon, board2, user_riskctl):
    daemon = with_socket(start_daemon(), "0660", SECOND_BOARD_GROUP)
    # A login that began before `usermod -aG`: the user's own group only, though /etc/group lists it.
    stale = ["setpriv", "--reuid=%d" % board2.uid, "--regid=%d" % board2.gid, "--clear-groups", "--",
             user_riskctl, "--socket", daemon.socket, "whoami"]
    result = subprocess.run(stale, capture_output=True, text=True, timeout=30, env=user_env(), cwd="/tmp")
    line = refusal(result)
    assert line.endswith("it is open to group %s, which you joined after this login began: log in again (or run "
                         "`newgrp %s`)" % (SECOND_BOARD_GROUP, SECOND_BOARD_GROUP)), line
    # A new login has the group.
    fresh = run_as(board2, [user_riskctl, "--socket", daemon.socket, "whoami"], timeout=30)
    assert fresh.returncode == 0, fresh.stderr


def test_a_closed_directory_is_named(start_daemon, users, user_riskctl):
    daemon = start_daemon()
    os.chmod(daemon.dir, 0o700)
    try:
        line = refusal(whoami(users["rdt-nobody"], user_riskctl, daemon))
    finally:
        os.chmod(daemon.dir, 0o755)
    assert line == ("riskctl: cannot connect to riskd at %s: permission denied; the directory %s is closed to you: "
                    "ask the administrator to open it, or to put the socket elsewhere (socket in riskd.toml)"
                    % (daemon.socket, daemon.dir)), line



GUIDE_MARK = "<!-- tested: Tests/e2e/test_socket_access.py runs the sed line of the next block -->"


def test_the_guides_hand_run_opens_the_socket_to_everyone(start_daemon, users, user_riskctl):
    """docs/install.md "Letting others reach riskd": the sed line it gives, run on a copy of config/riskd.toml, makes
    the socket riskd creates 0666, so that a user in no group connects and [access] alone decides."""
    text = (REPO / "docs" / "install.md").read_text()
    block = text.split(GUIDE_MARK, 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    [sed] = [line for line in block.splitlines() if line.startswith("sed -i ")]
    daemon = start_daemon()
    config = Path(daemon.config)
    # Every key at its default (the test's --socket and --database still apply): the socket would be 0660.
    config.write_text((REPO / "config" / "riskd.toml").read_text())
    edited = subprocess.run(["sh", "-c", sed.replace("/etc/riskd/riskd.toml", str(config))], capture_output=True,
                            text=True, timeout=30)
    assert edited.returncode == 0, edited.stderr
    assert 'socket_mode = "0666"' in config.read_text()
    daemon.restart()
    assert os.stat(daemon.socket).st_mode & 0o777 == 0o666
    assert whoami(users["rdt-nobody"], user_riskctl, daemon).returncode == 0
