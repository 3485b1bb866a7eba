/// The life of a meeting as pure functions: what may change in which state, and which recusals a conflict makes.
///
/// draft → published → closed, or cancelled from a draft or a published meeting. Items may be added to a draft or a
/// published meeting; only a published meeting with items is published, records what its conflicted members did,
/// takes declarations made at the meeting, and may be closed, from its day on, once every recusal has an action.
/// Nothing of a closed or a cancelled meeting changes.
public enum MeetingRules {
    /// Longest title of a meeting or an item, in characters.
    public static let titleLimit = 200

    /// A new draft meeting; `id` is set by the store.
    public static func create(title: String, date: String, by user: String) throws(DomainError) -> Meeting {
        let title = try FieldRules.requiredText(title, field: "title", limit: titleLimit)
        let date = try FieldRules.date(date, field: "date")
        return Meeting(id: 0, revision: 1, title: title, date: date, status: .draft, createdBy: user)
    }

    /// A new item at the end of `meeting`'s agenda, which holds `count` items; `organisations` as checked by
    /// `ConflictRules.request` when it names any.
    public static func item(
        of meeting: Meeting,
        count: Int,
        title: String,
        organisations: [String],
        decision: Bool?
    ) throws(DomainError) -> MeetingItem {
        try changeable(meeting)
        let title = try FieldRules.requiredText(title, field: "title", limit: titleLimit)
        return MeetingItem(
            id: 0,
            meetingId: meeting.id,
            number: count + 1,
            title: title,
            organisations: organisations,
            decision: decision ?? true
        )
    }

    /// The matter an item's conflict check is stored under: the meeting, the item's number and its title.
    public static func matter(of item: MeetingItem, in meeting: Meeting) -> String {
        "M-\(meeting.id) item \(item.number): \(item.title)"
    }

    /// `meeting`, published at `now`; only a draft whose agenda holds `itemCount` > 0 items is published.
    public static func publish(_ meeting: Meeting, itemCount: Int, now: Instant) throws(DomainError) -> Meeting {
        try changeable(meeting, field: "id")
        guard meeting.status == .draft else {
            throw .invalidValue("id", "meeting M-\(meeting.id) is \(meeting.status.rawValue), not a draft")
        }
        guard itemCount > 0 else {
            throw .invalidValue("id", "the agenda of M-\(meeting.id) has no items: add one before publishing it")
        }
        var published = meeting
        published.status = .published
        published.publishedAt = now
        published.revision += 1
        return published
    }

    /// `record`'s meeting, closed at `now`: refused before the meeting's day (`today` is the daemon's), and while one
    /// of its recusals has no action, naming each such member with the item they step out of.
    public static func close(_ record: MeetingRecord, today: CalendarDate, now: Instant) throws(DomainError) -> Meeting
    {
        let meeting = record.meeting
        try atMeeting(meeting, field: "id")
        guard today >= meeting.date else {
            throw .invalidValue(
                "id",
                "the meeting is on \(meeting.date); it can be closed from that day (cancel it if it will not meet)"
            )
        }
        let open = record.recusals.filter { $0.action == nil }
        guard open.isEmpty else {
            let who = open.map { recusal in
                let item = record.items.first { $0.id == recusal.itemId }.map { "item \($0.number)" } ?? "an item"
                return "\(recusal.declarant) on \(item) (recusal \(recusal.id))"
            }
            throw .invalidValue(
                "recusals",
                "\(open.count) without an action: record what \(who.joined(separator: ", ")) did first"
            )
        }
        var closed = meeting
        closed.status = .closed
        closed.closedAt = now
        closed.revision += 1
        return closed
    }

    /// `meeting`, cancelled at `now` for `reason`: a draft or a published meeting, never a closed one (its minutes
    /// count) nor one already cancelled.
    public static func cancel(_ meeting: Meeting, reason: String, now: Instant) throws(DomainError) -> Meeting {
        try changeable(meeting, field: "id")
        let reason = try FieldRules.requiredText(reason, field: "reason", limit: TextLimits.short)
        var cancelled = meeting
        cancelled.status = .cancelled
        cancelled.cancelledAt = now
        cancelled.cancelReason = reason
        cancelled.revision += 1
        return cancelled
    }

