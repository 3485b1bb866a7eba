import ArgumentParser
import RiskProtocol

/// `riskctl risk reopen`: open a closed or accepted risk again.
struct RiskReopenCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "reopen",
        abstract: "Open a closed or accepted risk again.",
        discussion: "\(RiskInterface.Reopen.policy.needsSentence)"
    )

    /// The risk reopened.
    @Argument(
        help: ArgumentHelp("The risk, R-12 or 12.", valueName: "R-ID"),
        transform: { try RecordKind.risk.parse($0) }
    )
    var risk: Int

    /// Why the risk is opened again.
    @Option(help: ArgumentHelp("Why the risk is opened again.", valueName: "text"))
    var note: String

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The method called.
    typealias Method = RiskInterface.Reopen

    /// The call's parameters.
    var parameters: Method.Parameters {
        .init(id: risk, note: note)
    }

    /// Says the risk's status now.
    func present(_ reply: Method.Reply) throws {
        let reopened = reply.risk
        Output.line(RiskPresenter.summary(reopened, "reopened, now \(reopened.status.rawValue)"))
    }
}
