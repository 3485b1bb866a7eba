import ArgumentParser
import RiskProtocol

/// `riskctl meeting show`: one meeting with its agenda and recusals.
struct MeetingShowCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a meeting with its agenda and its recusals.",
        discussion: """
            A board member reads another member's sensitive recusal, or one from an interest the register hides \
            from them, as withheld: who steps out and of what, kind withheld, the organisation the item named. \
            --as-of shows the meeting as it stood then: its status, agenda and recusals.
            """
    )

    /// The meeting to show.
    @Argument(
        help: ArgumentHelp("The meeting, M-3 or 3.", valueName: "M-ID"),
        transform: { try RecordKind.meeting.parse($0) }
    )
    var meeting: Int

    /// The meeting of a past time.
    @OptionGroup var time: AsOfOption

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The method called.
    typealias Method = MeetingInterface.Get

    /// The call's parameters.
    var parameters: Method.Parameters {
        .init(id: meeting, asOf: time.asOf)
    }

    /// Prints the meeting's fields, its agenda and its recusals.
    func present(_ reply: Method.Reply) throws {
        MeetingPresenter.printRecord(
            meeting: reply.meeting,
            items: reply.items,
            recusals: reply.recusals,
            stepsOut: false,
            options: options
        )
    }
}
