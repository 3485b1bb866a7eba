import ArgumentParser
import RiskProtocol

/// `riskctl org add`: a new organisation in the registry.
struct OrganisationAddCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an organisation to the registry and print it.",
        discussion: """
            Its name and aliases, once case, accents and punctuation are folded, must not be taken by another \
            organisation: if one is, nothing is added and riskctl exits with status 75. \
            \(OrganisationInterface.Add.policy.needsSentence)
            """
    )

    /// The organisation's name.
    @Argument(help: ArgumentHelp("The organisation's name.", valueName: "name"))
    var name: String

    /// What it is to the network.
    @Option(
        help: ArgumentHelp(
            "member, funder, government, international, network, ngo, company or other.",
            valueName: "kind"
        ),
        completion: ValueCompletions.organisationKind,
        transform: OrganisationPresenter.parseKind
    )
    var kind: String

    /// Other names it goes by.
    @Option(
        name: .customLong("alias"),
        help: ArgumentHelp("Another name it goes by, such as an acronym; may be repeated.", valueName: "name")
    )
    var aliases: [String] = []

    /// How much it cares about the network's work.
    @Option(
        help: ArgumentHelp("Its interest in the network's work: low, medium or high.", valueName: "level"),
        completion: ValueCompletions.level,
        transform: OrganisationPresenter.parseLevel
    )
    var interest: String?

    /// How much influence it has over the network.
    @Option(
        help: ArgumentHelp("Its power over the network: low, medium or high.", valueName: "level"),
        completion: ValueCompletions.level,
        transform: OrganisationPresenter.parseLevel
    )
    var power: String?

    /// Free text.
    @Option(help: ArgumentHelp("A note about the organisation.", valueName: "text"))
    var note: String?

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Adds the organisation and prints it as stored.
    func run() throws {
        let parameters = OrganisationInterface.Add.Parameters(
            name: name,
            aliases: aliases.isEmpty ? nil : aliases,
            kind: kind,
            interest: interest,
            power: power,
            note: note
        )
        let answer = try options.connect().call(OrganisationInterface.Add.self, parameters)
        if options.json {
            return try Output.json(answer.parameters)
        }
        OrganisationPresenter.printFields(of: try answer.decoded().organisation)
    }
}
