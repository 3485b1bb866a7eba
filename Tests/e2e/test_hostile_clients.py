"""Hostile clients with real uids cannot lock others out, make riskd buffer without bound, or go unnoticed.

- One user holding connections gets at most `limits.max_connections_per_user`; each role is kept its slots
  (`admin_connections`, `board_connections`, …) and users with no role share `no_role_connections`, so however many
  uids without a role, or of a mailer, hold every connection they may, a board member, an auditor and an
  administrator are answered.
- A connection with no call in flight is closed after `limits.idle_timeout_seconds`; a review.Watch stream is not.
- A client that pipelines calls and never reads its replies is read no further (its own sends block), riskd's
  memory stays flat, and after `limits.reply_timeout_seconds` it is cut off with a notice naming its uid.
- A frame nested deeper than the parser takes, whose header is readable, gets InvalidParameter, not a close.
"""

import json
import socket
import subprocess
import time

import pytest

from riskd_e2e import RawConnection, as_user_command, call_ok, ensure_user, message
from soak import peak_rss_kib

# Run as a test user: opens N connections, calls Whoami on each, prints how many were answered, then holds them
# open until its stdin closes.
HOLDER = r'''
import json, socket, sys
path, count = sys.argv[1], int(sys.argv[2])
held, answered = [], 0
for _ in range(count):
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(5)
    try:
        sock.connect(path)
        sock.sendall(json.dumps({"method": "org.riskd.daemon.Whoami"}).encode() + b"\0")
        data = b""
        while b"\0" not in data:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
        if b'"user"' in data:
            answered += 1
            held.append(sock)
        else:
            sock.close()
    except OSError:
        sock.close()
print(json.dumps({"answered": answered}), flush=True)
sys.stdin.read()
'''


def hold(users, python_for_users, name, socket_path, count):
    """Starts a process holding `count` connections as `name`; returns (process, how many were answered)."""
    interpreter, library = python_for_users
    user = users[name]
    process = subprocess.Popen(
        as_user_command(user, [interpreter, "-c", HOLDER, socket_path, str(count)]),
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env={"PATH": "/usr/bin:/bin"}, cwd="/tmp")
    line = process.stdout.readline()
    return process, json.loads(line)["answered"]


def release(process):
    process.stdin.close()
    process.wait(10)


# Small shares that fit in 20 connections: 4 kept for administrators, 4 for the board, 2 for auditors.
SMALL = {"max_connections": 20, "admin_connections": 4, "board_connections": 4, "auditor_connections": 2,
         "mailer_connections": 0, "no_role_connections": 10, "max_connections_per_user": 8}

# Users with no role beside rdt-nobody, for an attack from many uids.
NO_ROLE_USERS = ["rdt-slot%d" % number for number in range(1, 8)]


@pytest.fixture(scope="module")
def no_role_users(users):
    """NO_ROLE_USERS, created for this module and removed afterwards."""
    for name in NO_ROLE_USERS:
        users[name] = ensure_user(name)
    yield NO_ROLE_USERS
    for name in NO_ROLE_USERS:
        users.pop(name, None)
        subprocess.run(["userdel", name], capture_output=True, timeout=30)
        subprocess.run(["groupdel", name], capture_output=True, timeout=30)


def test_one_user_cannot_take_every_connection(start_daemon, users, python_for_users):
    daemon = start_daemon(limits=SMALL)
    nobody, answered = hold(users, python_for_users, "rdt-nobody", daemon.socket, 30)
    try:
        assert answered == 8, "a user with no role held %d connections, not the 8 allowed" % answered
        assert "uid %d already has 8 connections open" % users["rdt-nobody"].uid in daemon.stderr_text()
        # Others, and root, are still answered.
        board, board_answered = hold(users, python_for_users, "rdt-board", daemon.socket, 1)
        release(board)
        assert board_answered == 1
        assert daemon.call("org.riskd.daemon.Whoami")["user"] == "root"
    finally:
        release(nobody)


