import GRDB
import RiskCore

/// How much of a `Budget` a member has used, counted from the rows' own columns (who, when) inside the write
/// transaction that would spend one more: no state outside the database, so a restart resets nothing, and two
/// writes at once are serialised by the transaction.
///
/// Writes that change a record in place (an interest, a contact, an action) leave no row of their own but their
/// audit entry, so those are counted in the audit trail, by the method the audit records.
enum BudgetCounts {
    /// What `user` has used of `budget`: of a rate, the records since `windowStart` (the rule's window).
    static func used(_ db: Database, _ budget: Budget, user: String, windowStart: Instant) throws -> Int {
        let since = windowStart.description
        let (sql, arguments): (String, StatementArguments) =
            switch budget {
            case .openConcerns:
                (
                    "SELECT COUNT(*) FROM concern WHERE raised_by = ? AND status = ?",
                    [user, Concern.Status.open.rawValue]
                )
            case .concernsPerDay:
                ("SELECT COUNT(*) FROM concern WHERE raised_by = ? AND raised_at >= ?", [user, since])
            case .checksPerDay:
                ("SELECT COUNT(*) FROM conflict_check WHERE \"by\" = ? AND at >= ?", [user, since])
            case .confirmationsPerDay:
                ("SELECT COUNT(*) FROM confirmation WHERE declarant = ? AND confirmed_at >= ?", [user, since])
            case .reviewsPerDay:
                ("SELECT COUNT(*) FROM risk_review WHERE reviewer = ? AND reviewed_at >= ?", [user, since])
            case .interestChangesPerDay:
                audited(["org.riskd.interest.Update", "org.riskd.interest.End"], subject: "interest:", user, since)
            case .contactChangesPerDay:
                audited(
                    [
                        "org.riskd.member.SetContact", "org.riskd.member.SetName", "org.riskd.member.AddKey",
                        "org.riskd.member.RemoveKey",
                    ],
                    subject: "member:",
                    user,
                    since
                )
            case .actionUpdatesPerDay:
                audited(["org.riskd.risk.UpdateAction"], subject: "action:", user, since)
            }
        return try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0
    }

    /// The audit entries `user` made through `methods` since `since` about a subject starting with `subject` (a
    /// change also audits what it caused, such as a recusal, under another subject: that is not counted).
    private static func audited(
        _ methods: [String],
        subject: String,
        _ user: String,
        _ since: String
    ) -> (String, StatementArguments) {
        let placeholders = methods.map { _ in "?" }.joined(separator: ", ")
        return (
            """
            SELECT COUNT(*) FROM audit WHERE actor = ? AND method IN (\(placeholders)) AND at >= ?
                AND substr(subject, 1, ?) = ?
            """,
            StatementArguments([user] + methods + [since]) + [subject.count, subject]
        )
    }
}
