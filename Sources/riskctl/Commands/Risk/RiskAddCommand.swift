import ArgumentParser
import RiskProtocol

/// `riskctl risk add`: a new risk in the register.
struct RiskAddCommand: CallCommand {
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

    /// The fields a new risk may be given.
    @OptionGroup var details: RiskDetailOptions<NewRecord>

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Rejects a residual likelihood without a residual impact, and the other way round.
    func validate() throws {
        if (details.residual.likelihood == nil) != (details.residual.impact == nil) {
            throw ValidationError("give --residual-likelihood and --residual-impact together, or neither")
        }
    }

    /// The method called.
    typealias Method = RiskInterface.Add

    /// The call's parameters.
    var parameters: Method.Parameters {
        Method.Parameters(
            title: title,
            description: details.description,
            category: category,
            area: details.area,
            owner: details.owner,
            likelihood: likelihood,
            impact: impact,
            residualLikelihood: details.residual.likelihood,
            residualImpact: details.residual.impact,
            nextReviewDue: details.nextReview
        )
    }

    /// Prints the risk as stored.
    func present(_ reply: Method.Reply) throws {
        RiskPresenter.printFields(of: reply.risk)
    }
}
