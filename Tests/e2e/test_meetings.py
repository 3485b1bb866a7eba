"""Board meetings end to end (issue 12), through the python varlink client and the real riskd on its test clock,
with real uids for the board members (rdt-board, rdt-board2):

publication checks each decision item and makes a recusal per conflict; a board member sees their own recusal,
and another member's sensitive one only as withheld, in Get and in the Minutes; a declaration made after
publication adds its recusal (in advance or not by the meeting's date); an item added after publication is
checked at once; Close refuses while a recusal has no action; nothing of a closed meeting changes; a passed
meeting with an unrecorded recusal raises meeting-recusal-unrecorded; the audit chain verifies throughout.
"""
import pytest

from riskd_e2e import SECOND_BOARD, VarlinkCallError

MEETING = "org.riskd.meeting"
INTEREST = "org.riskd.interest"
WBF = "Western Balkan Fund"
# rdt-board2's sensitive family interest, declared under its full name; the agenda asks for the shorter name, which
# the item itself makes public. The declared name and the description must never reach rdt-board.
SECRET_ORG = "Fondacija Porodica Kovač"
ASKED = "Porodica Kovač"


def as_member(user_calls, daemon, user, method, **parameters):
    """The reply of one call made as `user`; raises VarlinkCallError-like AssertionError on an error."""
    [result] = user_calls(user, daemon.socket, [(MEETING if "." not in method else method.rsplit(".", 1)[0],
                                                 method.rsplit(".", 1)[-1], parameters)])
    return result


def ok(result):
    assert result["ok"], result
    return result["parameters"]


def refused(daemon, error, method, **parameters):
    """The parameters of the error a call gets, after checking that the database did not change."""
    before = daemon.snapshot()
    with pytest.raises(VarlinkCallError) as raised:
        daemon.call(method, **parameters)
    assert raised.value.error == error, raised.value
    assert daemon.snapshot() == before
    return raised.value.parameters


@pytest.fixture
def board(start_daemon, board2, user_calls):
    """A riskd on 2027-01-10 whose two board members declared before the meeting of 2027-01-20: rdt-board a
    funding interest in the Western Balkan Fund, rdt-board2 a sensitive family interest in SECRET_ORG."""
    daemon = start_daemon(board=SECOND_BOARD + ["unix-user:rdt-board2"], now="2027-01-10T09:00:00Z")
    ok(as_member(user_calls, daemon, "rdt-board", "org.riskd.interest.Declare", kind="funding", organisation=WBF,
                 description="Project coordinator paid by the fund", startedOn="2026-06-01"))
    ok(as_member(user_calls, daemon, "rdt-board2", "org.riskd.interest.Declare", kind="family",
                 organisation=SECRET_ORG, description="My brother runs it", sensitive=True, startedOn="2026-06-01"))
    meeting = daemon.call(MEETING + ".Create", title="Board meeting", date="2027-01-20")["meeting"]
    daemon.call(MEETING + ".AddItem", meetingId=meeting["id"], title="Minutes of the last meeting", organisations=[],
                decision=False)
    grants = daemon.call(MEETING + ".AddItem", meetingId=meeting["id"], title="Call WBF-2027 partners",
                         organisations=[WBF, ASKED])["item"]
    return daemon, meeting["id"], grants


def test_publication_checks_each_decision_item_and_makes_a_recusal_per_conflict(board):
    daemon, meeting, grants = board
    assert grants["number"] == 2 and grants["decision"] and grants.get("checkId") is None
    published = daemon.call(MEETING + ".Publish", id=meeting)
    assert published["meeting"]["status"] == "published" and published["meeting"]["publishedAt"]
    items = {item["number"]: item for item in published["items"]}
    assert items[1].get("checkId") is None, "a non-decision item is not checked"
    assert items[2]["checkId"] > 0
    recusals = sorted(published["recusals"], key=lambda r: r["declarant"])
    assert [(r["declarant"], r["organisation"], r["match"], r["declaredInAdvance"]) for r in recusals] == [
        ("rdt-board", WBF, "exact", True), ("rdt-board2", SECRET_ORG, "possible", True)]
    assert all(r.get("action") is None and r["itemId"] == grants["id"] for r in recusals)
    # The item's check is a stored conflict check, as interest.Check would store it.
    checks = daemon.call(INTEREST + ".Checks")["checks"]
    assert [c["id"] for c in checks] == [items[2]["checkId"]]
    assert {c["declarant"] for c in checks[0]["conflicts"]} == {"rdt-board", "rdt-board2"}
    assert daemon.call("org.riskd.audit.Verify")["ok"]

    again = refused(daemon, MEETING + ".InvalidValue", MEETING + ".Publish", id=meeting)
    assert again["field"] == "id" and "not a draft" in again["reason"]


