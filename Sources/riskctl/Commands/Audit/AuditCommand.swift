import ArgumentParser

/// `riskctl audit`: the hash-chained audit trail.
struct AuditCommand: ParsableCommand {
    /// The command's name, help and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Read and verify the audit trail.",
        discussion: "These commands need the admin or auditor role; a board member may read their own attestations.",
        subcommands: [AuditLogCommand.self, AuditVerifyCommand.self, AuditAttestationsCommand.self]
    )
}
