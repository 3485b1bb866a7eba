import ArgumentParser
import RiskProtocol

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `riskctl concern raise`: raise a concern, its text as an argument or from standard input.
struct ConcernRaiseCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "raise",
        abstract: "Raise a concern; the text is the argument, or standard input without one.",
        discussion: """
            --kind is undeclared-interest, breach-of-code or other; --about names the member it is about, who will \
            never see it. Without the text argument, riskctl reads it from standard input, e.g. a file.
            """
    )

    /// What the concern is about.
    @Option(help: ArgumentHelp("undeclared-interest, breach-of-code or other.", valueName: "kind"))
    var kind: String

    /// Whom it is about.
    @Option(help: ArgumentHelp("The member it is about (user name).", valueName: "user"))
    var about: String?

    /// The text, when given as an argument.
    @Argument(help: ArgumentHelp("What the concern is; read from standard input when left out.", valueName: "text"))
    var text: String?

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The method called.
    typealias Method = ConcernInterface.Raise

    /// The call's parameters.
    var parameters: Method.Parameters {
        get throws {
            let body = try text ?? EthicsPublishCommand.text(of: "-")
            return .init(kind: kind.replacing("-", with: "_"), text: body, about: about)
        }
    }

    /// Says the concern's id, and who will see it.
    func present(_ reply: Method.Reply) throws {
        let concern = reply.concern
        Output.line(
            "\(RecordKind.concern.format(concern.id)) raised. It is confidential: the member it is about will not "
                + "see it; an administrator will look into it."
        )
    }
}
