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


# Hostile and careless backups (issue 20): a restore trusts the file's rows, never its schema, and reads nothing
# it has not checked. Each refusal exits 69 with one line, replaces nothing and leaves no file behind.

def _backup_copy(daemon, tmp_path, name="hostile.sqlite"):
    """A fresh backup of `daemon`, copied to `tmp_path/name` (mode 0600), with riskd stopped."""
    backup = daemon.call("org.riskd.daemon.Backup")["path"]
    daemon.stop()
    copy = tmp_path / name
    copy.write_bytes(open(backup, "rb").read())
    os.chmod(copy, 0o600)
    return copy


def _edit(path, *statements):
    import sqlite3
    with sqlite3.connect(str(path), isolation_level=None) as db:
        for statement in statements:
            db.execute(statement)
        db.execute("VACUUM")


def _directory_entries(daemon):
    return sorted(os.listdir(os.path.dirname(daemon.database)))


def _assert_refused(daemon, path, *words):
    before = _directory_entries(daemon)
    result = restore(daemon, str(path))
    assert result.returncode == 69, result
    assert result.stderr.startswith("riskd: cannot restore: ") and result.stderr.count("\n") == 1, result.stderr
    for word in words:
        assert word in result.stderr, (word, result.stderr)
    leftover = [name for name in _directory_entries(daemon) if name not in before]
    assert leftover == [], "a refused restore left %s" % leftover
    assert not [name for name in _directory_entries(daemon) if ".restoring" in name or ".replaced-" in name]
    return result


def test_a_backup_whose_schema_brings_a_trigger_view_or_table_is_refused_naming_them(start_daemon, tmp_path):
    daemon = start_daemon()
    daemon.call(RISK + ".Add", title="Kept", category="governance", likelihood=2, impact=2)
    copy = _backup_copy(daemon, tmp_path)
    _edit(copy,
          "CREATE TRIGGER rewrite_title AFTER INSERT ON risk BEGIN "
          "UPDATE risk SET title = 'rewritten' WHERE id = NEW.id; END",
          "CREATE TRIGGER forget_sensitive AFTER INSERT ON interest BEGIN "
          "UPDATE interest SET sensitive = 0 WHERE id = NEW.id; END",
          "CREATE VIEW everything AS SELECT * FROM interest",
          "CREATE TABLE stowaway (x)")
    _assert_refused(daemon, copy, "trigger rewrite_title (on risk)", "trigger forget_sensitive (on interest)",
                    "view everything", "table stowaway", "never a file's own schema")
    daemon.start()
    added = daemon.call(RISK + ".Add", title="Still as sent", category="governance", likelihood=2, impact=2)
    assert added["risk"]["title"] == "Still as sent"
    assert daemon.call(RISK + ".Get", id=added["risk"]["id"])["risk"]["title"] == "Still as sent"


def test_rows_that_break_riskds_own_constraints_are_refused_even_when_the_files_schema_allows_them(
        start_daemon, tmp_path):
    """The file's `CREATE TABLE risk` is edited to drop its CHECKs, then a likelihood of 9 is stored: SQLite's
    integrity check accepts the file (it checks the file's own schema); the rebuild does not."""
    daemon = start_daemon()
    daemon.call(RISK + ".Add", title="Kept", category="governance", likelihood=2, impact=2)
    copy = _backup_copy(daemon, tmp_path)
    import sqlite3
    with sqlite3.connect(str(copy), isolation_level=None) as db:
        sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'risk'").fetchone()[0]
        loose = sql.replace("CHECK (likelihood BETWEEN 1 AND 5)", "")
        assert loose != sql
        db.execute("PRAGMA writable_schema = ON")
        db.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'risk'", (loose,))
    with sqlite3.connect(str(copy), isolation_level=None) as db:
        db.execute("UPDATE risk SET likelihood = 9")
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    _assert_refused(daemon, copy, "a row of table risk breaks riskd's schema")


def test_a_foreign_newer_or_padded_file_is_refused_before_sqlite_reads_it(start_daemon, tmp_path):
    daemon = start_daemon()
    copy = _backup_copy(daemon, tmp_path)
    foreign = tmp_path / "foreign.sqlite"
    foreign.write_bytes(copy.read_bytes())
    _edit(foreign, "PRAGMA application_id = 1196444487")   # 'GPKG', a GeoPackage
    _assert_refused(daemon, foreign, "another program's SQLite database")

    newer = tmp_path / "newer.sqlite"
    newer.write_bytes(copy.read_bytes())
    _edit(newer, "PRAGMA user_version = 999")
    _assert_refused(daemon, newer, "newer riskd")

    padded = tmp_path / "padded.sqlite"
    padded.write_bytes(copy.read_bytes())
    os.chmod(padded, 0o600)
    os.truncate(padded, padded.stat().st_size + (1 << 30))     # a sparse 1 GB tail: no disk, no time
    _assert_refused(daemon, padded, "bytes beyond or short of its pages")

    odd_pages = tmp_path / "odd-pages.sqlite"
    data = bytearray(copy.read_bytes())
    data[16:18] = (3000).to_bytes(2, "big")
    odd_pages.write_bytes(bytes(data))
    os.chmod(odd_pages, 0o600)
    _assert_refused(daemon, odd_pages, "page size of 3000")

    link = tmp_path / "link.sqlite"
    link.symlink_to(copy)
    _assert_refused(daemon, link, "is a symbolic link")

    shared = tmp_path / "shared.sqlite"
    shared.write_bytes(copy.read_bytes())
    os.chmod(shared, 0o666)
    _assert_refused(daemon, shared, "writable by users other than its owner")

    big_pages = tmp_path / "big-pages.sqlite"
    big_pages.write_bytes(copy.read_bytes())
    _edit(big_pages, "PRAGMA page_size = 65536")                # the largest page SQLite writes is restorable
    assert restore(daemon, str(big_pages)).returncode == 0


