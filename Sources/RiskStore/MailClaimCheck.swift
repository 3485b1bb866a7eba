import GRDB
import RiskCore

/// The deliverer's claim, checked against the register as it stands (issue 22): a notice that stopped being true
/// since it was queued is dropped with its reason (`NoticeTruth`), the mail is written again with what is left, and
/// a mail with nothing left is `dropped`, never sent. Runs in the claim's transaction, so nothing can change
/// between the check and the hand-over.
enum MailClaimCheck {
    /// Whether mail `id` (a notice or recusal mail) is still to be sent, after dropping what is no longer true.
    static func keep(_ db: Database, mail id: Int, settings: MailSettings, now: Instant) throws -> Bool {
        let today = settings.localDate(now)
        var kept: [Notice] = []
        var dropped: [String] = []
        for row in try Row.fetchAll(
            db,
            sql: "SELECT id, user, kind, subject, dedup, text, command, created_at FROM mail_notice WHERE mail_id = ? "
                + "AND state = 'mailed' ORDER BY id",
            arguments: [id]
        ) {
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
            let facts = try self.facts(db, notice)
            if let reason = NoticeTruth.reason(notice, createdAt: created, facts: facts, today: today) {
                try db.execute(
                    sql: "UPDATE mail_notice SET state = 'dropped', reason = ? WHERE id = ?",
                    arguments: [reason, row["id"] as Int]
                )
                dropped.append(reason)
            } else {
                kept.append(notice)
            }
        }
        guard !dropped.isEmpty else { return true }
        guard !kept.isEmpty else {
            try db.execute(
                sql: "UPDATE mail SET state = 'dropped', settled_at = ?, reason = ? WHERE id = ?",
                arguments: [
                    now.description, "no longer true when its turn came: " + dropped.joined(separator: "; "), id,
                ]
            )
            return false
        }
        try rewrite(db, mail: id, notices: kept.sorted { $0.kind < $1.kind }, settings: settings)
        return true
    }

    /// Writes mail `id` again with `notices` only, under the same Message-ID and address.
    private static func rewrite(_ db: Database, mail id: Int, notices: [Notice], settings: MailSettings) throws {
        guard
            let row = try Row.fetchOne(
                db,
                sql: "SELECT user, recipient, message_id, queued_at FROM mail WHERE id = ?",
                arguments: [id]
            ),
            let address = try? MailAddress(row["recipient"] as String),
            let queued = Instant(rfc3339: row["queued_at"])
        else { throw StoreError.corrupt("mail \(id)") }
        let user: String = row["user"]
        let (subject, body) = MailComposer.personal(
            user: user,
            name: try MailOutbox.greetingName(db, user, settings: settings),
            notices: notices,
            policy: settings.policy
        )
        let message = MailOutbox.message(
            to: address,
            subject: subject,
            body: body,
            messageID: row["message_id"],
            settings: settings,
            date: queued
        )
        try db.execute(
            sql: "UPDATE mail SET subject = ?, message = ? WHERE id = ?",
            arguments: [MailText.line(subject, limit: 300), message.rendered, id]
        )
    }

    /// The notice's subject as it stands now.
    static func facts(_ db: Database, _ notice: Notice) throws -> NoticeTruth.Facts {
        let parts = notice.subject.split(separator: ":", maxSplits: 1).map(String.init)
        let id = parts.count == 2 ? parts[1] : ""
        switch notice.kind {
        case .riskReviewDue, .riskReviewOverdue:
            let row = try Row.fetchOne(
                db,
                sql: "SELECT status, last_reviewed_at, next_review_due FROM risk WHERE id = ?",
                arguments: [Int(id)]
            )
            return .risk(
                status: row.flatMap { RiskStatus(rawValue: $0["status"]) },
                lastReviewedAt: row.flatMap { ($0["last_reviewed_at"] as String?).flatMap(Instant.init(rfc3339:)) },
                nextReviewDue: row.flatMap { CalendarDate($0["next_review_due"] as String) }
            )
        case .actionDue, .actionOverdue:
            let row = try Row.fetchOne(db, sql: "SELECT status, due_on FROM action WHERE id = ?", arguments: [Int(id)])
            return .action(
                status: row.flatMap { ActionStatus(rawValue: $0["status"]) },
                dueOn: row.flatMap { CalendarDate($0["due_on"] as String) }
            )
        case .confirmationDue, .confirmationOverdue:
            let last = try String.fetchOne(
                db,
                sql: "SELECT MAX(confirmed_at) FROM confirmation WHERE declarant = ?",
                arguments: [notice.user]
            )
            return .confirmation(lastConfirmedAt: last.flatMap(Instant.init(rfc3339:)))
        case .codePublished, .codeOverdue:
            let current = try Int.fetchOne(db, sql: "SELECT MAX(version) FROM ethics_code")
            let asked = notice.kind == .codePublished ? Int(id) ?? current : current
            let acknowledged = try String.fetchOne(
                db,
                sql: "SELECT acknowledged_at FROM acknowledgement WHERE user = ? AND version = ?",
                arguments: [notice.user, asked]
            )
            return .code(current: current, acknowledgedAt: acknowledged.flatMap(Instant.init(rfc3339:)))
        case .meetingRecusal:
            let row = try Row.fetchOne(db, sql: "SELECT status, date FROM meeting WHERE id = ?", arguments: [Int(id)])
            return .meeting(
                status: row.flatMap { Meeting.Status(rawValue: $0["status"]) },
                date: row.flatMap { CalendarDate($0["date"] as String) }
            )
        case .concernClosed, .digest:
            return .always
        }
    }
}
