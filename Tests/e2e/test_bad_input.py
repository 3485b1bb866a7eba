"""Bad parameters to the risk writes: the precise error and field, nothing stored, nothing audited.

InvalidParameter (parameter): missing, wrong JSON type, not a member of an enum; nested by path.
InvalidValue (field, reason): well-formed but breaking a domain rule. Sent over raw sockets so that every
shape reaches the daemon unchanged.
"""

from datetime import date, timedelta

import pytest

from riskd_e2e import DaemonFactory

PAST = (date.today() - timedelta(days=1)).isoformat()
FUTURE = (date.today() + timedelta(days=90)).isoformat()

INVALID_PARAMETER = "org.varlink.service.InvalidParameter"
INVALID_VALUE = "org.riskd.risk.InvalidValue"
NO_SUCH_RISK = "org.riskd.risk.NoSuchRisk"
NO_SUCH_ACTION = "org.riskd.risk.NoSuchAction"

GOOD = {"title": "A good risk", "category": "governance", "likelihood": 3, "impact": 3}


def add(**changes):
    parameters = dict(GOOD)
    for key, value in changes.items():
        if value is DROP:
            parameters.pop(key, None)
        else:
            parameters[key] = value
    return parameters


DROP = object()

# (id, method, parameters, error, field or parameter or id). "$risk", "$action": the seeded records.
CASES = [
    # Add: ratings
    ("add-likelihood-0", "Add", add(likelihood=0), INVALID_VALUE, "likelihood"),
    ("add-likelihood-6", "Add", add(likelihood=6), INVALID_VALUE, "likelihood"),
    ("add-likelihood-negative", "Add", add(likelihood=-1), INVALID_VALUE, "likelihood"),
    ("add-likelihood-x", "Add", add(likelihood="x"), INVALID_PARAMETER, "likelihood"),
    ("add-likelihood-null", "Add", add(likelihood=None), INVALID_PARAMETER, "likelihood"),
    ("add-likelihood-missing", "Add", add(likelihood=DROP), INVALID_PARAMETER, "likelihood"),
    ("add-likelihood-bool", "Add", add(likelihood=True), INVALID_PARAMETER, "likelihood"),
    ("add-likelihood-fraction", "Add", add(likelihood=2.5), INVALID_PARAMETER, "likelihood"),
    ("add-impact-0", "Add", add(impact=0), INVALID_VALUE, "impact"),
    ("add-impact-6", "Add", add(impact=6), INVALID_VALUE, "impact"),
    ("add-impact-string", "Add", add(impact="5"), INVALID_PARAMETER, "impact"),
    ("add-residual-likelihood-alone", "Add", add(residualLikelihood=2), INVALID_VALUE, "residualImpact"),
    ("add-residual-impact-alone", "Add", add(residualImpact=2), INVALID_VALUE, "residualLikelihood"),
    ("add-residual-likelihood-6", "Add", add(residualLikelihood=6, residualImpact=2), INVALID_VALUE,
     "residualLikelihood"),
    ("add-residual-impact-0", "Add", add(residualLikelihood=2, residualImpact=0), INVALID_VALUE, "residualImpact"),
    # Add: text, category, date
    ("add-category-unknown", "Add", add(category="weather"), INVALID_VALUE, "category"),
    ("add-category-missing", "Add", add(category=DROP), INVALID_PARAMETER, "category"),
    ("add-category-number", "Add", add(category=3), INVALID_PARAMETER, "category"),
    ("add-title-empty", "Add", add(title=""), INVALID_VALUE, "title"),
    ("add-title-missing", "Add", add(title=DROP), INVALID_PARAMETER, "title"),
    ("add-title-null", "Add", add(title=None), INVALID_PARAMETER, "title"),
    ("add-description-number", "Add", add(description=42), INVALID_PARAMETER, "description"),
    ("add-owner-empty", "Add", add(owner=""), INVALID_VALUE, "owner"),
    ("add-date-month-13", "Add", add(nextReviewDue="2026-13-01"), INVALID_VALUE, "nextReviewDue"),
    ("add-date-feb-30", "Add", add(nextReviewDue="2027-02-30"), INVALID_VALUE, "nextReviewDue"),
    ("add-date-not-a-date", "Add", add(nextReviewDue="soon"), INVALID_VALUE, "nextReviewDue"),
    ("add-date-with-time", "Add", add(nextReviewDue="2027-01-15T00:00:00Z"), INVALID_VALUE, "nextReviewDue"),
    ("add-date-number", "Add", add(nextReviewDue=20270115), INVALID_PARAMETER, "nextReviewDue"),
    # Update
    ("update-likelihood-0", "Update", {"id": "$risk", "likelihood": 0}, INVALID_VALUE, "likelihood"),
    ("update-impact-9", "Update", {"id": "$risk", "impact": 9}, INVALID_VALUE, "impact"),
    ("update-likelihood-x", "Update", {"id": "$risk", "likelihood": "x"}, INVALID_PARAMETER, "likelihood"),
    ("update-category-unknown", "Update", {"id": "$risk", "category": "weather"}, INVALID_VALUE, "category"),
    ("update-title-empty", "Update", {"id": "$risk", "title": ""}, INVALID_VALUE, "title"),
    ("update-date-bad", "Update", {"id": "$risk", "nextReviewDue": "2026-13-01"}, INVALID_VALUE, "nextReviewDue"),
    ("update-residual-likelihood-alone", "Update", {"id": "$risk", "residualLikelihood": 2}, INVALID_VALUE,
     "residualImpact"),
    ("update-id-missing", "Update", {"title": "x"}, INVALID_PARAMETER, "id"),
    ("update-id-string", "Update", {"id": "R-1", "title": "x"}, INVALID_PARAMETER, "id"),
    ("update-ifrevision-string", "Update", {"id": "$risk", "ifRevision": "1", "title": "x"}, INVALID_PARAMETER,
     "ifRevision"),
    ("update-unknown-risk", "Update", {"id": 999999, "title": "x"}, NO_SUCH_RISK, 999999),
    # Import: one bad row among good ones
    ("import-row-likelihood-9", "Import", {"risks": [GOOD, GOOD, add(likelihood=9)]}, INVALID_VALUE,
     "risks[2].likelihood"),
    ("import-row-category", "Import", {"risks": [add(category="weather"), GOOD]}, INVALID_VALUE,
     "risks[0].category"),
    ("import-row-title-empty", "Import", {"risks": [GOOD, add(title=""), GOOD]}, INVALID_VALUE, "risks[1].title"),
    ("import-row-date", "Import", {"risks": [GOOD, GOOD, GOOD, add(nextReviewDue="2026-13-01")]}, INVALID_VALUE,
     "risks[3].nextReviewDue"),
    ("import-row-residual", "Import", {"risks": [GOOD, add(residualLikelihood=1)]}, INVALID_VALUE,
     "risks[1].residualImpact"),
    ("import-row-type", "Import", {"risks": [GOOD, add(impact="high"), GOOD]}, INVALID_PARAMETER, "risks[1].impact"),
    ("import-row-fraction", "Import", {"risks": [GOOD, add(likelihood=2.5)]}, INVALID_PARAMETER,
     "risks[1].likelihood"),
    ("import-row-missing", "Import", {"risks": [GOOD, add(category=DROP)]}, INVALID_PARAMETER, "risks[1].category"),
    ("import-row-not-object", "Import", {"risks": [GOOD, "a risk"]}, INVALID_PARAMETER, "risks[1]"),
    ("import-missing", "Import", {}, INVALID_PARAMETER, "risks"),
    # AddAction
    ("action-due-bad", "AddAction", {"riskId": "$risk", "description": "d", "owner": "root", "dueOn": "2026-13-01"},
     INVALID_VALUE, "dueOn"),
    ("action-description-empty", "AddAction", {"riskId": "$risk", "description": "", "owner": "root",
                                               "dueOn": FUTURE}, INVALID_VALUE, "description"),
    ("action-owner-empty", "AddAction", {"riskId": "$risk", "description": "d", "owner": "", "dueOn": FUTURE},
     INVALID_VALUE, "owner"),
    ("action-owner-missing", "AddAction", {"riskId": "$risk", "description": "d", "dueOn": FUTURE},
     INVALID_PARAMETER, "owner"),
    ("action-riskid-string", "AddAction", {"riskId": "1", "description": "d", "owner": "root", "dueOn": FUTURE},
     INVALID_PARAMETER, "riskId"),
    ("action-unknown-risk", "AddAction", {"riskId": 999999, "description": "d", "owner": "root", "dueOn": FUTURE},
     NO_SUCH_RISK, 999999),
    ("updateaction-bad-status", "UpdateAction", {"id": "$action", "status": "finished"}, INVALID_PARAMETER, "status"),
    ("updateaction-bad-date", "UpdateAction", {"id": "$action", "dueOn": "2026-02-30"}, INVALID_VALUE, "dueOn"),
    ("updateaction-unknown", "UpdateAction", {"id": 999999, "status": "done"}, NO_SUCH_ACTION, 999999),
    # Accept
    ("accept-until-past", "Accept", {"id": "$risk", "until": PAST, "note": "n"}, INVALID_VALUE, "until"),
    ("accept-until-bad", "Accept", {"id": "$risk", "until": "2026-13-01", "note": "n"}, INVALID_VALUE, "until"),
    ("accept-note-missing", "Accept", {"id": "$risk", "until": FUTURE}, INVALID_PARAMETER, "note"),
    ("accept-unknown", "Accept", {"id": 999999, "until": FUTURE, "note": "n"}, NO_SUCH_RISK, 999999),
    # Review, Close, Reopen
    ("review-likelihood-6", "Review", {"id": "$risk", "note": "n", "likelihood": 6}, INVALID_VALUE, "likelihood"),
    ("review-note-missing", "Review", {"id": "$risk"}, INVALID_PARAMETER, "note"),
    ("close-reason-bogus", "Close", {"id": "$risk", "reason": "bogus"}, INVALID_PARAMETER, "reason"),
    ("close-reason-missing", "Close", {"id": "$risk"}, INVALID_PARAMETER, "reason"),
]


