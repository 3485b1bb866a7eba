import Foundation
import RiskCore
import RiskStore
import RiskTestSupport
import Testing

@Suite("Risk database")
struct RiskDatabaseTests {
    let now = Instant(rfc3339: "2026-11-29T06:00:00Z") ?? Instant(secondsSinceEpoch: 0)
    let today = CalendarDate(year: 2026, month: 11, day: 29) ?? CalendarDate(daysSinceEpoch: 0)

    func actor(_ method: String = "org.riskd.risk.Add") -> RiskDatabase.Actor {
        RiskDatabase.Actor(user: "marko", uid: 1002, method: method, now: now)
    }

    func draft(_ title: String, _ likelihood: Int = 3, _ impact: Int = 3) throws -> Risk {
        try RiskRules.create(
            RiskDraft(title: title, category: "financial", likelihood: likelihood, impact: impact),
            caller: "marko",
            now: now,
            today: today,
            policy: RiskPolicy()
        )
    }

    func add(_ database: RiskDatabase, _ titles: [String]) async throws -> [Risk] {
        let risks = try titles.map { try draft($0) }
        return try await database.storeRisks(risks, actor: actor(), detail: { AuditDetail(["title": .text($0.title)]) })
    }

    @Test("A page of the audit log stops at its byte budget and continues with next") func auditPagedBySize()
        async throws
    {
        let database = try RiskDatabase()
        _ = try await add(database, (1...5).map { "Risk \($0)" })
        let first = try #require(try await database.auditLog(subject: nil, after: nil, limit: 1).entries.first)
        let one = RiskDatabase.replyBytes(of: first)
        var seen: [Int] = []
        var after: Int?
        repeat {
            let page = try await database.auditLog(subject: nil, after: after, limit: 1000, budget: one * 2 + one / 2)
            #expect(page.entries.count == (seen.count < 4 ? 2 : 1))
            seen += page.entries.map(\.seq)
            after = page.next
        } while after != nil
        #expect(seen == [1, 2, 3, 4, 5])
        #expect(try await database.auditLog(subject: nil, after: nil, limit: 1000, budget: 1).entries.map(\.seq) == [1])
    }

    @Test("Migrations run from empty") func migrations() async throws {
        let database = try RiskDatabase()
        #expect(try await database.schemaVersion() == 19)
        #expect(try await database.riskCount() == 0)
        let verification = try await database.verifyAudit()
        #expect(verification.ok && verification.entries == 0 && verification.firstBadSeq == nil)
        #expect(verification.head == String(repeating: "0", count: 64))
    }

    @Test("A file database is created 0600 and reopens with its data") func fileMode() async throws {
        try await TestDaemon.withTemporaryDirectory { directory in
            let path = "\(directory)/riskd.sqlite"
            do {
                let database = try RiskDatabase(path: path)
                _ = try await add(database, ["Funding overlap"])
            }
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            let reopened = try RiskDatabase(path: path)
            #expect(try await reopened.riskCount() == 1)
            #expect(try await reopened.integrityCheck() == ["ok"])
        }
    }

