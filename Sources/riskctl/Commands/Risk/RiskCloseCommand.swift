import ArgumentParser
import RiskProtocol

/// `riskctl risk close`: stop tracking a risk, for a reason.
struct RiskCloseCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "close",
        abstract: "Close a risk; its open actions are cancelled.",
        discussion: "\(RiskInterface.Close.policy.needsSentence) A closed risk can be opened again with risk reopen."
    )

    /// The risk closed.
    @Argument(
        help: ArgumentHelp("The risk, R-12 or 12.", valueName: "R-ID"),
        transform: { try RecordKind.risk.parse($0) }
    )
    var risk: Int

    /// Why the risk is closed.
    @Option(
        help: ArgumentHelp("Why: mitigated, retired, rejected, cancelled or insignificant.", valueName: "reason"),
        completion: ValueCompletions.closeReason,
        transform: RiskCloseCommand.parseReason
    )
    var reason: RiskInterface.CloseReason

    /// A note for the record.
    @Option(help: ArgumentHelp("A note for the record.", valueName: "text"))
    var note: String?

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The method called.
    typealias Method = RiskInterface.Close

    /// The call's parameters.
    var parameters: Method.Parameters {
        .init(id: risk, reason: reason, note: note)
    }

    /// Says the risk is closed, and why.
    func present(_ reply: Method.Reply) throws {
        let closed = reply.risk
        Output.line(RiskPresenter.summary(closed, "closed (\(closed.closeReason ?? reason.rawValue))"))
    }

    /// Reads a `--reason` value.
    static func parseReason(_ text: String) throws -> RiskInterface.CloseReason {
        guard let reason = RiskInterface.CloseReason(rawValue: text.lowercased()) else {
            throw ValidationError("must be mitigated, retired, rejected, cancelled or insignificant")
        }
        return reason
    }
}
