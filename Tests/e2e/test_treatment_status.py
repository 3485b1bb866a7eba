"""A risk's status follows its actions by one rule, and the review agrees with it: once the last open action is
done, the risk is `open` again, the review raises `risk-untreated`, and the risk's audit history shows the change.
Run with the real riskd and riskctl."""

import json
import subprocess

from riskd_e2e import RISKCTL


def riskctl(daemon, *args):
    result = subprocess.run([RISKCTL, "--socket", daemon.socket, *args], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, (args, result.stdout, result.stderr)
    return result.stdout


def test_last_action_done_reopens_the_risk_and_the_review_agrees(daemon):
    risk = daemon.call("org.riskd.risk.Add", title="Funding overlap", category="financial", likelihood=4,
                       impact=4)["risk"]["id"]
    action = daemon.call("org.riskd.risk.AddAction", riskId=risk, description="Agree a funding protocol",
                         owner="root", dueOn="2099-01-15")["action"]["id"]
    assert daemon.call("org.riskd.risk.Get", id=risk)["risk"]["status"] == "mitigating"

    riskctl(daemon, "risk", "action", "done", "A-%d" % action, "--note", "Protocol signed")

    shown = json.loads(riskctl(daemon, "risk", "show", "R-%d" % risk, "--json"))
    assert shown["risk"]["status"] == "open", "the last action is done, yet the risk stays %s" % shown["risk"]["status"]
    findings = daemon.call("org.riskd.review.Run")["findings"]
    assert [(f["rule"], f["subject"]) for f in findings] == [("risk-untreated", "risk:%d" % risk)]

    history = daemon.call("org.riskd.audit.Log", subject="risk:%d" % risk)["entries"]
    change = [e for e in history if e["method"] == "org.riskd.risk.UpdateAction"]
    assert len(change) == 1, history
    assert '"status":"open"' in change[0]["detail"], change[0]

    # A new action treats it again.
    daemon.call("org.riskd.risk.AddAction", riskId=risk, description="Second", owner="root", dueOn="2099-02-01")
    assert daemon.call("org.riskd.risk.Get", id=risk)["risk"]["status"] == "mitigating"
    assert daemon.call("org.riskd.review.Run")["findings"] == []