def test_a_backup_of_another_user_is_refused(start_daemon, tmp_path):
    if os.geteuid() != 0:
        import pytest
        pytest.skip("needs root to give the file to another user")
    import pwd
    daemon = start_daemon()
    copy = _backup_copy(daemon, tmp_path)
    os.chown(copy, pwd.getpwnam("nobody").pw_uid, -1)
    _assert_refused(daemon, copy, "belongs to uid %d" % pwd.getpwnam("nobody").pw_uid)


def test_two_restores_in_the_same_second_keep_both_replaced_databases(start_daemon, tmp_path):
    daemon = start_daemon()
    copy = _backup_copy(daemon, tmp_path)
    now = tmp_path / "now"
    now.write_text("2026-12-06T04:00:00Z\n")
    environment = dict(os.environ, RISKD_TEST_NOW_FILE=str(now))
    command = [RISKD, "--config", daemon.config, "--database", daemon.database, "--restore", str(copy)]
    for _ in range(2):
        result = subprocess.run(command, capture_output=True, text=True, timeout=120, env=environment)
        assert result.returncode == 0, result
    kept = sorted(name for name in _directory_entries(daemon) if ".replaced-" in name and
                  not name.endswith(("-wal", "-shm")))
    assert kept == ["riskd.sqlite.replaced-2026-12-06T040000Z", "riskd.sqlite.replaced-2026-12-06T040000Z-2"], kept
    assert not [name for name in _directory_entries(daemon) if ".restoring" in name]
    daemon.start()
    assert daemon.call("org.riskd.audit.Verify")["ok"]


def test_a_restored_database_is_riskds_own_schema_with_its_id_stamped(start_daemon, tmp_path):
    import sqlite3
    daemon = start_daemon()
    daemon.call(RISK + ".Add", title="Kept", category="governance", likelihood=2, impact=2)
    copy = _backup_copy(daemon, tmp_path)
    with sqlite3.connect(daemon.database) as db:
        schema_before = sorted(db.execute("SELECT type, name, sql FROM sqlite_master").fetchall(), key=str)
    assert restore(daemon, str(copy)).returncode == 0
    with sqlite3.connect(daemon.database) as db:
        assert db.execute("PRAGMA application_id").fetchone()[0] == 0x72736B64
        assert db.execute("PRAGMA user_version").fetchone()[0] == len(
            db.execute("SELECT * FROM grdb_migrations").fetchall())
        assert sorted(db.execute("SELECT type, name, sql FROM sqlite_master").fetchall(), key=str) == schema_before
    daemon.start()
    assert [r["title"] for r in daemon.call(RISK + ".List")["risks"]] == ["Kept"]
    assert daemon.call(RISK + ".Add", title="Next", category="governance", likelihood=1, impact=1)["risk"]["id"] == 2


def test_damaged_backups_are_restored_whole_or_refused_in_one_line_never_half(start_daemon, tmp_path):
    """A seeded fuzz of the restore: random bytes of a real backup overwritten, 60 times. Each restore either
    succeeds with a chain that verifies, or exits 69 with one line; none crashes or leaves a file behind."""
    import random
    daemon = start_daemon()
    for index in range(20):
        daemon.call(RISK + ".Add", title="Risk %d" % index, category="governance", likelihood=2, impact=3)
    copy = _backup_copy(daemon, tmp_path)
    pristine = copy.read_bytes()
    generator = random.Random(20)
    outcomes = {0: 0, 69: 0}
    for attempt in range(60):
        data = bytearray(pristine)
        for _ in range(generator.choice([1, 4, 32])):
            at = generator.randrange(len(data))
            data[at] = generator.randrange(256)
        damaged = tmp_path / ("damaged-%d.sqlite" % attempt)
        damaged.write_bytes(bytes(data))
        os.chmod(damaged, 0o600)
        before = _directory_entries(daemon)
        result = restore(daemon, str(damaged))
        assert result.returncode in outcomes, (attempt, result)
        outcomes[result.returncode] += 1
        if result.returncode == 69:
            assert result.stderr.startswith("riskd: cannot restore: ") and result.stderr.count("\n") == 1, result
            assert _directory_entries(daemon) == before, attempt
        else:
            assert "verified" in result.stdout, result
        assert not [name for name in _directory_entries(daemon) if ".restoring" in name], attempt
    assert outcomes[69] > 0, outcomes
    daemon.start()
    assert daemon.call("org.riskd.audit.Verify")["ok"]
