/// How the documents riskctl renders for people (the register page, a member's export) write what the protocol
/// writes as identifiers: "6 December 2026", "Ana, Ivan and Marko", "a governing role".
///
/// riskctl's copy of `RiskCore.PeopleWords` (riskctl does not link RiskCore, which brings Foundation with it);
/// `DocumentWordsTests` holds the two to the same output, so riskd's documents and riskctl's say a thing alike.
/// Text that is not what it should be (a date riskd did not write) is returned as it came.
enum DocumentWords {
    private static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// `2026-12-06` (or the day of `2026-12-06T03:55:34Z`) as "6 December 2026".
    static func day(_ text: String) -> String {
        let date = CalendarDay.datePart(of: text)
        let parts = date.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { return text }
        return "\(day) \(months[month - 1]) \(year)"
    }

    /// `2026-12-06T03:55:34Z` as "6 December 2026 at 03:55 UTC"; a date alone as `day` writes it.
    static func time(_ text: String) -> String {
        guard let seconds = RFC3339.seconds(text) else { return day(text) }
        let utc = RFC3339.utc(seconds)
        let clock = utc.split(separator: "T").last.map { String($0.prefix(5)) } ?? ""
        return "\(day(utc)) at \(clock) UTC"
    }

    /// "Ana", "Ana and Marko", "Ana, Ivan and Marko".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
    }

    /// "1 board member", "3 board members".
    static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(number) \(number == 1 ? singular : plural ?? singular + "s")"
    }

    /// An interest kind as the protocol names it, in words ("governance" → "governing role"); "withheld" stays.
    static func kind(_ name: String) -> String {
        switch name {
        case "financial": "financial interest"
        case "employment": "employment"
        case "governance": "governing role"
        case "funding": "funding"
        case "family": "family tie"
        case "gift": "gift"
        case "other": "other interest"
        default: name.replacing("_", with: " ")
        }
    }

    /// Any other protocol name in words: `left_room` → "left the room", `not_upheld` → "not upheld".
    static func name(_ identifier: String) -> String {
        switch identifier {
        case "left_room": "left the room"
        case "declared_at_meeting": "declared at the meeting"
        case "undeclared_interest": "undeclared interest"
        case "breach_of_code": "breach of the code"
        default: identifier.replacing("_", with: " ")
        }
    }
}
