/// A board member who has not confirmed their declarations in time, or at all, on a day: the one rule the board
/// pack and the public register both state, so that the two documents agree on who has not.
public struct ConfirmationStanding: Sendable, Hashable {
    /// The member's login.
    public var user: String
    /// The day their confirmation was or is due; nil for a holder of the board role riskd has not seen yet, from
    /// whom nothing is due until they use riskd.
    public var due: CalendarDate?
    /// Whether `due` is before the day asked about.
    public var overdue: Bool
    /// Whether the member never confirmed.
    public var never: Bool

    /// A standing from its fields.
    public init(user: String, due: CalendarDate?, overdue: Bool, never: Bool) {
        self.user = user
        self.due = due
        self.overdue = overdue
        self.never = never
    }

    /// The board members of `members` who on `day` never confirmed or are past their deadline to confirm again, in
    /// the order of `members`, then the board role holders riskd has not seen (`unseen`, those not among
    /// `members`) in theirs.
    ///
    /// A member who never confirmed is named even before their first deadline: "has confirmed" would not be true
    /// of them.
    public static func missing(
        _ members: [MemberFacts],
        unseen: [String],
        policy: ReviewPolicy,
        day: CalendarDate
    ) -> [ConfirmationStanding] {
        let board = members.filter(\.onBoard)
        let seen = Set(board.map(\.user))
        let late = board.compactMap { member -> ConfirmationStanding? in
            let due = ReviewRules.confirmationDue(member, policy: policy)
            let never = member.lastConfirmedOn == nil
            guard due < day || never else { return nil }
            return ConfirmationStanding(user: member.user, due: due, overdue: due < day, never: never)
        }
        return late
            + unseen.filter { !seen.contains($0) }.map {
                ConfirmationStanding(user: $0, due: nil, overdue: false, never: true)
            }
    }
}
