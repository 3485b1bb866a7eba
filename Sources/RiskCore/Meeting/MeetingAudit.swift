/// What the audit trail records of each change of a meeting, its agenda and its recusals: the one place the
/// entries under `meeting:<id>` are worded.
///
/// The entries are read back by people and by tests (`audit.Log`, a member's export), so a field keeps its name
/// and its form for good.
public enum MeetingAudit {
    /// The subject of every entry about meeting `id`, its items and its recusals.
    public static func subject(_ id: Int) -> String {
        "meeting:\(id)"
    }

    /// A new draft meeting.
    public static func created(_ meeting: Meeting) -> AuditDetail {
        AuditDetail(["title": .text(meeting.title), "date": .text(meeting.date.description)])
    }

    /// An item added to the agenda.
    public static func itemAdded(_ item: MeetingItem) -> AuditDetail {
        AuditDetail([
            "item": .int(item.number), "title": .text(item.title), "decision": .bool(item.decision),
            "organisations": .int(item.organisations.count),
        ])
    }

    /// The meeting published, with `recusals` recusals made by the checks of its items.
    public static func published(recusals: Int) -> AuditDetail {
        AuditDetail(["status": .text(Meeting.Status.published.rawValue), "recusals": .int(recusals)])
    }

    /// What a conflicted member did, as recorded.
    public static func recorded(_ recusal: Recusal) -> AuditDetail {
        AuditDetail([
            "recusal": .int(recusal.id), "declarant": .text(recusal.declarant),
            "action": .text(recusal.action?.rawValue ?? ""),
            "quorate": recusal.quorate.map(AuditDetail.Field.bool) ?? .null,
        ])
    }

    /// The meeting closed.
    public static func closed() -> AuditDetail {
        AuditDetail(["status": .text(Meeting.Status.closed.rawValue)])
    }

    /// `meeting` cancelled, and the `withdrawn` recusal notices that no mail held yet taken back.
    public static func cancelled(_ meeting: Meeting, noticesWithdrawn withdrawn: Int) -> AuditDetail {
        AuditDetail([
            "status": .text(Meeting.Status.cancelled.rawValue), "reason": .text(meeting.cancelReason ?? ""),
            "noticesWithdrawn": .int(withdrawn),
        ])
    }

    /// A recusal made for a declaration: at the meeting, or by a declaration that conflicts with a checked item.
    public static func recusalAdded(_ recusal: Recusal, item: MeetingItem, interest: Int) -> AuditDetail {
        AuditDetail([
            "recusal": .int(recusal.id), "item": .int(item.number), "declarant": .text(recusal.declarant),
            "interest": .int(interest),
        ])
    }
}
