import Foundation
import GRDB
import RiskCore
import Testing

@testable import RiskStore

/// Issue 8, defects 3 and 5: checks are stored by reference, shown from the interests as they are now, capped and
/// paged by size.
@Suite("Conflict checks by reference")
struct ConflictCheckStoreTests {
    let now = Instant(rfc3339: "2026-11-29T06:00:00Z") ?? Instant(secondsSinceEpoch: 0)
    let today = CalendarDate(year: 2026, month: 11, day: 29) ?? CalendarDate(daysSinceEpoch: 0)

    func actor(_ user: String, _ method: String) -> RiskDatabase.Actor {
        RiskDatabase.Actor(user: user, uid: 1000 + user.count, method: "org.riskd.interest.\(method)", now: now)
    }

    func declare(
        _ database: RiskDatabase,
        _ user: String,
        _ organisation: String,
        sensitive: Bool = false,
        policy: InterestPolicy = InterestPolicy()
    ) async throws -> Interest {
        let interest = try InterestRules.declare(
            InterestDraft(
                kind: "governance",
                organisation: organisation,
                description: "Board seat",
                sensitive: sensitive,
                startedOn: "2026-01-01"
            ),
            declarant: user,
            declarantUID: 1000 + user.count,
            now: now,
            today: today,
            policy: policy
        )
        return try await database.declareInterest(interest, actor: actor(user, "Declare")) { _ in
            AuditDetail()
        }
    }

    func check(
        _ database: RiskDatabase,
        _ names: [String],
        by user: String = "marko"
    ) async throws
        -> ConflictCheck
    {
        try await database.recordConflictCheck(
            organisations: names,
            matter: "Item 4",
            today: today,
            actor: actor(user, "Check")
        ) { _ in AuditDetail() }
    }

    func sensitive(_ database: RiskDatabase, _ id: Int, _ sensitive: Bool) async throws {
        _ = try await database.updateInterest(
            id: id,
            actor: actor("ana", "Update"),
            detail: AuditDetail()
        ) {
            try InterestRules.update($0, with: InterestChanges(sensitive: sensitive))
        }
    }

