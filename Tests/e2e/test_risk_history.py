"""Risk governance over time (issue 11), end to end: a register built over simulated months answers
`risk.List(asOf:)` and `risk.Matrix(asOf:)` with what was true then, keeps its history across a restart,
lets acceptances lapse (by date at the review run, at once when the score rises), and holds the board's
appetites. Calls go through the python `varlink` client; the time is the debug build's test clock
(RISKD_TEST_NOW_FILE), moved between steps.
"""
import pytest
import varlink

from riskd_e2e import VarlinkCallError

RISK = "org.riskd.risk"


def ids(risks):
    return [r["id"] for r in risks]


def invalid(daemon, method, **parameters):
    """The InvalidValue a call gets, with the database unchanged."""
    before = daemon.snapshot()
    appetites = daemon.call(RISK + ".Appetites")
    with pytest.raises(VarlinkCallError) as raised:
        daemon.call(method, **parameters)
    assert raised.value.error == RISK + ".InvalidValue", raised.value
    assert daemon.snapshot() == before
    assert daemon.call(RISK + ".Appetites") == appetites
    return raised.value.parameters


@pytest.fixture
def months(start_daemon):
    """A register built from January to April 2026 (times in UTC), returned with the ids of its risks."""
    daemon = start_daemon(now="2026-01-15T09:00:00Z")
    with daemon.client() as client, client.open(RISK) as risk:
        funding = risk.Add(title="Funding overlap with member organisations", category="financial",
                           likelihood=3, impact=3, nextReviewDue="2026-12-01")["risk"]["id"]
        outreach = risk.Add(title="Outreach workers' safety", category="safeguarding",
                            likelihood=2, impact=2, nextReviewDue="2026-12-01")["risk"]["id"]
    daemon.set_now("2026-02-10T10:00:00Z")
    with daemon.client() as client, client.open(RISK) as risk:
        risk.Update(id=funding, impact=4)
        ethics = risk.Add(title="No ethical code", category="governance", likelihood=4, impact=3,
                          nextReviewDue="2026-12-01")["risk"]["id"]
    daemon.set_now("2026-03-20T11:00:00Z")
    with daemon.client() as client, client.open(RISK) as risk:
        risk.Review(id=outreach, note="Buddy system in place", residualLikelihood=1, residualImpact=1)
        risk.Close(id=ethics, reason="mitigated", note="Code adopted")
    daemon.set_now("2026-04-05T12:00:00Z")
    with daemon.client() as client, client.open(RISK) as risk:
        risk.Accept(id=funding, until="2026-06-30", note="Board tolerates it for the funding round",
                    decision="M-3 item 4")
    return daemon, funding, outreach, ethics


def listed(daemon, as_of, **filters):
    with daemon.client() as client, client.open(RISK) as risk:
        return risk.List(asOf=as_of, **filters)["risks"]


def test_the_register_as_of_each_month_is_what_was_true_then(months):
    daemon, funding, outreach, ethics = months
    assert listed(daemon, "2025-12-31") == []
    assert listed(daemon, "2026-01-15T08:59:59Z") == []

    january = listed(daemon, "2026-01-31")
    assert ids(january) == [funding, outreach]
    assert (january[0]["impact"], january[0]["score"], january[0]["status"]) == (3, 9, "open")

    february = {r["id"]: r for r in listed(daemon, "2026-02-28T23:00:00Z")}
    assert sorted(february) == [funding, outreach, ethics]
    assert (february[funding]["impact"], february[funding]["score"]) == (4, 12)
    assert february[outreach].get("residualLikelihood") is None

    march = {r["id"]: r for r in listed(daemon, "2026-03-31", status=["open", "mitigating", "accepted", "closed"])}
    assert march[ethics]["status"] == "closed" and march[ethics]["closeReason"] == "mitigated"
    assert (march[outreach]["residualLikelihood"], march[outreach]["score"]) == (1, 1)
    assert ids(listed(daemon, "2026-03-31")) == [funding, outreach]   # closed ones only when asked for

    april = {r["id"]: r for r in listed(daemon, "2026-04-30")}
    accepted = april[funding]
    assert (accepted["status"], accepted["acceptedUntil"], accepted["decision"]) == ("accepted", "2026-06-30",
                                                                                     "M-3 item 4")
    assert accepted["acceptedScore"] == 12

    # The matrix as of January counts what stood in January, not what stands now.
    with daemon.client() as client, client.open(RISK) as risk:
        then = {(c["likelihood"], c["impact"]): c["count"] for c in risk.Matrix(asOf="2026-01-31")["cells"]}
        now = {(c["likelihood"], c["impact"]): c["count"] for c in risk.Matrix()["cells"]}
    assert then == {(3, 3): 1, (2, 2): 1}
    assert now == {(3, 4): 1, (1, 1): 1}


