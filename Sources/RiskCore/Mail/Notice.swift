/// What a mail may tell a person, one kind per line of `mail.notices` in riskd.toml.
public enum NoticeKind: String, Sendable, Hashable, CaseIterable, Comparable {
    /// A board member's confirmation of their declarations falls due within `mail.notice_days_before`.
    case confirmationDue = "confirmation-due"
    /// …and is overdue (the `interest-confirmation-overdue` finding, raised and reminded).
    case confirmationOverdue = "confirmation-overdue"
    /// A new version of the ethical code was published: every board member is asked to acknowledge it.
    case codePublished = "code-published"
    /// A board member has not acknowledged the code in time (`ethics-unacknowledged`).
    case codeOverdue = "code-overdue"
    /// A published meeting has an item the member must step out of: their own recusals only.
    case meetingRecusal = "meeting-recusal"
    /// A concern the member raised was closed: its new status only.
    case concernClosed = "concern-closed"
    /// An owner's risk falls due for review within `mail.notice_days_before`.
    case riskReviewDue = "risk-review-due"
    /// …and is overdue (`risk-review-overdue`).
    case riskReviewOverdue = "risk-review-overdue"
    /// An owner's action falls due within `mail.notice_days_before`.
    case actionDue = "action-due"
    /// …and is overdue (`action-overdue`).
    case actionOverdue = "action-overdue"
    /// The secretariat's daily digest (`mail.admins`).
    case digest

    public static func < (lhs: NoticeKind, rhs: NoticeKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One thing a person is told: what is due, and the riskctl command that does it.
///
/// Notices wait in the outbox until the person's mail of the day is written; one mail gathers all of a person's
/// notices. The text is built here, from the record's id, its title or date and nothing else: never a declaration's
/// text, another member's interests, or a concern's text or names (the tests search every mail for them).
public struct Notice: Sendable, Hashable {
    /// The user name of whom it is for: a board member or an owner.
    public var user: String
    public var kind: NoticeKind
    /// The record it is about, e.g. `risk:4`, `member:ana`, `meeting:2`.
    public var subject: String
    /// Unique for one reason to tell: the same key is never told twice (a due date, a finding's day, a recusal).
    public var key: String
    /// One or two sentences, for the person.
    public var text: String
    /// The exact riskctl command to run, or to read more.
    public var command: String

    public init(user: String, kind: NoticeKind, subject: String, key: String, text: String, command: String) {
        self.user = user
        self.kind = kind
        self.subject = subject
        self.key = key
        self.text = text
        self.command = command
    }
}

extension Notice {
    /// A new code version to acknowledge, due on `due`.
    public static func codePublished(user: String, version: Int, title: String, due: CalendarDate) -> Notice {
        Notice(
            user: user,
            kind: .codePublished,
            subject: "ethics:\(version)",
            key: "code-published:\(version):\(user)",
            text: "Version \(version) of the ethical code, \"\(MailText.line(title))\", was published. Please read "
                + "and acknowledge it by \(due.written).",
            command: "riskctl ethics ack"
        )
    }

    /// An item of a published meeting the member must step out of. Names the item, never the interest.
    public static func meetingRecusal(
        user: String,
        meeting: Int,
        date: CalendarDate,
        item: Int,
        itemTitle: String,
        recusal: Int
    ) -> Notice {
        Notice(
            user: user,
            kind: .meetingRecusal,
            subject: "meeting:\(meeting)",
            key: "meeting-recusal:\(recusal)",
            text:
                "At the meeting M-\(meeting) on \(date.written), item \(item) (\"\(MailText.line(itemTitle))\") touches an "
                + "interest you declared: you are asked to step out of it.",
            command: "riskctl meeting show M-\(meeting)"
        )
    }

    /// A concern the member raised was closed; its status, never its text or outcome.
    public static func concernClosed(user: String, concern: Int, status: String) -> Notice {
        Notice(
            user: user,
            kind: .concernClosed,
            subject: "concern:\(concern)",
            key: "concern-closed:\(concern)",
            text: "The concern C-\(concern) you raised was closed: \(status.replacingUnderscores).",
            command: "riskctl concern show C-\(concern)"
        )
    }
}

extension String {
    /// `not_upheld` as `not upheld`.
    var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}

extension MeetingRecord {
    /// A notice for each recusal of the meeting, to its member: the item to step out of, never the interest.
    public var recusalNotices: [Notice] {
        recusals.compactMap { recusal in
            guard let item = items.first(where: { $0.id == recusal.itemId }) else { return nil }
            return Notice.meetingRecusal(
                user: recusal.declarant,
                meeting: meeting.id,
                date: meeting.date,
                item: item.number,
                itemTitle: item.title,
                recusal: recusal.id
            )
        }
    }
}
