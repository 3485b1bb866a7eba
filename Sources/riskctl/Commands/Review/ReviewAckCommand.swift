import ArgumentParser
import RiskProtocol

/// `riskctl review ack`: acknowledge a finding, which silences its reminders.
struct ReviewAckCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "ack",
        abstract: "Acknowledge a finding: it stays open, but riskd stops reminding of it.",
        discussion: """
            An acknowledged finding still resolves by itself when its condition clears. The note says what is \
            being done about it and is kept with the finding. \(ReviewInterface.Acknowledge.policy.needsSentence)
            """
    )

    /// The finding acknowledged.
    @Argument(
        help: ArgumentHelp("The finding, F-40 or 40.", valueName: "F-ID"),
        transform: { try RecordKind.finding.parse($0) }
    )
    var finding: Int

    /// Why it is acknowledged.
    @Option(help: ArgumentHelp("What is being done about it.", valueName: "text"))
    var note: String

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Rejects an empty note before anything is sent.
    func validate() throws {
        if note.trimmingWhitespace().isEmpty {
            throw ValidationError("--note must say what is being done about the finding")
        }
    }

    /// The method called.
    typealias Method = ReviewInterface.Acknowledge

    /// The call's parameters.
    var parameters: Method.Parameters {
        .init(id: finding, note: note)
    }

    /// Says the finding is acknowledged, and whether it was already resolved.
    func present(_ reply: Method.Reply) throws {
        let acknowledged = reply.finding
        let id = ReviewPresenter.findingID(acknowledged.id)
        if let resolvedAt = acknowledged.resolvedAt {
            Output.line("\(id) acknowledged; it was already resolved on \(CalendarDay.datePart(of: resolvedAt)).")
        } else {
            Output.line("\(id) acknowledged; no more reminders of it, and it still resolves by itself.")
        }
    }
}
