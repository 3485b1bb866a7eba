import RiskCore
import RiskStore

/// The stories of `org.riskd.risk`, each run in one write (`database.write(request.actor) { tx in … }`): fetch, a
/// `RiskRules`/`ActionRules`/`AcceptanceRules` function decides, save, audit (`RiskAudit`, `ActionAudit`).
///
/// Two rules hold after every change: a risk open or mitigating is `mitigating` exactly while it has an open action
/// (`RiskRules.treatmentStatus`), and an acceptance whose score a change raised lapses at once (`AcceptanceRules`).
extension RiskService {
    /// Stores new risks (from `RiskRules.create`), each with its first version (`change`: `created`, or
    /// `imported`) and its audit entry; all or none.
    static func add(_ tx: StoreTransaction, _ risks: [Risk], change: RiskChange = .created) throws -> [Risk] {
        try risks.map { risk in
            let stored = try tx.insert(risk, change: change)
            try tx.audit(RiskAudit.subject(stored.id), RiskAudit.added(stored))
            return stored
        }
    }

    /// Changes risk `id` by `rule` when `ifRevision` (if given) is still current: saved as a version of kind
    /// `change` with `note`, audited with `detail`. The risk's actions then set open or mitigating, and an
    /// acceptance whose score the change raised lapses (a second version and entry, by riskd).
    ///
    /// `rule` is a `RiskRules` function of the current risk; it refuses by throwing, and then nothing changes.
    static func change(
        _ tx: StoreTransaction,
        _ id: Int,
        ifRevision: Int? = nil,
        _ change: RiskChange,
        note: String? = nil,
        detail: AuditDetail,
        by rule: (Risk) throws -> Risk
    ) throws -> Risk {
        let current = try tx.risk(id)
        if let ifRevision, ifRevision != current.revision {
            throw DomainError.revisionMismatch(.risk, id: id, current: current.revision)
        }
        var updated = try rule(current)
        // A risk reopened (from accepted) while it still has open actions is mitigating, not open.
        updated.status = try RiskRules.treatmentStatus(of: updated.status) { try tx.openActionCount(ofRisk: id) }
        try tx.save(updated, change: change, note: note)
        try tx.audit(RiskAudit.subject(id), detail)
        guard case .scoreRose = AcceptanceRules.lapse(of: updated, today: tx.actor.today) else { return updated }
        return try lapse(tx, updated)
    }

    /// Reviews risk `id` by `rule` (`RiskRules.review`), with the review kept with the ratings it left; refused
    /// first when it would take the reviewer past a budget of `charge`.
    static func review(
        _ tx: StoreTransaction,
        _ id: Int,
        note: String,
        charge: BudgetCharge?,
        detail: AuditDetail,
        by rule: (Risk) throws -> Risk
    ) throws -> Risk {
        try tx.admit(charge)
        let risk = try change(tx, id, .reviewed, note: note, detail: detail, by: rule)
        try tx.insertReview(of: risk, note: note)
        return risk
    }

    /// Closes risk `id` by `rule` (`RiskRules.close`) and cancels its open actions, each a change of its own with
    /// its own entry, as a cancellation by hand.
    static func close(
        _ tx: StoreTransaction,
        _ id: Int,
        note: String?,
        detail: AuditDetail,
        by rule: (Risk) throws -> Risk
    ) throws -> Risk {
        let risk = try change(tx, id, .closed, note: note, detail: detail, by: rule)
        for action in try tx.openActions(ofRisk: id) {
            try tx.save(ActionRules.cancelledWithRisk(action))
            try tx.audit(ActionAudit.subject(action.id), ActionAudit.cancelledWithRisk(id))
        }
        return risk
    }

    /// Adds `action` (from `ActionRules.create`) to its risk, which must not be closed; an open risk becomes
    /// mitigating. `description` is the text as asked, for the entry.
    static func addAction(_ tx: StoreTransaction, _ action: Action, description: String) throws -> Action {
        _ = try RiskRules.statusAfterAddingAction(try tx.risk(action.riskId))
        let stored = try tx.insert(action)
        try tx.audit(ActionAudit.subject(stored.id), ActionAudit.added(stored, description: description))
        try applyTreatmentStatus(tx, riskId: stored.riskId, action: stored.id)
        return stored
    }

    /// Changes action `id` by `rule` (`ActionRules.update`) when `ifRevision` (if given) is still current; refused
    /// first when it would take the caller past a budget of `charge`. Its risk then follows its open actions.
    static func updateAction(
        _ tx: StoreTransaction,
        _ id: Int,
        ifRevision: Int?,
        charge: BudgetCharge?,
        detail: AuditDetail,
        by rule: (Action) throws -> Action
    ) throws -> Action {
        try tx.admit(charge)
        let current = try tx.action(id)
        if let ifRevision, ifRevision != current.revision {
            throw DomainError.revisionMismatch(.action, id: id, current: current.revision)
        }
        let updated = try rule(current)
        try tx.save(updated)
        try tx.audit(ActionAudit.subject(id), detail)
        try applyTreatmentStatus(tx, riskId: updated.riskId, action: id)
        return updated
    }

    /// Sets risk `riskId`'s status from its open actions after a change of `action`; a change of status is a
    /// version and an entry of its own on the risk, so the risk's history shows it and why.
    static func applyTreatmentStatus(_ tx: StoreTransaction, riskId: Int, action: Int) throws {
        let risk = try tx.risk(riskId)
        guard
            let treated = try RiskRules.treated(
                risk,
                now: tx.actor.now,
                openActions: { try tx.openActionCount(ofRisk: riskId) }
            )
        else { return }
        try tx.save(treated, change: .updated, note: RiskRules.treatmentNote(treated.status, action: action))
        try tx.audit(RiskAudit.subject(riskId), RiskAudit.treated(treated.status, from: risk.status, action: action))
    }

    /// Lapses every acceptance whose date is before the actor's today (the review run does this first, as riskd);
    /// returns the risks, open again.
    static func lapseExpiredAcceptances(_ tx: StoreTransaction) throws -> [Risk] {
        try tx.risksAcceptedUntil(before: tx.actor.today).map { risk in try lapse(tx, risk) }
    }

    /// Lapses `risk`'s acceptance (`AcceptanceRules.lapsed`): open again, with a `lapsed` version and an entry both
    /// by riskd itself, whoever's change made it lapse.
    static func lapse(_ tx: StoreTransaction, _ risk: Risk) throws -> Risk {
        let daemon = tx.by(.daemon(now: tx.actor.now, today: tx.actor.today))
        let reason = AcceptanceRules.lapse(of: risk, today: daemon.actor.today)?.description ?? "the acceptance lapsed"
        let lapsed = AcceptanceRules.lapsed(risk, today: daemon.actor.today, now: daemon.actor.now)
        try daemon.save(lapsed, change: .lapsed, note: reason)
        try daemon.audit(RiskAudit.subject(risk.id), RiskAudit.lapsed(reason: reason))
        return lapsed
    }
}
