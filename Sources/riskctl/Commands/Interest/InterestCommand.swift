import ArgumentParser

/// `riskctl interest`: declarations of interest of the board.
struct InterestCommand: ParsableCommand {
    /// The command's name, help and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "interest",
        abstract: "Declare, confirm and manage interests of board members.",
        discussion: """
            A declaration is always your own: riskd knows you by your user. Board members declare and confirm; the \
            secretariat (admin role) records how a conflict is managed. A sensitive declaration is seen only by you, \
            the secretariat and the auditor; other board members see your other declarations unless \
            interests.board_sees_register is off.
            """,
        subcommands: [
            InterestDeclareCommand.self,
            InterestListCommand.self,
            InterestShowCommand.self,
            InterestUpdateCommand.self,
            InterestEndCommand.self,
            InterestConfirmCommand.self,
            InterestManageCommand.self,
            InterestEraseCommand.self,
            InterestRegisterCommand.self,
            InterestImportCommand.self,
        ]
    )
}
