import GRDB

extension Migrations {
    /// Erasure (issue 13): an interest whose personal text was erased is marked, so that it is not erased twice and
    /// reads as erased.
    static func interestErasure(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE interest ADD COLUMN erased INTEGER NOT NULL DEFAULT 0")
    }
}

extension Migrations {
    /// Concerns (issue 13): raised confidentially, closed with an outcome by an administrator.
    static func concerns(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE concern (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    raised_by TEXT NOT NULL,
                    about TEXT,
                    kind TEXT NOT NULL CHECK (kind IN ('undeclared_interest', 'breach_of_code', 'other')),
                    text TEXT NOT NULL,
                    raised_at TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('open', 'upheld', 'not_upheld', 'withdrawn')),
                    outcome TEXT,
                    closed_by TEXT,
                    closed_at TEXT
                );
                CREATE INDEX concern_by_status ON concern(status, id);
                """
        )
    }
}
