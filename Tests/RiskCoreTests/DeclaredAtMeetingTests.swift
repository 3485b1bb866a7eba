import RiskCore
import Testing

/// The recusal of an interest declared at the meeting (`MeetingRules.recusal(declaredAt:)`): always matched
/// `declared_at_meeting`, never declared in advance, and showing as its asked name the item's name a check finds
/// the interest by, or none.
@Suite("A declaration at the meeting")
struct DeclaredAtMeetingTests {
    static let now = Instant(rfc3339: "2027-01-20T09:00:00Z")!
    static let today = CalendarDate(year: 2027, month: 1, day: 20)!

    static func interest(_ organisation: String) throws -> Interest {
        var interest = try InterestRules.declare(
            InterestDraft(kind: "funding", organisation: organisation, description: "Grant", startedOn: "2027-01-20"),
            declarant: "ivan",
            declarantUID: 1003,
            now: now,
            today: today,
            policy: InterestPolicy()
        )
        interest.id = 7
        return interest
    }

    @Test(
        "The asked name is the item's name that finds the interest, through the registry or not at all",
        arguments: [
            (["Western Balkan Fund"], "Western Balkan Fund", "Western Balkan Fund"),
            (["WBF", "Trimbos"], "Western Balkan Fund", "WBF"),
            (["Trimbos"], "Western Balkan Fund", ""),
        ]
    )
    func asked(itemNames: [String], declared: String, asked: String) throws {
        let registry = [
            try OrganisationRules.create(
                OrganisationDraft(name: "Western Balkan Fund", aliases: ["WBF"], kind: "funder"),
                now: Self.now
            )
        ]
        let meeting = Meeting(
            id: 3,
            revision: 2,
            title: "Board",
            date: Self.today,
            status: .published,
            createdBy: "ana"
        )
        let item = MeetingItem(
            id: 4,
            meetingId: 3,
            number: 1,
            title: "Grants",
            organisations: itemNames,
            decision: true
        )
        let recusal = MeetingRules.recusal(
            declaredAt: meeting,
            item: item,
            interest: try Self.interest(declared),
            registry: registry,
            today: Self.today
        )
        #expect(recusal.asked == asked)
        #expect(recusal.match == .declaredAtMeeting && !recusal.declaredInAdvance)
        #expect(recusal.meetingId == 3 && recusal.itemId == 4 && recusal.interestId == 7)
        #expect(recusal.declarant == "ivan" && recusal.organisation == declared && recusal.kind == "funding")
    }

    @Test("A checked item's matter names the meeting, the item and its title") func matter() {
        let meeting = Meeting(id: 3, revision: 1, title: "Board", date: Self.today, status: .draft, createdBy: "ana")
        let item = MeetingItem(id: 4, meetingId: 3, number: 2, title: "Grants", organisations: [], decision: true)
        #expect(MeetingRules.matter(of: item, in: meeting) == "M-3 item 2: Grants")
    }
}
