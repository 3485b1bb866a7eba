import GRDB
import RiskCore

/// The outbox inside a write transaction: notices are queued by the same transaction as the finding, publication or
/// closing that caused them, and the mails they make are written there too. Nothing leaves the database here; the
/// deliverer claims mails after the commit (`mail.Claim`, `MailService.claim`).
enum MailOutbox {
    /// Queues `notices` (a reason already told is skipped) and writes the mails of everyone who has notices waiting
    /// and no mail yet today.
    static func notify(_ db: Database, _ notices: [Notice], settings: MailSettings, now: Instant) throws {
        guard settings.policy.enabled else { return }
        let insert = try db.cachedStatement(
            sql: """
                INSERT OR IGNORE INTO mail_notice (user, kind, subject, dedup, text, command, created_at, state)
                VALUES (?, ?, ?, ?, ?, ?, ?, '\(NoticeState.pending.rawValue)')
                """
        )
        for notice in notices where settings.policy.sends(notice.kind) {
            try insert.execute(arguments: [
                notice.user, notice.kind.rawValue, notice.subject, notice.key, notice.text, notice.command,
                now.description,
            ])
        }
        try writePersonalMails(db, settings: settings, now: now)
    }

    /// Withdraws the notices of `kind` about `subject` that no mail holds yet; returns how many.
    static func withdraw(_ db: Database, kind: NoticeKind, subject: String) throws -> Int {
        try db.execute(
            sql: "DELETE FROM mail_notice WHERE state = ? AND kind = ? AND subject = ?",
            arguments: [NoticeState.pending.rawValue, kind.rawValue, subject]
        )
        return db.changesCount
    }

