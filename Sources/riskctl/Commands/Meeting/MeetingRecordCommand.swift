import ArgumentParser
import RiskProtocol

/// `riskctl meeting record`: what a conflicted member did for an item, at the meeting.
struct MeetingRecordCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record what a conflicted member did for an item, and whether the meeting stayed quorate.",
        discussion: """
            Name the recusal by the item's number and the member (riskctl reads the meeting to find it), or by its \
            id with --recusal (meeting show lists them). The action is left-room, stayed-no-vote, \
            stayed-took-part, absent or not-a-conflict. Recording again replaces what was recorded. Only at a \
            published meeting; needs \(MeetingInterface.Record.policy.neededRoles).
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
    var item: Int?

    /// The conflicted member.
    @Option(help: ArgumentHelp("User name of the member who stepped out.", valueName: "user"))
    var member: String?

    /// The recusal, by its id, instead of `--item` and `--member`.
    @Option(
        help: ArgumentHelp("The recusal's id, instead of --item and --member.", valueName: "id"),
        transform: ItemNumber.parseId
    )
    var recusal: Int?

    /// What the member did.
    @Option(
        help: ArgumentHelp(
            "left-room, stayed-no-vote, stayed-took-part, absent or not-a-conflict.",
            valueName: "action"
        ),
        completion: ValueCompletions.recusalAction,
        transform: MeetingRecordCommand.parseAction
    )
    var action: MeetingInterface.Action

    /// Whether the meeting stayed quorate.
    @Flag(help: "Whether the meeting stayed quorate for the item without the member.")
    var quorum: Quorum?

    /// What the minutes add.
    @Option(help: ArgumentHelp("What the minutes add, e.g. how the decision was reached.", valueName: "text"))
    var note: String?

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// `--quorate` or `--not-quorate`.
    enum Quorum: EnumerableFlag {
        case quorate, notQuorate
    }

    /// Refuses a recusal named both ways, or not at all, before anything is sent.
    func validate() throws {
        if recusal != nil {
            guard item == nil, member == nil else {
                throw ValidationError("give --recusal, or --item and --member, not both")
            }
        } else {
            guard item != nil, member != nil else {
                throw ValidationError("name the recusal with --item and --member, or with --recusal")
            }
        }
    }

    /// Finds the recusal in the meeting, records the action and says what was recorded.
    func run() throws {
        let connection = try options.connect()
        let agenda = try MeetingAgenda.fetch(meeting, over: connection)
        let target =
            if let recusal {
                try agenda.recusal(id: recusal)
            } else {
                try agenda.recusal(of: member ?? "", on: try agenda.item(number: item ?? 0))
            }
        let parameters = MeetingInterface.Record.Parameters(
            recusalId: target.id,
            action: action.rawValue,
            quorate: quorum.map { $0 == .quorate },
            note: note
        )
        let answer = try connection.call(MeetingInterface.Record.self, parameters)
        try options.show(answer) { reply in
            let recorded = reply.recusal
            let number = MeetingPresenter.itemNumber(of: recorded, in: agenda.items)
            let quorate =
                switch recorded.quorate {
                case true?: "; the meeting stayed quorate"
                case false?: "; the meeting was not quorate without them"
                case nil: ""
                }
            let what = recorded.action.map { MeetingPresenter.shown($0.rawValue) } ?? action.rawValue
            Output.line(
                "Recusal \(recorded.id) recorded: \(recorded.declarant) \(what) for item \(number) of \(agenda.name)"
                    + "\(quorate)."
            )
        }
    }

    /// Reads an `--action` value, with hyphens or underscores.
    static func parseAction(_ text: String) throws -> MeetingInterface.Action {
        let value = String(text.lowercased().map { $0 == "-" ? "_" : $0 })
        guard let action = MeetingInterface.Action(rawValue: value) else {
            throw ValidationError("must be left-room, stayed-no-vote, stayed-took-part, absent or not-a-conflict")
        }
        return action
    }
}
