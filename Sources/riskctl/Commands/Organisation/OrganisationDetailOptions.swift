import ArgumentParser

/// The options of an organisation's fields that `org add` and `org update` both take and neither requires: a new
/// field of an organisation is declared here, once, and both commands have it.
///
/// The name, kind and aliases stay in each command, because `org add` requires the name and kind and the two word
/// aliases differently. `Use` words the help for each command; an update may clear a field with an empty value.
struct OrganisationDetailOptions<Use: FieldOptionUse>: ParsableArguments {
    /// How much it cares about the network's work.
    @Option(
        help: ArgumentHelp(
            Use.changes
                ? "New interest: low, medium or high; empty to clear."
                : "Its interest in the network's work: low, medium or high.",
            valueName: "level"
        ),
        completion: ValueCompletions.level,
        transform: Use.changes ? OrganisationPresenter.parseClearableLevel : OrganisationPresenter.parseLevel
    )
    var interest: String?

    /// How much influence it has over the network.
    @Option(
        help: ArgumentHelp(
            Use.changes
                ? "New power: low, medium or high; empty to clear."
                : "Its power over the network: low, medium or high.",
            valueName: "level"
        ),
        completion: ValueCompletions.level,
        transform: Use.changes ? OrganisationPresenter.parseClearableLevel : OrganisationPresenter.parseLevel
    )
    var power: String?

    /// Free text.
    @Option(
        help: ArgumentHelp(
            Use.changes ? "New note; empty to clear." : "A note about the organisation.",
            valueName: "text"
        )
    )
    var note: String?

    /// The option each protocol field of these options is sent from, for `OptionNaming`.
    static var optionsByField: [String: String] {
        ["interest": "--interest", "power": "--power", "note": "--note"]
    }

    /// Whether none of these options was given.
    var isEmpty: Bool {
        [interest, power, note].allSatisfy { $0 == nil }
    }
}
