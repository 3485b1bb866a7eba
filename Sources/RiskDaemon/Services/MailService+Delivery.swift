import RiskCore
import RiskProtocol
import RiskStore

extension MailService {
    /// The deliverer's methods: claim the next mail due, report what the MTA answered, report a bounce. None is
    /// audited: the outbox keeps what became of each mail.
    func registerDelivery(_ table: inout MethodTable) {
        table.on(MailInterface.Claim.self) { _, request in
            let mail = try await context.database.write(request.actor) { tx in try Self.claim(tx) }
            return .init(
                mail: mail.map {
                    MailInterface.Outgoing(id: $0.id, sender: $0.sender, recipient: $0.recipient, message: $0.message)
                }
            )
        }
        table.on(MailInterface.Report.self) { parameters, request in
            let (outcome, reason) = try DeliveryOutcome.read(outcome: parameters.outcome, reason: parameters.reason)
            let mail = try await context.database.write(request.actor) { tx in
                try Self.report(tx, id: parameters.id, outcome: outcome, reason: reason)
            }
            switch mail.state {
            case .failed:
                context.logger.warning("Mail \(mail.id) to \(mail.recipient) failed: \(mail.reason ?? "")")
            case .queued:
                context.logger.info(
                    "Mail \(mail.id) deferred by the MTA, attempt \(mail.attempts): \(mail.reason ?? "")"
                )
            case .sending, .sent, .uncertain, .dropped, .bounced:
                break  // sent is the tally's; a report never leaves the others
            }
            return .init(mail: .init(mail))
        }
        table.on(MailInterface.Bounced.self) { parameters, request in
            let (messageID, reason) = try MailBounce.read(messageId: parameters.messageId, reason: parameters.reason)
            let mail = try await context.database.write(request.actor) { tx in
                try Self.bounce(tx, messageID: messageID, reason: reason)
            }
            if let mail {
                context.logger.warning("Mail \(mail.id) to \(mail.recipient) was returned by the MTA: \(reason)")
            } else {
                context.logger.notice("A bounce of a message riskd has no record of was reported: <\(messageID)>")
            }
            return .init(mail: mail.map(MailInterface.Mail.init))
        }
    }

    /// The next mail due for an attempt, marked sending; `nil` when none is due. Mails claimed more than
    /// `MailRules.claimLease` ago and never reported become uncertain first: they are not handed out again. A notice
    /// or recusal mail is checked against the register first (`keep`): one with nothing true left is dropped, and
    /// the next one is looked at.
    static func claim(_ tx: StoreTransaction) throws -> MailRecord? {
        try tx.expireClaims(
            claimedBefore: tx.actor.now.adding(seconds: -MailRules.claimLease),
            reason: MailRules.unreportedReason
        )
        while let mail = try tx.nextDueMail() {
            if MailRules.checkedAtClaim(kind: mail.kind), try !keep(tx, mail) { continue }
            return try tx.markSending(mail.id)
        }
        return nil
    }

    /// Whether `mail` is still to be sent (issue 22): a notice that stopped being true since it was queued is
    /// dropped with its reason (`NoticeTruth`), the mail is written again with what is left, and a mail with nothing
    /// left is dropped, never sent. Runs in the claim's transaction, so nothing can change between the check and
    /// the hand-over.
    static func keep(_ tx: StoreTransaction, _ mail: MailRecord) throws -> Bool {
        let today = tx.mailSettings.localDate(tx.actor.now)
        var kept: [Notice] = []
        var dropped: [String] = []
        for written in try tx.notices(inMail: mail.id) {
            let facts = try tx.facts(of: written.notice)
            if let reason = NoticeTruth.reason(written.notice, createdAt: written.queuedAt, facts: facts, today: today)
            {
                try tx.dropNotice(written.id, reason: reason)
                dropped.append(reason)
            } else {
                kept.append(written.notice)
            }
        }
        guard !dropped.isEmpty else { return true }
        guard !kept.isEmpty else {
            try tx.dropMail(mail.id, reason: MailRules.droppedReason(dropped))
            return false
        }
        try tx.rewriteMail(mail.id, notices: kept.sorted { $0.kind < $1.kind })
        return true
    }

    /// Records what the MTA answered for claimed mail `id` (`DeliveryOutcome.next` decides what follows). A mail
    /// marked uncertain meanwhile takes the late report: it is the truth.
    static func report(
        _ tx: StoreTransaction,
        id: Int,
        outcome: DeliveryOutcome,
        reason: String?
    ) throws -> MailRecord {
        guard let mail = try tx.mail(id) else { throw DomainError.notFound(.mail, id: id) }
        try MailRules.report(id, state: mail.state)
        let next = outcome.next(
            attempts: mail.attempts,
            reason: reason,
            now: tx.actor.now,
            policy: tx.mailSettings.policy
        )
        return try tx.saveReport(id, state: next.state, retryAt: next.retryAt, reason: next.reason)
    }

    /// Marks the mail whose Message-ID is `messageID` bounced with `reason` (`MailRules.bounces`); `nil` when no
    /// mail has that Message-ID. A mail already bounced is returned unchanged.
    static func bounce(_ tx: StoreTransaction, messageID: String, reason: String) throws -> MailRecord? {
        guard let mail = try tx.mail(messageID: messageID) else { return nil }
        guard try MailRules.bounces(mail.id, state: mail.state, attempts: mail.attempts) else { return mail }
        return try tx.markBounced(mail.id, reason: reason)
    }
}
