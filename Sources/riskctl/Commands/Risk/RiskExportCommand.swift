import ArgumentParser
import RiskProtocol

/// `riskctl risk export`: every risk, closed ones included, as a table or as CSV.
struct RiskExportCommand: ListCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print every risk, closed ones included.",
        discussion: """
            With --csv, print them as CSV with the header of risk import, preceded by the columns id, status, score \
            and severity, which risk import skips.
            """
    )

    /// Write CSV instead of a table.
    @Flag(help: "Print CSV with the header of risk import.")
    var csv = false

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Rejects asking for two formats at once.
    func validate() throws {
        if csv, options.json {
            throw ValidationError("--csv and --json cannot be combined")
        }
    }

    /// The method called.
    typealias Method = RiskInterface.List

    /// The reply field holding a page's risks.
    static let itemsKey = "risks"

    /// The same field decoded.
    static var items: KeyPath<Method.Reply, [RiskInterface.Risk]> { \.risks }

    /// The parameters for one page: risks of every status.
    func page(after: Int?, size: Int) -> Method.Parameters {
        Method.Parameters(status: RiskInterface.RiskStatus.allCases.map(\.rawValue), limit: size, after: after)
    }

    /// Prints every risk as a table, or as CSV.
    func present(_ risks: [RiskInterface.Risk]) {
        guard csv else {
            return RiskPresenter.table(risks).print(legend: RiskPresenter.legend(count: risks.count), options: options)
        }
        // The header is part of the CSV, not a legend: --no-legend keeps it, so the output can be imported.
        Output.line(RegisterFile.exportHeader)
        for risk in risks {
            Output.line(RegisterFile.exportLine(risk))
        }
    }
}
