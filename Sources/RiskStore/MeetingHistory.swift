import GRDB
import RiskCore

/// The versions of meetings: at the end of every change of a meeting, its agenda or its recusals, a snapshot of all
/// three (`meeting_version`, `meeting_item_version`, `recusal_version`), so that a meeting reads as it stood at any
/// time.
///
/// A recusal's version keeps what the recusal row holds; what it shows of its declaration (kind, organisation,
/// sensitivity) is read from the declaration's version of the same time (`VersionLog`), and the registry name a
/// `possible` match is near from the registry of that time (`OrganisationHistory`).
enum MeetingHistory {
    /// Stores meeting `id`, its items and its recusals as they now are in `db` as a version by `actor` at `at`.
    static func record(_ db: Database, meetingId id: Int, actor: String, at: Instant) throws {
        try db.execute(
            sql: """
                INSERT INTO meeting_version (at, actor, id, revision, title, date, status, created_by, published_at,
                    closed_at, cancelled_at, cancel_reason)
                SELECT ?, ?, id, revision, title, date, status, created_by, published_at, closed_at, cancelled_at,
                    cancel_reason
                FROM meeting WHERE id = ?
                """,
            arguments: [at.description, actor, id]
        )
        let version = db.lastInsertedRowID
        try db.execute(
            sql: """
                INSERT INTO meeting_item_version (version, id, meeting_id, number, title, organisations, decision,
                    check_id)
                SELECT ?, id, meeting_id, number, title, organisations, decision, check_id
                FROM meeting_item WHERE meeting_id = ?
                """,
            arguments: [version, id]
        )
        try db.execute(
            sql: """
                INSERT INTO recusal_version (version, id, meeting_id, item_id, declarant, interest_id, asked, match,
                    declared_in_advance, action, quorate, note, recorded_by)
                SELECT ?, id, meeting_id, item_id, declarant, interest_id, asked, match, declared_in_advance, action,
                    quorate, note, recorded_by
                FROM recusal WHERE meeting_id = ?
                """,
            arguments: [version, id]
        )
    }

    /// Meeting `id` with its agenda and recusals as they stood at `asOf`; nil when riskd had no version of it by
    /// then (it did not exist yet).
    static func record(_ db: Database, id: Int, asOf: Instant) throws -> MeetingRecord? {
        let at = asOf.description
        guard
            let row = try Row.fetchOne(
                db,
                sql: "SELECT * FROM meeting_version WHERE id = ? AND at <= ? ORDER BY at DESC, version DESC LIMIT 1",
                arguments: [id, at]
            )
        else { return nil }
        let version: Int64 = row["version"]
        let items = try Row.fetchAll(
            db,
            sql: "SELECT * FROM meeting_item_version WHERE version = ? ORDER BY number",
            arguments: [version]
        ).map(MeetingRows.item)
        // The declaration as it stood at asOf; one whose first version came later (history seeded at a migration)
        // as it was first recorded.
        let recusals = try Row.fetchAll(
            db,
            sql: """
                SELECT r.*, COALESCE(i.kind, f.kind) AS kind, COALESCE(i.organisation, f.organisation) AS organisation,
                    COALESCE(i.sensitive, f.sensitive) AS sensitive
                FROM recusal_version r
                JOIN meeting_item_version t ON t.version = r.version AND t.id = r.item_id
                LEFT JOIN (\(VersionLog.asOf(.interest, parameter: "?1"))) i ON i.id = r.interest_id
                LEFT JOIN interest_version f ON f.version = (
                    SELECT MIN(version) FROM interest_version WHERE id = r.interest_id)
                WHERE r.version = ?2 ORDER BY t.number, r.declarant, r.id
                """,
            arguments: [at, version]
        ).map(MeetingRows.recusal)
        return MeetingRecord(
            meeting: try MeetingRows.meeting(row),
            items: items,
            recusals: try MeetingRows.explained(db, recusals, asOf: asOf)
        )
    }
}
