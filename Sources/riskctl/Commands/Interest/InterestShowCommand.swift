import ArgumentParser
import RiskProtocol

/// `riskctl interest show`: one declaration in full.
struct InterestShowCommand: ParsableCommand {
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

    /// Fetches the interest and prints its fields.
    func run() throws {
        let answer = try options.connect().call(InterestInterface.Get.self, .init(id: interest))
        if options.json {
            return try Output.json(answer.parameters)
        }
        InterestPresenter.printFields(of: try answer.decoded().interest)
    }
}
