"""A typo cannot hide a conflict (issue 21), end to end with real Unix users: a board member declares "Western Balcan
Fund" while the registry has "Western Balkan Fund". The declaration's reply suggests the registry organisation; a
check of the registry's name finds the member as a possible conflict and says why; the review raises
interest-organisation-unlisted; once the secretariat adds the spelling as an alias, the next review resolves it and
the check finds the member through the alias. riskctl offers the suggestion on a terminal, and notes it on standard
error without one.

The board is rdt-board and rdt-board2 (see test_integrity.py).
"""

from test_integrity import INTEREST, ORG, calls, days, fresh, ok  # noqa: F401  (fresh is a fixture)
from test_integrity_cli import ctl, on_terminal  # noqa: F401  (ctl is a fixture)

REVIEW = "org.riskd.review"
RULE = "interest-organisation-unlisted"
TYPO = {"kind": "governance", "organisation": "Western Balcan Fund", "description": "Member of the advisory board",
        "startedOn": days(-5)}


def registry(daemon):
    """The funder and a network with a near-identical acronym; returns {name: id}."""
    daemon.call(ORG + ".Import", organisations=[
        {"name": "Western Balkan Fund", "aliases": ["WBF"], "kind": "funder", "interest": "medium", "power": "high"},
        {"name": "European Harm Reduction Network", "aliases": ["EHRN"], "kind": "member", "interest": "high",
         "power": "low"},
    ])
    return {o["name"]: o["id"] for o in daemon.call(ORG + ".List")["organisations"]}


def findings(daemon, open_only=True):
    return daemon.call(REVIEW + ".Findings", open=open_only, rule=RULE)["findings"]


def check(daemon, *names):
    return daemon.call(INTEREST + ".Check", organisations=list(names), matter="Call WBF-2027 partners")["check"]


def test_a_typo_cannot_hide_a_conflict(fresh, user_calls):
    daemon = fresh()
    wbf = registry(daemon)["Western Balkan Fund"]
    typo, acronym, linked = calls(
        user_calls, "rdt-board", daemon, (INTEREST, "Declare", TYPO),
        # EHRA is not EHRN: an acronym a letter apart is another body, and no suggestion.
        (INTEREST, "Declare", dict(TYPO, organisation="EHRA", kind="funding")),
        (INTEREST, "Declare", dict(TYPO, organisation="WBF", kind="gift")))
    declared = ok(typo)
    interest = declared["interest"]
    assert "organisationId" not in interest or interest["organisationId"] is None
    assert declared["suggestions"] == ["Western Balkan Fund (O-%d)" % wbf]
    assert ok(acronym)["suggestions"] == []
    assert ok(linked)["suggestions"] == [] and ok(linked)["interest"]["organisationId"] == wbf

    # The check of the registry's name finds the member, as possible, and says why.
    found = check(daemon, "Western Balkan Fund")["conflicts"]
    typo_conflicts = [c for c in found if c["interestId"] == interest["id"]]
    assert typo_conflicts == [{
        "declarant": "rdt-board", "interestId": interest["id"], "kind": "governance",
        "organisation": "Western Balcan Fund", "match": "possible",
        "reason": "declared as 'Western Balcan Fund', close to 'Western Balkan Fund'"}]
    assert check(daemon, "EHRN")["conflicts"] == []
    # A stored check, read back, still says why.
    stored = daemon.call(INTEREST + ".Checks")["checks"][0]["conflicts"]
    assert [c.get("reason") for c in stored if c["interestId"] == interest["id"]] == [typo_conflicts[0]["reason"]]

    # The review: the unlinked declarations are notices; the linked one is not.
    daemon.call(REVIEW + ".Run")
    raised = {f["subject"]: f for f in findings(daemon)}
    acronym_id = ok(acronym)["interest"]["id"]
    assert sorted(raised) == sorted(["interest:%d" % interest["id"], "interest:%d" % acronym_id])
    finding = raised["interest:%d" % interest["id"]]
    assert finding["severity"] == "notice" and "Western Balcan Fund" in finding["message"]

    # The secretariat adds the member's spelling as an alias; the next review resolves the finding.
    daemon.call(ORG + ".Update", id=wbf, aliases=["WBF", "Western Balcan Fund"])
    assert [f["subject"] for f in findings(daemon)] == sorted(raised)  # resolved at the next run, not before
    daemon.call(REVIEW + ".Run")
    assert [f["subject"] for f in findings(daemon)] == ["interest:%d" % acronym_id]
    resolved = findings(daemon, open_only=False)
    assert [f["subject"] for f in resolved] == ["interest:%d" % interest["id"]] and resolved[0]["resolvedAt"]

    # And the check finds the member through the alias: a conflict, no longer only possible.
    found = [c for c in check(daemon, "Western Balkan Fund")["conflicts"] if c["interestId"] == interest["id"]]
    assert [(c["match"], c.get("reason")) for c in found] == [("alias", None)]


def test_a_sensitive_declarations_finding_does_not_quote_it(fresh, user_calls):
    daemon = fresh()
    registry(daemon)
    declared, = calls(user_calls, "rdt-board", daemon,
                      (INTEREST, "Declare", dict(TYPO, kind="family", sensitive=True)))
    interest = ok(declared)["interest"]
    daemon.call(REVIEW + ".Run")
    finding, = findings(daemon)
    assert finding["subject"] == "interest:%d" % interest["id"]
    assert "Balcan" not in finding["message"] and "Balkan" not in finding["message"]
    # Another board member's check omits the sensitive interest, its reason included.
    other, = calls(user_calls, "rdt-board2", daemon,
                   (INTEREST, "Check", {"organisations": ["Western Balkan Fund"], "matter": "Call 3"}))
    assert "Balcan" not in str(ok(other))


