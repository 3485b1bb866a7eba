import ArgumentParser

/// `riskctl mail`: the outbox of reminders and notices, and its deliverer.
struct MailCommand: ParsableCommand {
    /// The command's name, help and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "mail",
        abstract: "See the outbox of reminders and notices, queue a test mail, deliver the mails that are due.",
        discussion: """
            riskd queues each mail in its database and never talks to a mail server itself; riskctl mail deliver, \
            run by riskd-mail.timer as the user holding the mailer role, hands them to the local MTA through \
            sendmail. A mail claimed and never reported is uncertain: it is never sent again by itself. The admin \
            and auditor roles read the outbox; the admin role queues test mails and retries failed ones.
            """,
        subcommands: [MailStatusCommand.self, MailTestCommand.self, MailRetryCommand.self, MailDeliverCommand.self]
    )
}
