import GRDB
import RiskCore

// Reading findings. A finding's `last_seen_at` is written when a run raises it, changes its severity or message,
// reminds of it or resolves it; a run that finds it unchanged writes nothing to it (a daily run over a large
// register would otherwise rewrite every open finding, a hundred thousand rows). Every run sees every open finding
// (one it does not see, it resolves), so an open finding was last seen by the latest run, and a resolved one by the
// run before the one that resolved it: the reads below say so.
extension RiskDatabase {
    /// One finding.
    public func finding(id: Int) async throws -> FindingRecord? {
        try await lookup { db in
            try FindingRecord.fetchOne(db, key: id).map { Self.seen($0, latestRunAt: try Self.latestRunFinishedAt(db)) }
        }
    }

    /// A page of findings: `open` true for open ones, false for resolved ones, nil for both.
    public func findings(
        open: Bool?,
        rule: String?,
        subject: String?,
        limit: Int,
        after: Int?,
        reader: SubjectReader? = nil
    ) async throws
        -> (findings: [FindingRecord], next: Int?)
    {
        try await lookup { db in
            var clauses = ["id > ?", "subject NOT IN (SELECT value FROM json_each(?))"]
            var arguments: StatementArguments = [after ?? 0, try Self.hiddenSubjectsArgument(db, from: reader)]
            if let open { clauses.append(open ? "resolved_at IS NULL" : "resolved_at IS NOT NULL") }
            if let rule {
                clauses.append("rule = ?")
                arguments += [rule]
            }
            if let subject {
                clauses.append("subject = ?")
                arguments += [subject]
            }
            arguments += [limit + 1]
            let rows = try FindingRecord.fetchAll(
                db,
                sql: "SELECT * FROM finding WHERE \(clauses.joined(separator: " AND ")) ORDER BY id LIMIT ?",
                arguments: arguments
            )
            let latestRunAt = try Self.latestRunFinishedAt(db)
            let page = rows.prefix(limit).map { Self.seen($0, latestRunAt: latestRunAt) }
            return (page, rows.count > limit ? page.last?.id : nil)
        }
    }

    /// When the latest review run finished; nil before the first.
    static func latestRunFinishedAt(_ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT finished_at FROM review_run ORDER BY id DESC LIMIT 1")
    }

    /// `record` with the time it was last seen: for an open finding, the latest of its own and `latestRunAt`.
    static func seen(_ record: FindingRecord, latestRunAt: String?) -> FindingRecord {
        guard record.resolvedAt == nil, let latestRunAt, let seenAt = Instant(rfc3339: record.lastSeenAt),
            let runAt = Instant(rfc3339: latestRunAt), runAt > seenAt
        else { return record }
        var seen = record
        seen.lastSeenAt = latestRunAt
        return seen
    }
}
