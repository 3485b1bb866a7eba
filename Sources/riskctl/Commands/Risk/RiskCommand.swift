import ArgumentParser
import RiskProtocol

/// `riskctl risk`: the risk register.
struct RiskCommand: ParsableCommand {
    /// The command's name, help and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "risk",
        abstract: "Keep the risk register.",
        discussion: """
            Likelihood and impact are whole numbers from 1 to 5; the score is their product, and the severity band \
            follows from it: low below 5, medium from 5, high from 10, critical from 20. Changing risks needs \
            \(RiskInterface.Update.policy.neededRoles), except where said otherwise.
            """,
        subcommands: [
            RiskAddCommand.self,
            RiskListCommand.self,
            RiskShowCommand.self,
            RiskHistoryCommand.self,
            RiskUpdateCommand.self,
            RiskReviewCommand.self,
            RiskAcceptCommand.self,
            RiskCloseCommand.self,
            RiskReopenCommand.self,
            RiskMatrixCommand.self,
            RiskAppetiteCommand.self,
            RiskImportCommand.self,
            RiskExportCommand.self,
            ActionCommand.self,
        ]
    )
}
