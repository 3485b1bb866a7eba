import RiskCore
import Testing

@Suite("Review rules")
struct ReviewRulesTests {
    let policy = ReviewPolicy()

    func risk(
        _ id: Int = 4,
        likelihood: Int = 4,
        impact: Int = 3,
        status: RiskStatus = .open,
        due: String = "2026-11-20",
        acceptedUntil: String? = nil
    ) -> Risk {
        Risk(
            id: id,
            revision: 1,
            title: "Funding overlap",
            description: "",
            category: "financial",
            area: nil,
            owner: "marko",
            likelihood: likelihood,
            impact: impact,
            residualLikelihood: nil,
            residualImpact: nil,
            status: status,
            acceptedUntil: acceptedUntil.map(Fixture.date),
            closeReason: nil,
            nextReviewDue: Fixture.date(due),
            reviewDueFixed: false,
            lastReviewedAt: nil,
            createdAt: Fixture.now,
            updatedAt: Fixture.now
        )
    }

    func rules(_ snapshot: ReviewSnapshot, on day: String) -> [String] {
        ReviewRules.evaluate(snapshot, policy: policy, today: Fixture.date(day)).map {
            "\($0.rule.rawValue) \($0.subject)"
        }
    }

    @Test(
        "risk-review-overdue: the day before, the day, the day after",
        arguments: [
            ("2026-11-19", false), ("2026-11-20", false), ("2026-11-21", true),
        ]
    )
    func reviewOverdue(day: String, raised: Bool) {
        let snapshot = ReviewSnapshot(risks: [risk(likelihood: 1, impact: 2)])
        #expect(rules(snapshot, on: day).contains("risk-review-overdue risk:4") == raised)
    }