@pytest.fixture(scope="module")
def seeded(users):
    factory = DaemonFactory()
    daemon = factory()
    daemon.risk = daemon.call("org.riskd.risk.Add", title="Seed", category="strategic", likelihood=2,
                              impact=2)["risk"]
    daemon.action = daemon.call("org.riskd.risk.AddAction", riskId=daemon.risk["id"], description="Step",
                                owner="root", dueOn=FUTURE)["action"]
    yield daemon
    factory.finish()


def resolve(parameters, daemon):
    ids = {"$risk": daemon.risk["id"], "$action": daemon.action["id"]}
    return {k: ids.get(v, v) if isinstance(v, str) else v for k, v in parameters.items()}


def state(daemon):
    full = daemon.call("org.riskd.risk.Get", id=daemon.risk["id"])
    return daemon.snapshot(), full


@pytest.mark.parametrize("case", CASES, ids=[case[0] for case in CASES])
def test_bad_input_is_refused_precisely(seeded, case):
    _, method, parameters, error, detail = case
    before = state(seeded)
    reply = seeded.call_raw("org.riskd.risk." + method, resolve(parameters, seeded))
    assert reply.get("error") == error, reply
    got = reply.get("parameters")
    if error == INVALID_PARAMETER:
        assert got == {"parameter": detail}, reply
    elif error == INVALID_VALUE:
        assert isinstance(got, dict) and set(got) == {"field", "reason"}, reply
        assert got["field"] == detail, reply
        assert isinstance(got["reason"], str) and len(got["reason"].strip()) > 3, reply
    else:
        assert got == {"id": detail}, reply
    assert state(seeded) == before, "a refused %s changed the register or the audit trail" % method
    assert seeded.call("org.riskd.daemon.Whoami")["user"] == "root"


