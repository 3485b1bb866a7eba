import RiskCore
import Testing

@Suite("When a declaration is late")
struct LatenessTests {
    static func day(_ text: String) -> CalendarDate {
        CalendarDate(text) ?? CalendarDate(daysSinceEpoch: 0)
    }

    @Test(
        "Late counts from the latest of the start, the joining and the opening of the register, plus 28 days",
        arguments: [
            // started,     joined,       opened,       declared,     late
            ("2023-05-01", nil, nil, "2026-11-29", true),  // no opening or joining known
            ("2023-05-01", nil, "2026-11-20", "2026-11-29", false),  // entered as the register opens
            ("2023-05-01", nil, "2026-10-01", "2026-11-29", true),  // 59 days after the opening
            ("2023-05-01", "2026-11-15", "2026-01-01", "2026-11-29", false),  // joined the board two weeks ago
            ("2023-05-01", "2026-10-01", "2026-01-01", "2026-11-29", true),  // joined two months ago
            ("2026-11-10", "2025-01-01", "2025-01-01", "2026-11-29", false),  // a new interest, 19 days old
            ("2026-10-01", "2025-01-01", "2025-01-01", "2026-11-29", true),  // a new interest, 59 days old
            ("2026-10-31", nil, "2026-10-31", "2026-11-28", false),  // exactly 28 days: not late
            ("2026-10-31", nil, "2026-10-31", "2026-11-29", true),
        ] as [(String, String?, String?, String, Bool)]
    )
    func lateness(started: String, joined: String?, opened: String?, declared: String, late: Bool) {
        let policy = InterestPolicy(registerOpenedOn: opened.map(Self.day))
        #expect(
            policy.isLate(
                startedOn: Self.day(started),
                declaredOn: Self.day(declared),
                joinedOn: joined.map(Self.day)
            ) == late
        )
    }
}
