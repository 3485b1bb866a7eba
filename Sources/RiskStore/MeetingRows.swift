import Foundation
import GRDB
import RiskCore

/// Reading and writing meetings, their items and their recusals, by hand-written SQL over `Row`s.
enum MeetingRows {
    static func meeting(_ row: Row) throws(StoreError) -> Meeting {
        let id: Int = row["id"]
        guard
            let date = CalendarDate(row["date"] as String),
            let status = Meeting.Status(rawValue: row["status"])
        else { throw .corrupt("meeting \(id)") }
        return Meeting(
            id: id,
            revision: row["revision"],
            title: row["title"],
            date: date,
            status: status,
            createdBy: row["created_by"],
            publishedAt: (row["published_at"] as String?).flatMap { Instant(rfc3339: $0) },
            closedAt: (row["closed_at"] as String?).flatMap { Instant(rfc3339: $0) },
            cancelledAt: (row["cancelled_at"] as String?).flatMap { Instant(rfc3339: $0) },
            cancelReason: row["cancel_reason"]
        )
    }

    static func item(_ row: Row) throws(StoreError) -> MeetingItem {
        let id: Int = row["id"]
        let text: String = row["organisations"]
        guard let organisations = try? JSONDecoder().decode([String].self, from: Data(text.utf8)) else {
            throw .corrupt("meeting_item \(id)")
        }
        return MeetingItem(
            id: id,
            meetingId: row["meeting_id"],
            number: row["number"],
            title: row["title"],
            organisations: organisations,
            decision: row["decision"],
            checkId: row["check_id"]
        )
    }

    /// A recusal row joined with its interest (`kind`, `organisation`, `sensitive`), as `recusalSelect` reads it.
    static func recusal(_ row: Row) throws(StoreError) -> Recusal {
        let id: Int = row["id"]
        guard let match = Recusal.Match(rawValue: row["match"]) else { throw .corrupt("recusal \(id)") }
        var action: Recusal.Action?
        if let text: String = row["action"] {
            guard let known = Recusal.Action(rawValue: text) else { throw .corrupt("recusal \(id)") }
            action = known
        }
        return Recusal(
            id: id,
            meetingId: row["meeting_id"],
            itemId: row["item_id"],
            declarant: row["declarant"],
            interestId: row["interest_id"],
            kind: row["kind"],
            organisation: row["organisation"],
            asked: row["asked"],
            sensitive: row["sensitive"],
            match: match,
            declaredInAdvance: row["declared_in_advance"],
            action: action,
            quorate: row["quorate"],
            note: row["note"],
            recordedBy: row["recorded_by"]
        )
    }

    /// Recusals with what they show of their interest, read from the interest as it is now.
    static let recusalSelect = """
        SELECT r.*, i.kind AS kind, i.organisation AS organisation, i.sensitive AS sensitive
        FROM recusal r JOIN meeting_item t ON t.id = r.item_id JOIN interest i ON i.id = r.interest_id
        """

    static func fetchMeeting(_ db: Database, id: Int) throws -> Meeting? {
        try Row.fetchOne(db, sql: "SELECT * FROM meeting WHERE id = ?", arguments: [id]).map(meeting)
    }

    static func fetchItems(_ db: Database, meetingId: Int) throws -> [MeetingItem] {
        try Row.fetchAll(
            db,
            sql: "SELECT * FROM meeting_item WHERE meeting_id = ? ORDER BY number",
            arguments: [meetingId]
        )
        .map(item)
    }

    static func fetchRecusals(_ db: Database, meetingId: Int) throws -> [Recusal] {
        try Row.fetchAll(
            db,
            sql: recusalSelect + " WHERE r.meeting_id = ? ORDER BY t.number, r.declarant, r.id",
            arguments: [meetingId]
        ).map(recusal)
    }

    static func record(_ db: Database, id: Int) throws -> MeetingRecord? {
        guard let meeting = try fetchMeeting(db, id: id) else { return nil }
        return MeetingRecord(
            meeting: meeting,
            items: try fetchItems(db, meetingId: id),
            recusals: try explained(db, fetchRecusals(db, meetingId: id))
        )
    }

