/// How serious a risk is, from its current score.
public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable {
    case low, medium, high, critical

    /// 0 for `low` up to 3 for `critical`.
    public var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        case .critical: 3
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs.rank < rhs.rank
    }
}

/// Where the severity bands start and how often each band is reviewed (`[risk]` in the configuration).
public struct ScoringPolicy: Sendable, Hashable {
    /// Lowest score that is `medium`; below it is `low`.
    public var mediumFrom: Int
    /// Lowest score that is `high`.
    public var highFrom: Int
    /// Lowest score that is `critical`.
    public var criticalFrom: Int
    /// Days between reviews, per band.
    public var reviewDays: [Severity: Int]

    public init(
        mediumFrom: Int = 5,
        highFrom: Int = 10,
        criticalFrom: Int = 20,
        reviewDays: [Severity: Int] = [.critical: 30, .high: 90, .medium: 180, .low: 365]
    ) {
        self.mediumFrom = mediumFrom
        self.highFrom = highFrom
        self.criticalFrom = criticalFrom
        self.reviewDays = reviewDays
    }

    /// The defaults (riskd.toml(5)): low < 5 ≤ medium < 10 ≤ high < 20 ≤ critical; 365/180/90/30 days.
    public static let standard = ScoringPolicy()

    /// The band of a score (1…25).
    public func severity(ofScore score: Int) -> Severity {
        if score >= criticalFrom { return .critical }
        if score >= highFrom { return .high }
        if score >= mediumFrom { return .medium }
        return .low
    }

    /// Days until the next review for a band; a band missing from the table falls back to a year.
    public func reviewInterval(for severity: Severity) -> Int {
        reviewDays[severity] ?? 365
    }

    /// Checks that the bands rise and every interval is positive; names the offending key.
    public func validate() throws(DomainError) {
        guard 1 < mediumFrom, mediumFrom < highFrom, highFrom < criticalFrom, criticalFrom <= 25 else {
            throw .invalidValue("risk.medium_from", "bands must rise: 1 < medium_from < high_from < critical_from ≤ 25")
        }
        for severity in Severity.allCases where reviewInterval(for: severity) < 1 {
            throw .invalidValue("risk.review_days_\(severity.rawValue)", "must be at least 1 day")
        }
    }
}
