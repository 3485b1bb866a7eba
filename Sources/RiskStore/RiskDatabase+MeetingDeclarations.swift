import GRDB
import RiskCore

extension RiskDatabase {
    /// Records an interest declared at a published meeting for one of its items (`interest`, from
    /// `InterestRules.declare`), and its recusal: match `declared_at_meeting`, not declared in advance.
    ///
    /// - Returns: every recusal the declaration made, that one first: the interest may conflict with other decision
    ///   items of this meeting (declared at the meeting there too) or of another published meeting.
    public func declareAtMeeting(
        itemId: Int,
        _ interest: Interest,
        policy: InterestPolicy,
        actor: Actor,
        detail: @escaping @Sendable (Interest) -> AuditDetail
    ) async throws -> [Recusal] {
        try await write { db in
            guard
                let itemRow = try Row.fetchOne(db, sql: "SELECT * FROM meeting_item WHERE id = ?", arguments: [itemId])
            else { throw DomainError.notFound(.item, id: itemId) }
            let item = try MeetingRows.item(itemRow)
            guard let meeting = try MeetingRows.fetchMeeting(db, id: item.meetingId) else {
                throw StoreError.corrupt("meeting_item \(itemId)")
            }
            try MeetingRules.atMeeting(meeting, field: "itemId")
            let stored = try self.insertInterest(db, interest, policy: policy, actor: actor, detail: detail)
            let recusal = try MeetingRows.insert(
                db,
                Recusal(
                    id: 0,
                    meetingId: meeting.id,
                    itemId: item.id,
                    declarant: stored.declarant,
                    interestId: stored.id,
                    kind: stored.kind.rawValue,
                    organisation: stored.organisation,
                    // Withheld from a reader, a recusal shows its asked name: one of the item's, never the interest's,
                    // the one a check of the item's names finds the interest by (through the registry, or a typo).
                    asked: ConflictRules.conflicts(
                        asked: item.organisations,
                        interests: [stored],
                        registry: try Self.registry(db),
                        today: actor.today
                    ).first?.asked ?? "",
                    sensitive: stored.sensitive,
                    match: .declaredAtMeeting,
                    declaredInAdvance: false
                )
            )
            try MeetingRows.touch(db, meetingId: meeting.id)
            try self.audit(
                db,
                actor,
                subject: "meeting:\(meeting.id)",
                detail: AuditDetail([
                    "recusal": .int(recusal.id), "item": .int(item.number), "declarant": .text(stored.declarant),
                    "interest": .int(stored.id),
                ])
            )
            try MeetingHistory.record(db, meetingId: meeting.id, actor: actor.user, at: actor.now)
            return [recusal] + (try self.addRecusals(db, for: stored, actor: actor))
        }
    }

    /// Adds a recusal to every decision item of a published meeting that `interest`, as now declared, conflicts
    /// with and that has none for it yet; declared in advance when the interest was declared before the meeting's
    /// day. Run in the transaction of each declaration, update and import, so none slips past a meeting.
    ///
    /// - Returns: the recusals added, by meeting then item.
    @discardableResult
    func addRecusals(_ db: Database, for interest: Interest, actor: Actor) throws -> [Recusal] {
        guard interest.isActive(today: actor.today) else { return [] }
        let meetings = try Row.fetchAll(db, sql: "SELECT * FROM meeting WHERE status = 'published' ORDER BY id")
            .map(MeetingRows.meeting)
        guard !meetings.isEmpty else { return [] }
        let registry = try Self.registry(db)
        var made: [Recusal] = []
        for meeting in meetings {
            let existing = try MeetingRows.fetchRecusals(db, meetingId: meeting.id)
            var added = 0
            for item in try MeetingRows.fetchItems(db, meetingId: meeting.id) where item.isChecked {
                let conflicts = ConflictRules.conflicts(
                    asked: item.organisations,
                    interests: [interest],
                    registry: registry,
                    today: actor.today
                )
                let recusals = MeetingRules.recusals(
                    for: conflicts,
                    item: item,
                    meeting: meeting,
                    existing: existing,
                    declaredOn: { _ in interest.declaredAt.utcDate }
                )
                for recusal in recusals {
                    let stored = try MeetingRows.insert(db, recusal)
                    made.append(stored)
                    added += 1
                    try self.audit(
                        db,
                        actor,
                        subject: "meeting:\(meeting.id)",
                        detail: AuditDetail([
                            "recusal": .int(stored.id), "item": .int(item.number),
                            "declarant": .text(stored.declarant), "interest": .int(interest.id),
                        ])
                    )
                    let notice = Notice.meetingRecusal(
                        user: stored.declarant,
                        meeting: meeting.id,
                        date: meeting.date,
                        item: item.number,
                        itemTitle: item.title,
                        recusal: stored.id
                    )
                    try MailOutbox.notify(db, [notice], settings: currentMailSettings, now: actor.now)
                }
            }
            if added > 0 {
                try MeetingRows.touch(db, meetingId: meeting.id)
                try MeetingHistory.record(db, meetingId: meeting.id, actor: actor.user, at: actor.now)
            }
        }
        return made
    }
}
