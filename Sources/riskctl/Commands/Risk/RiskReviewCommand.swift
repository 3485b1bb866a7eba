import ArgumentParser
import RiskProtocol

/// `riskctl risk review`: record a review, with new ratings if they changed.
struct RiskReviewCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Record a review of a risk and move its next review date on.",
        discussion: """
            Give new ratings only if they changed. The next review date moves on by the interval of the risk's \
            band. Admins and the risk's owner may review it.
            """
    )

    /// The risk reviewed.
    @Argument(
        help: ArgumentHelp("The risk, R-12 or 12.", valueName: "R-ID"),
        transform: { try RecordKind.risk.parse($0) }
    )
    var risk: Int

    /// What the reviewer found.
    @Option(help: ArgumentHelp("What the review found.", valueName: "text"))
    var note: String

    /// New inherent ratings, if they changed.
    @OptionGroup var ratings: InherentRatingChanges

    /// New residual ratings, if they changed.
    @OptionGroup var residual: ResidualRatingOptions<RecordChange>

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The method called.
    typealias Method = RiskInterface.Review

    /// The call's parameters.
    var parameters: Method.Parameters {
        Method.Parameters(
            id: risk,
            note: note,
            likelihood: ratings.likelihood,
            impact: ratings.impact,
            residualLikelihood: residual.likelihood,
            residualImpact: residual.impact
        )
    }

    /// Says the risk's severity now and when the next review is due.
    func present(_ reply: Method.Reply) throws {
        let reviewed = reply.risk
        let severity = Style.of(reviewed.severity).paint(reviewed.severity.rawValue)
        Output.line(
            RiskPresenter.summary(
                reviewed,
                "reviewed: \(severity), score \(reviewed.score); next review due \(reviewed.nextReviewDue)"
            )
        )
    }
}
