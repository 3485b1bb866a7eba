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
            the board role. Needs the admin role.

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
        guard case .remote(let remote, _) = error.kind else { return error }
        let field: String
        let reason: String
        if remote.name.hasSuffix(".InvalidValue"), let named = remote.parameters["field"]?.stringValue {
            (field, reason) = (named, remote.parameters["reason"]?.stringValue ?? "rejected by riskd")
        } else if remote.name == "org.varlink.service.InvalidParameter",
            let path = remote.parameters["parameter"]?.stringValue
        {
            (field, reason) = (path, "not accepted by riskd")
        } else {
            return error
        }
        guard let message = InterestFile.locate(field: field, reason: reason, rows: rows, name: file) else {
            return error
        }
        return .invalidInput(message)
    }
}
