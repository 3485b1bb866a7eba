import ArgumentParser

/// `riskctl report`: documents riskd renders from the register.
struct ReportCommand: ParsableCommand {
    /// The command's name, help and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render reports from the register, such as the board pack.",
        discussion: "These commands need the admin, board or auditor role.",
        subcommands: [ReportBoardCommand.self]
    )
}
