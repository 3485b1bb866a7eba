import RiskProtocol

/// How the outbox is printed for people.
enum MailPresenter {
    /// The counts line: `2 queued, 0 sending, 14 sent, 1 failed, 0 uncertain, 0 dropped, 1 bounced`.
    static func counts(_ status: MailInterface.Status.Reply) -> String {
        [
            (status.queued, "queued"), (status.sending, "sending"), (status.sent, "sent"), (status.failed, "failed"),
            (status.uncertain, "uncertain"), (status.dropped, "dropped"), (status.bounced, "bounced"),
        ].map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    }

    /// The mails, one line each. The reason is last: the MTA's words are the longest, and on a terminal the
    /// table shortens only its last column.
    static func table(_ mails: [MailInterface.Mail]) -> Table {
        var table = Table([
            .init(title: "ID", alignment: .right), .init(title: "STATE"), .init(title: "TO"), .init(title: "KIND"),
            .init(title: "SUBJECT"), .init(title: "ATTEMPTS", alignment: .right), .init(title: "REASON"),
        ])
        for mail in mails {
            table.append([
                .init(String(mail.id)), .init(mail.state.rawValue, style: style(of: mail.state)),
                .init(mail.recipient), .init(mail.kind), .init(mail.subject), .init(String(mail.attempts)),
                .init(mail.reason ?? "-"),
            ])
        }
        return table
    }

    /// The colour of a state that asks for a look: failed and bounced red, uncertain yellow, as findings are.
    private static func style(of state: MailInterface.State) -> Style? {
        switch state {
        case .failed, .bounced: .high
        case .uncertain: .medium
        case .queued, .sending, .sent, .dropped: nil
        }
    }
}