def test_the_slots_kept_for_administrators_stay_free(start_daemon, users, python_for_users):
    daemon = start_daemon(limits=dict(SMALL, board_connections=0, auditor_connections=0, no_role_connections=8))
    holders = []
    try:
        for name in ("rdt-nobody", "rdt-board"):
            holders.append(hold(users, python_for_users, name, daemon.socket, 8))
        assert [answered for _, answered in holders] == [8, 8]
        # 16 of 20 are taken: the auditor gets nothing, an administrator still gets in.
        auditor, auditor_answered = hold(users, python_for_users, "rdt-audit", daemon.socket, 2)
        holders.append((auditor, auditor_answered))
        assert auditor_answered == 0
        assert "16 of 20 connections are open; the rest are kept for administrators" in daemon.stderr_text()
        admins = [daemon.connect() for _ in range(4)]
        try:
            for connection in admins:
                assert call_ok(connection, "org.riskd.daemon.Whoami")["user"] == "root"
        finally:
            for connection in admins:
                connection.close()
    finally:
        for process, _ in holders:
            release(process)


def test_uids_without_a_role_and_a_mailer_cannot_lock_out_the_other_roles(start_daemon, users, python_for_users,
                                                                          no_role_users):
    """Issue 20: nine uids × 32 idle connections filled the 240 slots not kept for administrators, and a board
    member was refused. At the default limits, users with no role hold their 16 together and a mailer its 8 and
    the pool; a board member, an auditor and an administrator are still answered."""
    daemon = start_daemon()
    holders = []
    try:
        for name in no_role_users + ["rdt-nobody", "rdt-mailer"]:
            holders.append(hold(users, python_for_users, name, daemon.socket, 32))
        for name in ("rdt-board", "rdt-audit", "rdt-admin"):
            process, answered = hold(users, python_for_users, name, daemon.socket, 1)
            release(process)
            assert answered == 1, "%s was refused while others held %d connections: %s" % (
                name, sum(held for _, held in holders), daemon.stderr_text()[-400:])
        assert daemon.call("org.riskd.daemon.Whoami")["user"] == "root"
        assert sum(held for _, held in holders[:-1]) == 16, "users with no role hold more than their share"
        assert "users with no role already hold 16 connections, their share" in daemon.stderr_text()
        assert holders[-1][1] == 32, "the mailer got %d connections, not its cap of 32" % holders[-1][1]
    finally:
        for process, _ in holders:
            release(process)


def test_idle_connections_are_closed_but_a_watch_stream_is_not(start_daemon):
    daemon = start_daemon(limits={"idle_timeout_seconds": 1})
    with daemon.connect() as idle, daemon.connect() as watching, daemon.connect() as talking:
        call_ok(idle, "org.riskd.daemon.Whoami")
        watching.send("org.riskd.review.Watch", {}, more=True)
        # A connection that keeps calling is not idle.
        for _ in range(10):
            call_ok(talking, "org.riskd.daemon.Whoami")
            time.sleep(0.3)
        closed, _ = idle.wait_closed(timeout=5)
        assert closed, "an idle connection was not closed after idle_timeout_seconds"
        # The watch, silent all this time, still gets the next event.
        call_ok(talking, "org.riskd.risk.Add", {"title": "Untreated", "category": "financial", "likelihood": 5,
                                                 "impact": 5})
        call_ok(talking, "org.riskd.review.Run")
        event = watching.recv_message(timeout=10)
        assert event["parameters"]["event"] == "raised", event
        assert event.get("continues") is True


