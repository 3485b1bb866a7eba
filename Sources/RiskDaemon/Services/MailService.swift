import RiskCore
import RiskProtocol
import RiskStore

/// `org.riskd.mail`: the outbox. Administrators and auditors read it and administrators queue test mails; the
/// deliverer (the mailer role, riskd-mail.service) claims one mail at a time, reports what the MTA answered, and
/// reports the bounces it finds in its mailbox.
///
/// riskd itself never submits mail: its unit may not run the setgid or setuid programs an MTA submits through,
/// and it has no network. What is queued where is decided in the store's transactions (`MailOutbox`).
struct MailService {
    let context: DaemonContext

    var methods: MethodTable {
        var table = MethodTable()
        table.on(MailInterface.Status.self) { parameters, request in
            let state = try parameters.state.map { (text: String) throws(DomainError) in
                guard let state = MailState(rawValue: text) else {
                    throw DomainError.invalidValue(
                        "state",
                        "must be one of \(MailState.allCases.map(\.rawValue).joined(separator: ", ")), not \"\(text)\""
                    )
                }
                return state
            }
            let limit = try parameters.limit.map { try Paging.limit($0) } ?? 20
            let status = try await context.database.mailStatus(state: state, limit: limit)
            return .init(
                queued: status.counts[.queued] ?? 0,
                sending: status.counts[.sending] ?? 0,
                sent: status.counts[.sent] ?? 0,
                failed: status.counts[.failed] ?? 0,
                uncertain: status.counts[.uncertain] ?? 0,
                mails: status.mails.map(MailInterface.Mail.init),
                dropped: status.counts[.dropped] ?? 0,
                bounced: status.counts[.bounced] ?? 0,
                waitingNotices: status.waiting
            )
        }
        table.on(MailInterface.Test.self) { parameters, request in
            let address = try MailAddress(parameters.address, field: "address")
            let mail = try await context.database.queueTestMail(to: address, actor: request.actor)
            context.logger.notice("Test mail \(mail.id) queued by \(request.caller.user)")
            return .init(mail: .init(mail))
        }
        table.on(MailInterface.Retry.self) { parameters, request in
            let mail = try await context.database.retryMail(id: parameters.id, actor: request.actor)
            context.logger.notice("Mail \(mail.id) to \(mail.recipient) queued again by \(request.caller.user)")
            return .init(mail: .init(mail))
        }
        table.on(MailInterface.Claim.self) { _, request in
            let mail = try await context.database.claimMail(now: request.now)
            return .init(
                mail: mail.map {
                    MailInterface.Outgoing(id: $0.id, sender: $0.sender, recipient: $0.recipient, message: $0.message)
                }
            )
        }
        table.on(MailInterface.Report.self) { parameters, request in
            let (outcome, reason) = try DeliveryOutcome.read(outcome: parameters.outcome, reason: parameters.reason)
            let mail = try await context.database.reportMail(
                id: parameters.id,
                outcome: outcome,
                reason: reason,
                now: request.now
            )
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
            let mail = try await context.database.bounceMail(messageID: messageID, reason: reason, now: request.now)
            if let mail {
                context.logger.warning("Mail \(mail.id) to \(mail.recipient) was returned by the MTA: \(reason)")
            } else {
                context.logger.notice("A bounce of a message riskd has no record of was reported: <\(messageID)>")
            }
            return .init(mail: mail.map(MailInterface.Mail.init))
        }
        return table
    }
}

extension MailInterface.Mail {
    init(_ mail: MailRecord) {
        self.init(
            id: mail.id,
            state: MailInterface.State(mail.state),
            recipient: mail.recipient,
            user: mail.user,
            kind: mail.kind,
            subject: mail.subject,
            messageId: mail.messageID,
            queuedAt: mail.queuedAt.description,
            attempts: mail.attempts,
            nextAttemptAt: mail.nextAttemptAt?.description,
            sentAt: mail.sentAt?.description,
            reason: mail.reason
        )
    }
}
