import Foundation
import GRDB
import RiskCore

extension RiskDatabase {
    /// The register as it stood at `asOf`, for the board pack, from one read transaction of what was recorded by
    /// then: nothing in it changes when the register changes later, except that an erased declaration's text is
    /// erased in every version too.
    ///
    /// Risks, actions and declarations are their last version at or before `asOf`; confirmations,
    /// acknowledgements, the code and findings are those recorded by then; who held the board role is what riskd
    /// had seen by then (`boardAsOf`); appetites are replayed from their audit entries, since the `appetite` table
    /// holds only the latest.
    ///
    /// Open concerns are those raised by `asOf` and not closed by then. Of stored findings only
    /// `meeting-recusal-unrecorded` is read (with when it was found and resolved); the pack evaluates every
    /// other rule on the register as it stood. `hiddenSubjects` names the concerns and interests `reader` may not
    /// read, so that the pack counts no finding about them.
    ///
    /// - Parameter reader: who the pack is made for; nil hides nothing.
    public func boardPackFacts(asOf: Instant, reader: SubjectReader? = nil) async throws -> BoardPackFacts {
        let at = asOf.description
        let day = asOf.utcDate.description
        let earlier = Instant(
            secondsSinceEpoch: asOf.secondsSinceEpoch - Int64(BoardPackFacts.scoreChangeDays) * 86_400
        )
        return try await writer.read { db in
            let risks = try Self.risksAsOf(db, at: at).filter { $0.status != .closed }
            let earlierScores = try Self.scoresAsOf(db, at: earlier.description)
            let actions = try ActionRow.fetchAll(
                db,
                sql: "SELECT * FROM (\(VersionLog.asOf(.action))) WHERE status = ? ORDER BY id",
                arguments: [at, ActionStatus.open.rawValue]
            ).map { row throws(StoreError) in try row.domain() }
            let interests = try InterestRow.fetchAll(
                db,
                sql: """
                    SELECT * FROM (\(VersionLog.asOf(.interest)))
                    WHERE declared_at <= ? AND started_on <= ? AND (ended_on IS NULL OR ended_on >= ?)
                    ORDER BY declarant, id
                    """,
                arguments: [at, at, day, day]
            ).map { row throws(StoreError) in try row.domain() }
            let members = try Self.memberFacts(db, asOf: asOf)
            let code = try Row.fetchOne(
                db,
                sql:
                    "SELECT version, published_at FROM ethics_code WHERE published_at <= ? ORDER BY version DESC LIMIT 1",
                arguments: [at]
            ).flatMap { row -> CodeFacts? in
                guard let published = Instant(rfc3339: row["published_at"]) else { return nil }
                return CodeFacts(version: row["version"], publishedOn: published.utcDate)
            }
            var findings: [String: Int] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT rule, COUNT(*) AS n FROM finding
                    WHERE rule = 'meeting-recusal-unrecorded' AND first_seen_at <= ?
                        AND (resolved_at IS NULL OR resolved_at > ?)
                        AND subject NOT IN (SELECT value FROM json_each(?)) GROUP BY rule
                    """,
                arguments: [at, at, try Self.hiddenSubjectsArgument(db, from: reader)]
            ) {
                findings[row["rule"]] = row["n"]
            }
            let concerns = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, raised_at FROM concern WHERE raised_at <= ? AND (closed_at IS NULL OR closed_at > ?)
                    ORDER BY id
                    """,
                arguments: [at, at]
            ).compactMap { row in
                Instant(rfc3339: row["raised_at"]).map { ConcernFacts(id: row["id"], raisedOn: $0.utcDate) }
            }
            let head =
                try String.fetchOne(
                    db,
                    sql: "SELECT hash FROM audit WHERE at <= ? ORDER BY seq DESC LIMIT 1",
                    arguments: [at]
                ) ?? AuditChain.genesis
            return BoardPackFacts(
                asOf: asOf,
                auditHead: head,
                register: ReviewSnapshot(
                    risks: risks,
                    openActions: actions,
                    interests: [],
                    members: members,
                    code: code,
                    appetites: try Self.appetites(db, at: at),
                    openConcerns: concerns
                ),
                earlierScores: earlierScores,
                openFindings: findings,
                declarations: interests,
                hiddenSubjects: try reader.map { Set(try Self.hiddenSubjects(db, from: $0)) } ?? []
            )
        }
    }

    /// Every risk as its last version at or before `at` (closed ones included), in id order.
    private static func risksAsOf(_ db: Database, at: String) throws -> [Risk] {
        try RiskRow.fetchAll(
            db,
            sql: """
                SELECT v.* FROM (SELECT MAX(version) AS version FROM risk_version WHERE at <= ? GROUP BY id) AS latest
                JOIN risk_version AS v ON v.version = latest.version ORDER BY v.id
                """,
            arguments: [at]
        ).map { row throws(StoreError) in try row.domain() }
    }

    /// The current score of every risk as its last version at or before `at`, by id: only the ratings are read.
    private static func scoresAsOf(_ db: Database, at: String) throws -> [Int: Int] {
        var scores: [Int: Int] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT v.id, v.likelihood * v.impact AS inherent, v.residual_likelihood * v.residual_impact AS residual
                FROM (SELECT MAX(version) AS version FROM risk_version WHERE at <= ? GROUP BY id) AS latest
                JOIN risk_version AS v ON v.version = latest.version
                """,
            arguments: [at]
        )
        // The current score is the residual one when both residual ratings are set (Risk.score).
        while let row = try rows.next() {
            let residual: Int? = row["residual"]
            scores[row["id"]] = residual ?? row["inherent"]
        }
        return scores
    }

    /// The appetites set at `at`, replayed from the audit entries of `SetAppetite` (a removal is a null maxScore).
    private static func appetites(_ db: Database, at: String) throws -> [String: Int] {
        struct Change: Decodable {
            var category: String
            var maxScore: Int?
        }
        var table: [String: Int] = [:]
        let decoder = JSONDecoder()
        for detail in try String.fetchAll(
            db,
            // A range over the subject index rather than LIKE, which SQLite would answer with a scan of the trail.
            sql:
                "SELECT detail FROM audit WHERE subject >= 'appetite:' AND subject < 'appetite;' AND at <= ? ORDER BY seq",
            arguments: [at]
        ) {
            guard let change = try? decoder.decode(Change.self, from: Data(detail.utf8)) else {
                throw StoreError.corrupt("audit entry of an appetite")
            }
            table[change.category] = change.maxScore
        }
        return table
    }
}
