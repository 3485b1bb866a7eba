import ArgumentParser
import RiskProtocol

/// `riskctl risk action cancel`: drop an action.
struct ActionCancelCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "Cancel an action.",
        discussion: "Admins and the action's owner may do this."
    )

    /// The action cancelled.
    @Argument(
        help: ArgumentHelp("The action, A-3 or 3.", valueName: "A-ID"),
        transform: { try RecordKind.action.parse($0) }
    )
    var action: Int

    /// A note for the record.
    @Option(help: ArgumentHelp("A note for the record, e.g. what replaces it.", valueName: "text"))
    var note: String?

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Cancels the action.
    func run() throws {
        try ActionStatusChange(action: action, status: .cancelled, note: note, options: options).send()
    }
}
