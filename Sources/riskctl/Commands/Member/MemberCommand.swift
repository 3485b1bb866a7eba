import ArgumentParser

/// `riskctl member`: the board members and where each stands.
struct MemberCommand: ParsableCommand {
    /// The command's name, help and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "member",
        abstract: "Show the board members: confirmations, the ethical code, declarations.",
        discussion: """
            Members are the users who hold the board role now (through their groups) and everyone who ever declared \
            an interest. The admin and auditor roles see every member; a board member sees only themselves. \
            riskd mails each at the address set with member contact, else at user@mail.domain.
            """,
        subcommands: [
            MemberListCommand.self,
            MemberShowCommand.self,
            MemberExportCommand.self,
            MemberContactCommand.self,
            MemberNameCommand.self,
            MemberKeyCommand.self,
        ]
    )
}