def test_history_survives_a_restart_and_the_audit_chain_holds(months):
    daemon, funding, outreach, ethics = months
    with daemon.client() as client, client.open(RISK) as risk:
        before = risk.History(id=funding)
    versions = before["versions"]
    assert [v["change"] for v in versions] == ["created", "updated", "accepted"]
    assert [v["at"] for v in versions] == ["2026-01-15T09:00:00Z", "2026-02-10T10:00:00Z", "2026-04-05T12:00:00Z"]
    assert versions[2]["note"] == "Board tolerates it for the funding round"
    assert versions[0]["risk"]["impact"] == 3 and versions[1]["risk"]["impact"] == 4
    assert all(v["actor"] == "root" for v in versions)
    assert before.get("versionsOmitted") is None
    daemon.restart()
    with daemon.client() as client, client.open(RISK) as risk:
        assert risk.History(id=funding) == before
        assert [v["change"] for v in risk.History(id=ethics)["versions"]] == ["created", "closed"]
        assert [v["change"] for v in risk.History(id=outreach)["versions"]] == ["created", "reviewed"]
        with pytest.raises(varlink.VarlinkError) as missing:
            risk.History(id=999)
        assert missing.value.error() == RISK + ".NoSuchRisk"
    assert daemon.call("org.riskd.audit.Verify")["ok"]


def test_an_acceptance_lapses_when_its_date_passes_and_comes_back_as_a_finding(months):
    daemon, funding, _, _ = months
    daemon.set_now("2026-07-02T06:30:00Z")
    run = daemon.call("org.riskd.review.Run")
    expired = [f for f in run["findings"] if f["rule"] == "risk-acceptance-expired"]
    assert [f["subject"] for f in expired] == ["risk:%d" % funding]
    with daemon.client() as client, client.open(RISK) as risk:
        now = risk.Get(id=funding)["risk"]
        history = risk.History(id=funding)["versions"]
    assert (now["status"], now["lapsedOn"]) == ("open", "2026-07-02")
    assert history[-1]["change"] == "lapsed" and history[-1]["actor"] == "riskd"
    log = daemon.call("org.riskd.audit.Log", subject="risk:%d" % funding)["entries"]
    assert (log[-1]["actor"], log[-1]["method"]) == ("riskd", "riskd")

    # It stays open on later runs, until the risk is reviewed.
    assert any(f["rule"] == "risk-acceptance-expired" for f in daemon.call("org.riskd.review.Run")["findings"])
    daemon.call(RISK + ".Review", id=funding, note="Back on the board's agenda")
    assert not any(f["rule"] == "risk-acceptance-expired" for f in daemon.call("org.riskd.review.Run")["findings"])
    # The register as of May still shows the acceptance as it was.
    assert listed(daemon, "2026-05-01")[0]["status"] == "accepted"
    assert daemon.call("org.riskd.audit.Verify")["ok"]


def test_an_acceptance_lapses_at_once_when_the_score_rises_above_the_accepted_one(months):
    daemon, funding, _, _ = months
    daemon.set_now("2026-04-20T09:00:00Z")
    with daemon.client() as client, client.open(RISK) as risk:
        same = risk.Update(id=funding, title="Funding overlap between the network and its members")["risk"]
        assert same["status"] == "accepted"
        raised = risk.Update(id=funding, likelihood=4)["risk"]
        history = risk.History(id=funding)["versions"]
    assert (raised["status"], raised["score"], raised["lapsedOn"]) == ("open", 16, "2026-04-20")
    assert [v["change"] for v in history][-3:] == ["updated", "updated", "lapsed"]
    assert history[-1]["actor"] == "riskd"


def test_imported_risks_start_their_history_as_imported(start_daemon):
    daemon = start_daemon(now="2026-05-01T08:00:00Z")
    new = [{"title": "Donor dependency", "category": "financial", "likelihood": 3, "impact": 4},
           {"title": "Data breach", "category": "compliance", "likelihood": 2, "impact": 5}]
    with daemon.client() as client, client.open(RISK) as risk:
        imported = risk.Import(risks=new)["ids"]
        changes = [[v["change"] for v in risk.History(id=i)["versions"]] for i in imported]
    assert changes == [["imported"], ["imported"]]


