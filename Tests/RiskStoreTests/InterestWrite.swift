import RiskCore
import RiskStore

extension RiskDatabase {
    /// A declaration seeded through the store's rows as `interest.Declare`'s story leaves it (the story itself,
    /// with its cap, is the daemon's: `InterestStoryTests`): linked to the registry by name, its declarant noted as
    /// a member, audited with `detail`.
    func declareInterest(
        _ interest: Interest,
        actor: Actor,
        detail: @escaping @Sendable (Interest) -> AuditDetail
    ) async throws -> Interest {
        try await write(actor) { tx in
            var linked = interest
            linked.organisationId = try tx.organisationId(named: interest.normalisedOrganisation)
            let stored = try tx.insert(linked)
            try tx.noteMember(stored.declarant, uid: stored.declarantUID)
            try tx.audit(InterestAudit.subject(stored.id), detail(stored))
            return stored
        }
    }

    /// Declaration `id` replaced by `transform(current)` through the store's rows, audited with `detail`.
    func updateInterest(
        id: Int,
        actor: Actor,
        detail: AuditDetail,
        transform: @escaping @Sendable (Interest) throws -> Interest
    ) async throws -> Interest {
        try await write(actor) { tx in
            let updated = try transform(try tx.interest(id))
            try tx.save(updated)
            try tx.audit(InterestAudit.subject(id), detail)
            return updated
        }
    }
}
