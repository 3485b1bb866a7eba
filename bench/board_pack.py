"""Times report.Board over 100 000 risks: the pack now and as of a past time, and prints the size of the document,
which should not grow with the register (it lists the ten highest risks, not all of them) except through the
sections that list every match (risks above appetite, overdue reviews).

The risks come in through risk.Import; a tenth of them have residual ratings. An appetite on one category puts
some above it. Usage: bench/board_pack.py RISKD DIRECTORY [RISKS]
"""
import os
import sys
import time

from riskd_client import call, start, timed

riskd, directory = sys.argv[1], sys.argv[2]
risks = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
os.makedirs(directory, exist_ok=True)


proc, connection = start(riskd, directory)
try:
    categories = ["operational", "financial", "governance", "strategic", "compliance"]
    for first in range(0, risks, 1000):
        batch = []
        for i in range(first, min(first + 1000, risks)):
            risk = {"title": "Risk %d" % i, "category": categories[i % 5], "likelihood": 1 + i % 5,
                    "impact": 1 + i // 5 % 5, "nextReviewDue": "20%02d-%02d-15" % (25 + i % 3, 1 + i % 12)}
            if i % 10 == 0:
                risk.update(residualLikelihood=1, residualImpact=1 + i % 5)
            batch.append(risk)
        call(connection, "org.riskd.risk.Import", {"risks": batch})
    imported = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    call(connection, "org.riskd.risk.SetAppetite", {"category": "financial", "maxScore": 20})
    time.sleep(1.1)
    fastest, slowest, reply = timed(connection, 5, "org.riskd.report.Board")
    as_of_fastest, as_of_slowest, as_of = timed(connection, 5, "org.riskd.report.Board", asOf=imported)
    again = call(connection, "org.riskd.report.Board", {"asOf": imported})
    connection.close()
finally:
    proc.terminate()
    proc.wait(timeout=60)
print("report.Board over %d risks: now %.2f–%.2f s, %d bytes; as of %s %.2f–%.2f s, %d bytes; same bytes again: %s"
      % (risks, fastest, slowest, len(reply["html"].encode()), imported, as_of_fastest, as_of_slowest,
         len(as_of["html"].encode()), "yes" if again == as_of else "NO"))
