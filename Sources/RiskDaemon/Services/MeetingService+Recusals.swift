import RiskCore
import RiskProtocol
import RiskStore

extension MeetingService {
    /// Records an interest declared at a published meeting for one of its items (`interest`, from
    /// `InterestRules.declare`), and its recusal: match `declared_at_meeting`, not declared in advance.
    ///
    /// - Returns: every recusal the declaration made, that one first: the interest may conflict with other decision
    ///   items of this meeting (declared at the meeting there too) or of another published meeting.
    static func declareAtMeeting(
        _ tx: StoreTransaction,
        itemId: Int,
        _ interest: Interest,
        policy: InterestPolicy
    ) throws -> [Recusal] {
        let item = try tx.item(itemId)
        let meeting = try tx.meeting(item.meetingId)
        try MeetingRules.atMeeting(meeting, field: "itemId")
        let stored = try InterestService.declare(tx, interest, policy: policy, audit: InterestAudit.declaredFor)
        let recusal = try tx.insert(
            MeetingRules.recusal(
                declaredAt: meeting,
                item: item,
                interest: stored,
                registry: try tx.registry(),
                today: tx.actor.today
            )
        )
        try tx.touchMeeting(meeting.id)
        try tx.audit(
            MeetingAudit.subject(meeting.id),
            MeetingAudit.recusalAdded(recusal, item: item, interest: stored.id)
        )
        try tx.recordHistory(ofMeeting: meeting.id)
        return [recusal] + (try addRecusals(tx, for: stored))
    }

    /// Adds a recusal to every decision item of a published meeting that `interest`, as now declared, conflicts
    /// with and that has none for it yet; declared in advance when the interest was declared before the meeting's
    /// day. Run in the transaction of each declaration, update and import, so none slips past a meeting.
    ///
    /// - Returns: the recusals added, by meeting then item.
    @discardableResult
    static func addRecusals(_ tx: StoreTransaction, for interest: Interest) throws -> [Recusal] {
        let today = tx.actor.today
        guard interest.isActive(today: today) else { return [] }
        let meetings = try tx.meetings(in: .published)
        guard !meetings.isEmpty else { return [] }
        let registry = try tx.registry()
        var made: [Recusal] = []
        for meeting in meetings {
            let existing = try tx.recusals(ofMeeting: meeting.id)
            var added = 0
            for item in try tx.items(ofMeeting: meeting.id) where item.isChecked {
                let recusals = MeetingRules.recusals(
                    for: ConflictRules.conflicts(
                        asked: item.organisations,
                        interests: [interest],
                        registry: registry,
                        today: today
                    ),
                    item: item,
                    meeting: meeting,
                    existing: existing,
                    declaredOn: { _ in interest.declaredAt.utcDate }
                )
                for recusal in recusals {
                    let stored = try tx.insert(recusal)
                    made.append(stored)
                    added += 1
                    try tx.audit(
                        MeetingAudit.subject(meeting.id),
                        MeetingAudit.recusalAdded(stored, item: item, interest: interest.id)
                    )
                    try tx.outbox([
                        Notice.meetingRecusal(
                            user: stored.declarant,
                            meeting: meeting.id,
                            date: meeting.date,
                            item: item.number,
                            itemTitle: item.title,
                            recusal: stored.id
                        )
                    ])
                }
            }
            if added > 0 {
                try tx.touchMeeting(meeting.id)
                try tx.recordHistory(ofMeeting: meeting.id)
            }
        }
        return made
    }
}
