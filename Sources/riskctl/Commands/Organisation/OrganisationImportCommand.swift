import ArgumentParser
import RiskProtocol

/// `riskctl org import`: every organisation of a CSV file, in one transaction.
struct OrganisationImportCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add every organisation in a CSV file, all or nothing.",
        discussion: """
            The first line must be the header name,aliases,kind,interest,power,note (any order; name and kind are \
            required). Aliases are separated by ';' (quoted, when the columns are separated by semicolons, which \
            riskctl recognises by the header). If any row is wrong, riskctl reports every bad row as FILE:ROW: \
            column: reason, where row 1 is the header, imports nothing, and exits with status 65 (75 for a name \
            already taken). See /usr/share/riskd/examples/organisations.example.csv. \
            \(OrganisationInterface.Import.policy.needsSentence)
            """
    )

    /// The CSV file.
    @Argument(help: ArgumentHelp("The CSV file to import.", valueName: "file.csv"))
    var file: String

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Reads and checks the whole file, then sends it in one `Import` call.
    func run() throws {
        let entries = try OrganisationFile.entries(in: InputFile.text(at: file), name: file)
        let connection = try options.connect()
        let answer: Answer<OrganisationInterface.Import.Reply>
        do {
            answer = try connection.call(
                OrganisationInterface.Import.self,
                .init(organisations: entries.map(\.organisation))
            )
        } catch {
            throw locate(error, in: entries)
        }
        try options.show(answer) { reply in
            let ids = reply.ids
            let noun = ids.count == 1 ? "organisation" : "organisations"
            Output.line("Imported \(ids.count) \(noun) (\(RecordKind.organisation.describe(ids))).")
        }
    }

    /// The error with the row and column of the file when riskd named an organisation of the import.
    private func locate(_ error: RiskctlError, in entries: [OrganisationFile.Entry]) -> RiskctlError {
        let parameters: OrganisationFile.VarlinkErrorParameters
        if let refused = error.refusedField {
            parameters = .invalid(path: refused.field, reason: refused.reason)
        } else if case .duplicateName(let name, let holder)? = error.protocolError {
            guard let message = OrganisationFile.locate(.taken(name: name, holder: holder), in: entries, name: file)
            else { return error }
            // Keep the daemon's error, so that the exit status stays that of a conflict; only the line changes.
            return error.described(as: message)
        } else {
            return error
        }
        guard let message = OrganisationFile.locate(parameters, in: entries, name: file) else { return error }
        return .invalidInput(message)
    }
}
