"""riskctl's side of mail (issue 14), against the real daemon with real uids: member contact sets, clears and is
refused a bad address (one line, exit 65, nothing changed); member list --no-email; mail test queues a mail that
mail status shows; mail deliver hands it to a fake sendmail (a shell script that records its argv and standard input
and exits as told) run as the deliverer (rdt-mailer, the test users' mailer): exit 0 is sent exactly once, 75
deferred (still queued, with the reason), 64 failed (the reason in mail status); riskd going away while a mail is
being handed over is reported once riskd is back, or ends deliver with exit 75. Real postfix: test_mail.py.
"""
import re
import shutil
import subprocess
import threading
import time

import pytest

from fake_sendmail import FakeSendmail
from riskd_e2e import REPO, RISKCTL, make_test_dir

MAIL = "org.riskd.mail"
FROM = "riskd@udruga.example"
DOMAIN = "udruga.example"
MAILER = "rdt-mailer"
NOW = "2027-01-10T09:00:00Z"

# riskd_e2e's configuration gives rdt-mailer the mailer role, and no one else.
MAIL_CONFIG = '''[mail]
from = "%s"
domain = "%s"
''' % (FROM, DOMAIN)


def riskctl(daemon, *args):
    """riskctl as root (an admin), with a clean environment."""
    return subprocess.run([RISKCTL, "--socket", daemon.socket, *args], capture_output=True, text=True, timeout=60,
                          env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1"})


def one_error_line(result):
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("riskctl: "), result.stderr
    return lines[0][len("riskctl: "):]


@pytest.fixture
def mail_daemon(start_daemon):
    return start_daemon(extra_config=MAIL_CONFIG, now=NOW)


@pytest.fixture
def fake_sendmail(users):
    """fake_sendmail(status=0, stderr="", hold=False) -> FakeSendmail, each in a directory of its own."""
    directory = make_test_dir("riskd-e2e-sendmail-")
    made = []

    def make(**options):
        place = directory / str(len(made))
        place.mkdir()
        place.chmod(0o755)
        made.append(FakeSendmail(place, users[MAILER], **options))
        return made[-1]

    yield make
    shutil.rmtree(directory, ignore_errors=True)


def deliver(as_user, user_riskctl, daemon, sendmail, *extra, user=MAILER):
    return as_user(user, [user_riskctl, "--socket", daemon.socket, "mail", "deliver", "--sendmail", str(sendmail.path),
                          *extra])


def mails(daemon, **parameters):
    return daemon.call(MAIL + ".Status", **parameters)


def queue_test_mail(daemon, address="tajnistvo@udruga.example"):
    made = riskctl(daemon, "mail", "test", "--", address)
    assert made.returncode == 0, made
    match = re.fullmatch(r"Mail (\d+) to (\S+) queued; riskctl mail deliver \(or riskd-mail\.timer\) sends it, "
                         r"riskctl mail status shows how it went\.\n", made.stdout)
    assert match and match.group(2) == address, made.stdout
    return int(match.group(1))


# -- member contact --------------------------------------------------------------------------------------------
def test_contact_is_set_cleared_and_a_bad_address_changes_nothing(mail_daemon, as_user, user_riskctl):
    def contact(user, *args):
        return as_user(user, [user_riskctl, "--socket", mail_daemon.socket, "member", "contact", *args])

    def email():
        member = mail_daemon.call("org.riskd.member.Get", user="rdt-board")["member"]
        return member["email"], member["emailSet"]

    assert email() == ("rdt-board@" + DOMAIN, False)
    mine = contact("rdt-board", "--email", "ana@posta.example")
    assert mine.returncode == 0 and mine.stdout == "Your address is ana@posta.example.\n", mine
    assert email() == ("ana@posta.example", True)
    shown = riskctl(mail_daemon, "member", "show", "rdt-board")
    assert re.search(r"^ *Email: ana@posta\.example$", shown.stdout, re.M), shown.stdout

    before = mail_daemon.snapshot()
    for bad in ("not an address", "Ana <ana@posta.example>", "ana@", "ana@posta.example\nBcc: x@y.example"):
        refused = contact("rdt-board", "--email", bad)
        assert refused.returncode == 65 and refused.stdout == "", (bad, refused)
        assert one_error_line(refused).startswith("invalid value for --email: "), refused.stderr
    assert mail_daemon.snapshot() == before and email() == ("ana@posta.example", True)

    other = contact("rdt-board", "rdt-audit", "--email", "x@posta.example")
    assert other.returncode == 77, other
    assert one_error_line(other).startswith("permission denied: setting a member's mail address is for the")

    cleared = riskctl(mail_daemon, "member", "contact", "rdt-board", "--clear")
    assert cleared.returncode == 0, cleared
    assert cleared.stdout == "rdt-board's address is cleared; riskd mails rdt-board@%s now.\n" % DOMAIN
    assert email() == ("rdt-board@" + DOMAIN, False)
    listed = riskctl(mail_daemon, "member", "list")
    assert re.search(r"^rdt-board .* rdt-board@udruga\.example \(mail\.domain\)$", listed.stdout, re.M), listed.stdout

    neither = riskctl(mail_daemon, "member", "contact", "--email", "a@b.example", "--clear")
    assert neither.returncode == 64 and "--email ADDRESS or --clear" in one_error_line(neither)


def test_no_email_lists_the_members_riskd_cannot_mail(start_daemon, board2, as_user, user_riskctl):
    daemon = start_daemon(board=["unix-group:rdt-board", "unix-user:rdt-board2"])
    set_mine = as_user("rdt-board2", [user_riskctl, "--socket", daemon.socket, "member", "contact", "--email",
                                      "ivan@posta.example"])
    assert set_mine.returncode == 0, set_mine
    listed = riskctl(daemon, "member", "list", "--no-email")
    assert listed.returncode == 0, listed
    rows = [line.split()[0] for line in listed.stdout.splitlines()[1:] if line and not line.endswith(".")]
    assert rows == ["rdt-board"], listed.stdout
    assert listed.stdout.endswith("\n1 member has no address to mail.\n"), listed.stdout
    as_json = riskctl(daemon, "member", "list", "--no-email", "--json")
    assert '"user" : "rdt-board"' in as_json.stdout and "rdt-board2" not in as_json.stdout, as_json.stdout
    cleared = riskctl(daemon, "member", "contact", "rdt-board2", "--clear")
    assert cleared.stdout == "rdt-board2's address is cleared; riskd has no address to mail (mail.domain is not set).\n"
    everyone = riskctl(daemon, "member", "list", "--no-email", "--no-legend")
    assert sorted(line.split()[0] for line in everyone.stdout.splitlines()) == ["rdt-board", "rdt-board2"]


# -- mail test and mail status --------------------------------------------------------------------------------------
def test_a_test_mail_is_queued_and_status_shows_it(mail_daemon):
    mail = queue_test_mail(mail_daemon)
    status = riskctl(mail_daemon, "mail", "status")
    assert status.returncode == 0, status
    lines = status.stdout.splitlines()
    assert lines[0] == "1 queued, 0 sending, 0 sent, 0 failed, 0 uncertain, 0 dropped, 0 bounced", status.stdout
    assert lines[2].split()[:2] == ["ID", "STATE"]
    assert lines[3].split()[:4] == [str(mail), "queued", "tajnistvo@udruga.example", "test"], status.stdout
    assert lines[-1] == "1 mail listed, newest first."
    assert riskctl(mail_daemon, "mail", "status", "--state", "sent", "--no-legend").stdout == ""
    wrong = riskctl(mail_daemon, "mail", "status", "--state", "lost")
    assert wrong.returncode == 65 and one_error_line(wrong).startswith("invalid value for --state: ")
    bad = riskctl(mail_daemon, "mail", "test", "nobody")
    assert bad.returncode == 65 and one_error_line(bad).startswith("invalid value for address: ")
    # riskd refuses what sendmail could read as an option; `--` passes it to riskd whatever the options around it.
    dashed = riskctl(mail_daemon, "mail", "test", "--", "-tajnistvo@udruga.example")
    assert dashed.returncode == 65 and one_error_line(dashed).startswith("invalid value for address: ")
    assert mails(mail_daemon)["queued"] == 1


def test_a_board_member_may_not_read_the_outbox_nor_deliver(mail_daemon, as_user, user_riskctl, fake_sendmail):
    queue_test_mail(mail_daemon)
    refused = as_user("rdt-board", [user_riskctl, "--socket", mail_daemon.socket, "mail", "status"])
    assert refused.returncode == 77, refused
    assert one_error_line(refused) == ("permission denied: reading the mail queue is for the secretariat "
                                       "(group rdt-admin) and auditors (named in riskd's access list); "
                                       "you are rdt-board: board member")
    sendmail = fake_sendmail()
    for user in ("rdt-board", "rdt-admin"):
        not_mailer = deliver(as_user, user_riskctl, mail_daemon, sendmail, user=user)
        assert not_mailer.returncode == 77 and "is for the mail deliverer" in one_error_line(not_mailer), not_mailer
    assert sendmail.argvs() == [] and mails(mail_daemon)["queued"] == 1


# -- mail deliver -------------------------------------------------------------------------------------------------
def test_nothing_due(mail_daemon, as_user, user_riskctl, fake_sendmail):
    sendmail = fake_sendmail()
    result = deliver(as_user, user_riskctl, mail_daemon, sendmail)
    assert (result.returncode, result.stdout, result.stderr) == (0, "No mail is due.\n", ""), result
    assert sendmail.argvs() == []


def test_accepted_mail_is_sent_exactly_once(mail_daemon, as_user, user_riskctl, fake_sendmail):
    mail = queue_test_mail(mail_daemon)
    sendmail = fake_sendmail(status=0, stderr="postdrop: a warning that changes nothing\n")
    result = deliver(as_user, user_riskctl, mail_daemon, sendmail)
    assert (result.returncode, result.stdout, result.stderr) == (0, "1 sent, 0 deferred, 0 rejected\n", ""), result
    assert sendmail.argvs() == [["-i", "-f", FROM, "--", "tajnistvo@udruga.example"]]
    message = sendmail.stdin(0)
    assert "\r" not in message and re.search(r"^Subject: .+$", message, re.M) and "\n\n" in message, message
    [sent] = mails(mail_daemon)["mails"]
    assert (sent["id"], sent["state"], sent["attempts"], sent.get("reason")) == (mail, "sent", 1, None)
    again = deliver(as_user, user_riskctl, mail_daemon, sendmail)
    assert again.stdout == "No mail is due.\n" and len(sendmail.argvs()) == 1
    listed = riskctl(mail_daemon, "mail", "status", "--no-legend")
    assert listed.stdout.split()[:2] == [str(mail), "sent"], listed.stdout


def test_deferred_mail_stays_queued_with_the_reason(mail_daemon, as_user, user_riskctl, fake_sendmail):
    mail = queue_test_mail(mail_daemon)
    sendmail = fake_sendmail(status=75, stderr="postdrop: warning: unable to look up public/pickup: No such file\n\n")
    result = deliver(as_user, user_riskctl, mail_daemon, sendmail)
    assert (result.returncode, result.stdout) == (0, "0 sent, 1 deferred, 0 rejected\n"), result
    [queued] = mails(mail_daemon)["mails"]
    assert (queued["id"], queued["state"], queued["attempts"]) == (mail, "queued", 1)
    assert queued["reason"] == "sendmail exited 75: postdrop: warning: unable to look up public/pickup: No such file"
    assert deliver(as_user, user_riskctl, mail_daemon, sendmail).stdout == "No mail is due.\n"
    mail_daemon.set_now("2027-01-10T09:05:00Z")
    later = deliver(as_user, user_riskctl, mail_daemon, sendmail)
    assert later.stdout == "0 sent, 1 deferred, 0 rejected\n" and len(sendmail.argvs()) == 2
    assert mails(mail_daemon)["mails"][0]["attempts"] == 2


def test_rejected_mail_fails_and_status_shows_what_sendmail_said(mail_daemon, as_user, user_riskctl, fake_sendmail):
    mail = queue_test_mail(mail_daemon)
    sendmail = fake_sendmail(status=64, stderr="sendmail: fatal: usage: sendmail [options]\n")
    result = deliver(as_user, user_riskctl, mail_daemon, sendmail)
    assert (result.returncode, result.stdout) == (0, "0 sent, 0 deferred, 1 rejected\n"), result
    status = riskctl(mail_daemon, "mail", "status", "--state", "failed")
    assert status.returncode == 0, status
    assert status.stdout.splitlines()[0] == "0 queued, 0 sending, 0 sent, 1 failed, 0 uncertain, 0 dropped, 0 bounced"
    row = status.stdout.splitlines()[3]
    assert row.split()[:2] == [str(mail), "failed"], status.stdout
    assert row.endswith("sendmail exited 64: sendmail: fatal: usage: sendmail [options]"), status.stdout
    assert deliver(as_user, user_riskctl, mail_daemon, sendmail).stdout == "No mail is due.\n"


def test_a_missing_sendmail_defers(mail_daemon, as_user, user_riskctl, fake_sendmail):
    queue_test_mail(mail_daemon)
    sendmail = fake_sendmail()
    sendmail.path.unlink()
    result = deliver(as_user, user_riskctl, mail_daemon, sendmail)
    assert (result.returncode, result.stdout) == (0, "0 sent, 1 deferred, 0 rejected\n"), result
    reason = mails(mail_daemon)["mails"][0]["reason"]
    assert reason == "sendmail could not be started: %s: No such file or directory" % sendmail.path


def run_held_delivery(daemon, as_user, user_riskctl, sendmail):
    """Starts a deliver whose sendmail waits to be released; returns the thread and where its result will be."""
    outcome = {}
    thread = threading.Thread(target=lambda: outcome.update(result=deliver(as_user, user_riskctl, daemon, sendmail)))
    thread.start()
    deadline = time.monotonic() + 20
    while not sendmail.started():
        assert time.monotonic() < deadline and thread.is_alive(), outcome
        time.sleep(0.05)
    return thread, outcome


def test_riskd_restarted_while_a_mail_is_handed_over_takes_its_report(mail_daemon, as_user, user_riskctl,
                                                                     fake_sendmail):
    mail = queue_test_mail(mail_daemon)
    sendmail = fake_sendmail(status=0, hold=True)
    thread, outcome = run_held_delivery(mail_daemon, as_user, user_riskctl, sendmail)
    assert mail_daemon.stop() == 0
    sendmail.release()
    time.sleep(1.5)   # the report fails at least once
    mail_daemon.start()
    thread.join(60)
    result = outcome["result"]
    assert (result.returncode, result.stdout, result.stderr) == (0, "1 sent, 0 deferred, 0 rejected\n", ""), result
    assert mails(mail_daemon)["mails"][0]["id"] == mail and mails(mail_daemon)["sent"] == 1


def test_riskd_gone_for_good_ends_deliver_with_75(mail_daemon, as_user, user_riskctl, fake_sendmail):
    mail = queue_test_mail(mail_daemon)
    sendmail = fake_sendmail(status=0, hold=True)
    thread, outcome = run_held_delivery(mail_daemon, as_user, user_riskctl, sendmail)
    assert mail_daemon.stop() == 0
    sendmail.release()
    thread.join(60)
    result = outcome["result"]
    assert result.returncode == 75 and result.stdout == "", result
    line = one_error_line(result)
    assert line.startswith("mail %d was sent but riskd did not take the report within 30 s (" % mail), line
    mail_daemon.start()
    assert mails(mail_daemon)["sending"] == 1


@pytest.mark.parametrize("command", [["mail"], ["mail", "status"], ["mail", "test"], ["mail", "deliver"],
                                     ["member", "contact"]], ids=" ".join)
def test_help_ends_with_an_example_from_the_manual(command):
    manual = (REPO / "man" / "riskctl.1").read_text(encoding="utf-8")
    result = subprocess.run([RISKCTL, *command, "--help"], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0 and "\nEXAMPLE:\n  riskctl " + " ".join(command) in result.stdout, result.stdout
    example = result.stdout.split("\nEXAMPLE:\n", 1)[1].splitlines()[0].strip()
    assert example in manual, example


def test_completion_offers_the_mail_states():
    result = subprocess.run([RISKCTL, "--generate-completion-script", "fish"], capture_output=True, text=True,
                            timeout=30)
    assert result.returncode == 0
    assert "\"riskctl mail status\" state' -l 'state'" in result.stdout
    assert "'queued sending sent failed uncertain dropped bounced'" in result.stdout
