import ArgumentParser
import RiskProtocol

/// `riskctl risk accept`: tolerate a risk as it is until a date.
struct RiskAcceptCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "accept",
        abstract: "Accept a risk as it is, without further action, until a date.",
        discussion: """
            The acceptance is of the risk as it is: it lapses, and the risk is open again, when the review finds \
            the date passed, or at once when a change raises the score above the one accepted. \
            \(RiskInterface.Accept.policy.needsSentence)
            """
    )

    /// The risk accepted.
    @Argument(
        help: ArgumentHelp("The risk, R-12 or 12.", valueName: "R-ID"),
        transform: { try RecordKind.risk.parse($0) }
    )
    var risk: Int

    /// Last day the risk is tolerated.
    @Option(help: ArgumentHelp("Last day the risk is accepted.", valueName: "YYYY-MM-DD"), transform: CalendarDay.parse)
    var until: String

    /// Why the risk is accepted.
    @Option(help: ArgumentHelp("Why the risk is accepted, e.g. the board's decision.", valueName: "text"))
    var note: String

    /// Where the acceptance was decided.
    @Option(help: ArgumentHelp("Where it was decided, e.g. a board meeting's item: M-3 item 4.", valueName: "text"))
    var decision: String?

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The method called.
    typealias Method = RiskInterface.Accept

    /// The call's parameters.
    var parameters: Method.Parameters {
        .init(id: risk, until: until, note: note, decision: decision)
    }

    /// Says until when the risk is accepted.
    func present(_ reply: Method.Reply) throws {
        let accepted = reply.risk
        let decided = accepted.decision.map { " (decision \($0))" } ?? ""
        Output.line(RiskPresenter.summary(accepted, "accepted until \(accepted.acceptedUntil ?? until)\(decided)"))
    }
}
