import ArgumentParser
import RiskProtocol

/// `riskctl meeting cancel`: a meeting that will not meet.
struct MeetingCancelCommand: ParsableCommand {
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

    /// Cancels the meeting and says so.
    func run() throws {
        let answer = try options.connect().call(MeetingInterface.Cancel.self, .init(id: meeting, reason: reason))
        if options.json {
            return try Output.json(answer.parameters)
        }
        let cancelled = try answer.decoded().meeting
        let reason = cancelled.cancelReason.map { ": \($0.singleLine)" } ?? ""
        Output.line("\(MeetingPresenter.reference(cancelled)) cancelled\(reason).")
    }
}
