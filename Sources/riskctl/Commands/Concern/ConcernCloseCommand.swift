import ArgumentParser
import RiskProtocol

/// `riskctl concern close`: close an open concern with its outcome.
struct ConcernCloseCommand: CallCommand {
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

    /// The method called.
    typealias Method = ConcernInterface.Close

    /// The call's parameters.
    var parameters: Method.Parameters {
        .init(id: concern, status: status, outcome: outcome)
    }

    /// The status the concern is closed with, as riskd spells it.
    private var status: String {
        switch decision {
        case .upheld: "upheld"
        case .notUpheld: "not_upheld"
        case .withdrawn: "withdrawn"
        }
    }

    /// Says how the concern was closed.
    func present(_ reply: Method.Reply) throws {
        let closed = reply.concern
        Output.line(
            "\(RecordKind.concern.format(closed.id)) closed: \(status.replacing("_", with: " "))."
        )
    }
}