def test_import_is_all_or_nothing(seeded):
    before = seeded.snapshot()
    rows = [dict(GOOD, title="row %d" % n) for n in range(20)]
    rows[13]["likelihood"] = 0
    reply = seeded.call_raw("org.riskd.risk.Import", {"risks": rows})
    assert reply.get("error") == INVALID_VALUE and reply["parameters"]["field"] == "risks[13].likelihood", reply
    assert seeded.snapshot() == before
    titles = {r["title"] for r in seeded.call("org.riskd.risk.List", limit=1000)["risks"]}
    assert not titles & {"row %d" % n for n in range(20)}
    # The same rows, fixed, all go in.
    rows[13]["likelihood"] = 1
    ids = seeded.call("org.riskd.risk.Import", risks=rows)["ids"]
    assert len(ids) == 20
    assert seeded.risk_count() == before["risks"] + 20
    assert seeded.audit_entries() > before["entries"]
    assert seeded.call("org.riskd.audit.Verify")["ok"] is True


def test_daemon_survives_a_burst_of_bad_calls(seeded):
    before = seeded.snapshot()
    with seeded.connect() as connection:
        for _, method, parameters, error, _ in CASES:
            connection.send("org.riskd.risk." + method, resolve(parameters, seeded))
        replies = [connection.recv_message() for _ in CASES]
    assert [r.get("error") for r in replies] == [case[3] for case in CASES]
    assert seeded.snapshot() == before
    assert seeded.call("org.riskd.audit.Verify")["ok"] is True
