"""riskctl's commands for risk governance over time (issue 11), against the real riskd on its test clock:
`risk history`, `risk list --as-of/--above-appetite`, `risk matrix --as-of`, `risk appetite` (list, set,
unset), `risk accept --decision` and what `risk show` prints of an acceptance and its lapse.

Each command is checked by its output and exit status (riskctl(1)), and by what the daemon holds afterwards;
each bad input by its one-line message, its exit status and an unchanged database.
"""
import json
import os
import subprocess

import pytest

from riskd_e2e import RISKCTL

RISK = "org.riskd.risk"


def riskctl(daemon, *args, user=None, as_user=None, binary=RISKCTL):
    """riskctl's CompletedProcess, as root or, with `user`, as that test user (through `as_user`)."""
    argv = [binary, "--socket", daemon.socket, *map(str, args)]
    if user is not None:
        return as_user(user, argv, env={"NO_COLOR": "1"})
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "NO_COLOR": "1"}
    return subprocess.run(argv, capture_output=True, text=True, timeout=60, env=environment,
                          stdin=subprocess.DEVNULL)


def ok(result):
    assert result.returncode == 0, (result.returncode, result.stdout, result.stderr)
    assert result.stderr == "", result.stderr
    return result.stdout


def refused(daemon, status, *args):
    """The one line riskctl writes when it refuses, after checking its exit status and that nothing changed."""
    before = daemon.snapshot()
    appetites = daemon.call(RISK + ".Appetites")
    result = riskctl(daemon, *args)
    assert result.returncode == status, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("riskctl: "), result.stderr
    assert daemon.snapshot() == before
    assert daemon.call(RISK + ".Appetites") == appetites
    return lines[0]


def table(output):
    """The rows of a riskctl table, as lists of cells split on runs of two or more spaces, header first."""
    rows = []
    for line in output.splitlines():
        if not line.strip():
            break
        rows.append([cell for cell in line.split("  ") if cell.strip() != ""])
    return [[cell.strip() for cell in row] for row in rows]


@pytest.fixture
def months(start_daemon):
    """Funding overlap (financial) from January, raised in February; No ethical code (governance) from
    February. The daemon's clock stands at 2026-03-10 afterwards."""
    daemon = start_daemon(now="2026-01-15T09:00:00Z")
    ok(riskctl(daemon, "risk", "add", "--title", "Funding overlap with member organisations",
               "--category", "financial", "--likelihood", 3, "--impact", 3, "--owner", "rdt-board",
               "--next-review", "2027-01-14"))
    daemon.set_now("2026-02-10T10:00:00Z")
    ok(riskctl(daemon, "risk", "update", "R-1", "--impact", 5))
    ok(riskctl(daemon, "risk", "add", "--title", "No ethical code", "--category", "governance",
               "--likelihood", 4, "--impact", 3, "--owner", "rdt-audit", "--next-review", "2027-01-14"))
    daemon.set_now("2026-03-10T10:00:00Z")
    return daemon


def test_history_is_a_table_of_every_version_and_json_for_scripts(months):
    daemon = months
    ok(riskctl(daemon, "risk", "accept", "R-1", "--until", "2026-06-30", "--decision", "M-3 item 4",
               "--note", "Tolerated for the funding round"))
    ok(riskctl(daemon, "risk", "update", "R-1", "--likelihood", 4))

    output = ok(riskctl(daemon, "risk", "history", "R-1"))
    rows = table(output)
    assert rows[0] == ["DATE", "WHO", "CHANGE", "INHERENT", "RESIDUAL", "SCORE", "SEVERITY", "STATUS", "NOTE"]
    assert [row[:8] for row in rows[1:]] == [
        ["2026-01-15", "root", "created", "3×3", "-", "9", "medium", "open"],
        ["2026-02-10", "root", "updated", "3×5", "-", "15", "high", "open"],
        ["2026-03-10", "root", "accepted", "3×5", "-", "15", "high", "accepted until 2026-06-30"],
        ["2026-03-10", "root", "updated", "4×5", "-", "20", "critical", "accepted until 2026-06-30"],
        ["2026-03-10", "riskd", "lapsed", "4×5", "-", "20", "critical", "open"],
    ]
    assert rows[3][8] == "Tolerated for the funding round (decision M-3 item 4)"
    assert "from 15" in rows[5][8] and "20" in rows[5][8], rows[5]
    assert output.rstrip().endswith("5 versions of R-1.")
    assert all(line == line.rstrip() for line in output.splitlines()), "trailing blanks in %r" % output

    scripted = json.loads(ok(riskctl(daemon, "--json", "risk", "history", "R-1")))
    assert scripted == daemon.call(RISK + ".History", id=1)
    assert [v["change"] for v in scripted["versions"]] == ["created", "updated", "accepted", "updated", "lapsed"]


def test_show_prints_the_acceptance_its_decision_and_its_lapse(months):
    daemon = months
    accepted = ok(riskctl(daemon, "risk", "accept", "R-1", "--until", "2026-06-30", "--decision", "M-3 item 4",
                          "--note", "Tolerated"))
    assert accepted.strip() == "R-1 accepted until 2026-06-30 (decision M-3 item 4)."
    shown = ok(riskctl(daemon, "risk", "show", "R-1"))
    assert "Status: accepted until 2026-06-30" in shown
    assert "Last accepted: by root, at score 15" in shown
    assert "Decision: M-3 item 4" in shown
    assert "Lapsed:" not in shown

    ok(riskctl(daemon, "risk", "update", "R-1", "--likelihood", 4))
    shown = ok(riskctl(daemon, "risk", "show", "R-1"))
    assert "Status: open" in shown
    assert "Lapsed: 2026-03-10" in shown
    risk = daemon.call(RISK + ".Get", id=1)["risk"]
    assert (risk["status"], risk["acceptedScore"], risk["acceptedBy"], risk["lapsedOn"]) == (
        "open", 15, "root", "2026-03-10")


