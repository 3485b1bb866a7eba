import RiskCore
import Testing

@Suite("Finding lifecycle")
struct FindingLifecycleTests {
    let observation = Observation(rule: .riskReviewOverdue, subject: "risk:4", severity: .warning, message: "m")
    let day: Int64 = 86_400

    func open(
        alerted: Instant?,
        acknowledged: Bool = false,
        severity: FindingSeverity = .warning,
        message: String = "m"
    ) -> OpenFinding {
        OpenFinding(
            id: 1,
            key: observation.key,
            severity: severity,
            message: message,
            lastAlertedAt: alerted,
            acknowledged: acknowledged
        )
    }

    @Test("Many findings: one change for an observation seen twice, resolutions by id, new ones raised once")
    func many() {
        func finding(_ id: Int, _ subject: String) -> OpenFinding {
            OpenFinding(
                id: id,
                key: FindingKey(rule: .riskReviewOverdue, subject: subject),
                severity: .warning,
                message: "m",
                lastAlertedAt: nil,
                acknowledged: false
            )
        }
        func seen(_ subject: String, _ message: String = "m") -> Observation {
            Observation(rule: .riskReviewOverdue, subject: subject, severity: .warning, message: message)
        }
        let open = [finding(9, "risk:9"), finding(3, "risk:3"), finding(5, "risk:5"), finding(7, "risk:7")]
        let changes = FindingLifecycle.reconcile(
            open: open,
            observations: [
                seen("risk:5", "new"), seen("risk:5", "newer"), seen("risk:1"), seen("risk:1"), seen("risk:7"),
            ],
            now: Fixture.now,
            remindEveryDays: 7
        )
        // risk:7 is unchanged and was alerted never: a reminder is due (lastAlertedAt nil).
        #expect(
            changes == [
                .persist(id: 5, seen("risk:5", "new"), remind: true), .raise(seen("risk:1")),
                .persist(id: 7, seen("risk:7"), remind: true), .resolve(id: 3), .resolve(id: 9),
            ]
        )
    }

    @Test func raisedOnce() {
        #expect(
            FindingLifecycle.reconcile(
                open: [],
                observations: [observation, observation],
                now: Fixture.now,
                remindEveryDays: 7
            ) == [.raise(observation)]
        )
    }

    @Test(
        "Reminders every 7 days while open and unacknowledged",
        arguments: [
            (Int64(1), false, false), (6, false, false), (7, false, true), (8, false, true), (30, true, false),
        ]
    )
    func reminders(daysSinceAlert: Int64, acknowledged: Bool, remind: Bool) {
        let finding = open(alerted: Fixture.now.adding(seconds: -daysSinceAlert * day), acknowledged: acknowledged)
        // Unchanged and not due: no change at all (the store marks it seen with every other open finding).
        let expected: [FindingLifecycle.Change] = remind ? [.persist(id: 1, observation, remind: true)] : []
        #expect(
            FindingLifecycle.reconcile(
                open: [finding],
                observations: [observation],
                now: Fixture.now,
                remindEveryDays: 7
            ) == expected
        )
    }

    @Test(
        "A still-open finding whose severity or message changed is stored again, without a reminder",
        arguments: [
            (FindingSeverity.critical, "m", true), (.warning, "older message", true), (.warning, "m", false),
        ]
    )
    func changed(storedSeverity: FindingSeverity, storedMessage: String, persisted: Bool) {
        let finding = open(alerted: Fixture.now, severity: storedSeverity, message: storedMessage)
        let expected: [FindingLifecycle.Change] = persisted ? [.persist(id: 1, observation, remind: false)] : []
        #expect(
            FindingLifecycle.reconcile(
                open: [finding],
                observations: [observation],
                now: Fixture.now,
                remindEveryDays: 7
            ) == expected
        )
    }

    @Test("A finding whose condition cleared resolves, acknowledged or not", arguments: [false, true])
    func resolves(acknowledged: Bool) {
        #expect(
            FindingLifecycle.reconcile(
                open: [open(alerted: Fixture.now, acknowledged: acknowledged)],
                observations: [],
                now: Fixture.now,
                remindEveryDays: 7
            )
                == [.resolve(id: 1)]
        )
    }
}
