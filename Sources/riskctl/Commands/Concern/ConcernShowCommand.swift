import ArgumentParser
import RiskProtocol

/// `riskctl concern show`: one concern in full.
struct ConcernShowCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one concern in full.")

    /// The concern shown.
    @Argument(
        help: ArgumentHelp("The concern, C-2 or 2.", valueName: "C-ID"),
        transform: { try RecordKind.concern.parse($0) }
    )
    var concern: Int

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The method called.
    typealias Method = ConcernInterface.Get

    /// The call's parameters.
    var parameters: Method.Parameters {
        .init(id: concern)
    }

    /// Prints the concern's fields, then its text.
    func present(_ reply: Method.Reply) throws {
        let concern = reply.concern
        Output.fields([
            ("Concern", RecordKind.concern.format(concern.id)),
            ("Kind", concern.kind.rawValue.replacing("_", with: "-")),
            ("About", concern.about ?? "no one in particular"),
            ("Raised", "\(concern.raisedAt) by \(concern.raisedBy)"),
            ("Status", concern.status.rawValue.replacing("_", with: "-")),
            ("Outcome", concern.outcome),
            ("Closed", concern.closedAt.map { "\($0) by \(concern.closedBy ?? "?")" }),
        ])
        Output.line()
        Output.line(concern.text)
    }
}
