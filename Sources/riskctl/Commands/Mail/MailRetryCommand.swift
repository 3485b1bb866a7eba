import ArgumentParser
import RiskProtocol

/// `riskctl mail retry`: queue a failed or uncertain mail again.
struct MailRetryCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "retry",
        abstract: "Queue a failed or uncertain mail again, once what stopped it is fixed.",
        discussion: """
            Its attempts start again from 0 and riskctl mail deliver (or riskd-mail.timer) takes it at its next \
            pass. Retry an uncertain mail only after making sure it did not arrive: the deliverer stopped while \
            handing it over, so it may have. \(MailInterface.Retry.policy.needsSentence)
            """
    )

    /// The mail, by the id riskctl mail status shows.
    @Argument(help: ArgumentHelp("The mail's id, as riskctl mail status shows it.", valueName: "id"))
    var id: Int

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The method called.
    typealias Method = MailInterface.Retry

    /// The call's parameters.
    var parameters: Method.Parameters {
        .init(id: id)
    }

    /// Says the mail is queued again.
    func present(_ reply: Method.Reply) throws {
        let mail = reply.mail
        Output.line("Mail \(mail.id) to \(mail.recipient) is queued again; the next riskctl mail deliver sends it.")
    }
}
