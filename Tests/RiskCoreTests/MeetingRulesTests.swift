import RiskCore
import Testing

/// The meeting's state machine (draft → published → closed, or cancelled: what may change when) and the recusals a
/// conflict
/// makes, as tables of cases. The refusals added by issue 21 are in `MeetingMistakeTests`.
@Suite("Meeting rules")
struct MeetingRulesTests {
    static let day = CalendarDate(year: 2027, month: 1, day: 20)!
    static let now = Instant(rfc3339: "2027-01-10T09:00:00Z")!

    static func meeting(_ status: Meeting.Status) -> Meeting {
        Meeting(id: 3, revision: 1, title: "Board meeting", date: day, status: status, createdBy: "ana")
    }

    static func recusal(id: Int = 1, action: Recusal.Action? = nil, interest: Int = 7) -> Recusal {
        Recusal(
            id: id,
            meetingId: 3,
            itemId: 4,
            declarant: "ivan",
            interestId: interest,
            kind: "funding",
            organisation: "Western Balkan Fund",
            asked: "Western Balkan Fund",
            sensitive: false,
            match: .exact,
            declaredInAdvance: true,
            action: action
        )
    }

    /// What each operation does in each state: `nil` allowed, else the field the refusal names.
    @Test(
        "What may change in which state",
        arguments: [
            ("add item", Meeting.Status.draft, nil as String?), ("add item", .published, nil),
            ("add item", .closed, "meetingId"), ("add item", .cancelled, "meetingId"),
            ("publish", .draft, nil), ("publish", .published, "id"), ("publish", .closed, "id"),
            ("publish", .cancelled, "id"),
            ("record", .draft, "recusalId"), ("record", .published, nil), ("record", .closed, "recusalId"),
            ("record", .cancelled, "recusalId"),
            ("close", .draft, "id"), ("close", .published, nil), ("close", .closed, "id"), ("close", .cancelled, "id"),
            ("cancel", .draft, nil), ("cancel", .published, nil), ("cancel", .closed, "id"),
            ("cancel", .cancelled, "id"),
        ]
    )
    func transitions(operation: String, status: Meeting.Status, refusedField: String?) {
        let meeting = Self.meeting(status)
        let recorded = [Self.recusal(action: .leftRoom)]
        do throws(DomainError) {
            switch operation {
            case "add item":
                let item = try MeetingRules.item(
                    of: meeting,
                    count: 2,
                    title: "Grants",
                    organisations: [],
                    decision: nil
                )
                #expect(item.number == 3 && item.decision)
            case "publish":
                let published = try MeetingRules.publish(meeting, itemCount: 1, now: Self.now)
                #expect(published.status == .published && published.publishedAt == Self.now && published.revision == 2)
            case "record":
                let done = try MeetingRules.record(
                    Self.recusal(),
                    of: meeting,
                    action: "left-room",
                    quorate: true,
                    note: nil,
                    by: "ana"
                )
                #expect(done.action == .leftRoom && done.quorate == true && done.recordedBy == "ana")
            case "cancel":
                let cancelled = try MeetingRules.cancel(meeting, reason: "Postponed", now: Self.now)
                #expect(cancelled.status == .cancelled && cancelled.cancelledAt == Self.now)
                #expect(cancelled.cancelReason == "Postponed" && cancelled.revision == 2)
            default:
                let record = MeetingRecord(meeting: meeting, items: [], recusals: recorded)
                let closed = try MeetingRules.close(record, today: Self.day, now: Self.now)
                #expect(closed.status == .closed && closed.closedAt == Self.now)
            }
            #expect(refusedField == nil, "\(operation) on a \(status) meeting should be refused")
        } catch {
            #expect(error.field == refusedField, "\(operation) on a \(status) meeting: \(error)")
        }
    }

