import ArgumentParser

/// `riskctl ethics`: the ethical code, its versions and who acknowledged it.
struct EthicsCommand: ParsableCommand {
    /// The command's name, help and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "ethics",
        abstract: "Read, acknowledge and publish the ethical code.",
        discussion: """
            Every version of the code has a number and a SHA-256 hash of its text. Board members acknowledge the \
            current version with ethics ack, which sends the hash of the text it showed; publishing a new version \
            means everyone acknowledges again. Publishing needs the admin role, ethics status the admin or \
            auditor role.
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
