import GRDB
import RiskCore

extension RiskDatabase {
    // MARK: Reads

    /// The risk with this id.
    public func risk(id: Int) async throws -> Risk? {
        try await lookup { db in try RiskRow.fetchOne(db, key: id)?.domain() }
    }

    /// A risk with its actions and reviews (oldest first).
    ///
    /// The reviews are every review, oldest first, or, when they would take more than `reviewBudget` bytes in a
    /// reply, the newest that fit, with `omitted` counting the older ones left out: a risk's owner may review it
    /// without limit, and no reply may grow without bound.
    public func riskDetail(
        id: Int,
        reviewBudget: Int = ReplySize.pageBytes
    ) async throws
        -> (risk: Risk, actions: [Action], reviews: [RiskReviewRecord], omitted: Int)?
    {
        try await lookup { db in
            // The most frequent call of all: cached statements, no SQL compiled per call.
            guard let risk = try RiskRow.fetchRisks(db, "WHERE id = ?", arguments: [id], cached: true).first else {
                return nil
            }
            let actions = try ActionRow.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM action WHERE risk_id = ? ORDER BY id"),
                arguments: [id]
            ).map { row throws(StoreError) in try row.domain() }
            let newestFirst = try RiskReviewRecord.fetchCursor(
                db.cachedStatement(sql: "SELECT * FROM risk_review WHERE risk_id = ? ORDER BY id DESC"),
                arguments: [id]
            )
            var reviews: [RiskReviewRecord] = []
            var bytes = ReplySize.Page(budget: reviewBudget)
            var cut = false
            while let review = try newestFirst.next() {
                guard bytes.take(Self.replyBytes(of: review)) else {
                    cut = true
                    break
                }
                reviews.append(review)
            }
            let total =
                cut
                ? try Int.fetchOne(
                    db.cachedStatement(sql: "SELECT COUNT(*) FROM risk_review WHERE risk_id = ?"),
                    arguments: [id]
                ) ?? reviews.count
                : reviews.count
            return (risk, actions, reviews.reversed(), total - reviews.count)
        }
    }

    /// An upper bound on the bytes `review` takes in a reply.
    package static func replyBytes(of review: RiskReviewRecord) -> Int {
        160 + ReplySize.of(review.reviewer) + ReplySize.of(review.reviewedAt) + ReplySize.of(review.note)
    }

    /// One page of risks matching `query`, by id; `next` is the id to continue after.
    public func risks(_ query: RiskQuery) async throws -> (risks: [Risk], next: Int?) {
        try await lookup { db in
            let (clauses, filterArguments) = query.clauses()
            var arguments: StatementArguments = [query.after ?? 0]
            arguments += filterArguments
            arguments += [query.limit + 1]
            let risks = try RiskRow.fetchRisks(
                db,
                "WHERE id > ? AND \(clauses.joined(separator: " AND ")) ORDER BY id LIMIT ?",
                arguments: arguments
            )
            let page = Array(risks.prefix(query.limit))
            return (page, risks.count > query.limit ? page.last?.id : nil)
        }
    }

    /// Non-empty cells of the likelihood × impact matrix over risks that are not closed.
    /// - Parameter inherent: rate by inherent values instead of current ones.
    public func matrix(inherent: Bool) async throws -> [MatrixCell] {
        let rating = MatrixCell.ratingColumns(inherent: inherent)
        return try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT l, i, COUNT(*) AS n FROM (SELECT \(rating) FROM risk WHERE status <> 'closed')
                    GROUP BY l, i ORDER BY l, i
                    """
            ).map { row in MatrixCell(likelihood: row["l"], impact: row["i"], count: row["n"]) }
        }
    }

    // MARK: Mutations

    /// Inserts new risks (from `RiskRules.create`) in one transaction, each with its audit entry; all or none.
    ///
    /// Each risk's first version is stored with it: `created`, or `imported` for an import.
    public func addRisks(
        _ risks: [Risk],
        change: RiskChange = .created,
        actor: Actor,
        detail: @escaping @Sendable (Risk) -> AuditDetail
    )
        async throws -> [Risk]
    {
        try await write { db in
            try risks.map { risk in
                var row = RiskRow(risk)
                try row.insert(db)
                let stored = try row.domain()
                try self.audit(db, actor, subject: "risk:\(stored.id)", detail: detail(stored))
                try RiskHistory.recordVersion(
                    db,
                    riskID: stored.id,
                    change: change,
                    actor: actor.user,
                    at: actor.now,
                    note: nil
                )
                return stored
            }
        }
    }

    /// Replaces a risk by `transform(current)` when `ifRevision` (if given) is still current.
    ///
    /// `transform` runs inside the transaction: it sees the committed record and may refuse by throwing. The
    /// change is stored as a version of kind `change`, with `note`.
    public func updateRisk(
        id: Int,
        ifRevision: Int?,
        change: RiskChange = .updated,
        note: String? = nil,
        actor: Actor,
        detail: AuditDetail,
        transform: @escaping @Sendable (Risk) throws -> Risk
    ) async throws -> Risk {
        try await write { db in
            try self.mutateRisk(
                db,
                id: id,
                ifRevision: ifRevision,
                change: change,
                note: note,
                actor: actor,
                detail: detail,
                transform: transform
            )
        }
    }

    /// Records a review of a risk and applies `transform` (the new ratings and due date); refused first when it
    /// would take the reviewer past a budget of `charge`.
    public func reviewRisk(
        id: Int,
        reviewer: String,
        note: String,
        charge: BudgetCharge? = nil,
        actor: Actor,
        detail: AuditDetail,
        transform: @escaping @Sendable (Risk) throws -> Risk
    ) async throws -> Risk {
        try await write { db in
            try self.admit(db, charge, actor: actor)
            let risk = try self.mutateRisk(
                db,
                id: id,
                ifRevision: nil,
                change: .reviewed,
                note: note,
                actor: actor,
                detail: detail,
                transform: transform
            )
            var review = RiskReviewRecord(
                id: nil,
                riskId: id,
                reviewer: reviewer,
                reviewedAt: actor.now.description,
                note: note,
                likelihood: risk.likelihood,
                impact: risk.impact,
                residualLikelihood: risk.residualLikelihood,
                residualImpact: risk.residualImpact
            )
            try review.insert(db)
            return risk
        }
    }

    /// Closes a risk through `transform` and cancels its open actions.
    public func closeRisk(
        id: Int,
        note: String? = nil,
        actor: Actor,
        detail: AuditDetail,
        transform: @escaping @Sendable (Risk) throws -> Risk
    ) async throws -> Risk {
        try await write { db in
            let risk = try self.mutateRisk(
                db,
                id: id,
                ifRevision: nil,
                change: .closed,
                note: note,
                actor: actor,
                detail: detail,
                transform: transform
            )
            // Each cancelled action is a change of its own, with its own audit entry, like a cancellation by hand.
            let open = try Int.fetchAll(
                db,
                sql: "SELECT id FROM action WHERE risk_id = ? AND status = 'open' ORDER BY id",
                arguments: [id]
            )
            for action in open {
                try db.execute(
                    sql: "UPDATE action SET status = 'cancelled', revision = revision + 1 WHERE id = ?",
                    arguments: [action]
                )
                try self.audit(
                    db,
                    actor,
                    subject: "action:\(action)",
                    detail: AuditDetail(["status": .text("cancelled"), "riskClosed": .int(id)])
                )
                try VersionLog.record(db, .action, id: action, actor: actor.user, at: actor.now)
            }
            return risk
        }
    }

    /// Adds an action to a risk; an `open` risk becomes `mitigating` (`RiskRules.treatmentStatus`).
    public func addAction(_ action: Action, actor: Actor, detail: AuditDetail) async throws -> Action {
        try await write { db in
            guard let risk = try RiskRow.fetchOne(db, key: action.riskId)?.domain() else {
                throw DomainError.notFound(.risk, id: action.riskId)
            }
            _ = try RiskRules.statusAfterAddingAction(risk)
            var row = ActionRow(action)
            try row.insert(db)
            let stored = try row.domain()
            try self.audit(db, actor, subject: "action:\(stored.id)", detail: detail)
            try VersionLog.record(db, .action, id: stored.id, actor: actor.user, at: actor.now)
            try self.applyTreatmentStatus(db, riskId: stored.riskId, action: stored.id, actor: actor)
            return stored
        }
    }

    /// The action with this id, and the risk it belongs to.
    public func action(id: Int) async throws -> Action? {
        try await lookup { db in try ActionRow.fetchOne(db, key: id)?.domain() }
    }

    /// Replaces an action by `transform(current)` when `ifRevision` (if given) is still current; refused first when
    /// it would take the caller past a budget of `charge`.
    public func updateAction(
        id: Int,
        ifRevision: Int?,
        charge: BudgetCharge? = nil,
        actor: Actor,
        detail: AuditDetail,
        transform: @escaping @Sendable (Action) throws -> Action
    ) async throws -> Action {
        try await write { db in
            try self.admit(db, charge, actor: actor)
            guard let current = try ActionRow.fetchOne(db, key: id)?.domain() else {
                throw DomainError.notFound(.action, id: id)
            }
            if let ifRevision, ifRevision != current.revision {
                throw DomainError.revisionMismatch(.action, id: id, current: current.revision)
            }
            let updated = try transform(current)
            try ActionRow(updated).update(db)
            try self.audit(db, actor, subject: "action:\(id)", detail: detail)
            try VersionLog.record(db, .action, id: id, actor: actor.user, at: actor.now)
            try self.applyTreatmentStatus(db, riskId: updated.riskId, action: id, actor: actor)
            return updated
        }
    }

    /// Sets the risk's status from its open actions (`RiskRules.treatmentStatus`) after a change of `action`; a
    /// change of status gets an audit entry of its own on the risk, so the risk's history shows it and why.
    private func applyTreatmentStatus(_ db: Database, riskId: Int, action: Int, actor: Actor) throws {
        guard let risk = try RiskRow.fetchOne(db, key: riskId)?.domain() else { return }
        let status = try Self.treatmentStatus(db, of: risk)
        guard status != risk.status else { return }
        try db.execute(
            sql: "UPDATE risk SET status = ?, revision = revision + 1, updated_at = ? WHERE id = ?",
            arguments: [status.rawValue, actor.now.description, riskId]
        )
        try audit(
            db,
            actor,
            subject: "risk:\(riskId)",
            detail: AuditDetail([
                "status": .text(status.rawValue), "from": .text(risk.status.rawValue), "action": .int(action),
            ])
        )
        try RiskHistory.recordVersion(
            db,
            riskID: riskId,
            change: .updated,
            actor: actor.user,
            at: actor.now,
            note: "\(status.rawValue): action A-\(action) changed"
        )
    }

    /// The status `risk`'s open actions in `db` give it (`RiskRules.treatmentStatus`); the actions are counted only
    /// for a risk that is open or mitigating, the only statuses they decide.
    private static func treatmentStatus(_ db: Database, of risk: Risk) throws -> RiskStatus {
        guard risk.status == .open || risk.status == .mitigating else { return risk.status }
        let open =
            try Int.fetchOne(
                db.cachedStatement(sql: "SELECT COUNT(*) FROM action WHERE risk_id = ? AND status = 'open'"),
                arguments: [risk.id]
            ) ?? 0
        return RiskRules.treatmentStatus(of: risk.status, openActions: open)
    }

    /// Applies `transform`, audits and versions the change; an acceptance whose score the change raised lapses at
    /// once (a second version and audit entry, by `riskd`).
    private func mutateRisk(
        _ db: Database,
        id: Int,
        ifRevision: Int?,
        change: RiskChange,
        note: String?,
        actor: Actor,
        detail: AuditDetail,
        transform: (Risk) throws -> Risk
    ) throws -> Risk {
        guard let current = try RiskRow.fetchOne(db, key: id)?.domain() else {
            throw DomainError.notFound(.risk, id: id)
        }
        if let ifRevision, ifRevision != current.revision {
            throw DomainError.revisionMismatch(.risk, id: id, current: current.revision)
        }
        var updated = try transform(current)
        // The one rule of open and mitigating holds after every change too: a risk reopened (from accepted) while
        // it still has open actions is mitigating, not open.
        updated.status = try Self.treatmentStatus(db, of: updated)
        try RiskRow(updated).update(db)
        try audit(db, actor, subject: "risk:\(id)", detail: detail)
        try RiskHistory.recordVersion(db, riskID: id, change: change, actor: actor.user, at: actor.now, note: note)
        guard case .scoreRose = AcceptanceRules.lapse(of: updated, today: actor.today) else { return updated }
        return try lapse(db, updated, today: actor.today, now: actor.now)
    }
}
