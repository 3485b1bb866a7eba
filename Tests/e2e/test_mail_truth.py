"""A mail is true when it arrives (issue 22), through Debian's real postfix with real uids: a notice that stopped
being true before the deliverer claimed it is dropped, never delivered, with its reason in `mail status`; a
meeting's recusal notice reaches a member the day it is published, even after their mail of the day; a notice
says what it is about; an owner must be an account riskd can tell, and one it has no address for is a finding.
"""
import subprocess
import time

import pytest

from mta import body, postfix, subject  # noqa: F401  (postfix: a fixture)
from riskd_e2e import SECOND_BOARD, VarlinkCallError
from test_mail import MAIL_CONFIG, as_member, boxes, delivered  # noqa: F401  (boxes: a fixture)

CODE = "Declare, and step out when it counts."


def code_sha(daemon):
    return daemon.call("org.riskd.ethics.Current")["code"]["sha256"]


def test_a_notice_no_longer_true_when_claimed_is_dropped_and_never_delivered(start_daemon, boxes, users, user_calls,
                                                                               user_riskctl):
    daemon = start_daemon(board=SECOND_BOARD + ["unix-user:rdt-board2"], extra_config=MAIL_CONFIG,
                          now="2027-01-10T09:00:00Z")
    for user in ("rdt-board", "rdt-board2"):
        as_member(user_calls, daemon, user, "org.riskd.daemon", "Whoami")
    daemon.call("org.riskd.ethics.Publish", title="Code of conduct", body=CODE)
    # rdt-board acknowledges before the deliverer's next pass: the mail asking them to is no longer true.
    as_member(user_calls, daemon, "rdt-board", "org.riskd.ethics", "Acknowledge", version=1, sha256=code_sha(daemon))
    delivered(user_riskctl, users, daemon)
    [asked] = boxes["rdt-board2"].wait_for(1)
    assert "acknowledge" in subject(asked)
    time.sleep(1)
    assert boxes["rdt-board"].messages() == [], "a member was asked to do what they had already done"
    status = daemon.call("org.riskd.mail.Status", state="dropped")
    assert status["dropped"] == 1
    [dropped] = status["mails"]
    assert dropped["user"] == "rdt-board" and dropped["state"] == "dropped"
    assert dropped["reason"].startswith("no longer true when its turn came: the code was acknowledged on "), dropped
    # --full: the reason whole, whatever width a $COLUMNS in the environment would give.
    shown = subprocess.run([user_riskctl, "--socket", daemon.socket, "mail", "status", "--full"],
                           capture_output=True, text=True, timeout=60)
    assert shown.returncode == 0 and "1 dropped" in shown.stdout and "the code was acknowledged" in shown.stdout


def test_a_recusal_notice_reaches_the_member_the_day_the_agenda_is_published(start_daemon, boxes, users, user_calls,
                                                                           user_riskctl):
    daemon = start_daemon(board=SECOND_BOARD + ["unix-user:rdt-board2"], extra_config=MAIL_CONFIG,
                          now="2027-01-10T09:00:00Z")
    as_member(user_calls, daemon, "rdt-board", "org.riskd.interest", "Declare", kind="funding",
              organisation="Western Balkan Fund", description="Grant to my organisation", startedOn="2026-06-01")
    daemon.call("org.riskd.ethics.Publish", title="Code of conduct", body=CODE)
    delivered(user_riskctl, users, daemon)
    [code] = boxes["rdt-board"].wait_for(1)                       # the member's mail of the day
    # A closed concern later that day waits for tomorrow's mail, and mail status says so.
    concern = as_member(user_calls, daemon, "rdt-board", "org.riskd.concern", "Raise", kind="other",
                        text="The minutes of December were never circulated")["concern"]["id"]
    daemon.call("org.riskd.concern.Close", id=concern, status="upheld", outcome="Circulated now")
    assert daemon.call("org.riskd.mail.Status")["waitingNotices"] == 1
    # --full: the reason whole, whatever width a $COLUMNS in the environment would give.
    shown = subprocess.run([user_riskctl, "--socket", daemon.socket, "mail", "status", "--full"],
                           capture_output=True, text=True, timeout=60)
    assert "1 notice waits for the next daily mail of the person it is for, written by the next review run." in \
        shown.stdout, shown.stdout
    meeting = daemon.call("org.riskd.meeting.Create", title="Board meeting", date="2027-01-20")["meeting"]["id"]
    daemon.call("org.riskd.meeting.AddItem", meetingId=meeting, title="Call WBF-2027 partners",
                organisations=["Western Balkan Fund"])
    daemon.call("org.riskd.meeting.Publish", id=meeting)
    delivered(user_riskctl, users, daemon)
    _, recusal = boxes["rdt-board"].wait_for(2)
    text = " ".join(body(recusal).split())
    assert ("At the meeting M-%d on 20 January 2027, item 1 (\"Call WBF-2027 partners\") touches an interest you "
            "declared" % meeting) in text
    assert "Grant to my organisation" not in text
    mails = daemon.call("org.riskd.mail.Status", limit=10)["mails"]
    assert sorted(m["kind"] for m in mails if m.get("user") == "rdt-board") == ["notice", "recusal"]
    assert daemon.call("org.riskd.mail.Status")["waitingNotices"] == 1, "the recusal went; the concern still waits"


