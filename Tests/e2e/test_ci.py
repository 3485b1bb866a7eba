"""CI (`.ci/run`) tests a fresh clone of the committed HEAD in an empty temporary directory, so that nothing
beside the checkout can be used, and fails when `make test` fails. `make` is replaced here by a stand-in that
records where it ran."""

import os
import subprocess
from pathlib import Path

from riskd_e2e import REPO

FAKE_MAKE = """#!/bin/sh
{ pwd; ls -A ..; git rev-parse HEAD; git status --porcelain | wc -l; echo "$@"; } > "$CI_PROBE"
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
    result, (where, beside, head, changed, arguments) = run_ci(tmp_path, 0)
    assert result.returncode == 0, result.stderr
    assert Path(where) != REPO and Path(where).name == "riskd" and Path(where).parent.parent == tmp_path
    assert beside == "riskd", "the clone has company: %r" % beside
    assert head == subprocess.run(["git", "-C", str(REPO), "rev-parse", "HEAD"], capture_output=True,
                                  text=True).stdout.strip()
    assert changed == "0" and arguments == "test"
    assert result.stdout.rstrip().endswith("1 passed in 0.01s"), "CI's output must end with the summary"
    assert not Path(where).exists(), "the temporary clone is left behind"


def test_ci_fails_when_the_tests_fail(tmp_path):
    result, _ = run_ci(tmp_path, 2)
    assert result.returncode != 0
