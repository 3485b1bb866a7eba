import GRDB
import RiskCore

/// What the deliverer's claim checks a mail against (issue 22, `MailService.keep`): what a notice's subject holds
/// now, and the mail written again with the notices still true.
enum MailClaimCheck {
    /// Writes mail `id` again with `notices` only, under the same Message-ID and address.
    static func rewrite(_ db: Database, mail id: Int, notices: [Notice], settings: MailSettings) throws {
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
