/// The life of a meeting as pure functions: what may change in which state, and which recusals a conflict makes.
///
/// draft → published → closed. Items may be added to a draft or a published meeting; only a published meeting
/// records what its conflicted members did, takes declarations made at the meeting, and may be closed, once every
/// recusal has an action. Nothing of a closed meeting changes.
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

    /// `meeting`, published at `now`; only a draft is published.
    public static func publish(_ meeting: Meeting, now: Instant) throws(DomainError) -> Meeting {
        guard meeting.status == .draft else {
            throw .invalidValue("id", "meeting M-\(meeting.id) is \(meeting.status.rawValue), not a draft")
        }
        var published = meeting
        published.status = .published
        published.publishedAt = now
        published.revision += 1
        return published
    }

    /// `meeting`, closed at `now`; refused while one of its `recusals` has no action.
    public static func close(_ meeting: Meeting, recusals: [Recusal], now: Instant) throws(DomainError) -> Meeting {
        try atMeeting(meeting, field: "id")
        let open = recusals.filter { $0.action == nil }
        guard open.isEmpty else {
            let who = open.map { "\($0.declarant) (recusal \($0.id))" }.joined(separator: ", ")
            throw .invalidValue("recusals", "\(open.count) without an action: record what \(who) did first")
        }
        var closed = meeting
        closed.status = .closed
        closed.closedAt = now
        closed.revision += 1
        return closed
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

    /// Refuses a change to a closed meeting.
    public static func changeable(_ meeting: Meeting, field: String = "meetingId") throws(DomainError) {
        guard meeting.status != .closed else {
            throw .invalidValue(field, "meeting M-\(meeting.id) is closed: nothing of it changes")
        }
    }

    /// Refuses what happens at the meeting unless it is published.
    public static func atMeeting(_ meeting: Meeting, field: String) throws(DomainError) {
        try changeable(meeting, field: field)
        guard meeting.status == .published else {
            throw .invalidValue(field, "meeting M-\(meeting.id) is a draft: publish it first")
        }
    }

    /// The recusals that `conflicts` found for `item` make, leaving out those `existing` already holds (one per
    /// interest and item). Declared in advance when declared before the meeting's day.
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
                declaredInAdvance: declaredOn(conflict.interestId) < meeting.date
            )
        }
    }
}

extension String {
    /// The text with `-` as `_`: riskctl shows enum values with hyphens, the protocol names them with underscores.
    var replacingHyphens: String {
        String(map { $0 == "-" ? "_" : $0 })
    }
}
