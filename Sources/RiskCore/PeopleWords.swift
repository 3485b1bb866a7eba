/// How documents for people (the board pack, the register page, the minutes, mails) write what the protocol
/// writes as identifiers: dates as people write them, lists in sentences, rules and kinds in words.
///
/// JSON replies keep ISO dates and protocol names; only documents use these. English only, as the documents are.
public enum PeopleWords {
    /// "6 December 2026" (`CalendarDate.written`).
    public static func day(_ date: CalendarDate) -> String { date.written }

    /// "6 December 2026 at 03:55 UTC": minutes are enough for a person; the document's footer keeps the exact time.
    public static func time(_ instant: Instant) -> String {
        let seconds = Int(((instant.secondsSinceEpoch % 86_400) + 86_400) % 86_400)
        let clock = format2(seconds / 3600) + ":" + format2(seconds % 3600 / 60)
        return "\(day(instant.utcDate)) at \(clock) UTC"
    }

    private static func format2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// "Ana", "Ana and Marko", "Ana, Ivan and Marko".
    public static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
    }

    /// "1 board member", "3 board members".
    public static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(number) \(number == 1 ? singular : plural ?? singular + "s")"
    }
}

extension ReviewRule {
    /// What the rule finds, as a heading for people: "Risk reviews overdue".
    public var title: String {
        switch self {
        case .riskReviewOverdue: "Risk reviews overdue"
        case .riskUntreated: "High risks with no open action"
        case .riskAcceptanceExpired: "Risk acceptances lapsed"
        case .actionOverdue: "Actions overdue"
        case .interestConfirmationOverdue: "Declarations not confirmed in time"
        case .interestUnmanaged: "Declared interests with no management plan"
        case .ethicsUnacknowledged: "Code of ethics not acknowledged in time"
        case .riskAboveAppetite: "Risks above the board's appetite"
        case .interestGiftOverLimit: "Gifts over the limit"
        case .meetingRecusalUnrecorded: "Meetings with a recusal not recorded"
        case .concernOpen: "Concerns open for more than 30 days"
        case .interestOrganisationUnlisted: "Declarations naming no organisation of the registry"
        case .mailBounced: "Mails returned as undeliverable"
        case .mailUnaddressed: "Notices with no address to go to"
        }
    }
}

extension InterestKind {
    /// The kind in words: "a governing role", as in "Ana: a governing role in …".
    public var words: String {
        switch self {
        case .financial: "financial interest"
        case .employment: "employment"
        case .governance: "governing role"
        case .funding: "funding"
        case .family: "family tie"
        case .gift: "gift"
        case .other: "other interest"
        }
    }
}
