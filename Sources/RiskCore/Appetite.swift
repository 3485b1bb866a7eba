/// The highest score the board will tolerate for the risks of one category.
///
/// Appetites are the board's decisions, kept in the database (each change audited), not in the configuration.
public struct Appetite: Sendable, Hashable {
    public var category: String
    /// 1…25; a risk whose current score is above it is above appetite.
    public var maxScore: Int
    public var setBy: String
    public var setAt: Instant

    public init(category: String, maxScore: Int, setBy: String, setAt: Instant) {
        self.category = category
        self.maxScore = maxScore
        self.setBy = setBy
        self.setAt = setAt
    }
}

/// The rules of risk appetite.
public enum AppetiteRules {
    /// Checks a change of appetite: `category` one of `categories`, `maxScore` 1…25 or `nil` (remove).
    public static func validate(category: String, maxScore: Int?, categories: [String]) throws(DomainError) {
        guard categories.contains(category) else {
            throw .invalidValue("category", "must be one of \(categories.joined(separator: ", ")), not \"\(category)\"")
        }
        if let maxScore, !(1...25).contains(maxScore) {
            throw .invalidValue("maxScore", "must be a score from 1 to 25, not \(maxScore)")
        }
    }

    /// Whether `risk`'s current score is above the appetite of its category (`false` when none is set).
    public static func isAbove(_ risk: Risk, appetites: [String: Int]) -> Bool {
        guard let maxScore = appetites[risk.category] else { return false }
        return risk.score > maxScore
    }
}
