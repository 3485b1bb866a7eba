/// The register of interests as an organisation publishes it: every interest in force, and those ended within the
/// retention, each sensitive one withheld for every reader (its declarant only), and the board members whose
/// confirmation is overdue.
public struct PublicRegister: Sendable, Hashable {
    /// One published entry.
    public struct Entry: Sendable, Hashable {
        public var declarant: String
        /// The interest's kind, or `Conflict.withheldKind`.
        public var kind: String
        /// Empty when withheld.
        public var organisation: String
        /// Empty when withheld or erased.
        public var description: String
        public var startedOn: CalendarDate
        public var endedOn: CalendarDate?
    }

    public var entries: [Entry]
    /// The board members whose confirmation is overdue on the register's day, by name.
    public var notConfirmed: [String]

    /// The register of `interests` (already limited to the register's day and retention) and `members` on `day`.
    ///
    /// Withholding here does not depend on the reader: the page is meant to be published.
    public init(interests: [Interest], members: [MemberFacts], policy: ReviewPolicy, day: CalendarDate) {
        entries = interests.map { interest in
            Entry(
                declarant: interest.declarant,
                kind: interest.sensitive ? Conflict.withheldKind : interest.kind.rawValue,
                organisation: interest.sensitive ? "" : interest.organisation,
                description: interest.sensitive ? "" : interest.description,
                startedOn: interest.startedOn,
                endedOn: interest.endedOn
            )
        }
        notConfirmed = members.filter { ReviewRules.confirmationOverdue($0, policy: policy, today: day) != nil }
            .map(\.user).sorted()
    }
}
