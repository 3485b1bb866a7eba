import ArgumentParser
import RiskProtocol

/// `riskctl ethics`: the ethical code, its versions and who acknowledged it.
struct EthicsCommand: ParsableCommand {
    /// The command's name, help and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "ethics",
        abstract: "Read, acknowledge and publish the ethical code.",
        discussion: """
            Every version of the code has a number and a SHA-256 hash of its text. Board members acknowledge the \
            current version with ethics ack, which sends the hash of the text it showed; publishing a new version \
            means everyone acknowledges again. Publishing needs \
            \(EthicsInterface.Publish.policy.neededRoles), ethics status \
            \(EthicsInterface.Status.policy.neededRoles).
            """,
        subcommands: [
            EthicsShowCommand.self,
            EthicsAckCommand.self,
            EthicsDiffCommand.self,
            EthicsVersionsCommand.self,
            EthicsStatusCommand.self,
            EthicsPublishCommand.self,
        ]
    )
}
