/// The notices one review run causes: its raised and reminded findings that a person can act on, and the due dates
/// coming within `notice_days_before`. Pure: the review passes its changes and the snapshot they came from.
///
/// Findings follow their own rhythm (`FindingLifecycle`): raised once, reminded every `remind_every_days` while
/// open and unacknowledged, so their notices do too. A "due" notice goes once for each due date. A rule about no
/// one in particular (a concern open too long, an unrecorded recusal, appetite) is for the secretariat's digest.
public enum MailPlanner {
    public static func notices(
        changes: [FindingLifecycle.Change],
        snapshot: ReviewSnapshot,
        review: ReviewPolicy,
        mail: MailPolicy,
        today: CalendarDate
    ) -> [Notice] {
        guard mail.enabled else { return [] }
        let risks = Dictionary(snapshot.risks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let actions = Dictionary(snapshot.openActions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let members = Dictionary(snapshot.members.map { ($0.user, $0) }, uniquingKeysWith: { first, _ in first })
        var notices: [Notice] = []
        for change in changes {
            let observation: Observation
            switch change {
            case .raise(let raised): observation = raised
            case .persist(_, let persisted, remind: true): observation = persisted
            case .persist, .resolve: continue
            }
            let notice = overdue(
                observation,
                risks: risks,
                actions: actions,
                members: members,
                snapshot: snapshot,
                review: review,
                today: today
            )
            if let notice { notices.append(notice) }
        }
        notices += dueSoon(snapshot, review: review, days: mail.noticeDaysBefore, today: today)
        return notices.filter { mail.sends($0.kind) }
    }

    /// The notice of an overdue finding, for the person who can clear it.
    static func overdue(
        _ observation: Observation,
        risks: [Int: Risk],
        actions: [Int: Action],
        members: [String: MemberFacts],
        snapshot: ReviewSnapshot,
        review: ReviewPolicy,
        today: CalendarDate
    ) -> Notice? {
        let (kind, id) = subjectParts(observation.subject)
        let key = "\(observation.rule.rawValue):\(observation.subject):\(today)"
        switch observation.rule {
        case .riskReviewOverdue:
            guard kind == "risk", let risk = Int(id).flatMap({ risks[$0] }) else { return nil }
            return Notice(
                user: risk.owner,
                kind: .riskReviewOverdue,
                subject: observation.subject,
                key: key,
                text: "Risk R-\(risk.id) (\"\(MailText.line(risk.title))\"), which you own, was due for review on "
                    + "\(risk.nextReviewDue.written) and is overdue. If it is not yours, tell the secretariat.",
                command: "riskctl risk review R-\(risk.id) --note TEXT"
            )
        case .actionOverdue:
            guard kind == "action", let action = Int(id).flatMap({ actions[$0] }) else { return nil }
            return Notice(
                user: action.owner,
                kind: .actionOverdue,
                subject: observation.subject,
                key: key,
                text: "Action A-\(action.id), \"\(MailText.line(action.description))\" (risk R-\(action.riskId)), "
                    + "which you own, was due on \(action.dueOn.written) and is overdue. "
                    + Self.actionChoices(action.id),
                command: "riskctl risk action done A-\(action.id)"
            )
        case .interestConfirmationOverdue:
            guard kind == "member", let member = members[id] else { return nil }
            let due = ReviewRules.confirmationDue(member, policy: review)
            return Notice(
                user: member.user,
                kind: .confirmationOverdue,
                subject: observation.subject,
                key: key,
                text:
                    "Your declarations of interest were due to be confirmed on \(due.written) and are overdue. If nothing "
                    + "changed, confirm them as they are.",
                command: "riskctl interest confirm"
            )
        case .ethicsUnacknowledged:
            guard kind == "member", let member = members[id], let code = snapshot.code else { return nil }
            let due = ReviewRules.acknowledgementDue(member, code: code, policy: review)
            return Notice(
                user: member.user,
                kind: .codeOverdue,
                subject: observation.subject,
                key: key,
                text:
                    "You have not yet acknowledged version \(code.version) of the ethical code, due on \(due.written).",
                command: "riskctl ethics ack"
            )
        default:
            return nil
        }
    }

    /// A notice for each due date from today to `days` ahead that is not yet past: reviews, actions and
    /// confirmations.
    static func dueSoon(_ snapshot: ReviewSnapshot, review: ReviewPolicy, days: Int, today: CalendarDate) -> [Notice] {
        let horizon = today.adding(days: days)
        // Dates only, never "in 3 days": a notice may wait a day for the person's next mail.
        func soon(_ due: CalendarDate) -> Bool { !(due < today) && !(horizon < due) }
        var notices: [Notice] = []
        for risk in snapshot.risks where risk.status != .closed && risk.status != .accepted && soon(risk.nextReviewDue)
        {
            notices.append(
                Notice(
                    user: risk.owner,
                    kind: .riskReviewDue,
                    subject: "risk:\(risk.id)",
                    key: "risk-review-due:\(risk.id):\(risk.nextReviewDue)",
                    text: "Risk R-\(risk.id) (\"\(MailText.line(risk.title))\"), which you own, is due for review on "
                        + "\(risk.nextReviewDue.written). If it is not yours, tell the secretariat.",
                    command: "riskctl risk review R-\(risk.id) --note TEXT"
                )
            )
        }
        for action in snapshot.openActions where soon(action.dueOn) {
            notices.append(
                Notice(
                    user: action.owner,
                    kind: .actionDue,
                    subject: "action:\(action.id)",
                    key: "action-due:\(action.id):\(action.dueOn)",
                    text: "Action A-\(action.id), \"\(MailText.line(action.description))\" (risk R-\(action.riskId)), "
                        + "which you own, is due on \(action.dueOn.written). " + Self.actionChoices(action.id),
                    command: "riskctl risk action done A-\(action.id)"
                )
            )
        }
        for member in snapshot.members where member.onBoard {
            let due = ReviewRules.confirmationDue(member, policy: review)
            guard soon(due) else { continue }
            notices.append(
                Notice(
                    user: member.user,
                    kind: .confirmationDue,
                    subject: "member:\(member.user)",
                    key: "confirmation-due:\(member.user):\(due)",
                    text:
                        "Your declarations of interest are due to be confirmed on \(due.written). If nothing changed, "
                        + "confirm them as they are.",
                    command: "riskctl interest confirm"
                )
            )
        }
        return notices
    }

    /// What an action's owner can do besides marking it done.
    static func actionChoices(_ id: Int) -> String {
        "If it needs more time, give it a new date (riskctl risk action update A-\(id) --due YYYY-MM-DD); if it "
            + "is not yours or no longer makes sense, tell the secretariat."
    }

    private static func subjectParts(_ subject: String) -> (String, String) {
        guard let colon = subject.firstIndex(of: ":") else { return (subject, "") }
        return (String(subject[..<colon]), String(subject[subject.index(after: colon)...]))
    }
}
