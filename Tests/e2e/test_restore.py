"""Backups that are restores (issue 13): a backup taken while writers keep writing restores, with `riskd --restore
FILE`, to a database whose audit chain verifies and which holds every write acknowledged before the backup
started; the replaced database is kept beside it. A restore is refused while riskd serves the database, and a
damaged file is refused before anything is replaced.
"""
import os
import subprocess
import threading

from riskd_e2e import RISKD, VarlinkCallError

RISK = "org.riskd.risk"


def restore(daemon, backup):
    return subprocess.run([RISKD, "--config", daemon.config, "--database", daemon.database, "--restore", backup],
                          capture_output=True, text=True, timeout=120)


def test_a_backup_under_concurrent_writes_restores_with_every_write_acknowledged_before_it(start_daemon):
    daemon = start_daemon()
    acknowledged = []
    stop = threading.Event()

    def writer(n):
        with daemon.client() as client, client.open(RISK) as risk:
            i = 0
            while not stop.is_set():
                added = risk.Add(title="Writer %d risk %d" % (n, i), category="governance", likelihood=2, impact=2)
                acknowledged.append(added["risk"]["id"])
                i += 1

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(3)]
    for thread in threads:
        thread.start()
    while len(acknowledged) < 30:
        pass
    before = set(acknowledged)                      # acknowledged before the backup was asked for
    backup = daemon.call("org.riskd.daemon.Backup")["path"]
    stop.set()
    for thread in threads:
        thread.join()
    after_backup = daemon.call(RISK + ".Add", title="Added after the backup", category="governance", likelihood=1,
                               impact=1)["risk"]["id"]

    refused = restore(daemon, backup)
    assert refused.returncode == 69, refused
    assert "already uses the database" in refused.stderr and "pid %d" % daemon.proc.pid in refused.stderr, refused
    daemon.stop()
    done = restore(daemon, backup)
    assert done.returncode == 0, done
    assert "audit chain of" in done.stdout and "verified" in done.stdout, done.stdout
    kept = [name for name in os.listdir(os.path.dirname(daemon.database)) if ".replaced-" in name]
    assert any(not name.endswith(("-wal", "-shm")) for name in kept), kept

    daemon.start()
    assert daemon.call("org.riskd.audit.Verify")["ok"]
    ids = set()
    after = None
    while True:
        page = daemon.call(RISK + ".List", status=["open", "mitigating", "accepted", "closed"], limit=1000,
                           **({"after": after} if after else {}))
        ids |= {r["id"] for r in page["risks"]}
        after = page.get("next")
        if not after:
            break
    assert before <= ids, "acknowledged before the backup, missing after the restore: %s" % sorted(before - ids)
    assert after_backup not in ids
    entries = daemon.call("org.riskd.audit.Log", limit=1000)["entries"]
    assert entries[-1]["method"] == "riskd --restore"


def test_a_damaged_backup_is_refused_and_nothing_is_replaced(start_daemon, tmp_path):
    daemon = start_daemon()
    daemon.call(RISK + ".Add", title="Kept", category="governance", likelihood=2, impact=2)
    backup = daemon.call("org.riskd.daemon.Backup")["path"]
    daemon.stop()
    damaged = tmp_path / "damaged.sqlite"
    data = bytearray(open(backup, "rb").read())
    data[len(data) // 2:len(data) // 2 + 4096] = b"\xff" * 4096
    damaged.write_bytes(bytes(data))
    not_a_database = tmp_path / "notes.txt"
    not_a_database.write_text("not a database\n")
    for bad in (damaged, not_a_database, tmp_path / "missing.sqlite"):
        result = restore(daemon, str(bad))
        assert result.returncode != 0 and result.stderr.startswith("riskd: cannot restore: "), (bad, result)
        assert result.stderr.count("\n") == 1, result.stderr
    assert not [name for name in os.listdir(os.path.dirname(daemon.database)) if ".replaced-" in name]
    daemon.start()
    assert [r["title"] for r in daemon.call(RISK + ".List")["risks"]] == ["Kept"]


def test_mails_waiting_in_a_restored_backup_are_uncertain_not_sent_again(start_daemon):
    """A backup holds the outbox as it stood: a mail queued then may have gone out since, so after a restore it is
    uncertain, never handed to the deliverer a second time."""
    daemon = start_daemon()
    queued = daemon.call("org.riskd.mail.Test", address="secretariat@example.org")["mail"]["id"]
    backup = daemon.call("org.riskd.daemon.Backup")["path"]
    claimed = daemon.call("org.riskd.mail.Claim")["mail"]
    assert claimed["id"] == queued
    daemon.call("org.riskd.mail.Report", id=queued, outcome="sent")
    daemon.stop()
    assert restore(daemon, backup).returncode == 0
    daemon.start()
    assert "mail" not in daemon.call("org.riskd.mail.Claim"), "a mail sent after the backup was handed out again"
    [mail] = daemon.call("org.riskd.mail.Status", state="uncertain")["mails"]
    assert mail["id"] == queued and "restored from a backup" in mail["reason"]
