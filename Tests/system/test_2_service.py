"""riskd.service and riskd.socket as installed, under systemd 252 as PID 1.

Socket activation, Type=notify readiness and STATUS=, the journal of a start (one review summary per run, no
libdispatch priority noise), the watchdog, reload, stop during writes, the catalog behind `journalctl -x`, and
`systemd-analyze security` of the installed unit.
"""

import json
import re
import shutil
import sqlite3
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from riskd_e2e import RawConnection, call_ok, message

SUMMARY = re.compile(r"^Review run (\d+)")


def invocation_journal(machine):
    """The journal (MESSAGE only) of riskd.service's current invocation."""
    invocation = machine.show("riskd.service", "InvocationID")["InvocationID"]
    return machine.journal("_SYSTEMD_INVOCATION_ID=%s" % invocation, "-o", "cat")


def test_the_first_call_starts_the_service_through_the_socket(installed):
    installed.run(["systemctl", "stop", "riskd.service"])
    assert installed.show("riskd.service", "ActiveState")["ActiveState"] == "inactive"
    assert installed.show("riskd.socket", "ActiveState")["ActiveState"] == "active"
    whoami = json.loads(installed.riskctl("whoami", "--json").stdout)
    assert whoami["uid"] == 0 and "admin" in whoami["roles"], whoami
    state = installed.show("riskd.service", "ActiveState", "TriggeredBy")
    assert state["ActiveState"] == "active" and "riskd.socket" in state["TriggeredBy"], state


def test_readiness_and_status_reach_systemd(installed):
    # Type=notify: `systemctl restart` returns once riskd sent READY=1, and the socket answers at once.
    installed.run(["systemctl", "restart", "riskd.service"])
    state = installed.show("riskd.service", "Type", "ActiveState", "SubState", "StatusText", "NotifyAccess")
    assert state["Type"] == "notify" and state["ActiveState"] == "active" and state["SubState"] == "running", state
    with RawConnection(installed.path("/run/riskd/riskd.sock"), timeout=5) as connection:
        count = call_ok(connection, "org.riskd.daemon.Status")
    assert re.fullmatch(r"Serving \d+ risks? on /run/riskd/riskd\.sock", state["StatusText"]), state
    assert count is not None


@contextmanager
def service_dropin(machine, name, text):
    """riskd.service restarted with the drop-in `name` holding `text`; at the end, without it, restarted again."""
    dropin = Path(machine.path("/etc/systemd/system/riskd.service.d"))
    dropin.mkdir(parents=True, exist_ok=True)
    (dropin / name).write_text(text)
    try:
        machine.run(["systemctl", "daemon-reload"])
        machine.run(["systemctl", "restart", "riskd.service"])
        yield
    finally:
        (dropin / name).unlink()
        if not any(dropin.iterdir()):
            dropin.rmdir()
        machine.run(["systemctl", "daemon-reload"])
        machine.run(["systemctl", "restart", "riskd.service"])


def test_a_start_writes_one_summary_per_run_and_no_priority_noise(installed):
    installed.run(["systemctl", "restart", "riskd.service"])
    installed.riskctl("review", "run")
    text = invocation_journal(installed)
    # The unit allows setpriority (no errno=1, EPERM from the filter) and sets LimitNICE=-4, so that libdispatch's
    # -2 and -4 succeed where the service manager may raise that hard limit (below: where it may not).
    assert "Failed to set thread priority" not in text, text
    runs = [SUMMARY.match(line).group(1) for line in text.splitlines() if SUMMARY.match(line)]
    assert runs and len(runs) == len(set(runs)), "a review run summarised more than once:\n%s" % text


def test_no_priority_noise_where_the_nice_limit_cannot_be_raised(installed):
    """A service manager without CAP_SYS_RESOURCE (a container, often) cannot apply LimitNICE=-4: RLIMIT_NICE stays
    0, every libdispatch thread asking for -2 or -4 is refused (EACCES), and riskd keeps libdispatch from writing
    "Failed to set thread priority … errno=13" for each. A drop-in with LimitNICE=0 makes that case here."""
    with service_dropin(installed, "nice-test.conf", "[Service]\nLimitNICE=0\n"):
        limits = Path(installed.path("/proc/%d/limits" % installed.main_pid())).read_text()
        assert re.search(r"^Max nice priority\s+0\s+0", limits, re.M), limits
        for number in range(5):
            installed.riskctl("risk", "add", "--title", "Nice %d" % number, "--category", "operational",
                              "--likelihood", "2", "--impact", "2")
        installed.riskctl("review", "run")
        installed.riskctl("report", "board", "--json")
        time.sleep(2)
        text = invocation_journal(installed)
        assert "Failed to set thread priority" not in text, text
        status = installed.run(["systemctl", "status", "--no-pager", "-n", "50", "riskd.service"], check=False).stdout
        assert "Failed to set thread priority" not in status, status


def test_the_watchdog_restarts_a_stopped_daemon(installed):
    # WatchdogSec=30 as shipped; a drop-in shortens it for the test. TimeoutAbortSec: a SIGSTOPped process never
    # handles the watchdog's SIGABRT, so systemd kills it after TimeoutAbortSec (TimeoutStopSec=60 by default).
    with service_dropin(installed, "watchdog-test.conf", "[Service]\nWatchdogSec=3\nTimeoutAbortSec=2\n"):
        pid = installed.main_pid()
        restarts = int(installed.show("riskd.service", "NRestarts")["NRestarts"])
        time.sleep(4)  # pings go on while it runs: no restart
        assert installed.main_pid() == pid
        installed.run(["kill", "-STOP", str(pid)])
        installed.wait_until("riskd restarted by the watchdog",
                             lambda: installed.main_pid() not in (0, pid) and installed.show(
                                 "riskd.service", "ActiveState")["ActiveState"] == "active", timeout=30)
        assert int(installed.show("riskd.service", "NRestarts")["NRestarts"]) == restarts + 1
        assert "Watchdog timeout" in installed.journal("-u", "riskd.service", "-o", "cat", "-n", "50")
        installed.riskctl("whoami")


