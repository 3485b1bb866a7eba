import ArgumentParser
import RiskProtocol

/// `riskctl risk export`: every risk, closed ones included, as a table or as CSV.
struct RiskExportCommand: ParsableCommand {
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

    /// Lists every risk of every status and prints them.
    func run() throws {
        let everyStatus = RiskInterface.RiskStatus.allCases.map(\.rawValue)
        let pages = try options.connect().collectPages(RiskInterface.List.self, itemsKey: "risks") { after, size in
            RiskInterface.List.Parameters(status: everyStatus, limit: size, after: after)
        }
        if options.json {
            return try Output.json(pages.merged)
        }
        let risks = try pages.decoded().flatMap(\.risks)
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
