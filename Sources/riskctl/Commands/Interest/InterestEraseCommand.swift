import ArgumentParser
import RiskProtocol

/// `riskctl interest erase`: erase the personal text of a declaration.
struct InterestEraseCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract: "Erase the personal text of a declared interest: its description, value and management plan.",
        discussion: """
            Who declared it, its kind, organisation and dates stay, so conflict checks and minutes still read; the \
            text is gone from every reply and from the database file. It cannot be undone, and it cannot reach a \
            backup made before. riskd also erases ended declarations by itself once interests.retain_ended_days \
            have passed since their end. \(InterestInterface.Erase.policy.needsSentence)
            """
    )

    /// The interest erased.
    @Argument(
        help: ArgumentHelp("The interest, I-7 or 7.", valueName: "I-ID"),
        transform: { try RecordKind.interest.parse($0) }
    )
    var interest: Int

    /// Why it is erased.
    @Option(help: ArgumentHelp("Why it is erased, e.g. \"The member asked for it\".", valueName: "text"))
    var reason: String

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The method called.
    typealias Method = InterestInterface.Erase

    /// The call's parameters.
    var parameters: Method.Parameters {
        .init(id: interest, reason: reason)
    }

    /// Says whose text was erased.
    func present(_ reply: Method.Reply) throws {
        let erased = reply.interest
        Output.line(
            "\(RecordKind.interest.format(erased.id)) of \(erased.declarant) (\(erased.organisation)): its text is "
                + "erased."
        )
    }
}
