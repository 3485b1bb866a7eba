"""Times review.Run over 50 000 and 100 000 risks (target: <= 1 s at 100 000, linear)."""
import json
import os
import socket
import subprocess
import sys
import time

riskd, directory = sys.argv[1], sys.argv[2]
os.makedirs(directory, exist_ok=True)
path = os.path.join(directory, "riskd.sock")
proc = subprocess.Popen([riskd, "--socket", path, "--database", os.path.join(directory, "riskd.sqlite")],
                        stderr=open(os.path.join(directory, "riskd.log"), "w"))
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
                      "impact": 1 + (total + i) // 5 % 5, "nextReviewDue": "2026-%02d-15" % (1 + (total + i) % 12)}
                     for i in range(1000)]
            call("org.riskd.risk.Import", {"risks": batch})
            total += 1000
        start = time.monotonic()
        run = call("org.riskd.review.Run", {})["run"]
        elapsed = time.monotonic() - start
        print("review.Run over %d risks: %.2f s (raised %d, open %d)" % (size, elapsed, run["raised"], run["open"]))
        # The daily case: the same register again, every finding still open and unchanged.
        start = time.monotonic()
        run = call("org.riskd.review.Run", {})["run"]
        elapsed = time.monotonic() - start
        print("review.Run over %d risks again: %.2f s (raised %d, open %d)" % (size, elapsed, run["raised"],
                                                                            run["open"]))
finally:
    proc.terminate()
    proc.wait(timeout=30)
