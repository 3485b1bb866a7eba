import Foundation
import RiskCore
import RiskStore
import RiskTestSupport
import Testing

@Suite("Group commit")
struct GroupCommitTests {
    let now = Instant(rfc3339: "2026-11-29T06:00:00Z") ?? Instant(secondsSinceEpoch: 0)

    func draft(_ title: String, likelihood: Int = 3) throws -> Risk {
        var risk = try RiskRules.create(
            RiskDraft(title: title, category: "financial", likelihood: 3, impact: 3),
            caller: "marko",
            now: now,
            today: now.utcDate,
            policy: RiskPolicy()
        )
        risk.likelihood = likelihood
        return risk
    }

    @Test("Concurrent writers each get their own id, the chain stays whole, a failing write fails alone")
    func concurrentWriters() async throws {
        try await TestDaemon.withTemporaryDirectory { directory in
            let database = try RiskDatabase(path: "\(directory)/riskd.sqlite")
            let actor = RiskDatabase.Actor(user: "marko", uid: 1002, method: "org.riskd.risk.Add", now: now)
            let outcomes = try await withThrowingTaskGroup(of: (Int, Int?).self) { group in
                for index in 0..<200 {
                    // Every tenth write breaks the table's CHECK on likelihood and must fail on its own.
                    let risk = try draft("Risk \(index)", likelihood: index % 10 == 0 ? 9 : 3)
                    group.addTask {
                        let id = try? await database.storeRisks([risk], actor: actor, detail: { _ in AuditDetail() })
                            .first?.id
                        return (index, id)
                    }
                }
                var all: [(Int, Int?)] = []
                for try await outcome in group { all.append(outcome) }
                return all
            }
            let stored = outcomes.compactMap(\.1)
            #expect(stored.count == 180)
            #expect(Set(stored).count == 180)
            #expect(outcomes.filter { $0.0 % 10 == 0 }.allSatisfy { $0.1 == nil })
            #expect(try await database.riskCount() == 180)
            let verification = try await database.verifyAudit()
            #expect(verification.ok && verification.entries == 180)
            #expect(try await database.integrityCheck() == ["ok"])
        }
    }

    struct Refused: Error, Equatable {}

    @Test("A write alone in its transaction (no savepoint) that throws after saving leaves nothing, with its own error")
    func loneWriteThrows() async throws {
        try await TestDaemon.withTemporaryDirectory { directory in
            let database = try RiskDatabase(path: "\(directory)/riskd.sqlite")
            let actor = RiskDatabase.Actor(user: "marko", uid: 1002, method: "org.riskd.risk.Add", now: now)
            let risk = try draft("Funding overlap")
            await #expect(throws: Refused.self) {
                try await database.write(actor) { tx in
                    _ = try tx.insert(risk, change: .created)
                    try tx.audit("risk:1", AuditDetail())
                    throw Refused()
                }
            }
            #expect(try await database.riskCount() == 0)
            #expect(try await database.verifyAudit().entries == 0)
            let stored = try await database.write(actor) { tx in try tx.insert(risk, change: .created) }
            #expect(stored.id == 1)
            #expect(try await database.riskHistory(id: 1)?.versions.count == 1)
        }
    }
}