    /// `recusals` with, for each `possible` one, the name its interest's organisation is near
    /// (`ConflictRules.closeTo`, against the registry as it is now, or as it stood at `asOf`, with the declaration
    /// of that time): the recusal row keeps only how it matched.
    static func explained(_ db: Database, _ recusals: [Recusal], asOf: Instant? = nil) throws -> [Recusal] {
        guard recusals.contains(where: { $0.match == .possible }) else { return recusals }
        let registry = RegistryNames(
            try asOf.map { try OrganisationHistory.registry(db, asOf: $0) } ?? RiskDatabase.registry(db)
        )
        let source = asOf == nil ? "interest" : "(\(VersionLog.asOf(.interest, parameter: "?1"))) AS interest"
        return try recusals.map { recusal in
            guard recusal.match == .possible else { return recusal }
            var explained = recusal
            explained.closeTo = ConflictRules.closeTo(
                asked: recusal.asked,
                declared: recusal.organisation,
                declaredOrganisationId: try Int.fetchOne(
                    db,
                    sql: "SELECT organisation_id FROM \(source) WHERE id = ?2",
                    arguments: [asOf?.description, recusal.interestId]
                ),
                registry: registry
            )
            return explained
        }
    }

    static func insert(_ db: Database, _ meeting: Meeting) throws -> Meeting {
        try db.execute(
            sql: "INSERT INTO meeting (revision, title, date, status, created_by) VALUES (?, ?, ?, ?, ?)",
            arguments: [
                meeting.revision, meeting.title, meeting.date.description, meeting.status.rawValue, meeting.createdBy,
            ]
        )
        var stored = meeting
        stored.id = Int(db.lastInsertedRowID)
        return stored
    }

    static func update(_ db: Database, _ meeting: Meeting) throws {
        try db.execute(
            sql: """
                UPDATE meeting SET revision = ?, status = ?, published_at = ?, closed_at = ?, cancelled_at = ?,
                    cancel_reason = ?
                WHERE id = ?
                """,
            arguments: [
                meeting.revision, meeting.status.rawValue, meeting.publishedAt?.description,
                meeting.closedAt?.description, meeting.cancelledAt?.description, meeting.cancelReason, meeting.id,
            ]
        )
    }

    /// Counts a change of the meeting's items or recusals in its revision.
    static func touch(_ db: Database, meetingId: Int) throws {
        try db.execute(sql: "UPDATE meeting SET revision = revision + 1 WHERE id = ?", arguments: [meetingId])
    }

    static func insert(_ db: Database, _ item: MeetingItem) throws -> MeetingItem {
        let organisations = String(decoding: try JSONEncoder().encode(item.organisations), as: UTF8.self)
        try db.execute(
            sql: """
                INSERT INTO meeting_item (meeting_id, number, title, organisations, decision, check_id)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [item.meetingId, item.number, item.title, organisations, item.decision, item.checkId]
        )
        var stored = item
        stored.id = Int(db.lastInsertedRowID)
        return stored
    }

    static func insert(_ db: Database, _ recusal: Recusal) throws -> Recusal {
        try db.execute(
            sql: """
                INSERT INTO recusal (meeting_id, item_id, declarant, interest_id, asked, match, declared_in_advance)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                recusal.meetingId, recusal.itemId, recusal.declarant, recusal.interestId, recusal.asked,
                recusal.match.rawValue, recusal.declaredInAdvance,
            ]
        )
        var stored = recusal
        stored.id = Int(db.lastInsertedRowID)
        return stored
    }

    /// One page of the meetings of `source` (the table, or its versions of a past time, whose own parameters are
    /// `arguments`) by date then id, each on or after `since` and on or before `until`, after meeting `after` as
    /// `source` dates it; `next` is the id of the page's last one when more follow.
    static func page(
        _ db: Database,
        from source: String,
        arguments sourceArguments: StatementArguments = [],
        since: CalendarDate?,
        until: CalendarDate?,
        after: Int?,
        limit: Int
    ) throws -> (meetings: [Meeting], next: Int?) {
        var sql = "SELECT * FROM \(source) WHERE date >= ? AND date <= ?"
        var arguments = sourceArguments + [since?.description ?? "", until?.description ?? "9999-12-31"]
        if let after,
            let last = try String.fetchOne(
                db,
                sql: "SELECT date FROM \(source) WHERE id = ?",
                arguments: sourceArguments + [after]
            )
        {
            sql += " AND (date > ? OR (date = ? AND id > ?))"
            arguments += [last, last, after]
        }
        sql += " ORDER BY date, id LIMIT ?"
        arguments += [limit + 1]
        let meetings = try Row.fetchAll(db, sql: sql, arguments: arguments).map(meeting)
        guard meetings.count > limit else { return (meetings, nil) }
        let page = Array(meetings.prefix(limit))
        return (page, page.last?.id)
    }
}
