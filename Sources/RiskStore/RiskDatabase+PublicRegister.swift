import GRDB
import RiskCore

extension RiskDatabase {
    /// What the public register is built from at `asOf`, as recorded by then (`boardPackFacts` reads the same way):
    /// every declaration, as its last version at or before `asOf`, declared by then that was active on its day or
    /// ended within `retainDays` before it, in declarant and id order, nothing withheld yet; and the facts of every
    /// member as they stood then.
    public func publicRegister(
        asOf: Instant,
        retainDays: Int
    ) async throws -> (interests: [Interest], members: [MemberFacts]) {
        let day = asOf.utcDate
        return try await writer.read { db in
            let interests = try InterestRow.fetchAll(
                db,
                sql: """
                    SELECT * FROM (\(VersionLog.asOf(.interest)))
                    WHERE declared_at <= ? AND started_on <= ? AND (ended_on IS NULL OR ended_on >= ?)
                    ORDER BY declarant, id
                    """,
                arguments: [
                    asOf.description, asOf.description, day.description, day.adding(days: -retainDays).description,
                ]
            ).map { row throws(StoreError) in try row.domain() }
            return (interests, try Self.memberFacts(db, asOf: asOf))
        }
    }
}