def test_unread_replies_stop_the_reading_and_cut_the_client_off(start_daemon):
    daemon = start_daemon(limits={"reply_timeout_seconds": 3})
    for number in range(50):
        daemon.call("org.riskd.risk.Add", title="Risk with a long description %d" % number, category="financial",
                    likelihood=3, impact=3, description="x" * 2000)
    before = peak_rss_kib(daemon.proc.pid)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)
    sock.connect(daemon.socket)
    sock.setblocking(False)
    # Padded, so that what the kernel buffers on the way holds a few hundred calls at most.
    call = message("org.riskd.risk.List", {"limit": 1000}, padding="p" * 1000)
    sent, stalled_at = 0, None
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            sent += sock.send(call)
            stalled_at = None
        except BlockingIOError:
            stalled_at = stalled_at or time.monotonic()
            if time.monotonic() - stalled_at > 1.0:
                break
            time.sleep(0.01)
        except (BrokenPipeError, ConnectionResetError):
            break
    calls_sent = sent // len(call)
    # Each reply is over 100 kB: had riskd kept reading and answering, it would hold gigabytes by now.
    assert calls_sent < 2000, "riskd kept reading %d calls whose replies nobody read" % calls_sent
    grown_mib = (peak_rss_kib(daemon.proc.pid) - before) / 1024
    assert grown_mib < 200, "riskd grew %.0f MiB holding unread replies" % grown_mib
    # Cut off after the reply timeout (3 s), and logged with the uid; only then is anything read here.
    cutoff = time.monotonic() + 20
    while time.monotonic() < cutoff and "left its replies unread" not in daemon.stderr_text():
        time.sleep(0.2)
    assert "left its replies unread" in daemon.stderr_text(), "a client that read nothing was not cut off"
    sock.setblocking(True)
    sock.settimeout(10)
    received = 0
    try:
        while True:
            chunk = sock.recv(1 << 20)
            if not chunk:
                break
            received += len(chunk)
    except ConnectionResetError:
        pass
    sock.close()
    assert received < 2 * 1024 * 1024, "%d bytes of replies were still sent after the cut-off" % received
    assert "uid=0" in daemon.stderr_text()
    assert daemon.call("org.riskd.daemon.Whoami")["user"] == "root"


@pytest.mark.parametrize("depth", [1000, 100_000])
def test_a_frame_nested_too_deep_gets_an_error_when_its_header_is_readable(daemon, depth):
    frame = ('{"method":"org.riskd.risk.List","parameters":{"status":%s%s}}'
             % ("[" * depth, "]" * depth)).encode() + b"\0"
    with daemon.connect() as connection:
        connection.send_bytes(frame)
        reply = connection.recv_message()
        assert reply["error"] == "org.varlink.service.InvalidParameter"
        assert reply["parameters"] == {"parameter": "parameters"}
        # The connection is still served.
        assert call_ok(connection, "org.riskd.daemon.Whoami")["user"] == "root"


def test_a_deep_frame_without_a_readable_header_still_closes(daemon):
    with daemon.connect() as connection:
        connection.send_bytes(b"[" * 5000 + b"]" * 5000 + b"\0")
        closed, received = connection.wait_closed(5)
        assert closed and received == b""


def test_risk_get_stays_bounded_however_often_a_risk_is_reviewed(daemon, riskctl_binary):
    risk = daemon.call("org.riskd.risk.Add", title="Reviewed often", category="financial", likelihood=2,
                       impact=2)["risk"]["id"]
    for number in range(40):
        daemon.call("org.riskd.risk.Review", id=risk, note="Review %d: %s" % (number, "x" * 9_980))
    with daemon.connect() as connection:
        reply = connection.call("org.riskd.risk.Get", {"id": risk})
    parameters = reply["parameters"]
    size = len(json.dumps(parameters))
    assert size < 300 * 1024, "a risk.Get reply of %d bytes" % size
    assert parameters["reviewsOmitted"] == 40 - len(parameters["reviews"]) > 0
    assert parameters["reviews"][-1]["note"].startswith("Review 39:")
    shown = subprocess.run([riskctl_binary, "risk", "show", "R-%d" % risk, "--socket", daemon.socket],
                           capture_output=True, text=True, timeout=60)
    assert shown.returncode == 0, shown.stderr
    assert "%d older reviews not shown" % parameters["reviewsOmitted"] in shown.stdout
