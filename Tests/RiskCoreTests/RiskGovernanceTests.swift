import RiskCore
import Testing

/// History, appetite and acceptances that lapse: the pure rules, with a clock moved by hand.
@Suite("Risk governance over time")
struct RiskGovernanceTests {
    static func instant(_ text: String) -> Instant {
        Instant(rfc3339: text) ?? Instant(secondsSinceEpoch: 0)
    }

    static func risk(
        _ id: Int = 4,
        likelihood: Int = 3,
        impact: Int = 3,
        status: RiskStatus = .open,
        category: String = "financial"
    ) -> Risk {
        Risk(
            id: id,
            revision: 1,
            title: "Funding overlap",
            description: "",
            category: category,
            area: nil,
            owner: "marko",
            likelihood: likelihood,
            impact: impact,
            residualLikelihood: nil,
            residualImpact: nil,
            status: status,
            acceptedUntil: nil,
            closeReason: nil,
            nextReviewDue: Fixture.date("2027-06-01"),
            reviewDueFixed: false,
            lastReviewedAt: nil,
            createdAt: Fixture.now,
            updatedAt: Fixture.now
        )
    }

    // MARK: The register as of a date

    static let history: [RiskVersion] = {
        var first = risk(1, likelihood: 2, impact: 2)
        var second = risk(2, likelihood: 4, impact: 4)
        let created1 = RiskVersion(risk: first, at: instant("2026-01-10T09:00:00Z"), actor: "marko", change: .created)
        let created2 = RiskVersion(
            risk: second,
            at: instant("2026-03-01T09:00:00Z"),
            actor: "marko",
            change: .imported
        )
        first.likelihood = 5
        first.revision = 2
        let raised = RiskVersion(risk: first, at: instant("2026-06-30T12:00:00Z"), actor: "ana", change: .reviewed)
        second.status = .closed
        second.revision = 2
        let closed = RiskVersion(risk: second, at: instant("2026-09-30T23:59:59Z"), actor: "marko", change: .closed)
        return [closed, raised, created2, created1]
    }()

    @Test(
        "Each risk as its last version at or before the time; later risks absent",
        arguments: [
            ("2025-12-31T00:00:00Z", [Int](), [Int]()),
            ("2026-01-10T09:00:00Z", [1], [4]),
            ("2026-03-01T08:59:59Z", [1], [4]),
            ("2026-03-01T09:00:00Z", [1, 2], [4, 16]),
            ("2026-06-30T12:00:00Z", [1, 2], [10, 16]),
            ("2026-09-30T23:59:59Z", [1, 2], [10, 16]),
            ("2027-01-01T00:00:00Z", [1, 2], [10, 16]),
        ]
    )
    func asOf(time: String, ids: [Int], scores: [Int]) {
        let register = RiskVersion.asOf(Self.instant(time), Self.history)
        #expect(register.map(\.id) == ids)
        #expect(register.map(\.score) == scores)
    }

    @Test("The status as of a date is the status then") func statusThen() {
        let before = RiskVersion.asOf(Self.instant("2026-09-30T23:59:58Z"), Self.history)
        let after = RiskVersion.asOf(Self.instant("2026-09-30T23:59:59Z"), Self.history)
        #expect(before.map(\.status) == [.open, .open])
        #expect(after.map(\.status) == [.open, .closed])
    }

    // MARK: Appetite

    @Test(
        "Above appetite: strictly above the category's score, never without one",
        arguments: [
            (3, 4, "financial", 12, false),
            (4, 4, "financial", 12, true),
            (4, 4, "financial", 16, false),
            (5, 5, "governance", 12, false),
            (1, 1, "financial", 1, false),
        ]
    )
    func above(likelihood: Int, impact: Int, category: String, appetite: Int, expected: Bool) {
        let risk = Self.risk(likelihood: likelihood, impact: impact, category: category)
        #expect(AppetiteRules.isAbove(risk, appetites: ["financial": appetite]) == expected)
    }

