import ArgumentParser
import RiskProtocol

/// `riskctl org map`: the stakeholder map of the registry, power against interest.
struct OrganisationMapCommand: ParsableCommand {
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
        transform: OrganisationPresenter.parseKind
    )
    var kind: String?

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Fetches the registry and prints the grid.
    func run() throws {
        let pages = try options.connect().collectPages(OrganisationInterface.List.self, itemsKey: "organisations") {
            after,
            size in
            OrganisationInterface.List.Parameters(kind: kind, limit: size, after: after)
        }
        if options.json {
            return try Output.json(pages.merged)
        }
        let organisations = try pages.decoded().flatMap(\.organisations)
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
