"""riskctl against a running riskd, checked against riskctl(1) and, through the protocol, against the daemon.

Each riskctl run is checked twice: its output and exit status, and what the daemon holds afterwards (read with
raw Varlink calls). Exit statuses (riskctl(1)): 0, 1, 64 usage, 65 invalid input, 66 no such record,
69 unreachable, 75 conflict, 77 permission denied. Errors are one line on stderr.
"""

import csv
import hashlib
import io
import json
import os
import re
import subprocess
from datetime import date, timedelta

import pytest

from riskd_e2e import REPO, DaemonFactory

REGISTER = REPO / "examples" / "register.csv"
IMPORT_HEADER = ["title", "description", "category", "area", "owner", "likelihood", "impact",
                 "residualLikelihood", "residualImpact", "nextReviewDue"]
RISK_FIELDS = {"id", "revision", "title", "description", "category", "owner", "likelihood", "impact", "score",
               "severity", "status", "nextReviewDue", "createdAt", "updatedAt"}
ALL_STATUSES = ["open", "mitigating", "accepted", "closed"]


def days(n):
    return (date.today() + timedelta(days=n)).isoformat()


@pytest.fixture(scope="session")
def ctl(riskctl_binary):
    """ctl(daemon_or_None, *args, env=None) -> CompletedProcess of riskctl as root, RISKD_SOCKET set."""

    def run(daemon, *args, env=None, timeout=30):
        environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/root"),
                       "LANG": "C.UTF-8", "NO_COLOR": "1"}
        if daemon is not None:
            environment["RISKD_SOCKET"] = daemon.socket
        if env:
            environment.update(env)
        return subprocess.run([riskctl_binary, *map(str, args)], capture_output=True, text=True, timeout=timeout,
                              env=environment, stdin=subprocess.DEVNULL, cwd=str(REPO))

    return run


def ok(result):
    assert result.returncode == 0, "riskctl exited %d\nstdout: %s\nstderr: %s" % (
        result.returncode, result.stdout, result.stderr)
    assert result.stderr == "", result.stderr
    return result.stdout


