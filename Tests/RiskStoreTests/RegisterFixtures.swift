import RiskCore
import RiskStore

/// Risks and actions put in the register by the store's own primitives (`StoreTransaction`), for tests of what the
/// store keeps and reads. They apply no story: the stories of `org.riskd.risk` (treatment status, lapses, closing)
/// are `RiskService`'s, tested in RiskDaemonTests' `RiskStoryTests`.
extension RiskDatabase {
    /// Stores `risks` as new, each with its first version (`change`) and `detail(risk)` as its audit entry.
    func storeRisks(
        _ risks: [Risk],
        change: RiskChange = .created,
        actor: Actor,
        detail: @escaping @Sendable (Risk) -> AuditDetail = { _ in AuditDetail() }
    ) async throws -> [Risk] {
        try await write(actor) { tx in
            try risks.map { risk in
                let stored = try tx.insert(risk, change: change)
                try tx.audit(RiskAudit.subject(stored.id), detail(stored))
                return stored
            }
        }
    }

    /// Saves risk `id` as `transform` changes it, as a version of kind `change` with `note`.
    @discardableResult
    func storeChange(
        ofRisk id: Int,
        _ change: RiskChange = .updated,
        note: String? = nil,
        actor: Actor,
        _ transform: @escaping @Sendable (Risk) throws -> Risk
    ) async throws -> Risk {
        try await write(actor) { tx in
            let changed = try transform(try tx.risk(id))
            try tx.save(changed, change: change, note: note)
            try tx.audit(RiskAudit.subject(id), AuditDetail())
            return changed
        }
    }

    /// Stores a new action with its first version.
    func storeAction(_ action: Action, actor: Actor) async throws -> Action {
        try await write(actor) { tx in
            let stored = try tx.insert(action)
            try tx.audit(ActionAudit.subject(stored.id), AuditDetail())
            return stored
        }
    }

    /// Saves action `id` as `transform` changes it, with its version.
    @discardableResult
    func storeChange(
        ofAction id: Int,
        actor: Actor,
        _ transform: @escaping @Sendable (Action) throws -> Action
    ) async throws -> Action {
        try await write(actor) { tx in
            let changed = try transform(try tx.action(id))
            try tx.save(changed)
            try tx.audit(ActionAudit.subject(id), AuditDetail())
            return changed
        }
    }

    /// Sets (or, with `maxScore` nil, removes) the appetite of `category`, audited, as `risk.SetAppetite`'s story
    /// leaves it (the board pack replays appetites from their entries).
    @discardableResult
    func storeAppetite(_ category: String, maxScore: Int?, actor: Actor) async throws -> Appetite? {
        try await write(actor) { tx in
            let appetite = try tx.saveAppetite(category: category, maxScore: maxScore)
            try tx.audit(AppetiteAudit.subject(category), AppetiteAudit.set(category: category, maxScore: maxScore))
            return appetite
        }
    }
}
