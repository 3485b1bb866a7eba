import RiskCore
import RiskProtocol
import RiskStore

/// `org.riskd.mail`: the outbox. Administrators and auditors read it and administrators queue test mails; the
/// deliverer (the mailer role, riskd-mail.service) claims one mail at a time, reports what the MTA answered, and
/// reports the bounces it finds in its mailbox.
///
/// riskd itself never submits mail: its unit may not run the setgid or setuid programs an MTA submits through,
/// and it has no network. What may happen to a mail in each state is `MailRules`; each method runs its story in one
/// write (`RiskDatabase.write`).
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
            let mail = try await context.database.write(request.actor) { tx in try Self.queueTest(tx, to: address) }
            context.logger.notice("Test mail \(mail.id) queued by \(request.caller.user)")
            return .init(mail: .init(mail))
        }
        table.on(MailInterface.Retry.self) { parameters, request in
            let mail = try await context.database.write(request.actor) { tx in try Self.retry(tx, id: parameters.id) }
            context.logger.notice("Mail \(mail.id) to \(mail.recipient) queued again by \(request.caller.user)")
            return .init(mail: .init(mail))
        }
        registerDelivery(&table)
        return table
    }
}

extension MailService {
    /// Queues a test mail to `address` (`MailComposer.test`), with its audit entry.
    static func queueTest(_ tx: StoreTransaction, to address: MailAddress) throws -> MailRecord {
        let (subject, body) = MailComposer.test(by: tx.actor.user, at: tx.actor.now, policy: tx.mailSettings.policy)
        let mail = try tx.queueMail(kind: "test", user: nil, to: address, subject: subject, body: body)
        try tx.audit(MailAudit.subject(mail.id), MailAudit.testQueued(to: address))
        return mail
    }

    /// Queues failed or uncertain mail `id` again, attempts from 0, with its audit entry.
    static func retry(_ tx: StoreTransaction, id: Int) throws -> MailRecord {
        guard let mail = try tx.mail(id) else { throw DomainError.notFound(.mail, id: id) }
        try MailRules.retry(id, state: mail.state)
        let queued = try tx.requeue(id)
        try tx.audit(MailAudit.subject(id), MailAudit.retried(from: mail.state))
        return queued
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