    /// The chain's format is stored on disk: an entry hashed differently by a new release would make every
    /// existing database fail `audit verify`. The value was computed outside Swift:
    /// `sha256("0"*64 + "1\n2026-11-29T06:00:00Z\nmarko\n1002\norg.riskd.risk.Add\nrisk:1\n{"title":…})`.
    @Test("The audit hash of a known entry does not change between releases") func stableHash() async throws {
        let database = try RiskDatabase()
        _ = try await database.storeRisks(
            [try draft("Funding overlap")],
            actor: actor(),
            detail: { AuditDetail(["title": .text($0.title)]) }
        )
        let entry = try #require(try await database.auditLog(subject: nil, after: nil, limit: 1).entries.first)
        #expect(entry.detail == #"{"title":"Funding overlap"}"#)
        #expect(entry.hash == "2edb02709224a6c7a23e75c6f0ba7987dd8d76a0e65a468f5eabb134c573fb30")

        // Text with something to escape is written as Foundation's JSONEncoder writes it, `/` included.
        _ = try await database.storeRisks(
            [try draft(#"Funding "overlap" 50/50 naïve"#)],
            actor: actor(),
            detail: { AuditDetail(["title": .text($0.title)]) }
        )
        let second = try #require(try await database.auditLog(subject: "risk:2", after: nil, limit: 1).entries.first)
        #expect(second.detail == #"{"title":"Funding \"overlap\" 50\/50 naïve"}"#)
    }

    @Test("Ids are assigned and each insert is audited") func insert() async throws {
        let database = try RiskDatabase()
        let stored = try await add(database, ["One", "Two", "Three"])
        #expect(stored.map(\.id) == [1, 2, 3])
        let log = try await database.auditLog(subject: nil, after: nil, limit: 10)
        #expect(log.entries.map(\.subject) == ["risk:1", "risk:2", "risk:3"])
        #expect(log.entries.allSatisfy { $0.actor == "marko" && $0.uid == 1002 })
        #expect(log.next == nil)
        #expect(try await database.verifyAudit().entries == 3)
    }

    @Test("Listing pages by id and filters") func listing() async throws {
        let database = try RiskDatabase()
        let risks = try (1...25).map { try draft("Risk \($0)", $0 % 5 + 1, 2) }
        _ = try await database.storeRisks(risks, actor: actor(), detail: { _ in AuditDetail() })
        var seen: [Int] = []
        var after: Int?
        repeat {
            let page = try await database.risks(RiskQuery(today: today, limit: 10, after: after))
            seen += page.risks.map(\.id)
            after = page.next
        } while after != nil
        #expect(seen == Array(1...25))
        let high = try await database.risks(RiskQuery(minScore: 8, today: today))
        #expect(high.risks.allSatisfy { $0.score >= 8 })
        #expect(high.risks.count == 10)
        let overdue = try await database.risks(RiskQuery(overdue: true, today: today.adding(days: 400)))
        #expect(overdue.risks.count == 25)
        let matrix = try await database.matrix(inherent: true)
        #expect(matrix.map(\.count).reduce(0, +) == 25)
        #expect(matrix.allSatisfy { $0.impact == 2 })
    }

    @Test("Verify finds a tampered row") func tamper() async throws {
        try await TestDaemon.withTemporaryDirectory { directory in
            let path = "\(directory)/riskd.sqlite"
            let database = try RiskDatabase(path: path)
            _ = try await add(database, ["One", "Two", "Three", "Four"])
            #expect(try await database.verifyAudit().ok)
            // An attacker with the file: drop the guard trigger and rewrite entry 2.
            try Tamper.execute(
                path: path,
                sql: """
                    DROP TRIGGER audit_no_update;
                    UPDATE audit SET detail = '{"title":"Nothing to see"}' WHERE seq = 2;
                    """
            )
            let result = try await database.verifyAudit()
            #expect(!result.ok)
            #expect(result.firstBadSeq == 2)
        }
    }

    @Test("The audit trail refuses updates and deletes") func appendOnly() async throws {
        try await TestDaemon.withTemporaryDirectory { directory in
            let path = "\(directory)/riskd.sqlite"
            let database = try RiskDatabase(path: path)
            _ = try await add(database, ["One"])
            #expect(throws: (any Error).self) { try Tamper.execute(path: path, sql: "DELETE FROM audit") }
            #expect(try await database.verifyAudit().entries == 1)
        }
    }

    @Test("Personal text is kept as an HMAC, large text as a digest") func personalText() async throws {
        let database = try RiskDatabase()
        let risk = try draft("One")
        _ = try await database.storeRisks(
            [risk],
            actor: actor(),
            detail: { _ in
                AuditDetail(["plan": .personal("Leaves the room for item 4"), "body": .digest("abc")])
            }
        )
        let entry = try #require(try await database.auditLog(subject: "risk:1", after: nil, limit: 1).entries.first)
        #expect(!entry.detail.contains("Leaves the room"))
        #expect(entry.detail.contains("\"plan\":\"hmac:"))
        #expect(
            entry.detail.contains(
                "\"body\":\"sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\""
            )
        )
    }

    @Test("Backups are copies that open, and only the newest are kept") func backups() async throws {
        try await TestDaemon.withTemporaryDirectory { directory in
            let database = try RiskDatabase(path: "\(directory)/riskd.sqlite")
            _ = try await add(database, ["One", "Two"])
            var paths: [String] = []
            for minute in 0..<3 {
                let copy = try await database.backup(
                    into: "\(directory)/backups",
                    now: now.adding(seconds: Int64(minute * 60)),
                    keep: 2
                )
                #expect(copy.bytes > 0)
                #expect(copy.sha256.count == 64)
                paths.append(copy.path)
            }
            let kept = try FileManager.default.contentsOfDirectory(atPath: "\(directory)/backups").sorted()
            #expect(kept.count == 2)
            #expect(!FileManager.default.fileExists(atPath: paths[0]))
            let restored = try RiskDatabase(path: paths[2])
            #expect(try await restored.riskCount() == 2)
            #expect(try await restored.verifyAudit().ok)
        }
    }
}
