import GRDB
import RiskCore

extension RiskDatabase {
    /// Records that `declarant` confirmed their register of interests, after `InterestRules.confirm` accepted it
    /// against their interests active on `today`; records them as a member, and audits it under `member:<user>`.
    public func confirmInterests(
        declarant: String,
        uid: Int,
        nothingToDeclare: Bool,
        today: CalendarDate,
        charge: BudgetCharge? = nil,
        actor: Actor,
        attest: AttestationCheck? = nil
    ) async throws -> (confirmation: Confirmation, attestation: Attestation?) {
        try await write { db in
            try self.admit(db, charge, actor: actor)
            let active = try Int.fetchAll(
                db,
                sql: """
                    SELECT id FROM interest WHERE declarant = ? AND \(Self.activeClause) ORDER BY id
                    """,
                arguments: [declarant, today.description]
            )
            try InterestRules.confirm(nothingToDeclare: nothingToDeclare, active: active)
            let confirmation = Confirmation(
                declarant: declarant,
                confirmedAt: actor.now,
                nothingToDeclare: nothingToDeclare
            )
            try db.execute(
                sql: """
                    INSERT INTO confirmation(declarant, confirmed_at, nothing_to_declare) VALUES (?, ?, ?)
                    """,
                arguments: [declarant, confirmation.confirmedAt.description, nothingToDeclare]
            )
            let attestation = try attest?(Self.attestationFacts(db, user: declarant, today: today))
            try MemberRow.note(db, user: declarant, uid: uid, at: actor.now.description)
            let detail = AuditDetail([
                "nothingToDeclare": .bool(nothingToDeclare),
                "activeInterests": .int(active.count),
            ])
            if let attestation { try Self.insert(db, attestation) }
            try self.audit(
                db,
                actor,
                subject: "member:\(declarant)",
                detail: AttestationAudit.signed(detail, by: attestation)
            )
            return (confirmation, attestation)
        }
    }

    /// One page of the stored checks `viewer` may read, by id, each as `viewer` reads it now: its conflicts
    /// resolved against the interests as they are and passed through `InterestViewer.view`.
    ///
    /// A page ends after `limit` checks, or earlier when the next check would take it past `budget` bytes
    /// (`ReplySize`); it always holds one check when any is left. `next` is the id to continue after.
    public func conflictChecks(
        viewer: InterestViewer,
        after: Int?,
        limit: Int,
        budget: Int = ReplySize.pageBytes
    )
        async throws -> (checks: [ConflictCheck], next: Int?)
    {
        try await lookup { db in
            var sql = "SELECT * FROM conflict_check WHERE id > ?"
            var arguments: StatementArguments = [after ?? 0]
            if case .boardMember(let user, seesRegister: false) = viewer {
                sql += " AND \"by\" = ?"
                arguments += [user]
            }
            sql += " ORDER BY id LIMIT ?"
            arguments += [limit + 1]
            // A cursor, so that a page cut short by its budget reads no further checks.
            let rows = try ConflictCheckRow.fetchCursor(db, sql: sql, arguments: arguments)
            var page = ReplySize.Page(budget: budget)
            var checks: [ConflictCheck] = []
            while let row = try rows.next() {
                guard checks.count < limit else { return (checks, checks.last?.id) }
                let check = viewer.view(try row.domain(db))
                guard page.take(ReplySize.of(check)) else { return (checks, checks.last?.id) }
                checks.append(check)
            }
            return (checks, nil)
        }
    }
}
