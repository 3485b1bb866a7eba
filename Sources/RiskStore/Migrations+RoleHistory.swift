import GRDB

extension Migrations {
    /// The roles other than the board's as riskd saw board members hold them (issue 27): `role_span` keeps, like
    /// `board_span`, when riskd first saw a member hold admin, auditor or mailer, when it last did, and when it first
    /// saw them without it, so that `member.List` for a past time gives the roles of then.
    ///
    /// Nothing is seeded: the roles come from the configuration and group membership, which the database never
    /// held, so before this migration no one is known to have held any of them.
    static func roleHistory(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE role_span (
                    user TEXT NOT NULL,
                    role TEXT NOT NULL,
                    uid INTEGER NOT NULL,
                    from_at TEXT NOT NULL,
                    last_seen_at TEXT NOT NULL,
                    gone_at TEXT,
                    PRIMARY KEY (user, role, from_at)
                );
                CREATE UNIQUE INDEX role_span_open ON role_span(user, role) WHERE gone_at IS NULL;
                """
        )
    }
}
