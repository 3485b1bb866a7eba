import ArgumentParser
import RiskProtocol

/// `riskctl risk update`: change some fields of a risk.
struct RiskUpdateCommand: CallCommand {
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

    /// New inherent ratings.
    @OptionGroup var ratings: InherentRatingChanges

    /// The other fields that may be changed.
    @OptionGroup var details: RiskDetailOptions<RecordChange>

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Rejects an update that changes nothing, and a revision that cannot exist.
    func validate() throws {
        let changes: [Any?] = [title, category, ratings.likelihood, ratings.impact]
        guard changes.contains(where: { $0 != nil }) || !details.isEmpty else {
            throw ValidationError("nothing to change; give at least one field option, such as --owner")
        }
        if let ifRevision, ifRevision < 1 {
            throw ValidationError("--if-revision must be 1 or more, not \(ifRevision)")
        }
    }

    /// The method called.
    typealias Method = RiskInterface.Update

    /// The call's parameters.
    var parameters: Method.Parameters {
        Method.Parameters(
            id: risk,
            ifRevision: ifRevision,
            title: title,
            description: details.description,
            category: category,
            area: details.area,
            owner: details.owner,
            likelihood: ratings.likelihood,
            impact: ratings.impact,
            residualLikelihood: details.residual.likelihood,
            residualImpact: details.residual.impact,
            nextReviewDue: details.nextReview
        )
    }

    /// Says which revision the risk is now at.
    func present(_ reply: Method.Reply) throws {
        let updated = reply.risk
        Output.line(RiskPresenter.summary(updated, "updated, now at revision \(updated.revision)"))
    }
}