def test_update_to_the_registry_name_links_the_declaration(fresh, user_calls):
    daemon = fresh()
    wbf = registry(daemon)["Western Balkan Fund"]
    declared, = calls(user_calls, "rdt-board", daemon, (INTEREST, "Declare", TYPO))
    interest = ok(declared)["interest"]
    updated, = calls(user_calls, "rdt-board", daemon, (INTEREST, "Update", {
        "id": interest["id"], "ifRevision": interest["revision"], "organisation": "Western Balkan Fund"}))
    reply = ok(updated)
    assert reply["interest"]["organisation"] == "Western Balkan Fund"
    assert reply["interest"]["organisationId"] == wbf and reply["suggestions"] == []
    # A name with no letter is refused and changes nothing.
    refused, = calls(user_calls, "rdt-board", daemon, (INTEREST, "Update", {"id": interest["id"], "organisation": "--"}))
    assert not refused["ok"] and refused["error"].endswith("InvalidValue")
    assert refused["parameters"]["field"] == "organisation"
    assert daemon.call(INTEREST + ".Get", id=interest["id"])["interest"]["organisation"] == "Western Balkan Fund"


def test_riskctl_notes_the_suggestion_without_a_terminal_and_asks_on_one(fresh, ctl, users, user_riskctl):
    daemon = fresh()
    wbf = registry(daemon)["Western Balkan Fund"]
    result = ctl("rdt-board", daemon, "interest", "declare", "--kind", "governance", "--organisation",
                 "Western Balcan Fund", "--description", "Member of the advisory board", "--since", days(-5))
    assert result.returncode == 0, result.stderr
    note = result.stderr.splitlines()
    assert len(note) == 1 and "did you mean Western Balkan Fund (O-%d)?" % wbf in note[0], result.stderr
    assert 'To say so: riskctl interest update I-1 --organisation "Western Balkan Fund"' in note[0]
    first = daemon.call(INTEREST + ".List")["interests"][0]
    assert first["organisation"] == "Western Balcan Fund"  # stored as typed; nothing was asked
    # The secretariat's check says why the member is listed.
    checked = ctl("rdt-admin", daemon, "conflicts", "check", "Western Balkan Fund", "--matter", "Call 3")
    assert checked.returncode == 0, checked.stderr
    assert "possible  declared as 'Western Balcan Fund', close to 'Western Balkan Fund'" in checked.stdout
    history = ctl("rdt-admin", daemon, "conflicts", "history")
    assert "(possible: declared as 'Western Balcan Fund', close to 'Western Balkan Fund')" in history.stdout

    status, stdout, shown = on_terminal(users["rdt-board"], user_riskctl, daemon, [
        "interest", "declare", "--kind", "gift", "--organisation", "Western Balcan Fund", "--description",
        "A dinner", "--since", days(-1)], "y\n")
    assert status == 0, shown
    assert "did you mean Western Balkan Fund (O-%d)? [y/N]" % wbf in shown
    second = daemon.call(INTEREST + ".List")["interests"][1]
    assert second["organisation"] == "Western Balkan Fund" and second["organisationId"] == wbf
    assert "now names Western Balkan Fund (O-%d)" % wbf in stdout

    status, stdout, shown = on_terminal(users["rdt-board"], user_riskctl, daemon, [
        "interest", "declare", "--kind", "other", "--organisation", "Western Balcan Fund", "--description",
        "A talk", "--since", days(-1)], "n\n")
    assert status == 0, shown
    third = daemon.call(INTEREST + ".List")["interests"][2]
    assert third["organisation"] == "Western Balcan Fund" and third["revision"] == 1


def test_a_meeting_and_its_board_pack_find_the_typo(fresh, user_calls):
    """The agenda item asks for WBF, the registry's alias of the Western Balkan Fund: its publication gives the
    member who typed "Western Balcan Fund" a recusal, as possible, and the board pack shows it."""
    daemon = fresh()
    registry(daemon)
    declared, = calls(user_calls, "rdt-board", daemon, (INTEREST, "Declare", TYPO))
    meeting = daemon.call("org.riskd.meeting.Create", title="Board meeting", date=days(10))["meeting"]
    daemon.call("org.riskd.meeting.AddItem", meetingId=meeting["id"], title="Call WBF-2027 partners",
                organisations=["WBF"])
    published = daemon.call("org.riskd.meeting.Publish", id=meeting["id"])
    assert [(r["declarant"], r["interestId"], r["organisation"], r["match"]) for r in published["recusals"]] == [
        ("rdt-board", ok(declared)["interest"]["id"], "Western Balcan Fund", "possible")]
    recusal, = daemon.call("org.riskd.meeting.Get", id=meeting["id"])["recusals"]
    assert recusal["reason"] == "declared as 'Western Balcan Fund', close to 'Western Balkan Fund'"
    pack = daemon.call("org.riskd.report.Board", meetingId=meeting["id"])["html"]
    assert "Western Balcan Fund" in pack
