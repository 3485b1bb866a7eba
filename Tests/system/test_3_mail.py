"""riskd-mail.service and riskd-mail.timer as installed, delivering through a real postfix under systemd 252.

The machine's /usr is the host's, so postfix is the one `make deps` installs on the host (preseeded "Local only").
Its spool and the mailboxes are the machine's own: /var/spool/postfix is made here and filled by postfix's own
start (post-install create-missing), and /var/mail as Debian makes it. The machine shares the host's network, where
the host's postfix may listen on loopback port 25, so the machine's postfix runs no SMTP listener at all: a mail
enters through the maildrop and pickup, as sendmail submits it, and leaves by local delivery only (default_transport
and relay_transport "error", as the host's).

What is proven: `riskctl mail test` then one pass of riskd-mail.service, as systemd runs it with its whole sandbox,
puts exactly one mail in the user's mailbox and the unit ends in success; the timer alone runs the next pass within
about a minute; a machine without postfix's maildrop skips the pass rather than failing it; and
`systemd-analyze security` rates the unit at most SCORE.
"""

import json
import mailbox
import re
import time
from email.utils import parseaddr
from pathlib import Path

import pytest

USER = "rdt-mbox"
ADDRESS = USER + "@localhost"
# systemd-analyze security of riskd-mail.service inside the machine when the unit was written (riskd.service: 0.5).
SCORE = 0.2
MAILDROP = "/var/spool/postfix/maildrop"


def postconf(machine, key):
    return machine.run(["postconf", "-h", key]).stdout.strip()


@pytest.fixture(scope="module")
def postfix(machine):
    """postfix running in the machine, local delivery only, and the test user with an empty mailbox."""
    if machine.run(["test", "-x", "/usr/sbin/postdrop"], check=False).returncode != 0:
        pytest.fail("postfix is not installed on this machine (the container's /usr is the host's): `make deps` "
                    "installs it, preseeded \"Local only\"")
    machine.sh("install -d -m 0755 /var/spool/postfix && install -d -m 2775 -o root -g mail /var/mail")
    # No SMTP listener (see above), and nothing relayed anywhere: only the machine's copy of /etc/postfix changes.
    machine.run(["postconf", "-M#", "smtp/inet"])
    machine.run(["postconf", "-e", "default_transport=error", "relay_transport=error"])
    assert "localhost" in postconf(machine, "mydestination")
    machine.run(["systemctl", "restart", "postfix@-.service"])
    assert machine.show("postfix@-.service", "ActiveState")["ActiveState"] == "active"
    assert machine.run(["test", "-d", MAILDROP]).returncode == 0
    if machine.run(["id", USER], check=False).returncode != 0:
        machine.run(["useradd", "--create-home", USER])
    return machine


@pytest.fixture
def no_timer(installed, postfix):
    """The timer stopped, so that each pass of the test is the one it starts; started again after. A pass the
    timer started just before (starting the timer again at the previous test's end may fire one at once) is let
    finish first: a `systemctl start` while it runs would join it rather than start a pass of its own."""
    installed.run(["systemctl", "stop", "riskd-mail.timer"])
    installed.wait_until("riskd-mail.service idle",
                         lambda: installed.show("riskd-mail.service", "ActiveState")["ActiveState"] != "activating",
                         timeout=60)
    # The tests start passes by hand, several in a few seconds: systemd's start limit (5 in 10 s by default) would
    # refuse the next one ("start of the service was attempted too often"). reset-failed clears its counter.
    installed.run(["systemctl", "reset-failed", "riskd-mail.service"], check=False)
    yield installed
    installed.run(["systemctl", "start", "riskd-mail.timer"])


def mailbox_messages(machine):
    path = Path(machine.path("/var/mail/" + USER))
    if not path.exists():
        return []
    box = mailbox.mbox(str(path), create=False)
    try:
        return list(box)
    finally:
        box.close()


def wait_for_mails(machine, count, timeout=60.0):
    """The mailbox's messages once there are `count`, then a few seconds more to see that no other follows."""
    messages = machine.wait_until("%d mails in /var/mail/%s" % (count, USER),
                                  lambda: len(mailbox_messages(machine)) >= count or None, timeout=timeout,
                                  interval=0.5)
    time.sleep(3)
    messages = mailbox_messages(machine)
    assert len(messages) == count, [m["Subject"] for m in messages]
    return messages


def clear_mailbox(machine):
    machine.sh(": > /var/mail/%s && chown %s:mail /var/mail/%s" % (USER, USER, USER))


def queue_test_mail(machine):
    output = machine.riskctl("mail", "test", ADDRESS).stdout
    match = re.match(r"Mail (\d+) to %s queued" % re.escape(ADDRESS), output)
    assert match, output
    return int(match.group(1))


def mail_state(machine, mail_id):
    status = json.loads(machine.riskctl("mail", "status", "--json", "--limit", "1000").stdout)
    return {mail["id"]: mail for mail in status["mails"]}[mail_id]


