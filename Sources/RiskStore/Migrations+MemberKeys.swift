import GRDB

extension Migrations {
    /// Signed attestations (issue 24): the public SSH keys members sign with, and every signed confirmation and
    /// acknowledgement with the exact statement, the signature and the key. A removed key keeps its row
    /// (`removed_at`), so what it signed still verifies; attestations are append-only like the audit.
    static func memberKeys(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE member_key (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    user TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    public_key TEXT NOT NULL,
                    added_at TEXT NOT NULL,
                    added_by TEXT NOT NULL,
                    removed_at TEXT,
                    removed_by TEXT
                );
                CREATE UNIQUE INDEX member_key_registered ON member_key(fingerprint) WHERE removed_at IS NULL;
                CREATE INDEX member_key_user ON member_key(user);
                CREATE TABLE attestation (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL CHECK (kind IN ('interest_confirmation', 'code_acknowledgement')),
                    user TEXT NOT NULL,
                    at TEXT NOT NULL,
                    statement TEXT NOT NULL,
                    signature TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    public_key TEXT NOT NULL
                );
                CREATE INDEX attestation_user ON attestation(user, at);
                CREATE TRIGGER attestation_no_update BEFORE UPDATE ON attestation
                BEGIN SELECT RAISE(ABORT, 'attestations are append-only'); END;
                CREATE TRIGGER attestation_no_delete BEFORE DELETE ON attestation
                BEGIN SELECT RAISE(ABORT, 'attestations are append-only'); END;
                """
        )
    }
}