    @Test("Closing is refused while a recusal has no action, naming the members and their items")
    func closeNeedsEveryAction() {
        var other = Self.recusal(id: 6, interest: 8)
        other.itemId = 5
        let recusals = [Self.recusal(id: 1, action: .absent), other, Self.recusal(id: 5)]
        let items = [
            MeetingItem(id: 4, meetingId: 3, number: 4, title: "Grants", organisations: ["WBF"], decision: true),
            MeetingItem(id: 5, meetingId: 3, number: 5, title: "Partners", organisations: ["WBF"], decision: true),
        ]
        let record = MeetingRecord(meeting: Self.meeting(.published), items: items, recusals: recusals)
        #expect(
            throws: DomainError.invalidValue(
                "recusals",
                "2 without an action: record what ivan on item 5 (recusal 6), ivan on item 4 (recusal 5) did first"
            )
        ) {
            try MeetingRules.close(record, today: Self.day, now: Self.now)
        }
    }

    @Test(
        "Bad values are refused with the field",
        arguments: [
            ("", "2027-01-20", "title"), ("Board meeting", "2027-02-30", "date"),
            ("Board meeting", "20.1.2027", "date"),
            (String(repeating: "x", count: 201), "2027-01-20", "title"),
        ]
    )
    func create(title: String, date: String, field: String) {
        #expect(throws: DomainError.self) { try MeetingRules.create(title: title, date: date, by: "ana") }
        do throws(DomainError) {
            _ = try MeetingRules.create(title: title, date: date, by: "ana")
        } catch {
            #expect(error.field == field)
        }
    }

    @Test("An unknown action is refused, listing the known ones")
    func unknownAction() {
        #expect(
            throws: DomainError.invalidValue(
                "action",
                "must be one of left_room, stayed_no_vote, stayed_took_part, absent, not_a_conflict, not \"danced\""
            )
        ) {
            try MeetingRules.record(
                Self.recusal(),
                of: Self.meeting(.published),
                action: "danced",
                quorate: nil,
                note: nil,
                by: "ana"
            )
        }
    }

    /// Recusals from conflicts: one per interest and item, in advance when declared before the meeting's day.
    @Test(
        "Recusals a conflict makes",
        arguments: [
            // (declared on, already a recusal for the interest, expected: nil none, else in advance)
            (CalendarDate(year: 2027, month: 1, day: 19)!, false, true as Bool?),
            (CalendarDate(year: 2027, month: 1, day: 20)!, false, false),
            (CalendarDate(year: 2027, month: 1, day: 21)!, false, false),
            (CalendarDate(year: 2026, month: 6, day: 1)!, true, nil),
        ]
    )
    func recusals(declaredOn: CalendarDate, existing: Bool, inAdvance: Bool?) {
        let item = MeetingItem(id: 4, meetingId: 3, number: 2, title: "Grants", organisations: ["WBF"], decision: true)
        let conflict = Conflict(
            declarant: "ivan",
            interestId: 7,
            kind: "funding",
            organisation: "Western Balkan Fund",
            asked: "WBF",
            sensitive: true,
            match: .alias
        )
        let made = MeetingRules.recusals(
            for: [conflict],
            item: item,
            meeting: Self.meeting(.published),
            existing: existing ? [Self.recusal()] : [],
            declaredOn: { _ in declaredOn }
        )
        #expect(made.map(\.declaredInAdvance) == (inAdvance.map { [$0] } ?? []))
        if let recusal = made.first {
            #expect(recusal.match == .alias && recusal.asked == "WBF" && recusal.sensitive && recusal.itemId == 4)
        }
    }

    @Test("A reader who may not see the interest reads the recusal withheld, never without it")
    func viewed() {
        var secret = Self.recusal(id: 2, interest: 9)
        secret.declarant = "marko"
        secret.sensitive = true
        let record = MeetingRecord(meeting: Self.meeting(.published), items: [], recusals: [Self.recusal(), secret])
        let board = record.viewed(by: .boardMember("ivan", seesRegister: true)).recusals
        #expect(board[0] == Self.recusal())
        #expect(board[1].kind == "withheld" && board[1].interestId == 0 && board[1].organisation == secret.asked)
        #expect(record.viewed(by: .boardMember("marko", seesRegister: false)).recusals[1] == secret)
        #expect(record.viewed(by: .registerKeeper).recusals == record.recusals)
    }
}
