"""Bounces read (issue 22), through Debian's real postfix: the envelope sender is mail.from, the mailer's own address
(rdt-mailer@localhost, as the package makes it riskd-mail's); postfix returns a mail to a user that does not exist
there, and the next `riskctl mail deliver` finds the notification in /var/mail/rdt-mailer, reports it, and removes it.
The mail ends bounced with what the notification said, once; the review raises mail-bounced for it; the next digest
lists it; a message in that mailbox that is not riskd's bounce stays; a normal pass writes nothing on stderr.
"""
import subprocess
import time

import mta
from mta import Mailbox, body, postfix  # noqa: F401  (postfix is a fixture)
from riskd_e2e import run_as

MAILER = "rdt-mailer"
NOWHERE = "rdt-nosuch-bounce@localhost"
MAIL_CONFIG = """
[mail]
enabled = true
from = "%s@localhost"
domain = "localhost"
admins = ["rdt-admin@localhost"]
""" % MAILER


def deliver(riskctl, users, daemon):
    run = run_as(users[MAILER], [riskctl, "mail", "deliver", "--socket", daemon.socket], timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stderr == "", "a normal pass writes nothing on stderr: %r" % run.stderr
    return run.stdout


def wait_for_messages(box, count, timeout=mta.DELIVERY_TIMEOUT):
    deadline = time.monotonic() + timeout
    while len(box.messages()) < count and time.monotonic() < deadline:
        mta.flush()
        time.sleep(0.3)
    return box.messages()


def test_a_mail_to_no_one_ends_bounced_once_and_raises_mail_bounced(start_daemon, users, user_riskctl, postfix):
    admin, own = Mailbox("rdt-admin"), Mailbox(MAILER)
    admin.clear()
    own.clear()
    daemon = start_daemon(extra_config=MAIL_CONFIG, now="2027-06-01T09:00:00Z")
    assert "1 sent" in deliver(user_riskctl, users, daemon)  # the first digest
    admin.wait_for(1)

    # A message for the mailer that is no bounce of riskd's: it must stay where it is.
    subprocess.run([mta.SENDMAIL, "-i", "-f", "root@localhost", "--", MAILER + "@localhost"], check=True,
                   input=b"Subject: for the account's owner\n\nkeep me\n", timeout=60)
    wait_for_messages(own, 1)
    mail = daemon.call("org.riskd.mail.Test", address=NOWHERE)["mail"]
    sent = deliver(user_riskctl, users, daemon)
    assert "1 sent" in sent
    # A pass reads its mailbox after sending: a bounce postfix returns that fast is reported by the same pass,
    # otherwise by the next one.
    if "1 bounce reported" not in sent:
        assert len(wait_for_messages(own, 2)) == 2, "postfix returned nothing to %s@localhost" % MAILER
        assert daemon.call("org.riskd.mail.Status", state="sent")["sent"] == 2
        # The next pass reads the bounce, reports it and removes it; the other message stays.
        assert "No mail is due; 1 bounce reported." in deliver(user_riskctl, users, daemon)
    status = daemon.call("org.riskd.mail.Status", state="bounced")
    assert status["bounced"] == 1 and status["sent"] == 1
    [bounced] = status["mails"]
    assert bounced["id"] == mail["id"] and bounced["state"] == "bounced"
    assert bounced["reason"] == '%s: 5.1.1 unknown user: "rdt-nosuch-bounce"' % NOWHERE, bounced
    [kept] = own.messages()
    assert "keep me" in body(kept)

    # Reported once: the next pass finds nothing, and a second report of the same bounce changes nothing.
    assert "No mail is due." in deliver(user_riskctl, users, daemon)
    again = daemon.call("org.riskd.mail.Bounced", messageId=mail["messageId"], reason="again")["mail"]
    assert again == bounced
    assert daemon.call("org.riskd.mail.Bounced", messageId="not-riskd@example.org", reason="x").get("mail") is None

    # The review raises mail-bounced for it, with what the MTA said; riskctl mail status shows it.
    findings = [f for f in daemon.call("org.riskd.review.Run")["findings"] if f["rule"] == "mail-bounced"]
    assert [f["subject"] for f in findings] == ["mail:%d" % mail["id"]]
    assert NOWHERE in findings[0]["message"] and "unknown user" in findings[0]["message"]
    shown = run_as(users["rdt-admin"], [user_riskctl, "mail", "status", "--socket", daemon.socket])
    assert shown.returncode == 0, shown.stderr
    assert "1 bounced" in shown.stdout and "unknown user" in shown.stdout

    # The next day's digest lists it as it lists a failed mail.
    daemon.stop()
    daemon.set_now("2027-06-02T10:00:00Z")
    daemon.start()
    deliver(user_riskctl, users, daemon)
    digest = admin.wait_for(2)[-1]
    assert "Mail %d to %s: bounced:" % (mail["id"], NOWHERE) in " ".join(body(digest).split())
