"""CI (`.ci/run`) tests a fresh clone of the committed HEAD in an empty temporary directory, so that nothing
beside the checkout can be used, and fails when `make test` fails. `make` is replaced here by a stand-in that
records where it ran."""

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

from riskd_e2e import REPO, RISKCTL, RISKD

FAKE_MAKE = """#!/bin/sh
{ pwd; ls -A ..; git rev-parse HEAD; git status --porcelain | wc -l; echo "$@"; stat -c %a ..; } > "$CI_PROBE"
echo "1 passed in 0.01s"
exit "${FAKE_MAKE_STATUS:-0}"
"""


def run_ci(tmp_path, status):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "make").write_text(FAKE_MAKE)
    (bin_dir / "make").chmod(0o755)
    probe = tmp_path / "probe"
    env = dict(os.environ, PATH="%s:%s" % (bin_dir, os.environ["PATH"]), CI_PROBE=str(probe),
               FAKE_MAKE_STATUS=str(status), TMPDIR=str(tmp_path))
    result = subprocess.run([str(REPO / ".ci" / "run")], env=env, capture_output=True, text=True, timeout=300)
    return result, probe.read_text().splitlines()


def test_ci_runs_make_test_in_a_fresh_clone_with_nothing_beside_it(tmp_path):
    result, (where, beside, head, changed, arguments, mode) = run_ci(tmp_path, 0)
    assert result.returncode == 0, result.stderr
    assert Path(where) != REPO and Path(where).name == "riskd" and Path(where).parent.parent == tmp_path
    assert beside == "riskd", "the clone has company: %r" % beside
    assert head == subprocess.run(["git", "-C", str(REPO), "rev-parse", "HEAD"], capture_output=True,
                                  text=True).stdout.strip()
    assert changed == "0" and arguments == "test"
    # As private as a clone in root's home: make test passes there only if nothing run as another user comes
    # from the checkout.
    assert mode == "700", "the clone's directory is %s, not 0700" % mode
    assert result.stdout.rstrip().endswith("1 passed in 0.01s"), "CI's output must end with the summary"
    assert not Path(where).exists(), "the temporary clone is left behind"


def test_ci_fails_when_the_tests_fail(tmp_path):
    result, _ = run_ci(tmp_path, 2)
    assert result.returncode != 0


def test_what_runs_as_another_user_passes_from_a_clone_in_a_0700_directory(users, as_user):
    """The tree as it is (tracked files), with the built binaries, in a 0700 directory like root's home; there the
    tests that run riskd and riskctl as test users pass, because they run copies (user_riskd, user_riskctl)."""
    private = Path(tempfile.mkdtemp(prefix="riskd-private-"))
    try:
        assert stat.S_IMODE(private.stat().st_mode) == 0o700
        clone = private / "riskd"
        tracked = subprocess.run(["git", "-C", str(REPO), "ls-files", "-z"], capture_output=True, check=True,
                                 timeout=60).stdout.decode().split("\0")
        for name in filter(None, tracked):
            if (REPO / name).is_file():
                (clone / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(REPO / name, clone / name)
        built = clone / ".build" / "debug"
        built.mkdir(parents=True)
        for source in (RISKD, RISKCTL):
            shutil.copy2(source, built / os.path.basename(source))
        riskd = str(built / "riskd")
        assert as_user("rdt-nobody", ["test", "-x", riskd], timeout=30).returncode != 0, "the clone is not private"
        env = dict(os.environ, RISKD=riskd, RISKCTL=str(built / "riskctl"))
        result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                                 "Tests/e2e/test_systemd.py::test_syscalls_stay_inside_the_units_filter",
                                 "Tests/e2e/test_daemon_start.py::test_readme_try_both_sides_works_as_root_and_as_a_user",
                                 "Tests/e2e/test_socket_access.py"],
                                cwd=clone, env=env, capture_output=True, text=True, timeout=900)
        assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
        assert " passed" in result.stdout and "skipped" not in result.stdout, result.stdout[-2000:]
    finally:
        shutil.rmtree(private, ignore_errors=True)
