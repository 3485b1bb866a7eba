import ArgumentParser

/// A risk's residual ratings, after measures, as `risk add`, `risk update` and `risk review` take them: declared
/// once, worded by `Use` (`RiskDetailOptions` holds them for add and update).
struct ResidualRatingOptions<Use: FieldOptionUse>: ParsableArguments {
    /// Residual likelihood, after measures.
    @Option(
        name: .customLong("residual-likelihood"),
        help: ArgumentHelp(
            Use.changes
                ? "New likelihood after measures, 1 to 5."
                : "Likelihood after measures, 1 to 5; give it with --residual-impact.",
            valueName: "n"
        ),
        transform: Rating.parse
    )
    var likelihood: Int?

    /// Residual impact, after measures.
    @Option(
        name: .customLong("residual-impact"),
        help: ArgumentHelp(
            Use.changes
                ? "New impact after measures, 1 to 5."
                : "Impact after measures, 1 to 5; give it with --residual-likelihood.",
            valueName: "n"
        ),
        transform: Rating.parse
    )
    var impact: Int?

    /// The option each protocol field of these options is sent from, for `OptionNaming`.
    static var optionsByField: [String: String] {
        ["residualLikelihood": "--residual-likelihood", "residualImpact": "--residual-impact"]
    }
}

/// New inherent ratings, as `risk update` and `risk review` take them: both optional. (`risk add` declares its own,
/// because argument-parser makes an option required where it is declared.)
struct InherentRatingChanges: ParsableArguments {
    /// New inherent likelihood.
    @Option(help: ArgumentHelp("New inherent likelihood, 1 to 5.", valueName: "n"), transform: Rating.parse)
    var likelihood: Int?

    /// New inherent impact.
    @Option(help: ArgumentHelp("New inherent impact, 1 to 5.", valueName: "n"), transform: Rating.parse)
    var impact: Int?

    /// The option each protocol field of these options is sent from, for `OptionNaming`.
    static var optionsByField: [String: String] {
        ["likelihood": "--likelihood", "impact": "--impact"]
    }
}
