import ArgumentParser
import RiskProtocol

/// `riskctl meeting declare`: an interest declared at the meeting, for one item.
struct MeetingDeclareCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "declare",
        abstract: "Declare an interest at the meeting for an item, and make its recusal.",
        discussion: """
            The interest is declared as interest declare would, starting today, and the recusal made for the \
            item is matched declared-at-meeting, not declared in advance. The declaration is yours; the admin \
            role may name the board member who declares with --member. Only at a published meeting. The \
            interest may touch other decision items too: riskctl names every item it adds a recusal to.
            """
    )

    /// The meeting.
    @Argument(
        help: ArgumentHelp("The meeting, M-3 or 3.", valueName: "M-ID"),
        transform: { try RecordKind.meeting.parse($0) }
    )
    var meeting: Int

    /// The item, by its number on the agenda.
    @Option(help: ArgumentHelp("The item's number on the agenda.", valueName: "n"), transform: ItemNumber.parse)
    var item: Int

    /// What ties the member to the organisation.
    @Option(
        help: ArgumentHelp("financial, employment, governance, funding, family, gift or other.", valueName: "kind"),
        completion: ValueCompletions.interestKind,
        transform: InterestPresenter.parseKind
    )
    var kind: String

    /// The organisation.
    @Option(
        name: [.customLong("org"), .customLong("organisation")],
        help: ArgumentHelp("The organisation's name.", valueName: "name")
    )
    var organisation: String

    /// What the interest is.
    @Option(help: ArgumentHelp("What the interest is, e.g. \"Partner organisation's director\".", valueName: "text"))
    var description: String

    /// Hide it from other board members.
    @Flag(help: "Only the declarant, the secretariat and the auditor see it; the minutes say \"a private interest\".")
    var sensitive = false

    /// Who declares, when not the caller.
    @Option(help: ArgumentHelp("The board member who declares (admin role only); you by default.", valueName: "user"))
    var member: String?

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Resolves the item's number, declares the interest and prints the recusal made.
    func run() throws {
        let connection = try options.connect()
        let agenda = try MeetingAgenda.fetch(meeting, over: connection)
        let target = try agenda.item(number: item)
        let parameters = MeetingInterface.DeclareAtMeeting.Parameters(
            itemId: target.id,
            declarant: member,
            kind: kind,
            organisation: organisation,
            description: description,
            sensitive: sensitive ? true : nil
        )
        let answer = try connection.call(MeetingInterface.DeclareAtMeeting.self, parameters)
        try options.show(answer) { reply in
            let recusal = reply.recusal
            Output.line(
                "Recusal \(recusal.id) made for item \(target.number) of \(agenda.name): "
                    + "\(MeetingPresenter.interest(of: recusal).singleLine), declared at the meeting."
            )
            for other in reply.recusals where other.id != recusal.id {
                Output.line(Self.alsoTouched(other, agenda: agenda))
            }
        }
    }

    /// Another recusal the declaration made: `It also touches item 4 of M-3, "Grants" (recusal 8): the name matches.`;
    /// an item of another meeting is named by its meeting only, since this agenda does not hold it.
    static func alsoTouched(_ recusal: MeetingInterface.Recusal, agenda: MeetingAgenda) -> String {
        let meeting = RecordKind.meeting.format(recusal.meetingId)
        let place =
            if recusal.meetingId == agenda.meeting.id, let item = agenda.items.first(where: { $0.id == recusal.itemId })
            {
                "item \(item.number) of \(meeting), \"\(item.title.singleLine)\""
            } else {
                "an item of \(meeting)"
            }
        let when = recusal.declaredInAdvance ? "declared in advance" : "declared at the meeting"
        return "It also touches \(place) (recusal \(recusal.id)): \(MeetingPresenter.words(recusal.match)), \(when)."
    }
}
