import ArgumentParser

/// Calendar dates as the protocol writes them, `YYYY-MM-DD`.
enum CalendarDay {
    /// Checks that `text` is a real date written `YYYY-MM-DD` and returns it unchanged.
    ///
    /// - Throws: `ValidationError` whose message is the reason, without the text, which the caller shows.
    static func parse(_ text: String) throws -> String {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else {
            throw ValidationError("must be a real date written YYYY-MM-DD")
        }
        return text
    }

    /// Today's date in the local time zone, as riskd compares review dates with it.
    static func today() -> String {
        RFC3339.localDay(RFC3339.now())
    }

    /// The date part of an RFC 3339 time, `2026-11-29T06:00:00Z` → `2026-11-29`; other text unchanged.
    static func datePart(of time: String) -> String {
        guard let separator = time.firstIndex(where: { $0 == "T" || $0 == " " }) else { return time }
        return String(time[..<separator])
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        RFC3339.daysIn(month: month, year: year)
    }
}
