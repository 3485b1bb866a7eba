"""Issue 8, defect 3: a board member must not be able to make riskd store or send without bound.

The attack of the issue, as rdt-board over a raw socket (its own uid, seen by SO_PEERCRED): declare as many
interests as riskd takes, with the longest organisation names it takes, all matching the one-letter name "a";
then store conflict checks of as many names as riskd takes, and read them all back with the largest pages. The
test asserts the caps (InvalidValue naming the field), that the database grows by a bounded amount per check
(references, not copies), and that no reply exceeds a bound however many checks and matches there are.
Figures are printed (pytest -s) for the note.
"""

import json
import os
import sqlite3

from riskd_e2e import RISKD

ATTACK_PLAN = {
    "declarations": 150,    # more than interests.max_declarations_per_member (default 100)
    "marks": 5000,          # combining accents after "A": one character, 10 kB
    "checks": 20,
    "names": 100,           # more than interests.max_organisations_per_check (default 20)
}

# Run as the board member: plain python3, the standard library only, one connection.
ATTACKER = r'''
import json, socket, sys
path, plan = sys.argv[1], json.loads(sys.argv[2])
sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
sock.settimeout(120)
sock.connect(path)
buffer = b""
largest = {}

def call(method, parameters):
    global buffer
    sock.sendall(json.dumps({"method": method, "parameters": parameters}).encode() + b"\0")
    while b"\0" not in buffer:
        chunk = sock.recv(1 << 20)
        if not chunk:
            raise SystemExit("connection closed")
        buffer += chunk
    frame, buffer = buffer.split(b"\0", 1)
    largest[method] = max(largest.get(method, 0), len(frame))
    return json.loads(frame)

def refusal(reply):
    return {"error": reply["error"], "parameters": reply.get("parameters")} if "error" in reply else None

report = {"refused": {}}
stacked = "A" + "\u0301" * plan["marks"]
# 196 characters of 4 bytes each: the longest name the limits take, all of it words matching "a".
longest = "a " + "\U0001D538" * 190
accepted = 0
for index in range(plan["declarations"]):
    draft = {"kind": "gift", "organisation": "a %s %d" % (stacked, index), "description": "d",
             "startedOn": "2026-01-01"}
    reply = call("org.riskd.interest.Declare", draft)
    if "error" in reply and reply["parameters"].get("field") == "organisation":
        report["refused"].setdefault("stacked organisation", refusal(reply))
        draft["organisation"] = "%s %d" % (longest, index)
        reply = call("org.riskd.interest.Declare", draft)
    if "error" in reply:
        report["refused"].setdefault("declaration", refusal(reply))
        report["refusedAt"] = report.get("refusedAt", index)
        continue
    accepted += 1
report["declared"] = accepted

stored = 0
for index in range(plan["checks"]):
    names = ["a"] * plan["names"]
    reply = call("org.riskd.interest.Check", {"organisations": names, "matter": "Item %d" % index})
    if "error" in reply:
        report["refused"].setdefault("check", refusal(reply))
        reply = call("org.riskd.interest.Check", {"organisations": names[:20], "matter": "Item %d" % index})
    if "error" not in reply:
        stored += 1
        report["conflictsPerCheck"] = len(reply["parameters"]["check"]["conflicts"])
report["checks"] = stored

after, pages, read = None, 0, 0
while True:
    reply = call("org.riskd.interest.Checks", {"limit": 1000, "after": after})
    pages += 1
    read += len(reply["parameters"]["checks"])
    after = reply["parameters"].get("next")
    if after is None:
        break
report["checksRead"], report["checksPages"] = read, pages
call("org.riskd.interest.List", {"limit": 1000})
report["largestReply"] = largest
print(json.dumps(report))
'''


def database_bytes(daemon):
    """The database's size as SQLite sees it (pages in use, the WAL included), read-only: the files themselves
    also hold WAL frames that a checkpoint reuses, however small the change."""
    connection = sqlite3.connect("file:%s?mode=ro" % daemon.database, uri=True)
    try:
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        size = connection.execute("PRAGMA page_size").fetchone()[0]
        return pages * size
    finally:
        connection.close()


def file_bytes(daemon):
    return sum(os.path.getsize(daemon.database + suffix) for suffix in ["", "-wal"]
               if os.path.exists(daemon.database + suffix))


def test_a_board_member_cannot_amplify_storage_or_replies(daemon, as_user):
    daemon.call("org.riskd.daemon.Status")
    before, files_before = database_bytes(daemon), file_bytes(daemon)
    result = as_user("rdt-board", ["python3", "-c", ATTACKER, daemon.socket, json.dumps(ATTACK_PLAN)], timeout=600)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    grown, files_grown = database_bytes(daemon) - before, file_bytes(daemon) - files_before
    largest = max(report["largestReply"].values())
    print("\namplification (%s): %s\n  database grew %d bytes (files %d); largest reply %d bytes"
          % (RISKD, json.dumps(report), grown, files_grown, largest))

    # Text limits (defect 4): the stacked name is refused, naming the field.
    stacked = report["refused"]["stacked organisation"]
    assert stacked["error"] == "org.riskd.interest.InvalidValue"
    assert "bytes of UTF-8" in stacked["parameters"]["reason"]
    # Declarations per member are capped.
    assert report["declared"] == 100 and report["refusedAt"] == 100
    refused = report["refused"]["declaration"]
    assert refused["error"] == "org.riskd.interest.InvalidValue"
    assert refused["parameters"]["field"] == "declarant"
    assert "max_declarations_per_member" in refused["parameters"]["reason"]
    # Organisations per check are capped.
    check = report["refused"]["check"]
    assert check["error"] == "org.riskd.interest.InvalidValue" and check["parameters"]["field"] == "organisations"
    assert report["checks"] == ATTACK_PLAN["checks"] and report["conflictsPerCheck"] == 100
    # Every check can be read back, in pages bounded by size.
    assert report["checksRead"] == ATTACK_PLAN["checks"] and report["checksPages"] >= 2
    assert report["largestReply"]["org.riskd.interest.Checks"] <= 2 * 256 * 1024
    assert largest < 1 << 20
    # By reference: 100 declarations of at most 800 bytes, and each check a few kB however long the names.
    assert grown < 1 << 20, grown
    assert daemon.call("org.riskd.daemon.Status")["interests"] == 100
