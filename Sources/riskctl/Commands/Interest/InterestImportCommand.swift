import ArgumentParser
import RiskProtocol

/// `riskctl interest import`: a board's existing declarations, entered by the secretariat when the register opens.
struct InterestImportCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Enter existing declarations on behalf of board members, all or nothing.",
        discussion: """
            The first line must be the header declarant,kind,organisation,description,value,sensitive,startedOn,\
            endedOn (any order; value, sensitive and endedOn may be left out); sensitive is yes or no. Every bad row \
            is reported as FILE:ROW: column: reason, where row 1 is the header; then nothing is imported and the \
            exit status is 65. Each declaration is audited as made by you on behalf of its declarant, who must hold \
            the board role. \(InterestInterface.Import.policy.needsSentence)

            Example: riskctl interest import board-declarations.csv
            """
    )

    /// The CSV file.
    @Argument(help: ArgumentHelp("The CSV file to import.", valueName: "file.csv"))
    var file: String

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Reads and checks the whole file, then sends it in one `Import` call.
    func run() throws {
        let entries = try InterestFile.entries(in: InputFile.text(at: file), name: file)
        let connection = try options.connect()
        let answer: Answer<InterestInterface.Import.Reply>
        do {
            answer = try connection.call(InterestInterface.Import.self, .init(interests: entries.map(\.interest)))
        } catch {
            throw locate(error, rows: entries.map(\.row))
        }
        try options.show(answer) { reply in
            let ids = reply.ids
            let noun = ids.count == 1 ? "declaration" : "declarations"
            Output.line("Imported \(ids.count) \(noun) (\(RecordKind.interest.describe(ids))).")
        }
    }

    /// The error with the rows and columns of the file when riskd named declarations of the import.
    private func locate(_ error: RiskctlError, rows: [Int]) -> RiskctlError {
        guard let refused = error.refusedField,
            let message = InterestFile.locate(field: refused.field, reason: refused.reason, rows: rows, name: file)
        else { return error }
        return .invalidInput(message)
    }
}
