import GRDB
import RiskCore

extension RiskDatabase {
    /// What the review rules need of every declaration active on `today`, each with whether its organisation is a
    /// registry name or alias now (`InterestFacts.listed`, the rule that links a declaration): an alias added since
    /// the declaration counts at the next run.
    static func interestFacts(_ db: Database, today: CalendarDate) throws -> [InterestFacts] {
        // Every registry name and alias, folded: a declaration spelled as one of them is linked (`listed`).
        let registryNames = try Set(
            String.fetchAll(
                db,
                sql: """
                    SELECT normalised_name FROM organisation
                    UNION SELECT normalised_alias FROM organisation_alias
                    """
            )
        )
        return try Row.fetchAll(
            db,
            sql: """
                SELECT id, declarant, declared_at, management_plan IS NOT NULL AS managed,
                    CASE kind WHEN 'gift' THEN value END AS gift, organisation, normalised_organisation, sensitive
                FROM interest
                WHERE ended_on IS NULL OR ended_on >= ?
                """,
            arguments: [today.description]
        ).compactMap { row -> InterestFacts? in
            guard let declared = Instant(rfc3339: row["declared_at"]) else { return nil }
            let organisation: String = row["organisation"]
            return InterestFacts(
                id: row["id"],
                declarant: row["declarant"],
                declaredOn: declared.utcDate,
                managed: row["managed"],
                gift: row["gift"],
                organisation: organisation,
                sensitive: row["sensitive"],
                // The name as folded when it was stored, as the conflict checks' queries match it: folding ten
                // thousand names again on every run was a tenth of the run (perf).
                listed: registryNames.contains(row["normalised_organisation"] as String)
            )
        }
    }
}
