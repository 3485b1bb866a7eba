import GRDB
import RiskCore

/// Review findings as rows, as `review.Acknowledge`'s story fetches and saves them (a review run writes its
/// findings through `RiskDatabase.recordReview`).
extension StoreTransaction {
    /// Finding `id`, with the time it was last seen (`RiskDatabase.seen`); `NotFound` when there is none.
    public func finding(_ id: Int) throws -> FindingRecord {
        guard let record = try FindingRecord.fetchOne(db, key: id) else {
            throw DomainError.notFound(.finding, id: id)
        }
        return RiskDatabase.seen(record, latestRunAt: try RiskDatabase.latestRunFinishedAt(db))
    }

    /// Saves `finding` acknowledged by the actor now with `note`; returns it as saved.
    public func saveAcknowledgement(of finding: FindingRecord, note: String) throws -> FindingRecord {
        var acknowledged = finding
        acknowledged.acknowledgedBy = actor.user
        acknowledged.acknowledgedAt = actor.now.description
        acknowledged.note = note
        try acknowledged.update(db)
        return acknowledged
    }
}
