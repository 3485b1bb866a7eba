"""Scheduled reviews and journald alerts (issue 4), against a real journald and the real riskd.

Journal entries are read back with `journalctl _PID=<riskd pid> -o json`. When no journald runs (a CI
container), the session starts /lib/systemd/systemd-journald itself.
"""
import json
import re
import os
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest
import varlink

from riskd_e2e import RawConnection, VarlinkCallError

JOURNAL_SOCKET = "/run/systemd/journal/socket"
REPO = Path(__file__).resolve().parents[2]
RAISED_OVERDUE = "7ccb57634c314f408638f94a068eccc4"
UNTREATED = "102927c9fb4a4bc7a0d6461db84c36a1"
RESOLVED = "43d94e4ca2574f66aa37bbfc042f79ed"
SUMMARY = "83d32d6c1c4a44bfa552837b51bbdf37"


def journald_reachable():
    """Whether a journald answers on its socket. The socket file alone proves nothing: a journald that
    was stopped (say, by an earlier test session) leaves it behind, and sends to it are refused."""
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    try:
        probe.connect(JOURNAL_SOCKET)
        return True
    except OSError:
        return False
    finally:
        probe.close()


@pytest.fixture(scope="session")
def journald():
    """A running journald: the system's, or one started for the session."""
    started = None
    if not journald_reachable():
        started = subprocess.Popen(["/lib/systemd/systemd-journald"], stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while not journald_reachable() and started.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert journald_reachable(), "systemd-journald did not answer on %s (exit status %s)" % (
            JOURNAL_SOCKET, started.poll())
    yield
    if started is not None:
        started.terminate()
        started.wait(timeout=10)


_STARTED = {}


def started_at(pid):
    """When process `pid` started, in seconds since the epoch (remembered, so it holds after the process
    exits). A journal outlives test runs: a riskd of an earlier run on this machine may have had the
    same pid (a fresh container hands out pids in the same order), so entries are read from this
    process's start on."""
    if pid not in _STARTED:
        with open("/proc/stat") as stat:
            boot = next(int(line.split()[1]) for line in stat if line.startswith("btime "))
        with open("/proc/%d/stat" % pid) as stat:
            ticks = int(stat.read().rsplit(")", 1)[1].split()[19])
        _STARTED[pid] = boot + ticks // os.sysconf("SC_CLK_TCK")
    return _STARTED[pid]


def entries(pid, wait_for=None, timeout=10):
    """riskd's native journal entries (SYSLOG_IDENTIFIER=riskd) of process `pid`, oldest first."""
    deadline = time.monotonic() + timeout
    since = "--since=@%d" % (started_at(pid) - 1)
    while True:
        out = subprocess.run(["journalctl", "_PID=%d" % pid, "SYSLOG_IDENTIFIER=riskd", since, "-o", "json",
                              "--no-pager"], capture_output=True, text=True, timeout=30).stdout
        found = [json.loads(line) for line in out.splitlines() if line.strip()]
        if wait_for is None or wait_for(found) or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


def summaries(found):
    return [e for e in found if e.get("MESSAGE_ID") == SUMMARY]


def add_overdue_risk(daemon, title="Funding overlap with member organisations", due="2026-01-20"):
    # likelihood 2 x impact 2: low, so only risk-review-overdue applies.
    return daemon.call("org.riskd.risk.Add", title=title, category="financial", likelihood=2, impact=2,
                       nextReviewDue=due)["risk"]["id"]


def test_raised_once_then_resolved_and_every_run_summarised(journald, daemon):
    pid = daemon.proc.pid
    risk = add_overdue_risk(daemon)
    run = daemon.call("org.riskd.review.Run")
    assert run["run"]["raised"] == 1 and run["run"]["open"] == 1 and run["run"]["trigger"] == "manual"
    finding = run["findings"][0]
    assert (finding["rule"], finding["subject"], finding["severity"]) == (
        "risk-review-overdue", "risk:%d" % risk, "warning")

    found = entries(pid, wait_for=lambda f: any(e.get("MESSAGE_ID") == RAISED_OVERDUE for e in f))
    raised = [e for e in found if e.get("MESSAGE_ID") == RAISED_OVERDUE]
    assert len(raised) == 1
    entry = raised[0]
    assert entry["PRIORITY"] == "4"
    assert entry["SYSLOG_IDENTIFIER"] == "riskd"
    assert entry["RISKD_RULE"] == "risk-review-overdue"
    assert entry["RISKD_SUBJECT"] == "risk:%d" % risk
    assert entry["RISKD_FINDING"] == str(finding["id"])
    assert entry["RISKD_SEVERITY"] == "warning"
    assert entry["RISKD_RUN"] == str(run["run"]["id"])
    assert entry["MESSAGE"] == ('Risk R-%d "Funding overlap with member organisations" is overdue for review '
                                '(due 2026-01-20, severity low) (finding F-%d)' % (risk, finding["id"]))
    assert entry["RISKD_REF"] == "R-%d" % risk

    # A second run the same day adds no repeat, only its summary.
    second = daemon.call("org.riskd.review.Run")
    assert second["run"]["raised"] == 0 and second["run"]["alerted"] == 0
    found = entries(pid, wait_for=lambda f: len(summaries(f)) >= 3)
    assert len([e for e in found if e.get("MESSAGE_ID") == RAISED_OVERDUE]) == 1

    # Reviewing the risk clears the condition: the finding resolves, once.
    daemon.call("org.riskd.risk.Review", id=risk, note="Checked with the treasurer")
    third = daemon.call("org.riskd.review.Run")
    assert third["run"]["resolved"] == 1 and third["run"]["open"] == 0 and third["findings"] == []
    found = entries(pid, wait_for=lambda f: any(e.get("MESSAGE_ID") == RESOLVED for e in f))
    resolved = [e for e in found if e.get("MESSAGE_ID") == RESOLVED]
    assert len(resolved) == 1 and resolved[0]["PRIORITY"] == "5"
    assert resolved[0]["RISKD_FINDING"] == str(finding["id"])

    # Every run (the startup catch-up and the three manual ones) has exactly one summary, with the audit head.
    runs = daemon.call("org.riskd.review.Runs")["runs"]
    found = entries(pid, wait_for=lambda f: len(summaries(f)) >= len(runs))
    assert sorted(int(e["RISKD_RUN"]) for e in summaries(found)) == sorted(r["id"] for r in runs)
    assert [r["trigger"] for r in runs][-1] == "startup"
    last = summaries(found)[-1]
    assert last["PRIORITY"] == "6"
    assert last["MESSAGE"] == "Review run %d: 0 raised, 0 open, 1 resolved" % third["run"]["id"]
    head = daemon.call("org.riskd.audit.Verify")["head"]
    assert last["RISKD_AUDIT_HEAD"] == head


def test_critical_risk_alerts_at_priority_2(journald, daemon):
    daemon.call("org.riskd.risk.Add", title="Dependence on a few funders", category="financial", likelihood=5,
                impact=5)
    run = daemon.call("org.riskd.review.Run")
    untreated = [f for f in run["findings"] if f["rule"] == "risk-untreated"]
    assert len(untreated) == 1 and untreated[0]["severity"] == "critical"
    found = entries(daemon.proc.pid, wait_for=lambda f: any(e.get("MESSAGE_ID") == UNTREATED for e in f))
    assert [e["PRIORITY"] for e in found if e.get("MESSAGE_ID") == UNTREATED] == ["2"]


def test_acknowledge_findings_and_filters(journald, daemon):
    risk = add_overdue_risk(daemon)
    finding = daemon.call("org.riskd.review.Run")["findings"][0]
    acked = daemon.call("org.riskd.review.Acknowledge", id=finding["id"], note="Board meets next week")
    assert acked["finding"]["acknowledgedBy"] == "root" and acked["finding"]["note"] == "Board meets next week"
    assert daemon.call("org.riskd.review.Findings", open=True)["findings"][0]["acknowledgedAt"]
    assert daemon.call("org.riskd.review.Findings", open=False)["findings"] == []
    assert len(daemon.call("org.riskd.review.Findings", rule="risk-review-overdue")["findings"]) == 1
    assert daemon.call("org.riskd.review.Findings", subject="risk:%d" % (risk + 1))["findings"] == []
    with pytest.raises(VarlinkCallError) as refused:
        daemon.call("org.riskd.review.Acknowledge", id=999, note="x")
    assert refused.value.error == "org.riskd.review.NoSuchFinding"
    assert refused.value.parameters == {"id": 999}
    with pytest.raises(VarlinkCallError) as refused:
        daemon.call("org.riskd.review.Findings", rule="risk-everything")
    assert refused.value.error == "org.riskd.review.InvalidValue"
    assert refused.value.parameters["field"] == "rule"


def test_preview_stores_nothing(journald, daemon):
    daemon.wait_first_review()
    add_overdue_risk(daemon, due="2027-01-10")
    before = daemon.call("org.riskd.review.Runs")["runs"]
    preview = daemon.call("org.riskd.review.Preview", asOf="2027-01-15T00:00:00Z")["findings"]
    risks = [(f["id"], f["rule"]) for f in preview if f["subject"].startswith("risk:")]
    assert risks == [(0, "risk-review-overdue")]
    # The test board member, first seen today, has not confirmed within 28 days by then either.
    assert ("interest-confirmation-overdue", "member:rdt-board") in [(f["rule"], f["subject"]) for f in preview]
    assert daemon.call("org.riskd.review.Preview", asOf="2026-12-01")["findings"] == []
    assert daemon.call("org.riskd.review.Runs")["runs"] == before
    assert daemon.call("org.riskd.review.Findings")["findings"] == []
    with pytest.raises(VarlinkCallError) as refused:
        daemon.call("org.riskd.review.Preview", asOf="next tuesday")
    assert refused.value.error == "org.riskd.review.InvalidValue"


def test_watch_needs_more(journald, daemon):
    with RawConnection(daemon.socket) as connection:
        reply = connection.call("org.riskd.review.Watch", {})
    assert reply["error"] == "org.varlink.service.ExpectedMore"


def test_watch_receives_the_raised_event_of_a_run_from_another_connection(journald, daemon):
    add_overdue_risk(daemon)
    events = []
    ready = threading.Event()

    def watch():
        with varlink.Client(address="unix:" + daemon.socket) as client, client.open("org.riskd.review") as review:
            ready.set()
            for reply in review.Watch(_more=True):
                events.append(reply)
                return

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    assert ready.wait(10)
    deadline = time.monotonic() + 10
    # The watcher subscribes when its call arrives; run until its event shows up.
    while not events and time.monotonic() < deadline:
        daemon.call("org.riskd.review.Run")
        watcher.join(0.5)
        if not events:
            # The finding is already open: clear it so the next run raises it again.
            for finding in daemon.call("org.riskd.review.Findings", open=True)["findings"]:
                daemon.call("org.riskd.risk.Update", id=int(finding["subject"].split(":")[1]),
                            nextReviewDue="2099-01-01")
            daemon.call("org.riskd.review.Run")
            for risk in daemon.call("org.riskd.risk.List")["risks"]:
                daemon.call("org.riskd.risk.Update", id=risk["id"], nextReviewDue="2026-01-20")
    assert events, "Watch received nothing"
    event = events[0]
    assert event["event"] == "raised"
    assert event["finding"]["rule"] == "risk-review-overdue"


def test_serves_calls_while_a_run_over_10000_risks_is_in_progress(journald, daemon):
    batch = [{"title": "Risk %d" % i, "category": "operational", "likelihood": 4, "impact": 4,
              "nextReviewDue": "2026-01-01"} for i in range(1000)]
    for _ in range(10):
        daemon.call("org.riskd.risk.Import", risks=batch)
    result = {}

    def run():
        # A debug build on a loaded machine takes seconds for 20 000 findings: wait as long as it takes.
        with RawConnection(daemon.socket, timeout=600) as slow:
            result["run"] = slow.call("org.riskd.review.Run", {})["parameters"]["run"]
        result["finished"] = time.monotonic()

    runner = threading.Thread(target=run)
    runner.start()
    answered = []
    with RawConnection(daemon.socket) as connection:
        while runner.is_alive() and len(answered) < 10000:
            reply = connection.call("org.riskd.risk.Get", {"id": 1})
            assert "parameters" in reply
            answered.append(time.monotonic())
    runner.join(120)
    assert result["run"]["raised"] == 20000  # overdue and untreated, for each risk
    assert any(t < result["finished"] for t in answered), "no call was answered while the run was in progress"


def test_journalctl_x_explains_riskd_alerts(journald, daemon):
    """The catalog, installed and compiled, gives `journalctl -x` an explanation with what to run next."""
    risk = add_overdue_risk(daemon)
    finding = daemon.call("org.riskd.review.Run")["findings"][0]["id"]
    entries(daemon.proc.pid, wait_for=lambda f: any(e.get("MESSAGE_ID") == RAISED_OVERDUE for e in f))
    installed = Path("/usr/lib/systemd/catalog/riskd.catalog")
    had = installed.exists()
    backup = installed.read_bytes() if had else None
    shutil.copy(REPO / "systemd" / "riskd.catalog", installed)
    try:
        subprocess.run(["journalctl", "--update-catalog"], check=True, timeout=60)
        out = subprocess.run(["journalctl", "-x", "_PID=%d" % daemon.proc.pid, "MESSAGE_ID=" + RAISED_OVERDUE,
                              "--since=@%d" % (started_at(daemon.proc.pid) - 1),
                              "--no-pager"], capture_output=True, text=True, timeout=30).stdout
    finally:
        if had:
            installed.write_bytes(backup)
        else:
            installed.unlink()
        subprocess.run(["journalctl", "--update-catalog"], timeout=60)
    assert "Subject: A risk is overdue for review" in out
    # Filled from the entry's fields: the commands name this risk and this finding, never a placeholder.
    assert "riskctl risk show R-%d" % risk in out
    assert "riskctl risk review R-%d" % risk in out
    assert "F-%d" % finding in out
    assert "<id>" not in out and "@RISKD_" not in out


def test_catalog_names_configured_periods_not_days():
    """The periods are configurable, so the catalog names the keys instead of the defaults; every field it fills
    is one that riskd sends."""
    text = (REPO / "systemd" / "riskd.catalog").read_text(encoding="utf-8")
    assert not re.search(r"\b\d+ days\b|every \d+", text), re.findall(r"[^\n]*\d+ days[^\n]*", text)
    assert "<id>" not in text
    sent = {"RULE", "SUBJECT", "REF", "FINDING", "SEVERITY", "RUN", "EVENT", "TRIGGER", "AUDIT_SEQ", "AUDIT_HEAD"}
    assert set(re.findall(r"@RISKD_(\w+)@", text)) <= sent


def test_runs_and_findings_need_roles(journald, daemon, user_calls):
    results = user_calls("rdt-board", daemon.socket, [
        ("org.riskd.review", "Run", {}), ("org.riskd.review", "Findings", {})])
    assert [r.get("error") for r in results] == ["org.varlink.service.PermissionDenied"] * 2
    results = user_calls("rdt-audit", daemon.socket, [
        ("org.riskd.review", "Run", {}), ("org.riskd.review", "Findings", {}), ("org.riskd.review", "Runs", {})])
    assert results[0].get("error") == "org.varlink.service.PermissionDenied"
    assert results[1]["ok"] and results[2]["ok"]


def test_own_logging_goes_to_the_journal_when_stderr_is_the_journal_stream(journald, tmp_path):
    """With JOURNAL_STREAM naming its stderr (as systemd sets it), riskd logs native entries with priorities."""
    riskd = os.environ.get("RISKD", str(REPO / ".build" / "debug" / "riskd"))
    stderr_path = tmp_path / "stderr"
    socket_path = str(tmp_path / "riskd.sock")
    with open(stderr_path, "wb") as stderr:
        status = os.fstat(stderr.fileno())
        env = dict(os.environ, JOURNAL_STREAM="%d:%d" % (status.st_dev, status.st_ino))
        proc = subprocess.Popen([riskd, "--socket", socket_path, "--database", str(tmp_path / "riskd.sqlite")],
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr, env=env)
    try:
        found = entries(proc.pid, wait_for=lambda f: any("Listening on" in e.get("MESSAGE", "") for e in f))
        listening = [e for e in found if e.get("MESSAGE") == "Listening on %s" % socket_path]
        assert len(listening) == 1, found
        assert listening[0]["PRIORITY"] == "6"
        assert listening[0]["RISKD_LOGGER"] == "riskd"
    finally:
        proc.terminate()
        assert proc.wait(timeout=30) == 0
    assert "Listening on" not in stderr_path.read_text()
