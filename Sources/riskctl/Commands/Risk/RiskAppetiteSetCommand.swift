import ArgumentParser
import RiskProtocol

/// `riskctl risk appetite set`: the highest score the board tolerates for one category.
struct RiskAppetiteSetCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set the appetite of a category: risks scoring above it are above appetite.",
        discussion: """
            The category must be one of risk.categories in riskd's configuration, and the score a whole number \
            from 1 to 25; riskd checks both. Replaces the category's appetite if it had one. \
            \(RiskInterface.SetAppetite.policy.needsSentence)
            """
    )

    /// The category whose appetite is set.
    @Argument(help: ArgumentHelp("One of the configured risk categories.", valueName: "category"))
    var category: String

    /// The highest score tolerated.
    @Argument(
        help: ArgumentHelp("The highest score tolerated, 1 to 25.", valueName: "max-score"),
        transform: RiskAppetiteSetCommand.parseWholeNumber
    )
    var maxScore: Int

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The method called.
    typealias Method = RiskInterface.SetAppetite

    /// The call's parameters.
    var parameters: Method.Parameters {
        .init(category: category, maxScore: maxScore)
    }

    /// Says what the appetite now is.
    func present(_ reply: Method.Reply) throws {
        let score = reply.appetite?.maxScore ?? maxScore
        Output.line("Appetite for \(category) set to \(score): its risks scoring above \(score) are above appetite.")
    }

    /// Reads the score as a whole number; its range is riskd's to check, which names it in its refusal.
    ///
    /// - Throws: `ValidationError` without the text, which argument-parser shows with the argument's name.
    static func parseWholeNumber(_ text: String) throws -> Int {
        guard let value = Int(text.trimmingWhitespace()) else {
            throw ValidationError("must be a whole number from 1 to 25")
        }
        return value
    }
}
