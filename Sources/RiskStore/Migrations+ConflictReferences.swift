import Foundation
import GRDB

extension Migrations {
    /// Conflict checks by reference (issue 8, "amplification by a board member"): a check keeps the names asked
    /// and, per conflict, the id of the interest, which name matched and how, in `conflict_match`; no longer a copy
    /// of each conflict with the organisation's name as declared. Existing checks are moved over, and the
    /// `conflicts` column of `conflict_check` is dropped.
    static func conflictReferences(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE conflict_match (
                    check_id INTEGER NOT NULL REFERENCES conflict_check(id),
                    interest_id INTEGER NOT NULL REFERENCES interest(id),
                    -- Index into conflict_check.organisations: the name asked that matched.
                    asked INTEGER NOT NULL CHECK (asked >= 0),
                    match TEXT NOT NULL CHECK (match IN ('exact', 'alias', 'possible')),
                    PRIMARY KEY (check_id, interest_id)
                ) WITHOUT ROWID;
                CREATE INDEX conflict_match_interest ON conflict_match(interest_id);
                """
        )
        let checks = try Row.fetchCursor(db, sql: "SELECT id, organisations, conflicts FROM conflict_check")
        let decoder = JSONDecoder()
        while let check = try checks.next() {
            let id: Int = check["id"]
            let organisations: String = check["organisations"]
            let conflicts: String = check["conflicts"]
            guard let names = try? decoder.decode([String].self, from: Data(organisations.utf8)),
                let stored = try? decoder.decode([CopiedConflict].self, from: Data(conflicts.utf8))
            else { throw StoreError.corrupt("conflict_check \(id)") }
            for conflict in stored {
                guard ["exact", "alias", "possible"].contains(conflict.match) else {
                    throw StoreError.corrupt("conflict_check \(id)")
                }
                // A check stored the conflict's whole interest id; one whose interest is gone cannot be shown.
                guard
                    try Bool.fetchOne(
                        db,
                        sql: "SELECT EXISTS (SELECT 1 FROM interest WHERE id = ?)",
                        arguments: [conflict.interestId]
                    ) == true
                else { continue }
                try db.execute(
                    sql: """
                        INSERT OR IGNORE INTO conflict_match(check_id, interest_id, asked, match) VALUES (?, ?, ?, ?)
                        """,
                    arguments: [
                        id, conflict.interestId, names.firstIndex(of: conflict.asked) ?? 0,
                        conflict.match,
                    ]
                )
            }
        }
        try db.execute(sql: "ALTER TABLE conflict_check DROP COLUMN conflicts")
    }

    /// A conflict as `v2-integrity-register` copied it into `conflict_check.conflicts`: the fields read here.
    private struct CopiedConflict: Decodable {
        var interestId: Int
        var asked: String
        var match: String
    }
}
