import ArgumentParser
import RiskProtocol

/// `riskctl interest show`: one declaration in full.
struct InterestShowCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one declaration in full.",
        discussion: "Another member's sensitive declaration is refused (exit status 77)."
    )

    /// The interest to show.
    @Argument(
        help: ArgumentHelp("The interest, I-7 or 7.", valueName: "I-ID"),
        transform: { try RecordKind.interest.parse($0) }
    )
    var interest: Int

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The method called.
    typealias Method = InterestInterface.Get

    /// The call's parameters.
    var parameters: Method.Parameters {
        .init(id: interest)
    }

    /// Prints the interest's fields.
    func present(_ reply: Method.Reply) throws {
        InterestPresenter.printFields(of: reply.interest)
    }
}
