"""A removed audit tail does not go unnoticed (issue 8, defect 6).

The hash chain finds an edited entry but not a removed tail, so riskd records the chain's head beside its
database (riskd.sqlite.audit-head) after every review run, at start and at shutdown, and audit.Verify(head:)
compares with a head known from outside. The tampering is done as an attacker with the file would: with the
sqlite3 command-line tool, on the database of a stopped (or running) daemon.
"""

import os
import re
import subprocess

import pytest

from riskd_e2e import VarlinkCallError, REFUSED_EXIT

VERIFY = "org.riskd.audit.Verify"


def sqlite(database, sql):
    """Runs `sql` with the sqlite3 CLI; returns the CompletedProcess (not checked)."""
    return subprocess.run(["sqlite3", database, sql], capture_output=True, text=True, timeout=30)


def tamper(database, sql):
    result = sqlite(database, sql)
    assert result.returncode == 0, result.stderr


def add_risks(daemon, count):
    for number in range(count):
        daemon.call("org.riskd.risk.Add", title="risk %d" % number, category="financial", likelihood=2, impact=3)


def head_file(daemon):
    return daemon.database + ".audit-head"


@pytest.fixture
def daemon(start_daemon):
    return start_daemon()


def test_verify_with_a_head_the_chain_does_not_hold_is_not_ok(daemon):
    started = daemon.call(VERIFY)["entries"]  # riskd's own: the board it saw at start
    add_risks(daemon, 2)
    earlier = daemon.call(VERIFY)
    add_risks(daemon, 2)
    assert daemon.call(VERIFY, head=earlier["head"]) == {"ok": True, "entries": started + 4, "headFound": True,
                                                         "head": daemon.call(VERIFY)["head"]}
    unknown = daemon.call(VERIFY, head="ab" * 32)
    assert unknown["ok"] is False and unknown["entries"] == started + 4
    assert unknown["firstBadSeq"] == started + 5
    assert unknown["headFound"] is False
    with pytest.raises(VarlinkCallError) as refused:
        daemon.call(VERIFY, head="not-a-hash")
    assert refused.value.error == "org.riskd.audit.InvalidValue"
    assert refused.value.parameters["field"] == "head"


def test_verify_compares_with_the_recorded_head(daemon):
    add_risks(daemon, 4)
    daemon.call("org.riskd.review.Run")  # records the head beside the database
    before = daemon.call(VERIFY)
    assert open(head_file(daemon)).read().split() == [str(before["entries"]), before["head"]]
    assert os.stat(head_file(daemon)).st_mode & 0o777 == 0o600
    # Behind the running daemon's back: the guard dropped, the last two entries removed.
    kept = before["entries"] - 2
    tamper(daemon.database, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq > %d;" % kept)
    verify = daemon.call(VERIFY)
    assert verify["ok"] is False
    assert verify["entries"] == kept and verify["firstBadSeq"] == kept + 1
    daemon.kill9()  # a clean stop would record the shortened chain as the head


@pytest.mark.parametrize("removed", ["DELETE FROM audit WHERE seq > 2", "DELETE FROM audit"])
def test_a_shortened_chain_refuses_to_start_until_accepted(daemon, removed):
    add_risks(daemon, 4)
    recorded = daemon.call(VERIFY)["entries"]
    assert daemon.stop() == 0
    tamper(daemon.database, "DROP TRIGGER audit_no_delete; %s;" % removed)
    current = sqlite(daemon.database, "SELECT hash FROM audit ORDER BY seq DESC LIMIT 1").stdout.strip() or "0" * 64

    status, stderr = daemon.start_refused()
    assert status == REFUSED_EXIT, (status, stderr)
    refusal = [line for line in stderr.splitlines() if "audit chain" in line]
    assert len(refusal) == 1, stderr
    assert "--accept-audit-head %s" % current in refusal[0]

    daemon.extra_args = ["--accept-audit-head", "cd" * 32]  # not the chain's head: nothing is accepted
    status, stderr = daemon.start_refused()
    assert status == REFUSED_EXIT and "--accept-audit-head %s" % current in stderr

    daemon.extra_args = ["--accept-audit-head", current]
    daemon.start()
    entries = 2 if "seq > 2" in removed else 0
    verify = daemon.call(VERIFY)
    assert verify["ok"] is True and verify["entries"] == entries + 1
    acceptance = daemon.call("org.riskd.audit.Log", after=entries)["entries"]
    assert [entry["method"] for entry in acceptance] == ["riskd --accept-audit-head"]
    assert '"acceptedHead":"%s"' % current in acceptance[0]["detail"]
    assert '"recordedSeq":%d' % recorded in acceptance[0]["detail"]
    # The trigger dropped by hand is back: the trail is append-only again.
    assert daemon.stop() == 0
    result = sqlite(daemon.database, "DELETE FROM audit")
    assert result.returncode != 0 and "append-only" in result.stderr
    daemon.extra_args = []
    daemon.start()  # the acceptance moved the recorded head: a plain start works


def test_triggers_dropped_by_hand_are_put_back_at_start(daemon):
    started = daemon.call(VERIFY)["entries"]  # riskd's own: the board it saw at start
    add_risks(daemon, 2)
    assert daemon.stop() == 0
    tamper(daemon.database, "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;")
    daemon.start()
    assert re.search(r"append-only triggers .*put back", daemon.stderr_text()), daemon.stderr_tail()
    assert daemon.call(VERIFY)["ok"] is True
    assert daemon.stop() == 0
    for sql in ("UPDATE audit SET detail = '{}' WHERE seq = 1", "DELETE FROM audit WHERE seq = 2"):
        result = sqlite(daemon.database, sql)
        assert result.returncode != 0 and "append-only" in result.stderr, (sql, result)
    daemon.start()
    assert daemon.call(VERIFY)["entries"] == started + 2
