import ArgumentParser
import RiskProtocol

/// `riskctl risk action done`: mark an action carried out.
struct ActionDoneCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "done",
        abstract: "Mark an action done.",
        discussion: "Admins and the action's owner may do this."
    )

    /// The action done.
    @Argument(
        help: ArgumentHelp("The action, A-3 or 3.", valueName: "A-ID"),
        transform: { try RecordKind.action.parse($0) }
    )
    var action: Int

    /// A note for the record.
    @Option(help: ArgumentHelp("A note for the record.", valueName: "text"))
    var note: String?

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Marks the action done.
    func run() throws {
        try ActionStatusChange(action: action, status: .done, note: note, options: options).send()
    }
}
