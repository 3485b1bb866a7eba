import ArgumentParser
import RiskProtocol

/// `riskctl org list`: the registry, one organisation a line.
struct OrganisationListCommand: ListCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the organisations of the registry, one line each."
    )

    /// Only this kind.
    @Option(
        help: ArgumentHelp("Only organisations of this kind, such as funder.", valueName: "kind"),
        completion: ValueCompletions.organisationKind,
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

    /// The method called.
    typealias Method = OrganisationInterface.List

    /// The reply field holding a page's organisations.
    static let itemsKey = "organisations"

    /// The same field decoded.
    static var items: KeyPath<Method.Reply, [OrganisationInterface.Organisation]> { \.organisations }

    /// The parameters for one page.
    func page(after: Int?, size: Int) -> Method.Parameters {
        Method.Parameters(kind: kind, query: query, limit: size, after: after)
    }

    /// Prints the organisations of every page as one table.
    func present(_ organisations: [OrganisationInterface.Organisation]) {
        OrganisationPresenter.table(organisations)
            .print(legend: OrganisationPresenter.legend(count: organisations.count), options: options)
    }
}
