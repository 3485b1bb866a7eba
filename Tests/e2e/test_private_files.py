"""riskd looks at a file before touching it (issue 8, defects 8 and 9): its database, and its backups."""

import os
import shutil
import stat

from riskd_e2e import Daemon, VarlinkCallError, make_test_dir, REFUSED_EXIT

import pytest


def test_another_programs_sqlite_database_is_refused_unchanged_by_its_application_id():
    """An SQLite file of another program (here a GeoPackage's id) at the database path is refused before riskd
    migrates anything into it (issue 20)."""
    import sqlite3
    directory = make_test_dir()
    daemon = Daemon(directory)
    with sqlite3.connect(daemon.database) as db:
        db.execute("PRAGMA application_id = 1196444487")
        db.execute("CREATE TABLE features (id INTEGER PRIMARY KEY)")
    os.chmod(daemon.database, 0o600)
    before = open(daemon.database, "rb").read()
    status, stderr = daemon.start_refused()
    assert status == REFUSED_EXIT and "another program's SQLite database (application_id 0x47504b47" in stderr, stderr
    assert open(daemon.database, "rb").read() == before


def test_a_file_that_is_not_a_database_is_refused_unchanged():
    directory = make_test_dir()
    daemon = Daemon(directory)
    shutil.copyfile("/etc/passwd", daemon.database)
    os.chmod(daemon.database, 0o644)
    before = open(daemon.database, "rb").read()
    status, stderr = daemon.start_refused()
    assert status == REFUSED_EXIT and "is not an SQLite database" in stderr, stderr
    assert stat.S_IMODE(os.stat(daemon.database).st_mode) == 0o644
    assert open(daemon.database, "rb").read() == before


def test_a_backup_directory_others_may_read_is_refused(start_daemon):
    directory = make_test_dir()
    backups = directory / "shared-backups"
    backups.mkdir(mode=0o755)
    backups.chmod(0o755)
    daemon = start_daemon(extra_config='[backup]\ndirectory = "%s"\n' % backups)
    with pytest.raises(VarlinkCallError) as refused:
        daemon.call("org.riskd.daemon.Backup")
    assert refused.value.error == "org.riskd.daemon.InternalError"
    assert list(backups.iterdir()) == []
    assert "mode 0755" in daemon.stderr_text(), daemon.stderr_tail()


def test_a_new_backup_directory_is_private(start_daemon):
    daemon = start_daemon()
    copy = daemon.call("org.riskd.daemon.Backup")
    assert stat.S_IMODE(os.stat(os.path.dirname(copy["path"])).st_mode) == 0o700
    assert stat.S_IMODE(os.lstat(copy["path"]).st_mode) == 0o600
