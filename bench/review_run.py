"""Times review.Run over growing registers: 10 000, 50 000, 100 000 and 200 000 risks by default (target: <= 1 s
at 100 000, growing linearly), with one open action and one declaration of interest per ten risks, declared by the
board: up to 300 of this system's accounts (the board is who holds the role, and riskd looks accounts up). Runs are
made as the scheduler makes them (`findings: false`: the run and its counts, not the hundred thousand findings it
leaves open).

Each size is timed twice: the first run over the new risks raises their findings (and writes a journal alert
each), the second is the daily case: the same register again, every finding still open and unchanged.

With a third argument `mail`, riskd runs with [mail] enabled and the risks are owned by up to 500 of this
system's accounts (riskd accepts only owners it can tell: an account or a member), each with a mail address
through mail.domain: the run then also queues a notice per overdue or due-soon risk and writes one mail per owner
in its own transaction. Compare the two lines of the same size to see what mail costs a run.

Usage: bench/review_run.py RISKD DIRECTORY [mail]   (sizes from BENCH_REVIEW_SIZES, e.g. "10000 50000")
Prints one line per run, then `review_seconds SIZE FIRST AGAIN` lines that bench/run.sh puts in its table.
"""
import os
import pwd
import sys
import time

import riskd_client

riskd, directory = sys.argv[1], sys.argv[2]
mail = len(sys.argv) > 3 and sys.argv[3] == "mail"
sizes = [int(size) for size in os.environ.get("BENCH_REVIEW_SIZES", "10000 50000 100000 200000").split()]
os.makedirs(directory, exist_ok=True)
# Owners must be accounts riskd can look up; the bench uses the accounts this system has rather than make 500.
owners = sorted({entry.pw_name for entry in pwd.getpwall()})[:500]
board = owners[:300]
config = os.path.join(directory, "riskd.toml")
with open(config, "w") as out:
    out.write("[access]\nboard = [%s]\n" % ", ".join('"unix-user:%s"' % name for name in board))
    # A board of a few dozen accounts declares ten thousand interests: more each than the default cap allows.
    out.write("[interests]\nmax_declarations_per_member = 10000\n")
    if mail:
        out.write('[mail]\nenabled = true\ndomain = "example.org"\nadmins = ["secretariat@example.org"]\n')
proc, connection = riskd_client.start(riskd, directory, "--config", config)
label = " (mail on, %d owners)" % len(owners) if mail else ""
results = []
try:
    def call(method, parameters):
        return riskd_client.call(connection, method, parameters)

    def timed_run():
        start = time.monotonic()
        run = call("org.riskd.review.Run", {"findings": False})["run"]
        return time.monotonic() - start, run

    total = 0
    for size in sizes:
        while total < size:
            count = min(1000, size - total)
            batch = [{"title": "Risk %d" % (total + i), "category": "operational", "likelihood": 1 + (total + i) % 5,
                      "impact": 1 + (total + i) // 5 % 5, "nextReviewDue": "2026-%02d-15" % (1 + (total + i) % 12),
                      "owner": owners[(total + i) % len(owners)]}
                     for i in range(count)]
            ids = call("org.riskd.risk.Import", {"risks": batch})["ids"]
            for risk in ids[::10]:
                call("org.riskd.risk.AddAction", {"riskId": risk, "description": "Ask the funders",
                                                  "owner": owners[risk % len(owners)], "dueOn": "2026-03-01"})
            call("org.riskd.interest.Import", {"interests": [
                {"declarant": board[risk % len(board)], "kind": "funding", "organisation": "Funder %d" % risk,
                 "description": "Grant for project %d" % risk, "startedOn": "2025-01-01"} for risk in ids[::10]]})
            total += count
        first_seconds, run = timed_run()
        print("review.Run over %d risks%s: %.2f s (raised %d, open %d)" % (size, label, first_seconds, run["raised"],
                                                                       run["open"]), flush=True)
        again_seconds, run = timed_run()
        print("review.Run over %d risks%s again: %.2f s (raised %d, open %d)" % (size, label, again_seconds,
                                                                             run["raised"], run["open"]), flush=True)
        results.append((size, first_seconds, again_seconds))
    if mail:
        status = call("org.riskd.mail.Status", {"limit": 1})
        print("outbox after the runs: %d mails queued" % status["queued"])
finally:
    proc.terminate()
    proc.wait(timeout=30)
for size, first_seconds, again_seconds in results:
    print("review_seconds %d %.3f %.3f" % (size, first_seconds, again_seconds))