def test_a_board_member_sees_their_recusal_and_another_members_sensitive_one_only_withheld(board, user_calls):
    daemon, meeting, _ = board
    daemon.call(MEETING + ".Publish", id=meeting)
    seen = ok(as_member(user_calls, daemon, "rdt-board", MEETING + ".Get", id=meeting))
    by = {r["declarant"]: r for r in seen["recusals"]}
    assert by["rdt-board"]["organisation"] == WBF and by["rdt-board"]["interestId"] > 0
    withheld = by["rdt-board2"]
    assert (withheld["kind"], withheld["interestId"], withheld["organisation"]) == ("withheld", 0, ASKED)
    minutes = ok(as_member(user_calls, daemon, "rdt-board", MEETING + ".Minutes", id=meeting))["markdown"]
    for text in (str(seen), minutes):
        assert SECRET_ORG not in text and "brother" not in text
    assert "**rdt-board2**: a private interest" in minutes
    # The declarant herself and the secretariat see it; the minutes say "a private interest" whoever reads them.
    own = ok(as_member(user_calls, daemon, "rdt-board2", MEETING + ".Get", id=meeting))
    assert SECRET_ORG in [r["organisation"] for r in own["recusals"]]
    assert SECRET_ORG in str(daemon.call(MEETING + ".Get", id=meeting))
    assert SECRET_ORG not in daemon.call(MEETING + ".Minutes", id=meeting)["markdown"]


def test_a_declaration_after_publication_adds_its_recusal_and_says_whether_it_was_in_advance(board, user_calls):
    daemon, meeting, grants = board
    daemon.call(MEETING + ".Publish", id=meeting)
    ok(as_member(user_calls, daemon, "rdt-board", INTEREST + ".Declare", kind="employment",
                 organisation="Udruženje Prevent", description="Board member", startedOn="2026-01-01"))
    assert len(daemon.call(MEETING + ".Get", id=meeting)["recusals"]) == 2, "no item names it: no recusal"

    late = daemon.call(MEETING + ".AddItem", meetingId=meeting, title="Prevent's project",
                       organisations=["Udruženje Prevent"])["item"]
    assert late["checkId"] > 0, "an item added after publication is checked when it is added"
    recusals = daemon.call(MEETING + ".Get", id=meeting)["recusals"]
    assert [(r["declarant"], r["itemId"], r["declaredInAdvance"]) for r in recusals if r["itemId"] == late["id"]] == [
        ("rdt-board", late["id"], True)]

    daemon.set_now("2027-01-20T08:00:00Z")     # the meeting's day: declared now is not in advance
    ok(as_member(user_calls, daemon, "rdt-board2", INTEREST + ".Declare", kind="employment", organisation=WBF,
                 description="Evaluator for the fund", startedOn="2027-01-19"))
    new = [r for r in daemon.call(MEETING + ".Get", id=meeting)["recusals"]
           if r["declarant"] == "rdt-board2" and r["organisation"] == WBF]
    assert [(r["itemId"], r["declaredInAdvance"], r["match"]) for r in new] == [(grants["id"], False, "exact")]
    assert daemon.call("org.riskd.audit.Verify")["ok"]


