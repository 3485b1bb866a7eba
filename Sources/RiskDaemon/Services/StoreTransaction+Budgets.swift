import RiskCore
import RiskStore

extension StoreTransaction {
    /// Refuses the write (`BudgetRules.admit`) when it would take its author past a budget of `charge`; a `nil`
    /// charge (an administrator) is never refused. Called first in a story, before it stores anything.
    func admit(_ charge: BudgetCharge?) throws {
        guard let charge else { return }
        let windowStart = BudgetRules.windowStart(now: actor.now)
        for budget in charge.budgets {
            try BudgetRules.admit(budget, used: try used(budget, windowStart: windowStart), limits: charge.limits)
        }
    }
}
