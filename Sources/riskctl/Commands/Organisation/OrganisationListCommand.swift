import ArgumentParser
import RiskProtocol

/// `riskctl org list`: the registry, one organisation a line.
struct OrganisationListCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the organisations of the registry, one line each."
    )

    /// Only this kind.
    @Option(
        help: ArgumentHelp("Only organisations of this kind, such as funder.", valueName: "kind"),
        transform: OrganisationPresenter.parseKind
    )
    var kind: String?

    /// Only names matching this text.
    @Option(
        help: ArgumentHelp(
            "Only organisations whose name or an alias contains this text (case and accents "
                + "ignored).",
            valueName: "text"
        )
    )
    var query: String?

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Lists every page and prints one table.
    func run() throws {
        let pages = try options.connect().collectPages(OrganisationInterface.List.self, itemsKey: "organisations") {
            after,
            size in
            OrganisationInterface.List.Parameters(kind: kind, query: query, limit: size, after: after)
        }
        if options.json {
            return try Output.json(pages.merged)
        }
        let organisations = try pages.decoded().flatMap(\.organisations)
        OrganisationPresenter.table(organisations)
            .print(legend: OrganisationPresenter.legend(count: organisations.count), options: options)
    }
}
