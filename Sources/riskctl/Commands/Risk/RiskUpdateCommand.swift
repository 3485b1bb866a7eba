import ArgumentParser
import RiskProtocol

/// `riskctl risk update`: change some fields of a risk.
struct RiskUpdateCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change the fields given, with the same options as risk add.",
        discussion: """
            With --if-revision, the change is made only if the risk is still at that revision; if someone changed it \
            in the meantime, nothing is changed and riskctl exits with status 75. \
            \(RiskInterface.Update.policy.needsSentence)
            """
    )

    /// The risk to change.
    @Argument(
        help: ArgumentHelp("The risk, R-12 or 12.", valueName: "R-ID"),
        transform: { try RecordKind.risk.parse($0) }
    )
    var risk: Int

    /// The revision the caller last saw.
    @Option(
        name: .customLong("if-revision"),
        help: ArgumentHelp("Change nothing unless the risk is still at this revision.", valueName: "n")
    )
    var ifRevision: Int?

    /// New short name.
    @Option(help: ArgumentHelp("New short name.", valueName: "text"))
    var title: String?

    /// New category.
    @Option(help: ArgumentHelp("New category, one of risk.categories.", valueName: "name"))
    var category: String?

    /// New inherent likelihood.
    @Option(help: ArgumentHelp("New inherent likelihood, 1 to 5.", valueName: "n"), transform: Rating.parse)
    var likelihood: Int?

    /// New inherent impact.
    @Option(help: ArgumentHelp("New inherent impact, 1 to 5.", valueName: "n"), transform: Rating.parse)
    var impact: Int?

    /// New description.
    @Option(help: ArgumentHelp("New description.", valueName: "text"))
    var description: String?

    /// New area.
    @Option(help: ArgumentHelp("New area.", valueName: "text"))
    var area: String?

    /// New owner.
    @Option(help: ArgumentHelp("New owner, a user name.", valueName: "user"))
    var owner: String?

    /// New residual likelihood.
    @Option(
        name: .customLong("residual-likelihood"),
        help: ArgumentHelp("New likelihood after measures, 1 to 5.", valueName: "n"),
        transform: Rating.parse
    )
    var residualLikelihood: Int?

    /// New residual impact.
    @Option(
        name: .customLong("residual-impact"),
        help: ArgumentHelp("New impact after measures, 1 to 5.", valueName: "n"),
        transform: Rating.parse
    )
    var residualImpact: Int?

    /// New day the next review is due.
    @Option(
        name: .customLong("next-review"),
        help: ArgumentHelp("New day the next review is due.", valueName: "YYYY-MM-DD"),
        transform: CalendarDay.parse
    )
    var nextReview: String?

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Rejects an update that changes nothing, and a revision that cannot exist.
    func validate() throws {
        let changes: [Any?] = [
            title, category, likelihood, impact, description, area, owner, residualLikelihood, residualImpact,
            nextReview,
        ]
        guard changes.contains(where: { $0 != nil }) else {
            throw ValidationError("nothing to change; give at least one field option, such as --owner")
        }
        if let ifRevision, ifRevision < 1 {
            throw ValidationError("--if-revision must be 1 or more, not \(ifRevision)")
        }
    }

    /// Sends the change and says which revision the risk is now at.
    func run() throws {
        let parameters = RiskInterface.Update.Parameters(
            id: risk,
            ifRevision: ifRevision,
            title: title,
            description: description,
            category: category,
            area: area,
            owner: owner,
            likelihood: likelihood,
            impact: impact,
            residualLikelihood: residualLikelihood,
            residualImpact: residualImpact,
            nextReviewDue: nextReview
        )
        let answer = try options.connect().call(RiskInterface.Update.self, parameters)
        if options.json {
            return try Output.json(answer.parameters)
        }
        let updated = try answer.decoded().risk
        Output.line(RiskPresenter.summary(updated, "updated, now at revision \(updated.revision)"))
    }
}
