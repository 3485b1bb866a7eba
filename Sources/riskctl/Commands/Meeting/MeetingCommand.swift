import ArgumentParser

/// `riskctl meeting`: board meetings, their agendas, who steps out of which decision, and the minutes.
struct MeetingCommand: ParsableCommand {
    /// The command's name, help and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "meeting",
        abstract: "Prepare a board meeting, record who stepped out of what, and write the minutes' declarations.",
        discussion: """
            A meeting is a draft, then published (each decision item is checked against the register of \
            interests, and every conflict found becomes a recusal), then closed (nothing of it changes again), or \
            cancelled if it will not meet. \
            Meetings are named M-3 or 3; items by their number on the agenda. Preparing and recording need the \
            admin role; the board and the auditor read meetings and minutes, another member's sensitive \
            recusal withheld.
            """,
        subcommands: [
            MeetingCreateCommand.self,
            MeetingListCommand.self,
            MeetingShowCommand.self,
            MeetingItemCommand.self,
            MeetingPublishCommand.self,
            MeetingRecordCommand.self,
            MeetingDeclareCommand.self,
            MeetingCloseCommand.self,
            MeetingCancelCommand.self,
            MeetingMinutesCommand.self,
        ]
    )
}

/// `riskctl meeting item`: the agenda of a meeting.
struct MeetingItemCommand: ParsableCommand {
    /// The command's name, help and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "item",
        abstract: "Add items to a meeting's agenda.",
        subcommands: [MeetingItemAddCommand.self]
    )
}
