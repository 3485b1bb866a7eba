import ArgumentParser
import RiskProtocol

/// `riskctl risk add`: a new risk in the register.
struct RiskAddCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a risk and print it.",
        discussion: """
            The category must be one of risk.categories in riskd's configuration. The owner defaults to you; the next \
            review date to today plus the review interval of the risk's band. \(RiskInterface.Add.policy.needsSentence)
            """
    )

    /// Short name of the risk.
    @Option(help: ArgumentHelp("Short name of the risk.", valueName: "text"))
    var title: String

    /// One of the configured categories.
    @Option(help: ArgumentHelp("One of risk.categories, e.g. governance.", valueName: "name"))
    var category: String

    /// Inherent likelihood.
    @Option(help: ArgumentHelp("Inherent likelihood, 1 to 5.", valueName: "n"), transform: Rating.parse)
    var likelihood: Int

    /// Inherent impact.
    @Option(help: ArgumentHelp("Inherent impact, 1 to 5.", valueName: "n"), transform: Rating.parse)
    var impact: Int

    /// What could happen and why.
    @Option(help: ArgumentHelp("What could happen and why.", valueName: "text"))
    var description: String?

    /// Where the risk belongs, such as a strategic area.
    @Option(help: ArgumentHelp("Where the risk belongs, such as a strategic area.", valueName: "text"))
    var area: String?

    /// User name of the owner.
    @Option(help: ArgumentHelp("User name of the owner (default: you).", valueName: "user"))
    var owner: String?

    /// Residual likelihood, after measures.
    @Option(
        name: .customLong("residual-likelihood"),
        help: ArgumentHelp("Likelihood after measures, 1 to 5; give it with --residual-impact.", valueName: "n"),
        transform: Rating.parse
    )
    var residualLikelihood: Int?

    /// Residual impact, after measures.
    @Option(
        name: .customLong("residual-impact"),
        help: ArgumentHelp("Impact after measures, 1 to 5; give it with --residual-likelihood.", valueName: "n"),
        transform: Rating.parse
    )
    var residualImpact: Int?

    /// Day the first review is due.
    @Option(
        name: .customLong("next-review"),
        help: ArgumentHelp("Day the first review is due (default: from the band).", valueName: "YYYY-MM-DD"),
        transform: CalendarDay.parse
    )
    var nextReview: String?

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Rejects a residual likelihood without a residual impact, and the other way round.
    func validate() throws {
        if (residualLikelihood == nil) != (residualImpact == nil) {
            throw ValidationError("give --residual-likelihood and --residual-impact together, or neither")
        }
    }

    /// Adds the risk and prints it as stored.
    func run() throws {
        let parameters = RiskInterface.Add.Parameters(
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
        let answer = try options.connect().call(RiskInterface.Add.self, parameters)
        if options.json {
            return try Output.json(answer.parameters)
        }
        RiskPresenter.printFields(of: try answer.decoded().risk)
    }
}
