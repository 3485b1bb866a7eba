import ArgumentParser

/// `riskctl review`: the daily review, the findings it raises and the runs that raised them.
struct ReviewCommand: ParsableCommand {
    /// The command's name, help and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Run the review, read its findings and acknowledge them.",
        discussion: """
            riskd reviews the registers every day: each rule (risk-review-overdue, risk-untreated, \
            risk-acceptance-expired, action-overdue, interest-confirmation-overdue, interest-unmanaged, \
            ethics-unacknowledged, and the notice interest-organisation-unlisted) raises a finding about a subject such as risk:4 or member:ana, which stays open \
            while its condition holds and resolves itself when it clears. Findings are named F-40 or 40. Running \
            the review and acknowledging findings need the admin role; the other commands the admin or auditor \
            role.
            """,
        subcommands: [
            ReviewFindingsCommand.self,
            ReviewPreviewCommand.self,
            ReviewRunCommand.self,
            ReviewAckCommand.self,
            ReviewRunsCommand.self,
            ReviewWatchCommand.self,
        ]
    )
}
