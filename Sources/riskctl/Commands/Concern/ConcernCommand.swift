import ArgumentParser
import RiskProtocol

/// `riskctl concern`: raise a concern confidentially, and, for administrators, look into it and close it.
struct ConcernCommand: ParsableCommand {
    /// The command's name, help and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "concern",
        abstract: "Raise a concern, confidentially: an undeclared interest, a breach of the code, or other.",
        discussion: """
            The member a concern is about never sees it, nor who raised it. A board member sees the concerns they \
            raised; administrators and auditors the others. Closing needs \(ConcernInterface.Close.policy.neededRoles).
            """,
        subcommands: [
            ConcernRaiseCommand.self, ConcernListCommand.self, ConcernShowCommand.self, ConcernCloseCommand.self,
        ]
    )
}
