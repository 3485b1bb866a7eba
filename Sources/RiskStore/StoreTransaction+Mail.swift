import GRDB
import RiskCore

/// The outbox as rows: addresses, mails and the notices written into them, as `org.riskd.mail`'s stories (and
/// `member.SetContact`'s) fetch and save them.
extension StoreTransaction {
    /// What mails are written with, as the daemon last configured it.
    public var mailSettings: MailSettings { mail }

    /// Mail `id`; `nil` when there is none.
    public func mail(_ id: Int) throws -> MailRecord? {
        try Row.fetchOne(db, sql: "SELECT \(MailRecord.columns) FROM mail WHERE id = ?", arguments: [id])
            .map { row throws(StoreError) in try MailRecord(row: row) }
    }

    /// The mail whose Message-ID is `messageID`; `nil` when there is none.
    public func mail(messageID: String) throws -> MailRecord? {
        try Row.fetchOne(
            db,
            sql: "SELECT \(MailRecord.columns) FROM mail WHERE message_id = ?",
            arguments: [messageID]
        ).map { row throws(StoreError) in try MailRecord(row: row) }
    }

    /// Sets (`email`) or clears (`nil`) the address `user` is mailed at, set by the actor now.
    public func saveContact(user: String, email: MailAddress?) throws {
        guard let email else {
            try db.execute(sql: "DELETE FROM contact WHERE user = ?", arguments: [user])
            return
        }
        try db.execute(
            sql: """
                INSERT INTO contact (user, email, set_by, set_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (user) DO UPDATE SET email = excluded.email, set_by = excluded.set_by,
                    set_at = excluded.set_at
                """,
            arguments: [user, email.description, actor.user, actor.now.description]
        )
    }

    /// Writes a mail of `kind` to `address` into the outbox, queued for the deliverer now; returns it.
    public func queueMail(
        kind: String,
        user: String?,
        to address: MailAddress,
        subject: String,
        body: String
    ) throws -> MailRecord {
        let id = try MailOutbox.insertMail(
            db,
            kind: kind,
            user: user,
            to: address,
            subject: subject,
            body: body,
            settings: mail,
            now: actor.now
        )
        return try stored(id)
    }

    /// Marks uncertain, for `reason`, every mail being sent that was claimed at or before `claimedBefore`.
    public func expireClaims(claimedBefore: Instant, reason: String) throws {
        try db.execute(
            sql: "UPDATE mail SET state = ?, settled_at = ?, reason = ? WHERE state = ? AND claimed_at <= ?",
            arguments: [
                MailState.uncertain.rawValue, actor.now.description, reason, MailState.sending.rawValue,
                claimedBefore.secondsSinceEpoch,
            ]
        )
    }

    /// Marks uncertain, for `reason`, every mail in one of `states`.
    public func markUncertain(_ states: [MailState], reason: String) throws {
        let placeholders = states.map { _ in "?" }.joined(separator: ", ")
        try db.execute(
            sql: "UPDATE mail SET state = ?, settled_at = ?, reason = ? WHERE state IN (\(placeholders))",
            arguments: StatementArguments([MailState.uncertain.rawValue, actor.now.description, reason])
                + StatementArguments(states.map(\.rawValue))
        )
    }

    /// The queued mail due first for an attempt now; `nil` when none is due.
    public func nextDueMail() throws -> MailRecord? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT \(MailRecord.columns) FROM mail
                WHERE state = ? AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
                ORDER BY id LIMIT 1
                """,
            arguments: [MailState.queued.rawValue, actor.now.secondsSinceEpoch]
        ).map { row throws(StoreError) in try MailRecord(row: row) }
    }

    /// Marks mail `id` claimed now, being sent, as one more attempt; returns it.
    public func markSending(_ id: Int) throws -> MailRecord {
        try db.execute(
            sql: """
                UPDATE mail SET state = ?, claimed_at = ?, attempts = attempts + 1, next_attempt_at = NULL
                WHERE id = ?
                """,
            arguments: [MailState.sending.rawValue, actor.now.secondsSinceEpoch, id]
        )
        return try stored(id)
    }

    /// Records what became of mail `id` after a report (`DeliveryOutcome.next`): its `state`, when it is tried
    /// again, and why (`nil` keeps the reason it had). A mail no longer queued is settled now; a sent one, sent now.
    public func saveReport(_ id: Int, state: MailState, retryAt: Instant?, reason: String?) throws -> MailRecord {
        let now = actor.now.description
        try db.execute(
            sql: """
                UPDATE mail SET state = ?, next_attempt_at = ?, claimed_at = NULL, reason = COALESCE(?, reason),
                    sent_at = COALESCE(?, sent_at), settled_at = COALESCE(?, settled_at)
                WHERE id = ?
                """,
            arguments: [
                state.rawValue, retryAt?.secondsSinceEpoch, reason, state == .sent ? now : nil,
                state == .queued ? nil : now, id,
            ]
        )
        return try stored(id)
    }

    /// Queues mail `id` again, attempts from 0; returns it.
    public func requeue(_ id: Int) throws -> MailRecord {
        try db.execute(
            sql: """
                UPDATE mail SET state = ?, attempts = 0, next_attempt_at = NULL, claimed_at = NULL, settled_at = NULL
                WHERE id = ?
                """,
            arguments: [MailState.queued.rawValue, id]
        )
        return try stored(id)
    }

    /// Marks mail `id` bounced now with `reason`; returns it.
    public func markBounced(_ id: Int, reason: String) throws -> MailRecord {
        try db.execute(
            sql: """
                UPDATE mail SET state = ?, reason = ?, settled_at = ?, next_attempt_at = NULL, claimed_at = NULL
                WHERE id = ?
                """,
            arguments: [MailState.bounced.rawValue, reason, actor.now.description, id]
        )
        return try stored(id)
    }

    /// Mail `id`, which must be there.
    private func stored(_ id: Int) throws -> MailRecord {
        guard let record = try mail(id) else { throw StoreError.corrupt("mail \(id)") }
        return record
    }
}
