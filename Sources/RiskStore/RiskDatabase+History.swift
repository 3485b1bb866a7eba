import GRDB
import RiskCore

extension RiskDatabase {
    // MARK: History and the register as of a time

    /// The versions of risk `id`, oldest first: every one, or the newest that fit in `budget` bytes of a reply, with
    /// `omitted` counting the older ones left out; `nil` when there is no such risk.
    public func riskHistory(
        id: Int,
        budget: Int = ReplySize.pageBytes
    ) async throws -> (versions: [RiskVersion], omitted: Int)? {
        try await lookup { db in
            guard try RiskRow.fetchOne(db, key: id) != nil else { return nil }
            let newestFirst = try Row.fetchCursor(
                db.cachedStatement(sql: "SELECT * FROM risk_version WHERE id = ? ORDER BY version DESC"),
                arguments: [id]
            )
            var versions: [RiskVersion] = []
            var page = ReplySize.Page(budget: budget)
            var omitted = 0
            while let row = try newestFirst.next() {
                if omitted > 0 {
                    omitted += 1
                    continue
                }
                let version = try RiskHistory.version(row)
                guard page.take(RiskHistory.replyBytes(of: version)) else {
                    omitted = 1
                    continue
                }
                versions.append(version)
            }
            return (versions.reversed(), omitted)
        }
    }

    /// One page of the register as it stood at `asOf`: each risk as its last version at or before then, filtered
    /// by `query` as `risks(_:)` filters today's register; a risk created later is absent.
    public func risks(_ query: RiskQuery, asOf: Instant) async throws -> (risks: [Risk], next: Int?) {
        try await writer.read { db in
            let (clauses, filterArguments) = query.clauses()
            // Walks the risks in id order and looks up each one's version through the (id, at, version) index, so
            // a page costs its own risks, not the whole register (a GROUP BY over every version did).
            let sql = """
                SELECT * FROM (
                    SELECT v.* FROM risk AS r JOIN risk_version AS v ON v.version = (
                        SELECT version FROM risk_version
                        WHERE id = r.id AND at <= ? ORDER BY at DESC, version DESC LIMIT 1)
                    WHERE r.id > ? ORDER BY r.id)
                WHERE \(clauses.joined(separator: " AND "))
                ORDER BY id LIMIT ?
                """
            var arguments: StatementArguments = [asOf.description, query.after ?? 0]
            arguments += filterArguments
            arguments += [query.limit + 1]
            let rows = try RiskRow.fetchAll(db, sql: sql, arguments: arguments)
            let page = try rows.prefix(query.limit).map { row throws(StoreError) in try row.domain() }
            return (page, rows.count > query.limit ? page.last?.id : nil)
        }
    }

    /// Non-empty cells of the matrix over the risks that were not closed at `asOf`.
    public func matrix(inherent: Bool, asOf: Instant) async throws -> [MatrixCell] {
        let rating = MatrixCell.ratingColumns(inherent: inherent)
        return try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT l, i, COUNT(*) AS n FROM (
                        SELECT \(rating) FROM (SELECT MAX(version) AS version FROM risk_version WHERE at <= ? GROUP BY id)
                            AS latest
                        JOIN risk_version AS v ON v.version = latest.version
                        WHERE v.status <> ?)
                    GROUP BY l, i ORDER BY l, i
                    """,
                arguments: [asOf.description, RiskStatus.closed.rawValue]
            ).map { row in MatrixCell(likelihood: row["l"], impact: row["i"], count: row["n"]) }
        }
    }

    // MARK: Acceptances that lapse

    /// Whether an acceptance ran until a day before `today`: the review run lapses them first
    /// (`RiskService.lapseExpiredAcceptances`), and most runs find none, so that a run with nothing to lapse
    /// commits nothing.
    public func anyAcceptanceExpired(today: CalendarDate) async throws -> Bool {
        try await writer.read { db in
            try Bool.fetchOne(
                db,
                sql: "SELECT EXISTS (SELECT 1 FROM risk WHERE status = ? AND accepted_until < ?)",
                arguments: [RiskStatus.accepted.rawValue, today.description]
            ) ?? false
        }
    }

    // MARK: Appetite

    /// The appetites the board set, by category.
    public func appetites() async throws -> [Appetite] {
        try await lookup { db in
            try Row.fetchAll(db, sql: "SELECT * FROM appetite ORDER BY category").compactMap { row in
                guard let setAt = Instant(rfc3339: row["set_at"]) else { throw StoreError.corrupt("appetite") }
                return Appetite(
                    category: row["category"],
                    maxScore: row["max_score"],
                    setBy: row["set_by"],
                    setAt: setAt
                )
            }
        }
    }

    /// The appetites as a table, category → highest score tolerated, from memory: riskd is the only writer of its
    /// database, and a write that changes an appetite refreshes the table when it commits (`saveAppetite`).
    public func appetiteTable() -> [String: Int] {
        appetiteCache.withLock { $0 }
    }

    /// Reads the appetites into the table `appetiteTable()` answers from (at open, before any event loop runs).
    func loadAppetites() throws {
        let table = try writer.read { db in try Self.appetiteTable(db) }
        appetiteCache.withLock { $0 = table }
    }

    /// The appetites as a table for the rules: category → highest score tolerated.
    static func appetiteTable(_ db: Database) throws -> [String: Int] {
        var table: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT category, max_score FROM appetite") {
            table[row["category"]] = row["max_score"]
        }
        return table
    }
}
