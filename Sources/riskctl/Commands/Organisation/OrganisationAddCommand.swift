import ArgumentParser
import RiskProtocol

/// `riskctl org add`: a new organisation in the registry.
struct OrganisationAddCommand: CallCommand {
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

    /// The fields a new organisation may be given.
    @OptionGroup var details: OrganisationDetailOptions<NewRecord>

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The method called.
    typealias Method = OrganisationInterface.Add

    /// The call's parameters.
    var parameters: Method.Parameters {
        Method.Parameters(
            name: name,
            aliases: aliases.isEmpty ? nil : aliases,
            kind: kind,
            interest: details.interest,
            power: details.power,
            note: details.note
        )
    }

    /// Prints the organisation as stored.
    func present(_ reply: Method.Reply) throws {
        OrganisationPresenter.printFields(of: reply.organisation)
    }
}
