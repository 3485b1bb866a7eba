import ArgumentParser
import RiskProtocol

/// `riskctl mail test`: queue a test mail, to check the way to the MTA and on to a mailbox.
struct MailTestCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Queue a test mail to an address; riskctl mail deliver (or riskd-mail.timer) sends it.",
        discussion: "\(MailInterface.Test.policy.needsSentence) riskctl mail status shows whether the MTA took it."
    )

    /// Where the test mail goes.
    @Argument(help: ArgumentHelp("The address, local@domain.", valueName: "address"))
    var address: String

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The method called.
    typealias Method = MailInterface.Test

    /// The call's parameters.
    var parameters: Method.Parameters {
        .init(address: address)
    }

    /// Says the mail is queued and how it leaves.
    func present(_ reply: Method.Reply) throws {
        let mail = reply.mail
        Output.line(
            "Mail \(mail.id) to \(mail.recipient) queued; riskctl mail deliver (or riskd-mail.timer) sends it, "
                + "riskctl mail status shows how it went."
        )
    }
}