def pass_journal(machine):
    """What the last pass of riskd-mail.service logged (its invocation, postfix's programs included)."""
    invocation = machine.show("riskd-mail.service", "InvocationID")["InvocationID"]
    return machine.journal("_SYSTEMD_INVOCATION_ID=%s" % invocation, "-o", "cat")


def test_the_package_installs_the_user_and_enables_the_timer(installed):
    passwd = Path(installed.path("/etc/passwd")).read_text()
    assert re.search(r"^riskd-mail:x:\d+:\d+:[^:]*:/:/usr/sbin/nologin$", passwd, re.M), passwd
    timer = installed.show("riskd-mail.timer", "ActiveState", "UnitFileState", "Triggers")
    assert timer == {"ActiveState": "active", "UnitFileState": "enabled", "Triggers": "riskd-mail.service"}, timer
    assert installed.show("riskd-mail.service", "UnitFileState")["UnitFileState"] == "static"


def test_a_test_mail_and_one_pass_put_exactly_one_mail_in_the_mailbox(no_timer):
    installed = no_timer
    clear_mailbox(installed)
    mail_id = queue_test_mail(installed)
    installed.run(["systemctl", "start", "riskd-mail.service"])
    state = installed.show("riskd-mail.service", "Result", "ExecMainStatus", "ActiveState", "ConditionResult")
    assert state == {"Result": "success", "ExecMainStatus": "0", "ActiveState": "inactive",
                     "ConditionResult": "yes"}, state
    [message] = wait_for_mails(installed, 1)
    assert "test mail" in message["Subject"], message["Subject"]
    assert parseaddr(message["To"])[1] == ADDRESS, message["To"]
    assert mail_state(installed, mail_id)["state"] == "sent"
    text = pass_journal(installed)
    assert "1 sent, 0 deferred, 0 rejected" in text, text
    assert "Failed to set thread priority" not in text, text
    # A quiet pass: not one warning, postfix's inet_protocols probe included (riskd-mail.service(8), "Quiet
    # passes": sendmail reads the pass's own copy of main.cf, with an empty inet_protocols), while the MTA's own
    # main.cf is left as it was, and the copy is gone with the pass.
    warnings = [line for line in text.splitlines() if "warning" in line.lower()]
    assert warnings == [], text
    assert postconf(installed, "inet_protocols") == "all"
    assert installed.run(["test", "-e", "/run/riskd-mail"], check=False).returncode != 0
    # postfix's pickup names the uid that owns the maildrop file: the real riskd-mail, not the user namespace's.
    uid = installed.run(["id", "-u", "riskd-mail"]).stdout.strip()
    pickup = installed.journal("-t", "postfix/pickup", "-o", "cat", "-n", "5")
    # The envelope sender is mail.from's default, riskd-mail's own address: bounces come back to its mbox.
    assert "uid=%s from=<riskd-mail@localhost>" % uid in pickup, pickup
    # The pass ran with no capability, no new privileges, and the group postdrop as its only extra group.
    unit = installed.show("riskd-mail.service", "User", "SupplementaryGroups", "NoNewPrivileges",
                          "CapabilityBoundingSet", "PrivateNetwork", "RestrictAddressFamilies")
    families = set(unit.pop("RestrictAddressFamilies").split())
    assert families == {"AF_UNIX"}, families
    assert unit == {"User": "riskd-mail", "SupplementaryGroups": "postdrop", "NoNewPrivileges": "yes",
                    "CapabilityBoundingSet": "", "PrivateNetwork": "yes"}, unit


def manager_lines(machine):
    """systemd's Starting/Finished lines about riskd-mail.service so far (PID 1 logs them with UNIT=)."""
    text = machine.journal("_PID=1", "UNIT=riskd-mail.service", "-o", "cat")
    return [line for line in text.splitlines() if line.startswith(("Starting ", "Finished "))]


def journal_caught_up(machine, marker):
    machine.run(["logger", "-t", "riskd-test", marker])
    machine.wait_until("the journal has %s" % marker,
                       lambda: marker in machine.journal("-t", "riskd-test", "-o", "cat"), timeout=30)


def test_the_documented_drop_in_silences_systemds_starting_and_finished_lines(no_timer):
    installed = no_timer
    # Without it, each pass adds systemd's two lines: the check below can see them.
    installed.run(["systemctl", "start", "riskd-mail.service"])
    installed.wait_until("systemd's lines about the pass", lambda: len(manager_lines(installed)) >= 2, timeout=30)
    directory = "/etc/systemd/system/riskd-mail.service.d"
    installed.run(["mkdir", "-p", directory])
    Path(installed.path(directory + "/quiet.conf")).write_text("[Service]\nLogLevelMax=notice\n")
    try:
        installed.run(["systemctl", "daemon-reload"])
        journal_caught_up(installed, "before-quiet-pass")
        before = manager_lines(installed)
        installed.run(["systemctl", "reset-failed", "riskd-mail.service"], check=False)
        installed.run(["systemctl", "start", "riskd-mail.service"])
        assert installed.show("riskd-mail.service", "Result")["Result"] == "success"
        journal_caught_up(installed, "after-quiet-pass")
        assert manager_lines(installed) == before
    finally:
        installed.run(["rm", "-rf", directory])
        installed.run(["systemctl", "daemon-reload"])


