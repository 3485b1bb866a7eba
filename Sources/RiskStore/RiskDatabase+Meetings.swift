import GRDB
import RiskCore

extension RiskDatabase {
    /// How the conflict check of an agenda item is audited (the daemon words it as for `interest.Check`).
    public typealias CheckDetail = @Sendable (ConflictCheck) -> AuditDetail

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

    /// Stores a new draft meeting (from `MeetingRules.create`) and audits it.
    public func createMeeting(_ meeting: Meeting, actor: Actor) async throws -> Meeting {
        try await write { db in
            let stored = try MeetingRows.insert(db, meeting)
            try self.audit(
                db,
                actor,
                subject: "meeting:\(stored.id)",
                detail: AuditDetail(["title": .text(stored.title), "date": .text(stored.date.description)])
            )
            try MeetingHistory.record(db, meetingId: stored.id, actor: actor.user, at: actor.now)
            return stored
        }
    }

    /// Adds the item `make(meeting, count)` builds at the end of a meeting's agenda. An item added to a published
    /// meeting is checked at once, and its conflicts become recusals.
    public func addMeetingItem(
        meetingId: Int,
        today: CalendarDate,
        actor: Actor,
        checkDetail: @escaping CheckDetail,
        make: @escaping @Sendable (Meeting, Int) throws -> MeetingItem
    ) async throws -> MeetingItem {
        try await write { db in
            guard let meeting = try MeetingRows.fetchMeeting(db, id: meetingId) else {
                throw DomainError.notFound(.meeting, id: meetingId)
            }
            let count =
                try Int.fetchOne(
                    db,
                    sql: "SELECT COUNT(*) FROM meeting_item WHERE meeting_id = ?",
                    arguments: [meetingId]
                ) ?? 0
            var item = try MeetingRows.insert(db, try make(meeting, count))
            try MeetingRows.touch(db, meetingId: meetingId)
            try self.audit(
                db,
                actor,
                subject: "meeting:\(meetingId)",
                detail: AuditDetail([
                    "item": .int(item.number), "title": .text(item.title), "decision": .bool(item.decision),
                    "organisations": .int(item.organisations.count),
                ])
            )
            if meeting.status == .published, item.isChecked {
                item = try self.check(db, item, of: meeting, today: today, actor: actor, detail: checkDetail)
            }
            try MeetingHistory.record(db, meetingId: meetingId, actor: actor.user, at: actor.now)
            return item
        }
    }

    /// Publishes a draft meeting: checks every decision item that names organisations (a stored check each, its id
    /// in the item) and makes a recusal for each conflict found.
    public func publishMeeting(
        id: Int,
        today: CalendarDate,
        actor: Actor,
        checkDetail: @escaping CheckDetail
    ) async throws -> MeetingRecord {
        let mail = currentMailSettings
        return try await write { db in
            guard let meeting = try MeetingRows.fetchMeeting(db, id: id) else {
                throw DomainError.notFound(.meeting, id: id)
            }
            let items = try MeetingRows.fetchItems(db, meetingId: id)
            let published = try MeetingRules.publish(meeting, itemCount: items.count, now: actor.now)
            try MeetingRows.update(db, published)
            for item in items where item.isChecked {
                _ = try self.check(db, item, of: published, today: today, actor: actor, detail: checkDetail)
            }
            guard let record = try MeetingRows.record(db, id: id) else { throw StoreError.corrupt("meeting \(id)") }
            try self.audit(
                db,
                actor,
                subject: "meeting:\(id)",
                detail: AuditDetail(["status": .text("published"), "recusals": .int(record.recusals.count)])
            )
            try MailOutbox.notify(db, record.recusalNotices, settings: mail, now: actor.now)
            try MeetingHistory.record(db, meetingId: id, actor: actor.user, at: actor.now)
            return record
        }
    }