def nobody_roles(machine):
    return json.loads(machine.riskctl("whoami", "--json", user="nobody").stdout)["roles"]


def test_reload_applies_a_change_and_refuses_a_broken_file(installed):
    config = Path(installed.path("/etc/riskd/riskd.toml"))
    original = config.read_text()
    assert '#auditors = ["unix-group:riskd-audit"]' in original
    try:
        assert "auditor" not in nobody_roles(installed)
        pid = installed.main_pid()
        config.write_text(original.replace('#auditors = ["unix-group:riskd-audit"]',
                                           'auditors = ["unix-group:riskd-audit", "unix-user:nobody"]'))
        installed.run(["systemctl", "reload", "riskd.service"])
        installed.wait_until("nobody made an auditor by reload", lambda: "auditor" in nobody_roles(installed))

        config.write_text("[access]\nboard = not-a-list\n")
        installed.run(["systemctl", "reload", "riskd.service"])
        installed.wait_until("the broken file refused", lambda: "Configuration not reloaded" in
                             invocation_journal(installed))
        assert "auditor" in nobody_roles(installed), "the old configuration stopped serving"
        assert installed.main_pid() == pid
        assert installed.show("riskd.service", "ActiveState")["ActiveState"] == "active"
    finally:
        config.write_text(original)
        installed.run(["systemctl", "reload", "riskd.service"])


def writer(path, number, stop, outcomes):
    """Adds risks until riskd goes away; each call is recorded as (title, id), id None when no reply came."""
    try:
        connection = RawConnection(path, timeout=20)
    except OSError:
        return
    sequence = 0
    try:
        while not stop.is_set():
            sequence += 1
            title = "system writer %d risk %d" % (number, sequence)
            try:
                connection.send_bytes(message("org.riskd.risk.Add", {"title": title, "category": "operational",
                                                                     "likelihood": 2, "impact": 3}))
                reply = connection.recv_message()
            except Exception:
                outcomes.append((title, None))
                return
            outcomes.append((title, reply["parameters"]["risk"]["id"] if "parameters" in reply else None))
            if "error" in reply:
                return
    finally:
        connection.close()


def test_stop_during_writes_loses_no_acknowledged_write(installed):
    path = installed.path("/run/riskd/riskd.sock")
    stop, outcomes = threading.Event(), []
    threads = [threading.Thread(target=writer, args=(path, n, stop, outcomes), daemon=True) for n in range(6)]
    for thread in threads:
        thread.start()
    time.sleep(1.5)
    installed.run(["systemctl", "stop", "riskd.service"])
    stop.set()
    for thread in threads:
        thread.join(20)
    assert installed.show("riskd.service", "ActiveState", "Result") == {"ActiveState": "inactive",
                                                                        "Result": "success"}
    acknowledged = {title: risk_id for title, risk_id in outcomes if risk_id is not None}
    assert len(acknowledged) >= 6, "too few writes (%d) to test anything" % len(acknowledged)
    # SQLite cannot open a file through /proc/PID/root; a copy of the stopped daemon's database (WAL folded in).
    copy = Path(tempfile.mkdtemp(prefix="riskd-system-db-")) / "riskd.sqlite"
    try:
        shutil.copy(installed.path("/var/lib/riskd/riskd.sqlite"), copy)
        with sqlite3.connect("file:%s?mode=ro&immutable=1" % copy, uri=True) as db:
            stored = dict(db.execute("SELECT title, id FROM risk WHERE title LIKE 'system writer %'").fetchall())
    finally:
        shutil.rmtree(copy.parent)
    lost = {t: i for t, i in acknowledged.items() if stored.get(t) != i}
    assert not lost, "acknowledged but not stored: %r" % list(lost.items())[:5]
    installed.run(["systemctl", "start", "riskd.service"])
    assert json.loads(installed.riskctl("audit", "verify", "--json").stdout)["ok"]
    print("%d writes acknowledged before systemctl stop" % len(acknowledged))


def test_journalctl_x_explains_a_real_alert(installed):
    added = json.loads(installed.riskctl("risk", "add", "--title", "Untreated for the catalog", "--category",
                                         "operational", "--likelihood", "5", "--impact", "5", "--json").stdout)
    reference = "R-%d" % added["risk"]["id"]
    installed.riskctl("review", "run")
    text = installed.journal("-x", "-t", "riskd", "MESSAGE_ID=102927c9fb4a4bc7a0d6461db84c36a1")
    assert "Subject: A high or critical risk has no treatment" in text, text
    assert "Risk %s is rated high or critical" % reference in text, text
    assert "riskctl risk action add %s" % reference in text, text


def test_systemd_analyze_security_scores_the_installed_unit_safe(installed):
    text = installed.run(["systemd-analyze", "security", "--no-pager", "riskd.service"]).stdout
    figure = re.search(r"Overall exposure level for riskd\.service: (\d+\.\d+)", text)
    assert figure, text
    print("systemd-analyze security inside the container: %s" % figure.group(0))
    assert float(figure.group(1)) <= 1.0, text
