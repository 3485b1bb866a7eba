import GRDB

extension Migrations {
    /// v11: findings may be of severity `notice` (`interest-organisation-unlisted`, issue 21). SQLite cannot change a
    /// `CHECK`, so the table is built again with the wider one and its rows, indexes and id counter copied over.
    static func findingNotice(_ db: Database) throws {
        let counter = try Int.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'finding'")
        try db.execute(
            sql: """
                CREATE TABLE finding_with_notice (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    rule TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    severity TEXT NOT NULL CHECK (severity IN ('warning', 'critical', 'notice')),
                    message TEXT NOT NULL,
                    first_seen_at TEXT NOT NULL,
                    last_seen_at TEXT NOT NULL,
                    last_alerted_at TEXT,
                    resolved_at TEXT,
                    acknowledged_by TEXT,
                    acknowledged_at TEXT,
                    note TEXT
                );
                INSERT INTO finding_with_notice (id, rule, subject, severity, message, first_seen_at, last_seen_at,
                    last_alerted_at, resolved_at, acknowledged_by, acknowledged_at, note)
                SELECT id, rule, subject, severity, message, first_seen_at, last_seen_at,
                    last_alerted_at, resolved_at, acknowledged_by, acknowledged_at, note FROM finding;
                DROP TABLE finding;
                ALTER TABLE finding_with_notice RENAME TO finding;
                -- At most one open finding per rule and subject.
                CREATE UNIQUE INDEX finding_open ON finding(rule, subject) WHERE resolved_at IS NULL;
                CREATE INDEX finding_subject ON finding(subject);
                """
        )
        // An id once given is never given again, even one of a finding no longer in the table.
        if let counter {
            let copied = try Int.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'finding'") ?? 0
            try db.execute(sql: "DELETE FROM sqlite_sequence WHERE name = 'finding'")
            try db.execute(
                sql: "INSERT INTO sqlite_sequence (name, seq) VALUES ('finding', ?)",
                arguments: [max(counter, copied)]
            )
        }
    }
}
