import ArgumentParser
import RiskProtocol

/// `riskctl org map`: the stakeholder map of the registry, power against interest.
struct OrganisationMapCommand: ListCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Print the registry as a power/interest grid, three by three.",
        discussion: """
            Power runs down, highest on top; interest runs across, lowest on the left. Each cell lists the \
            organisations rated so, by name, or by their shortest alias when the name does not fit. Organisations \
            without both ratings are counted under the grid. --json prints the organisations the map is drawn from.
            """
    )

    /// Only this kind.
    @Option(
        help: ArgumentHelp("Only organisations of this kind, such as funder.", valueName: "kind"),
        completion: ValueCompletions.organisationKind,
        transform: OrganisationPresenter.parseKind
    )
    var kind: String?

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
        Method.Parameters(kind: kind, limit: size, after: after)
    }

    /// Prints the grid of the whole registry.
    func present(_ organisations: [OrganisationInterface.Organisation]) {
        let map = StakeholderMap(organisations)
        for line in map.render(width: Output.terminalWidth ?? 100, header: options.showsLegend) {
            Output.line(line)
        }
        if options.showsLegend {
            Output.line()
            Output.line(map.legend)
        }
    }
}
