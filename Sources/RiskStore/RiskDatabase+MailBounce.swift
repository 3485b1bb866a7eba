import GRDB
import RiskCore

extension RiskDatabase {
    /// Marks the mail whose Message-ID is `messageID` bounced with `reason` (`mail.Bounced`); `nil` when no mail has
    /// that Message-ID. A mail already bounced is returned unchanged: the deliverer may report a bounce again when it
    /// stopped before removing it from the mailbox, and it still counts once.
    ///
    /// Any mail handed to the MTA at least once may bounce, whatever riskd recorded of the handover: a sendmail
    /// killed by the timeout may have queued it (the mail reads queued or failed), and an uncertain one may have gone.
    /// One never handed over (no attempt yet, or dropped) cannot have been returned, and is refused.
    public func bounceMail(messageID: String, reason: String, now: Instant) async throws -> MailRecord? {
        try await write { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: "SELECT id, state, attempts FROM mail WHERE message_id = ?",
                    arguments: [messageID]
                )
            else { return nil }
            let id: Int = row["id"]
            let state: String = row["state"]
            if state == MailState.bounced.rawValue { return try Self.mail(db, id: id) }
            guard state != MailState.dropped.rawValue, (row["attempts"] as Int) > 0 else {
                throw DomainError.invalidValue(
                    "messageId",
                    "mail \(id) is \(state) and was never handed to the MTA: it cannot have bounced"
                )
            }
            try db.execute(
                sql: """
                    UPDATE mail SET state = 'bounced', reason = ?, settled_at = ?, next_attempt_at = NULL,
                        claimed_at = NULL
                    WHERE id = ?
                    """,
                arguments: [reason, now.description, id]
            )
            return try Self.mail(db, id: id)
        }
    }

    /// The bounced mails, for `mail-bounced`: what was returned, to whom, when and why; never the message.
    static func bouncedMails(_ db: Database) throws -> [BouncedMailFacts] {
        try Row.fetchAll(
            db,
            sql: "SELECT id, recipient, kind, settled_at, reason FROM mail WHERE state = 'bounced' ORDER BY id"
        ).compactMap { row in
            guard let settled = (row["settled_at"] as String?).flatMap({ Instant(rfc3339: $0) }) else { return nil }
            return BouncedMailFacts(
                id: row["id"],
                recipient: row["recipient"],
                kind: row["kind"],
                bouncedOn: settled.utcDate,
                reason: row["reason"] ?? ""
            )
        }
    }
}
