"""Reminders by mail end to end (issue 14), through Debian's real postfix, configured for local delivery only:
riskd queues, `riskctl mail deliver` run as the mailer (rdt-mailer, its own uid) hands each mail to sendmail, and
the tests read the users' mailboxes in /var/mail.

Over days of the daemon's test clock (each day's review is the run riskd makes up at start after a day away): the
right person gets the right reminder, once, at most one mail a day; the secretariat's digest comes every day, also
when nothing changed; reminders follow the finding's rhythm; no mailbox holds a sensitive declaration's text, a
concern's text or the name of the member it is about. Faults: the MTA stopped, sendmail missing, riskd killed with
SIGKILL between queueing and delivery and during a handover; a mail the MTA refuses fails with its reason, shown
by `riskctl mail status` and reported in the next digest.
"""
import subprocess
import time

import pytest

import mta
from mta import Mailbox, body, postfix, subject  # noqa: F401  (postfix is a fixture)
from riskd_e2e import SECOND_BOARD, VarlinkCallError, as_user_command, make_test_dir, run_as

SECRET_ORG = "Fondacija Porodica Kovač"
SECRET_TEXT = "My brother runs it"
CONCERN_TEXT = "A dinner paid by the Western Balkan Fund was not declared"
MAIL_CONFIG = """
[mail]
enabled = true
from = "riskd@localhost"
organisation = "Mreža drug policy network"
domain = "localhost"
admins = ["rdt-admin@localhost"]
"""
PEOPLE = ["rdt-board", "rdt-board2", "rdt-admin", "rdt-audit"]


@pytest.fixture
def boxes(postfix, users, board2):
    found = {name: Mailbox(name) for name in PEOPLE}
    for box in found.values():
        box.clear()
    yield found
    mta.start()


def deliver(riskctl, users, daemon, *extra):
    """`riskctl mail deliver` as the mailer; returns the CompletedProcess."""
    return run_as(users["rdt-mailer"], [riskctl, "mail", "deliver", "--socket", daemon.socket, *extra], timeout=120)


def delivered(riskctl, users, daemon, *extra):
    run = deliver(riskctl, users, daemon, *extra)
    assert run.returncode == 0, run.stderr
    return run.stdout


def next_day(daemon, instant):
    """riskd stopped overnight and started on `instant`: the day's review is made up at start."""
    daemon.stop()
    daemon.set_now(instant)
    daemon.start()


def as_member(user_calls, daemon, user, interface, method, **parameters):
    [result] = user_calls(user, daemon.socket, [(interface, method, parameters)])
    assert result["ok"], result
    return result["parameters"]


def flat(message):
    """A mail's body with its lines joined: riskd wraps its paragraphs at 76 columns."""
    return " ".join(body(message).split())


def everything(boxes):
    return b"".join(box.raw() for box in boxes.values())


