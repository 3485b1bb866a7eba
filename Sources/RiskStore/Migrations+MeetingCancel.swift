import GRDB

extension Migrations {
    /// Cancelled meetings (issue 21): `meeting.status` admits `cancelled`, with when and why. SQLite cannot change a
    /// CHECK constraint in place, so the table is rebuilt with the same rows and ids; the migrator defers foreign key
    /// checks, so the items' and recusals' references to it hold across the rebuild.
    static func meetingCancel(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE meeting_new (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    revision INTEGER NOT NULL CHECK (revision >= 1),
                    title TEXT NOT NULL,
                    date TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'closed', 'cancelled')),
                    created_by TEXT NOT NULL,
                    published_at TEXT,
                    closed_at TEXT,
                    cancelled_at TEXT,
                    cancel_reason TEXT
                );
                INSERT INTO meeting_new (id, revision, title, date, status, created_by, published_at, closed_at)
                    SELECT id, revision, title, date, status, created_by, published_at, closed_at FROM meeting;
                DROP TABLE meeting;
                ALTER TABLE meeting_new RENAME TO meeting;
                CREATE INDEX meeting_by_date ON meeting(date, id);
                CREATE INDEX meeting_by_status ON meeting(status, id);
                """
        )
    }
}
