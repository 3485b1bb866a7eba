"""Times review.Run over 50 000 and 100 000 risks (target: <= 1 s at 100 000, linear).

With a third argument `mail`, riskd runs with [mail] enabled and the risks have 500 owners, each with a mail
address through mail.domain: the run then also queues a notice per overdue or due-soon risk and writes one mail
per owner in its own transaction. Compare the two lines of the same size to see what mail costs a run.
"""
import json
import os
import socket
import subprocess
import sys
import time

riskd, directory = sys.argv[1], sys.argv[2]
mail = len(sys.argv) > 3 and sys.argv[3] == "mail"
os.makedirs(directory, exist_ok=True)
path = os.path.join(directory, "riskd.sock")
arguments = [riskd, "--socket", path, "--database", os.path.join(directory, "riskd.sqlite")]
if mail:
    config = os.path.join(directory, "riskd.toml")
    with open(config, "w") as out:
        out.write('[mail]\nenabled = true\ndomain = "example.org"\nadmins = ["secretariat@example.org"]\n')
    arguments += ["--config", config]
proc = subprocess.Popen(arguments, stderr=open(os.path.join(directory, "riskd.log"), "w"))
label = " (mail on, 500 owners)" if mail else ""
try:
    for _ in range(200):
        if os.path.exists(path):
            break
        time.sleep(0.05)
    connection = socket.socket(socket.AF_UNIX)
    connection.connect(path)

    def call(method, parameters):
        connection.sendall(json.dumps({"method": method, "parameters": parameters}).encode() + b"\0")
        # A run over 100 000 risks answers with tens of megabytes: collect the chunks, join once.
        chunks = [connection.recv(1 << 20)]
        while not chunks[-1].endswith(b"\0"):
            chunks.append(connection.recv(1 << 20))
        reply = json.loads(b"".join(chunks)[:-1])
        if "error" in reply:
            raise RuntimeError(reply)
        return reply["parameters"]

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
