import GRDB

extension Migrations {
    /// Erasure (issue 13): an interest whose personal text was erased is marked, so that it is not erased twice and
    /// reads as erased.
    static func interestErasure(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE interest ADD COLUMN erased INTEGER NOT NULL DEFAULT 0")
    }
}
