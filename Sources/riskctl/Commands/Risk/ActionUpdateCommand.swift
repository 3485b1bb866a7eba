import ArgumentParser
import RiskProtocol

/// `riskctl risk action update`: a new due day, owner or text for an action.
struct ActionUpdateCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change the due day, the owner or the text of an action.",
        discussion: """
            The owner must be a user of this system (riskctl looks the name up first and exits with status 65 if \
            there is none). Admins and the action's owner may do this; --note is recorded with the change in the \
            audit trail. riskd keeps what the action was before, so a board pack made for an earlier date still \
            shows it.
            """
    )

    /// The action changed.
    @Argument(
        help: ArgumentHelp("The action, A-3 or 3.", valueName: "A-ID"),
        transform: { try RecordKind.action.parse($0) }
    )
    var action: Int

    /// The new due day.
    @Option(help: ArgumentHelp("New day it is due.", valueName: "YYYY-MM-DD"), transform: CalendarDay.parse)
    var due: String?

    /// The new owner.
    @Option(help: ArgumentHelp("User name of who carries it out now.", valueName: "user"))
    var owner: String?

    /// The corrected text.
    @Option(help: ArgumentHelp("New text of what is to be done.", valueName: "text"))
    var description: String?

    /// The revision the caller last saw.
    @Option(
        name: .customLong("if-revision"),
        help: ArgumentHelp("Change nothing unless the action is still at this revision.", valueName: "n")
    )
    var ifRevision: Int?

    /// Why it changed.
    @Option(help: ArgumentHelp("Why it changed, for the audit trail.", valueName: "text"))
    var note: String?

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Needs something to change.
    func validate() throws {
        if due == nil, owner == nil, description == nil {
            throw ValidationError("nothing to change: give --due, --owner or --description")
        }
    }

    /// The method called.
    typealias Method = RiskInterface.UpdateAction

    /// The call's parameters, once a new owner is known to be a user of this system.
    var parameters: Method.Parameters {
        get throws {
            if let owner {
                try KnownUser.check(owner, option: "--owner")
            }
            return Method.Parameters(
                id: action,
                ifRevision: ifRevision,
                dueOn: due,
                owner: owner,
                note: note,
                description: description
            )
        }
    }

    /// Says what the action is now.
    func present(_ reply: Method.Reply) throws {
        let updated = reply.action
        Output.line(
            "\(RecordKind.action.format(updated.id)) of \(RecordKind.risk.format(updated.riskId)): due "
                + "\(updated.dueOn), owner \(updated.owner.singleLine), \(updated.status.rawValue)."
        )
    }
}
