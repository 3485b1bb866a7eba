import GRDB

extension Migrations {
    /// Risk history (issue 11): a `risk_version` row for every change of a risk, the board's `appetite` per
    /// category, and the risk's acceptance record (`accepted_score`, `accepted_by`, `decision`, `lapsed_on`).
    ///
    /// `risk_version` has every column of `risk` under the same name (`id` is the risk's), so a version reads as a
    /// `RiskRow`; `RiskHistory.recordVersion` copies the risk's row by column name, so a later migration that adds
    /// a column to `risk` must add it here too (a test fails otherwise). Each existing risk gets a first version
    /// from its current row, change `created` at its `created_at`, so history starts honestly rather than empty.
    static func riskHistory(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE risk ADD COLUMN accepted_score INTEGER CHECK (accepted_score BETWEEN 1 AND 25);
                ALTER TABLE risk ADD COLUMN accepted_by TEXT;
                ALTER TABLE risk ADD COLUMN decision TEXT;
                ALTER TABLE risk ADD COLUMN lapsed_on TEXT;

                CREATE TABLE risk_version (
                    version INTEGER PRIMARY KEY AUTOINCREMENT,
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    change TEXT NOT NULL CHECK (change IN
                        ('created', 'imported', 'updated', 'reviewed', 'accepted', 'lapsed', 'closed', 'reopened')),
                    note TEXT,
                    id INTEGER NOT NULL REFERENCES risk(id),
                    revision INTEGER NOT NULL,
                    title TEXT NOT NULL,
                    description TEXT NOT NULL,
                    category TEXT NOT NULL,
                    area TEXT,
                    owner TEXT NOT NULL,
                    likelihood INTEGER NOT NULL,
                    impact INTEGER NOT NULL,
                    residual_likelihood INTEGER,
                    residual_impact INTEGER,
                    score INTEGER NOT NULL,
                    status TEXT NOT NULL,
                    accepted_until TEXT,
                    close_reason TEXT,
                    next_review_due TEXT NOT NULL,
                    review_due_fixed INTEGER NOT NULL,
                    last_reviewed_at TEXT,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    accepted_score INTEGER,
                    accepted_by TEXT,
                    decision TEXT,
                    lapsed_on TEXT
                );
                CREATE INDEX risk_version_by_risk ON risk_version(id, at, version);

                CREATE TABLE appetite (
                    category TEXT PRIMARY KEY,
                    max_score INTEGER NOT NULL CHECK (max_score BETWEEN 1 AND 25),
                    set_by TEXT NOT NULL,
                    set_at TEXT NOT NULL
                );
                """
        )
        let columns = try RiskHistory.riskColumns(db)
        try db.execute(
            sql: """
                INSERT INTO risk_version (at, actor, change, note, \(columns))
                SELECT created_at,
                       COALESCE((SELECT actor FROM audit WHERE subject = 'risk:' || risk.id ORDER BY seq LIMIT 1), owner),
                       'created', NULL, \(columns)
                FROM risk ORDER BY id
                """
        )
    }
}
