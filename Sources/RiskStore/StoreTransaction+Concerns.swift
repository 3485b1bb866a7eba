import GRDB
import RiskCore

/// Concerns as rows, as `org.riskd.concern`'s stories fetch and save them.
extension StoreTransaction {
    /// Concern `id`, whoever may read it (the story decides); `NotFound` when there is none.
    public func concern(_ id: Int) throws -> Concern {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM concern WHERE id = ?", arguments: [id]) else {
            throw DomainError.notFound(.concern, id: id)
        }
        return try RiskDatabase.concern(row)
    }

    /// Stores a new concern; returns it with its id.
    public func insert(_ concern: Concern) throws -> Concern {
        try db.execute(
            sql: "INSERT INTO concern (raised_by, about, kind, text, raised_at, status) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [
                concern.raisedBy, concern.about, concern.kind.rawValue, concern.text, concern.raisedAt.description,
                concern.status.rawValue,
            ]
        )
        var stored = concern
        stored.id = Int(db.lastInsertedRowID)
        return stored
    }

    /// Saves how a concern was closed: its status, outcome, by whom and when.
    public func saveClosing(of concern: Concern) throws {
        try db.execute(
            sql: "UPDATE concern SET status = ?, outcome = ?, closed_by = ?, closed_at = ? WHERE id = ?",
            arguments: [
                concern.status.rawValue, concern.outcome, concern.closedBy, concern.closedAt?.description, concern.id,
            ]
        )
    }
}