def test_declared_at_the_meeting_and_recorded_then_closed_and_nothing_changes(board, user_calls):
    daemon, meeting, grants = board
    daemon.set_now("2027-01-20T10:00:00Z")
    daemon.call(MEETING + ".Publish", id=meeting)
    declared = ok(as_member(user_calls, daemon, "rdt-board", MEETING + ".DeclareAtMeeting", itemId=grants["id"],
                            kind="governance", organisation="Udruženje Prevent", description="Treasurer"))["recusal"]
    assert (declared["match"], declared["declaredInAdvance"], declared["declarant"]) == (
        "declared_at_meeting", False, "rdt-board")
    interest = daemon.call(INTEREST + ".Get", id=declared["interestId"])["interest"]
    assert (interest["declarant"], interest["organisation"]) == ("rdt-board", "Udruženje Prevent")
    other = as_member(user_calls, daemon, "rdt-board", MEETING + ".DeclareAtMeeting", itemId=grants["id"],
                      declarant="rdt-board2", kind="gift", organisation=WBF, description="Not mine to declare")
    assert not other["ok"] and other["error"] == "org.varlink.service.PermissionDenied", other

    refusal = refused(daemon, MEETING + ".InvalidValue", MEETING + ".Close", id=meeting)
    assert refusal["field"] == "recusals" and "3 without an action" in refusal["reason"]
    actions = ["left_room", "stayed_no_vote", "not_a_conflict"]
    for recusal, action in zip(daemon.call(MEETING + ".Get", id=meeting)["recusals"], actions):
        recorded = daemon.call(MEETING + ".Record", recusalId=recusal["id"], action=action, quorate=True,
                               note="Decision taken by the remaining five members")["recusal"]
        assert (recorded["action"], recorded["quorate"], recorded["recordedBy"]) == (action, True, "root")
    closed = daemon.call(MEETING + ".Close", id=meeting)["meeting"]
    assert closed["status"] == "closed" and closed["closedAt"]

    minutes = daemon.call(MEETING + ".Minutes", id=meeting)["markdown"]
    assert "declared at the meeting" in minutes and "declared in advance" in minutes
    assert "Left the room for the item; the meeting remained quorate." in minutes

    before = daemon.call(MEETING + ".Get", id=meeting)
    for method, parameters in [
            ("AddItem", {"meetingId": meeting, "title": "Late item", "organisations": []}),
            ("Record", {"recusalId": before["recusals"][0]["id"], "action": "absent"}),
            ("DeclareAtMeeting", {"itemId": grants["id"], "declarant": "rdt-board", "kind": "gift",
                                  "organisation": WBF, "description": "x"}),
            ("Close", {"id": meeting}), ("Publish", {"id": meeting})]:
        refused(daemon, MEETING + ".InvalidValue", MEETING + "." + method, **parameters)
    # A declaration after closing adds nothing to the closed meeting.
    ok(as_member(user_calls, daemon, "rdt-board2", INTEREST + ".Declare", kind="funding", organisation=WBF,
                 description="Grant", startedOn="2027-01-01"))
    assert daemon.call(MEETING + ".Get", id=meeting) == before
    daemon.restart()
    assert daemon.call(MEETING + ".Get", id=meeting) == before
    assert daemon.call("org.riskd.audit.Verify")["ok"]


def test_a_passed_meeting_with_an_unrecorded_recusal_is_a_finding_until_recorded(board):
    daemon, meeting, _ = board
    daemon.call(MEETING + ".Publish", id=meeting)

    def flagged():
        run = daemon.call("org.riskd.review.Run")
        return [f["subject"] for f in run["findings"] if f["rule"] == "meeting-recusal-unrecorded"]

    daemon.set_now("2027-01-20T18:00:00Z")
    assert flagged() == [], "not on the meeting's own day"
    daemon.set_now("2027-01-21T09:00:00Z")
    assert flagged() == ["meeting:%d" % meeting]
    for recusal in daemon.call(MEETING + ".Get", id=meeting)["recusals"]:
        daemon.call(MEETING + ".Record", recusalId=recusal["id"], action="absent")
    assert flagged() == []


def test_meetings_are_listed_by_date_and_paged(start_daemon):
    daemon = start_daemon(now="2027-01-10T09:00:00Z")
    for title, day in [("March", "2027-03-10"), ("January", "2027-01-20"), ("February", "2027-02-17")]:
        daemon.call(MEETING + ".Create", title=title, date=day)
    first = daemon.call(MEETING + ".List", limit=2)
    assert [m["title"] for m in first["meetings"]] == ["January", "February"]
    rest = daemon.call(MEETING + ".List", limit=2, after=first["next"])
    assert [m["title"] for m in rest["meetings"]] == ["March"] and rest.get("next") is None
    window = daemon.call(MEETING + ".List", since="2027-02-01", until="2027-02-28")["meetings"]
    assert [m["title"] for m in window] == ["February"]


