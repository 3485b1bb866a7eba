"""The example register over a few simulated months, for the board pack's end-to-end tests: the risks of
examples/register.csv, an appetite, the code of ethics, two board members' declarations (one sensitive), an
action that falls overdue, a change of score and a review run. Times are the debug build's test clock.
"""
import subprocess

from riskd_e2e import REPO, RISKCTL, SECOND_BOARD

SENSITIVE_ORGANISATION = "Western Balkan Fund"
PUBLIC_ORGANISATION = "European Student Network"
# The pack of this day (its end, UTC) is the one the tests print.
PACK_DAY = "2026-12-15"


def declare(user_calls, daemon, user, **parameters):
    [result] = user_calls(user, daemon.socket, [("org.riskd.interest", "Declare", parameters)])
    assert result["ok"], result
    return result["parameters"]["interest"]["id"]


def build_register(factory, user_calls):
    """A daemon holding the example register as it grew from September to mid-December 2026."""
    daemon = factory(board=SECOND_BOARD, now="2026-09-01T09:00:00Z")
    imported = subprocess.run([RISKCTL, "--socket", daemon.socket, "risk", "import",
                               str(REPO / "examples" / "register.csv")], capture_output=True, text=True, timeout=60)
    assert imported.returncode == 0, imported.stderr
    daemon.call("org.riskd.risk.SetAppetite", category="financial", maxScore=12)
    daemon.call("org.riskd.ethics.Publish", title="Code of Ethics",
                body=(REPO / "examples" / "ethical-code.md").read_text(encoding="utf-8"))
    declare(user_calls, daemon, "rdt-board2", kind="family", organisation=SENSITIVE_ORGANISATION,
            description="A relative on its board", sensitive=True, startedOn="2026-08-01")
    declare(user_calls, daemon, "rdt-board", kind="employment", organisation=PUBLIC_ORGANISATION,
            description="Part-time trainer", startedOn="2026-08-15")
    daemon.call("org.riskd.risk.AddAction", riskId=11, description="Find a third core funder", owner="rdt-audit",
                dueOn="2026-11-30")
    daemon.set_now("2026-10-20T09:00:00Z")
    daemon.call("org.riskd.risk.Update", id=1, likelihood=5)
    daemon.call("org.riskd.review.Run")
    daemon.set_now("2026-12-15T12:00:00Z")
    daemon.call("org.riskd.review.Run")
    return daemon


def board_pack(daemon, **parameters):
    return daemon.call("org.riskd.report.Board", **parameters)
