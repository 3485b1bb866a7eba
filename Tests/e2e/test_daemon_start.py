"""What riskd says and does at start, for a user following the guide and for systemd: per-user mode chosen by
`--user` and the same for every user (root included), the mode and paths logged at start, `riskd --version`, a
distinct exit status for a refusal to start that the unit does not restart, and riskd(8) in step with --help."""

import os
import re
import signal
import subprocess
import time
from pathlib import Path

import pytest

from riskd_e2e import REFUSED_EXIT, REPO, RISKD, as_user_command, make_test_dir, run_as, user_env

GUIDE = REPO / "docs" / "guide.md"


def guide_board_line():
    """The line of docs/guide.md's "try both sides" that writes a configuration putting the caller on the board, as
    it is written there but into the directory given as $1 instead of /tmp."""
    [line] = [line for line in GUIDE.read_text().splitlines() if line.startswith("printf '[access]")]
    assert line.endswith(" > /tmp/riskd-board.toml"), line
    return line.replace(" > /tmp/riskd-board.toml", ' > "$1/riskd-board.toml"') + "\n"


@pytest.fixture
def binaries(user_binaries):
    """riskd and riskctl where any user may run them (conftest's user_binaries)."""
    return user_binaries


def run_guide_board_steps(binaries, user, users):
    """docs/guide.md's "try both sides": a configuration putting the caller on the board, `riskd --user --config`, and
    `riskctl whoami` finding the per-user socket by itself. As root when `user` is None."""
    home = make_test_dir("riskd-e2e-home-")
    runtime = home / "run"
    runtime.mkdir(mode=0o700)
    if user is not None:
        os.chown(home, users[user].uid, users[user].gid)
        os.chown(runtime, users[user].uid, users[user].gid)
    # The per-user paths come from XDG_RUNTIME_DIR and XDG_STATE_HOME (else ~/.local/state of the account).
    env = {"HOME": str(home), "XDG_RUNTIME_DIR": str(runtime), "XDG_STATE_HOME": str(home / "state"), "NO_COLOR": "1"}

    def run(argv, **kwargs):
        if user is None:
            return subprocess.run(argv, env=user_env(env), capture_output=True, text=True, timeout=60, **kwargs)
        return run_as(users[user], argv, env=env)

    assert run(["sh", "-c", guide_board_line(), "sh", str(home)]).returncode == 0
    argv = [binaries["riskd"], "--user", "--config", str(home / "riskd-board.toml")]
    if user is not None:
        argv = as_user_command(users[user], argv)
    log = home / "riskd.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(argv, env=user_env(env), stdout=out, stderr=out, start_new_session=True)
    socket = runtime / "riskd" / "riskd.sock"
    try:
        deadline = time.monotonic() + 20
        while not socket.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert socket.exists(), log.read_text()
        whoami = run([binaries["riskctl"], "whoami"])
        return whoami, log.read_text(), home
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0, log.read_text()


@pytest.mark.parametrize("user", [None, "rdt-nobody"], ids=["root", "user"])
def test_readme_try_both_sides_works_as_root_and_as_a_user(binaries, users, user):
    whoami, log, home = run_guide_board_steps(binaries, user, users)
    name = user or "root"
    assert whoami.returncode == 0, whoami.stderr
    assert re.match(r"%s \(uid \d+\): admin, board" % name, whoami.stdout), whoami.stdout
    runtime, database = home / "run" / "riskd" / "riskd.sock", home / "state/riskd/riskd.sqlite"
    assert database.exists(), "the per-user database is not under $XDG_STATE_HOME"
    assert ("starting in per-user mode: socket %s, database %s, configuration %s" % (
        runtime, database, home / "riskd-board.toml")) in log, log


def test_system_mode_without_user_whoever_runs_it(tmp_path):
    result = subprocess.run([RISKD, "--check-config"], capture_output=True, text=True, timeout=30,
                            env=user_env({"XDG_RUNTIME_DIR": str(tmp_path)}))
    assert result.returncode == 0, result.stderr
    assert "mode: system" in result.stdout and "socket: /run/riskd/riskd.sock" in result.stdout
    per_user = subprocess.run([RISKD, "--user", "--check-config"], capture_output=True, text=True, timeout=30,
                              env=user_env({"XDG_RUNTIME_DIR": str(tmp_path), "HOME": str(tmp_path)}))
    assert "mode: per-user" in per_user.stdout and "socket: %s/riskd/riskd.sock" % tmp_path in per_user.stdout
    assert "configuration: none" in per_user.stdout, "a per-user riskd must not read /etc/riskd/riskd.toml"


def test_version():
    result = subprocess.run([RISKD, "--version"], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0 and re.fullmatch(r"riskd \d+\.\d+\.\d+\n", result.stdout), result


def test_unit_does_not_restart_a_refusal_and_reloads_with_an_absolute_path():
    unit = (REPO / "systemd" / "riskd.service").read_text()
    prevented = re.search(r"^RestartPreventExitStatus=(.*)$", unit, re.M).group(1).split()
    assert str(REFUSED_EXIT) in prevented and "78" in prevented
    assert re.search(r"^ExecReload=/", unit, re.M), "ExecReload= needs an absolute path on systemd 252"
    manual = (REPO / "man" / "riskd.8").read_text()
    assert re.search(r"^\.It %d$" % REFUSED_EXIT, manual, re.M), "riskd(8) does not list exit status %d" % REFUSED_EXIT


def test_manual_synopsis_and_help_name_the_same_options():
    help_text = subprocess.run([RISKD, "--help"], capture_output=True, text=True, timeout=30).stdout
    helped = set(re.findall(r"^\s+(--[a-z-]+)", help_text, re.M)) - {"--help"}
    manual = (REPO / "man" / "riskd.8").read_text()
    synopsis = manual[manual.index(".Sh SYNOPSIS"):manual.index(".Sh DESCRIPTION")]
    documented = {"--" + name for name in re.findall(r"Fl -([a-z-]+)", synopsis)}
    assert helped == documented, (sorted(helped - documented), sorted(documented - helped))
    foreground = re.search(r"^\.It Fl -foreground\n(.*?)^\.It ", manual, re.M | re.S).group(1)
    assert "ignored" in foreground and "as well as" not in foreground
    rendered = subprocess.run(["mandoc", "-Tutf8", str(REPO / "man" / "riskd.8")], capture_output=True,
                              text=True, timeout=30).stdout
    assert not re.search(r"‘[^’]*after installing it’", rendered), "a misplaced quote in riskd(8)"


def test_protocol_manual_leads_with_clients_that_debian_12_has():
    """varlinkctl is not in systemd 252: riskd-varlink(7) shows the python client first and names the version."""
    manual = (REPO / "man" / "riskd-varlink.7").read_text()
    examples = re.findall(r"^\.Bd -literal[^\n]*\n(.*?)^\.Ed", manual, re.M | re.S)
    assert examples and not examples[0].lstrip().startswith("varlinkctl"), examples[:1]
    for paragraph in re.split(r"^\.Pp$", manual, flags=re.M):
        if "varlinkctl" in paragraph:
            assert "255" in paragraph, paragraph
