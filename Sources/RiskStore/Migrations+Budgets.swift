import GRDB

extension Migrations {
    /// Budgets (issue 20): indexes that let a write count its author's rows of the last 24 hours
    /// (`BudgetCounts`) without reading the whole table.
    static func budgets(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE INDEX concern_by_raiser ON concern(raised_by, raised_at);
                CREATE INDEX conflict_check_by_author ON conflict_check("by", at);
                CREATE INDEX risk_review_by_reviewer ON risk_review(reviewer, reviewed_at);
                CREATE INDEX audit_by_actor ON audit(actor, method, at);
                """
        )
    }
}
