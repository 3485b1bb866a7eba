"""Times report.Board as of a past time over a register with 10 versions of everything the pack shows: risks,
actions, declarations (text, sensitivity, end), the registry, meetings with their items and recusals, and members'
names, and checks that the pack of that time reads the same after ten more versions of everything and a change of
riskd.toml (the organisation's name and a band's threshold, applied with SIGHUP).

Usage: bench/pack_history.py RISKD DIRECTORY [RISKS]   (RISKS risks, as many actions, RISKS/10 declarations)
"""
import os
import pwd
import signal
import sys
import time

from riskd_client import call, start, timed

riskd, directory = sys.argv[1], sys.argv[2]
risks = int(sys.argv[3]) if len(sys.argv) > 3 else 10_000
os.makedirs(directory, exist_ok=True)
me = pwd.getpwuid(os.getuid()).pw_name


def version_everything(connection, round_):
    """One more version of every record the pack shows."""
    for first in range(1, risks + 1):
        call(connection, "org.riskd.risk.Update", {"id": first, "impact": 1 + round_ % 5})
        call(connection, "org.riskd.risk.UpdateAction", {"id": first, "description": "Step %d" % round_})
    for interest in range(1, risks // 10 + 1):
        call(connection, "org.riskd.interest.Update", {"id": interest, "sensitive": round_ % 2 == 0,
                                                       "description": "Held %d" % round_})
    call(connection, "org.riskd.organisation.Update", {"id": 1, "aliases": ["Fund %d" % round_]})
    call(connection, "org.riskd.meeting.AddItem", {"meetingId": 1, "title": "Item %d" % round_,
                                                   "organisations": ["Western Balkan Fund"]})
    call(connection, "org.riskd.member.SetName", {"user": me, "name": "Member %d" % round_})


config = os.path.join(directory, "riskd.toml")


def configure(organisation, high_from):
    with open(config, "w") as file:
        file.write('[organisation]\nname = "%s"\n[risk]\nhigh_from = %d\n[access]\nboard = ["unix-user:%s"]\n'
                   '[interests]\nmax_declarations_per_member = %d\n'
                   % (organisation, high_from, me, max(1, risks // 10)))


def reload(proc):
    """SIGHUP, and the reload seen in riskd's log (at most 30 s: a bench never fails on it; False when unseen)."""
    log = os.path.join(directory, "riskd.log")
    seen = open(log, encoding="utf-8", errors="replace").read().count("Configuration reloaded")
    proc.send_signal(signal.SIGHUP)
    for _ in range(600):
        if open(log, encoding="utf-8", errors="replace").read().count("Configuration reloaded") > seen:
            return True
        time.sleep(0.05)
    return False


configure("Bench Network", 10)
proc, connection = start(riskd, directory, "--config", config)
try:
    call(connection, "org.riskd.member.List")
    call(connection, "org.riskd.organisation.Add", {"name": "Western Balkan Fund", "kind": "funder"})
    for first in range(0, risks, 1000):
        batch = [{"title": "Risk %d" % i, "category": "financial", "likelihood": 3, "impact": 3}
                 for i in range(first, min(first + 1000, risks))]
        call(connection, "org.riskd.risk.Import", {"risks": batch})
    for risk in range(1, risks + 1):
        call(connection, "org.riskd.risk.AddAction", {"riskId": risk, "description": "Step", "owner": me,
                                                      "dueOn": "2030-01-01"})
    for i in range(risks // 10):
        call(connection, "org.riskd.interest.Declare", {"kind": "gift", "organisation": "Western Balkan Fund",
                                                        "description": "Held", "startedOn": "2026-01-01"})
    call(connection, "org.riskd.meeting.Create", {"title": "Board", "date": "2030-01-01"})
    call(connection, "org.riskd.meeting.AddItem", {"meetingId": 1, "title": "Grant",
                                                   "organisations": ["Western Balkan Fund"]})
    call(connection, "org.riskd.meeting.Publish", {"id": 1})
    for round_ in range(9):
        version_everything(connection, round_)
    time.sleep(1.1)
    past = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    time.sleep(1.1)
    fastest, slowest, reply = timed(connection, 3, "org.riskd.report.Board", asOf=past, meetingId=1)
    for round_ in range(9, 19):
        version_everything(connection, round_)
        if round_ == 14:
            configure("Bench Network Renamed", 12)
            reloaded = reload(proc)
    again = call(connection, "org.riskd.report.Board", {"asOf": past, "meetingId": 1})
    connection.close()
finally:
    proc.terminate()
    proc.wait(timeout=60)
print("report.Board as of %s over %d risks, %d actions, %d declarations, 10 versions of each: %.2f–%.2f s, "
      "%d bytes; the same bytes after 10 more versions of everything and a change of riskd.toml%s: %s"
      % (past, risks, risks, risks // 10, fastest, slowest, len(reply["html"].encode()),
         "" if reloaded else " (its reload not seen in riskd.log)", "yes" if again == reply else "NO"))
