import RiskCore
import Testing

/// The mistakes a meeting must not let count (issue 21): closing before the meeting's day, publishing an empty
/// agenda, cancelling without a reason; one provenance per interest across the items it touches; and words for
/// people where the protocol has identifiers.
@Suite("Meeting mistakes")
struct MeetingMistakeTests {
    static let day = CalendarDate(year: 2027, month: 3, day: 5)!
    static let now = Instant(rfc3339: "2027-02-01T09:00:00Z")!
    static let meeting = Meeting(
        id: 3,
        revision: 2,
        title: "Board meeting",
        date: day,
        status: .published,
        createdBy: "ana"
    )

    /// (today, refused): the meeting of 2027-03-05 closes from that day on, never before.
    @Test(
        "Close is refused before the meeting's day",
        arguments: [
            (CalendarDate(year: 2027, month: 2, day: 1)!, true), (CalendarDate(year: 2027, month: 3, day: 4)!, true),
            (CalendarDate(year: 2027, month: 3, day: 5)!, false), (CalendarDate(year: 2027, month: 6, day: 1)!, false),
        ]
    )
    func closeFromTheDay(today: CalendarDate, refused: Bool) {
        let record = MeetingRecord(meeting: Self.meeting, items: [], recusals: [])
        do throws(DomainError) {
            let closed = try MeetingRules.close(record, today: today, now: Self.now)
            #expect(!refused && closed.status == .closed)
        } catch {
            #expect(refused)
            #expect(error.field == "id")
            #expect(error.reason.hasPrefix("the meeting is on 2027-03-05; it can be closed from that day"))
        }
    }

    @Test("Publishing an agenda without items is refused; one item is enough", arguments: [(0, true), (1, false)])
    func publishNeedsItems(count: Int, refused: Bool) {
        var draft = Self.meeting
        draft.status = .draft
        do throws(DomainError) {
            _ = try MeetingRules.publish(draft, itemCount: count, now: Self.now)
            #expect(!refused)
        } catch {
            #expect(refused && error.field == "id" && error.reason.contains("has no items"))
        }
    }

    @Test("A cancellation needs a reason", arguments: ["", "   ", String(repeating: "x", count: 201)])
    func cancelNeedsReason(reason: String) {
        #expect(throws: DomainError.self) { try MeetingRules.cancel(Self.meeting, reason: reason, now: Self.now) }
        do throws(DomainError) {
            _ = try MeetingRules.cancel(Self.meeting, reason: reason, now: Self.now)
        } catch {
            #expect(error.field == "reason")
        }
    }

    static func recusal(interest: Int, match: Recusal.Match) -> Recusal {
        Recusal(
            id: 1,
            meetingId: 3,
            itemId: 5,
            declarant: "ivan",
            interestId: interest,
            kind: "funding",
            organisation: "Western Balkan Fund",
            asked: "Western Balkan Fund",
            sensitive: false,
            match: match,
            declaredInAdvance: false
        )
    }

    /// (declared on, the meeting's recusals so far, in advance): the interest declared at this meeting is declared
    /// at the meeting under every item, even when recorded weeks before its day.
    @Test(
        "One interest, one provenance at a meeting",
        arguments: [
            (CalendarDate(year: 2027, month: 2, day: 1)!, [] as [Recusal], true),
            (CalendarDate(year: 2027, month: 3, day: 5)!, [], false),
            (CalendarDate(year: 2027, month: 2, day: 1)!, [recusal(interest: 7, match: .declaredAtMeeting)], false),
            (CalendarDate(year: 2027, month: 2, day: 1)!, [recusal(interest: 8, match: .declaredAtMeeting)], true),
            (CalendarDate(year: 2027, month: 2, day: 1)!, [recusal(interest: 7, match: .exact)], true),
        ]
    )
    func provenance(declaredOn: CalendarDate, existing: [Recusal], inAdvance: Bool) {
        #expect(
            MeetingRules.declaredInAdvance(
                interestId: 7,
                declaredOn: declaredOn,
                meeting: Self.meeting,
                existing: existing
            )
                == inAdvance
        )
        let item = MeetingItem(id: 4, meetingId: 3, number: 4, title: "Grants", organisations: ["WBF"], decision: true)
        let conflict = Conflict(
            declarant: "ivan",
            interestId: 7,
            kind: "funding",
            organisation: "Western Balkan Fund",
            asked: "WBF",
            sensitive: false,
            match: .exact
        )
        let made = MeetingRules.recusals(
            for: [conflict],
            item: item,
            meeting: Self.meeting,
            existing: existing,
            declaredOn: { _ in declaredOn }
        )
        #expect(made.map(\.declaredInAdvance) == [inAdvance])
    }

    @Test(
        "Dates as people write them",
        arguments: [
            ("2027-03-05", "5 March 2027"), ("2026-12-31", "31 December 2026"), ("2028-02-29", "29 February 2028"),
            ("2027-01-01", "1 January 2027"),
        ]
    )
    func written(iso: String, expected: String) {
        #expect(CalendarDate(iso)?.written == expected)
    }

    @Test("No protocol identifier reads as words")
    func words() {
        let phrases = Recusal.Action.allCases.map(\.words) + Recusal.Match.allCases.map(\.words)
        #expect(phrases.allSatisfy { !$0.contains("_") && !$0.isEmpty })
        #expect(Recusal.Action.leftRoom.words == "left the room")
        #expect(Recusal.Action.notAConflict.words == "not a conflict")
        #expect(Recusal.Match.declaredAtMeeting.words == "declared at the meeting")
    }
}
