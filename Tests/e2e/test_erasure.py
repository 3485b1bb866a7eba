"""Erasing a declaration's personal text (issue 13, erasure and retention), end to end with the real riskd:

`interest.Erase` empties the description, the value and the management plan, marks the interest erased, and the
text is then in no reply and not in the bytes of the database file or its WAL; the audit chain still verifies.
The daily review erases, by itself, interests that ended more than `interests.retain_ended_days` days before,
on the first day past the retention and not before (hand-moved clock). Bad input changes nothing.
"""
import os

import pytest

from riskd_e2e import VarlinkCallError

INTEREST = "org.riskd.interest"
TEXT = "Zebrafish consultancy for my cousin 7731"
VALUE = "Retainer of 4421 a month"
PLAN = "Steps out of every Zebrafish decision 9981"


def database_bytes(daemon):
    """The database file and its WAL, as they are on disk."""
    data = b""
    for path in (daemon.database, daemon.database + "-wal"):
        if os.path.exists(path):
            with open(path, "rb") as handle:
                data += handle.read()
    return data


def holds_text(daemon):
    data = database_bytes(daemon)
    return [text for text in (TEXT, VALUE, PLAN) if text.encode() in data]


def declare(user_calls, daemon, **extra):
    parameters = dict(kind="employment", organisation="Zebrafish d.o.o.", description=TEXT, value=VALUE,
                      startedOn="2026-01-01", **extra)
    [result] = user_calls("rdt-board", daemon.socket, [(INTEREST, "Declare", parameters)])
    assert result["ok"], result
    interest = result["parameters"]["interest"]["id"]
    daemon.call(INTEREST + ".Manage", id=interest, plan=PLAN)
    return interest


def refused(daemon, error, method, **parameters):
    before = daemon.snapshot()
    with pytest.raises(VarlinkCallError) as raised:
        daemon.call(method, **parameters)
    assert raised.value.error == error, raised.value
    assert daemon.snapshot() == before
    return raised.value.parameters


def test_erase_removes_the_text_from_every_reply_and_from_the_files(start_daemon, user_calls):
    daemon = start_daemon(now="2026-03-01T09:00:00Z")
    interest = declare(user_calls, daemon)
    assert sorted(holds_text(daemon)) == sorted([TEXT, VALUE, PLAN]), "the text must be on disk before erasure"
    assert daemon.call(INTEREST + ".Get", id=interest)["interest"]["erased"] is False

    erased = daemon.call(INTEREST + ".Erase", id=interest, reason="The member asked for it")["interest"]
    assert (erased["description"], erased.get("value"), erased.get("managementPlan"), erased["erased"]) == (
        "", "", "", True)
    assert (erased["declarant"], erased["organisation"], erased["startedOn"]) == (
        "rdt-board", "Zebrafish d.o.o.", "2026-01-01")
    replies = [daemon.call(INTEREST + ".Get", id=interest), daemon.call(INTEREST + ".List"),
               daemon.call("org.riskd.audit.Log"), daemon.call(INTEREST + ".Check", organisations=["Zebrafish"],
                                                                 matter="Consultancy")]
    for reply in replies:
        assert not any(text in str(reply) for text in (TEXT, VALUE, PLAN)), reply
    assert holds_text(daemon) == [], "the erased text is still in the database's bytes"
    assert daemon.call("org.riskd.audit.Verify")["ok"]
    daemon.restart()
    assert daemon.call(INTEREST + ".Get", id=interest)["interest"]["erased"] is True
    assert holds_text(daemon) == []

    again = refused(daemon, INTEREST + ".InvalidValue", INTEREST + ".Erase", id=interest, reason="Twice")
    assert again["field"] == "id" and "already erased" in again["reason"]
    changed = refused(daemon, INTEREST + ".InvalidValue", INTEREST + ".Manage", id=interest, plan="New text")
    assert changed["field"] == "id" and "erased" in changed["reason"]


def test_bad_erasures_are_precise_errors_and_change_nothing(start_daemon, user_calls):
    daemon = start_daemon()
    interest = declare(user_calls, daemon)
    assert refused(daemon, INTEREST + ".NoSuchInterest", INTEREST + ".Erase", id=999, reason="x") == {"id": 999}
    empty = refused(daemon, INTEREST + ".InvalidValue", INTEREST + ".Erase", id=interest, reason="  ")
    assert empty["field"] == "reason"
    [denied] = user_calls("rdt-board", daemon.socket, [(INTEREST, "Erase", {"id": interest, "reason": "Mine"})])
    assert not denied["ok"] and denied["error"] == "org.varlink.service.PermissionDenied", denied
    assert daemon.call(INTEREST + ".Get", id=interest)["interest"]["description"] == TEXT


def test_the_daily_review_erases_ended_interests_the_day_after_their_retention(start_daemon, user_calls):
    daemon = start_daemon(now="2026-01-10T09:00:00Z", extra_config="[interests]\nretain_ended_days = 30\n")
    ended = declare(user_calls, daemon)
    [kept] = user_calls("rdt-board", daemon.socket, [(INTEREST, "Declare", {
        "kind": "funding", "organisation": "Open Society Foundations", "description": "Grant holder, still active",
        "startedOn": "2026-01-02"})])
    daemon.call(INTEREST + ".End", id=ended, endedOn="2026-02-01")

    def erased_after_run(now):
        daemon.set_now(now)
        daemon.call("org.riskd.review.Run", findings=False)
        return daemon.call(INTEREST + ".Get", id=ended)["interest"]["erased"]

    assert not erased_after_run("2026-02-15T09:00:00Z")
    assert not erased_after_run("2026-03-03T23:00:00Z"), "2026-03-03 is the 30th day after its end: kept"
    assert holds_text(daemon)
    assert erased_after_run("2026-03-04T06:00:00Z")
    assert holds_text(daemon) == []
    assert daemon.call(INTEREST + ".Get", id=kept["parameters"]["interest"]["id"])["interest"]["erased"] is False
    entries = daemon.call("org.riskd.audit.Log", subject="interest:%d" % ended)["entries"]
    assert entries[-1]["actor"] == "riskd" and "retention" in entries[-1]["detail"]
    assert daemon.call("org.riskd.audit.Verify")["ok"]


def test_riskctl_erases_and_shows_the_declaration_as_erased(start_daemon, user_calls):
    import subprocess
    from riskd_e2e import RISKCTL
    daemon = start_daemon()
    interest = declare(user_calls, daemon)

    def riskctl(*args):
        return subprocess.run([RISKCTL, "--socket", daemon.socket, *args], capture_output=True, text=True,
                              timeout=60, env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "LANG": "C.UTF-8"})

    done = riskctl("interest", "erase", "I-%d" % interest, "--reason", "The member asked for it")
    assert done.returncode == 0 and done.stderr == "", done
    assert done.stdout.strip() == "I-%d of rdt-board (Zebrafish d.o.o.): its text is erased." % interest
    shown = riskctl("interest", "show", "I-%d" % interest)
    assert shown.returncode == 0 and "Description: (erased)" in shown.stdout, shown.stdout
    assert not any(text in shown.stdout for text in (TEXT, VALUE, PLAN))
    twice = riskctl("interest", "erase", "I-%d" % interest, "--reason", "Again")
    assert twice.returncode == 65 and twice.stderr.count("\n") == 1 and "already erased" in twice.stderr, twice
    missing = riskctl("interest", "erase", "I-%d" % interest)
    assert missing.returncode == 64 and "--reason" in missing.stderr, missing