def test_the_right_person_gets_the_right_reminder_once_a_day(start_daemon, boxes, users, user_calls, user_riskctl):
    daemon = start_daemon(board=SECOND_BOARD + ["unix-user:rdt-board2"], extra_config=MAIL_CONFIG,
                          now="2027-01-10T09:00:00Z")
    # Day 1. The first run (made at start) wrote the first digest; nothing else is due.
    as_member(user_calls, daemon, "rdt-board2", "org.riskd.interest", "Declare", kind="family",
              organisation=SECRET_ORG, description=SECRET_TEXT, sensitive=True, startedOn="2026-06-01")
    risk = daemon.call("org.riskd.risk.Add", title="Funding overlap with member organisations",
                       category="financial", owner="rdt-board", likelihood=4, impact=4,
                       nextReviewDue="2027-01-05")["risk"]["id"]
    action = daemon.call("org.riskd.risk.AddAction", riskId=risk, description="Map shared donors",
                         owner="rdt-board2", dueOn="2027-01-15")["action"]["id"]
    concern = as_member(user_calls, daemon, "rdt-board", "org.riskd.concern", "Raise", kind="undeclared_interest",
                        text=CONCERN_TEXT, about="rdt-board2")["concern"]["id"]
    daemon.call("org.riskd.ethics.Publish", title="Code of conduct", body="Declare, and step out when it counts.")
    assert "3 sent" in delivered(user_riskctl, users, daemon)  # the first digest, and the code to each member
    [digest1] = boxes["rdt-admin"].wait_for(1)
    [code1] = boxes["rdt-board"].wait_for(1)
    [code2] = boxes["rdt-board2"].wait_for(1)
    assert subject(digest1) == "Mreža drug policy network: daily digest 2027-01-10 (nothing changed)"
    for mail in (code1, code2):
        assert subject(mail) == "Mreža drug policy network: a new version of the ethical code to acknowledge"
        assert "Run: riskctl ethics ack" in flat(mail)
        assert mail["Auto-Submitted"] == "auto-generated"
        assert mail.get_content_charset() == "utf-8"

    # Later on day 1: a review by hand raises R-1's overdue review, and the concern is closed; both members have
    # had their mail of the day, so nothing more goes today.
    daemon.call("org.riskd.review.Run")
    daemon.call("org.riskd.concern.Close", id=concern, status="upheld", outcome="Declared late; the board noted it")
    assert "No mail is due" in delivered(user_riskctl, users, daemon)
    time.sleep(1)
    assert len(boxes["rdt-board"].messages()) == 1 and len(boxes["rdt-board2"].messages()) == 1

    # Day 2: the day's run writes what waited, one mail each, and the digest of what changed.
    next_day(daemon, "2027-01-11T10:00:00Z")
    delivered(user_riskctl, users, daemon)
    first, second = boxes["rdt-board"].wait_for(2)
    text = flat(second)
    assert subject(second) == "Mreža drug policy network: 2 things due for you"
    assert "Risk R-%d (\"Funding overlap with member organisations\"), which you own, was due for review" % risk in text
    assert "Run: riskctl risk review R-%d --note TEXT" % risk in text
    assert "The concern C-%d you raised was closed: upheld." % concern in text
    assert "rdt-board2" not in text, "the mail about a concern names the member it was about"
    _, other = boxes["rdt-board2"].wait_for(2)
    # The notice says what the action is, and every way out of it (issue 22).
    assert ("Action A-%d, \"Map shared donors\" (risk R-%d), which you own, is due on 15 January 2027. If it needs "
            "more time, give it a new date (riskctl risk action update A-%d --due YYYY-MM-DD); if it is not yours or "
            "no longer makes sense, tell the secretariat." % (action, risk, action)) in flat(other)
    assert "R-%d (" % risk not in flat(other), "a member got someone else's reminder"
    _, digest2 = boxes["rdt-admin"].wait_for(2)
    assert subject(digest2).startswith("Mreža drug policy network: daily digest 2027-01-11 (")
    assert "risk-review-overdue risk:%d" % risk in flat(digest2)

    # Day 3: nothing changed, and the digest says so; no reminder yet.
    next_day(daemon, "2027-01-12T10:00:00Z")
    delivered(user_riskctl, users, daemon)
    digest3 = boxes["rdt-admin"].wait_for(3)[-1]
    assert subject(digest3) == "Mreža drug policy network: daily digest 2027-01-12 (nothing changed)"
    assert len(boxes["rdt-board"].messages()) == 2

    # Day 9: seven days after the raise, the finding's reminder goes to its owner.
    next_day(daemon, "2027-01-18T10:00:00Z")
    delivered(user_riskctl, users, daemon)
    reminder = boxes["rdt-board"].wait_for(3)[-1]
    assert "Risk R-%d" % risk in flat(reminder) and "is overdue" in flat(reminder)

    # Every mail had its own Message-ID, and none holds what a mail must never hold.
    ids = [m["Message-ID"] for box in boxes.values() for m in box.messages()]
    assert len(ids) == len(set(ids))
    raw = everything(boxes)
    for secret in (SECRET_TEXT, SECRET_ORG, "Porodica", CONCERN_TEXT, "Declared late"):
        assert secret.encode() not in raw, secret
    status = daemon.call("org.riskd.mail.Status", limit=100)
    assert status["queued"] == status["failed"] == status["uncertain"] == status["sending"] == 0
    assert status["sent"] == len(ids)


