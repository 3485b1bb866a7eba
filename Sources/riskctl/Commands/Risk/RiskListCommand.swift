import ArgumentParser
import RiskProtocol

/// `riskctl risk list`: the risks, one line each.
struct RiskListCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List risks, one line each.",
        discussion: "Without --status or --all, every risk that is not closed is listed."
    )

    /// The statuses to list.
    @Option(
        help: ArgumentHelp(
            "Only risks with this status: open, mitigating, accepted or closed; may be repeated.",
            valueName: "status"
        ),
        transform: RiskListCommand.parseStatus
    )
    var status: [String] = []

    /// Only this category.
    @Option(help: ArgumentHelp("Only risks of this category.", valueName: "name"))
    var category: String?

    /// Only this owner's risks.
    @Option(help: ArgumentHelp("Only risks owned by this user.", valueName: "user"))
    var owner: String?

    /// Only risks scoring at least this.
    @Option(
        name: .customLong("min-score"),
        help: ArgumentHelp("Only risks whose current score is at least n (1 to 25).", valueName: "n"),
        transform: Rating.parseScore
    )
    var minScore: Int?

    /// Only overdue risks.
    @Flag(help: "Only risks whose next review date has passed.")
    var overdue = false

    /// Closed risks too.
    @Flag(help: "List closed risks too.")
    var all = false

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Lists every page of risks and prints them as one table.
    func run() throws {
        let statuses: [String]? =
            all ? RiskInterface.RiskStatus.allCases.map(\.rawValue) : (status.isEmpty ? nil : status)
        let pages = try options.connect().collectPages(RiskInterface.List.self, itemsKey: "risks") { after, size in
            RiskInterface.List.Parameters(
                status: statuses,
                category: category,
                owner: owner,
                minScore: minScore,
                overdue: overdue ? true : nil,
                limit: size,
                after: after
            )
        }
        if options.json {
            return try Output.json(pages.merged)
        }
        let risks = try pages.decoded().flatMap(\.risks)
        RiskPresenter.table(risks).print(legend: RiskPresenter.legend(count: risks.count), options: options)
    }

    /// Checks a `--status` value against the protocol's statuses.
    static func parseStatus(_ text: String) throws -> String {
        guard let status = RiskInterface.RiskStatus(rawValue: text.lowercased()) else {
            throw ValidationError("must be open, mitigating, accepted or closed")
        }
        return status.rawValue
    }
}
