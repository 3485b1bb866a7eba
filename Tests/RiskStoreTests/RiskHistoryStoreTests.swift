import Foundation
import GRDB
import RiskCore
import Testing

@testable import RiskStore

/// Issue 11: every change of a risk stores a version; the register as of a time; appetites. (The lapses are
/// `RiskService`'s stories: RiskDaemonTests' `RiskStoryTests`.)
@Suite("Risk history in the store")
struct RiskHistoryStoreTests {
    static func instant(_ text: String) -> Instant {
        Instant(rfc3339: text) ?? Instant(secondsSinceEpoch: 0)
    }

    func actor(_ user: String = "marko", at time: String) -> RiskDatabase.Actor {
        let now = Self.instant(time)
        return RiskDatabase.Actor(user: user, uid: 1002, method: "test", now: now, today: now.utcDate)
    }

    func add(
        _ database: RiskDatabase,
        _ title: String,
        at time: String,
        likelihood: Int = 3,
        change: RiskChange = .created
    ) async throws -> Risk {
        let now = Self.instant(time)
        let risk = try RiskRules.create(
            RiskDraft(
                title: title,
                category: "financial",
                likelihood: likelihood,
                impact: 3
            ),
            caller: "marko",
            now: now,
            today: now.utcDate,
            policy: RiskPolicy()
        )
        return try await database.storeRisks(
            [risk],
            change: change,
            actor: actor(at: time),
            detail: { _ in AuditDetail([:]) }
        )[0]
    }

    @Test("Each change is a version: created, updated, reviewed, accepted, closed, with its actor and note")
    func versions() async throws {
        let database = try RiskDatabase()
        let risk = try await add(database, "Funding overlap", at: "2026-01-10T09:00:00Z")
        try await database.storeChange(ofRisk: risk.id, actor: actor(at: "2026-02-01T09:00:00Z")) { current in
            var changed = current
            changed.impact = 4
            return changed
        }
        try await database.storeChange(
            ofRisk: risk.id,
            .reviewed,
            note: "Still there",
            actor: actor("ana", at: "2026-03-01T09:00:00Z")
        ) { $0 }
        let accepting = actor(at: "2026-04-01T09:00:00Z")
        try await database.storeChange(ofRisk: risk.id, .accepted, note: "Board", actor: accepting) { current in
            try RiskRules.accept(
                current,
                until: "2027-01-01",
                note: "Board",
                decision: "M-3 item 4",
                by: "marko",
                now: accepting.now,
                today: accepting.today
            )
        }
        try await database.storeChange(
            ofRisk: risk.id,
            .closed,
            note: "Gone",
            actor: actor(at: "2026-05-01T09:00:00Z")
        ) { current in
            try RiskRules.close(current, reason: .retired, note: "Gone", now: Self.instant("2026-05-01T09:00:00Z"))
        }
        let history = try #require(try await database.riskHistory(id: risk.id)).versions
        #expect(history.map(\.change) == [.created, .updated, .reviewed, .accepted, .closed])
        #expect(history.map(\.actor) == ["marko", "marko", "ana", "marko", "marko"])
        #expect(history.map(\.risk.impact) == [3, 4, 4, 4, 4])
        #expect(history[3].risk.acceptedScore == 12 && history[3].risk.decision == "M-3 item 4")
        #expect(history[4].note == "Gone" && history[4].risk.status == .closed)
        #expect(try await database.riskHistory(id: 99)?.versions == nil)
        #expect(try await database.verifyAudit().ok)

        // A reply is bounded: with room for two versions, the newest two, oldest first, and the rest counted.
        let bounded = try #require(try await database.riskHistory(id: risk.id, budget: 2_000))
        #expect(bounded.versions.map(\.change) == [.accepted, .closed])
        #expect(bounded.omitted == 3)
        let tiny = try #require(try await database.riskHistory(id: risk.id, budget: 1))
        #expect(tiny.versions.map(\.change) == [.closed] && tiny.omitted == 4)
    }

