import ArgumentParser
import RiskProtocol

/// `riskctl risk show`: one risk in full, with its actions and reviews.
struct RiskShowCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one risk in full, with its actions and its reviews."
    )

    /// The risk to show.
    @Argument(
        help: ArgumentHelp("The risk, R-12 or 12.", valueName: "R-ID"),
        transform: { try RecordKind.risk.parse($0) }
    )
    var risk: Int

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The method called.
    typealias Method = RiskInterface.Get

    /// The call's parameters.
    var parameters: Method.Parameters {
        .init(id: risk)
    }

    /// Prints the risk's fields, then its actions and reviews as tables.
    func present(_ reply: Method.Reply) throws {
        RiskPresenter.printFields(of: reply.risk)
        printSection(RiskPresenter.actionTable(reply.actions), noun: "action")
        printSection(RiskPresenter.reviewTable(reply.reviews), noun: "review")
        if let omitted = reply.reviewsOmitted, omitted > 0 {
            Output.line("(\(omitted) older reviews not shown: the reply holds the newest that fit in 256 KiB)")
        }
    }

    /// Prints a table after a blank line, or says there is nothing when it has no rows.
    private func printSection(_ table: Table, noun: String) {
        if table.rows.isEmpty {
            guard options.showsLegend else { return }
            Output.line()
            Output.line("No \(noun)s.")
        } else {
            Output.line()
            let count = table.rows.count
            table.print(legend: "\(count) \(noun)\(count == 1 ? "" : "s") listed.", options: options)
        }
    }
}
