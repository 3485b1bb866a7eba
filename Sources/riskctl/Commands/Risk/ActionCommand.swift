import ArgumentParser

/// `riskctl risk action`: the steps taken to reduce a risk.
struct ActionCommand: ParsableCommand {
    /// The command's name, help and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "action",
        abstract: "Add, change, complete and cancel the actions that reduce a risk.",
        discussion: """
            An action has an owner and a due date. Adding an action to an open risk makes it mitigating. riskctl \
            action list lists the actions of every risk.
            """,
        subcommands: [
            ActionAddCommand.self, ActionUpdateCommand.self, ActionDoneCommand.self, ActionCancelCommand.self,
        ]
    )
}
