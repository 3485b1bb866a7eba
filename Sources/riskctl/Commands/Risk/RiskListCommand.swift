import ArgumentParser
import RiskProtocol

/// `riskctl risk list`: the risks, one line each.
struct RiskListCommand: ListCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List risks, one line each.",
        discussion: """
            Without --status or --all, every risk that is not closed is listed. A score marked ! is above the \
            appetite the board set for the risk's category. With --as-of, each risk is listed as it stood then, \
            compared with the appetites set now, and a review is overdue by that day.
            """
    )

    /// The statuses to list.
    @Option(
        help: ArgumentHelp(
            "Only risks with this status: open, mitigating, accepted or closed; may be repeated.",
            valueName: "status"
        ),
        completion: ValueCompletions.riskStatus,
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

    /// Only risks above their category's appetite.
    @Flag(name: .customLong("above-appetite"), help: "Only risks whose score is above their category's appetite.")
    var aboveAppetite = false

    /// The register as it stood then, as the user wrote it; riskd reads and checks it.
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "The register as it stood at this date, YYYY-MM-DD (the end of that day, UTC), or RFC 3339 time.",
            valueName: "date"
        )
    )
    var asOf: String?

    /// Closed risks too.
    @Flag(help: "List closed risks too.")
    var all = false

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The method called.
    typealias Method = RiskInterface.List

    /// The reply field holding a page's risks.
    static let itemsKey = "risks"

    /// The same field decoded.
    static var items: KeyPath<Method.Reply, [RiskInterface.Risk]> { \.risks }

    /// The parameters for one page.
    func page(after: Int?, size: Int) -> Method.Parameters {
        let statuses: [String]? =
            all ? RiskInterface.RiskStatus.allCases.map(\.rawValue) : (status.isEmpty ? nil : status)
        return Method.Parameters(
            status: statuses,
            category: category,
            owner: owner,
            minScore: minScore,
            overdue: overdue ? true : nil,
            limit: size,
            after: after,
            asOf: asOf,
            aboveAppetite: aboveAppetite ? true : nil
        )
    }

    /// Prints the risks of every page as one table.
    func present(_ risks: [RiskInterface.Risk]) {
        let today = asOf.map(CalendarDay.datePart) ?? CalendarDay.today()
        let above = risks.count(where: \.aboveAppetite)
        let legend = RiskPresenter.legend(count: risks.count, asOf: asOf, aboveAppetite: above)
        RiskPresenter.table(risks, today: today).print(legend: legend, options: options)
    }

    /// Checks a `--status` value against the protocol's statuses.
    static func parseStatus(_ text: String) throws -> String {
        guard let status = RiskInterface.RiskStatus(rawValue: text.lowercased()) else {
            throw ValidationError("must be open, mitigating, accepted or closed")
        }
        return status.rawValue
    }
}
