import ArgumentParser
import RiskProtocol

/// `riskctl meeting close`: nothing of the meeting changes after this.
struct MeetingCloseCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "close",
        abstract: "Close a published meeting; nothing of it changes again.",
        discussion: """
            Refused (status 65) before the meeting's date, for a cancelled meeting, and while a recusal has no \
            action: record what each conflicted member did first. Closing cannot be undone, so on a terminal \
            riskctl asks first; without a terminal to ask on it refuses (status 64) unless --yes is given. Needs \
            the admin role.
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

    /// Refuses to run without a terminal to ask on, unless `--yes` says not to ask.
    func validate() throws {
        try options.requireConsent(to: "close \(RecordKind.meeting.format(meeting))")
    }

    /// Asks (unless `--yes`), closes the meeting and says so.
    func run() throws {
        let connection = try options.connect()
        if !options.yes {
            let agenda = try MeetingAgenda.fetch(meeting, over: connection)
            try options.attest(Self.question(agenda))
        }
        let answer: Answer<MeetingInterface.Close.Reply>
        do {
            answer = try connection.call(MeetingInterface.Close.self, .init(id: meeting))
        } catch {
            throw Self.worded(error, meeting: meeting)
        }
        try options.show(answer) { reply in
            let closed = reply.meeting
            let when = closed.closedAt.map { " at \($0)" } ?? ""
            Output.line("\(MeetingPresenter.reference(closed)) closed\(when): nothing of it changes from now on.")
        }
    }

    /// The question asked before closing: `Close M-3 "Board meeting" of 2027-03-05, 4 items, 2 recusals? This
    /// cannot be undone`.
    static func question(_ agenda: MeetingAgenda) -> String {
        let items = agenda.items.count
        let recusals = agenda.recusals.count
        return "Close \(agenda.name) \"\(agenda.meeting.title.singleLine)\" of \(agenda.meeting.date), "
            + "\(items) \(items == 1 ? "item" : "items"), \(recusals) \(recusals == 1 ? "recusal" : "recusals")? "
            + "This cannot be undone"
    }

    /// riskd's refusal to close while a recusal has no action (field `recusals`, which no option sends) worded as
    /// what it means: `cannot close M-3: 1 without an action: record what ana on item 4 (recusal 7) did first`.
    static func worded(_ error: RiskctlError, meeting: Int) -> RiskctlError {
        guard case .invalidValue("recusals", let reason)? = error.protocolError else { return error }
        return error.described(as: "cannot close \(RecordKind.meeting.format(meeting)): \(reason)")
    }
}
