/// Writes riskd's three mails: a person's notices of the day, the secretariat's digest, and a test mail.
///
/// Subjects and bodies are built from `Notice` texts and counts only; nothing here reads the register.
public enum MailComposer {
    /// The signature block of every mail.
    static func signature(_ policy: MailPolicy) -> String {
        "-- \n\(MailText.line(policy.organisation)) — riskd, the risk register and register of interests"
    }

    /// The subject and body of one person's mail, gathering `notices` (in the order given), greeting them by
    /// `name` (their login when they have none).
    public static func personal(
        user: String,
        name: String? = nil,
        notices: [Notice],
        policy: MailPolicy
    ) -> (subject: String, body: String) {
        let organisation = MailText.line(policy.organisation)
        let subject =
            notices.count == 1
            ? "\(organisation): \(headline(notices[0]))" : "\(organisation): \(notices.count) things due for you"
        var body = "Hello \(MailText.line(name ?? user)),\n\n"
        body +=
            notices.count == 1
            ? "This is riskd, the risk register of \(organisation). One thing is due for you:\n\n"
            : "This is riskd, the risk register of \(organisation). \(notices.count) things are due for you:\n\n"
        for notice in notices {
            body += "* \(notice.text)\n  Run: \(notice.command)\n\n"
        }
        body += """
            riskd writes to you at most once a day, gathering what is due. Run the commands on the server \
            where riskd runs (`riskctl --help` lists them all). This mail was sent automatically: for questions, \
            write to the secretariat rather than answering it.

            \(signature(policy))
            """
        return (subject, body)
    }

    /// A few words for a subject line.
    static func headline(_ notice: Notice) -> String {
        let id = notice.subject.split(separator: ":").last.map(String.init) ?? ""
        return switch notice.kind {
        case .confirmationDue: "your declarations of interest are due to be confirmed"
        case .confirmationOverdue: "your declarations of interest are overdue for confirmation"
        case .codePublished: "a new version of the ethical code to acknowledge"
        case .codeOverdue: "the ethical code is waiting for your acknowledgement"
        case .meetingRecusal: "meeting M-\(id): an item to step out of"
        case .concernClosed: "a concern you raised was closed"
        case .riskReviewDue: "risk R-\(id) is due for review"
        case .riskReviewOverdue: "risk R-\(id) is overdue for review"
        case .actionDue: "action A-\(id) is due"
        case .actionOverdue: "action A-\(id) is overdue"
        case .digest: "daily digest"
        }
    }

    /// The test mail `riskctl mail test` queues.
    public static func test(by user: String, at now: Instant, policy: MailPolicy) -> (subject: String, body: String) {
        let organisation = MailText.line(policy.organisation)
        return (
            "\(organisation): test mail from riskd",
            """
            This is a test mail from riskd, the risk register of \(organisation), queued by \(user) at \(now) \
            with `riskctl mail test`.

            If you read it, mail from riskd reaches this mailbox: reminders and the daily digest will too.

            \(signature(policy))
            """
        )
    }
}