    @Test("Whether a conflict is shown follows the interest's sensitive flag now, not when the check ran")
    func currentSensitivity() async throws {
        let database = try RiskDatabase()
        _ = try await declare(database, "ana", "Western Balkan Fund")
        _ = try await declare(database, "ivan", "Western Balkan Fund")
        _ = try await check(database, ["Western Balkan Fund"], by: "ivan")
        let ivan = InterestViewer.boardMember("ivan", seesRegister: true)
        #expect(
            try await database.conflictChecks(viewer: ivan, after: nil, limit: 10).checks[0].conflicts
                .map(\.interestId) == [1, 2]
        )
        try await sensitive(database, 1, true)
        let hidden = try await database.conflictChecks(viewer: ivan, after: nil, limit: 10).checks[0]
        #expect(hidden.conflicts.map(\.interestId) == [2])
        #expect(!hidden.conflicts.contains { $0.declarant == "ana" })
        let whole = try await database.conflictChecks(viewer: .registerKeeper, after: nil, limit: 10).checks[0]
        #expect(whole.conflicts.map(\.interestId) == [1, 2] && whole.conflicts[0].sensitive)
        // And back: marked not sensitive again, ana's conflict shows again.
        try await sensitive(database, 1, false)
        #expect(
            try await database.conflictChecks(viewer: ivan, after: nil, limit: 10).checks[0].conflicts
                .map(\.interestId) == [1, 2]
        )
    }

    @Test("A check stores the names asked and references; the shown fields come from the interest")
    func byReference() async throws {
        let database = try RiskDatabase()
        let long = "Fund " + String(repeating: "ž", count: 190)
        _ = try await declare(database, "ana", long)
        _ = try await declare(database, "ivan", "OSF")
        let stored = try await check(database, ["OSF", "Fund"])
        #expect(stored.conflicts.map(\.asked) == ["Fund", "OSF"])
        let rows = try await database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM conflict_match ORDER BY interest_id")
        }
        #expect(rows.map { $0["asked"] as Int } == [1, 0])
        #expect(rows.map { $0["match"] as String } == ["possible", "exact"])
        let columns = try await database.writer.read { db in try db.columns(in: "conflict_check").map(\.name) }
        #expect(columns == ["id", "at", "by", "matter", "organisations"])
        let read = try await database.conflictChecks(viewer: .registerKeeper, after: nil, limit: 10).checks[0]
        #expect(read == stored)
        #expect(read.conflicts[0].organisation == long && read.conflicts[0].kind == "governance")
    }

    @Test("A page of checks stops at its byte budget and continues with next", arguments: [1, 3, 1000])
    func pagedBySize(limit: Int) async throws {
        let database = try RiskDatabase()
        for index in 0..<20 {
            _ = try await declare(database, "ana", "Fund \(index) " + String(repeating: "x", count: 180))
        }
        for _ in 0..<6 { _ = try await check(database, ["Fund"]) }
        let one = ReplySize.of(
            try await database.conflictChecks(viewer: .registerKeeper, after: nil, limit: 1)
                .checks[0]
        )
        var after: Int?
        var seen: [Int] = []
        repeat {
            let page = try await database.conflictChecks(
                viewer: .registerKeeper,
                after: after,
                limit: limit,
                budget: one * 2 + one / 2
            )
            #expect(page.checks.count <= min(limit, 2) && !page.checks.isEmpty)
            seen += page.checks.map(\.id)
            after = page.next
        } while after != nil
        #expect(seen == Array(1...6))
        // A budget smaller than one check still gives one check a page.
        let tiny = try await database.conflictChecks(viewer: .registerKeeper, after: nil, limit: 10, budget: 1)
        #expect(tiny.checks.map(\.id) == [1] && tiny.next == 1)
    }

    @Test("Checks stored as copies before v4 are moved to references")
    func migration() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("riskd-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("riskd.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue, upTo: "v3-reviews")
        try await queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO interest(id, revision, declarant, declarant_uid, kind, organisation,
                        normalised_organisation, description, sensitive, started_on, declared_at)
                    VALUES (1, 1, 'ana', 1001, 'family', 'Western Balkan Fund', 'western balkan fund', 'd', 0,
                        '2026-01-01', '2026-11-29T06:00:00Z');
                    INSERT INTO conflict_check(id, at, by, matter, organisations, conflicts) VALUES
                        (1, '2026-11-29T06:00:00Z', 'ivan', 'Item 4', '["OSF","WBF"]',
                         '[{"asked":"WBF","declarant":"ana","interestId":1,"kind":"family",\
                    "match":"alias","organisation":"Western Balkan Fund","sensitive":false}]'),
                        (2, '2026-11-29T06:00:00Z', 'ivan', 'Item 5', '["ESN"]', '[]');
                    UPDATE interest SET sensitive = 1 WHERE id = 1;
                    """
            )
        }
        try queue.close()
        let database = try RiskDatabase(path: path)
        let checks = try await database.conflictChecks(viewer: .registerKeeper, after: nil, limit: 10).checks
        #expect(checks.map(\.id) == [1, 2] && checks[1].conflicts.isEmpty)
        #expect(
            checks[0].conflicts == [
                Conflict(
                    declarant: "ana",
                    interestId: 1,
                    kind: "family",
                    organisation: "Western Balkan Fund",
                    asked: "WBF",
                    sensitive: true,
                    match: .alias
                )
            ]
        )
        let ivan = try await database.conflictChecks(
            viewer: .boardMember("ivan", seesRegister: true),
            after: nil,
            limit: 10
        )
        #expect(ivan.checks[0].conflicts.isEmpty)
        #expect(try await database.schemaVersion() == Migrations.count)
    }
}
