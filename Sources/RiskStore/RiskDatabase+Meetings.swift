import GRDB
import RiskCore

extension RiskDatabase {
    /// One meeting with its agenda and recusals, nothing withheld yet; `nil` when there is none.
    public func meetingRecord(id: Int) async throws -> MeetingRecord? {
        try await lookup { db in try MeetingRows.record(db, id: id) }
    }

    /// One meeting with its agenda and recusals as they stood at `asOf` (`MeetingHistory`), nothing withheld yet;
    /// `nil` when there is none, or riskd had not recorded it by then.
    public func meetingRecord(id: Int, asOf: Instant) async throws -> MeetingRecord? {
        try await lookup { db in try MeetingHistory.record(db, id: id, asOf: asOf) }
    }

    /// One page of meetings by date then id, each on or after `since` and on or before `until`; `next` is the id of
    /// the last one, to continue after.
    public func meetings(
        since: CalendarDate?,
        until: CalendarDate?,
        after: Int?,
        limit: Int
    ) async throws -> (meetings: [Meeting], next: Int?) {
        try await lookup { db in
            var sql = "SELECT * FROM meeting WHERE date >= ? AND date <= ?"
            var arguments: StatementArguments = [since?.description ?? "", until?.description ?? "9999-12-31"]
            if let after, let last = try MeetingRows.fetchMeeting(db, id: after) {
                sql += " AND (date > ? OR (date = ? AND id > ?))"
                arguments += [last.date.description, last.date.description, after]
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