    @Test("The message says what and by when") func message() throws {
        let found = ReviewRules.evaluate(
            ReviewSnapshot(risks: [risk()]),
            policy: policy,
            today: Fixture.date("2026-11-29")
        )
        let overdue = try #require(found.first { $0.rule == .riskReviewOverdue })
        #expect(
            overdue.message
                == "Risk R-4 \"Funding overlap\" is overdue for review (due 2026-11-20, severity high)"
        )
        #expect(overdue.severity == .warning)
    }

    @Test(
        "risk-untreated by band, status and actions",
        arguments: [
            (4, 3, RiskStatus.open, false, true),  // high, no action
            (5, 4, .open, false, true),  // critical
            (3, 3, .open, false, false),  // medium
            (4, 3, .mitigating, true, false),  // an open action treats it
            (4, 3, .mitigating, false, true),  // its actions are all done
            (4, 3, .accepted, false, false),  // accepted
            (4, 3, .closed, false, false),
        ]
    )
    func untreated(likelihood: Int, impact: Int, status: RiskStatus, hasAction: Bool, raised: Bool) throws {
        var actions: [Action] = []
        if hasAction {
            actions.append(
                Action(
                    id: 1,
                    revision: 1,
                    riskId: 4,
                    description: "d",
                    owner: "marko",
                    dueOn: Fixture.date("2027-01-01"),
                    status: .open,
                    completedAt: nil
                )
            )
        }
        let snapshot = ReviewSnapshot(
            risks: [
                risk(
                    likelihood: likelihood,
                    impact: impact,
                    status: status,
                    due: "2027-12-31",
                    acceptedUntil: "2027-06-30"
                )
            ],
            openActions: actions
        )
        #expect(rules(snapshot, on: "2026-11-29").contains("risk-untreated risk:4") == raised)
    }

    @Test("A critical risk gives critical findings") func criticalSeverity() {
        let found = ReviewRules.evaluate(
            ReviewSnapshot(risks: [risk(likelihood: 5, impact: 5)]),
            policy: policy,
            today: Fixture.date("2026-11-29")
        )
        #expect(found.map(\.severity) == [.critical, .critical])
    }

    @Test(
        "risk-acceptance-expired",
        arguments: [
            ("2026-11-28", true), ("2026-11-29", false), ("2026-11-30", false),
        ]
    )
    func acceptanceExpired(until: String, raised: Bool) {
        let snapshot = ReviewSnapshot(risks: [risk(status: .accepted, due: "2027-12-31", acceptedUntil: until)])
        #expect(rules(snapshot, on: "2026-11-29").contains("risk-acceptance-expired risk:4") == raised)
    }

    @Test("action-overdue", arguments: [("2026-11-28", true), ("2026-11-29", false)])
    func actionOverdue(dueOn: String, raised: Bool) {
        let action = Action(
            id: 9,
            revision: 1,
            riskId: 4,
            description: "Draft the policy",
            owner: "marko",
            dueOn: Fixture.date(dueOn),
            status: .open,
            completedAt: nil
        )
        #expect(
            rules(ReviewSnapshot(openActions: [action]), on: "2026-11-29").contains("action-overdue action:9")
                == raised
        )
    }

    @Test(
        "interest-confirmation-overdue: yearly, and 28 days after a new member first appears",
        arguments: [
            ("2026-11-28", nil, false),  // joined yesterday
            ("2026-11-01", nil, false),  // due 2026-11-29: the day itself
            ("2026-10-31", nil, true),  // due 2026-11-28
            ("2020-01-01", "2025-11-29", false),  // confirmed a year ago today
            ("2020-01-01", "2025-11-28", true),  // a year and a day
        ] as [(String, String?, Bool)]
    )
    func confirmation(firstSeen: String, lastConfirmed: String?, raised: Bool) {
        let member = MemberFacts(
            user: "ivan",
            onBoard: true,
            firstSeenOn: Fixture.date(firstSeen),
            lastConfirmedOn: lastConfirmed.map(Fixture.date),
            acknowledgedVersions: []
        )
        #expect(
            rules(ReviewSnapshot(members: [member]), on: "2026-11-29")
                .contains("interest-confirmation-overdue member:ivan") == raised
        )
    }

    @Test("A nil return is a confirmation; a past member is not asked") func confirmationKinds() {
        let confirmed = MemberFacts(
            user: "ana",
            onBoard: true,
            firstSeenOn: Fixture.date("2020-01-01"),
            lastConfirmedOn: Fixture.date("2026-06-01"),
            acknowledgedVersions: []
        )
        let former = MemberFacts(
            user: "old",
            onBoard: false,
            firstSeenOn: Fixture.date("2020-01-01"),
            lastConfirmedOn: nil,
            acknowledgedVersions: []
        )
        #expect(rules(ReviewSnapshot(members: [confirmed, former]), on: "2026-11-29").isEmpty)
    }

    @Test(
        "interest-unmanaged after 30 days without a plan",
        arguments: [
            ("2026-10-30", false, false), ("2026-10-29", false, true), ("2026-01-01", true, false),
        ]
    )
    func unmanaged(declared: String, managed: Bool, raised: Bool) {
        let interest = InterestFacts(id: 7, declarant: "ana", declaredOn: Fixture.date(declared), managed: managed)
        let found = ReviewRules.evaluate(
            ReviewSnapshot(interests: [interest]),
            policy: policy,
            today: Fixture.date("2026-11-29")
        )
        #expect(found.contains { $0.rule == .interestUnmanaged && $0.subject == "interest:7" } == raised)
    }

    @Test(
        "ethics-unacknowledged within 30 days of publication or of joining",
        arguments: [
            ("2026-10-30", "2020-01-01", [], false),  // published 30 days ago: due today
            ("2026-10-29", "2020-01-01", [], true),
            ("2026-10-29", "2020-01-01", [3], false),  // acknowledged the current version
            ("2026-10-29", "2020-01-01", [2], true),  // only an older one
            ("2026-01-01", "2026-11-28", [], false),  // joined yesterday
        ] as [(String, String, Set<Int>, Bool)]
    )
    func ethics(published: String, firstSeen: String, acknowledged: Set<Int>, raised: Bool) {
        let member = MemberFacts(
            user: "ana",
            onBoard: true,
            firstSeenOn: Fixture.date(firstSeen),
            lastConfirmedOn: Fixture.date("2026-11-01"),
            acknowledgedVersions: acknowledged
        )
        let snapshot = ReviewSnapshot(
            members: [member],
            code: CodeFacts(
                version: 3,
                publishedOn: Fixture.date(published)
            )
        )
        #expect(rules(snapshot, on: "2026-11-29").contains("ethics-unacknowledged member:ana") == raised)
    }
}
