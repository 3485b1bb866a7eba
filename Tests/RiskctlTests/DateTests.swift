import Testing

@testable import riskctl

@Suite("Dates and times as riskctl reads and writes them")
struct DateTests {
    /// Texts and the real dates `CalendarDay.meanings` suggests for them.
    static let meanings: [(String, [String])] = [
        ("31/12/2026", ["2026-12-31"]),
        ("01/02/2026", ["2026-02-01", "2026-01-02"]),
        ("1.2.2027", ["2027-02-01"]),
        ("2026/12/31", ["2026-12-31"]),
        ("2026-1-5", ["2026-01-05"]),
        ("30/02/2026", []),
        ("2026-12-31", []),
        ("tomorrow", []),
        ("12/31/26", []),
    ]

    @Test("Other ways of writing a date get suggestions", arguments: meanings.indices)
    func suggestions(index: Int) {
        let (text, expected) = Self.meanings[index]
        #expect(CalendarDay.meanings(of: text) == expected, "\(text)")
    }

    @Test("Only real dates written YYYY-MM-DD are accepted")
    func parse() throws {
        for good in ["2026-12-31", "2028-02-29", "0001-01-01"] {
            #expect(try CalendarDay.parse(good) == good)
        }
        for bad in ["2026-02-29", "2026-13-01", "2026-1-5", "26-12-31", "2026-12-31T00:00:00Z", "", "2026-12-3x"] {
            #expect(throws: (any Error).self, "\(bad)") { try CalendarDay.parse(bad) }
        }
    }

    /// RFC 3339 times and their seconds since the epoch; nil where the text is not one.
    static let times: [(String, Int?)] = [
        ("1970-01-01T00:00:00Z", 0),
        ("2026-12-06T20:08:11Z", 1_796_587_691),
        ("2026-12-06t20:08:11z", 1_796_587_691),
        ("2026-12-06T20:08:11.999Z", 1_796_587_691),
        ("2026-12-06T22:08:11+02:00", 1_796_587_691),
        ("2026-12-06T18:38:11-01:30", 1_796_587_691),
        ("2028-02-29T12:00:00Z", 1_835_438_400),
        ("2026-02-29T12:00:00Z", nil),
        ("2026-12-06T24:00:00Z", nil),
        ("2026-12-06 20:08:11Z", nil),
        ("2026-12-06T20:08:11", nil),
        ("2026-12-06", nil),
    ]

    @Test("RFC 3339 times", arguments: times.indices)
    func seconds(index: Int) {
        let (text, expected) = Self.times[index]
        #expect(RFC3339.seconds(text) == expected, "\(text)")
    }

    @Test("Times written back in UTC read as the same second")
    func utc() {
        for seconds in [0, 1_796_587_691, 1_835_438_400, 253_402_300_799] {
            #expect(RFC3339.seconds(RFC3339.utc(seconds)) == seconds)
        }
        #expect(RFC3339.utc(1_796_587_691) == "2026-12-06T20:08:11Z")
        #expect(CalendarDay.datePart(of: "2026-11-29T06:00:00Z") == "2026-11-29")
        #expect(CalendarDay.datePart(of: "2026-11-29") == "2026-11-29")
    }
}
