import GRDB
import Glibc
import RiskCore

extension RiskDatabase {
    /// Erases the personal text of interest `id` by `transform` (`InterestRules.erase`) and of each of its versions,
    /// audits it, and writes the WAL back into the file and truncates it, so that the old text is in neither file's
    /// bytes afterwards (`PRAGMA secure_delete` zeroes what the update freed).
    public func eraseInterest(
        id: Int,
        actor: Actor,
        detail: AuditDetail,
        transform: @escaping @Sendable (Interest) throws -> Interest
    ) async throws -> Interest {
        let erased = try await write { db in
            guard let current = try InterestRow.fetchOne(db, key: id)?.domain() else {
                throw DomainError.notFound(.interest, id: id)
            }
            let erased = try transform(current)
            try InterestRow(erased).update(db)
            try self.audit(db, actor, subject: "interest:\(id)", detail: detail)
            try VersionLog.eraseInterest(db, id: id)
            try VersionLog.record(db, .interest, id: id, actor: actor.user, at: actor.now)
            return erased
        }
        try? checkpoint()
        return erased
    }

    /// Erases every interest that ended more than `retainDays` days before `today` and is not erased yet (its
    /// versions with it: retention applies to the history too), each audited as made by `riskd`; returns their ids.
    /// Run by the daily review.
    public func eraseEndedInterests(retainDays: Int, today: CalendarDate, now: Instant) async throws -> [Int] {
        let cutoff = today.adding(days: -retainDays)
        let ids = try await write { db in
            let due = try InterestRow.fetchAll(
                db,
                sql: "SELECT * FROM interest WHERE erased = 0 AND ended_on IS NOT NULL AND ended_on < ? ORDER BY id",
                arguments: [cutoff.description]
            )
            let daemon = Actor(
                user: RiskVersion.daemonActor,
                uid: Int(getuid()),
                method: "riskd",
                now: now,
                today: today
            )
            var ids: [Int] = []
            for row in due {
                let erased = InterestRules.erased(try row.domain())
                try InterestRow(erased).update(db)
                try self.audit(
                    db,
                    daemon,
                    subject: "interest:\(erased.id)",
                    detail: AuditDetail([
                        "erased": .text("retention of \(retainDays) days after its end ran out")
                    ])
                )
                try VersionLog.eraseInterest(db, id: erased.id)
                try VersionLog.record(db, .interest, id: erased.id, actor: daemon.user, at: now)
                ids.append(erased.id)
            }
            return ids
        }
        if !ids.isEmpty { try? checkpoint() }
        return ids
    }
}
