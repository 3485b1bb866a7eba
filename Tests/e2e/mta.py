"""The real MTA of the mail tests: Debian's postfix, installed by `make deps` preseeded "Local only" (it listens on
loopback only, delivers to local mailboxes, and relays nothing), started here when it is not running.

`postfix` is the fixture: it checks that the MTA cannot send anything off the machine, starts it, and empties the
test users' mailboxes; `Mailbox(user)` reads /var/mail/USER.
"""

import mailbox
import os
import subprocess
import time
from email.header import decode_header, make_header
from pathlib import Path

import pytest

SENDMAIL = "/usr/sbin/sendmail"
SPOOL = Path("/var/mail")
DELIVERY_TIMEOUT = 60.0


def postconf(key):
    return subprocess.run(["postconf", "-h", key], capture_output=True, text=True, check=True, timeout=30).stdout.strip()


def running():
    return subprocess.run(["postfix", "status"], capture_output=True, timeout=30).returncode == 0


def start():
    if not running():
        result = subprocess.run(["postfix", "start"], capture_output=True, text=True, timeout=60)
        assert result.returncode == 0 or running(), "postfix start: %s" % result.stderr


def stop():
    if running():
        subprocess.run(["postfix", "stop"], capture_output=True, check=True, timeout=60)
    deadline = time.monotonic() + 30
    while running() and time.monotonic() < deadline:
        time.sleep(0.2)


def flush():
    """Asks postfix to deliver what waits in its queue now."""
    subprocess.run(["postqueue", "-f"], capture_output=True, timeout=30)


def queued():
    """How many messages wait in postfix's own queues (maildrop included)."""
    result = subprocess.run(["postqueue", "-j"], capture_output=True, text=True, timeout=30)
    drop = len(list(Path("/var/spool/postfix/maildrop").iterdir()))
    return len([line for line in result.stdout.splitlines() if line.strip()]) + drop


class Mailbox:
    """The mbox of a local user, as postfix's local delivery writes it."""

    def __init__(self, user):
        self.user = user
        self.path = SPOOL / user

    def clear(self):
        if self.path.exists():
            with open(self.path, "w"):
                pass

    def messages(self):
        if not self.path.exists():
            return []
        box = mailbox.mbox(str(self.path), create=False)
        try:
            return [message for message in box]
        finally:
            box.close()

    def raw(self):
        return self.path.read_bytes() if self.path.exists() else b""

    def wait_for(self, count, timeout=DELIVERY_TIMEOUT):
        """The messages once there are `count` of them (postfix delivers a moment after the handover)."""
        deadline = time.monotonic() + timeout
        while True:
            messages = self.messages()
            if len(messages) >= count or time.monotonic() > deadline:
                assert len(messages) == count, "%s has %d mails, expected %d" % (self.path, len(messages), count)
                return messages
            flush()
            time.sleep(0.3)


def subject(message):
    return str(make_header(decode_header(message["Subject"])))


def body(message):
    return message.get_payload(decode=True).decode("utf-8")


@pytest.fixture(scope="session")
def postfix():
    if not os.access(SENDMAIL, os.X_OK) or subprocess.run(["which", "postfix"], capture_output=True).returncode:
        pytest.fail("postfix is not installed: `make deps` installs it, preseeded \"Local only\"")
    # Nothing a test sends may leave the machine: local delivery only, no relay, loopback only.
    assert postconf("default_transport").startswith("error"), "postfix would relay: %s" % postconf("default_transport")
    assert postconf("relay_transport").startswith("error")
    assert postconf("inet_interfaces") == "loopback-only"
    assert "localhost" in postconf("mydestination")
    start()
    yield