@pytest.mark.parametrize("method, parameters, error, field", [
    ("Create", {"title": "Board meeting", "date": "2027-02-30"}, "InvalidValue", "date"),
    ("Create", {"title": "  ", "date": "2027-02-20"}, "InvalidValue", "title"),
    ("Create", {"title": "x" * 201, "date": "2027-02-20"}, "InvalidValue", "title"),
    ("AddItem", {"meetingId": 99, "title": "Grants", "organisations": []}, "NoSuchMeeting", None),
    ("AddItem", {"meetingId": "$meeting", "title": "", "organisations": []}, "InvalidValue", "title"),
    ("AddItem", {"meetingId": "$meeting", "title": " ", "organisations": [WBF]}, "InvalidValue", "title"),
    ("AddItem", {"meetingId": "$meeting", "title": "Grants", "organisations": [" "]}, "InvalidValue",
     "organisations[0]"),
    ("Get", {"id": 99}, "NoSuchMeeting", None),
    ("Minutes", {"id": 99}, "NoSuchMeeting", None),
    ("List", {"since": "last week"}, "InvalidValue", "since"),
    ("Record", {"recusalId": 99, "action": "left_room"}, "NoSuchRecusal", None),
    ("Record", {"recusalId": "$recusal", "action": "danced"}, "InvalidValue", "action"),
    # The administrator names the board member who declares: one who is not on the board may not declare.
    ("DeclareAtMeeting", {"itemId": 99, "declarant": "rdt-board", "kind": "gift", "organisation": WBF,
                          "description": "x"}, "NoSuchItem", None),
    ("DeclareAtMeeting", {"itemId": "$item", "declarant": "rdt-board", "kind": "bribe", "organisation": WBF,
                          "description": "x"}, "InvalidValue", "kind"),
    ("DeclareAtMeeting", {"itemId": "$item", "declarant": "nobody-here", "kind": "gift", "organisation": WBF,
                          "description": "x"}, "InvalidValue", "declarant"),
    ("Close", {"id": "$draft"}, "InvalidValue", "id"),
])
def test_bad_input_is_a_precise_error_and_changes_nothing(board, method, parameters, error, field):
    daemon, meeting, grants = board
    published = daemon.call(MEETING + ".Publish", id=meeting)
    draft = daemon.call(MEETING + ".Create", title="Next meeting", date="2027-03-20")["meeting"]["id"]
    ids = {"meeting": meeting, "item": grants["id"], "recusal": published["recusals"][0]["id"], "draft": draft}
    resolved = {k: ids[v[1:]] if isinstance(v, str) and v.startswith("$") else v for k, v in parameters.items()}
    before = daemon.call(MEETING + ".Get", id=meeting)
    reply = refused(daemon, MEETING + "." + error, MEETING + "." + method, **resolved)
    if field is not None:
        assert reply["field"] == field, reply
        assert reply["reason"], reply
    assert daemon.call(MEETING + ".Get", id=meeting) == before


def test_the_board_pack_of_a_meeting_shows_its_agenda_and_withholds_others_sensitive_recusals(board, user_calls):
    daemon, meeting, _ = board
    daemon.call(MEETING + ".Publish", id=meeting)
    secretariat = daemon.call("org.riskd.report.Board", meetingId=meeting, confidential=True)["html"]
    assert "Call WBF-2027 partners" in secretariat and SECRET_ORG in secretariat
    circulation = daemon.call("org.riskd.report.Board", meetingId=meeting)["html"]
    assert "Call WBF-2027 partners" in circulation and SECRET_ORG not in circulation
    member = ok(as_member(user_calls, daemon, "rdt-board", "org.riskd.report.Board", meetingId=meeting))["html"]
    assert "Call WBF-2027 partners" in member and "rdt-board2" in member
    assert SECRET_ORG not in member and "brother" not in member
    assert WBF in member, "the member's own recusal shows its organisation"
    missing = refused(daemon, "org.riskd.report.NoSuchMeeting", "org.riskd.report.Board", meetingId=meeting + 50)
    assert missing == {"id": meeting + 50}
