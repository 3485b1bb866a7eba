import ArgumentParser
import RiskProtocol

/// `riskctl risk appetite unset`: removes the appetite of one category.
struct RiskAppetiteUnsetCommand: ParsableCommand {
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

    /// Removes the appetite and says so.
    func run() throws {
        let answer = try options.connect().call(RiskInterface.SetAppetite.self, .init(category: category))
        if options.json {
            return try Output.json(answer.parameters)
        }
        _ = try answer.decoded()
        Output.line("\(category) has no appetite now: none of its risks is above appetite.")
    }
}
