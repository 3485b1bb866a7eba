import GRDB

extension Migrations {
    /// Findings of the review rules and the record of every run (issue "scheduled reviews").
    static func reviews(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE finding (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    rule TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    severity TEXT NOT NULL CHECK (severity IN ('warning', 'critical')),
                    message TEXT NOT NULL,
                    first_seen_at TEXT NOT NULL,
                    last_seen_at TEXT NOT NULL,
                    last_alerted_at TEXT,
                    resolved_at TEXT,
                    acknowledged_by TEXT,
                    acknowledged_at TEXT,
                    note TEXT
                );
                -- At most one open finding per rule and subject.
                CREATE UNIQUE INDEX finding_open ON finding(rule, subject) WHERE resolved_at IS NULL;
                CREATE INDEX finding_subject ON finding(subject);

                CREATE TABLE review_run (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    trigger TEXT NOT NULL CHECK (trigger IN ('schedule', 'startup', 'manual')),
                    started_at TEXT NOT NULL,
                    finished_at TEXT NOT NULL,
                    raised INTEGER NOT NULL,
                    open INTEGER NOT NULL,
                    resolved INTEGER NOT NULL,
                    alerted INTEGER NOT NULL
                );
                """
        )
    }
}
