"""The public register of interests (issue 13, its register part), with real uids: every interest in force at the
time asked and those ended within the retention, each sensitive one withheld for every caller, admin included;
the board members whose confirmation is overdue; a user with no role refused unless interests.public_register
is true. riskctl prints it as a table, CSV or JSON.
"""
import csv
import io
import subprocess

from riskd_e2e import RISKCTL, SECOND_BOARD

INTEREST = "org.riskd.interest"
SECRET = "Fondacija Porodica Kovač"


def declare(user_calls, daemon, user, **parameters):
    [result] = user_calls(user, daemon.socket, [(INTEREST, "Declare", parameters)])
    assert result["ok"], result
    return result["parameters"]["interest"]["id"]


def registered(start_daemon, board2, user_calls, public):
    extra = "[interests]\nretain_ended_days = 30\npublic_register = %s\n" % ("true" if public else "false")
    daemon = start_daemon(board=SECOND_BOARD + ["unix-user:rdt-board2"], now="2026-01-10T09:00:00Z", extra_config=extra)
    declare(user_calls, daemon, "rdt-board", kind="funding", organisation="Western Balkan Fund",
            description="Project coordinator", startedOn="2026-01-02")
    declare(user_calls, daemon, "rdt-board2", kind="family", organisation=SECRET, description="My brother runs it",
            sensitive=True, startedOn="2026-01-02")
    ended = declare(user_calls, daemon, "rdt-board2", kind="gift", organisation="Eurodesk",
                    description="A conference dinner", value="40", startedOn="2026-01-05")
    daemon.call(INTEREST + ".End", id=ended, endedOn="2026-01-06")
    [confirmed] = user_calls("rdt-board", daemon.socket, [(INTEREST, "Confirm", {})])
    assert confirmed["ok"], confirmed
    return daemon


def test_the_register_withholds_sensitive_entries_for_everyone_and_keeps_ended_ones_for_the_retention(
        start_daemon, board2, user_calls):
    daemon = registered(start_daemon, board2, user_calls, public=True)
    daemon.set_now("2026-02-01T09:00:00Z")
    for caller in (None, "rdt-admin", "rdt-board", "rdt-nobody"):
        if caller is None:
            reply = daemon.call(INTEREST + ".Register")
        else:
            [result] = user_calls(caller, daemon.socket, [(INTEREST, "Register", {})])
            assert result["ok"], (caller, result)
            reply = result["parameters"]
        assert SECRET not in str(reply) and "brother" not in str(reply), caller
        entries = [(e["declarant"], e["kind"], e["organisation"], e.get("endedOn")) for e in reply["entries"]]
        assert entries == [("rdt-board", "funding", "Western Balkan Fund", None),
                           ("rdt-board2", "withheld", "", None),
                           ("rdt-board2", "gift", "Eurodesk", "2026-01-06")], caller
        assert reply["breaches"] == []
    # 2026-02-06 is 31 days after the gift ended: past the 30 days' retention, it is no longer listed.
    later = daemon.call(INTEREST + ".Register", asOf="2026-02-06")["entries"]
    assert [e["organisation"] for e in later] == ["Western Balkan Fund", ""]
    before = daemon.call(INTEREST + ".Register", asOf="2026-01-03")["entries"]
    assert before == [], "nothing was declared yet on 2026-01-03"


def test_members_whose_confirmation_is_overdue_are_named(start_daemon, board2, user_calls):
    daemon = registered(start_daemon, board2, user_calls, public=False)
    daemon.set_now("2026-03-01T09:00:00Z")   # past the first confirmation's 28 days for rdt-board2
    assert daemon.call(INTEREST + ".Register")["notConfirmed"] == ["rdt-board2"]


def test_no_role_is_refused_unless_the_register_is_public_and_bad_as_of_is_invalid(start_daemon, board2, user_calls):
    daemon = registered(start_daemon, board2, user_calls, public=False)
    [denied] = user_calls("rdt-nobody", daemon.socket, [(INTEREST, "Register", {})])
    assert not denied["ok"] and denied["error"] == "org.varlink.service.PermissionDenied", denied
    [board] = user_calls("rdt-board", daemon.socket, [(INTEREST, "Register", {})])
    assert board["ok"], board
    [bad] = user_calls("rdt-board", daemon.socket, [(INTEREST, "Register", {"asOf": "last month"})])
    assert bad["error"] == INTEREST + ".InvalidValue" and bad["parameters"]["field"] == "asOf", bad


def test_riskctl_prints_the_register_as_a_table_csv_and_json(start_daemon, board2, user_calls, tmp_path):
    daemon = registered(start_daemon, board2, user_calls, public=True)

    def riskctl(*args):
        result = subprocess.run([RISKCTL, "--socket", daemon.socket, *args], capture_output=True, text=True,
                                timeout=60, env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "LANG": "C.UTF-8"})
        assert result.returncode == 0 and result.stderr == "", result
        return result.stdout

    table = riskctl("interest", "register")
    assert table.splitlines()[0].split() == ["MEMBER", "KIND", "ORGANISATION", "SINCE", "UNTIL", "DESCRIPTION"]
    assert "withheld" in table and SECRET not in table
    assert "3 entries. Confirmation overdue" not in table, "the clock is within every member's first 28 days"
    rows = list(csv.reader(io.StringIO(riskctl("interest", "register", "--format", "csv"))))
    # The columns riskctl printed before names and breaches were added come first, unchanged.
    assert rows[0] == ["declarant", "kind", "organisation", "description", "startedOn", "endedOn", "record", "name"]
    assert rows[2][:7] == ["rdt-board2", "withheld", "", "", "2026-01-02", "", "interest"]
    out = tmp_path / "register.json"
    riskctl("interest", "register", "--format", "json", "-o", str(out))
    assert SECRET not in out.read_text() and '"entries"' in out.read_text()
