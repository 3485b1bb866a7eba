import RiskCore
import Testing

@testable import RiskStore

/// What the board pack reads of the register as of a time: appetites replayed from the audit trail, actions by
/// their first audit entry and their completion, the audit head of that time, the scores of 90 days before.
@Suite("The board pack's facts in the store")
struct BoardPackFactsTests {
    static func instant(_ text: String) -> Instant {
        Instant(rfc3339: text) ?? Instant(secondsSinceEpoch: 0)
    }

    func actor(at time: String) -> RiskDatabase.Actor {
        let now = Self.instant(time)
        return RiskDatabase.Actor(user: "marko", uid: 1002, method: "test", now: now, today: now.utcDate)
    }

    /// One financial risk (Jan 10), an appetite set (Feb 1) and removed (Mar 1), an action added (Feb 10, due
    /// Feb 20) and done (Mar 5), the risk's impact raised (Apr 1).
    func register() async throws -> (RiskDatabase, riskID: Int, actionID: Int) {
        let database = try RiskDatabase()
        let created = Self.instant("2026-01-10T09:00:00Z")
        let draft = RiskDraft(title: "Funding gap", category: "financial", likelihood: 3, impact: 3)
        let risk = try RiskRules.create(
            draft,
            caller: "marko",
            now: created,
            today: created.utcDate,
            policy: RiskPolicy()
        )
        let stored = try await database.storeRisks(
            [risk],
            actor: actor(at: "2026-01-10T09:00:00Z"),
            detail: { _ in AuditDetail([:]) }
        )[0]
        try await database.storeAppetite("financial", maxScore: 12, actor: actor(at: "2026-02-01T09:00:00Z"))
        let action = try await database.storeAction(
            Action(
                id: 0,
                revision: 1,
                riskId: stored.id,
                description: "Find a second funder",
                owner: "ana",
                dueOn: CalendarDate("2026-02-20")!,
                status: .open,
                completedAt: nil
            ),
            actor: actor(at: "2026-02-10T09:00:00Z")
        )
        try await database.storeAppetite("financial", maxScore: nil, actor: actor(at: "2026-03-01T09:00:00Z"))
        let done = Self.instant("2026-03-05T09:00:00Z")
        _ = try await database.storeChange(ofAction: action.id, actor: actor(at: "2026-03-05T09:00:00Z")) { current in
            var changed = current
            changed.status = .done
            changed.completedAt = done
            return changed
        }
        _ = try await database.storeChange(ofRisk: stored.id, actor: actor(at: "2026-04-01T09:00:00Z")) { current in
            var changed = current
            changed.impact = 5
            return changed
        }
        return (database, stored.id, action.id)
    }

    func facts(_ database: RiskDatabase, _ time: String) async throws -> BoardPackFacts {
        try await database.boardPackFacts(asOf: Self.instant(time))
    }

    @Test(
        "Appetites and actions as they stood",
        arguments: [
            ("2026-01-20T00:00:00Z", [:], false),
            ("2026-02-15T00:00:00Z", ["financial": 12], true),
            ("2026-03-02T00:00:00Z", [:], true),
            ("2026-03-10T00:00:00Z", [:], false),
        ] as [(String, [String: Int], Bool)]
    )
    func asOf(time: String, appetites: [String: Int], actionOpen: Bool) async throws {
        let (database, riskID, actionID) = try await register()
        let facts = try await facts(database, time)
        #expect(facts.register.risks.map(\.id) == [riskID])
        #expect(facts.register.appetites == appetites)
        #expect(facts.register.openActions.map(\.id) == (actionOpen ? [actionID] : []))
        #expect(facts.register.openActions.allSatisfy { $0.status == .open && $0.completedAt == nil })
    }

    @Test("The audit head of a time, and zeros before the first entry") func auditHead() async throws {
        let (database, _, _) = try await register()
        let log = try await database.auditLog(subject: nil, after: nil, limit: 100).entries
        let beforeAction = try #require(log.last { $0.at <= "2026-02-09T00:00:00Z" })
        #expect(try await facts(database, "2026-02-09T00:00:00Z").auditHead == beforeAction.hash)
        #expect(try await facts(database, "2026-12-31T00:00:00Z").auditHead == log.last?.hash)
        #expect(try await facts(database, "2025-12-31T00:00:00Z").auditHead == String(repeating: "0", count: 64))
    }

    @Test("Scores of 90 days before: none for a risk not yet there, the old one after a change")
    func earlierScores() async throws {
        let (database, riskID, _) = try await register()
        #expect(try await facts(database, "2026-03-01T00:00:00Z").earlierScores.isEmpty)
        let june = try await facts(database, "2026-06-15T00:00:00Z")
        #expect(june.earlierScores == [riskID: 9])
        #expect(june.register.risks.first?.score == 15)
        #expect(try await facts(database, "2026-07-15T00:00:00Z").earlierScores == [riskID: 15])
    }
}
