import ArgumentParser

/// The options of a risk's fields that `risk add` and `risk update` both take and neither requires: a new field
/// of a risk is declared here, once, and both commands have it.
///
/// The fields `risk add` requires (title, category, likelihood, impact) stay in its own declaration, because
/// argument-parser makes an option required or not where it is declared. `Use` words the help for each command.
/// The options come in the order the help lists them.
struct RiskDetailOptions<Use: FieldOptionUse>: ParsableArguments {
    /// What could happen and why.
    @Option(help: ArgumentHelp(Use.changes ? "New description." : "What could happen and why.", valueName: "text"))
    var description: String?

    /// Where the risk belongs, such as a strategic area.
    @Option(
        help: ArgumentHelp(
            Use.changes ? "New area." : "Where the risk belongs, such as a strategic area.",
            valueName: "text"
        )
    )
    var area: String?

    /// User name of the owner.
    @Option(
        help: ArgumentHelp(
            Use.changes ? "New owner, a user name." : "User name of the owner (default: you).",
            valueName: "user"
        )
    )
    var owner: String?

    /// The residual ratings, after measures.
    @OptionGroup var residual: ResidualRatingOptions<Use>

    /// Day the next review is due.
    @Option(
        name: .customLong("next-review"),
        help: ArgumentHelp(
            Use.changes ? "New day the next review is due." : "Day the first review is due (default: from the band).",
            valueName: "YYYY-MM-DD"
        ),
        transform: CalendarDay.parse
    )
    var nextReview: String?

    /// The option each protocol field of these options is sent from, for `OptionNaming`.
    static var optionsByField: [String: String] {
        ResidualRatingOptions<Use>.optionsByField.merging([
            "description": "--description", "area": "--area", "owner": "--owner", "nextReviewDue": "--next-review",
        ]) { $1 }
    }

    /// Whether none of these options was given.
    var isEmpty: Bool {
        let given: [Any?] = [description, area, owner, residual.likelihood, residual.impact, nextReview]
        return given.allSatisfy { $0 == nil }
    }
}
