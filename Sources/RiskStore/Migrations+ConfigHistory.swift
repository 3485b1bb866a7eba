import GRDB

extension Migrations {
    /// v18: the settings of riskd.toml that documents read (`RiskCore.DocumentSettings`), one row each time riskd
    /// read them different from the last row (at start and on SIGHUP), so that a document for a past time reads with
    /// the settings in force then. A template's text is kept once, under its SHA-256 (`document_template`); a
    /// version names it, or none for riskd's own.
    ///
    /// What riskd.toml said before this migration was never recorded: the first row is written at the first start
    /// after it, and documents for earlier times read with it.
    static func configHistory(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE document_template (
                    sha256 TEXT PRIMARY KEY,
                    text TEXT NOT NULL
                );

                CREATE TABLE configuration_version (
                    version INTEGER PRIMARY KEY AUTOINCREMENT,
                    at TEXT NOT NULL,
                    organisation TEXT,
                    template_sha256 TEXT REFERENCES document_template(sha256),
                    medium_from INTEGER NOT NULL,
                    high_from INTEGER NOT NULL,
                    critical_from INTEGER NOT NULL,
                    review_days_critical INTEGER NOT NULL,
                    review_days_high INTEGER NOT NULL,
                    review_days_medium INTEGER NOT NULL,
                    review_days_low INTEGER NOT NULL,
                    confirm_every_days INTEGER NOT NULL,
                    first_confirmation_days INTEGER NOT NULL,
                    unmanaged_after_days INTEGER NOT NULL,
                    acknowledge_within_days INTEGER NOT NULL,
                    remind_every_days INTEGER NOT NULL,
                    gift_declare_above REAL,
                    gift_refuse_above REAL,
                    currency TEXT,
                    retain_ended_days INTEGER NOT NULL
                );
                CREATE INDEX configuration_version_by_time ON configuration_version(at, version);
                """
        )
    }
}
