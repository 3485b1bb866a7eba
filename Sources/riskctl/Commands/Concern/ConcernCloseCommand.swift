import ArgumentParser
import RiskProtocol

/// `riskctl concern close`: close an open concern with its outcome.
struct ConcernCloseCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "close",
        abstract: "Close an open concern as upheld, not upheld or withdrawn, with the outcome.",
        discussion: """
            An upheld concern of an undeclared interest is listed among the breaches of the public register \
            (riskctl interest register). \(ConcernInterface.Close.policy.needsSentence)
            """
    )

    /// How the concern ended.
    enum Decision: String, EnumerableFlag {
        case upheld, notUpheld, withdrawn
    }

    /// The concern closed.
    @Argument(
        help: ArgumentHelp("The concern, C-2 or 2.", valueName: "C-ID"),
        transform: { try RecordKind.concern.parse($0) }
    )
    var concern: Int

    /// How it ended.
    @Flag(help: "How it ended.")
    var decision: Decision

    /// What was found and done.
    @Option(help: ArgumentHelp("What was found and done.", valueName: "text"))
    var outcome: String

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Closes the concern and says how.
    func run() throws {
        let status =
            switch decision {
            case .upheld: "upheld"
            case .notUpheld: "not_upheld"
            case .withdrawn: "withdrawn"
            }
        let answer = try options.connect().call(
            ConcernInterface.Close.self,
            .init(id: concern, status: status, outcome: outcome)
        )
        if options.json {
            return try Output.json(answer.parameters)
        }
        let closed = try answer.decoded().concern
        Output.line(
            "\(RecordKind.concern.format(closed.id)) closed: \(status.replacing("_", with: " "))."
        )
    }
}
