/// The register of interests as an organisation publishes it: every interest in force, and those ended within the
/// retention, each sensitive one withheld for every reader (its declarant only), how many are on the board, and the
/// board members who have not confirmed their declarations in time or at all.
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
    /// The board members whose confirmation is overdue on the register's day, by login.
    public var notConfirmed: [String]
    /// The board members who never confirmed or are past their deadline to confirm again
    /// (`ConfirmationStanding.missing`, the rule the board pack states too).
    public var unconfirmed: [ConfirmationStanding]
    /// How many hold the board role: the members on the board and the holders riskd has not seen yet.
    public var boardSize: Int
    /// The board members who confirmed their declarations at least once, by login.
    public var confirmed: [String]
    /// Those of `confirmed` whose latest confirmation is signed with their own SSH key, by login.
    public var signed: [String]

    /// The register of `interests` (already limited to the register's day and retention) and `members` on `day`.
    ///
    /// Withholding here does not depend on the reader: the page is meant to be published.
    ///
    /// - Parameter unseenBoard: holders of the board role now whom riskd has not seen yet (given only when the
    ///   register is of today or later: riskd does not know who held the role on an earlier day).
    public init(
        interests: [Interest],
        members: [MemberFacts],
        unseenBoard: [String] = [],
        policy: ReviewPolicy,
        day: CalendarDate
    ) {
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
        unconfirmed = ConfirmationStanding.missing(members, unseen: unseenBoard, policy: policy, day: day)
        notConfirmed = unconfirmed.filter(\.overdue).map(\.user).sorted()
        boardSize = Set(members.filter(\.onBoard).map(\.user)).union(unseenBoard).count
        let confirmedMembers = members.filter { $0.onBoard && $0.lastConfirmedOn != nil }
        confirmed = confirmedMembers.map(\.user).sorted()
        signed = confirmedMembers.filter(\.lastConfirmationSigned).map(\.user).sorted()
    }
}
