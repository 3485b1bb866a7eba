import Foundation
import Testing

@testable import RiskCore

/// The minutes' "Declarations of interest" against a golden file per case, in Tests/RiskCoreTests/Minutes/. To
/// accept a deliberate change of wording, run with RISKD_UPDATE_GOLDEN=1 and read the diff before committing.
@Suite("Minutes")
struct MinutesTests {
    static let meeting = Meeting(
        id: 3,
        revision: 5,
        title: "Board meeting",
        date: CalendarDate(year: 2027, month: 1, day: 20)!,
        status: .closed,
        createdBy: "ana"
    )
    static let items = [
        MeetingItem(
            id: 10,
            meetingId: 3,
            number: 1,
            title: "Minutes of the last meeting",
            organisations: [],
            decision: false
        ),
        MeetingItem(
            id: 11,
            meetingId: 3,
            number: 2,
            title: "Call WBF-2027 partners",
            organisations: ["Western Balkan Fund", "Udruženje Prevent"],
            decision: true,
            checkId: 4
        ),
        MeetingItem(
            id: 12,
            meetingId: 3,
            number: 3,
            title: "Budget 2027",
            organisations: ["Open Society"],
            decision: true
        ),
    ]

    static func recusal(
        _ declarant: String,
        sensitive: Bool = false,
        match: Recusal.Match = .exact,
        inAdvance: Bool = true,
        action: Recusal.Action? = .leftRoom,
        quorate: Bool? = true,
        note: String? = nil
    ) -> Recusal {
        Recusal(
            id: 1,
            meetingId: 3,
            itemId: 11,
            declarant: declarant,
            interestId: 7,
            kind: "funding",
            organisation: "Western Balkan Fund",
            asked: "Western Balkan Fund",
            sensitive: sensitive,
            match: match,
            declaredInAdvance: inAdvance,
            action: action,
            quorate: quorate,
            note: note
        )
    }

    static let cases: [(String, [Recusal])] = [
        ("in-advance", [recusal("ivan", note: "Decided by the five remaining members.")]),
        ("sensitive", [recusal("marko", sensitive: true, action: .stayedNoVote)]),
        (
            "at-the-meeting",
            [recusal("ana", match: .declaredAtMeeting, inAdvance: false, action: .absent, quorate: nil)]
        ),
        ("not-quorate", [recusal("ivan"), recusal("sara_*", action: .stayedTookPart, quorate: false)]),
        ("unrecorded", [recusal("ivan", action: nil, quorate: nil)]),
    ]

    @Test("Each case reads as its golden file", arguments: cases.map(\.0))
    func golden(name: String) throws {
        let recusals = Self.cases.first { $0.0 == name }!.1
        let text = Minutes.markdown(MeetingRecord(meeting: Self.meeting, items: Self.items, recusals: recusals))
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Minutes/\(name).md")
        if ProcessInfo.processInfo.environment["RISKD_UPDATE_GOLDEN"] == "1" {
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        #expect(text == (try String(contentsOf: file, encoding: .utf8)))
    }

    @Test("A sensitive interest never shows its kind or organisation, whoever reads")
    func sensitive() {
        let text = Minutes.entry(Self.recusal("marko", sensitive: true))
        #expect(text.contains("a private interest"))
        #expect(!text.contains("funding") && !text.contains("Western Balkan Fund"))
    }

    @Test("The lead says the day as people write it, and why a cancelled meeting did not meet")
    func lead() {
        var meeting = Self.meeting
        #expect(
            Minutes.document(MeetingRecord(meeting: meeting, items: [], recusals: [])).lead
                == "Board meeting, 20 January 2027 (M-3), closed."
        )
        meeting.status = .cancelled
        meeting.cancelReason = "Postponed to April"
        let text = Minutes.markdown(MeetingRecord(meeting: meeting, items: [], recusals: []))
        #expect(text.contains("Board meeting, 20 January 2027 (M-3), cancelled: Postponed to April."))
        #expect(!text.contains("2027-01-20"))
    }

    @Test(
        "Text from the register cannot add Markdown",
        arguments: [("a*b", "a\\*b"), ("[x](y)", "\\[x\\](y)"), ("l1\nl2", "l1 l2")]
    )
    func escaping(text: String, expected: String) {
        #expect(Minutes.escaped(text) == expected)
    }
}
