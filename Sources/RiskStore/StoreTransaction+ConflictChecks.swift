import GRDB
import RiskCore

/// Conflict checks as rows: what a check reads (the interests, the registry) and how it is kept (the names asked,
/// and a reference to each interest found).
extension StoreTransaction {
    /// Every interest active on `today`, by id.
    public func activeInterests(on today: CalendarDate) throws -> [Interest] {
        try InterestRow.fetchAll(
            db,
            sql: "SELECT * FROM interest WHERE \(RiskDatabase.activeClause) ORDER BY id",
            arguments: [today.description]
        ).map { row throws(StoreError) in try row.domain() }
    }

    /// The registry of organisations as it is now, by id.
    public func registry() throws -> [Organisation] {
        try RiskDatabase.registry(db)
    }

    /// Stores a check of `organisations` for `matter` that found `conflicts`, made by the actor now; returns it
    /// with its id.
    public func insertCheck(
        organisations: [String],
        matter: String,
        conflicts: [Conflict]
    ) throws -> ConflictCheck {
        var row = try ConflictCheckRow(at: actor.now, by: actor.user, matter: matter, organisations: organisations)
        try row.insert(db)
        guard let id = row.id else { throw StoreError.corrupt("conflict_check without an id") }
        for conflict in conflicts {
            try ConflictMatchRow(
                checkId: id,
                interestId: conflict.interestId,
                asked: organisations.firstIndex(of: conflict.asked) ?? 0,
                match: conflict.match.rawValue
            ).insert(db)
        }
        return ConflictCheck(
            id: id,
            at: actor.now,
            by: actor.user,
            matter: matter,
            organisations: organisations,
            conflicts: conflicts
        )
    }
}
