import GRDB
import RiskCore

/// Meetings, their agenda items and their recusals, as rows: what `org.riskd.meeting`'s stories fetch and save.
extension StoreTransaction {
    /// Meeting `id`; `NotFound` when there is none.
    public func meeting(_ id: Int) throws -> Meeting {
        guard let meeting = try MeetingRows.fetchMeeting(db, id: id) else {
            throw DomainError.notFound(.meeting, id: id)
        }
        return meeting
    }

    /// Meeting `id` with its agenda and recusals, nothing withheld; `NotFound` when there is none.
    public func meetingRecord(_ id: Int) throws -> MeetingRecord {
        guard let record = try MeetingRows.record(db, id: id) else { throw DomainError.notFound(.meeting, id: id) }
        return record
    }

    /// The meetings in `status`, by id.
    public func meetings(in status: Meeting.Status) throws -> [Meeting] {
        try Row.fetchAll(db, sql: "SELECT * FROM meeting WHERE status = ? ORDER BY id", arguments: [status.rawValue])
            .map(MeetingRows.meeting)
    }

    /// The agenda of meeting `id`, by number.
    public func items(ofMeeting id: Int) throws -> [MeetingItem] {
        try MeetingRows.fetchItems(db, meetingId: id)
    }

    /// How many items the agenda of meeting `id` holds.
    public func itemCount(ofMeeting id: Int) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM meeting_item WHERE meeting_id = ?", arguments: [id]) ?? 0
    }

    /// Agenda item `id`; `NotFound` when there is none.
    public func item(_ id: Int) throws -> MeetingItem {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM meeting_item WHERE id = ?", arguments: [id]) else {
            throw DomainError.notFound(.item, id: id)
        }
        return try MeetingRows.item(row)
    }

    /// Recusal `id`, with what it shows of its interest; `NotFound` when there is none.
    public func recusal(_ id: Int) throws -> Recusal {
        guard let row = try Row.fetchOne(db, sql: MeetingRows.recusalSelect + " WHERE r.id = ?", arguments: [id])
        else { throw DomainError.notFound(.recusal, id: id) }
        return try MeetingRows.recusal(row)
    }

    /// The recusals of meeting `id`, by item number, declarant and id.
    public func recusals(ofMeeting id: Int) throws -> [Recusal] {
        try MeetingRows.fetchRecusals(db, meetingId: id)
    }

    /// Stores a new meeting; returns it with its id.
    public func insert(_ meeting: Meeting) throws -> Meeting {
        try MeetingRows.insert(db, meeting)
    }

    /// Saves the state, revision and times of an existing meeting.
    public func save(_ meeting: Meeting) throws {
        try MeetingRows.update(db, meeting)
    }

    /// Stores a new agenda item; returns it with its id.
    public func insert(_ item: MeetingItem) throws -> MeetingItem {
        try MeetingRows.insert(db, item)
    }

    /// Saves which stored conflict check an item was checked by.
    public func saveCheck(of item: MeetingItem) throws {
        try db.execute(sql: "UPDATE meeting_item SET check_id = ? WHERE id = ?", arguments: [item.checkId, item.id])
    }

    /// Stores a new recusal; returns it with its id.
    public func insert(_ recusal: Recusal) throws -> Recusal {
        try MeetingRows.insert(db, recusal)
    }

    /// Saves what a conflicted member did (action, quorum, note, who recorded it).
    public func saveRecord(of recusal: Recusal) throws {
        try db.execute(
            sql: "UPDATE recusal SET action = ?, quorate = ?, note = ?, recorded_by = ? WHERE id = ?",
            arguments: [recusal.action?.rawValue, recusal.quorate, recusal.note, recusal.recordedBy, recusal.id]
        )
    }

    /// Counts a change of meeting `id`'s items or recusals in its revision.
    public func touchMeeting(_ id: Int) throws {
        try MeetingRows.touch(db, meetingId: id)
    }

    /// Snapshots meeting `id` with its items and recusals into its history (`MeetingHistory`): the last step of
    /// every change of any of them, so that documents made for a past time read it as it stood.
    public func recordHistory(ofMeeting id: Int) throws {
        try MeetingHistory.record(db, meetingId: id, actor: actor.user, at: actor.now)
    }

    /// Withdraws the notices of `kind` about `subject` that no mail holds yet; returns how many.
    public func withdrawNotices(_ kind: NoticeKind, subject: String) throws -> Int {
        try MailOutbox.withdraw(db, kind: kind, subject: subject)
    }
}