def test_an_owner_must_be_an_account_riskd_can_tell(start_daemon, user_riskctl):
    daemon = start_daemon()
    before = daemon.call("org.riskd.audit.Verify")["entries"]
    for method, parameters in [
            ("Add", {"title": "Unowned", "category": "governance", "likelihood": 2, "impact": 2, "owner": "nosuch"}),
            ("Import", {"risks": [{"title": "Unowned", "category": "governance", "likelihood": 2, "impact": 2,
                                   "owner": "treasurer"}]})]:
        with pytest.raises(VarlinkCallError) as refused:
            daemon.call("org.riskd.risk." + method, **parameters)
        assert refused.value.error == "org.riskd.risk.InvalidValue", refused.value
        assert refused.value.parameters["field"] in ("owner", "risks[0].owner")
        assert "no account" in refused.value.parameters["reason"]
    result = subprocess.run([user_riskctl, "--socket", daemon.socket, "risk", "add", "--title", "Unowned", "--category",
                             "governance", "--likelihood", "2", "--impact", "2", "--owner", "nosuch"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 65 and result.stderr.count("\n") == 1 and "nosuch" in result.stderr, result
    assert daemon.call("org.riskd.audit.Verify")["entries"] == before
    added = daemon.call("org.riskd.risk.Add", title="Owned", category="governance", likelihood=2, impact=2,
                        owner="rdt-board")
    assert added["risk"]["owner"] == "rdt-board"


UNADDRESSED_CONFIG = """
[mail]
enabled = true
organisation = "Mreža drug policy network"
admins = ["rdt-admin@localhost"]
"""


def test_an_owner_riskd_has_no_address_for_is_a_finding_until_one_is_set(start_daemon, user_riskctl):
    """No mail.domain and no contact: the owner's notice cannot go, and the review says so (mail-unaddressed)
    instead of leaving it to a line of the digest; it resolves once an address is set."""
    daemon = start_daemon(extra_config=UNADDRESSED_CONFIG, now="2027-01-10T09:00:00Z")
    daemon.wait_first_review()

    def unaddressed():
        return daemon.call("org.riskd.review.Findings", open=True, rule="mail-unaddressed")["findings"]

    assert unaddressed() == []
    daemon.call("org.riskd.risk.Add", title="Funding overlap with member organisations", category="financial",
                owner="rdt-board", likelihood=4, impact=4, nextReviewDue="2027-01-05")
    daemon.call("org.riskd.review.Run")          # raises the overdue review; its notice finds no address
    assert unaddressed() == []
    daemon.call("org.riskd.review.Run")
    [finding] = unaddressed()
    assert finding["subject"] == "member:rdt-board" and finding["severity"] == "warning", finding
    assert finding["message"] == ("riskd has no mail address for rdt-board: 1 notice on 2027-01-10 could not be "
                                  "sent; set one with riskctl member contact rdt-board --email ADDRESS")
    assert daemon.call("org.riskd.mail.Status")["sent"] == 0
    shown = subprocess.run([user_riskctl, "--socket", daemon.socket, "review", "findings", "--full"], capture_output=True,
                           text=True, timeout=60)
    assert shown.returncode == 0 and "riskd has no mail address for rdt-board" in shown.stdout, shown
    daemon.call("org.riskd.member.SetContact", user="rdt-board", email="ana@example.org")
    daemon.call("org.riskd.review.Run")
    assert unaddressed() == []
