import RiskCore
import Testing

@Suite("Risk rules")
struct RiskRulesTests {
    let policy = RiskPolicy()

    func make(_ likelihood: Int = 4, _ impact: Int = 3, due: String? = nil) throws -> Risk {
        var risk = try RiskRules.create(
            RiskDraft(
                title: "Funding overlap",
                category: "financial",
                likelihood: likelihood,
                impact: impact,
                nextReviewDue: due
            ),
            caller: "marko",
            now: Fixture.now,
            today: Fixture.today,
            policy: policy
        )
        risk.id = 4
        return risk
    }

    @Test(
        "First review is one band interval after creation",
        arguments: [
            (5, 5, "2026-12-29"), (4, 3, "2027-02-27"), (2, 3, "2027-05-28"), (1, 2, "2027-11-29"),
        ]
    )
    func firstReview(likelihood: Int, impact: Int, due: String) throws {
        #expect(try make(likelihood, impact).nextReviewDue.description == due)
    }

    @Test func ownerDefaultsToCaller() throws {
        let risk = try make()
        #expect(risk.owner == "marko")
        #expect(risk.status == .open)
        #expect(risk.revision == 1)
    }

    @Test("A given review date may lie in the past and is kept") func pastDueDate() throws {
        let risk = try make(due: "2026-11-20")
        #expect(risk.nextReviewDue == Fixture.date("2026-11-20"))
        #expect(risk.isOverdue(today: Fixture.today))
        #expect(!risk.isOverdue(today: Fixture.date("2026-11-20")))
    }

    @Test(
        "Bad drafts are refused naming the field",
        arguments: [
            (RiskDraft(title: " ", category: "financial", likelihood: 1, impact: 1), "title"),
            (RiskDraft(title: "t", category: "weather", likelihood: 1, impact: 1), "category"),
            (RiskDraft(title: "t", category: "financial", likelihood: 0, impact: 1), "likelihood"),
            (RiskDraft(title: "t", category: "financial", likelihood: 1, impact: 6), "impact"),
            (
                RiskDraft(title: "t", category: "financial", likelihood: 1, impact: 1, residualLikelihood: 1),
                "residualImpact"
            ),
            (
                RiskDraft(title: "t", category: "financial", likelihood: 1, impact: 1, residualImpact: 9),
                "residualImpact"
            ),
            (
                RiskDraft(title: "t", category: "financial", likelihood: 1, impact: 1, nextReviewDue: "2026-13-01"),
                "nextReviewDue"
            ),
            (
                RiskDraft(title: String(repeating: "x", count: 201), category: "financial", likelihood: 1, impact: 1),
                "title"
            ),
            (RiskDraft(title: "a\u{0}b", category: "financial", likelihood: 1, impact: 1), "title"),
        ]
    )
    func refusedDrafts(draft: RiskDraft, field: String) {
        do {
            _ = try RiskRules.create(draft, caller: "marko", now: Fixture.now, today: Fixture.today, policy: policy)
            Issue.record("accepted a bad draft")
        } catch {
            #expect(error.kind == .invalidValue)
            #expect(error.field == field)
            #expect(!error.reason.isEmpty)
        }
    }

    @Test("A score change moves an automatic review date, not a fixed one") func updateMovesDue() throws {
        let risk = try make(2, 2)
        let later = Fixture.now.adding(seconds: 3600)
        let raised = try RiskRules.update(risk, with: RiskChanges(likelihood: 5, impact: 5), now: later, policy: policy)
        #expect(raised.nextReviewDue == Fixture.date("2026-12-29"))
        #expect(raised.revision == 2)
        #expect(raised.updatedAt == later)
        let fixed = try RiskRules.update(
            risk,
            with: RiskChanges(nextReviewDue: "2027-06-01"),
            now: later,
            policy: policy
        )
        let rescored = try RiskRules.update(
            fixed,
            with: RiskChanges(likelihood: 5, impact: 5),
            now: later,
            policy: policy
        )
        #expect(rescored.nextReviewDue == Fixture.date("2027-06-01"))
    }

