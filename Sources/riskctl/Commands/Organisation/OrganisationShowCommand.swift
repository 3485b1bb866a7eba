import ArgumentParser
import RiskProtocol

/// `riskctl org show`: one organisation in full.
struct OrganisationShowCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one organisation in full."
    )

    /// The organisation to show.
    @Argument(
        help: ArgumentHelp("The organisation, O-3 or 3.", valueName: "O-ID"),
        transform: { try RecordKind.organisation.parse($0) }
    )
    var organisation: Int

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Fetches the organisation and prints its fields.
    func run() throws {
        let answer = try options.connect().call(OrganisationInterface.Get.self, .init(id: organisation))
        if options.json {
            return try Output.json(answer.parameters)
        }
        OrganisationPresenter.printFields(of: try answer.decoded().organisation)
    }
}