def test_mail_waits_while_the_mta_is_down(start_daemon, boxes, users, user_riskctl):
    daemon = start_daemon(extra_config=MAIL_CONFIG, now="2027-02-01T09:00:00Z")
    delivered(user_riskctl, users, daemon)  # the first digest
    boxes["rdt-admin"].wait_for(1)
    # No sendmail at all: the mail stays queued, with the reason, and is tried again after its backoff.
    daemon.call("org.riskd.mail.Test", address="rdt-audit@localhost")
    run = deliver(user_riskctl, users, daemon, "--sendmail", "/nonexistent/sendmail")
    assert run.returncode == 0, run.stderr
    assert "1 deferred" in run.stdout
    [mail] = daemon.call("org.riskd.mail.Status", state="queued")["mails"]
    assert mail["attempts"] == 1 and "/nonexistent/sendmail" in mail["reason"]
    assert "No mail is due" in delivered(user_riskctl, users, daemon), "tried again before its backoff"
    # The MTA itself stopped: its sendmail still takes the mail into postfix's queue, and it is delivered once
    # postfix is back.
    mta.stop()
    try:
        daemon.set_now("2027-02-01T09:01:00Z")
        assert "1 sent" in delivered(user_riskctl, users, daemon)
        time.sleep(2)
        assert boxes["rdt-audit"].messages() == []
        assert mta.queued() >= 1
    finally:
        mta.start()
    [arrived] = boxes["rdt-audit"].wait_for(1)
    assert subject(arrived) == "Mreža drug policy network: test mail from riskd"
    assert daemon.call("org.riskd.mail.Status", state="sent")["sent"] == 2


