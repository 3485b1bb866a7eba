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
            isReal(year: year, month: month, day: day)
        else {
            let guesses = meanings(of: text)
            let hint = guesses.isEmpty ? "" : "; did you mean \(guesses.joined(separator: " or "))?"
            throw ValidationError("must be a real date written YYYY-MM-DD\(hint)")
        }
        return text
    }

    /// The real dates `text` may mean when written another way (`31/12/2026`, `31.12.2026`, `2026/12/31`,
    /// `2026-1-5`), as `YYYY-MM-DD`: both readings of a day and month that could be either (`01/02/2026`), day first
    /// when written with dots (`1.2.2027`).
    static func meanings(of text: String) -> [String] {
        let numbers = text.split(omittingEmptySubsequences: false, whereSeparator: { "/.-".contains($0) })
        guard numbers.count == 3,
            numbers.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { $0.isASCIIDigit } })
        else { return [] }
        let values = numbers.compactMap { Int($0) }
        guard values.count == 3 else { return [] }
        let readings: [(year: Int, month: Int, day: Int)] =
            if numbers[0].count == 4 {
                [(values[0], values[1], values[2])]
            } else if numbers[2].count == 4, text.contains(".") {
                // Day first, as every locale that writes dates with dots does.
                [(values[2], values[1], values[0])]
            } else if numbers[2].count == 4 {
                [(values[2], values[1], values[0]), (values[2], values[0], values[1])]
            } else {
                []
            }
        var dates: [String] = []
        for reading in readings where isReal(year: reading.year, month: reading.month, day: reading.day) {
            let date = written(year: reading.year, month: reading.month, day: reading.day)
            if date != text, !dates.contains(date) { dates.append(date) }
        }
        return dates
    }

    private static func isReal(year: Int, month: Int, day: Int) -> Bool {
        (1...9999).contains(year) && (1...12).contains(month) && (1...daysIn(month: month, year: year)).contains(day)
    }

    private static func written(year: Int, month: Int, day: Int) -> String {
        func padded(_ value: Int, _ width: Int) -> String {
            String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
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
