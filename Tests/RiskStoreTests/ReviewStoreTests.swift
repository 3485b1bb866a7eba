import RiskCore
import RiskStore
import Testing

/// What `recordReview` stores across runs: a finding that still holds is marked seen by every run even when the
/// lifecycle emits no change for it; a resolved one keeps the time it was last seen.
@Suite("Review runs in the store")
struct ReviewStoreTests {
    let first = Instant(rfc3339: "2026-11-29T06:00:00Z") ?? Instant(secondsSinceEpoch: 0)
    let second = Instant(rfc3339: "2026-11-30T06:00:00Z") ?? Instant(secondsSinceEpoch: 0)
    let overdue = Observation(rule: .riskReviewOverdue, subject: "risk:1", severity: .warning, message: "overdue")
    let untreated = Observation(rule: .riskUntreated, subject: "risk:2", severity: .critical, message: "untreated")

    func run(
        _ database: RiskDatabase,
        _ observations: [Observation],
        at now: Instant
    ) async throws
        -> (run: ReviewRunRecord, events: [FindingEvent])
    {
        let changes = FindingLifecycle.reconcile(
            open: try await database.openFindings(),
            observations: observations,
            now: now,
            remindEveryDays: 7
        )
        return try await database.recordReview(changes, trigger: "manual", startedAt: now, now: now)
    }

    @Test("Unchanged open findings are marked seen; resolved ones keep their last sighting") func seen() async throws {
        let database = try RiskDatabase()
        let raised = try await run(database, [overdue, untreated], at: first)
        #expect(raised.run.raised == 2 && raised.run.open == 2)
        let next = try await run(database, [overdue], at: second)
        #expect(next.run.raised == 0 && next.run.resolved == 1 && next.run.open == 1)
        #expect(next.events.map(\.kind) == [.resolved])

        let stored = try await database.findings(open: nil, rule: nil, subject: nil, limit: 10, after: nil).findings
        let still = try #require(stored.first { $0.subject == "risk:1" })
        let gone = try #require(stored.first { $0.subject == "risk:2" })
        #expect(still.lastSeenAt == second.description && still.resolvedAt == nil)
        #expect(still.lastAlertedAt == first.description)
        #expect(gone.lastSeenAt == first.description && gone.resolvedAt == second.description)
    }

    @Test("A finding unchanged for several runs was last seen by the latest, or by the one before it resolved")
    func seenAcrossRuns() async throws {
        let database = try RiskDatabase()
        let third = Instant(rfc3339: "2026-12-01T06:00:00Z") ?? first
        let fourth = Instant(rfc3339: "2026-12-02T06:00:00Z") ?? first
        let raised = try await run(database, [overdue, untreated], at: first)
        _ = try await run(database, [overdue, untreated], at: second)
        _ = try await run(database, [overdue, untreated], at: third)
        let id = try #require(raised.events.first { $0.finding.subject == "risk:2" }?.finding.id)
        #expect(try await database.finding(id: id)?.lastSeenAt == third.description)
        let resolving = try await run(database, [overdue], at: fourth)
        #expect(resolving.events.map(\.finding.lastSeenAt) == [third.description])
        let gone = try #require(try await database.finding(id: id))
        #expect(gone.lastSeenAt == third.description && gone.resolvedAt == fourth.description)
        let still = try await database.findings(open: true, rule: nil, subject: nil, limit: 10, after: nil).findings
        #expect(still.map(\.lastSeenAt) == [fourth.description])
    }

    @Test("A changed message is stored without a new alert") func changed() async throws {
        let database = try RiskDatabase()
        _ = try await run(database, [overdue], at: first)
        var worse = overdue
        worse.message = "overdue since 2026-01-20"
        let next = try await run(database, [worse], at: second)
        #expect(next.events.isEmpty && next.run.alerted == 0)
        let stored = try #require(
            try await database.findings(
                open: true,
                rule: nil,
                subject: nil,
                limit: 10,
                after: nil
            ).findings.first
        )
        #expect(stored.message == worse.message && stored.lastSeenAt == second.description)
    }
}
