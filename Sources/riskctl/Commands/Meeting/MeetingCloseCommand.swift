import ArgumentParser
import RiskProtocol

/// `riskctl meeting close`: nothing of the meeting changes after this.
struct MeetingCloseCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "close",
        abstract: "Close a published meeting; nothing of it changes again.",
        discussion: """
            Refused (status 65) while a recusal has no action: record what each conflicted member did first. \
            Needs the admin role.
            """
    )

    /// The meeting to close.
    @Argument(
        help: ArgumentHelp("The meeting, M-3 or 3.", valueName: "M-ID"),
        transform: { try RecordKind.meeting.parse($0) }
    )
    var meeting: Int

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Closes the meeting and says so.
    func run() throws {
        let answer: Answer<MeetingInterface.Close.Reply>
        do {
            answer = try options.connect().call(MeetingInterface.Close.self, .init(id: meeting))
        } catch {
            throw Self.worded(error, meeting: meeting)
        }
        if options.json {
            return try Output.json(answer.parameters)
        }
        let closed = try answer.decoded().meeting
        let when = closed.closedAt.map { " at \($0)" } ?? ""
        Output.line("\(MeetingPresenter.reference(closed)) closed\(when): nothing of it changes from now on.")
    }

    /// riskd's refusal to close while a recusal has no action (field `recusals`, which no option sends) worded as
    /// what it means: `cannot close M-3: 1 without an action: record what ana (recusal 7) did first`.
    static func worded(_ error: RiskctlError, meeting: Int) -> RiskctlError {
        guard case .remote(let remote, _) = error.kind, remote.name.hasSuffix(".InvalidValue"),
            remote.parameters["field"]?.stringValue == "recusals"
        else { return error }
        let reason = remote.parameters["reason"]?.stringValue ?? "a recusal has no action"
        return error.described(as: "cannot close \(RecordKind.meeting.format(meeting)): \(reason)")
    }
}
