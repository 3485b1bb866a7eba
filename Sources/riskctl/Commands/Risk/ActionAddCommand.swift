import ArgumentParser
import RiskProtocol

/// `riskctl risk action add`: a new step to reduce a risk.
struct ActionAddCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an action to a risk.",
        discussion: """
            Adding an action to an open risk makes it mitigating. The owner must be a user of this system (riskctl \
            looks the name up first and exits with status 65 if there is none). \
            \(RiskInterface.AddAction.policy.needsSentence)
            """
    )

    /// The risk the action reduces.
    @Argument(
        help: ArgumentHelp("The risk, R-12 or 12.", valueName: "R-ID"),
        transform: { try RecordKind.risk.parse($0) }
    )
    var risk: Int

    /// What is to be done.
    @Option(help: ArgumentHelp("What is to be done.", valueName: "text"))
    var description: String

    /// Who does it.
    @Option(help: ArgumentHelp("User name of who does it.", valueName: "user"))
    var owner: String

    /// When it is due.
    @Option(help: ArgumentHelp("Day it is due.", valueName: "YYYY-MM-DD"), transform: CalendarDay.parse)
    var due: String

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The method called.
    typealias Method = RiskInterface.AddAction

    /// The call's parameters, once the owner is known to be a user of this system.
    var parameters: Method.Parameters {
        get throws {
            try KnownUser.check(owner, option: "--owner")
            return Method.Parameters(
                riskId: risk,
                description: description,
                owner: owner,
                dueOn: due
            )
        }
    }

    /// Names the action added.
    func present(_ reply: Method.Reply) throws {
        let action = reply.action
        Output.line(
            "\(RecordKind.action.format(action.id)) added to \(RecordKind.risk.format(action.riskId)), "
                + "due \(action.dueOn), owner \(action.owner.singleLine)."
                + Self.overdueNote(dueOn: action.dueOn, today: CalendarDay.today())
        )
    }

    /// The sentence that says an action added with a due day already past is overdue from the start (the review
    /// will report it as such); empty otherwise.
    static func overdueNote(dueOn: String, today: String) -> String {
        dueOn < today ? " It is already overdue: its due day has passed (today is \(today))." : ""
    }
}
