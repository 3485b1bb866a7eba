"""What the benchmarks share: starting riskd on a directory and calling it over its socket, one call at a time."""
import json
import os
import socket
import subprocess
import time


def start(riskd, directory, *arguments):
    """riskd started on DIRECTORY/riskd.sock and DIRECTORY/riskd.sqlite (logging to DIRECTORY/riskd.log), once its
    socket exists, and a connection to it: (process, connection)."""
    path = os.path.join(directory, "riskd.sock")
    proc = subprocess.Popen([riskd, "--socket", path, "--database", os.path.join(directory, "riskd.sqlite"),
                             *arguments], stderr=open(os.path.join(directory, "riskd.log"), "a"))
    for _ in range(400):
        if os.path.exists(path):
            break
        time.sleep(0.05)
    connection = socket.socket(socket.AF_UNIX)
    connection.connect(path)
    return proc, connection


def call(connection, method, parameters=None):
    """The reply's parameters; an error reply raises RuntimeError. A reply of tens of megabytes is collected in
    chunks and joined once."""
    connection.sendall(json.dumps({"method": method, "parameters": parameters or {}}).encode() + b"\0")
    chunks = [connection.recv(1 << 20)]
    while not chunks[-1].endswith(b"\0"):
        chunks.append(connection.recv(1 << 20))
    reply = json.loads(b"".join(chunks)[:-1])
    if "error" in reply:
        raise RuntimeError(reply)
    return reply["parameters"]


def timed(connection, runs, method, **parameters):
    """The fastest and the slowest of `runs` calls, in seconds, and the last reply."""
    times = []
    for _ in range(runs):
        start = time.monotonic()
        reply = call(connection, method, parameters)
        times.append(time.monotonic() - start)
    return min(times), max(times), reply
