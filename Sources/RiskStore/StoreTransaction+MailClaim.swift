import GRDB
import RiskCore

/// The notices written into a mail, as the deliverer's claim checks them against the register (`NoticeTruth`): what
/// each notice's subject holds now, and what becomes of a notice or a mail that is no longer true.
extension StoreTransaction {
    /// The notices written into mail `id`, each with its row's id and when it was queued, in the order queued.
    public func notices(inMail id: Int) throws -> [(id: Int, notice: Notice, queuedAt: Instant)] {
        try Row.fetchAll(
            db,
            sql: "SELECT id, user, kind, subject, dedup, text, command, created_at FROM mail_notice WHERE mail_id = ? "
                + "AND state = ? ORDER BY id",
            arguments: [id, NoticeState.mailed.rawValue]
        ).map { row in
            guard let kind = NoticeKind(rawValue: row["kind"]), let created = Instant(rfc3339: row["created_at"]) else {
                throw StoreError.corrupt("notice \(row["id"] as Int)")
            }
            let notice = Notice(
                user: row["user"],
                kind: kind,
                subject: row["subject"],
                key: row["dedup"],
                text: row["text"],
                command: row["command"]
            )
            return (row["id"], notice, created)
        }
    }

    /// What `notice`'s subject (a risk, an action, a meeting, a member's confirmation or acknowledgement) holds now.
    public func facts(of notice: Notice) throws -> NoticeTruth.Facts {
        try MailClaimCheck.facts(db, notice)
    }

    /// Drops notice `id` from its mail, for `reason`.
    public func dropNotice(_ id: Int, reason: String) throws {
        try db.execute(
            sql: "UPDATE mail_notice SET state = ?, reason = ? WHERE id = ?",
            arguments: [NoticeState.dropped.rawValue, reason, id]
        )
    }

    /// Settles mail `id` dropped now, never sent, for `reason`.
    public func dropMail(_ id: Int, reason: String) throws {
        try db.execute(
            sql: "UPDATE mail SET state = ?, settled_at = ?, reason = ? WHERE id = ?",
            arguments: [MailState.dropped.rawValue, actor.now.description, reason, id]
        )
    }

    /// Writes mail `id` again with `notices` only, under the same Message-ID and address.
    public func rewriteMail(_ id: Int, notices: [Notice]) throws {
        try MailClaimCheck.rewrite(db, mail: id, notices: notices, settings: mail)
    }
}
