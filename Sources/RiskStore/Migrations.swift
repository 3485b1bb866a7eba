import GRDB

/// The schema, as named migrations that are only ever appended to: a released migration never changes.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-risk-register") { db in
            try db.execute(
                sql: """
                    CREATE TABLE risk (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        revision INTEGER NOT NULL CHECK (revision >= 1),
                        title TEXT NOT NULL,
                        description TEXT NOT NULL,
                        category TEXT NOT NULL,
                        area TEXT,
                        owner TEXT NOT NULL,
                        likelihood INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
                        impact INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
                        residual_likelihood INTEGER CHECK (residual_likelihood BETWEEN 1 AND 5),
                        residual_impact INTEGER CHECK (residual_impact BETWEEN 1 AND 5),
                        score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 25),
                        status TEXT NOT NULL CHECK (status IN ('open', 'mitigating', 'accepted', 'closed')),
                        accepted_until TEXT,
                        close_reason TEXT,
                        next_review_due TEXT NOT NULL,
                        review_due_fixed INTEGER NOT NULL DEFAULT 0,
                        last_reviewed_at TEXT,
                        created_at TEXT NOT NULL,
                        updated_at TEXT NOT NULL
                    );
                    CREATE INDEX risk_status ON risk(status, id);
                    CREATE INDEX risk_next_review_due ON risk(next_review_due);

                    CREATE TABLE action (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        revision INTEGER NOT NULL CHECK (revision >= 1),
                        risk_id INTEGER NOT NULL REFERENCES risk(id),
                        description TEXT NOT NULL,
                        owner TEXT NOT NULL,
                        due_on TEXT NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('open', 'done', 'cancelled')),
                        completed_at TEXT
                    );
                    CREATE INDEX action_risk ON action(risk_id);

                    CREATE TABLE risk_review (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        risk_id INTEGER NOT NULL REFERENCES risk(id),
                        reviewer TEXT NOT NULL,
                        reviewed_at TEXT NOT NULL,
                        note TEXT NOT NULL,
                        likelihood INTEGER NOT NULL,
                        impact INTEGER NOT NULL,
                        residual_likelihood INTEGER,
                        residual_impact INTEGER
                    );
                    CREATE INDEX risk_review_risk ON risk_review(risk_id);

                    -- One row per mutation, hash-chained; see AuditChain.swift.
                    CREATE TABLE audit (
                        seq INTEGER PRIMARY KEY,
                        at TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        uid INTEGER NOT NULL,
                        method TEXT NOT NULL,
                        subject TEXT,
                        detail TEXT NOT NULL,
                        hash TEXT NOT NULL
                    );
                    CREATE INDEX audit_subject ON audit(subject, seq);
                    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
                    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
                        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

                    -- Per-database secrets, such as the key of the HMACs that stand for personal text in the audit.
                    CREATE TABLE secret (
                        name TEXT PRIMARY KEY,
                        value BLOB NOT NULL
                    );
                    """
            )
        }
        migrator.registerMigration("v2-integrity-register", migrate: integrityRegister)
        migrator.registerMigration("v3-reviews", migrate: reviews)
        migrator.registerMigration("v4-conflict-checks-by-reference", migrate: conflictReferences)
        migrator.registerMigration("v5-register-opened", migrate: registerOpened)
        migrator.registerMigration("v6-risk-history", migrate: riskHistory)
        migrator.registerMigration("v7-meetings", migrate: meetings)
        migrator.registerMigration("v8-interest-erasure", migrate: interestErasure)
        migrator.registerMigration("v9-concerns", migrate: concerns)
        migrator.registerMigration("v10-mail", migrate: mail)
        migrator.registerMigration("v11-budgets", migrate: budgets)
        migrator.registerMigration("v12-meeting-cancel", migrate: meetingCancel)
        migrator.registerMigration("v13-mail-truth", migrate: mailTruth)
        migrator.registerMigration("v14-finding-notice", migrate: findingNotice)
        migrator.registerMigration("v15-member-names", migrate: memberNames)
        migrator.registerMigration("v16-member-keys", migrate: memberKeys)
        migrator.registerMigration("v17-history", migrate: history)
        migrator.registerMigration("v18-config-history", migrate: configHistory)
        migrator.registerMigration("v19-role-history", migrate: roleHistory)
        return migrator
    }

    /// The number of migrations, reported as `schemaVersion` by `Status` (every one has run once a database is
    /// open).
    static let count = migrator.migrations.count
}
