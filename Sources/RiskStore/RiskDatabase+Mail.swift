import GRDB
import RiskCore

extension RiskDatabase {
    /// Sets what mails are written with: the daemon calls it at start and on every reload.
    public func configureMail(_ settings: MailSettings) {
        mailSettings.withLock { $0 = settings }
    }

    var currentMailSettings: MailSettings { mailSettings.withLock { $0 } }

    /// Sets (`email`) or clears (`nil`) the address `user` is mailed at, with its audit entry (the address as a
    /// keyed hash: it is personal data). Returns the address now. Refused when it would take the caller past a
    /// budget of `charge`.
    public func setContact(
        user: String,
        email: MailAddress?,
        charge: BudgetCharge? = nil,
        actor: Actor
    ) async throws -> String? {
        try await write { db in
            try self.admit(db, charge, actor: actor)
            if let email {
                try db.execute(
                    sql: """
                        INSERT INTO contact (user, email, set_by, set_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (user) DO UPDATE SET email = excluded.email, set_by = excluded.set_by,
                            set_at = excluded.set_at
                        """,
                    arguments: [user, email.description, actor.user, actor.now.description]
                )
            } else {
                try db.execute(sql: "DELETE FROM contact WHERE user = ?", arguments: [user])
            }
            try self.audit(
                db,
                actor,
                subject: "member:\(user)",
                detail: AuditDetail(["email": email.map { .personal($0.description) } ?? .null])
            )
            return email?.description
        }
    }

    /// The address set for `user`, if any.
    public func contact(user: String) async throws -> String? {
        try await lookup { db in
            try String.fetchOne(db, sql: "SELECT email FROM contact WHERE user = ?", arguments: [user])
        }
    }

    /// Queues a test mail to `address`, with its audit entry.
    public func queueTestMail(to address: MailAddress, actor: Actor) async throws -> MailRecord {
        let settings = currentMailSettings
        return try await write { db in
            let (subject, body) = MailComposer.test(by: actor.user, at: actor.now, policy: settings.policy)
            let id = try MailOutbox.insertMail(
                db,
                kind: "test",
                user: nil,
                to: address,
                subject: subject,
                body: body,
                settings: settings,
                now: actor.now
            )
            try self.audit(
                db,
                actor,
                subject: "mail:\(id)",
                detail: AuditDetail(["kind": .text("test"), "recipient": .personal(address.description)])
            )
            return try Self.mail(db, id: id)
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
            let waiting = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM mail_notice WHERE state = 'pending'") ?? 0
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

    /// How long a claimed mail may wait for its report before it is marked uncertain.
    static let claimLease: Int64 = 600

    /// The next mail due for an attempt, marked sending; `nil` when none is due. Mails claimed more than
    /// `claimLease` ago and never reported become uncertain first: they are not handed out again.
    public func claimMail(now: Instant) async throws -> MailRecord? {
        let settings = currentMailSettings
        return try await write { db in
            let epoch = now.secondsSinceEpoch
            try db.execute(
                sql: """
                    UPDATE mail SET state = 'uncertain', settled_at = ?, reason = 'the deliverer claimed it and never '
                        || 'said whether the MTA took it: it may or may not have been sent, and riskd will not send '
                        || 'it again by itself'
                    WHERE state = 'sending' AND claimed_at <= ?
                    """,
                arguments: [now.description, epoch - Self.claimLease]
            )
            // A notice or recusal mail is checked against the register first: one with nothing true left is
            // dropped, and the next one is looked at.
            var found: Int?
            while found == nil {
                guard
                    let (id, kind) = try Row.fetchOne(
                        db,
                        sql: """
                            SELECT id, kind FROM mail
                            WHERE state = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
                            ORDER BY id LIMIT 1
                            """,
                        arguments: [epoch]
                    ).map({ ($0["id"] as Int, $0["kind"] as String) })
                else { return nil }
                if kind == "notice" || kind == "recusal" {
                    guard try MailClaimCheck.keep(db, mail: id, settings: settings, now: now) else { continue }
                }
                found = id
            }
            guard let id = found else { return nil }
            try db.execute(
                sql: """
                    UPDATE mail SET state = 'sending', claimed_at = ?, attempts = attempts + 1, next_attempt_at = NULL
                    WHERE id = ?
                    """,
                arguments: [epoch, id]
            )
            return try Self.mail(db, id: id)
        }
    }

    /// Records what the MTA answered for claimed mail `id` (`DeliveryOutcome.next` decides what follows). A mail
    /// marked uncertain meanwhile takes the late report: it is the truth.
    public func reportMail(id: Int, outcome: DeliveryOutcome, reason: String?, now: Instant) async throws -> MailRecord
    {
        let policy = currentMailSettings.policy
        return try await write { db in
            let current = try Row.fetchOne(db, sql: "SELECT state, attempts FROM mail WHERE id = ?", arguments: [id])
            guard let current, ["sending", "uncertain"].contains(current["state"] as String) else {
                throw DomainError.notFound(.mail, id: id)
            }
            let next = outcome.next(attempts: current["attempts"], reason: reason, now: now, policy: policy)
            let settled = next.state == .queued ? nil : now.description
            try db.execute(
                sql: """
                    UPDATE mail SET state = ?, next_attempt_at = ?, claimed_at = NULL, reason = COALESCE(?, reason),
                        sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END, settled_at = COALESCE(?, settled_at)
                    WHERE id = ?
                    """,
                arguments: [
                    next.state.rawValue, next.retryAt?.secondsSinceEpoch, next.reason, next.state.rawValue,
                    now.description, settled, id,
                ]
            )
            return try Self.mail(db, id: id)
        }
    }

    static func mail(_ db: Database, id: Int) throws -> MailRecord {
        guard
            let row = try Row.fetchOne(db, sql: "SELECT \(MailRecord.columns) FROM mail WHERE id = ?", arguments: [id])
        else { throw StoreError.corrupt("mail \(id)") }
        return try MailRecord(row: row)
    }
}

extension RiskDatabase {
    /// Queues failed or uncertain mail `id` again, attempts from 0, with its audit entry.
    public func retryMail(id: Int, actor: Actor) async throws -> MailRecord {
        try await write { db in
            guard let state = try String.fetchOne(db, sql: "SELECT state FROM mail WHERE id = ?", arguments: [id])
            else {
                throw DomainError.notFound(.mail, id: id)
            }
            guard state == MailState.failed.rawValue || state == MailState.uncertain.rawValue else {
                throw DomainError.invalidValue(
                    "id",
                    "mail \(id) is \(state): only a failed or uncertain mail is retried"
                )
            }
            try db.execute(
                sql: """
                    UPDATE mail SET state = 'queued', attempts = 0, next_attempt_at = NULL, claimed_at = NULL,
                        settled_at = NULL
                    WHERE id = ?
                    """,
                arguments: [id]
            )
            try self.audit(db, actor, subject: "mail:\(id)", detail: AuditDetail(["retried": .text(state)]))
            return try Self.mail(db, id: id)
        }
    }
}
