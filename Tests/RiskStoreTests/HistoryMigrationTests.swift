import Foundation
import GRDB
import RiskCore
import Testing

@testable import RiskStore

/// Issue 27: v17 keeps versions of actions, declarations, meetings and the registry, the spans of the board role
/// and the names documents gave members. A version table holds every column of its table (a later migration that
/// adds one must add it there too), and a database from before v17 starts its history from what it holds.
@Suite("History of every register")
struct HistoryMigrationTests {
    /// A database at v15 with one record of every kind, in a directory removed at the end of `body`.
    func atV15(_ body: (DatabaseQueue) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("riskd-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let queue = try DatabaseQueue(path: directory.appendingPathComponent("riskd.sqlite").path)
        try Migrations.migrator.migrate(queue, upTo: "v15-member-names")
        try await queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO risk (id, revision, title, description, category, owner, likelihood, impact, score,
                        status, next_review_due, created_at, updated_at)
                    VALUES (1, 1, 'Funding', '', 'financial', 'ana', 3, 3, 9, 'mitigating', '2027-06-01',
                        '2027-01-02T09:00:00Z', '2027-01-02T09:00:00Z');
                    INSERT INTO action (id, revision, risk_id, description, owner, due_on, status, completed_at)
                    VALUES (1, 1, 1, 'Ask', 'ana', '2027-02-01', 'open', NULL),
                        (2, 2, 1, 'Split', 'ana', '2027-02-01', 'done', '2027-01-20T09:00:00Z');
                    INSERT INTO organisation (id, revision, name, normalised_name, kind, created_at, updated_at)
                    VALUES (1, 1, 'Western Balkan Fund', 'western balkan fund', 'funder', '2027-01-01T09:00:00Z',
                        '2027-01-01T09:00:00Z');
                    INSERT INTO organisation_alias (organisation_id, alias, normalised_alias, position)
                    VALUES (1, 'WBF', 'wbf', 0), (1, 'W.B.F.', 'w b f', 1);
                    INSERT INTO interest (id, revision, declarant, declarant_uid, kind, organisation,
                        normalised_organisation, organisation_id, description, sensitive, started_on, declared_at)
                    VALUES (1, 1, 'ana', 1001, 'gift', 'WBF', 'wbf', 1, 'A dinner', 1, '2027-01-01',
                        '2027-01-03T09:00:00Z');
                    INSERT INTO member (user, uid, first_seen_at, last_seen_at, name)
                    VALUES ('ana', 1001, '2027-01-01T09:00:00Z', '2027-01-05T09:00:00Z', 'Ana Petrović');
                    INSERT INTO meeting (id, revision, title, date, status, created_by, published_at)
                    VALUES (1, 3, 'Board', '2027-02-01', 'published', 'root', '2027-01-04T09:00:00Z');
                    INSERT INTO meeting_item (id, meeting_id, number, title, organisations, decision)
                    VALUES (1, 1, 1, 'Grant', '["WBF"]', 1);
                    INSERT INTO recusal (id, meeting_id, item_id, declarant, interest_id, asked, match,
                        declared_in_advance)
                    VALUES (1, 1, 1, 'ana', 1, 'WBF', 'alias', 1);
                    """
            )
        }
        try await body(queue)
        try queue.close()
    }

    @Test("A version table has every column of its table")
    func columns() async throws {
        try await atV15 { queue in
            try Migrations.migrator.migrate(queue)
            try await queue.read { db in
                for table in ["action", "interest", "meeting", "meeting_item", "recusal", "organisation"] {
                    let columns = Set(try db.columns(in: table).map(\.name))
                    let kept = Set(try db.columns(in: "\(table)_version").map(\.name))
                    #expect(columns.subtracting(kept).isEmpty, "\(table)_version lacks \(columns.subtracting(kept))")
                }
            }
        }
    }

    @Test("A database from before v17 starts its history from what it holds")
    func migration() async throws {
        try await atV15 { queue in
            try Migrations.migrator.migrate(queue)
            try await queue.read { db in
                let actions = try Row.fetchAll(db, sql: "SELECT id, status, at FROM action_version ORDER BY version")
                #expect(actions.map { $0["id"] as Int } == [1, 2, 2])
                #expect(actions.map { $0["status"] as String } == ["open", "open", "done"])
                #expect(actions.last?["at"] == "2027-01-20T09:00:00Z")
                let interest = try #require(try Row.fetchOne(db, sql: "SELECT * FROM interest_version"))
                #expect(interest["at"] == "2027-01-03T09:00:00Z" && interest["sensitive"] == true)
                let span = try #require(try Row.fetchOne(db, sql: "SELECT * FROM board_span"))
                #expect(span["user"] == "ana" && span["from_at"] == "2027-01-01T09:00:00Z")
                #expect((span["gone_at"] as String?) == nil)
                #expect(try String.fetchAll(db, sql: "SELECT name FROM member_name_version") == ["Ana Petrović"])
                #expect(
                    try String.fetchOne(db, sql: "SELECT aliases FROM organisation_version") == #"["WBF","W.B.F."]"#
                )
                let meeting = try #require(try Int.fetchOne(db, sql: "SELECT version FROM meeting_version"))
                #expect(try Int.fetchOne(db, sql: "SELECT version FROM meeting_item_version") == meeting)
                #expect(try Int.fetchOne(db, sql: "SELECT version FROM recusal_version") == meeting)
            }
        }
    }

    @Test("Who held the board role when: a member who left and came back is off the board in between")
    func boardSpans() async throws {
        let database = try RiskDatabase()
        func at(_ text: String) -> Instant { Instant(rfc3339: text) ?? Instant(secondsSinceEpoch: 0) }
        let ana = RiskDatabase.BoardAccount(user: "ana", uid: 1001)
        let bo = RiskDatabase.BoardAccount(user: "bo", uid: 1002)
        try await database.enrol([ana, bo], at: at("2027-01-01T09:00:00Z"))
        try await database.observeBoard([ana], at: at("2027-02-01T09:00:00Z"))
        try await database.observeBoard([ana], at: at("2027-02-01T10:00:00Z"))
        try await database.observeBoard([ana, bo], at: at("2027-03-01T09:00:00Z"))
        let expected: [(String, [String])] = [
            ("2026-12-31T00:00:00Z", []), ("2027-01-15T00:00:00Z", ["ana", "bo"]),
            ("2027-02-01T09:00:00Z", ["ana"]), ("2027-02-15T00:00:00Z", ["ana"]),
            ("2027-03-01T09:00:00Z", ["ana", "bo"]),
        ]
        for (time, members) in expected {
            #expect(try await database.members(asOf: at(time)).map(\.user) == members, "\(time)")
        }
        // A later change of the board leaves every earlier answer as it was.
        try await database.observeBoard([bo], at: at("2027-04-01T09:00:00Z"))
        for (time, members) in expected {
            #expect(try await database.members(asOf: at(time)).map(\.user) == members, "\(time)")
        }
        #expect(try await database.members(asOf: at("2027-04-02T00:00:00Z")).map(\.user) == ["bo"])
    }
}
