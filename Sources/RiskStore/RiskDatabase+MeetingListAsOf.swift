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
            return try MeetingRows.page(
                db,
                from: "(\(versions))",
                arguments: [asOf.description],
                since: since,
                until: until,
                after: after,
                limit: limit
            )
        }
    }
}
