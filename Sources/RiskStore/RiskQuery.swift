import GRDB
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
    /// `true`: only risks whose current score is above their category's appetite in `appetites`; `false`: only the
    /// others.
    public var aboveAppetite: Bool?
    /// The appetites, category → highest score tolerated, for `aboveAppetite`.
    public var appetites: [String: Int]
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
        aboveAppetite: Bool? = nil,
        appetites: [String: Int] = [:],
        limit: Int = 100,
        after: Int? = nil
    ) {
        self.statuses = statuses
        self.category = category
        self.owner = owner
        self.minScore = minScore
        self.overdue = overdue
        self.today = today
        self.aboveAppetite = aboveAppetite
        self.appetites = appetites
        self.limit = limit
        self.after = after
    }
}

extension RiskQuery {
    /// The SQL conditions of the filters (on the columns of `risk`, which `risk_version` shares), without the
    /// paging condition, with their arguments.
    func clauses() -> (clauses: [String], arguments: StatementArguments) {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let statuses {
            clauses.append("status IN (\(statuses.map { _ in "?" }.joined(separator: ",")))")
            arguments += StatementArguments(statuses.map(\.rawValue))
        } else {
            clauses.append("status <> ?")
            arguments += [RiskStatus.closed.rawValue]
        }
        if let category {
            clauses.append("category = ?")
            arguments += [category]
        }
        if let owner {
            clauses.append("owner = ?")
            arguments += [owner]
        }
        if let minScore {
            clauses.append("score >= ?")
            arguments += [minScore]
        }
        if let overdue {
            clauses.append(
                overdue
                    ? "(status <> ? AND next_review_due < ?)"
                    : "NOT (status <> ? AND next_review_due < ?)"
            )
            arguments += [RiskStatus.closed.rawValue, today.description]
        }
        if let aboveAppetite {
            let above = appetites.sorted { $0.key < $1.key }
            let condition =
                above.isEmpty ? "0" : above.map { _ in "(category = ? AND score > ?)" }.joined(separator: " OR ")
            clauses.append(aboveAppetite ? "(\(condition))" : "NOT (\(condition))")
            for (category, maxScore) in above { arguments += [category, maxScore] }
        }
        return (clauses, arguments)
    }
}

/// One non-empty cell of the risk matrix.
public struct MatrixCell: Sendable, Hashable {
    public var likelihood: Int
    public var impact: Int
    public var count: Int

    /// The columns `l` and `i` a matrix counts by: inherent ratings, or current ones (residual when both are set).
    static func ratingColumns(inherent: Bool) -> String {
        inherent
            ? "likelihood AS l, impact AS i"
            : """
            CASE WHEN residual_likelihood IS NOT NULL AND residual_impact IS NOT NULL
                 THEN residual_likelihood ELSE likelihood END AS l,
            CASE WHEN residual_likelihood IS NOT NULL AND residual_impact IS NOT NULL
                 THEN residual_impact ELSE impact END AS i
            """
    }
}
