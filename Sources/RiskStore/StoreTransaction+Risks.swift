import GRDB
import RiskCore

/// The risk register as rows, as `org.riskd.risk`'s stories fetch and save them: a risk is saved with a version of
/// its own (`RiskHistory`), an action with one in `action_version`, each by the transaction's actor.
extension StoreTransaction {
    // MARK: Risks

    /// Risk `id`; `NotFound` when there is none.
    public func risk(_ id: Int) throws -> Risk {
        guard let risk = try RiskRow.fetchOne(db, key: id)?.domain() else { throw DomainError.notFound(.risk, id: id) }
        return risk
    }

    /// Stores a new risk with its first version, of kind `change` (`created`, or `imported`); returns it with its id.
    public func insert(_ risk: Risk, change: RiskChange) throws -> Risk {
        var row = RiskRow(risk)
        row.id = try row.insertNew(db)
        let stored = try row.domain()
        try recordVersion(of: stored.id, change, note: nil)
        return stored
    }

    /// Saves a changed risk and its version, of kind `change`, with `note`.
    public func save(_ risk: Risk, change: RiskChange, note: String?) throws {
        try RiskRow(risk).update(db)
        try recordVersion(of: risk.id, change, note: note)
    }

    /// The accepted risks whose acceptance ran until a day before `today`, by id.
    public func risksAcceptedUntil(before today: CalendarDate) throws -> [Risk] {
        try RiskRow.fetchRisks(
            db,
            "WHERE status = ? AND accepted_until < ? ORDER BY id",
            arguments: [RiskStatus.accepted.rawValue, today.description]
        )
    }

    /// Stores the actor's review of `risk`, with `note` and the ratings the review left it.
    public func insertReview(of risk: Risk, note: String) throws {
        var review = RiskReviewRecord(
            id: nil,
            riskId: risk.id,
            reviewer: actor.user,
            reviewedAt: actor.now.description,
            note: note,
            likelihood: risk.likelihood,
            impact: risk.impact,
            residualLikelihood: risk.residualLikelihood,
            residualImpact: risk.residualImpact
        )
        try review.insert(db)
    }

    private func recordVersion(of id: Int, _ change: RiskChange, note: String?) throws {
        try RiskHistory.recordVersion(db, riskID: id, change: change, actor: actor.user, at: actor.now, note: note)
    }

    // MARK: Actions

    /// Action `id`; `NotFound` when there is none.
    public func action(_ id: Int) throws -> Action {
        guard let action = try ActionRow.fetchOne(db, key: id)?.domain() else {
            throw DomainError.notFound(.action, id: id)
        }
        return action
    }

    /// The open actions of risk `riskId`, by id.
    public func openActions(ofRisk riskId: Int) throws -> [Action] {
        try ActionRow.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM action WHERE risk_id = ? AND status = ? ORDER BY id"),
            arguments: [riskId, ActionStatus.open.rawValue]
        ).map { row throws(StoreError) in try row.domain() }
    }

    /// How many of risk `riskId`'s actions are open.
    public func openActionCount(ofRisk riskId: Int) throws -> Int {
        try Int.fetchOne(
            db.cachedStatement(sql: "SELECT COUNT(*) FROM action WHERE risk_id = ? AND status = ?"),
            arguments: [riskId, ActionStatus.open.rawValue]
        ) ?? 0
    }

    /// Stores a new action with its first version; returns it with its id.
    public func insert(_ action: Action) throws -> Action {
        var row = ActionRow(action)
        try row.insert(db)
        let stored = try row.domain()
        try VersionLog.record(db, .action, id: stored.id, actor: actor.user, at: actor.now)
        return stored
    }

    /// Saves a changed action and its version.
    public func save(_ action: Action) throws {
        try ActionRow(action).update(db)
        try VersionLog.record(db, .action, id: action.id, actor: actor.user, at: actor.now)
    }
}
