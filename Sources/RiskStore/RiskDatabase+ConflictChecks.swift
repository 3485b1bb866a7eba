import GRDB
import RiskCore

extension RiskDatabase {
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
