import ArgumentParser
import RiskProtocol

/// `riskctl risk import`: every risk of a CSV file, in one transaction.
struct RiskImportCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add every risk in a CSV file, all or nothing.",
        discussion: """
            The first line must be the header: title,description,category,area,owner,likelihood,impact,\
            residualLikelihood,residualImpact,nextReviewDue (any order; title, category, likelihood and impact are \
            required). Fields holding a comma are quoted as in RFC 4180; the columns may also be separated by \
            semicolons, as spreadsheets write CSV in Croatian, Serbian or German locales. Empty cells take their \
            defaults. If any row is wrong, riskctl reports every bad row as FILE:ROW: column: reason, where row 1 is \
            the header, imports nothing, and exits with status 65. \(RiskInterface.Import.policy.needsSentence)
            """
    )

    /// The CSV file.
    @Argument(help: ArgumentHelp("The CSV file to import.", valueName: "file.csv"))
    var file: String

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Reads and checks the whole file, then sends it in one `Import` call.
    func run() throws {
        let entries = try RegisterFile.entries(in: InputFile.text(at: file), name: file)
        let connection = try options.connect()
        let answer: Answer<RiskInterface.Import.Reply>
        do {
            answer = try connection.call(RiskInterface.Import.self, .init(risks: entries.map(\.risk)))
        } catch {
            throw locate(error, in: entries)
        }
        try options.show(answer) { reply in
            let ids = reply.ids
            let noun = ids.count == 1 ? "risk" : "risks"
            Output.line("Imported \(ids.count) \(noun) (\(RecordKind.risk.describe(ids))).")
        }
    }

    /// The error with the row and column of the file when riskd named a risk of the import by its path.
    private func locate(_ error: RiskctlError, in entries: [RegisterFile.Entry]) -> RiskctlError {
        guard let refused = error.refusedField,
            let message = RegisterFile.locate(refused.field, reason: refused.reason, in: entries, name: file)
        else { return error }
        return .invalidInput(message)
    }
}
