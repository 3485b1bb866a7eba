import RiskCore
import Testing

/// Issue 20, item 2: every stored byte a user without the admin role can cause has a budget, refused with the key
/// and its value.
@Suite("Budgets")
struct BudgetRulesTests {
    @Test(
        "Under the limit passes; at it, the refusal names the field, the count, the key and the limit",
        arguments: [
            (Budget.openConcerns, 9, 10, nil),
            (.openConcerns, 10, 10, "has 10 open concerns, the most concerns.max_open_per_member (10) allows"),
            (.concernsPerDay, 0, 1, nil),
            (
                .concernsPerDay, 1, 1,
                "has 1 concerns raised in the last 24 hours, the most concerns.max_per_member_per_day (1) allows"
            ),
            (
                .checksPerDay, 100, 100,
                "has 100 conflict checks stored in the last 24 hours, the most "
                    + "interests.max_checks_per_member_per_day (100) allows"
            ),
            (
                .interestChangesPerDay, 7, 3,
                "has 7 changes to interests in the last 24 hours, the most "
                    + "interests.max_changes_per_member_per_day (3) allows"
            ),
            (
                .confirmationsPerDay, 10, 10,
                "has 10 confirmations in the last 24 hours, the most "
                    + "interests.max_confirmations_per_member_per_day (10) allows"
            ),
            (
                .contactChangesPerDay, 10, 10,
                "has 10 changes of a mail address, name or SSH key in the last 24 hours, the most "
                    + "mail.max_contact_changes_per_member_per_day (10) allows"
            ),
            (
                .reviewsPerDay, 50, 50,
                "has 50 reviews of risks in the last 24 hours, the most risk.max_reviews_per_member_per_day (50) "
                    + "allows"
            ),
            (.actionUpdatesPerDay, 99, 100, nil),
        ] as [(Budget, Int, Int, String?)]
    )
    func admit(budget: Budget, used: Int, limit: Int, refusal: String?) {
        var limits = MemberBudgets()
        limits.set(budget, to: limit)
        do {
            try BudgetRules.admit(budget, used: used, limits: limits)
            #expect(refusal == nil, "admitted \(budget) at \(used) of \(limit)")
        } catch {
            #expect(error.kind == .invalidValue)
            #expect(error.field == budget.field)
            if let refusal {
                #expect(error.reason.hasPrefix(refusal + "; "), "\(error.reason)")
            } else {
                Issue.record("refused \(budget) at \(used) of \(limit): \(error.reason)")
            }
        }
    }

    @Test(
        "Every budget's field, key and default",
        arguments: [
            (Budget.openConcerns, "raisedBy", "concerns.max_open_per_member", 10, false),
            (.concernsPerDay, "raisedBy", "concerns.max_per_member_per_day", 10, true),
            (.checksPerDay, "by", "interests.max_checks_per_member_per_day", 50, true),
            (.interestChangesPerDay, "declarant", "interests.max_changes_per_member_per_day", 100, true),
            (.confirmationsPerDay, "declarant", "interests.max_confirmations_per_member_per_day", 10, true),
            (.contactChangesPerDay, "user", "mail.max_contact_changes_per_member_per_day", 10, true),
            (.reviewsPerDay, "reviewer", "risk.max_reviews_per_member_per_day", 20, true),
            (.actionUpdatesPerDay, "owner", "risk.max_action_updates_per_member_per_day", 100, true),
        ] as [(Budget, String, String, Int, Bool)]
    )
    func keys(budget: Budget, field: String, key: String, limit: Int, isRate: Bool) {
        #expect(budget.field == field)
        #expect(budget.key == key)
        #expect(budget.defaultLimit == limit)
        #expect(MemberBudgets()[budget] == limit)
        #expect(budget.isRate == isRate)
    }

    @Test(
        "Administrators are not held to budgets; every other role is",
        arguments: [
            ([Role.board], true),
            ([.auditor], true),
            ([.mailer], true),
            ([.board, .auditor], true),
            ([], true),
            ([.admin], false),
            ([.admin, .board], false),
        ] as [([Role], Bool)]
    )
    func holds(roles: [Role], held: Bool) {
        #expect(MemberBudgets.apply(to: Set(roles)) == held)
        let charge = BudgetCharge([.concernsPerDay], limits: MemberBudgets(), roles: Set(roles))
        #expect((charge != nil) == held)
    }

    @Test("A rate counts the 24 hours before now, not the calendar day") func window() {
        let now = Instant(rfc3339: "2026-11-29T00:30:00Z") ?? Instant(secondsSinceEpoch: 0)
        #expect(BudgetRules.windowStart(now: now).description == "2026-11-28T00:30:00Z")
    }
}
