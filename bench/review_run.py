"""Times review.Run over 50 000 and 100 000 risks (target: <= 1 s at 100 000, linear).

With a third argument `mail`, riskd runs with [mail] enabled and the risks have 500 owners, each with a mail
address through mail.domain: the run then also queues a notice per overdue or due-soon risk and writes one mail
per owner in its own transaction. Compare the two lines of the same size to see what mail costs a run.
"""
import os
import sys
import time

import riskd_client

riskd, directory = sys.argv[1], sys.argv[2]
mail = len(sys.argv) > 3 and sys.argv[3] == "mail"
os.makedirs(directory, exist_ok=True)
arguments = []
if mail:
    config = os.path.join(directory, "riskd.toml")
    with open(config, "w") as out:
        out.write('[mail]\nenabled = true\ndomain = "example.org"\nadmins = ["secretariat@example.org"]\n')
    arguments += ["--config", config]
proc, connection = riskd_client.start(riskd, directory, *arguments)
label = " (mail on, 500 owners)" if mail else ""
try:
    def call(method, parameters):
        return riskd_client.call(connection, method, parameters)

    total = 0
    for size in (50_000, 100_000):
        while total < size:
            batch = [{"title": "Risk %d" % (total + i), "category": "operational", "likelihood": 1 + (total + i) % 5,
                      "impact": 1 + (total + i) // 5 % 5, "nextReviewDue": "2026-%02d-15" % (1 + (total + i) % 12),
                      "owner": "owner%d" % ((total + i) % 500)}
                     for i in range(1000)]
            call("org.riskd.risk.Import", {"risks": batch})
            total += 1000
        start = time.monotonic()
        run = call("org.riskd.review.Run", {})["run"]
        elapsed = time.monotonic() - start
        print("review.Run over %d risks%s: %.2f s (raised %d, open %d)" % (size, label, elapsed, run["raised"],
                                                                       run["open"]))
        # The daily case: the same register again, every finding still open and unchanged.
        start = time.monotonic()
        run = call("org.riskd.review.Run", {})["run"]
        elapsed = time.monotonic() - start
        print("review.Run over %d risks%s again: %.2f s (raised %d, open %d)" % (size, label, elapsed, run["raised"],
                                                                             run["open"]))
    if mail:
        status = call("org.riskd.mail.Status", {"limit": 1})
        print("outbox after the runs: %d mails queued" % status["queued"])
finally:
    proc.terminate()
    proc.wait(timeout=30)
