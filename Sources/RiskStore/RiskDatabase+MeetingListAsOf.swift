import GRDB
import RiskCore

extension RiskDatabase {
    /// `meetings(since:until:after:limit:)` as riskd had recorded them by `asOf`: each meeting as its last version at
    /// or before then (`meeting_version`, as `meeting.Get` reads it), one created later absent, one cancelled or
    /// closed later with its status of then. `after` is placed by its date of then.
    public func meetings(
        since: CalendarDate?,
        until: CalendarDate?,
        after: Int?,
        limit: Int,
        asOf: Instant
    ) async throws -> (meetings: [Meeting], next: Int?) {
        try await writer.read { db in
            let versions = """
                SELECT * FROM (
                    SELECT v.*, ROW_NUMBER() OVER (PARTITION BY id ORDER BY at DESC, version DESC) AS newest
                    FROM meeting_version v WHERE at <= ?
                ) WHERE newest = 1
                """
            var sql = "SELECT * FROM (\(versions)) WHERE date >= ? AND date <= ?"
            var arguments: StatementArguments = [
                asOf.description, since?.description ?? "", until?.description ?? "9999-12-31",
            ]
            if let after,
                let last = try String.fetchOne(
                    db,
                    sql: "SELECT date FROM (\(versions)) WHERE id = ?",
                    arguments: [asOf.description, after]
                )
            {
                sql += " AND (date > ? OR (date = ? AND id > ?))"
                arguments += [last, last, after]
            }
            sql += " ORDER BY date, id LIMIT ?"
            arguments += [limit + 1]
            let meetings = try Row.fetchAll(db, sql: sql, arguments: arguments).map(MeetingRows.meeting)
            guard meetings.count > limit else { return (meetings, nil) }
            let page = Array(meetings.prefix(limit))
            return (page, page.last?.id)
        }
    }
}
