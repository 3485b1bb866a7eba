import RiskCore
import Testing

@Suite("Dates and instants")
struct CalendarTests {
    @Test(
        "Valid dates round-trip",
        arguments: [
            "1970-01-01", "2000-02-29", "2026-11-29", "2027-02-27", "2024-12-31", "9999-12-31", "1900-03-01",
        ]
    )
    func roundTrip(text: String) throws {
        let date = try #require(CalendarDate(text))
        #expect(date.description == text)
        #expect(CalendarDate(daysSinceEpoch: date.daysSinceEpoch) == date)
    }

    @Test(
        "Invalid dates are refused",
        arguments: [
            "2026-13-01", "2026-02-29", "2026-1-01", "26-01-01", "2026/01/01", "", "2026-01-01T00:00:00Z", "２０２６-01-01",
            "2026-00-10", "2026-04-31", "2026-1a-29", "2026-11-2 ", "2026-11-290", " 2026-11-29", "2026--11-29",
        ]
    )
    func invalid(text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test(
        "Day arithmetic across months and leap years",
        arguments: [
            ("2026-11-29", 90, "2027-02-27"), ("2024-02-28", 1, "2024-02-29"), ("2023-02-28", 1, "2023-03-01"),
            ("2026-12-31", 1, "2027-01-01"), ("2026-11-29", 365, "2027-11-29"), ("2026-03-01", -1, "2026-02-28"),
        ]
    )
    func adding(start: String, days: Int, expected: String) {
        #expect(Fixture.date(start).adding(days: days).description == expected)
        #expect(Fixture.date(start).days(until: Fixture.date(expected)) == days)
    }

    @Test(
        "RFC 3339 instants",
        arguments: [
            ("2026-11-29T06:00:00Z", "2026-11-29T06:00:00Z"),
            ("2026-11-29T06:00:00.123Z", "2026-11-29T06:00:00Z"),
            ("2026-11-29T08:00:00+02:00", "2026-11-29T06:00:00Z"),
            ("2026-11-29T00:30:00-01:00", "2026-11-29T01:30:00Z"),
            ("1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"),
            ("2026-11-29 06:00:00z", "2026-11-29T06:00:00Z"),
            ("2026-11-29t06:00:60Z", "2026-11-29T06:01:00Z"),
        ]
    )
    func instants(text: String, canonical: String) throws {
        let instant = try #require(Instant(rfc3339: text))
        #expect(instant.description == canonical)
    }

    @Test(
        "Malformed instants are refused",
        arguments: [
            "2026-11-29", "2026-11-29T25:00:00Z", "2026-11-29T06:00:00", "2026-11-29T06:00:00+2", "x",
            "2026-11-29T06:00:00.Z", "2026-11-29T06:0a:00Z", "2026-11-29T06:00:00Zx", "2026-11-29X06:00:00Z",
            "2026-11-29T06:00:00+02:0x", "2026-02-30T06:00:00Z",
        ]
    )
    func malformedInstant(text: String) {
        #expect(Instant(rfc3339: text) == nil)
    }
}
