import Foundation
import GRDB
import RiskCore
import Testing

@testable import RiskStore

/// Issue 21: v11 lets a finding be a `notice`, rebuilding the table without losing a finding or reusing an id.
@Suite("Findings of severity notice")
struct FindingNoticeMigrationTests {
    let now = Instant(rfc3339: "2026-11-29T06:00:00Z") ?? Instant(secondsSinceEpoch: 0)

    @Test("A database from before v11 keeps its findings and its id counter, and stores a notice")
    func migration() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("riskd-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("riskd.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue, upTo: "v10-mail")
        try await queue.write { db in
            // Before v11 a notice is refused by the table itself.
            #expect(throws: DatabaseError.self) {
                try db.execute(
                    sql: """
                        INSERT INTO finding(rule, subject, severity, message, first_seen_at, last_seen_at)
                        VALUES ('interest-organisation-unlisted', 'interest:9', 'notice', 'm', 'x', 'x')
                        """
                )
            }
            try db.execute(
                sql: """
                    INSERT INTO finding(id, rule, subject, severity, message, first_seen_at, last_seen_at, resolved_at)
                    VALUES (1, 'risk-review-overdue', 'risk:1', 'warning', 'overdue', 'a', 'b', NULL),
                        (7, 'action-overdue', 'action:2', 'critical', 'late', 'a', 'b', 'c');
                    DELETE FROM finding WHERE id = 7;
                    """
            )
        }
        try queue.close()

        let database = try RiskDatabase(path: path)
        #expect(try await database.schemaVersion() == Migrations.count)
        let unlisted = Observation(
            rule: .interestOrganisationUnlisted,
            subject: "interest:9",
            severity: .notice,
            message: "Interest I-9 names an organisation not in the registry"
        )
        let changes = FindingLifecycle.reconcile(
            open: try await database.openFindings(),
            observations: [unlisted],
            now: now,
            remindEveryDays: 7
        )
        _ = try await database.recordReview(changes, trigger: "manual", startedAt: now, now: now)
        let stored = try await database.findings(open: nil, rule: nil, subject: nil, limit: 10, after: nil).findings
        #expect(stored.map(\.id) == [1, 8])
        #expect(stored.map(\.severity) == ["warning", "notice"])
    }
}
