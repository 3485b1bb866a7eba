/// One limit on what a caller without the admin role can make riskd store: a count of their records on file, or of
/// their writes in the last 24 hours. Each has its configuration key and default here, and nowhere else.
///
/// The counting is the store's (`RiskStore/BudgetCounts.swift`), from the rows' own timestamps inside the write
/// transaction: a restart does not reset a budget, and two calls at once cannot both take the last place. What a
/// budget cannot do: tell a burst from a steady use within the day, or bound the bytes of one record (the text
/// limits do that, `TextLimits`).
public enum Budget: String, Sendable, Hashable, CaseIterable {
    /// `concern.Raise`: the member's concerns still open.
    case openConcerns
    /// `concern.Raise`: concerns the member raised in the last 24 hours.
    case concernsPerDay
    /// `interest.Check`: conflict checks the member stored in the last 24 hours.
    case checksPerDay
    /// `interest.Update` and `interest.End`: changes the member made to interests in the last 24 hours.
    case interestChangesPerDay
    /// `interest.Confirm`: confirmations the member recorded in the last 24 hours.
    case confirmationsPerDay
    /// `member.SetContact`, `member.SetName`, `member.AddKey` and `member.RemoveKey`: changes the member made to their
    /// mail address, name or SSH keys in the last 24 hours.
    case contactChangesPerDay
    /// `risk.Review`: reviews the member recorded in the last 24 hours.
    case reviewsPerDay
    /// `risk.UpdateAction`: changes the member made to actions in the last 24 hours.
    case actionUpdatesPerDay

    /// The `[section]` of riskd.toml the key is in.
    public var section: String {
        switch self {
        case .openConcerns, .concernsPerDay: "concerns"
        case .checksPerDay, .interestChangesPerDay, .confirmationsPerDay: "interests"
        case .contactChangesPerDay: "mail"
        case .reviewsPerDay, .actionUpdatesPerDay: "risk"
        }
    }

    /// The key's name inside `section`.
    public var name: String {
        switch self {
        case .openConcerns: "max_open_per_member"
        case .concernsPerDay: "max_per_member_per_day"
        case .checksPerDay: "max_checks_per_member_per_day"
        case .interestChangesPerDay: "max_changes_per_member_per_day"
        case .confirmationsPerDay: "max_confirmations_per_member_per_day"
        case .contactChangesPerDay: "max_contact_changes_per_member_per_day"
        case .reviewsPerDay: "max_reviews_per_member_per_day"
        case .actionUpdatesPerDay: "max_action_updates_per_member_per_day"
        }
    }

    /// `section.name`, as a refusal and riskd.toml(5) spell it.
    public var key: String { "\(section).\(name)" }

    /// The limit when riskd.toml does not set one (config/riskd.toml shows each).
    public var defaultLimit: Int {
        switch self {
        case .openConcerns: 10
        case .concernsPerDay: 10
        case .checksPerDay: 50
        case .interestChangesPerDay: 100
        case .confirmationsPerDay: 10
        case .contactChangesPerDay: 10
        case .reviewsPerDay: 20
        case .actionUpdatesPerDay: 100
        }
    }

    /// The highest limit the configuration may set.
    public static let maximumLimit = 100_000

    /// Whether the budget counts the last 24 hours (otherwise the records on file).
    public var isRate: Bool { self != .openConcerns }

    /// The record field a refusal names: the caller, as the record being written calls them.
    public var field: String {
        switch self {
        case .openConcerns, .concernsPerDay: "raisedBy"
        case .checksPerDay: "by"
        case .interestChangesPerDay, .confirmationsPerDay: "declarant"
        case .contactChangesPerDay: "user"
        case .reviewsPerDay: "reviewer"
        case .actionUpdatesPerDay: "owner"
        }
    }

    /// What is counted, after a number: "open concerns", "conflict checks".
    var counted: String {
        switch self {
        case .openConcerns: "open concerns"
        case .concernsPerDay: "concerns raised"
        case .checksPerDay: "conflict checks stored"
        case .interestChangesPerDay: "changes to interests"
        case .confirmationsPerDay: "confirmations"
        case .contactChangesPerDay: "changes of a mail address, name or SSH key"
        case .reviewsPerDay: "reviews of risks"
        case .actionUpdatesPerDay: "changes to actions"
        }
    }
}

/// The limits in force, one per `Budget`: the configuration's, or each budget's default.
public struct MemberBudgets: Sendable, Hashable {
    private var limits = Dictionary(uniqueKeysWithValues: Budget.allCases.map { ($0, $0.defaultLimit) })

    /// Every budget at its default.
    public init() {}

    /// The limit of `budget`.
    public subscript(budget: Budget) -> Int {
        limits[budget] ?? budget.defaultLimit
    }

    /// Sets the limit of `budget`.
    public mutating func set(_ budget: Budget, to limit: Int) {
        limits[budget] = limit
    }

    /// Whether a caller with `roles` is held to the budgets: administrators are not (they keep the register, and
    /// an import or a correction by the secretariat must not stop half way); everyone else is.
    public static func apply(to roles: Set<Role>) -> Bool {
        !roles.contains(.admin)
    }
}

/// The rule of a budget as a pure function.
public enum BudgetRules {
    /// The length of a rate's window: the last 24 hours, not the calendar day, so no midnight doubles it.
    public static let windowSeconds: Int64 = 86_400

    /// The earliest instant a rate counts at `now`: records at or after it are counted.
    public static func windowStart(now: Instant) -> Instant {
        now.adding(seconds: -windowSeconds)
    }

    /// Checks that a member who has `used` of `budget` may write one more under `limits`; refuses, naming the
    /// budget's field, the count, the key and its value, when they have reached it.
    public static func admit(_ budget: Budget, used: Int, limits: MemberBudgets) throws(DomainError) {
        let limit = limits[budget]
        guard used >= limit else { return }
        let period = budget.isRate ? " in the last 24 hours" : ""
        throw .invalidValue(
            budget.field,
            "has \(used) \(budget.counted)\(period), the most \(budget.key) (\(limit)) allows; "
                + (budget.isRate ? "try again later, or ask the secretariat" : "ask the secretariat")
        )
    }
}

/// The budgets one write is charged to, with the limits in force. There is none (`nil`) for a caller the budgets
/// do not hold (`MemberBudgets.apply(to:)`).
public struct BudgetCharge: Sendable, Hashable {
    public let budgets: [Budget]
    public let limits: MemberBudgets

    /// The charge of a write by a caller with `roles`; `nil` for an administrator.
    public init?(_ budgets: [Budget], limits: MemberBudgets, roles: Set<Role>) {
        guard MemberBudgets.apply(to: roles) else { return nil }
        self.budgets = budgets
        self.limits = limits
    }
}