    /// `recusal` with what its member did, recorded by `user`; only at a published meeting.
    public static func record(
        _ recusal: Recusal,
        of meeting: Meeting,
        action: String,
        quorate: Bool?,
        note: String?,
        by user: String
    ) throws(DomainError) -> Recusal {
        try atMeeting(meeting, field: "recusalId")
        guard let action = Recusal.Action(rawValue: action.replacingHyphens) else {
            let names = Recusal.Action.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalidValue("action", "must be one of \(names), not \"\(action)\"")
        }
        var recorded = recusal
        recorded.action = action
        recorded.quorate = quorate
        recorded.note = try note.map { (text: String) throws(DomainError) in
            try FieldRules.requiredText(text, field: "note", limit: TextLimits.long)
        }
        recorded.recordedBy = user
        return recorded
    }

    /// Refuses a change to a closed or a cancelled meeting.
    public static func changeable(_ meeting: Meeting, field: String = "meetingId") throws(DomainError) {
        switch meeting.status {
        case .closed: throw .invalidValue(field, "meeting M-\(meeting.id) is closed: nothing of it changes")
        case .cancelled: throw .invalidValue(field, "meeting M-\(meeting.id) was cancelled: nothing of it changes")
        case .draft, .published: return
        }
    }

    /// Refuses what happens at the meeting unless it is published.
    public static func atMeeting(_ meeting: Meeting, field: String) throws(DomainError) {
        try changeable(meeting, field: field)
        guard meeting.status == .published else {
            throw .invalidValue(field, "meeting M-\(meeting.id) is a draft: publish it first")
        }
    }

    /// The recusals that `conflicts` found for `item` make, leaving out those `existing` (the meeting's) already
    /// holds (one per interest and item); whether each was declared in advance is `declaredInAdvance`.
    public static func recusals(
        for conflicts: [Conflict],
        item: MeetingItem,
        meeting: Meeting,
        existing: [Recusal],
        declaredOn: (Int) -> CalendarDate
    ) -> [Recusal] {
        let known = Set(existing.filter { $0.itemId == item.id }.map(\.interestId))
        return conflicts.filter { !known.contains($0.interestId) }.map { conflict in
            Recusal(
                id: 0,
                meetingId: meeting.id,
                itemId: item.id,
                declarant: conflict.declarant,
                interestId: conflict.interestId,
                kind: conflict.kind,
                organisation: conflict.organisation,
                asked: conflict.asked,
                sensitive: conflict.sensitive,
                match: Recusal.Match(conflict.match),
                declaredInAdvance: declaredInAdvance(
                    interestId: conflict.interestId,
                    declaredOn: declaredOn(conflict.interestId),
                    meeting: meeting,
                    existing: existing
                )
            )
        }
    }

    /// The recusal of `interest`, declared at `meeting` for `item`: match `declared_at_meeting`, not declared in
    /// advance. Withheld from a reader, a recusal shows its asked name: one of the item's, never the interest's, the
    /// one a check of the item's names finds the interest by (through `registry`, or a typo); empty when none does.
    public static func recusal(
        declaredAt meeting: Meeting,
        item: MeetingItem,
        interest: Interest,
        registry: [Organisation],
        today: CalendarDate
    ) -> Recusal {
        Recusal(
            id: 0,
            meetingId: meeting.id,
            itemId: item.id,
            declarant: interest.declarant,
            interestId: interest.id,
            kind: interest.kind.rawValue,
            organisation: interest.organisation,
            asked: ConflictRules.conflicts(
                asked: item.organisations,
                interests: [interest],
                registry: registry,
                today: today
            ).first?.asked ?? "",
            sensitive: interest.sensitive,
            match: .declaredAtMeeting,
            declaredInAdvance: false
        )
    }

    /// Whether an interest counts as declared in advance at `meeting`, the same under every item it touches: it was
    /// declared before the meeting's day, and not declared at this meeting (a recusal in `existing`, the meeting's,
    /// matched `declared_at_meeting`), even when the meeting recorded it before its day.
    public static func declaredInAdvance(
        interestId: Int,
        declaredOn: CalendarDate,
        meeting: Meeting,
        existing: [Recusal]
    ) -> Bool {
        let declaredHere = existing.contains { $0.interestId == interestId && $0.match == .declaredAtMeeting }
        return !declaredHere && declaredOn < meeting.date
    }
}

extension String {
    /// The text with `-` as `_`: riskctl shows enum values with hyphens, the protocol names them with underscores.
    var replacingHyphens: String {
        String(map { $0 == "-" ? "_" : $0 })
    }
}
