import ArgumentParser
import RiskProtocol

/// `riskctl org show`: one organisation in full.
struct OrganisationShowCommand: CallCommand {
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

    /// The method called.
    typealias Method = OrganisationInterface.Get

    /// The call's parameters.
    var parameters: Method.Parameters {
        .init(id: organisation)
    }

    /// Prints the organisation's fields.
    func present(_ reply: Method.Reply) throws {
        OrganisationPresenter.printFields(of: reply.organisation)
    }
}
