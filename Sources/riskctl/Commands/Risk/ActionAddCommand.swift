import ArgumentParser
import RiskProtocol

/// `riskctl risk action add`: a new step to reduce a risk.
struct ActionAddCommand: ParsableCommand {
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

    /// Checks that the owner is a user of this system, adds the action and names it.
    func run() throws {
        try KnownUser.check(owner, option: "--owner")
        let parameters = RiskInterface.AddAction.Parameters(
            riskId: risk,
            description: description,
            owner: owner,
            dueOn: due
        )
        let answer = try options.connect().call(RiskInterface.AddAction.self, parameters)
        if options.json {
            return try Output.json(answer.parameters)
        }
        let action = try answer.decoded().action
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
