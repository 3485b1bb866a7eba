import GRDB
import RiskCore

extension RiskDatabase {
    /// Sets what mails are written with: the daemon calls it at start and on every reload.
    public func configureMail(_ settings: MailSettings) {
        mailSettings.withLock { $0 = settings }
    }

    var currentMailSettings: MailSettings { mailSettings.withLock { $0 } }

    /// The address set for `user`, if any.
    public func contact(user: String) async throws -> String? {
        try await lookup { db in
            try String.fetchOne(db, sql: "SELECT email FROM contact WHERE user = ?", arguments: [user])
        }
    }

    /// How many mails stand in each state, how many notices wait for their person's next daily mail, and the latest
    /// `limit` mails (of `state` only, when given), newest first.
    public func mailStatus(
        state: MailState?,
        limit: Int
    ) async throws -> (counts: [MailState: Int], waiting: Int, mails: [MailRecord]) {
        try await lookup { db in
            var counts: [MailState: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM mail GROUP BY state") {
                if let state = MailState(rawValue: row["state"]) { counts[state] = row["n"] }
            }
            let waiting =
                try Int.fetchOne(
                    db,
                    sql: "SELECT COUNT(*) FROM mail_notice WHERE state = ?",
                    arguments: [NoticeState.pending.rawValue]
                ) ?? 0
            let mails = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(MailRecord.columns) FROM mail WHERE (?1 IS NULL OR state = ?1) ORDER BY id DESC LIMIT ?2
                    """,
                arguments: [state?.rawValue, limit]
            ).map { row throws(StoreError) in try MailRecord(row: row) }
            return (counts, waiting, mails)
        }
    }
}
