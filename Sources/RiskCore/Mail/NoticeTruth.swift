/// Whether a notice is still true when the deliverer claims its mail: a member who acknowledged the code at 03:54
/// must not be asked to at 03:56. Pure: the store reads the notice's subject as it stands (`NoticeTruth.Facts`),
/// this decides, and a notice no longer true is dropped with the reason.
///
/// What it cannot see: a change made after the claim, while the MTA holds the mail. The window is a minute at most
/// (riskd-mail.timer), against the day a notice could wait before.
public enum NoticeTruth {
    /// What a notice's subject is like now.
    public enum Facts: Sendable, Hashable {
        /// `risk:N`: its status, when it was last reviewed and when its next review is due; nil status: no such risk.
        case risk(status: RiskStatus?, lastReviewedAt: Instant?, nextReviewDue: CalendarDate?)
        /// `action:N`: its status and due date; nil status: no such action.
        case action(status: ActionStatus?, dueOn: CalendarDate?)
        /// `member:USER` for confirmations: when they last confirmed their declarations.
        case confirmation(lastConfirmedAt: Instant?)
        /// The code: the version in force, and when the member acknowledged it (nil: not yet).
        case code(current: Int?, acknowledgedAt: Instant?)
        /// `meeting:N`: its status and day; nil status: no such meeting.
        case meeting(status: Meeting.Status?, date: CalendarDate?)
        /// Nothing can make it untrue (a closed concern stays closed).
        case always
    }

    /// Why `notice`, queued at `createdAt`, is no longer true on `today` given `facts`; nil while it is.
    public static func reason(
        _ notice: Notice,
        createdAt: Instant,
        facts: Facts,
        today: CalendarDate
    ) -> String? {
        let name = subjectName(notice.subject)
        switch (notice.kind, facts) {
        case (.riskReviewDue, .risk(let status, let reviewed, let due)),
            (.riskReviewOverdue, .risk(let status, let reviewed, let due)):
            guard let status else { return "\(name) no longer exists" }
            if status == .closed { return "\(name) was closed" }
            if status == .accepted, notice.kind == .riskReviewDue { return "\(name) was accepted" }
            if let reviewed, createdAt < reviewed { return "\(name) was reviewed on \(reviewed.utcDate.written)" }
            if notice.kind == .riskReviewOverdue, let due, !(due < today) {
                return "\(name)'s review is now due on \(due.written)"
            }
            return nil
        case (.actionDue, .action(let status, let due)), (.actionOverdue, .action(let status, let due)):
            guard let status else { return "\(name) no longer exists" }
            if status == .done { return "\(name) was marked done" }
            if status == .cancelled { return "\(name) was cancelled" }
            if notice.kind == .actionOverdue, let due, !(due < today) {
                return "\(name) was given a new date, \(due.written)"
            }
            if notice.kind == .actionDue, let due, let told = toldDate(notice), due != told {
                return "\(name) is now due on \(due.written)"
            }
            return nil
        case (.confirmationDue, .confirmation(let last)), (.confirmationOverdue, .confirmation(let last)):
            guard let last, createdAt < last else { return nil }
            return "the declarations were confirmed on \(last.utcDate.written)"
        case (.codePublished, .code(let current, let acknowledged)),
            (.codeOverdue, .code(let current, let acknowledged)):
            if notice.kind == .codePublished, let asked = version(notice), let current, asked < current {
                return "version \(asked) of the code was replaced by version \(current)"
            }
            guard let acknowledged else { return nil }
            return "the code was acknowledged on \(acknowledged.utcDate.written)"
        case (.meetingRecusal, .meeting(let status, let date)):
            guard let status else { return "\(name) no longer exists" }
            if status == .cancelled { return "\(name) was cancelled" }
            if status == .closed { return "\(name) took place and was closed" }
            if let date, date < today { return "\(name) took place on \(date.written)" }
            return nil
        default:
            return nil
        }
    }

    /// "risk R-4", "action A-2", "meeting M-3"; the subject itself for anything else.
    static func subjectName(_ subject: String) -> String {
        let parts = subject.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return subject }
        switch parts[0] {
        case "risk": return "risk R-\(parts[1])"
        case "action": return "action A-\(parts[1])"
        case "meeting": return "meeting M-\(parts[1])"
        default: return subject
        }
    }

    /// The due date a "due" notice told, from its key (`action-due:2:2026-12-01`).
    static func toldDate(_ notice: Notice) -> CalendarDate? {
        notice.key.split(separator: ":").last.flatMap { CalendarDate(String($0)) }
    }

    /// The code version a `code-published` notice asked about (`ethics:2`).
    static func version(_ notice: Notice) -> Int? {
        notice.subject.split(separator: ":").last.flatMap { Int($0) }
    }
}