def failed(result, status):
    """Asserts exit `status` with exactly one line on stderr (starting `riskctl: `); returns that line."""
    assert result.returncode == status, "riskctl exited %d, expected %d\nstdout: %s\nstderr: %s" % (
        result.returncode, status, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, "expected one line on stderr, got %r" % result.stderr
    assert lines[0].startswith("riskctl: "), lines[0]
    return lines[0]


def register_rows():
    with open(REGISTER, newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == IMPORT_HEADER
    return [dict(zip(IMPORT_HEADER, row)) for row in rows[1:]]


def all_risks(daemon):
    return daemon.call("org.riskd.risk.List", status=ALL_STATUSES, limit=1000)["risks"]


@pytest.fixture(scope="module")
def reg(users, ctl):
    """A daemon holding examples/register.csv, imported with riskctl."""
    factory = DaemonFactory()
    daemon = factory()
    daemon.import_result = ctl(daemon, "risk", "import", REGISTER)
    yield daemon
    factory.finish()


# -- import and reading --------------------------------------------------------------------------------------
def test_import_example_register(reg):
    out = ok(reg.import_result)
    assert "21" in out
    rows = register_rows()
    assert len(rows) == 21
    risks = [reg.call("org.riskd.risk.Get", id=n)["risk"] for n in range(1, 22)]
    for row, risk in zip(rows, risks):
        assert risk["title"] == row["title"]
        assert risk["description"] == row["description"]
        assert risk["category"] == row["category"]
        assert risk.get("area") == (row["area"] or None)
        assert risk["owner"] == (row["owner"] or "root")
        assert (risk["likelihood"], risk["impact"]) == (int(row["likelihood"]), int(row["impact"]))
        assert risk.get("residualLikelihood") == (int(row["residualLikelihood"]) if row["residualLikelihood"] else None)
        assert risk.get("residualImpact") == (int(row["residualImpact"]) if row["residualImpact"] else None)
        if row["nextReviewDue"]:
            assert risk["nextReviewDue"] == row["nextReviewDue"]
    assert risks[3]["nextReviewDue"] == "2026-11-20"  # a past date is kept
    assert reg.call("org.riskd.audit.Verify")["ok"] is True


def test_list_prints_a_table_with_legend(reg, ctl):
    lines = [line for line in ok(ctl(reg, "risk", "list")).splitlines() if line.strip()]
    expected = [r["id"] for r in reg.call("org.riskd.risk.List", limit=1000)["risks"]]
    legend = re.fullmatch(r"(\d+) risks? listed\.", lines[-1].strip())
    assert legend, "no legend line: %r" % lines[-1]
    assert int(legend.group(1)) == len(expected)
    assert "ID" in lines[0] and "TITLE" in lines[0].upper()
    body = lines[1:-1]
    assert [int(re.match(r"R-(\d+)\b", line.strip()).group(1)) for line in body] == expected


def test_list_no_legend(reg, ctl):
    out = ok(ctl(reg, "risk", "list", "--no-legend"))
    lines = [line for line in out.splitlines() if line.strip()]
    expected = [r["id"] for r in reg.call("org.riskd.risk.List", limit=1000)["risks"]]
    assert [int(re.match(r"R-(\d+)\b", line.strip()).group(1)) for line in lines] == expected
    assert not any(re.search(r"risks? listed", line) for line in lines)


def test_list_json_has_protocol_field_names(reg, ctl):
    listed = json.loads(ok(ctl(reg, "risk", "list", "--json")))
    protocol = reg.call("org.riskd.risk.List", limit=1000)
    assert listed["risks"] == protocol["risks"]
    assert listed.get("next") is None
    for risk in listed["risks"]:
        assert RISK_FIELDS <= set(risk)
        assert all(re.fullmatch(r"[a-z][A-Za-z0-9]*", key) for key in risk), sorted(risk)


@pytest.mark.parametrize("args,parameters", [
    (["--min-score", "16"], {"minScore": 16}),
    (["--overdue"], {"overdue": True}),
    (["--category", "financial"], {"category": "financial"}),
    (["--owner", "root"], {"owner": "root"}),
    (["--status", "open", "--status", "closed"], {"status": ["open", "closed"]}),
    (["--all"], {"status": ALL_STATUSES}),
])
def test_list_filters(reg, ctl, args, parameters):
    listed = json.loads(ok(ctl(reg, "risk", "list", *args, "--json")))
    protocol = reg.call("org.riskd.risk.List", limit=1000, **parameters)
    assert [r["id"] for r in listed["risks"]] == [r["id"] for r in protocol["risks"]]
    assert protocol["risks"], "the filter %s selects nothing in the example register" % args


def test_show(reg, ctl):
    out = ok(ctl(reg, "risk", "show", "R-1"))
    assert "R-1" in out and "No ethical code" in out and "governance" in out
    assert ok(ctl(reg, "risk", "show", "1")) == out
    shown = json.loads(ok(ctl(reg, "risk", "show", "R-1", "--json")))
    assert shown == reg.call("org.riskd.risk.Get", id=1)
    assert set(shown) >= {"risk", "actions", "reviews"}


@pytest.mark.parametrize("args", [["risk", "show", "R-999"], ["risk", "show", "999"],
                                  ["risk", "review", "R-999", "--note", "x"],
                                  ["risk", "close", "R-999", "--reason", "retired"]])
def test_no_such_risk_exits_66(reg, ctl, args):
    before = reg.snapshot()
    result = ctl(reg, *args)
    line = failed(result, 66)
    assert "R-999" in line
    assert result.stdout == ""
    assert reg.snapshot() == before


def test_no_such_action_exits_66(reg, ctl):
    line = failed(ctl(reg, "risk", "action", "done", "A-999"), 66)
    assert "A-999" in line


# -- changes ---------------------------------------------------------------------------------------------------
def test_update_with_stale_revision_exits_75(reg, ctl):
    current = reg.call("org.riskd.risk.Get", id=2)["risk"]
    ok(ctl(reg, "risk", "update", "R-2", "--if-revision", current["revision"], "--owner", "rdt-audit"))
    updated = reg.call("org.riskd.risk.Get", id=2)["risk"]
    assert (updated["owner"], updated["revision"]) == ("rdt-audit", current["revision"] + 1)
    before = reg.snapshot()
    result = ctl(reg, "risk", "update", "R-2", "--if-revision", current["revision"], "--title", "Lost update")
    failed(result, 75)
    assert reg.call("org.riskd.risk.Get", id=2)["risk"] == updated
    assert reg.snapshot() == before


def test_update_fields(reg, ctl):
    ok(ctl(reg, "risk", "update", "R-12", "--likelihood", "2", "--impact", "2", "--area", "Advocacy",
           "--next-review", days(40)))
    risk = reg.call("org.riskd.risk.Get", id=12)["risk"]
    assert (risk["likelihood"], risk["impact"], risk["score"], risk["severity"]) == (2, 2, 4, "low")
    assert (risk["area"], risk["nextReviewDue"]) == ("Advocacy", days(40))


def test_invalid_value_exits_65(reg, ctl):
    before = reg.snapshot()
    # Only the daemon knows the configured categories: its InvalidValue is exit status 65.
    line = failed(ctl(reg, "risk", "add", "--title", "x", "--category", "weather", "--likelihood", "1",
                      "--impact", "1"), 65)
    assert "category" in line
    failed(ctl(reg, "risk", "update", "R-13", "--category", "weather"), 65)
    # A rating riskctl can check itself may be refused as a usage error (64) or an invalid value (65).
    result = ctl(reg, "risk", "update", "R-13", "--likelihood", "7")
    assert result.returncode in (64, 65), (result.returncode, result.stderr)
    assert "likelihood" in failed(result, result.returncode)
    assert reg.snapshot() == before


def test_review(reg, ctl):
    ok(ctl(reg, "risk", "review", "R-3", "--note", "Discussed at the board meeting", "--residual-likelihood", "1",
           "--residual-impact", "3"))
    full = reg.call("org.riskd.risk.Get", id=3)
    risk = full["risk"]
    assert (risk["residualLikelihood"], risk["residualImpact"], risk["score"]) == (1, 3, 3)
    assert "lastReviewedAt" in risk
    assert [(r["reviewer"], r["note"]) for r in full["reviews"]] == [("root", "Discussed at the board meeting")]


def test_action_add_then_done(reg, ctl):
    out = ok(ctl(reg, "risk", "action", "add", "R-7", "--description", "Apply the PR strategy", "--owner", "root",
                 "--due", days(60)))
    full = reg.call("org.riskd.risk.Get", id=7)
    assert full["risk"]["status"] == "mitigating"
    [action] = full["actions"]
    assert (action["description"], action["owner"], action["dueOn"], action["status"]) == (
        "Apply the PR strategy", "root", days(60), "open")
    assert "A-%d" % action["id"] in out
    ok(ctl(reg, "risk", "action", "done", "A-%d" % action["id"], "--note", "Strategy applied"))
    [done] = reg.call("org.riskd.risk.Get", id=7)["actions"]
    assert done["status"] == "done" and "completedAt" in done and done["revision"] == action["revision"] + 1

    ok(ctl(reg, "risk", "action", "add", "7", "--description", "Second step", "--owner", "root", "--due", days(90)))
    second = [a for a in reg.call("org.riskd.risk.Get", id=7)["actions"] if a["description"] == "Second step"][0]
    ok(ctl(reg, "risk", "action", "cancel", str(second["id"]), "--note", "Not needed"))
    statuses = {a["description"]: a["status"] for a in reg.call("org.riskd.risk.Get", id=7)["actions"]}
    assert statuses == {"Apply the PR strategy": "done", "Second step": "cancelled"}


def test_accept(reg, ctl):
    ok(ctl(reg, "risk", "accept", "R-8", "--until", days(200), "--note", "Board decision 14"))
    risk = reg.call("org.riskd.risk.Get", id=8)["risk"]
    assert (risk["status"], risk["acceptedUntil"]) == ("accepted", days(200))


def test_close_and_reopen(reg, ctl):
    ok(ctl(reg, "risk", "close", "R-9", "--reason", "mitigated", "--note", "Advocacy plan agreed"))
    risk = reg.call("org.riskd.risk.Get", id=9)["risk"]
    assert (risk["status"], risk["closeReason"]) == ("closed", "mitigated")
    listed = ok(ctl(reg, "risk", "list", "--no-legend"))
    assert not re.search(r"^\s*R-9\b", listed, re.M)
    assert re.search(r"^\s*R-9\b", ok(ctl(reg, "risk", "list", "--all", "--no-legend")), re.M)
    closed = json.loads(ok(ctl(reg, "risk", "list", "--status", "closed", "--json")))
    assert 9 in [r["id"] for r in closed["risks"]]
    assert all(r["status"] == "closed" for r in closed["risks"])

    ok(ctl(reg, "risk", "reopen", "R-9", "--note", "Plan not applied"))
    risk = reg.call("org.riskd.risk.Get", id=9)["risk"]
    assert risk["status"] == "open" and "closeReason" not in risk


def test_reopen_an_accepted_risk(reg, ctl):
    """riskctl(1): `risk reopen` opens a closed or accepted risk again."""
    ok(ctl(reg, "risk", "accept", "R-10", "--until", days(100), "--note", "For now"))
    ok(ctl(reg, "risk", "reopen", "R-10", "--note", "Funding landscape changed"))
    risk = reg.call("org.riskd.risk.Get", id=10)["risk"]
    assert risk["status"] == "open" and "acceptedUntil" not in risk


def test_close_with_unknown_reason_is_refused(reg, ctl):
    before = reg.snapshot()
    result = ctl(reg, "risk", "close", "R-11", "--reason", "bored")
    assert result.returncode in (64, 65), (result.returncode, result.stderr)
    failed(result, result.returncode)
    assert reg.call("org.riskd.risk.Get", id=11)["risk"]["status"] == "open"
    assert reg.snapshot() == before


# -- matrix, export ----------------------------------------------------------------------------------------------
def parse_matrix(text):
    """{(likelihood, impact): count} from the five-by-five grid: rows are likelihood, columns impact 1..5."""
    cells, rows = {}, 0
    for line in text.splitlines():
        match = re.fullmatch(r"\s*(?:L\s*)?([1-5])\s*[|:]?((?:\s+(?:\d+|\.|-|·)){5})\s*", line)
        if not match:
            continue
        rows += 1
        likelihood = int(match.group(1))
        for impact, value in enumerate(match.group(2).split(), start=1):
            if value.isdigit() and int(value) > 0:
                cells[(likelihood, impact)] = int(value)
    assert rows == 5, "no five-row grid in:\n%s" % text
    return cells


@pytest.mark.parametrize("inherent", [False, True])
def test_matrix(reg, ctl, inherent):
    extra = ["--inherent"] if inherent else []
    basis = "inherent" if inherent else "current"
    protocol = reg.call("org.riskd.risk.Matrix", basis=basis)["cells"]
    expected = {(c["likelihood"], c["impact"]): c["count"] for c in protocol}
    assert parse_matrix(ok(ctl(reg, "risk", "matrix", *extra))) == expected
    as_json = json.loads(ok(ctl(reg, "risk", "matrix", *extra, "--json")))
    assert sorted(as_json["cells"], key=lambda c: (c["likelihood"], c["impact"])) == sorted(
        protocol, key=lambda c: (c["likelihood"], c["impact"]))
    assert sum(expected.values()) == len(reg.call("org.riskd.risk.List", limit=1000)["risks"])


def ensure_a_closed_risk(reg):
    if reg.call("org.riskd.risk.Get", id=21)["risk"]["status"] != "closed":
        reg.call("org.riskd.risk.Close", id=21, reason="insignificant")


def exported(reg, ctl):
    ensure_a_closed_risk(reg)
    out = ok(ctl(reg, "risk", "export", "--csv"))
    rows = list(csv.reader(io.StringIO(out)))
    return out, rows[0], [dict(zip(rows[0], row)) for row in rows[1:]]


def test_export_csv_columns(reg, ctl):
    """riskctl(1): `risk export --csv` prints CSV with the header of `risk import`, preceded by the columns id,
    status, score and severity; every risk, closed ones included."""
    _, header, rows = exported(reg, ctl)
    assert header == ["id", "status", "score", "severity"] + IMPORT_HEADER
    everything = all_risks(reg)
    assert [row["id"] for row in rows] == ["R-%d" % r["id"] for r in everything]
    assert "closed" in [row["status"] for row in rows]
    for row, risk in zip(rows, everything):
        assert (row["status"], int(row["score"]), row["severity"]) == (risk["status"], risk["score"],
                                                                       risk["severity"])
        assert (row["title"], row["description"], row["owner"]) == (risk["title"], risk["description"],
                                                                    risk["owner"])


def test_export_csv_reimports_into_a_fresh_daemon(reg, ctl, start_daemon, tmp_path):
    out, header, rows = exported(reg, ctl)
    assert set(IMPORT_HEADER) <= set(header)
    everything = all_risks(reg)
    assert len(rows) == len(everything) == reg.risk_count()  # closed risks included
    path = tmp_path / "export.csv"
    path.write_text(out)

    fresh = start_daemon()
    ok(ctl(fresh, "risk", "import", path))
    copies = all_risks(fresh)
    assert len(copies) == len(everything)
    for original, copy in zip(everything, copies):
        for field in ("title", "description", "category", "area", "owner", "likelihood", "impact",
                      "residualLikelihood", "residualImpact", "nextReviewDue"):
            assert original.get(field) == copy.get(field), (field, original, copy)
    assert fresh.call("org.riskd.audit.Verify")["ok"] is True


# -- audit, whoami, status, backup -----------------------------------------------------------------------------
def test_audit_verify(reg, ctl):
    verify = reg.call("org.riskd.audit.Verify")
    out = ok(ctl(reg, "audit", "verify"))
    assert "intact" in out.lower()
    assert str(verify["entries"]) in out
    assert verify["head"][:12] in out
    as_json = json.loads(ok(ctl(reg, "audit", "verify", "--json")))
    assert as_json == reg.call("org.riskd.audit.Verify")


def test_audit_log(reg, ctl):
    out = ok(ctl(reg, "audit", "log"))
    assert "org.riskd.risk.Import" in out or "risk.Import" in out
    subject = json.loads(ok(ctl(reg, "audit", "log", "--subject", "risk:1", "--json")))
    protocol = reg.call("org.riskd.audit.Log", subject="risk:1")
    assert subject["entries"] == protocol["entries"]
    assert subject["entries"] and all(e["subject"] == "risk:1" for e in subject["entries"])
    limited = json.loads(ok(ctl(reg, "audit", "log", "--limit", "2", "--json")))
    assert [e["seq"] for e in limited["entries"]] == [1, 2]


def test_whoami(reg, ctl):
    out = ok(ctl(reg, "whoami"))
    assert "root" in out and "admin" in out
    assert json.loads(ok(ctl(reg, "whoami", "--json"))) == {"user": "root", "uid": 0, "roles": ["admin", "mailer"]}


def test_status(reg, ctl):
    status = reg.call("org.riskd.daemon.Status")
    out = ok(ctl(reg, "status"))
    assert status["version"] in out
    assert re.search(r"\b%d\b" % status["risks"], out)
    as_json = json.loads(ok(ctl(reg, "status", "--json")))
    assert {"version", "startedAt", "schemaVersion", "risks", "interests", "openFindings"} <= set(as_json)
    assert as_json["risks"] == status["risks"] and as_json["startedAt"] == status["startedAt"]


def test_backup_creates_a_file(reg, ctl):
    out = ok(ctl(reg, "backup"))
    paths = [p for p in re.findall(r"(/\S+)", out) if os.path.isfile(p)]
    assert len(paths) == 1, "no backup path in %r" % out
    path = paths[0]
    with open(path, "rb") as handle:
        data = handle.read()
    assert data.startswith(b"SQLite format 3\0")
    assert hashlib.sha256(data).hexdigest() in out
    assert str(len(data)) in out
    backup = json.loads(ok(ctl(reg, "backup", "--json")))
    assert os.path.isfile(backup["path"]) and os.path.getsize(backup["path"]) == backup["bytes"]


# -- command line, socket ----------------------------------------------------------------------------------------
def test_socket_option_after_the_command(reg, ctl):
    out = ok(ctl(None, "whoami", "--socket", reg.socket))
    assert "root" in out


def test_unreachable_daemon_exits_69(ctl, tmp_path):
    line = failed(ctl(None, "whoami", "--socket", tmp_path / "nothing.sock"), 69)
    assert "nothing.sock" in line


@pytest.mark.parametrize("args", [["risk", "frobnicate"], ["frobnicate"],
                                  ["risk", "add", "--title", "no category"], ["risk", "show"],
                                  ["risk", "list", "--min-score", "many"]])
def test_usage_error_exits_64(reg, ctl, args):
    before = reg.snapshot()
    result = ctl(reg, *args)
    assert result.returncode == 64, (result.returncode, result.stdout, result.stderr)
    assert result.stderr.strip(), "a usage error says what is wrong"
    assert reg.snapshot() == before


# -- bad CSV -------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("row,column,value", [
    (3, "likelihood", "x"),        # caught by riskctl
    (4, "likelihood", "7"),        # well-formed: the daemon's InvalidValue, named back to its row
    (6, "category", "weather"),
    (22, "nextReviewDue", "2026-13-01"),
    (2, "title", ""),
])
def test_bad_csv_row_exits_65_and_imports_nothing(daemon, ctl, tmp_path, row, column, value):
    with open(REGISTER, newline="") as handle:
        rows = list(csv.reader(handle))
    rows[row - 1][IMPORT_HEADER.index(column)] = value
    path = tmp_path / "bad.csv"
    with open(path, "w", newline="") as handle:
        csv.writer(handle).writerows(rows)
    before = daemon.snapshot()
    result = ctl(daemon, "risk", "import", path)
    line = failed(result, 65)
    assert re.search(r"%s:%d: %s: \S" % (re.escape(str(path)), row, column), line), line
    assert daemon.snapshot() == before
    assert before["risks"] == 0 and daemon.call("org.riskd.risk.List")["risks"] == []
