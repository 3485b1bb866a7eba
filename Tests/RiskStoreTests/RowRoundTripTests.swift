import RiskCore
import RiskStore
import Testing

/// Every column written is read back. The hot rows are decoded by hand (`RowCoding.swift`), so a column added
/// to a row but not to its decoder would read back as nil: these values set every optional column.
@Suite("Rows read back every column")
struct RowRoundTripTests {
    let now = Instant(rfc3339: "2026-11-29T06:00:00Z") ?? Instant(secondsSinceEpoch: 0)
    let actor = RiskDatabase.Actor(
        user: "marko",
        uid: 1002,
        method: "org.riskd.risk.Import",
        now: Instant(rfc3339: "2026-11-29T06:00:00Z") ?? Instant(secondsSinceEpoch: 0)
    )

    func date(_ text: String) throws -> CalendarDate { try #require(CalendarDate(text)) }

    @Test("A risk with every optional field set") func risk() async throws {
        let database = try RiskDatabase()
        let full = Risk(
            id: 0,
            revision: 3,
            title: "Funding overlap",
            description: "Same calls",
            category: "financial",
            area: "Area 2",
            owner: "marko",
            likelihood: 4,
            impact: 5,
            residualLikelihood: 2,
            residualImpact: 3,
            status: .accepted,
            acceptedUntil: try date("2027-03-01"),
            closeReason: .mitigated,
            nextReviewDue: try date("2027-01-15"),
            reviewDueFixed: true,
            lastReviewedAt: Instant(rfc3339: "2026-11-01T09:30:00Z"),
            createdAt: now,
            updatedAt: now,
            acceptedScore: 12,
            acceptedBy: "board",
            decision: "Minute 4 of 2026-11-20",
            lapsedOn: try date("2027-03-02")
        )
        let stored = try await database.storeRisks([full], actor: actor, detail: { _ in AuditDetail([:]) })
        var expected = full
        expected.id = try #require(stored.first).id
        // By name (`init(row:)`) and by position (`init(columnsOf:)`, the hot reads).
        #expect(try await database.risk(id: expected.id) == expected)
        #expect(try await database.riskDetail(id: expected.id)?.risk == expected)
        // A review, with the residual ratings set, as `risk.Get` reads it (by position).
        try await database.write(actor) { [expected] tx in try tx.insertReview(of: expected, note: "Looked at it") }
        let review = try #require(try await database.riskDetail(id: expected.id)?.reviews.first)
        #expect(review.id != nil && review.riskId == expected.id && review.reviewer == "marko")
        #expect(review.reviewedAt == actor.now.description && review.note == "Looked at it")
        #expect([review.likelihood, review.impact, review.residualLikelihood, review.residualImpact] == [4, 5, 2, 3])
        let today = try date("2026-11-29")
        #expect(try await database.risks(RiskQuery(today: today)).risks == [expected])
        let snapshot = try await database.reviewSnapshot(today: today, unaddressedSince: today) { _, _ in false }
        #expect(snapshot.risks == [expected])
    }

    @Test("An action, completed") func action() async throws {
        let database = try RiskDatabase()
        let risk = Risk(
            id: 0,
            revision: 1,
            title: "Funding overlap",
            description: "",
            category: "financial",
            area: nil,
            owner: "marko",
            likelihood: 2,
            impact: 2,
            residualLikelihood: nil,
            residualImpact: nil,
            status: .open,
            acceptedUntil: nil,
            closeReason: nil,
            nextReviewDue: try date("2027-01-15"),
            reviewDueFixed: false,
            lastReviewedAt: nil,
            createdAt: now,
            updatedAt: now
        )
        let riskID = try #require(
            try await database.storeRisks([risk], actor: actor, detail: { _ in AuditDetail([:]) })
                .first
        ).id
        let action = Action(
            id: 0,
            revision: 1,
            riskId: riskID,
            description: "Agree a funding protocol",
            owner: "ana",
            dueOn: try date("2027-02-01"),
            status: .open,
            completedAt: nil
        )
        let added = try await database.storeAction(action, actor: actor)
        let done = try await database.storeChange(ofAction: added.id, actor: actor) {
            var action = $0
            action.status = .done
            action.revision += 1
            action.completedAt = Instant(rfc3339: "2026-12-01T10:00:00Z")
            return action
        }
        #expect(done.completedAt != nil)
        #expect(try await database.action(id: added.id) == done)
        #expect(try await database.riskDetail(id: riskID)?.actions == [done])
    }

    @Test("A finding with every optional field set") func finding() async throws {
        let database = try RiskDatabase()
        let raised = try await database.recordReview(
            [.raise(Observation(rule: .riskUntreated, subject: "risk:1", severity: .critical, message: "m"))],
            trigger: "manual",
            startedAt: now,
            now: now
        )
        let id = try #require(raised.events.first?.finding.id)
        let acknowledged = try await database.write(actor) { tx in
            try tx.saveAcknowledgement(of: try tx.finding(id), note: "board meets Friday")
        }
        #expect(acknowledged.acknowledgedBy == "marko" && acknowledged.lastAlertedAt != nil)
        let resolved = try await database.recordReview([.resolve(id: id)], trigger: "manual", startedAt: now, now: now)
        let record = try #require(resolved.events.first?.finding)
        #expect(record.resolvedAt != nil && record.acknowledgedAt != nil && record.note == "board meets Friday")
        #expect(try await database.finding(id: id) == record)
    }
}
