import ArgumentParser

/// `riskctl action`: the actions of the whole register, whatever risk they reduce.
struct ActionsCommand: ParsableCommand {
    /// The command's name, help and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "action",
        abstract: "List the actions across the register.",
        discussion: "To add, change, complete or cancel an action, see riskctl risk action.",
        subcommands: [ActionListCommand.self]
    )
}
