import RiskCore
import RiskStore

extension RiskDatabase {
    /// A conflict check stored as `interest.Check`'s story stores one (the story itself is the daemon's): the
    /// interests active on `today` against the registry, found by `ConflictRules.conflicts`, kept through the
    /// transaction's rows, and audited with `detail`.
    func recordConflictCheck(
        organisations: [String],
        matter: String,
        today: CalendarDate,
        actor: Actor,
        detail: @escaping @Sendable (ConflictCheck) -> AuditDetail
    ) async throws -> ConflictCheck {
        try await write(actor) { tx in
            let conflicts = ConflictRules.conflicts(
                asked: organisations,
                interests: try tx.activeInterests(on: today),
                registry: try tx.registry(),
                today: today
            )
            let check = try tx.insertCheck(organisations: organisations, matter: matter, conflicts: conflicts)
            try tx.audit(ConflictCheckAudit.subject(check.id), detail(check))
            return check
        }
    }
}
