import ArgumentParser
import RiskProtocol

/// `riskctl risk appetite unset`: removes the appetite of one category.
struct RiskAppetiteUnsetCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "unset",
        abstract: "Remove the appetite of a category: none of its risks is above appetite any more.",
        discussion: """
            The category must be one of risk.categories in riskd's configuration. Unsetting an appetite that is \
            not set is no error, and is audited like any other. \(RiskInterface.SetAppetite.policy.needsSentence)
            """
    )

    /// The category whose appetite is removed.
    @Argument(help: ArgumentHelp("One of the configured risk categories.", valueName: "category"))
    var category: String

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The method called.
    typealias Method = RiskInterface.SetAppetite

    /// The call's parameters.
    var parameters: Method.Parameters {
        .init(category: category)
    }

    /// Says the category has no appetite now.
    func present(_ reply: Method.Reply) throws {
        Output.line("\(category) has no appetite now: none of its risks is above appetite.")
    }
}