    /// One mail per person with notices waiting, unless they had one today: theirs wait for the next review's
    /// mail, which gathers them (a batching rule, never a drop rule). A meeting's recusal notices are never held
    /// back: they go at once, in a `recusal` mail of their own, whatever the member had today. A person with no
    /// address has their notices marked unaddressed, for the digest.
    static func writePersonalMails(_ db: Database, settings: MailSettings, now: Instant) throws {
        let today = settings.localDate(now).description
        let recusals = try Row.fetchAll(
            db,
            sql: """
                SELECT n.id, n.user, n.kind, n.subject, n.dedup, n.text, n.command,
                    (SELECT email FROM contact c WHERE c.user = n.user) AS contact
                FROM mail_notice n
                WHERE n.state = '\(NoticeState.pending.rawValue)' AND n.kind = ?
                ORDER BY n.user, n.id
                """,
            arguments: [NoticeKind.meetingRecusal.rawValue]
        )
        try write(recusals, kind: "recusal", db, settings: settings, now: now)
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT n.id, n.user, n.kind, n.subject, n.dedup, n.text, n.command,
                    (SELECT email FROM contact c WHERE c.user = n.user) AS contact
                FROM mail_notice n
                WHERE n.state = '\(NoticeState.pending.rawValue)'
                    AND NOT EXISTS (SELECT 1 FROM mail m WHERE m.kind = 'notice' AND m.user = n.user AND m.day = ?)
                ORDER BY n.user, n.id
                """,
            arguments: [today]
        )
        try write(rows, kind: "notice", db, settings: settings, now: now)
    }

    /// One `kind` mail per person of the pending notices in `rows` (ordered by user).
    private static func write(
        _ rows: [Row],
        kind mailKind: String,
        _ db: Database,
        settings: MailSettings,
        now: Instant
    ) throws {
        let policy = settings.policy
        var byUser: [(user: String, contact: String?, notices: [(Int, Notice)])] = []
        for row in rows {
            let user: String = row["user"]
            guard let kind = NoticeKind(rawValue: row["kind"]) else { throw StoreError.corrupt("notice \(row["id"]!)") }
            let notice = Notice(
                user: user,
                kind: kind,
                subject: row["subject"],
                key: row["dedup"],
                text: row["text"],
                command: row["command"]
            )
            if byUser.last?.user == user {
                byUser[byUser.count - 1].notices.append((row["id"], notice))
            } else {
                byUser.append((user, row["contact"], [(row["id"], notice)]))
            }
        }
        for (user, contact, notices) in byUser {
            let ids = notices.map { String($0.0) }.joined(separator: ",")
            guard let address = policy.address(of: user, contact: contact).flatMap({ try? MailAddress($0) }) else {
                try db.execute(
                    sql: "UPDATE mail_notice SET state = ? WHERE id IN (\(ids))",
                    arguments: [NoticeState.unaddressed.rawValue]
                )
                continue
            }
            let ordered = notices.map(\.1).sorted { $0.kind < $1.kind }
            let (subject, body) = MailComposer.personal(
                user: user,
                name: try greetingName(db, user, settings: settings),
                notices: ordered,
                policy: policy
            )
            let id = try insertMail(
                db,
                kind: mailKind,
                user: user,
                to: address,
                subject: subject,
                body: body,
                settings: settings,
                now: now
            )
            try db.execute(
                sql: "UPDATE mail_notice SET state = ?, mail_id = ? WHERE id IN (\(ids))",
                arguments: [NoticeState.mailed.rawValue, id]
            )
        }
    }

    /// Writes a mail into the outbox, queued for the deliverer now; returns its id.
    @discardableResult
    static func insertMail(
        _ db: Database,
        kind: String,
        user: String?,
        to address: MailAddress,
        subject: String,
        body: String,
        settings: MailSettings,
        now: Instant
    ) throws -> Int {
        let from = settings.policy.from
        let day = settings.localDate(now)
        // Stable for the mail's whole life: written once here, the same on every attempt.
        let token = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let messageID = "riskd.\(kind).\(day).\(token)@\(from.domain)"
        let message = self.message(
            to: address,
            subject: subject,
            body: body,
            messageID: messageID,
            settings: settings,
            date: now
        )
        try db.execute(
            sql: """
                INSERT INTO mail (kind, user, recipient, sender, day, subject, message_id, message, state, queued_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, '\(MailState.queued.rawValue)', ?)
                """,
            arguments: [
                kind, user, address.description, from.description, day.description, MailText.line(subject, limit: 300),
                messageID, message.rendered, now.description,
            ]
        )
        return Int(db.lastInsertedRowID)
    }

    /// How a mail greets `user`: the name set with `member.SetName`, else their account's full name; nil: none.
    static func greetingName(_ db: Database, _ user: String, settings: MailSettings) throws -> String? {
        let set = try String.fetchOne(db, sql: "SELECT name FROM member WHERE user = ?", arguments: [user])
        return PersonName.chosen(set: set, account: set == nil ? settings.accountName(user) : nil)
    }

    /// A mail as riskd writes it: from `mail.from`, signed with the organisation's name.
    static func message(
        to address: MailAddress,
        subject: String,
        body: String,
        messageID: String,
        settings: MailSettings,
        date: Instant
    ) -> MailMessage {
        let policy = settings.policy
        return MailMessage(
            from: policy.from,
            fromName: policy.organisation == "riskd" ? "riskd" : "\(MailText.line(policy.organisation)) (riskd)",
            to: address,
            subject: subject,
            date: date,
            messageID: messageID,
            body: body
        )
    }

    /// The digest of the day to each of `mail.admins` who has not had it yet today. `board`: the users holding the
    /// board role now, to list those with no address.
    static func writeDigest(_ db: Database, board: [String], run: Int, settings: MailSettings, now: Instant) throws {
        let policy = settings.policy
        guard policy.sends(.digest), !policy.admins.isEmpty else { return }
        let day = settings.localDate(now)
        let due = try policy.admins.compactMap { address -> MailAddress? in
            let sent = try Bool.fetchOne(
                db,
                sql: "SELECT EXISTS (SELECT 1 FROM mail WHERE kind = 'digest' AND recipient = ? AND day = ?)",
                arguments: [address.description, day.description]
            )
            return sent == true ? nil : address
        }
        guard !due.isEmpty else { return }
        let digest = try gather(db, day: day, board: board, policy: policy)
        let (subject, body) = digest.composed(policy: policy)
        for address in due {
            let id = try insertMail(
                db,
                kind: "digest",
                user: nil,
                to: address,
                subject: subject,
                body: body,
                settings: settings,
                now: now
            )
            try db.execute(sql: "UPDATE mail SET run_id = ? WHERE id = ?", arguments: [run, id])
        }
    }

    /// What happened since the previous digest.
    static func gather(_ db: Database, day: CalendarDate, board: [String], policy: MailPolicy) throws -> Digest {
        let previous = try Row.fetchOne(
            db,
            sql: "SELECT queued_at, run_id FROM mail WHERE kind = 'digest' ORDER BY id DESC LIMIT 1"
        )
        let since: String? = previous?["queued_at"]
        var digest = Digest(day: day, since: since.flatMap { Instant(rfc3339: $0) })
        let after = since ?? ""
        // Events are stamped to the second, and the previous digest told those of its own run. A later run in that
        // same second (one asked for by hand) is told too, at the price of repeating that second's events.
        let laterInSameSecond =
            try Bool.fetchOne(
                db,
                sql: "SELECT EXISTS (SELECT 1 FROM review_run WHERE id > ? AND finished_at = ?)",
                arguments: [(previous?["run_id"] as Int?) ?? 0, after]
            ) ?? false
        let later = laterInSameSecond ? ">=" : ">"
        func findings(_ condition: String) throws -> [Digest.Finding] {
            try Row.fetchAll(
                db,
                sql: "SELECT id, rule, severity, subject FROM finding WHERE \(condition) ORDER BY id",
                arguments: ["since": after]
            ).map { Digest.Finding(id: $0["id"], rule: $0["rule"], severity: $0["severity"], subject: $0["subject"]) }
        }
        digest.raised = try findings("first_seen_at \(later) :since")
        digest.reminded = try findings(
            "last_alerted_at \(later) :since AND first_seen_at < last_alerted_at AND resolved_at IS NULL"
        )
        digest.resolved = try findings("resolved_at \(later) :since")
        digest.open = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM finding WHERE resolved_at IS NULL") ?? 0
        digest.waiting =
            try Int.fetchOne(
                db,
                sql: "SELECT COUNT(*) FROM mail WHERE state IN (?, ?)",
                arguments: [MailState.queued.rawValue, MailState.sending.rawValue]
            ) ?? 0
        // A mail settles when the deliverer reports, outside any run: one settled in the previous digest's second
        // may have come after it, so it is told again rather than perhaps never.
        digest.problems = try Row.fetchAll(
            db,
            sql: """
                SELECT id, recipient, state, reason FROM mail
                WHERE state IN ('\(MailState.failed.rawValue)', '\(MailState.uncertain.rawValue)',
                    '\(MailState.bounced.rawValue)')
                    AND settled_at >= ? ORDER BY id
                """,
            arguments: [after]
        ).map {
            Digest.Problem(id: $0["id"], recipient: $0["recipient"], state: $0["state"], reason: $0["reason"] ?? "")
        }
        let contacts = Set(try String.fetchAll(db, sql: "SELECT user FROM contact"))
        digest.membersWithoutAddress = board.sorted().filter { user in
            !contacts.contains(user) && policy.address(of: user, contact: nil) == nil
        }
        digest.unaddressed = try String.fetchAll(
            db,
            sql: """
                SELECT DISTINCT user FROM mail_notice
                WHERE state = '\(NoticeState.unaddressed.rawValue)' AND created_at \(later) ?
                ORDER BY user
                """,
            arguments: [after]
        )
        return digest
    }
}
