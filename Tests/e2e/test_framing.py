"""NUL framing on raw sockets: split and batched frames, parameters absent/null/{}, and the limits.

riskd-varlink(7): a frame that is not a JSON object, an object without a string `method`, or a frame larger
than `limits.max_message_bytes` closes that connection (the daemon logs why); every other connection keeps
being served. Past `limits.max_connections` a new connection is closed at once; a connection holding a
partial frame for `limits.frame_timeout_seconds` is closed.
"""

import time

import pytest

from riskd_e2e import DaemonFactory, RawConnection, call_ok, message

MAX_MESSAGE = 4096
FRAME_TIMEOUT = 2


@pytest.fixture(scope="module")
def limited(users):
    """A daemon with max_message_bytes 4096 and frame_timeout_seconds 2."""
    factory = DaemonFactory()
    daemon = factory(limits={"max_message_bytes": MAX_MESSAGE, "frame_timeout_seconds": FRAME_TIMEOUT})
    yield daemon
    factory.finish()


def whoami_works(connection):
    return call_ok(connection, "org.riskd.daemon.Whoami")["user"] == "root"


def wait_for_new_stderr(daemon, offset, timeout=3.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = daemon.stderr_text()
        if len(text) > offset and text[offset:].strip():
            return text[offset:]
        time.sleep(0.05)
    return ""


# -- frames in pieces and together -------------------------------------------------------------------------
SPLITS = {
    "bytewise": lambda data: [data[i:i + 1] for i in range(len(data))],
    "halves": lambda data: [data[:len(data) // 2], data[len(data) // 2:]],
    "before-nul": lambda data: [data[:-1], data[-1:]],
    "seven-pieces": lambda data: [data[i:i + len(data) // 7 + 1] for i in range(0, len(data), len(data) // 7 + 1)],
}


@pytest.mark.parametrize("split", sorted(SPLITS))
def test_frame_split_over_several_writes(limited, split):
    data = message("org.riskd.risk.List", {"limit": 5, "status": ["open", "closed"]})
    pieces = SPLITS[split](data)
    assert b"".join(pieces) == data and len(pieces) > 1
    with limited.connect() as connection:
        for piece in pieces:
            connection.send_bytes(piece)
            time.sleep(0.002 if len(pieces) > 10 else 0.05)
        reply = connection.recv_message()
        assert "risks" in reply.get("parameters", {}), reply
        assert not connection.pending(0.2)


def test_several_frames_in_one_write(limited):
    with limited.connect() as connection:
        tail = message("org.riskd.daemon.Whoami", {})
        connection.send_bytes(message("org.riskd.daemon.Whoami") + message("org.riskd.risk.Get", {"id": 987654})
                              + message("org.riskd.audit.Verify", {}) + tail[:10])
        first = connection.recv_message()
        second = connection.recv_message()
        third = connection.recv_message()
        assert first["parameters"]["user"] == "root"
        assert second == {"error": "org.riskd.risk.NoSuchRisk", "parameters": {"id": 987654}}
        assert third["parameters"]["ok"] is True
        assert not connection.pending(0.2)
        connection.send_bytes(tail[10:])
        assert connection.recv_message()["parameters"]["uid"] == 0


@pytest.mark.parametrize("method", ["org.riskd.daemon.Whoami", "org.riskd.risk.List", "org.riskd.risk.Matrix",
                                    "org.riskd.audit.Verify", "org.riskd.audit.Log",
                                    "org.varlink.service.GetInfo"])
def test_parameters_absent_null_or_empty(limited, method):
    frames = {
        "absent": b'{"method":"%s"}\0' % method.encode(),
        "null": b'{"method":"%s","parameters":null}\0' % method.encode(),
        "empty": b'{"method":"%s","parameters":{}}\0' % method.encode(),
    }
    replies = {}
    with limited.connect() as connection:
        for name, frame in frames.items():
            connection.send_bytes(frame)
            replies[name] = connection.recv_message()
    for name, reply in replies.items():
        assert "error" not in reply, (name, reply)
        assert isinstance(reply.get("parameters"), dict), (name, reply)
    assert replies["absent"] == replies["null"] == replies["empty"]


# -- frames that close the connection ----------------------------------------------------------------------
def test_frame_larger_than_max_message_bytes_closes_only_that_connection(limited):
    big = message("org.riskd.risk.Add", {"title": "big", "category": "strategic", "likelihood": 1, "impact": 1,
                                         "description": "x" * (MAX_MESSAGE + 500)})
    assert len(big) > MAX_MESSAGE
    with limited.connect() as bystander, limited.connect() as victim:
        assert whoami_works(bystander)
        assert whoami_works(victim)
        before = limited.risk_count()
        offset = len(limited.stderr_text())
        try:
            victim.send_bytes(big)
        except (BrokenPipeError, ConnectionResetError):
            pass
        closed, received = victim.wait_closed(5)
        assert closed, "a %d-byte frame did not close the connection (got %r)" % (len(big), received[:200])
        assert b'"risk"' not in received, "the oversized call was served: %r" % received[:200]
        assert whoami_works(bystander)
        assert limited.risk_count() == before
        assert wait_for_new_stderr(limited, offset), "riskd logged nothing about the closed connection"
    with limited.connect() as fresh:
        assert whoami_works(fresh)


def test_unterminated_data_past_the_limit_closes_at_once(limited):
    """The decoder is bounded: the daemon does not wait for a NUL (or the frame timeout) to drop the peer."""
    with limited.connect() as bystander, limited.connect() as victim:
        assert whoami_works(bystander)
        start = time.monotonic()
        try:
            victim.send_bytes(b'{"method":"org.riskd.daemon.Whoami","parameters":{"pad":"' + b"y" * (2 * MAX_MESSAGE))
        except (BrokenPipeError, ConnectionResetError):
            pass
        closed, _ = victim.wait_closed(FRAME_TIMEOUT * 3)
        elapsed = time.monotonic() - start
        assert closed, "8 KiB without a NUL did not close the connection"
        assert elapsed < FRAME_TIMEOUT * 0.75, "closed after %.2fs: by the frame timeout, not the size limit" % elapsed
        assert whoami_works(bystander)


def test_frame_just_under_the_limit_is_served(limited):
    frame = message("org.riskd.risk.List", {"owner": "o" * (MAX_MESSAGE - 200)})
    assert len(frame) < MAX_MESSAGE
    with limited.connect() as connection:
        connection.send_bytes(frame)
        reply = connection.recv_message()
        assert reply.get("parameters", {}).get("risks") == [], reply
        assert whoami_works(connection)


BAD_FRAMES = {
    "array": b"[1,2]",
    "string": b'"x"',
    "number": b"42",
    "null": b"null",
    "true": b"true",
    "empty-object": b"{}",
    "method-number": b'{"method":42}',
    "method-null": b'{"method":null,"parameters":{}}',
    "method-object": b'{"method":{"name":"org.riskd.daemon.Whoami"}}',
    "parameters-only": b'{"parameters":{}}',
    "not-json": b"not json",
    "truncated-json": b'{"method":"org.riskd.daemon.Whoami"',
    "empty-frame": b"",
}


@pytest.mark.parametrize("name", list(BAD_FRAMES))
def test_bad_frame_closes_only_that_connection(limited, name):
    with limited.connect() as bystander, limited.connect() as victim:
        assert whoami_works(bystander)
        assert whoami_works(victim)
        try:
            # A valid call after the bad frame in the same write must not be answered.
            victim.send_bytes(BAD_FRAMES[name] + b"\0" + message("org.riskd.daemon.Whoami"))
        except (BrokenPipeError, ConnectionResetError):
            pass
        closed, received = victim.wait_closed(5)
        assert closed, "frame %r did not close the connection (received %r)" % (BAD_FRAMES[name], received[:200])
        assert b'"user"' not in received, "a call after the bad frame was answered: %r" % received
        assert whoami_works(bystander)
    with limited.connect() as fresh:
        assert whoami_works(fresh)


def test_partial_frame_past_frame_timeout_is_closed(limited):
    with limited.connect() as idle, limited.connect() as slow:
        assert whoami_works(idle)
        start = time.monotonic()
        slow.send_bytes(b'{"method":"org.riskd.daemon.Who')
        closed, received = slow.wait_closed(FRAME_TIMEOUT + 6)
        elapsed = time.monotonic() - start
        assert closed, "a partial frame was held for %.1fs" % elapsed
        assert elapsed >= FRAME_TIMEOUT * 0.75, "closed after %.2fs, before the frame timeout" % elapsed
        assert b'"user"' not in received
        # A connection that holds no partial frame is not timed out, however long it waits.
        time.sleep(max(0.0, FRAME_TIMEOUT + 1 - (time.monotonic() - start)))
        assert whoami_works(idle)


def test_slow_but_complete_frame_before_timeout_is_served(limited):
    data = message("org.riskd.daemon.Whoami", {})
    with limited.connect() as connection:
        start = time.monotonic()
        connection.send_bytes(data[:10])
        time.sleep(FRAME_TIMEOUT * 0.4)
        connection.send_bytes(data[10:])
        reply = connection.recv_message(timeout=5)
        assert time.monotonic() - start < FRAME_TIMEOUT
        assert reply["parameters"]["user"] == "root"


# -- connection limit ----------------------------------------------------------------------------------
def open_served(daemon, timeout=5.0):
    """A connection that the daemon serves, retrying while it still counts connections just closed."""
    deadline = time.monotonic() + timeout
    while True:
        connection = RawConnection(daemon.socket, timeout=3)
        try:
            if whoami_works(connection):
                return connection
        except Exception:
            connection.close()
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def test_connections_past_max_connections_are_closed(start_daemon):
    daemon = start_daemon(limits={"max_connections": 4, "admin_connections": 1, "board_connections": 0,
                                  "auditor_connections": 0, "mailer_connections": 0, "no_role_connections": 0})
    held = [open_served(daemon) for _ in range(4)]
    try:
        extra = RawConnection(daemon.socket, timeout=3)
        try:
            try:
                extra.send_bytes(message("org.riskd.daemon.Whoami"))
            except (BrokenPipeError, ConnectionResetError):
                pass
            closed, received = extra.wait_closed(3)
            assert closed, "a fifth connection was kept open (received %r)" % received
            assert b'"user"' not in received, "a fifth connection was served: %r" % received
        finally:
            extra.close()
        for connection in held:
            assert whoami_works(connection)
        # Freeing a slot lets a new connection in.
        held.pop().close()
        replacement = open_served(daemon)
        held.append(replacement)
        assert whoami_works(replacement)
        for connection in held:
            assert whoami_works(connection)
    finally:
        for connection in held:
            connection.close()
