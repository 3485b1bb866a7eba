import ArgumentParser
import RiskProtocol

/// `riskctl risk appetite`: the highest score the board tolerates per category; lists them without a subcommand.
struct RiskAppetiteCommand: ParsableCommand {
    /// The command's name, help and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "appetite",
        abstract: "Show or set the board's risk appetite: the highest score tolerated per category.",
        discussion: """
            A risk whose current score is above its category's appetite is above appetite: risk list marks its \
            score with !, and the review raises risk-above-appetite for it. A category without an appetite has no \
            risk above it. Without a subcommand, the appetites are listed. Setting and unsetting needs \
            \(RiskInterface.SetAppetite.policy.neededRoles).
            """,
        subcommands: [
            RiskAppetiteListCommand.self,
            RiskAppetiteSetCommand.self,
            RiskAppetiteUnsetCommand.self,
        ],
        defaultSubcommand: RiskAppetiteListCommand.self
    )
}
