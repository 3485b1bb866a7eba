import ArgumentParser
import RiskProtocol

/// `riskctl risk history`: every version of a risk, oldest first.
struct RiskHistoryCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show every version of a risk, oldest first: who changed it, when, how, and how it then stood.",
        discussion: """
            Each line is one change (created or imported, updated, reviewed, accepted, lapsed, closed, reopened) \
            with the risk's ratings, score, band and status after it; riskd is the actor of a lapse. When the \
            history is longer than one reply holds, the oldest versions are left out, and a line says how many.
            """
    )

    /// The risk whose history is shown.
    @Argument(
        help: ArgumentHelp("The risk, R-12 or 12.", valueName: "R-ID"),
        transform: { try RecordKind.risk.parse($0) }
    )
    var risk: Int

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The method called.
    typealias Method = RiskInterface.History

    /// The call's parameters.
    var parameters: Method.Parameters {
        .init(id: risk)
    }

    /// Prints the versions as a table.
    func present(_ reply: Method.Reply) throws {
        let legend = RiskPresenter.historyLegend(count: reply.versions.count, risk: risk)
        RiskPresenter.historyTable(reply.versions).print(legend: legend, options: options)
        if let omitted = reply.versionsOmitted, omitted > 0 {
            Output.line("(\(omitted) older versions not shown: the reply holds the newest that fit in 256 KiB)")
        }
    }
}
