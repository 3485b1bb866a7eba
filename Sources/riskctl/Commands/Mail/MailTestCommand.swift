import ArgumentParser
import RiskProtocol

/// `riskctl mail test`: queue a test mail, to check the way to the MTA and on to a mailbox.
struct MailTestCommand: ParsableCommand {
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

    /// Queues the mail and says how it leaves.
    func run() throws {
        let answer = try options.connect().call(MailInterface.Test.self, .init(address: address))
        if options.json {
            return try Output.json(answer.parameters)
        }
        let mail = try answer.decoded().mail
        Output.line(
            "Mail \(mail.id) to \(mail.recipient) queued; riskctl mail deliver (or riskd-mail.timer) sends it, "
                + "riskctl mail status shows how it went."
        )
    }
}
