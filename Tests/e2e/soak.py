"""The soak: many connections of every role calling every read method, while an administrator probes.

Used by test_soak.py (a bounded run in `make test`) and by `make soak` (longer: SOAK_SECONDS). Nothing here is a
test. Each role's connections are made by a worker process running as that role's test user (real uids), with
nothing but the standard library, so the daemon sees four different peers.
"""

import json
import os
import subprocess
import time

from riskd_e2e import RawConnection, VarlinkCallError, as_user_command

# Every read method of every interface, with parameters that name records the seed creates.
READ_CALLS = [
    ("org.riskd.daemon.Whoami", {}),
    ("org.riskd.daemon.Status", {}),
    ("org.riskd.risk.Get", {"id": 1}),
    ("org.riskd.risk.List", {}),
    ("org.riskd.risk.Matrix", {}),
    ("org.riskd.organisation.Get", {"id": 1}),
    ("org.riskd.organisation.List", {}),
    ("org.riskd.interest.Get", {"id": 1}),
    ("org.riskd.interest.List", {}),
    ("org.riskd.interest.Checks", {}),
    ("org.riskd.ethics.Current", {}),
    ("org.riskd.ethics.Get", {"version": 1}),
    ("org.riskd.ethics.Versions", {}),
    ("org.riskd.ethics.Status", {}),
    ("org.riskd.member.List", {}),
    ("org.riskd.member.Get", {"user": "rdt-board"}),
    ("org.riskd.review.Preview", {"asOf": "2030-01-01T00:00:00Z"}),
    ("org.riskd.review.Findings", {}),
    ("org.riskd.review.Runs", {}),
    ("org.riskd.audit.Log", {}),
    ("org.riskd.audit.Verify", {}),
]

ROLES = {"admin": "rdt-admin", "board": "rdt-board", "auditor": "rdt-audit", "no role": "rdt-nobody"}

# Run as a test user: `connections` threads, each on its own connection, call the methods in turn (each thread
# starting at a different one) until `seconds` have passed; prints what was answered and what went wrong, with
# the time of each failure so the caller can tell failures before a shutdown from the shutdown itself.
WORKER = r'''
import collections, json, socket, sys, threading, time
path, connections, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
calls = json.load(sys.stdin)
deadline = time.monotonic() + seconds
lock = threading.Lock()
answered = collections.Counter()
failures = []

def serve(index):
    try:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(30)
        sock.connect(path)
    except OSError as error:
        with lock:
            failures.append([time.time(), "connect: %s" % error])
        return
    buffer, turn = b"", index
    try:
        while time.monotonic() < deadline:
            method, parameters = calls[turn % len(calls)]
            turn += 1
            sock.sendall(json.dumps({"method": method, "parameters": parameters}).encode() + b"\0")
            while b"\0" not in buffer:
                chunk = sock.recv(1 << 16)
                if not chunk:
                    raise ConnectionError("closed by riskd")
                buffer += chunk
            frame, buffer = buffer.split(b"\0", 1)
            reply = json.loads(frame)
            with lock:
                answered[method + " " + reply.get("error", "ok")] += 1
    except Exception as error:
        with lock:
            failures.append([time.time(), "%s: %s" % (type(error).__name__, error)])
    finally:
        sock.close()

threads = [threading.Thread(target=serve, args=(i,)) for i in range(connections)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(json.dumps({"answered": answered, "failures": failures}))
'''


def seed(daemon, user_calls):
    """Records for every read method to find: risks with an action, an organisation, a code, declarations."""
    for number in range(1, 6):
        daemon.call("org.riskd.risk.Add", title="Soak risk %d" % number, category="financial",
                    likelihood=4, impact=4, owner="rdt-board")
    daemon.call("org.riskd.risk.AddAction", riskId=1, description="Second signature on payments",
                owner="rdt-board", dueOn="2030-01-01")
    daemon.call("org.riskd.organisation.Add", name="Western Balkan Fund", kind="funder")
    daemon.call("org.riskd.ethics.Publish", title="Code of ethics", body="Declare what you hold.\n")
    results = user_calls("rdt-board", daemon.socket, [
        ("org.riskd.interest", "Declare", {"kind": "governance", "organisation": "Western Balkan Fund",
                                           "description": "Board seat", "startedOn": "2026-01-01"}),
        ("org.riskd.interest", "Declare", {"kind": "family", "organisation": "Udruzenje Prevent",
                                           "description": "A sister works there", "sensitive": True,
                                           "startedOn": "2026-01-01"}),
        ("org.riskd.interest", "Check", {"organisations": ["Western Balkan Fund"], "matter": "Soak"}),
    ])
    assert all(result["ok"] for result in results), results


def start_workers(daemon, users, user_python_path, connections_per_role, seconds):
    """One worker process per role, each holding `connections_per_role` connections for `seconds`.

    The workers run at a lower priority (nice 10): on a two-core machine four busy python clients would otherwise
    take most of the CPU from the daemon under test, and the probe would measure that contention, not riskd.
    """
    interpreter, library = user_python_path
    workers = {}
    calls = json.dumps(READ_CALLS)
    for role, name in ROLES.items():
        user = users[name]
        command = ["nice", "-n", "10", *as_user_command(user, [interpreter, "-c", WORKER, daemon.socket,
                                                               str(connections_per_role), str(seconds)])]
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   text=True, env={"PATH": "/usr/bin:/bin", "PYTHONPATH": library}, cwd="/tmp")
        process.stdin.write(calls)
        process.stdin.close()
        workers[role] = process
    return workers


def collect(workers, timeout):
    """Each role's worker result: {"answered": {method outcome: count}, "failures": [[time, text]]}."""
    results = {}
    for role, process in workers.items():
        try:
            out = process.stdout.read()
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            raise AssertionError("the %s worker did not finish" % role)
        if process.returncode != 0:
            raise AssertionError("the %s worker failed: %s" % (role, process.stderr.read()))
        results[role] = json.loads(out)
    return results


def probe(daemon, seconds, every=0.2, within=1.0):
    """An administrator's fresh call every `every` seconds for `seconds`; returns (latencies, failures)."""
    latencies, failures = [], []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        started = time.monotonic()
        try:
            with RawConnection(daemon.socket, timeout=within) as connection:
                reply = connection.call("org.riskd.daemon.Status", {})
            if "error" in reply:
                raise VarlinkCallError(reply)
            latencies.append(time.monotonic() - started)
        except Exception as error:
            failures.append("%.1f s in: %s: %s" % (time.monotonic() - (deadline - seconds), type(error).__name__,
                                                   error))
        time.sleep(max(0.0, every - (time.monotonic() - started)))
    return latencies, failures


def peak_rss_kib(pid):
    """The process's peak resident set (VmHWM), in KiB."""
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def seconds_from_environment(default):
    return float(os.environ.get("SOAK_SECONDS", default))
