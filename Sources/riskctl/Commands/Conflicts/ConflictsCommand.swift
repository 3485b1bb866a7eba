import ArgumentParser

/// `riskctl conflicts`: check a decision's organisations against the declarations, and read the checks made.
struct ConflictsCommand: ParsableCommand {
    /// The command's name, help and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "conflicts",
        abstract: "Check for conflicts of interest before a decision, and list the checks made.",
        discussion: """
            Names are compared after folding case, accents and punctuation (Udruženje = udruzenje) and Cyrillic or \
            Greek letters that look like Latin ones (a Cyrillic о for o), and through the aliases of the registry \
            (OSF = Open Society Foundations): exact, alias, or possible when a name is a typo away or every word of \
            the shorter name appears in the longer one. Every check is stored, for the minutes.
            """,
        subcommands: [
            ConflictsCheckCommand.self,
            ConflictsHistoryCommand.self,
        ]
    )
}
