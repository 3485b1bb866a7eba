import ArgumentParser
import RiskProtocol

/// `riskctl meeting publish`: check the decisions for conflicts and fix who steps out of what.
struct MeetingPublishCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish a draft meeting: check its decisions for conflicts, and show who steps out of what.",
        discussion: """
            Every decision item that names organisations gets a conflict check, stored, and every conflict found \
            a recusal. Until the meeting is closed, a new or changed declaration that touches one of its \
            decision items adds a recusal too. \(MeetingInterface.Publish.policy.needsSentence)
            """
    )

    /// The meeting to publish.
    @Argument(
        help: ArgumentHelp("The meeting, M-3 or 3.", valueName: "M-ID"),
        transform: { try RecordKind.meeting.parse($0) }
    )
    var meeting: Int

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The method called.
    typealias Method = MeetingInterface.Publish

    /// The call's parameters.
    var parameters: Method.Parameters {
        .init(id: meeting)
    }

    /// Prints the published meeting, its agenda with who steps out of each item, and its recusals.
    func present(_ reply: Method.Reply) throws {
        MeetingPresenter.printRecord(
            meeting: reply.meeting,
            items: reply.items,
            recusals: reply.recusals,
            stepsOut: true,
            options: options
        )
    }
}
