"""Going live without everything "late": a declaration is late only more than interests.late_after_days after the
latest of the interest's start, the member's joining and the day the register opened (interests.register_opened_on,
by default the database's first start, recorded in it)."""

import sqlite3
import subprocess
from datetime import date, timedelta

from riskd_e2e import RISKD

INTEREST = "org.riskd.interest"
OLD_INTEREST = {"kind": "governance", "organisation": "Udruženje Prevent", "description": "Member of the board",
                "startedOn": "2023-05-01"}


def declare(user_calls, daemon, draft=OLD_INTEREST):
    result = user_calls("rdt-board", daemon.socket, [(INTEREST, "Declare", draft)])[0]
    assert result["ok"], result
    return result["parameters"]["interest"]


def test_existing_declarations_entered_when_the_register_opens_are_not_late(daemon, user_calls):
    assert declare(user_calls, daemon)["late"] is False
    with sqlite3.connect(daemon.database, timeout=10) as db:
        opened = db.execute("SELECT day FROM register_day WHERE name = 'opened_on'").fetchone()
    assert opened == (date.today().isoformat(),), "the first start is not recorded as the opening day"


def test_late_once_the_member_and_the_register_are_older_than_28_days(start_daemon, user_calls):
    long_ago = (date.today() - timedelta(days=400)).isoformat()
    daemon = start_daemon(extra_config="[interests]\nregister_opened_on = \"%s\"\n" % long_ago)
    with sqlite3.connect(daemon.database, timeout=10) as db:
        # rdt-board joined the board 400 days ago (riskd may have seen them at start already).
        db.execute("INSERT INTO member(user, uid, first_seen_at, last_seen_at) VALUES ('rdt-board', 0, ?1, ?1) "
                   "ON CONFLICT(user) DO UPDATE SET first_seen_at = ?1", (long_ago + "T00:00:00Z",))
    assert declare(user_calls, daemon)["late"] is True
    recent = dict(OLD_INTEREST, organisation="OSF", startedOn=(date.today() - timedelta(days=5)).isoformat())
    assert declare(user_calls, daemon, recent)["late"] is False


def test_a_bad_opening_day_is_a_configuration_error(tmp_path):
    config = tmp_path / "riskd.toml"
    config.write_text("[interests]\nregister_opened_on = \"last spring\"\n")
    result = subprocess.run([RISKD, "--check-config", "--config", str(config)], capture_output=True, text=True,
                            timeout=30)
    assert result.returncode == 78
    assert "interests.register_opened_on" in result.stderr and ":2:" in result.stderr, result.stderr
