"""A write is acknowledged only after commit: kill -9 under concurrent writers loses no acknowledged risk.

8 threads add risks in a loop over raw sockets, recording every id a reply acknowledged; riskd is killed with
SIGKILL after about 2 seconds and restarted on the same database. Every acknowledged id must be there, the
database must pass `PRAGMA integrity_check` and the audit chain must verify.
"""

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import threading
import time

import pytest

from riskd_e2e import RISKD, ConnectionClosed, Daemon, RawConnection, make_test_dir

WRITERS = 8
RUN_SECONDS = 2.0


def writer(socket_path, number, stop, acknowledged, failures):
    try:
        connection = RawConnection(socket_path, timeout=5)
    except OSError as error:
        failures.append("writer %d could not connect: %s" % (number, error))
        return
    sequence = 0
    try:
        while not stop.is_set():
            sequence += 1
            title = "writer %d risk %d" % (number, sequence)
            try:
                reply = connection.call("org.riskd.risk.Add", {"title": title, "category": "operational",
                                                               "likelihood": 1 + sequence % 5, "impact": 3})
            except (ConnectionClosed, OSError, ValueError):
                return  # the daemon went away: whatever was not acknowledged may be lost
            if "error" in reply:
                failures.append("writer %d: %r" % (number, reply))
                return
            risk = reply["parameters"]["risk"]
            acknowledged.append((risk["id"], title))
    finally:
        connection.close()


def test_acknowledged_writes_survive_kill_9(daemon):
    stop = threading.Event()
    acknowledged, failures = [], []
    threads = [threading.Thread(target=writer, args=(daemon.socket, n, stop, acknowledged, failures), daemon=True)
               for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    time.sleep(RUN_SECONDS)
    daemon.kill9()
    stop.set()
    for thread in threads:
        thread.join(10)
    assert not any(thread.is_alive() for thread in threads), "a writer hung after the daemon was killed"
    assert not failures, failures
    assert len(acknowledged) >= WRITERS, "too few writes acknowledged (%d) to test anything" % len(acknowledged)
    ids = [risk_id for risk_id, _ in acknowledged]
    assert len(set(ids)) == len(ids), "an id was acknowledged twice"

    print("%d risks acknowledged by %d writers before kill -9" % (len(acknowledged), WRITERS))
    daemon.start()

    # Every acknowledged id, with its title, through risk.Get (pipelined in batches).
    missing = []
    with daemon.connect(timeout=30) as connection:
        for start in range(0, len(acknowledged), 200):
            batch = acknowledged[start:start + 200]
            connection.send_bytes(b"".join(b'{"method":"org.riskd.risk.Get","parameters":{"id":%d}}\0' % risk_id
                                           for risk_id, _ in batch))
            for risk_id, title in batch:
                reply = connection.recv_message()
                if "error" in reply:
                    missing.append((risk_id, reply))
                elif reply["parameters"]["risk"]["title"] != title or reply["parameters"]["risk"]["id"] != risk_id:
                    missing.append((risk_id, reply))
    assert not missing, "%d of %d acknowledged risks lost or changed, e.g. %s" % (
        len(missing), len(acknowledged), json.dumps(missing[:3]))

    status = daemon.call("org.riskd.daemon.Status")
    assert status["risks"] >= len(acknowledged)

    uri = "file:%s?mode=ro" % daemon.database
    with sqlite3.connect(uri, uri=True, timeout=10) as database:
        assert database.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert database.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    database.close()

    verify = daemon.call("org.riskd.audit.Verify")
    assert verify["ok"] is True, verify
    assert "firstBadSeq" not in verify or verify["firstBadSeq"] is None
    assert verify["entries"] >= len(acknowledged)

    # The restarted daemon takes writes again.
    risk = daemon.call("org.riskd.risk.Add", title="after the crash", category="strategic", likelihood=1,
                       impact=1)["risk"]
    assert risk["id"] > max(ids)
    assert daemon.call("org.riskd.audit.Verify")["entries"] == verify["entries"] + 1


def test_clean_restart_keeps_everything(daemon):
    ids = daemon.call("org.riskd.risk.Import", risks=[
        {"title": "kept %d" % n, "category": "compliance", "likelihood": 2, "impact": 2} for n in range(5)])["ids"]
    before = daemon.call("org.riskd.audit.Verify")
    daemon.restart()
    assert daemon.exit_codes[-1] == 0
    assert [daemon.call("org.riskd.risk.Get", id=i)["risk"]["title"] for i in ids] == ["kept %d" % n for n in range(5)]
    after = daemon.call("org.riskd.audit.Verify")
    assert (after["ok"], after["entries"], after["head"]) == (True, before["entries"], before["head"])


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed (make deps installs it)")
def test_every_acknowledged_write_was_synced_to_disk():
    """kill -9 spares the kernel's page cache; a power cut does not. Each of N sequential writes must have been
    fsynced (the WAL, `synchronous=FULL`) before riskd answered it: N replies, at least N syncs. With
    `synchronous=NORMAL`, which GRDB sets on its own, the WAL is synced only at checkpoints."""
    directory = make_test_dir("riskd-e2e-sync-")
    daemon = Daemon(directory)
    trace = os.path.join(directory, "strace")
    with open(daemon.stderr_path, "ab") as log:
        daemon.proc = subprocess.Popen(
            ["strace", "-f", "-qq", "-e", "trace=fsync,fdatasync", "-o", trace, RISKD, "--config", daemon.config,
             "--socket", daemon.socket, "--database", daemon.database],
            stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True)
    try:
        daemon.wait_ready()
        writes = 20
        with RawConnection(daemon.socket, timeout=10) as connection:
            before = sum(1 for line in open(trace) if "sync(" in line)
            for number in range(writes):
                reply = connection.call("org.riskd.risk.Add", {"title": "synced %d" % number, "category": "financial",
                                                               "likelihood": 2, "impact": 2})
                assert "parameters" in reply, reply
            syncs = sum(1 for line in open(trace) if "sync(" in line) - before
        assert syncs >= writes, "%d syncs for %d acknowledged writes" % (syncs, writes)
    finally:
        # strace leads the process group: SIGTERM reaches riskd too, and strace exits after it.
        os.killpg(daemon.proc.pid, signal.SIGTERM)
        daemon.proc.wait(30)
        shutil.rmtree(directory, ignore_errors=True)