    @Test(
        "The register as of a time: each risk as it stood then, later risks absent",
        arguments: [
            ("2025-12-31T23:59:59Z", [Int](), [Int]()),
            ("2026-01-10T09:00:00Z", [1], [9]),
            ("2026-02-15T00:00:00Z", [1, 2], [9, 6]),
            ("2026-03-15T00:00:00Z", [1, 2], [15, 6]),
            ("2026-06-01T00:00:00Z", [1], [15]),
        ]
    )
    func asOf(time: String, ids: [Int], scores: [Int]) async throws {
        let database = try RiskDatabase()
        let first = try await add(database, "Funding overlap", at: "2026-01-10T09:00:00Z")
        let second = try await add(
            database,
            "Staff turnover",
            at: "2026-02-01T09:00:00Z",
            likelihood: 2,
            change: .imported
        )
        try await database.storeChange(ofRisk: first.id, actor: actor(at: "2026-03-01T09:00:00Z")) { current in
            var changed = current
            changed.likelihood = 5
            return changed
        }
        try await database.storeChange(ofRisk: second.id, .closed, actor: actor(at: "2026-05-01T09:00:00Z")) {
            try RiskRules.close($0, reason: .retired, note: nil, now: Self.instant("2026-05-01T09:00:00Z"))
        }
        let query = RiskQuery(today: Self.instant(time).utcDate)
        let page = try await database.risks(query, asOf: Self.instant(time))
        #expect(page.risks.map(\.id) == ids)
        #expect(page.risks.map(\.score) == scores)
        let cells = try await database.matrix(inherent: true, asOf: Self.instant(time))
        #expect(cells.map(\.count).reduce(0, +) == ids.count)
    }

    @Test("Appetites: set, replace, remove; the table in memory follows each commit; the review sees them")
    func appetites() async throws {
        let database = try RiskDatabase()
        _ = try await add(database, "Funding overlap", at: "2026-01-10T09:00:00Z", likelihood: 5)
        let set = try await database.storeAppetite("financial", maxScore: 12, actor: actor(at: "2026-02-01T09:00:00Z"))
        #expect(
            set
                == Appetite(
                    category: "financial",
                    maxScore: 12,
                    setBy: "marko",
                    setAt: Self.instant("2026-02-01T09:00:00Z")
                )
        )
        #expect(database.appetiteTable() == ["financial": 12])
        let replaced = try await database.storeAppetite(
            "financial",
            maxScore: 16,
            actor: actor(at: "2026-02-02T09:00:00Z")
        )
        #expect(replaced?.maxScore == 16)
        #expect(try await database.appetites().map(\.maxScore) == [16])
        #expect(database.appetiteTable() == ["financial": 16])
        #expect(
            try await database.storeAppetite("financial", maxScore: nil, actor: actor(at: "2026-02-03T09:00:00Z"))
                == nil
        )
        #expect(try await database.appetites().isEmpty)
        #expect(database.appetiteTable().isEmpty)
        try await database.storeAppetite("financial", maxScore: 12, actor: actor(at: "2026-02-04T09:00:00Z"))
        // A write that sets an appetite and then throws changes neither the row nor the table in memory.
        await #expect(throws: DomainError.self) {
            try await database.write(actor(at: "2026-02-04T10:00:00Z")) { tx in
                _ = try tx.saveAppetite(category: "financial", maxScore: 20)
                throw DomainError.invalidValue("maxScore", "refused after the save")
            }
        }
        #expect(database.appetiteTable() == ["financial": 12])
        #expect(try await database.appetites().map(\.maxScore) == [12])
        let snapshot = try await database.reviewSnapshot(
            today: Self.instant("2026-02-05T00:00:00Z").utcDate,
            unaddressedSince: Self.instant("2026-01-06T00:00:00Z").utcDate,
            isOnBoard: { _, _ in false }
        )
        #expect(snapshot.appetites == ["financial": 12])
    }

    @Test("Migration: each existing risk starts its history with one created version") func migration() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("riskd-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("riskd.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue, upTo: "v5-register-opened")
        try await queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO risk (id, revision, title, description, category, owner, likelihood, impact, score,
                        status, next_review_due, created_at, updated_at)
                    VALUES (1, 3, 'Funding overlap', '', 'financial', 'marko', 4, 3, 12, 'mitigating', '2027-01-01',
                        '2026-01-10T09:00:00Z', '2026-05-01T09:00:00Z');
                    """
            )
        }
        try queue.close()
        let database = try RiskDatabase(path: path)
        let history = try #require(try await database.riskHistory(id: 1)).versions
        #expect(history.count == 1)
        #expect(history[0].change == .created && history[0].at == Self.instant("2026-01-10T09:00:00Z"))
        #expect(history[0].actor == "marko" && history[0].risk.status == .mitigating)
    }

    @Test("A version copies every column of risk: the copy's column list is the table's, in table order")
    func versionCopiesEveryColumn() async throws {
        let queue = try DatabaseQueue()
        try Migrations.migrator.migrate(queue)
        let table = try await queue.read { db in try RiskHistory.riskColumns(db) }
        // Written once (`RiskRow.columns`) rather than read from the schema at every change: a column added to the
        // table but not to the list would be left out of every version, and of the positional reads and inserts.
        let listed = RiskRow.columns.split(separator: ",").map { $0.filter { !$0.isWhitespace } }
        #expect(listed.joined(separator: ", ") == table)
    }
}
