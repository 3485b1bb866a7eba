import ArgumentParser
import RiskProtocol

/// `riskctl meeting cancel`: a meeting that will not meet.
struct MeetingCancelCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "Cancel a draft or published meeting that will not meet; nothing of it changes again.",
        discussion: """
            A closed meeting cannot be cancelled: its minutes count. The recusal notices for the meeting that no \
            mail holds yet are not sent. \(MeetingInterface.Cancel.policy.needsSentence)
            """
    )

    /// The meeting to cancel.
    @Argument(
        help: ArgumentHelp("The meeting, M-3 or 3.", valueName: "M-ID"),
        transform: { try RecordKind.meeting.parse($0) }
    )
    var meeting: Int

    /// Why it will not meet.
    @Option(help: ArgumentHelp("Why it will not meet, e.g. \"Postponed to April\".", valueName: "text"))
    var reason: String

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The method called.
    typealias Method = MeetingInterface.Cancel

    /// The call's parameters.
    var parameters: Method.Parameters {
        .init(id: meeting, reason: reason)
    }

    /// Says the meeting is cancelled, and why.
    func present(_ reply: Method.Reply) throws {
        let cancelled = reply.meeting
        let reason = cancelled.cancelReason.map { ": \($0.singleLine)" } ?? ""
        Output.line("\(MeetingPresenter.reference(cancelled)) cancelled\(reason).")
    }
}