    /// Records what a conflicted member did, by `transform(recusal, meeting)` (`MeetingRules.record`).
    public func recordRecusal(
        id: Int,
        actor: Actor,
        transform: @escaping @Sendable (Recusal, Meeting) throws -> Recusal
    ) async throws -> Recusal {
        try await write { db in
            guard let row = try Row.fetchOne(db, sql: MeetingRows.recusalSelect + " WHERE r.id = ?", arguments: [id])
            else { throw DomainError.notFound(.recusal, id: id) }
            let recusal = try MeetingRows.recusal(row)
            guard let meeting = try MeetingRows.fetchMeeting(db, id: recusal.meetingId) else {
                throw StoreError.corrupt("recusal \(id)")
            }
            let recorded = try transform(recusal, meeting)
            try db.execute(
                sql: "UPDATE recusal SET action = ?, quorate = ?, note = ?, recorded_by = ? WHERE id = ?",
                arguments: [recorded.action?.rawValue, recorded.quorate, recorded.note, recorded.recordedBy, id]
            )
            try MeetingRows.touch(db, meetingId: meeting.id)
            try self.audit(
                db,
                actor,
                subject: "meeting:\(meeting.id)",
                detail: AuditDetail([
                    "recusal": .int(id), "declarant": .text(recorded.declarant),
                    "action": .text(recorded.action?.rawValue ?? ""),
                    "quorate": recorded.quorate.map(AuditDetail.Field.bool) ?? .null,
                ])
            )
            try MeetingHistory.record(db, meetingId: meeting.id, actor: actor.user, at: actor.now)
            return recorded
        }
    }

    /// Closes a published meeting (`MeetingRules.close`: refused before its day, which is `actor.today`, and while a
    /// recusal has no action).
    public func closeMeeting(id: Int, actor: Actor) async throws -> Meeting {
        try await write { db in
            guard let record = try MeetingRows.record(db, id: id) else { throw DomainError.notFound(.meeting, id: id) }
            let closed = try MeetingRules.close(record, today: actor.today, now: actor.now)
            try MeetingRows.update(db, closed)
            try self.audit(db, actor, subject: "meeting:\(id)", detail: AuditDetail(["status": .text("closed")]))
            try MeetingHistory.record(db, meetingId: id, actor: actor.user, at: actor.now)
            return closed
        }
    }

    /// Cancels a draft or published meeting (`MeetingRules.cancel`), and withdraws the recusal notices for it that
    /// no mail holds yet: nobody is asked to step out of an item of a meeting that will not meet. A notice already
    /// written into a mail stays in it.
    public func cancelMeeting(id: Int, reason: String, actor: Actor) async throws -> Meeting {
        try await write { db in
            guard let meeting = try MeetingRows.fetchMeeting(db, id: id) else {
                throw DomainError.notFound(.meeting, id: id)
            }
            let cancelled = try MeetingRules.cancel(meeting, reason: reason, now: actor.now)
            try MeetingRows.update(db, cancelled)
            try db.execute(
                sql: "DELETE FROM mail_notice WHERE state = 'pending' AND kind = ? AND subject = ?",
                arguments: [NoticeKind.meetingRecusal.rawValue, "meeting:\(id)"]
            )
            let withdrawn = db.changesCount
            try self.audit(
                db,
                actor,
                subject: "meeting:\(id)",
                detail: AuditDetail([
                    "status": .text("cancelled"), "reason": .text(cancelled.cancelReason ?? ""),
                    "noticesWithdrawn": .int(withdrawn),
                ])
            )
            try MeetingHistory.record(db, meetingId: id, actor: actor.user, at: actor.now)
            return cancelled
        }
    }

    /// Checks `item` of a published meeting, keeps the check's id in it, and adds a recusal for each conflict the
    /// item does not have yet.
    private func check(
        _ db: Database,
        _ item: MeetingItem,
        of meeting: Meeting,
        today: CalendarDate,
        actor: Actor,
        detail: CheckDetail
    ) throws -> MeetingItem {
        let (check, interests) = try storeConflictCheck(
            db,
            organisations: item.organisations,
            matter: "M-\(meeting.id) item \(item.number): \(item.title)",
            today: today,
            actor: actor,
            detail: detail
        )
        var checked = item
        checked.checkId = check.id
        try db.execute(sql: "UPDATE meeting_item SET check_id = ? WHERE id = ?", arguments: [check.id, item.id])
        let recusals = MeetingRules.recusals(
            for: check.conflicts,
            item: checked,
            meeting: meeting,
            existing: try MeetingRows.fetchRecusals(db, meetingId: meeting.id),
            declaredOn: { interests[$0]?.declaredAt.utcDate ?? today }
        )
        for recusal in recusals {
            _ = try MeetingRows.insert(db, recusal)
        }
        return checked
    }
}
