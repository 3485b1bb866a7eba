"""Times risk.List over 100 000 risks now and as of a past time, with 1 version per risk and with 10, and prints
the database size of each, so that the cost of history is seen next to a register without it, in the same run.

The 100 000 risks come in through risk.Import (one `imported` version each). The nine further versions of each risk
are written with SQL while riskd is stopped (copies of the first version at earlier hours of the same days, so the
as-of time picks the latest); going through risk.Update would take 900 000 durable commits, measured elsewhere.
Usage: bench/history_asof.py RISKD DIRECTORY [RISKS]
"""
import os
import sqlite3
import sys
import time

from riskd_client import call, start

riskd, directory = sys.argv[1], sys.argv[2]
risks = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
os.makedirs(directory, exist_ok=True)
database = os.path.join(directory, "riskd.sqlite")


def list_all(connection, **filters):
    """Seconds to page through the whole register, 1000 risks a page, and how many risks it held."""
    start, after, count = time.monotonic(), None, 0
    while True:
        parameters = dict(filters, limit=1000)
        if after is not None:
            parameters["after"] = after
        page = call(connection, "org.riskd.risk.List", parameters)
        count += len(page["risks"])
        after = page.get("next")
        if after is None:
            return time.monotonic() - start, count


def size():
    """Bytes of the database with its WAL checkpointed into it."""
    with sqlite3.connect(database) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return os.path.getsize(database)


def stop(proc, connection):
    connection.close()
    proc.terminate()
    proc.wait(timeout=60)


proc, connection = start(riskd, directory)
try:
    for first in range(0, risks, 1000):
        batch = [{"title": "Risk %d" % (first + i), "category": "operational", "likelihood": 1 + (first + i) % 5,
                  "impact": 1 + (first + i) // 5 % 5, "nextReviewDue": "2027-%02d-15" % (1 + (first + i) % 12)}
                 for i in range(min(1000, risks - first))]
        call(connection, "org.riskd.risk.Import", {"risks": batch})
    now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 60))
    today_s, n = list_all(connection)
    as_of_s, m = list_all(connection, asOf=now)
finally:
    stop(proc, connection)
one = size()
print("1 version a risk:   %d risks, database %.1f MB; List now %.2f s, List(asOf) %.2f s (%d risks)"
      % (n, one / 1e6, today_s, as_of_s, m))

with sqlite3.connect(database) as db:
    columns = [row[1] for row in db.execute("PRAGMA table_info(risk_version)") if row[1] != "version"]
    listed = ", ".join(columns)
    copied = ", ".join("strftime('%Y-%m-%dT%H:%M:%SZ', at, '-HOURS hours')" if c == "at" else
                       ("'updated'" if c == "change" else c) for c in columns)
    for hours in range(1, 10):
        db.execute("INSERT INTO risk_version (%s) SELECT %s FROM risk_version WHERE change = 'imported'"
                   % (listed, copied.replace("HOURS", str(hours))))
    versions = db.execute("SELECT COUNT(*) FROM risk_version").fetchone()[0]
ten = size()

proc, connection = start(riskd, directory)
try:
    today_s, n = list_all(connection)
    as_of_s, m = list_all(connection, asOf=now)
    earlier_s, k = list_all(connection, asOf=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 5 * 3600)))
finally:
    stop(proc, connection)
print("10 versions a risk: %d versions, database %.1f MB (%.0f bytes a version); List now %.2f s, "
      "List(asOf now) %.2f s, List(asOf 5 hours ago) %.2f s (%d risks)"
      % (versions, ten / 1e6, (ten - one) / max(1, versions - n), today_s, as_of_s, earlier_s, k))
