import RiskCore
import RiskStore
import Testing

@testable import RiskDaemon

/// `RiskService.setAppetite`, the story of `risk.SetAppetite`, run in a write of an in-memory database: what it
/// saves, audits, and leaves in the table the risks are rated against.
@Suite("Appetite: the story")
struct AppetiteStoryTests {
    func actor(at time: String) throws -> RiskDatabase.Actor {
        let now = try #require(Instant(rfc3339: time))
        return RiskDatabase.Actor(user: "marko", uid: 1002, method: "org.riskd.risk.SetAppetite", now: now)
    }

    func setAppetite(_ database: RiskDatabase, _ maxScore: Int?, at time: String) async throws -> Appetite? {
        try await database.write(try actor(at: time)) { tx in
            try RiskService.setAppetite(tx, category: "financial", maxScore: maxScore)
        }
    }

    @Test("Set, then removed: each change audited, the table in memory following") func setAndRemove() async throws {
        let database = try RiskDatabase()
        let set = try await setAppetite(database, 12, at: "2026-02-01T09:00:00Z")
        #expect(set?.maxScore == 12 && set?.setBy == "marko")
        #expect(database.appetiteTable() == ["financial": 12])
        #expect(try await setAppetite(database, nil, at: "2026-02-02T09:00:00Z") == nil)
        #expect(database.appetiteTable().isEmpty)
        let entries = try await database.auditLog(subject: "appetite:financial", after: nil, limit: 10).entries
        #expect(entries.map(\.method) == ["org.riskd.risk.SetAppetite", "org.riskd.risk.SetAppetite"])
        #expect(
            entries.map(\.detail) == [
                #"{"category":"financial","maxScore":12}"#, #"{"category":"financial","maxScore":null}"#,
            ]
        )
    }
}
