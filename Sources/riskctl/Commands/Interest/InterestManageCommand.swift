import ArgumentParser
import RiskProtocol

/// `riskctl interest manage`: record how a conflict is handled.
struct InterestManageCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "manage",
        abstract: "Record the management plan of a declared interest.",
        discussion: """
            The plan says how the conflict is handled: the member leaves the room, receives no papers, hands a duty \
            to someone else. A new plan replaces the old one; the audit trail keeps both. \
            \(InterestInterface.Manage.policy.needsSentence)
            """
    )

    /// The interest managed.
    @Argument(
        help: ArgumentHelp("The interest, I-7 or 7.", valueName: "I-ID"),
        transform: { try RecordKind.interest.parse($0) }
    )
    var interest: Int

    /// How the conflict is handled.
    @Option(help: ArgumentHelp("How the conflict is handled.", valueName: "text"))
    var plan: String

    /// The revision the caller last saw.
    @Option(
        name: .customLong("if-revision"),
        help: ArgumentHelp("Change nothing unless the declaration is still at this revision.", valueName: "n")
    )
    var ifRevision: Int?

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The method called.
    typealias Method = InterestInterface.Manage

    /// The call's parameters.
    var parameters: Method.Parameters {
        .init(id: interest, ifRevision: ifRevision, plan: plan)
    }

    /// Says the declaration is managed, and how.
    func present(_ reply: Method.Reply) throws {
        let managed = reply.interest
        Output.line(
            "\(RecordKind.interest.format(managed.id)) of \(managed.declarant) (\(managed.organisation)) is "
                + "managed: \(managed.managementPlan ?? plan)"
        )
    }
}
