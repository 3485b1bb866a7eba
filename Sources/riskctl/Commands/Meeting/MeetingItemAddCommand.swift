import ArgumentParser
import RiskProtocol

/// `riskctl meeting item add`: an item at the end of a meeting's agenda.
struct MeetingItemAddCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an item at the end of a meeting's agenda.",
        discussion: """
            Items are numbered 1, 2, … in the order they are added. A decision item is checked for conflicts \
            with the organisations it names when the meeting is published, or at once when it already is. Give \
            --no-decision for an item the board only discusses or notes. \
            \(MeetingInterface.AddItem.policy.needsSentence)
            """
    )

    /// The meeting.
    @Argument(
        help: ArgumentHelp("The meeting, M-3 or 3.", valueName: "M-ID"),
        transform: { try RecordKind.meeting.parse($0) }
    )
    var meeting: Int

    /// What is discussed or decided.
    @Argument(help: ArgumentHelp("What is discussed or decided.", valueName: "title"))
    var title: String

    /// The organisations the decision concerns.
    @Option(
        name: [.customLong("org"), .customLong("organisation")],
        help: ArgumentHelp("An organisation the decision concerns; may be repeated.", valueName: "name")
    )
    var organisations: [String] = []

    /// Not a decision: nothing to check.
    @Flag(name: .customLong("no-decision"), help: "The board does not decide at this item; it is not checked.")
    var noDecision = false

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Adds the item and names it; at a published meeting, says who steps out of it.
    func run() throws {
        let connection = try options.connect()
        let parameters = MeetingInterface.AddItem.Parameters(
            meetingId: meeting,
            title: title,
            organisations: organisations,
            decision: noDecision ? false : nil
        )
        let answer = try connection.call(MeetingInterface.AddItem.self, parameters)
        try options.show(answer) { reply in
            let item = reply.item
            let name = RecordKind.meeting.format(item.meetingId)
            let concerns = item.organisations.isEmpty ? "" : " (\(item.organisations.joined(separator: ", ")))"
            Output.line("Item \(item.number) added to \(name): \(item.title.singleLine)\(concerns.singleLine).")
            guard let check = item.checkId else { return }
            let agenda = try MeetingAgenda.fetch(item.meetingId, over: connection)
            let who = MeetingPresenter.members(stepping: agenda.recusals, outOf: item)
            let stepsOut = who == "-" ? "nobody steps out of it" : "steps out: \(who)"
            Output.line("Checked for conflicts as \(RecordKind.check.format(check)); \(stepsOut).")
        }
    }
}