def test_appetites_mark_risks_above_them_and_the_review_raises_them(months):
    daemon, funding, outreach, _ = months
    daemon.set_now("2026-07-02T06:30:00Z")
    daemon.call("org.riskd.review.Run")   # the acceptance lapses: the funding risk is open at 12
    with daemon.client() as client, client.open(RISK) as risk:
        set_ = risk.SetAppetite(category="financial", maxScore=10)["appetite"]
        assert (set_["category"], set_["maxScore"], set_["setBy"]) == ("financial", 10, "root")
        risk.SetAppetite(category="safeguarding", maxScore=4)
        assert [a["category"] for a in risk.Appetites()["appetites"]] == ["financial", "safeguarding"]
        flags = {r["id"]: r["aboveAppetite"] for r in risk.List()["risks"]}
        assert flags == {funding: True, outreach: False}
        assert ids(risk.List(aboveAppetite=True)["risks"]) == [funding]
        assert ids(risk.List(aboveAppetite=False)["risks"]) == [outreach]
        assert risk.Get(id=funding)["risk"]["aboveAppetite"]
    run = daemon.call("org.riskd.review.Run")
    above = [f["subject"] for f in run["findings"] if f["rule"] == "risk-above-appetite"]
    assert above == ["risk:%d" % funding]
    # Removing it clears the flag, and the next run resolves the finding.
    with daemon.client() as client, client.open(RISK) as risk:
        assert risk.SetAppetite(category="financial", maxScore=None).get("appetite") is None
        assert [a["category"] for a in risk.Appetites()["appetites"]] == ["safeguarding"]
        assert not risk.Get(id=funding)["risk"]["aboveAppetite"]
    assert daemon.call("org.riskd.review.Run")["run"]["resolved"] >= 1
    subjects = [e["subject"] for e in daemon.call("org.riskd.audit.Log")["entries"]]
    assert subjects.count("appetite:financial") == 2 and subjects.count("appetite:safeguarding") == 1


def test_a_light_run_returns_its_counts_only(months):
    daemon, _, _, _ = months
    daemon.set_now("2026-07-02T06:30:00Z")
    light = daemon.call("org.riskd.review.Run", findings=False)
    assert light["findings"] == [] and light["run"]["open"] >= 1
    assert len(daemon.call("org.riskd.review.Run")["findings"]) == light["run"]["open"]


@pytest.mark.parametrize("method,parameters,field", [
    ("SetAppetite", {"category": "financial", "maxScore": 0}, "maxScore"),
    ("SetAppetite", {"category": "financial", "maxScore": 26}, "maxScore"),
    ("SetAppetite", {"category": "weather", "maxScore": 12}, "category"),
    ("List", {"asOf": "yesterday"}, "asOf"),
    ("List", {"asOf": "2026-02-30"}, "asOf"),
    ("Matrix", {"asOf": "2026-13-01T00:00:00Z"}, "asOf"),
    ("Accept", {"id": "$funding", "until": "2026-04-04", "note": "Too late"}, "until"),
    ("Accept", {"id": "$funding", "until": "2026-09-30", "note": "Fine", "decision": " "}, "decision"),
])
def test_bad_input_is_a_precise_invalid_value_and_stores_nothing(months, method, parameters, field):
    daemon, funding, _, _ = months
    parameters = {k: (funding if v == "$funding" else v) for k, v in parameters.items()}
    error = invalid(daemon, RISK + "." + method, **parameters)
    assert error["field"] == field and error["reason"]


GIFTS = """[interests]
gift_declare_above = 50
gift_refuse_above = 100
currency = "EUR"
"""


def test_a_gift_over_the_refuse_limit_is_flagged_and_one_without_a_value_refused(start_daemon, user_calls):
    daemon = start_daemon(extra_config=GIFTS)
    gift = {"kind": "gift", "organisation": "Western Balkan Fund", "description": "Conference dinner and hotel",
            "startedOn": "2026-01-10"}
    before = daemon.snapshot()
    refused, wrong, over, under = user_calls("rdt-board", daemon.socket, [
        ("org.riskd.interest", "Declare", gift),
        ("org.riskd.interest", "Declare", dict(gift, value="a nice dinner")),
        ("org.riskd.interest", "Declare", dict(gift, value="EUR 240")),
        ("org.riskd.interest", "Declare", dict(gift, value="35,50")),
    ])
    for result in (refused, wrong):
        assert result["error"] == "org.riskd.interest.InvalidValue"
        assert result["parameters"]["field"] == "value"
    assert "EUR" in refused["parameters"]["reason"]
    assert over["ok"] and under["ok"]
    assert daemon.snapshot()["entries"] == before["entries"] + 2
    flagged = [f for f in daemon.call("org.riskd.review.Run")["findings"] if f["rule"] == "interest-gift-over-limit"]
    assert [f["subject"] for f in flagged] == ["interest:%d" % over["parameters"]["interest"]["id"]]
    assert "240 EUR" in flagged[0]["message"] and "Western Balkan Fund" not in flagged[0]["message"]
    assert "Conference dinner" not in flagged[0]["message"]
