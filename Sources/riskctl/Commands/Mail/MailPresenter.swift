import RiskProtocol

/// How the outbox is printed for people.
enum MailPresenter {
    /// The counts line: `2 queued, 0 sending, 14 sent, 1 failed, 0 uncertain, 3 dropped, 0 bounced`.
    static func counts(_ status: MailInterface.Status.Reply) -> String {
        [
            (status.queued, "queued"), (status.sending, "sending"), (status.sent, "sent"), (status.failed, "failed"),
            (status.uncertain, "uncertain"), (status.dropped, "dropped"), (status.bounced, "bounced"),
        ].map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    }

    /// The notices that wait for their person's next mail, and when that goes.
    static func waiting(_ count: Int) -> String {
        let notices = count == 1 ? "1 notice waits" : "\(count) notices wait"
        return "\(notices) for the next daily mail of the person it is for, written by the next review run."
    }

    /// The mails, one line each. The reason is last, the column that keeps the spare width: the MTA's words say
    /// what went wrong.
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

    /// The colour of a state that asks for a look: failed and bounced red, uncertain yellow, as findings are. A
    /// dropped mail needs nothing: what it said had stopped being true.
    private static func style(of state: MailInterface.State) -> Style? {
        switch state {
        case .failed, .bounced: .high
        case .uncertain: .medium
        case .queued, .sending, .sent, .dropped: nil
        }
    }
}
