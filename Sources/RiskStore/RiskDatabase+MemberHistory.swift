import GRDB
import RiskCore

extension RiskDatabase {
    /// The members as riskd had recorded them by `asOf`: those it had seen by then who held the board role then
    /// (`boardAsOf`), by user name, with their confirmations, acknowledgements, declarations in force and open
    /// findings of that time. `lastSeenAt` is the latest sighting recorded by then that riskd still holds (a span's
    /// last sighting moves on, so a later one may stand for several); `contact` and `name` are left as they are now
    /// and for the caller to read as of `asOf` (`memberNames(of:asOf:)`).
    ///
    /// - Parameter only: just this user, when they were a member then.
    public func members(asOf: Instant, only: String? = nil) async throws -> [Member] {
        try await writer.read { db in
            let at = asOf.description
            var arguments: StatementArguments = [at, asOf.utcDate.description]
            var sql = """
                SELECT m.user, m.uid, m.first_seen_at,
                    COALESCE((SELECT MAX(seen) FROM (
                        SELECT from_at AS seen FROM board_span s WHERE s.user = m.user AND s.from_at <= ?1
                        UNION ALL
                        SELECT last_seen_at FROM board_span s WHERE s.user = m.user AND s.last_seen_at <= ?1)),
                        m.first_seen_at) AS last_seen_at,
                    (SELECT MAX(confirmed_at) FROM confirmation c WHERE c.declarant = m.user AND c.confirmed_at <= ?1)
                        AS last_confirmed_at,
                    (SELECT MAX(version) FROM acknowledgement a WHERE a.user = m.user AND a.acknowledged_at <= ?1)
                        AS acknowledged_version,
                    (SELECT COUNT(*) FROM (\(VersionLog.asOf(.interest, parameter: "?1"))) i
                        WHERE i.declarant = m.user AND i.started_on <= ?2 AND (i.ended_on IS NULL OR i.ended_on >= ?2))
                        AS active_interests,
                    (SELECT COUNT(*) FROM finding f WHERE f.subject = 'member:' || m.user AND f.first_seen_at <= ?1
                        AND (f.resolved_at IS NULL OR f.resolved_at > ?1)) AS open_findings,
                    (SELECT email FROM contact k WHERE k.user = m.user) AS contact, NULL AS name
                FROM member m
                WHERE m.first_seen_at <= ?1 AND EXISTS (SELECT 1 FROM board_span s WHERE s.user = m.user
                    AND s.from_at <= ?1 AND (s.gone_at IS NULL OR s.gone_at > ?1))
                """
            if let only {
                sql += " AND m.user = ?3"
                arguments += [only]
            }
            sql += " ORDER BY m.user"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(MemberRow.member)
        }
    }
}