def test_list_and_matrix_as_of_a_date_show_the_register_as_it_stood(months):
    daemon = months
    january = table(ok(riskctl(daemon, "risk", "list", "--as-of", "2026-01-31")))
    assert [(row[0], row[1], row[2]) for row in january[1:]] == [("R-1", "medium", "9")]
    output = ok(riskctl(daemon, "risk", "list", "--as-of", "2026-01-31"))
    assert output.rstrip().endswith("1 risk listed as of 2026-01-31.")

    now = table(ok(riskctl(daemon, "risk", "list")))
    assert [(row[0], row[2]) for row in now[1:]] == [("R-1", "15"), ("R-2", "12")]
    assert ok(riskctl(daemon, "risk", "list", "--as-of", "2025-12-31")).rstrip().endswith("0 risks listed as of "
                                                                                          "2025-12-31.")
    scripted = json.loads(ok(riskctl(daemon, "--json", "risk", "list", "--as-of", "2026-02-10T09:59:59Z")))
    assert [(r["id"], r["score"]) for r in scripted["risks"]] == [(1, 9)]

    matrix = ok(riskctl(daemon, "risk", "matrix", "--as-of", "2026-01-31"))
    lines = matrix.splitlines()
    assert lines[4].split() == ["3", ".", ".", "1", ".", "."], matrix     # likelihood 3, impact 3
    assert "1 risk placed by current score, as of 2026-01-31." in matrix
    assert json.loads(ok(riskctl(daemon, "--json", "risk", "matrix", "--as-of", "2026-01-31"))) == daemon.call(
        RISK + ".Matrix", basis="current", asOf="2026-01-31")


def test_appetite_is_listed_set_marked_filtered_and_unset(months):
    daemon = months
    assert ok(riskctl(daemon, "risk", "appetite")).rstrip().endswith("No appetite is set.")

    said = ok(riskctl(daemon, "risk", "appetite", "set", "financial", 12))
    assert said.strip() == "Appetite for financial set to 12: its risks scoring above 12 are above appetite."
    listed = table(ok(riskctl(daemon, "risk", "appetite", "list")))
    assert listed[0] == ["CATEGORY", "MAX SCORE", "SET BY", "SET AT"]
    assert listed[1] == ["financial", "12", "root", "2026-03-10T10:00:00Z"]
    assert json.loads(ok(riskctl(daemon, "--json", "risk", "appetite"))) == daemon.call(RISK + ".Appetites")

    output = ok(riskctl(daemon, "risk", "list"))
    rows = table(output)
    assert [(row[0], row[2]) for row in rows[1:]] == [("R-1", "15!"), ("R-2", "12")]
    assert output.rstrip().endswith("2 risks listed; 1 above its category's appetite (!).")
    above = table(ok(riskctl(daemon, "risk", "list", "--above-appetite")))
    assert [row[0] for row in above[1:]] == ["R-1"]
    assert "Appetite: above the board's appetite for financial" in ok(riskctl(daemon, "risk", "show", "R-1"))
    assert "Appetite:" not in ok(riskctl(daemon, "risk", "show", "R-2"))

    ok(riskctl(daemon, "risk", "appetite", "unset", "financial"))
    assert daemon.call(RISK + ".Appetites")["appetites"] == []
    assert table(ok(riskctl(daemon, "risk", "list", "--above-appetite")))[1:] == []
    assert "!" not in ok(riskctl(daemon, "risk", "list"))


@pytest.mark.parametrize("args, status, names", [
    (["risk", "appetite", "set", "financial", "0"], 65, "<max-score>"),
    (["risk", "appetite", "set", "financial", "26"], 65, "<max-score>"),
    (["risk", "appetite", "set", "financial", "twelve"], 64, "<max-score>"),
    (["risk", "appetite", "set", "travel", "12"], 65, "<category>"),
    (["risk", "appetite", "unset", "travel"], 65, "<category>"),
    (["risk", "list", "--as-of", "yesterday"], 65, "--as-of"),
    (["risk", "matrix", "--as-of", "2026-02-30"], 65, "--as-of"),
    (["risk", "accept", "R-1", "--until", "2026-03-01", "--note", "Too late"], 65, "--until"),
    (["risk", "history", "R-9"], 66, "R-9"),
    (["risk", "history", "R-x"], 64, "R-ID"),
])
def test_bad_input_is_one_line_naming_the_option_and_changes_nothing(months, args, status, names):
    line = refused(months, status, *args)
    assert names in line, line


def test_a_board_member_reads_appetites_and_history_but_may_not_set_them(months, as_user, user_riskctl):
    daemon = months
    ok(riskctl(daemon, "risk", "appetite", "set", "financial", 12))
    board = {"user": "rdt-board", "as_user": as_user, "binary": user_riskctl}
    assert table(ok(riskctl(daemon, "risk", "appetite", **board)))[1][:2] == ["financial", "12"]
    history = ok(riskctl(daemon, "risk", "history", "R-1", **board))
    assert history.rstrip().endswith("2 versions of R-1."), history
    before = daemon.call(RISK + ".Appetites")
    denied = riskctl(daemon, "risk", "appetite", "set", "financial", 20, **board)
    assert denied.returncode == 77, (denied.stdout, denied.stderr)
    assert daemon.call(RISK + ".Appetites") == before
