import GRDB
import RiskCore

extension RiskDatabase {
    /// The people of `mail-unaddressed`: those with notices riskd marked unaddressed (no contact address and no
    /// `mail.domain` when they were written) on or after `since` (the rule's window), who still have no address
    /// under `policy`: the count and the first day are of those notices only. With mail off, nobody: no notice is
    /// written then, and old ones are not the secretariat's to chase.
    static func unaddressedPeople(_ db: Database, policy: MailPolicy, since: CalendarDate) throws -> [UnaddressedFacts]
    {
        guard policy.enabled else { return [] }
        let since = since.description
        return try Row.fetchAll(
            db,
            sql: """
                SELECT n.user, COUNT(*) AS notices, MIN(n.created_at) AS first, MAX(n.created_at) AS last
                FROM mail_notice n
                WHERE n.state = '\(NoticeState.unaddressed.rawValue)' AND n.created_at >= ?
                    AND NOT EXISTS (SELECT 1 FROM contact c WHERE c.user = n.user)
                GROUP BY n.user ORDER BY n.user
                """,
            arguments: [since]
        ).compactMap { row in
            let user: String = row["user"]
            guard policy.address(of: user, contact: nil) == nil,
                let first = Instant(rfc3339: row["first"]), let last = Instant(rfc3339: row["last"])
            else { return nil }
            return UnaddressedFacts(user: user, notices: row["notices"], firstOn: first.utcDate, lastOn: last.utcDate)
        }
    }
}
