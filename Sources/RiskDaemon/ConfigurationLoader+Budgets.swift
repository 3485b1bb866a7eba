import RiskCore

/// The budget keys (`Budget`): each is a whole number from 1 to `Budget.maximumLimit`, in the section its budget
/// names (`[concerns]` holds only budget keys), beside that section's own keys.
extension ConfigurationLoader {
    /// `sections` with every budget key added to its section.
    static func withBudgets(_ sections: [String: [String: Setter]]) -> [String: [String: Setter]] {
        var all = sections
        for budget in Budget.allCases {
            all[budget.section, default: [:]][budget.name] = setter(of: budget)
        }
        return all
    }

    private static func setter(of budget: Budget) -> Setter {
        { configuration, value throws(SetterError) in
            let limit = try int(value, 1...Budget.maximumLimit)
            configuration.budgets.set(budget, to: limit)
        }
    }
}
