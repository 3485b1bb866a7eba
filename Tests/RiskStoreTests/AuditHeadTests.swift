import Foundation
import RiskCore
import RiskStore
import RiskTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A removed audit tail does not go unnoticed (issue 8, defect 6).
@Suite("Audit head recorded outside the database")
struct AuditHeadTests {
    let now = Instant(rfc3339: "2026-11-29T06:00:00Z") ?? Instant(secondsSinceEpoch: 0)
    let today = CalendarDate(year: 2026, month: 11, day: 29) ?? CalendarDate(daysSinceEpoch: 0)

    func add(_ database: RiskDatabase, count: Int) async throws {
        let actor = RiskDatabase.Actor(user: "marko", uid: 1002, method: "org.riskd.risk.Add", now: now)
        let risks = try (0..<count).map { index in
            try RiskRules.create(
                RiskDraft(title: "Risk \(index)", category: "financial", likelihood: 3, impact: 3),
                caller: "marko",
                now: now,
                today: today,
                policy: RiskPolicy()
            )
        }
        _ = try await database.storeRisks(risks, actor: actor, detail: { AuditDetail(["title": .text($0.title)]) })
    }

    @Test("A chain whose tail was removed does not verify against the recorded head", arguments: [2, 0])
    func removedTail(kept: Int) async throws {
        try await TestDaemon.withTemporaryDirectory { directory in
            let path = "\(directory)/riskd.sqlite"
            let database = try RiskDatabase(path: path)
            try await add(database, count: 4)
            let head = try await database.recordAuditHead()
            #expect(head.seq == 4)
            var status = stat()
            #expect(stat("\(path).audit-head", &status) == 0 && status.st_mode & 0o777 == 0o600)
            #expect(try database.recordedAuditHead() == head)
            #expect(try await database.verifyAudit(against: head).ok)

            try Tamper.execute(path: path, sql: "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq > \(kept)")
            let plain = try await database.verifyAudit()
            #expect(plain.ok && plain.entries == kept)  // what Verify said before: the hash chain alone holds
            let result = try await database.verifyAudit(against: try database.recordedAuditHead())
            #expect(!result.ok)
            #expect(result.entries == kept && result.firstBadSeq == kept + 1)
            #expect(try !database.auditChainHolds(head))
            let byHashOnly = try await database.verifyAudit(against: AuditAnchor(seq: nil, hash: head.hash))
            #expect(!byHashOnly.ok)
        }
    }

    @Test("An earlier head is still held; a made-up one is not") func earlierHead() async throws {
        let database = try RiskDatabase()
        try await add(database, count: 2)
        let earlier = try await database.currentAuditHead()
        try await add(database, count: 2)
        #expect(try await database.verifyAudit(against: AuditAnchor(seq: nil, hash: earlier.hash)).ok)
        #expect(try database.auditChainHolds(earlier))
        let madeUp = try await database.verifyAudit(
            against: AuditAnchor(seq: nil, hash: String(repeating: "ab", count: 32))
        )
        #expect(!madeUp.ok && madeUp.firstBadSeq == 5)
    }

    @Test("Append-only triggers dropped or altered by hand are put back when the file is opened")
    func triggersPutBack() async throws {
        try await TestDaemon.withTemporaryDirectory { directory in
            let path = "\(directory)/riskd.sqlite"
            do {
                let database = try RiskDatabase(path: path)
                #expect(database.restoredAuditGuards.isEmpty)
                try await add(database, count: 2)
            }
            try Tamper.execute(
                path: path,
                sql: """
                    DROP TRIGGER audit_no_update;
                    DROP TRIGGER audit_no_delete;
                    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit WHEN 0
                        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
                    """
            )
            let reopened = try RiskDatabase(path: path)
            #expect(reopened.restoredAuditGuards == ["audit_no_delete", "audit_no_update"])
            #expect(throws: (any Error).self) { try Tamper.execute(path: path, sql: "DELETE FROM audit WHERE seq = 2") }
            #expect(throws: (any Error).self) { try Tamper.execute(path: path, sql: "UPDATE audit SET detail = '{}'") }
            #expect(try await reopened.verifyAudit().entries == 2)
            #expect(try RiskDatabase(path: path).restoredAuditGuards.isEmpty)
        }
    }
}
