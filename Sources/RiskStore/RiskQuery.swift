import RiskCore

/// The filters of `risk.List`, already validated.
public struct RiskQuery: Sendable, Hashable {
    /// Statuses to include; `nil` means every status but `closed`.
    public var statuses: [RiskStatus]?
    public var category: String?
    public var owner: String?
    /// Lowest current score to include.
    public var minScore: Int?
    /// `true`: only risks whose review date is before `today`; `false`: only the others.
    public var overdue: Bool?
    /// The daemon's local date, for `overdue`.
    public var today: CalendarDate
    public var limit: Int
    /// Only ids greater than this.
    public var after: Int?

    public init(
        statuses: [RiskStatus]? = nil,
        category: String? = nil,
        owner: String? = nil,
        minScore: Int? = nil,
        overdue: Bool? = nil,
        today: CalendarDate,
        limit: Int = 100,
        after: Int? = nil
    ) {
        self.statuses = statuses
        self.category = category
        self.owner = owner
        self.minScore = minScore
        self.overdue = overdue
        self.today = today
        self.limit = limit
        self.after = after
    }
}

/// One non-empty cell of the risk matrix.
public struct MatrixCell: Sendable, Hashable {
    public var likelihood: Int
    public var impact: Int
    public var count: Int
}