def test_each_mail_is_delivered_once_after_sigkill(start_daemon, boxes, users, user_riskctl):
    daemon = start_daemon(extra_config=MAIL_CONFIG, now="2027-03-01T09:00:00Z")
    for user in ("rdt-board", "rdt-audit"):
        daemon.call("org.riskd.mail.Test", address="%s@localhost" % user)
    # Killed between queueing and delivery: what was acknowledged is queued after the restart, and goes once.
    daemon.kill9()
    daemon.start()
    assert "3 sent" in delivered(user_riskctl, users, daemon)  # the digest and the two test mails
    boxes["rdt-board"].wait_for(1)
    boxes["rdt-audit"].wait_for(1)
    assert "No mail is due" in delivered(user_riskctl, users, daemon)
    assert delivered(user_riskctl, users, daemon, "--quiet") == "", "riskd-mail.service's every minute, silent"

    # Killed during a handover: sendmail takes the mail, riskd dies before the deliverer reports; the deliverer
    # waits for riskd to come back and reports then. Delivered once, and recorded as sent.
    slow = make_test_dir("riskd-e2e-sendmail-") / "slow-sendmail"
    slow.write_text("#!/bin/sh\nsleep 3\nexec %s \"$@\"\n" % mta.SENDMAIL)
    slow.chmod(0o755)
    daemon.call("org.riskd.mail.Test", address="rdt-board@localhost")
    deliverer = subprocess.Popen(
        as_user_command(users["rdt-mailer"], [user_riskctl, "mail", "deliver", "--socket", daemon.socket,
                                               "--sendmail", str(slow)]),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(1)
    daemon.kill9()
    daemon.start()
    out, err = deliverer.communicate(timeout=90)
    assert deliverer.returncode == 0, err
    assert len(boxes["rdt-board"].wait_for(2)) == 2
    status = daemon.call("org.riskd.mail.Status")
    assert status["sent"] == 4 and status["uncertain"] == 0 and status["queued"] == 0


def test_a_mail_the_mta_refuses_fails_with_its_reason(start_daemon, boxes, users, user_riskctl):
    daemon = start_daemon(extra_config=MAIL_CONFIG + "max_attempts = 1\n", now="2027-04-01T09:00:00Z")
    delivered(user_riskctl, users, daemon)
    boxes["rdt-admin"].wait_for(1)
    # postfix refuses a message larger than message_size_limit at submission.
    previous = mta.postconf("message_size_limit")
    subprocess.run(["postconf", "-e", "message_size_limit=400"], check=True, timeout=30)
    try:
        daemon.call("org.riskd.mail.Test", address="rdt-audit@localhost")
        run = deliver(user_riskctl, users, daemon)
    finally:
        subprocess.run(["postconf", "-e", "message_size_limit=%s" % previous], check=True, timeout=30)
    assert run.returncode == 0, run.stderr
    [failed] = daemon.call("org.riskd.mail.Status", state="failed")["mails"]
    assert "message file too big" in failed["reason"], failed
    status = run_as(users["rdt-admin"], [user_riskctl, "mail", "status", "--socket", daemon.socket])
    assert status.returncode == 0, status.stderr
    assert "message file too big" in status.stdout
    # The next day's digest reports it.
    next_day(daemon, "2027-04-02T10:00:00Z")
    delivered(user_riskctl, users, daemon)
    digest = boxes["rdt-admin"].wait_for(2)[-1]
    assert "Mail %d to rdt-audit@localhost: failed:" % failed["id"] in flat(digest)
    assert "1 mail not delivered" in subject(digest)
    assert boxes["rdt-audit"].messages() == []
    # With the limit lifted, the administrator queues it again and it arrives, once.
    retried = run_as(users["rdt-admin"], [user_riskctl, "mail", "retry", str(failed["id"]), "--socket",
                                          daemon.socket])
    assert retried.returncode == 0, retried.stderr
    assert "queued again" in retried.stdout
    delivered(user_riskctl, users, daemon)
    assert [subject(m) for m in boxes["rdt-audit"].wait_for(1)] == ["Mreža drug policy network: test mail from riskd"]
    again = run_as(users["rdt-admin"], [user_riskctl, "mail", "retry", str(failed["id"]), "--socket", daemon.socket])
    assert again.returncode == 65 and "only a failed or uncertain mail is retried" in again.stderr, again


@pytest.mark.parametrize("method,parameters,field", [
    ("org.riskd.mail.Test", {"address": "not an address"}, "address"),
    ("org.riskd.mail.Test", {"address": "ana@example.org\nBcc: eve@example.org"}, "address"),
    ("org.riskd.mail.Test", {"address": "-oQ/tmp@localhost"}, "address"),
    ("org.riskd.member.SetContact", {"user": "rdt-board", "email": "ana@"}, "email"),
    ("org.riskd.member.SetContact", {"user": "rdt-board", "email": "Ana <ana@example.org>"}, "email"),
    ("org.riskd.mail.Report", {"id": 1, "outcome": "bounced", "reason": "x"}, "outcome"),
    ("org.riskd.mail.Status", {"state": "lost"}, "state"),
])
def test_bad_input_is_refused_and_changes_nothing(start_daemon, users, method, parameters, field):
    daemon = start_daemon(extra_config=MAIL_CONFIG, now="2027-05-01T09:00:00Z")
    daemon.wait_first_review()  # it queues the day's digest
    before = daemon.snapshot(), daemon.call("org.riskd.mail.Status", limit=1000)
    with pytest.raises(VarlinkCallError) as refused:
        daemon.call(method, **parameters)
    assert refused.value.error == method.rsplit(".", 1)[0] + ".InvalidValue"
    assert refused.value.parameters["field"] == field
    assert (daemon.snapshot(), daemon.call("org.riskd.mail.Status", limit=1000)) == before


def test_a_member_sets_their_own_address_and_no_one_else_s(start_daemon, users, board2, user_calls):
    daemon = start_daemon(board=SECOND_BOARD + ["unix-user:rdt-board2"], extra_config=MAIL_CONFIG)
    [mine, theirs] = user_calls("rdt-board", daemon.socket, [
        ("org.riskd.member", "SetContact", {"email": "ana@example.org"}),
        ("org.riskd.member", "SetContact", {"user": "rdt-board2", "email": "eve@example.org"})])
    assert mine["ok"] and mine["parameters"]["email"] == "ana@example.org"
    assert not theirs["ok"] and theirs["error"] == "org.varlink.service.PermissionDenied"
    members = {m["user"]: m for m in daemon.call("org.riskd.member.List")["members"]}
    assert members["rdt-board"]["email"] == "ana@example.org" and members["rdt-board"]["emailSet"]
    assert members["rdt-board2"]["email"] == "rdt-board2@localhost" and not members["rdt-board2"]["emailSet"]
    cleared = daemon.call("org.riskd.member.SetContact", user="rdt-board", email=None)
    assert cleared["email"] == "rdt-board@localhost"
