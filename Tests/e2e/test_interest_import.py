"""`riskctl interest import FILE`: the secretariat enters a board's existing declarations when the register opens.
All or nothing; every bad row is reported with its row and column; each declaration is audited as made by the
administrator (root here) on behalf of its declarant. Real riskd, real riskctl."""

import subprocess
from datetime import date, timedelta

from riskd_e2e import RISKCTL

HEADER = "declarant,kind,organisation,description,value,sensitive,startedOn,endedOn\n"
FUTURE = (date.today() + timedelta(days=30)).isoformat()


def riskctl(daemon, *args):
    return subprocess.run([RISKCTL, "--socket", daemon.socket, *args], capture_output=True, text=True, timeout=60)


def import_file(daemon, tmp_path, body, name="board.csv"):
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return riskctl(daemon, "interest", "import", str(path)), str(path)


def test_imports_every_row_audited_as_the_admin_on_behalf_of_the_member(daemon, tmp_path):
    result, _ = import_file(daemon, tmp_path,
                            "rdt-board,governance,Udruženje Prevent,Member of the managing board,,no,2023-05-01,\n"
                            "rdt-board,family,Western Balkan Fund,Partner is a programme officer,,yes,2025-02-01,\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Imported 2 declarations"), result.stdout
    interests = daemon.call("org.riskd.interest.List")["interests"]
    assert [(i["declarant"], i["kind"], i["sensitive"], i["late"]) for i in interests] == [
        ("rdt-board", "governance", False, False), ("rdt-board", "family", True, False)]
    for interest in interests:
        entries = daemon.call("org.riskd.audit.Log", subject="interest:%d" % interest["id"])["entries"]
        assert [(e["actor"], e["method"]) for e in entries] == [("root", "org.riskd.interest.Import")]
        assert '"declarant":"rdt-board"' in entries[0]["detail"]
        assert "programme officer" not in entries[0]["detail"]


def test_every_bad_row_is_reported_and_nothing_is_imported(daemon, tmp_path):
    result, path = import_file(daemon, tmp_path,
                               "rdt-board,hobby,OSF,Chess club,,no,2023-05-01,\n"
                               "rdt-board,gift,OSF,A dinner,,no,2023-05-01,\n"
                               "rdt-board,gift,OSF,A dinner,,perhaps,2023-13-01,\n"
                               ",gift,OSF,A dinner,,no,2023-05-01,\n")
    assert result.returncode == 65, (result.returncode, result.stderr)
    lines = result.stderr.splitlines()
    assert any(line.startswith("riskctl: %s:2: kind: " % path) for line in lines), lines
    assert any(line.startswith("riskctl: %s:4: sensitive: " % path) for line in lines), lines
    assert any(line.startswith("riskctl: %s:4: startedOn: " % path) for line in lines), lines
    assert any(line.startswith("riskctl: %s:5: declarant: " % path) for line in lines), lines
    assert daemon.call("org.riskd.interest.List")["interests"] == []


def test_riskds_refusals_name_every_row_too(daemon, tmp_path):
    before = daemon.call("org.riskd.audit.Verify")["entries"]
    result, path = import_file(daemon, tmp_path,
                               "rdt-board,gift,OSF,A dinner,,no,2023-05-01,\n"
                               "rdt-nobody,gift,OSF,A dinner,,no,2023-05-01,\n"
                               "rdt-board,gift,OSF,A dinner,,no,%s,\n"
                               "rdt-board,gift,OSF,A dinner,,no,2023-05-01,2023-01-01\n" % FUTURE)
    assert result.returncode == 65, (result.returncode, result.stderr)
    lines = result.stderr.splitlines()
    assert lines[0] == "riskctl: %s:3: declarant: 'rdt-nobody' does not hold the board role" % path, lines
    assert any(line.startswith("riskctl: %s:4: startedOn: " % path) for line in lines), lines
    assert any(line.startswith("riskctl: %s:5: endedOn: " % path) for line in lines), lines
    assert daemon.call("org.riskd.interest.List")["interests"] == []
    assert daemon.call("org.riskd.audit.Verify")["entries"] == before


def test_only_the_secretariat_may_import(daemon, user_calls):
    interest = {"declarant": "rdt-board", "kind": "gift", "organisation": "OSF", "description": "A dinner",
                "startedOn": "2023-05-01"}
    result = user_calls("rdt-board", daemon.socket, [("org.riskd.interest", "Import", {"interests": [interest]})])
    assert result[0]["error"] == "org.varlink.service.PermissionDenied"
    assert daemon.call("org.riskd.interest.List")["interests"] == []
