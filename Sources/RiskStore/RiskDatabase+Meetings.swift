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
            try MeetingRows.page(db, from: "meeting", since: since, until: until, after: after, limit: limit)
        }
    }
}
