import GRDB

extension Migrations {
    /// Mail (issue 14): users' addresses, the notices waiting for a person's mail of the day, and the outbox.
    ///
    /// The unique indexes are the rules themselves: one notice per reason (`dedup`), one mail of notices per person
    /// per day, one digest per address per day. `next_attempt_at` and `claimed_at` are seconds since the epoch, so
    /// that the deliverer's query compares numbers.
    static func mail(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE contact (
                    user TEXT PRIMARY KEY,
                    email TEXT NOT NULL,
                    set_by TEXT NOT NULL,
                    set_at TEXT NOT NULL
                );

                CREATE TABLE mail (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL CHECK (kind IN ('notice', 'digest', 'test')),
                    user TEXT,
                    recipient TEXT NOT NULL,
                    sender TEXT NOT NULL,
                    day TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    message_id TEXT NOT NULL UNIQUE,
                    message TEXT NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'uncertain')),
                    queued_at TEXT NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at INTEGER,
                    claimed_at INTEGER,
                    sent_at TEXT,
                    settled_at TEXT,
                    reason TEXT,
                    -- For a digest: the review run that wrote it, to tell what came after it in the same second.
                    run_id INTEGER REFERENCES review_run(id)
                );
                CREATE UNIQUE INDEX mail_one_notice_a_day ON mail(user, day) WHERE kind = 'notice';
                CREATE UNIQUE INDEX mail_one_digest_a_day ON mail(recipient, day) WHERE kind = 'digest';
                CREATE INDEX mail_due ON mail(state, next_attempt_at, id);

                CREATE TABLE mail_notice (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    user TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    dedup TEXT NOT NULL UNIQUE,
                    text TEXT NOT NULL,
                    command TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('pending', 'mailed', 'unaddressed')),
                    mail_id INTEGER REFERENCES mail(id)
                );
                CREATE INDEX mail_notice_pending ON mail_notice(state, user, id);
                """
        )
    }
}