    @Test(
        "Setting an appetite: a known category and a score of 1 to 25",
        arguments: [
            ("financial", 12 as Int?, nil as String?),
            ("financial", nil, nil),
            ("financial", 0, "maxScore"),
            ("financial", 26, "maxScore"),
            ("finance", 12, "category"),
        ]
    )
    func validate(category: String, maxScore: Int?, refusedField: String?) {
        do {
            try AppetiteRules.validate(category: category, maxScore: maxScore, categories: ["financial", "governance"])
            #expect(refusedField == nil)
        } catch {
            #expect(error.field == refusedField)
        }
    }

    @Test(
        "risk-above-appetite for open and mitigating risks only",
        arguments: [
            (RiskStatus.open, true), (.mitigating, true), (.accepted, false), (.closed, false),
        ]
    )
    func aboveRule(status: RiskStatus, raised: Bool) {
        let snapshot = ReviewSnapshot(
            risks: [Self.risk(likelihood: 4, impact: 4, status: status)],
            appetites: ["financial": 12]
        )
        let found = ReviewRules.evaluate(snapshot, policy: ReviewPolicy(), today: Fixture.date("2026-12-01"))
        #expect(found.contains { $0.rule == .riskAboveAppetite && $0.subject == "risk:4" } == raised)
    }

    // MARK: Acceptances that lapse

    func accepted(until: String, likelihood: Int = 3) throws -> Risk {
        try RiskRules.accept(
            Self.risk(likelihood: likelihood),
            until: until,
            note: "Board decision",
            decision: "M-3 item 4",
            by: "ana",
            now: Fixture.now,
            today: Fixture.today
        )
    }

    @Test("Accepting keeps the score, who and where") func acceptRecords() throws {
        let risk = try accepted(until: "2027-06-30")
        #expect(risk.acceptedScore == 9 && risk.acceptedBy == "ana" && risk.decision == "M-3 item 4")
        #expect(risk.status == .accepted && risk.lapsedOn == nil)
    }

    @Test(
        "Lapse: by date at the review run, or at once by a rising score",
        arguments: [
            ("2027-06-30", 3, "2027-06-30", nil as String?),
            ("2027-06-30", 3, "2027-07-01", "the acceptance ran until 2027-06-30"),
            ("2027-06-30", 4, "2026-12-01", "the score rose from 9, when accepted, to 12"),
            ("2027-06-30", 2, "2026-12-01", nil),
        ]
    )
    func lapse(until: String, likelihoodLater: Int, day: String, reason: String?) throws {
        var risk = try accepted(until: until)
        risk.likelihood = likelihoodLater
        #expect(AcceptanceRules.lapse(of: risk, today: Fixture.date(day))?.description == reason)
    }

    @Test("A lapsed risk is open, and its finding stays until someone deals with it") func lapsedFinding() throws {
        let risk = try accepted(until: "2027-06-30")
        let lapsed = AcceptanceRules.lapsed(risk, today: Fixture.date("2027-07-01"), now: Fixture.now)
        #expect(lapsed.status == .open && lapsed.lapsedOn == Fixture.date("2027-07-01"))
        #expect(lapsed.revision == risk.revision + 1)
        let policy = ReviewPolicy()
        let raised = ReviewRules.evaluate(
            ReviewSnapshot(risks: [lapsed]),
            policy: policy,
            today: Fixture.date("2027-07-02")
        )
        #expect(raised.contains { $0.rule == .riskAcceptanceExpired })
        let reviewed = try RiskRules.review(
            lapsed,
            note: "Looked again",
            ratings: RiskChanges(),
            now: Fixture.now,
            today: Fixture.date("2027-07-02"),
            policy: RiskPolicy()
        )
        let after = ReviewRules.evaluate(
            ReviewSnapshot(risks: [reviewed]),
            policy: policy,
            today: Fixture.date("2027-07-02")
        )
        #expect(!after.contains { $0.rule == .riskAcceptanceExpired })
    }
}
