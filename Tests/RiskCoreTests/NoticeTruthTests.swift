import Testing

@testable import RiskCore

/// A notice is checked again when its mail is claimed (issue 22): each kind against each way it can stop being
/// true, and the cases where it still is.
@Suite("A notice still true when its mail is claimed")
struct NoticeTruthTests {
    static let queued = Instant(rfc3339: "2026-12-06T03:50:00Z")!
    static let later = Instant(rfc3339: "2026-12-06T03:54:55Z")!
    static let before = Instant(rfc3339: "2026-12-01T09:00:00Z")!
    static let today = CalendarDate(year: 2026, month: 12, day: 6)!

    static func notice(_ kind: NoticeKind, _ subject: String, key: String = "k", user: String = "ana") -> Notice {
        Notice(user: user, kind: kind, subject: subject, key: key, text: "", command: "")
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var notice: Notice
        var facts: NoticeTruth.Facts
        /// Words the reason must hold; nil while the notice is true.
        var reason: String?
        var testDescription: String { name }
    }

    static func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

    static let cases: [Case] = [
        // Reviews
        Case(
            name: "review overdue, not reviewed",
            notice: notice(.riskReviewOverdue, "risk:4"),
            facts: .risk(status: .open, lastReviewedAt: before, nextReviewDue: day("2026-12-01")),
            reason: nil
        ),
        Case(
            name: "review overdue, reviewed since",
            notice: notice(.riskReviewOverdue, "risk:4"),
            facts: .risk(status: .open, lastReviewedAt: later, nextReviewDue: day("2027-03-06")),
            reason: "risk R-4 was reviewed on 6 December 2026"
        ),
        Case(
            name: "review overdue, given a later date",
            notice: notice(.riskReviewOverdue, "risk:4"),
            facts: .risk(status: .open, lastReviewedAt: before, nextReviewDue: day("2027-01-10")),
            reason: "now due on 10 January 2027"
        ),
        Case(
            name: "review due, risk closed",
            notice: notice(.riskReviewDue, "risk:4"),
            facts: .risk(status: .closed, lastReviewedAt: nil, nextReviewDue: day("2026-12-10")),
            reason: "risk R-4 was closed"
        ),
        Case(
            name: "review due, risk accepted",
            notice: notice(.riskReviewDue, "risk:4"),
            facts: .risk(status: .accepted, lastReviewedAt: nil, nextReviewDue: day("2026-12-10")),
            reason: "risk R-4 was accepted"
        ),
        Case(
            name: "review of a risk that is gone",
            notice: notice(.riskReviewDue, "risk:4"),
            facts: .risk(status: nil, lastReviewedAt: nil, nextReviewDue: nil),
            reason: "no longer exists"
        ),
        // Actions
        Case(
            name: "action overdue, still open",
            notice: notice(.actionOverdue, "action:2"),
            facts: .action(status: .open, dueOn: day("2026-12-01")),
            reason: nil
        ),
        Case(
            name: "action overdue, done",
            notice: notice(.actionOverdue, "action:2"),
            facts: .action(status: .done, dueOn: day("2026-12-01")),
            reason: "action A-2 was marked done"
        ),
        Case(
            name: "action overdue, cancelled",
            notice: notice(.actionOverdue, "action:2"),
            facts: .action(status: .cancelled, dueOn: day("2026-12-01")),
            reason: "action A-2 was cancelled"
        ),
        Case(
            name: "action overdue, new date",
            notice: notice(.actionOverdue, "action:2"),
            facts: .action(status: .open, dueOn: day("2026-12-20")),
            reason: "given a new date, 20 December 2026"
        ),
        Case(
            name: "action due, same date",
            notice: notice(.actionDue, "action:2", key: "action-due:2:2026-12-10"),
            facts: .action(status: .open, dueOn: day("2026-12-10")),
            reason: nil
        ),
        Case(
            name: "action due, moved",
            notice: notice(.actionDue, "action:2", key: "action-due:2:2026-12-10"),
            facts: .action(status: .open, dueOn: day("2026-12-24")),
            reason: "now due on 24 December 2026"
        ),
        // Confirmations
        Case(
            name: "confirmation overdue, not confirmed",
            notice: notice(.confirmationOverdue, "member:ana"),
            facts: .confirmation(lastConfirmedAt: before),
            reason: nil
        ),
        Case(
            name: "confirmation due, confirmed since",
            notice: notice(.confirmationDue, "member:ana"),
            facts: .confirmation(lastConfirmedAt: later),
            reason: "confirmed on 6 December 2026"
        ),
        // The code
        Case(
            name: "code published, not acknowledged",
            notice: notice(.codePublished, "ethics:2"),
            facts: .code(current: 2, acknowledgedAt: nil),
            reason: nil
        ),
        Case(
            name: "code published, acknowledged at 03:54:55",
            notice: notice(.codePublished, "ethics:2"),
            facts: .code(current: 2, acknowledgedAt: later),
            reason: "the code was acknowledged on 6 December 2026"
        ),
        Case(
            name: "code published, replaced",
            notice: notice(.codePublished, "ethics:2"),
            facts: .code(current: 3, acknowledgedAt: nil),
            reason: "replaced by version 3"
        ),
        Case(
            name: "code overdue, acknowledged",
            notice: notice(.codeOverdue, "member:ana"),
            facts: .code(current: 2, acknowledgedAt: later),
            reason: "acknowledged"
        ),
        // Meetings
        Case(
            name: "recusal, meeting ahead",
            notice: notice(.meetingRecusal, "meeting:3"),
            facts: .meeting(status: .published, date: day("2027-01-20")),
            reason: nil
        ),
        Case(
            name: "recusal, meeting cancelled",
            notice: notice(.meetingRecusal, "meeting:3"),
            facts: .meeting(status: .cancelled, date: day("2027-01-20")),
            reason: "meeting M-3 was cancelled"
        ),
        Case(
            name: "recusal, meeting closed",
            notice: notice(.meetingRecusal, "meeting:3"),
            facts: .meeting(status: .closed, date: day("2026-12-01")),
            reason: "took place and was closed"
        ),
        Case(
            name: "recusal, meeting day passed",
            notice: notice(.meetingRecusal, "meeting:3"),
            facts: .meeting(status: .published, date: day("2026-12-05")),
            reason: "took place on 5 December 2026"
        ),
        // Concerns
        Case(
            name: "concern closed stays true",
            notice: notice(.concernClosed, "concern:1"),
            facts: .always,
            reason: nil
        ),
    ]

    @Test(arguments: cases)
    func claimed(_ example: Case) {
        let reason = NoticeTruth.reason(example.notice, createdAt: Self.queued, facts: example.facts, today: Self.today)
        if let expected = example.reason {
            #expect(reason?.contains(expected) == true, "\(reason ?? "still true")")
        } else {
            #expect(reason == nil, "\(reason ?? "")")
        }
    }
}