    @Test("A review moves the next one by the band of the new rating") func review() throws {
        let risk = try make(4, 3, due: "2026-11-20")
        let reviewed = try RiskRules.review(
            risk,
            note: "Checked with the treasurer",
            ratings: RiskChanges(residualLikelihood: 2, residualImpact: 2),
            now: Fixture.now,
            today: Fixture.today,
            policy: policy
        )
        #expect(reviewed.score == 4)
        #expect(reviewed.nextReviewDue == Fixture.date("2027-11-29"))
        #expect(reviewed.lastReviewedAt == Fixture.now)
        #expect(!reviewed.isOverdue(today: Fixture.today))
        #expect(throws: DomainError.self) {
            try RiskRules.review(
                risk,
                note: "",
                ratings: RiskChanges(),
                now: Fixture.now,
                today: Fixture.today,
                policy: policy
            )
        }
    }

    @Test(
        "Acceptance needs a future date",
        arguments: [
            ("2026-11-29", false), ("2026-11-28", false), ("2026-11-30", true), ("2027-13-01", false),
        ]
    )
    func accept(until: String, allowed: Bool) throws {
        let risk = try make()
        let result = try? RiskRules.accept(
            risk,
            until: until,
            note: "Board decision 12",
            now: Fixture.now,
            today: Fixture.today
        )
        #expect((result != nil) == allowed)
        if let result {
            #expect(result.status == .accepted)
            #expect(result.acceptedUntil == Fixture.date(until))
        }
    }

    @Test("Close, then reopen") func closeReopen() throws {
        let risk = try make()
        let closed = try RiskRules.close(risk, reason: .mitigated, note: nil, now: Fixture.now)
        #expect(closed.status == .closed)
        #expect(closed.closeReason == .mitigated)
        #expect(throws: DomainError.self) { try RiskRules.close(closed, reason: .retired, note: nil, now: Fixture.now) }
        #expect(throws: DomainError.self) {
            try RiskRules.accept(closed, until: "2027-01-01", note: "n", now: Fixture.now, today: Fixture.today)
        }
        #expect(throws: DomainError.self) { try RiskRules.statusAfterAddingAction(closed) }
        let reopened = try RiskRules.reopen(
            closed,
            note: "It came back",
            now: Fixture.now,
            today: Fixture.today,
            policy: policy
        )
        #expect(reopened.status == .open)
        #expect(reopened.closeReason == nil)
        #expect(throws: DomainError.self) {
            try RiskRules.reopen(reopened, note: "again", now: Fixture.now, today: Fixture.today, policy: policy)
        }
    }

    @Test("Reopening an accepted risk withdraws the acceptance") func reopenAccepted() throws {
        let accepted = try RiskRules.accept(
            try make(),
            until: "2027-06-30",
            note: "Board decision",
            now: Fixture.now,
            today: Fixture.today
        )
        let reopened = try RiskRules.reopen(
            accepted,
            note: "Conditions changed",
            now: Fixture.now,
            today: Fixture.today,
            policy: policy
        )
        #expect(reopened.status == .open)
        #expect(reopened.acceptedUntil == nil)
        #expect(reopened.revision == accepted.revision + 1)
    }

    @Test(
        "Adding an action to an open risk makes it mitigating",
        arguments: [
            (RiskStatus.open, RiskStatus.mitigating), (.mitigating, .mitigating), (.accepted, .accepted),
        ]
    )
    func actionStatus(from: RiskStatus, to: RiskStatus) throws {
        var risk = try make()
        risk.status = from
        #expect(try RiskRules.statusAfterAddingAction(risk) == to)
    }

    @Test func actionLifecycle() throws {
        let action = try ActionRules.create(
            riskId: 4,
            description: "Write the policy",
            owner: "marko",
            dueOn: "2026-12-15"
        )
        #expect(action.status == .open)
        #expect(action.isOverdue(today: Fixture.date("2026-12-16")))
        #expect(!action.isOverdue(today: Fixture.date("2026-12-15")))
        let done = try ActionRules.update(action, status: .done, dueOn: nil, owner: nil, note: nil, now: Fixture.now)
        #expect(done.completedAt == Fixture.now)
        #expect(done.revision == 2)
        #expect(!done.isOverdue(today: Fixture.date("2027-01-01")))
        #expect(throws: DomainError.self) {
            try ActionRules.create(riskId: 4, description: "x", owner: "marko", dueOn: "soon")
        }
    }
}