def test_an_idle_pass_succeeds_and_writes_no_line_of_its_own(no_timer):
    installed = no_timer
    before = installed.show("riskd-mail.service", "InvocationID")["InvocationID"]
    installed.run(["systemctl", "start", "riskd-mail.service"])
    state = installed.show("riskd-mail.service", "InvocationID", "Result", "ExecMainStatus", "ConditionResult")
    assert state["InvocationID"] != before, state
    assert (state["Result"], state["ExecMainStatus"], state["ConditionResult"]) == ("success", "0", "yes"), state
    # The unit runs `riskctl mail deliver --quiet`: every minute, an idle pass must not add to the journal.
    text = pass_journal(installed)
    assert "No mail is due" not in text and " sent, " not in text, text
    # Without --quiet the same pass, as an administrator runs it by hand, says so.
    by_hand = installed.riskctl("mail", "deliver", user="riskd-mail")
    assert by_hand.stdout == "No mail is due.\n", by_hand


def test_a_bounce_comes_back_to_riskd_mail_and_the_next_pass_reports_it(no_timer):
    """mail.from is riskd-mail@localhost by default: postfix returns a mail to no one into /var/mail/riskd-mail,
    and the unit, in its sandbox, reads it there, reports it once and cuts it out of the mbox."""
    installed = no_timer
    output = installed.riskctl("mail", "test", "rdt-nosuch@localhost").stdout
    match = re.match(r"Mail (\d+) to ", output)
    assert match, output
    mail_id = int(match.group(1))
    installed.run(["systemctl", "start", "riskd-mail.service"])
    mbox = Path(installed.path("/var/mail/riskd-mail"))
    installed.wait_until("a bounce in /var/mail/riskd-mail",
                         lambda: (mbox.exists() and b"report-type=delivery-status" in mbox.read_bytes()) or None,
                         timeout=60, interval=0.5)
    installed.run(["systemctl", "start", "riskd-mail.service"])
    assert installed.show("riskd-mail.service", "Result")["Result"] == "success"
    text = pass_journal(installed)
    assert "1 bounce reported" in text and "bounces not read" not in text, text
    mail = mail_state(installed, mail_id)
    assert mail["state"] == "bounced" and "unknown user" in mail["reason"], mail
    assert b"report-type=delivery-status" not in mbox.read_bytes()
    installed.run(["systemctl", "start", "riskd-mail.service"])
    assert "bounce" not in pass_journal(installed)


def test_the_timer_alone_delivers_the_next_mail(installed, postfix):
    assert installed.show("riskd-mail.timer", "ActiveState")["ActiveState"] == "active"
    clear_mailbox(installed)
    before = installed.show("riskd-mail.service", "InvocationID")["InvocationID"]
    mail_id = queue_test_mail(installed)
    # OnCalendar=minutely with AccuracySec=10s: within 70 s, plus postfix's delivery.
    wait_for_mails(installed, 1, timeout=100)
    state = installed.show("riskd-mail.service", "InvocationID", "Result")
    assert state["InvocationID"] != before and state["Result"] == "success", state
    assert mail_state(installed, mail_id)["state"] == "sent"
    timer = installed.show("riskd-mail.timer", "LastTriggerUSec", "NextElapseUSecRealtime")
    assert timer["LastTriggerUSec"] not in ("", "n/a") and timer["NextElapseUSecRealtime"], timer


def test_without_postfix_s_maildrop_the_pass_is_skipped_not_failed(no_timer):
    installed = no_timer
    installed.run(["mv", MAILDROP, MAILDROP + ".away"])
    try:
        installed.run(["systemctl", "start", "riskd-mail.service"])
        state = installed.show("riskd-mail.service", "Result", "ConditionResult", "ActiveState")
        assert state == {"Result": "success", "ConditionResult": "no", "ActiveState": "inactive"}, state
    finally:
        installed.run(["mv", MAILDROP + ".away", MAILDROP])
    installed.run(["systemctl", "start", "riskd-mail.service"])
    assert installed.show("riskd-mail.service", "ConditionResult")["ConditionResult"] == "yes"


def exposure(machine, unit):
    text = machine.run(["systemd-analyze", "security", "--no-pager", unit]).stdout
    figure = re.search(r"Overall exposure level for %s: (\d+\.\d+)" % re.escape(unit), text)
    assert figure, text
    return float(figure.group(1)), text


def test_systemd_analyze_security_rates_the_deliverer_at_most_its_score(installed):
    mail, text = exposure(installed, "riskd-mail.service")
    daemon, _ = exposure(installed, "riskd.service")
    print("systemd-analyze security inside the container: riskd-mail.service %.1f, riskd.service %.1f"
          % (mail, daemon))
    print("\n".join(line for line in text.splitlines() if line.startswith("✗")))
    assert mail <= SCORE, text
