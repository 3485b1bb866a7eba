import GRDB

extension Migrations {
    /// Mail that is still true when it arrives (issue 22). A mail may end `dropped` (every notice in it stopped
    /// being true before the deliverer claimed it) or `bounced` (the MTA accepted it, then returned it); a `recusal`
    /// mail carries a meeting's recusal notice the day it is published, whatever mail the member already had that
    /// day; a notice may be `dropped` with its reason. SQLite cannot change a CHECK in place: both tables are
    /// rebuilt with the same rows and ids (the migrator defers foreign key checks across the rebuild).
    static func mailTruth(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE mail_new (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL CHECK (kind IN ('notice', 'recusal', 'digest', 'test')),
                    user TEXT,
                    recipient TEXT NOT NULL,
                    sender TEXT NOT NULL,
                    day TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    message_id TEXT NOT NULL UNIQUE,
                    message TEXT NOT NULL,
                    state TEXT NOT NULL
                        CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'uncertain', 'dropped', 'bounced')),
                    queued_at TEXT NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at INTEGER,
                    claimed_at INTEGER,
                    sent_at TEXT,
                    settled_at TEXT,
                    reason TEXT,
                    run_id INTEGER REFERENCES review_run(id)
                );
                INSERT INTO mail_new SELECT * FROM mail;
                DROP TABLE mail;
                ALTER TABLE mail_new RENAME TO mail;
                CREATE UNIQUE INDEX mail_one_notice_a_day ON mail(user, day) WHERE kind = 'notice';
                CREATE UNIQUE INDEX mail_one_digest_a_day ON mail(recipient, day) WHERE kind = 'digest';
                CREATE INDEX mail_due ON mail(state, next_attempt_at, id);

                CREATE TABLE mail_notice_new (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    user TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    dedup TEXT NOT NULL UNIQUE,
                    text TEXT NOT NULL,
                    command TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('pending', 'mailed', 'unaddressed', 'dropped')),
                    mail_id INTEGER REFERENCES mail(id),
                    reason TEXT
                );
                INSERT INTO mail_notice_new (id, user, kind, subject, dedup, text, command, created_at, state, mail_id)
                    SELECT id, user, kind, subject, dedup, text, command, created_at, state, mail_id FROM mail_notice;
                DROP TABLE mail_notice;
                ALTER TABLE mail_notice_new RENAME TO mail_notice;
                CREATE INDEX mail_notice_pending ON mail_notice(state, user, id);
                CREATE INDEX mail_notice_of_mail ON mail_notice(mail_id);
                """
        )
    }
}
